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

// A cell's place, "line 2, column 3": the column counts values, as a
// spreadsheet does, not characters ("1,nan,3": "nan" is in column 2).
std::string Where(int line_no, int column) {
  return "line " + std::to_string(line_no) + ", column " + std::to_string(column);
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

// The number in one cell, or why it is not one; the cell is value `column`
// of line `line_no`.
Result<double> ParseCell(std::string_view cell, const Separators& sep, int line_no, int column) {
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
  const std::vector<std::string> args = {std::to_string(line_no), std::to_string(column), Quoted(cell)};
  const std::string where = Where(line_no, column) + ": " + args[2];
  if (ec == std::errc::result_out_of_range) {
    return Error{"grid.out_of_range", args, where + " is out of the range of numbers"};
  }
  if (ec != std::errc() || ptr != end) return Error{"grid.not_a_number", args, where + " is not a number"};
  if (!std::isfinite(v)) {
    return Error{"grid.not_finite", args, where + " is not a finite number (NaN and infinity are not allowed)"};
  }
  return v;
}

// Appends the numbers of one line to `out` and returns how many there were
// (0 for a line that separates channels).
Result<int> ParseLine(std::string_view line, int line_no, const Separators& sep, std::vector<double>* out) {
  int count = 0;
  int empty_cell = 0;  // the column of the first empty cell, 0 for none
  std::size_t i = 0;
  while (true) {
    // One cell: up to the next separator; spaces inside split it further.
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
      Result<double> v = ParseCell(line.substr(start, i - start), sep, line_no, count + 1);
      if (!v) return v.failure();
      out->push_back(*v);
      ++count;
      cell_has_value = true;
    }
    if (!cell_has_value && empty_cell == 0) empty_cell = count + 1;
    if (i == line.size()) break;
    ++i;  // past the separator
  }
  // A line of nothing but separators is a blank line, not a row of holes.
  if (count > 0 && empty_cell != 0) {
    return Error{"grid.empty_cell", {std::to_string(line_no), std::to_string(empty_cell)},
                 Where(line_no, empty_cell) + ": an empty cell (every cell needs a number)"};
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
    return Error{"grid.binary", {std::to_string(bad)},
                 "this is not a text grid: it has binary content at byte " + std::to_string(bad)};
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
      const std::vector<std::string> args = {std::to_string(grid.c + 1), std::to_string(channel_line),
                                             std::to_string(last_line), std::to_string(rows) + "\u00d7" + std::to_string(width),
                                             std::to_string(grid.h) + "\u00d7" + std::to_string(grid.w)};
      return Error{"grid.channel_size", args,
                   "channel " + args[0] + " (lines " + args[1] + " to " + args[2] + ") is " + args[3] +
                       " but channel 1 is " + args[4] + ": every channel must have the same size"};
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
    if (!count) return count.failure();
    if (*count == 0) {
      after_blank = rows > 0;
      continue;
    }
    if (after_blank) {
      Result<bool> closed = close_channel(last_row_line);
      if (!closed) return closed.failure();
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
      const std::vector<std::string> args = {std::to_string(line_no), std::to_string(*count),
                                             std::to_string(channel_line), std::to_string(width)};
      return Error{*count == 1 ? "grid.ragged_one" : "grid.ragged_many", args,
                   "line " + args[0] + " has " + Values(*count) + " but line " + args[2] + " has " + args[3]};
    }
    if (rows == kMaxGridSide) {
      return Error{"line " + std::to_string(line_no) + " is row " + std::to_string(rows + 1) + " of channel " +
                   std::to_string(grid.c + 1) + ": a channel is at most " + std::to_string(kMaxGridSide) +
                   " rows tall"};
    }
    ++rows;
    last_row_line = line_no;
  }
  if (rows == 0) return Error{"grid.no_numbers", {}, "the text has no numbers: a grid needs at least one"};
  Result<bool> closed = close_channel(last_row_line);
  if (!closed) return closed.failure();
  return grid;
}

}  // namespace convstep
