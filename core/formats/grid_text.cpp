#include "core/formats/grid_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "core/formats/grid_limits.h"

namespace convstep {

namespace {

// Byte offset of the first byte that is not well-formed UTF-8 (overlong
// forms, surrogates and code points past U+10FFFF included), or npos.
std::size_t FirstInvalidUtf8(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char b = byte(i);
    int extra = 0;
    unsigned char lo = 0x80;  // allowed range of the first continuation byte
    unsigned char hi = 0xBF;
    if (b < 0x80) extra = 0;
    else if (b >= 0xC2 && b <= 0xDF) extra = 1;
    else if (b >= 0xE0 && b <= 0xEF) {
      extra = 2;
      if (b == 0xE0) lo = 0xA0;  // overlong
      if (b == 0xED) hi = 0x9F;  // UTF-16 surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      extra = 3;
      if (b == 0xF0) lo = 0x90;  // overlong
      if (b == 0xF4) hi = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (s.size() - i <= static_cast<std::size_t>(extra)) return i;  // cut short by the end
    for (int k = 1; k <= extra; ++k) {
      const unsigned char c = byte(i + k);
      if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return i;
    }
    i += 1 + extra;
  }
  return std::string_view::npos;
}

// How the cells of every line are separated (see grid_text.h).
struct Separators {
  bool decimal_comma = false;  // tabs and semicolons separate; a comma is a decimal point
  bool IsCellEnd(char ch) const { return decimal_comma ? (ch == '\t' || ch == ';') : ch == ','; }
};

// "1 value", "4 values".
std::string Values(int n) { return std::to_string(n) + (n == 1 ? " value" : " values"); }

// Bytes and characters agree on the column: everything before the first
// bad cell is numbers and separators, all ASCII (the BOM is gone by then).
std::string Where(int line_no, std::size_t pos) {
  return "line " + std::to_string(line_no) + ", column " + std::to_string(pos + 1);
}

// The cell as the message quotes it: control characters (a stray \r, a
// form feed) written as \xNN and long cells cut at a character boundary, so
// that the message stays one readable line.
std::string Quoted(std::string_view cell) {
  constexpr std::size_t kShown = 24;
  std::size_t cut = std::min(cell.size(), kShown);
  while (cut < cell.size() && (static_cast<unsigned char>(cell[cut]) & 0xC0) == 0x80) --cut;
  std::string quoted = "\"";
  for (const char ch : cell.substr(0, cut)) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte >= 0x20 && byte != 0x7F) {
      quoted += ch;
      continue;
    }
    constexpr char kHex[] = "0123456789abcdef";
    quoted += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
  }
  return quoted + (cut < cell.size() ? "...\"" : "\"");
}

// The number in one cell, or why it is not one.
Result<double> ParseCell(std::string_view cell, const Separators& sep) {
  std::string digits(cell);
  if (sep.decimal_comma) {
    for (char& ch : digits) {
      if (ch == ',') ch = '.';
    }
  }
  // from_chars takes no "+", but spreadsheets may write one.
  std::size_t first = 0;
  if (digits.size() > 1 && digits[0] == '+' && digits[1] != '-' && digits[1] != '+') first = 1;
  double v = 0.0;
  const char* end = digits.data() + digits.size();
  const auto [ptr, ec] = std::from_chars(digits.data() + first, end, v);
  if (ec == std::errc::result_out_of_range) return Error{Quoted(cell) + " is out of the range of numbers"};
  if (ec != std::errc() || ptr != end) return Error{Quoted(cell) + " is not a number"};
  if (!std::isfinite(v)) return Error{Quoted(cell) + " is not a finite number (NaN and infinity are not allowed)"};
  return v;
}

// Appends the numbers of one line to `out` and returns how many there were
// (0 for a line that separates channels).
Result<int> ParseLine(std::string_view line, int line_no, const Separators& sep, std::vector<double>* out) {
  int count = 0;
  std::size_t empty_cell = std::string_view::npos;  // where the first empty cell starts
  std::size_t i = 0;
  while (true) {
    // One cell: up to the next separator; spaces inside split it further.
    const std::size_t cell_start = i;
    bool cell_has_value = false;
    while (i < line.size() && !sep.IsCellEnd(line[i])) {
      if (line[i] == ' ') {
        ++i;
        continue;
      }
      const std::size_t start = i;
      while (i < line.size() && line[i] != ' ' && !sep.IsCellEnd(line[i])) ++i;
      if (count == kMaxGridSide) {
        return Error{"line " + std::to_string(line_no) + " has more than " + std::to_string(kMaxGridSide) +
                     " values: a channel is at most " + std::to_string(kMaxGridSide) + " columns wide"};
      }
      Result<double> v = ParseCell(line.substr(start, i - start), sep);
      if (!v) return Error{Where(line_no, start) + ": " + v.error()};
      out->push_back(*v);
      ++count;
      cell_has_value = true;
    }
    if (!cell_has_value && empty_cell == std::string_view::npos) empty_cell = cell_start;
    if (i == line.size()) break;
    ++i;  // past the separator
  }
  // A line of nothing but separators is a blank line, not a row of holes.
  if (count > 0 && empty_cell != std::string_view::npos) {
    return Error{Where(line_no, empty_cell) + ": an empty cell (every cell needs a number)"};
  }
  return count;
}

}  // namespace

Result<Tensor3> ParseGridText(std::string_view text) {
  if (text.size() > kMaxGridTextBytes) {
    return Error{"the text is " + std::to_string(text.size()) + " bytes long; a grid's text is at most " +
                 std::to_string(kMaxGridTextBytes >> 20) + " MiB"};
  }
  const std::size_t nul = text.find('\0');
  const std::size_t bad = nul != std::string_view::npos ? nul : FirstInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return Error{"this is not a text grid: it has binary content at byte " + std::to_string(bad)};
  }
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) text.remove_prefix(kByteOrderMark.size());

  Separators sep;
  sep.decimal_comma = text.find_first_of("\t;") != std::string_view::npos;

  Tensor3 grid;
  int rows = 0;            // rows of the channel being read
  int width = 0;           // its width, set by its first row
  int channel_line = 0;    // the line of its first row
  bool after_blank = false;
  // The channel just read must match the first one.
  const auto close_channel = [&](int last_line) -> Result<bool> {
    if (grid.c == 0) {
      grid.h = rows;
      grid.w = width;
    } else if (rows != grid.h || width != grid.w) {
      return Error{"channel " + std::to_string(grid.c + 1) + " (lines " + std::to_string(channel_line) + " to " +
                   std::to_string(last_line) + ") is " + std::to_string(rows) + "\u00d7" + std::to_string(width) +
                   " but channel 1 is " + std::to_string(grid.h) + "\u00d7" + std::to_string(grid.w) +
                   ": every channel must have the same size"};
    }
    ++grid.c;
    return true;
  };

  int line_no = 0;
  int last_row_line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    Result<int> count = ParseLine(line, line_no, sep, &grid.data);
    if (!count) return Error{count.error()};
    if (*count == 0) {
      after_blank = rows > 0;
      continue;
    }
    if (after_blank) {
      Result<bool> closed = close_channel(last_row_line);
      if (!closed) return Error{closed.error()};
      rows = 0;
      after_blank = false;
    }
    if (rows == 0) {
      if (grid.c == kMaxGridChannels) {
        return Error{"line " + std::to_string(line_no) + " starts channel " + std::to_string(grid.c + 1) +
                     ": a grid has at most " + std::to_string(kMaxGridChannels) + " channels"};
      }
      width = *count;
      channel_line = line_no;
    } else if (*count != width) {
      return Error{"line " + std::to_string(line_no) + " has " + Values(*count) + " but line " +
                   std::to_string(channel_line) + " has " + std::to_string(width)};
    }
    if (rows == kMaxGridSide) {
      return Error{"line " + std::to_string(line_no) + " is row " + std::to_string(rows + 1) + " of channel " +
                   std::to_string(grid.c + 1) + ": a channel is at most " + std::to_string(kMaxGridSide) +
                   " rows tall"};
    }
    ++rows;
    last_row_line = line_no;
  }
  if (rows == 0) return Error{"the text has no numbers: a grid needs at least one"};
  Result<bool> closed = close_channel(last_row_line);
  if (!closed) return Error{closed.error()};
  return grid;
}

}  // namespace convstep
