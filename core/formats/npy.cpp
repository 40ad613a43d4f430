// Index of this file:
// [SECTION] The header: a Python dict literal such as
// [SECTION] Dtypes and values

#include "core/formats/npy.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace convstep {

namespace {

constexpr std::string_view kMagic = "\x93NUMPY";

// [SECTION] The header: a Python dict literal such as
//   {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
// read with just enough of Python's syntax for what np.save writes.

struct Header {
  std::string descr;
  bool fortran_order = false;
  std::vector<long long> shape;
};

class HeaderReader {
 public:
  explicit HeaderReader(std::string_view text) : text_(text) {}

  Result<Header> Read() {
    Header h;
    bool seen_descr = false;
    bool seen_order = false;
    bool seen_shape = false;
    SkipSpace();
    if (!Eat('{')) return Fail("expected '{'");
    while (true) {
      SkipSpace();
      if (Eat('}')) break;
      const std::size_t key_at = pos_;
      Result<std::string> key = String();
      if (!key) return Error{key.error()};
      SkipSpace();
      if (!Eat(':')) return Fail("expected ':' after '" + *key + "'");
      SkipSpace();
      bool* seen = nullptr;
      if (*key == "descr") {
        seen = &seen_descr;
        if (Peek() == '[' || Peek() == '{') {
          return Error{"the .npy array has a structured dtype: save a plain numeric array instead"};
        }
        Result<std::string> descr = String();
        if (!descr) return Error{descr.error()};
        h.descr = *descr;
      } else if (*key == "fortran_order") {
        seen = &seen_order;
        Result<bool> order = Bool();
        if (!order) return Error{order.error()};
        h.fortran_order = *order;
      } else if (*key == "shape") {
        seen = &seen_shape;
        Result<std::vector<long long>> shape = Tuple();
        if (!shape) return Error{shape.error()};
        h.shape = *shape;
      } else {
        pos_ = key_at;
        return Fail("unknown key '" + *key + "' (np.save writes only 'descr', 'fortran_order' and 'shape')");
      }
      if (*seen) {
        pos_ = key_at;
        return Fail("'" + *key + "' appears twice");
      }
      *seen = true;
      SkipSpace();
      if (Eat('}')) break;
      if (!Eat(',')) return Fail("expected ',' or '}'");
    }
    SkipSpace();
    if (pos_ != text_.size()) return Fail("unexpected text after the closing '}'");
    if (!seen_descr) return Error{"the .npy header has no 'descr'"};
    if (!seen_order) return Error{"the .npy header has no 'fortran_order'"};
    if (!seen_shape) return Error{"the .npy header has no 'shape'"};
    return h;
  }

 private:
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool Eat(char ch) {
    if (Peek() != ch) return false;
    ++pos_;
    return true;
  }
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\t')) ++pos_;
  }
  Error Fail(const std::string& what) const {
    return Error{"the .npy header does not parse at character " + std::to_string(pos_ + 1) + ": " + what};
  }

  // A quoted Python string; np.save's keys and dtypes need no escapes.
  Result<std::string> String() {
    const char quote = Peek();
    if (quote != '\'' && quote != '"') return Fail("expected a quoted string");
    const std::size_t first = pos_ + 1;
    const std::size_t close = text_.find(quote, first);
    if (close == std::string_view::npos) return Fail("a string is not closed");
    // Printable ASCII without escapes, as np.save writes: a string may be
    // quoted in a message, which must stay one readable line.
    for (pos_ = first; pos_ < close; ++pos_) {
      const auto ch = static_cast<unsigned char>(text_[pos_]);
      if (ch == '\\') return Fail("escapes in strings are not supported");
      if (ch < 0x20 || ch > 0x7E) return Fail("a string holds a byte that is not printable ASCII");
    }
    ++pos_;
    return std::string(text_.substr(first, close - first));
  }

  Result<bool> Bool() {
    for (const bool value : {true, false}) {
      const std::string_view word = value ? "True" : "False";
      if (text_.substr(pos_, word.size()) == word) {
        pos_ += word.size();
        return value;
      }
    }
    return Fail("expected True or False");
  }

  // (3, 4) or (3,) or (): whole numbers, Python 2's "3L" included.
  Result<std::vector<long long>> Tuple() {
    if (!Eat('(')) return Fail("expected a tuple such as (3, 4)");
    std::vector<long long> dims;
    while (true) {
      SkipSpace();
      if (Eat(')')) return dims;
      if (Peek() < '0' || Peek() > '9') return Fail("expected a whole number in the shape");
      long long n = 0;
      while (Peek() >= '0' && Peek() <= '9') {
        // Anything this big is far over the limits; stop before it overflows.
        if (n > 1000000000) return Fail("a dimension of the shape is far too large");
        n = n * 10 + (Peek() - '0');
        ++pos_;
      }
      Eat('L');
      // More dimensions than any grid has: no need to keep reading them.
      if (dims.size() == 32) return Fail("the shape has too many dimensions");
      dims.push_back(n);
      SkipSpace();
      if (Eat(')')) return dims;
      if (!Eat(',')) return Fail("expected ',' or ')' in the shape");
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// [SECTION] Dtypes and values

enum class Kind { kFloat, kSigned, kUnsigned };

struct Dtype {
  Kind kind = Kind::kFloat;
  int size = 0;  // bytes per value
};

Result<Dtype> DtypeOf(const std::string& descr) {
  const std::string supported =
      "use float32, float64, int8, int16, int32, int64 or uint8 (e.g. a.astype(np.float32))";
  struct Known {
    std::string_view code;
    Dtype dtype;
  };
  constexpr Known kKnown[] = {{"f4", {Kind::kFloat, 4}},  {"f8", {Kind::kFloat, 8}},  {"i1", {Kind::kSigned, 1}},
                              {"i2", {Kind::kSigned, 2}}, {"i4", {Kind::kSigned, 4}}, {"i8", {Kind::kSigned, 8}},
                              {"u1", {Kind::kUnsigned, 1}}};
  if (descr.size() >= 2) {
    const char order = descr[0];
    const std::string_view code = std::string_view(descr).substr(1);
    for (const Known& k : kKnown) {
      if (code != k.code) continue;
      if (order == '<' || (k.dtype.size == 1 && order == '|')) return k.dtype;
      if (order == '>') {
        return Error{"the .npy data is big-endian ('" + descr + "'): save it little-endian, e.g. a.astype('<" +
                     std::string(code) + "')"};
      }
    }
  }
  return Error{"the .npy dtype '" + descr + "' is not supported: " + supported};
}

// One value stored little-endian at `p`, assembled byte by byte so that
// neither the host's byte order nor the buffer's alignment matters.
double ValueAt(const unsigned char* p, const Dtype& t) {
  std::uint64_t bits = 0;
  for (int k = t.size - 1; k >= 0; --k) bits = (bits << 8) | p[k];
  switch (t.kind) {
    case Kind::kFloat:
      return t.size == 4 ? std::bit_cast<float>(static_cast<std::uint32_t>(bits)) : std::bit_cast<double>(bits);
    case Kind::kSigned: {
      // Sign-extend from the top bit of the stored width.
      const int shift = 64 - 8 * t.size;
      return static_cast<double>(static_cast<std::int64_t>(bits << shift) >> shift);
    }
    case Kind::kUnsigned:
      return static_cast<double>(bits);
  }
  return 0.0;
}

// The shape as NumPy prints it, "(2, 3)".
std::string ShapeText(const std::vector<long long>& shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + (shape.size() == 1 ? ",)" : ")");
}

}  // namespace

Result<Tensor3> ParseNpy(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) {
    return Error{"npy.not_npy", {}, "this is not a .npy file: it does not start with \\x93NUMPY"};
  }
  if (bytes.size() < 10) return Error{"npy.truncated_preamble", {}, "the .npy file is truncated: it ends inside its preamble"};
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const int major = byte(6);
  const int minor = byte(7);
  if ((major != 1 && major != 2 && major != 3) || minor != 0) {
    return Error{"the .npy format version " + std::to_string(major) + "." + std::to_string(minor) +
                 " is not supported: versions 1.0, 2.0 and 3.0 are"};
  }
  // Version 1.0 stores the header length in 2 bytes, later versions in 4.
  const std::size_t preamble = major == 1 ? 10 : 12;
  if (bytes.size() < preamble) return Error{"npy.truncated_preamble", {}, "the .npy file is truncated: it ends inside its preamble"};
  std::size_t header_len = 0;
  for (std::size_t k = preamble; k-- > 8;) header_len = (header_len << 8) | byte(k);
  if (header_len > kMaxNpyHeaderBytes) {
    return Error{"the .npy header is " + std::to_string(header_len) + " bytes long; at most " +
                 std::to_string(kMaxNpyHeaderBytes) + " are read"};
  }
  if (bytes.size() - preamble < header_len) {
    return Error{"the .npy file is truncated: its header should be " + std::to_string(header_len) +
                 " bytes but the file ends after " + std::to_string(bytes.size() - preamble)};
  }
  Result<Header> header = HeaderReader(bytes.substr(preamble, header_len)).Read();
  if (!header) return header.failure();
  Result<Dtype> dtype = DtypeOf(header->descr);
  if (!dtype) return dtype.failure();
  if (header->fortran_order) {
    return Error{"npy.fortran_order", {}, "the .npy array is in Fortran order: save np.ascontiguousarray(a) instead"};
  }

  const std::vector<long long>& shape = header->shape;
  if (shape.size() != 2 && shape.size() != 3) {
    return Error{"the .npy array has shape " + ShapeText(shape) +
                 ": a grid is 2-D (rows, columns) or 3-D (channels, rows, columns)"};
  }
  const bool planar = shape.size() == 3;
  const long long c = planar ? shape[0] : 1;
  const long long h = shape[shape.size() - 2];
  const long long w = shape[shape.size() - 1];
  if (c == 0 || h == 0 || w == 0) return Error{"the .npy array has shape " + ShapeText(shape) + ": it is empty"};
  if (c > kMaxGridChannels || h > kMaxGridSide || w > kMaxGridSide) {
    return Error{"the .npy array has shape " + ShapeText(shape) + ": a grid has at most " +
                 std::to_string(kMaxGridChannels) + " channels of " + std::to_string(kMaxGridSide) + "\u00d7" +
                 std::to_string(kMaxGridSide)};
  }

  const std::size_t count = static_cast<std::size_t>(c * h * w);
  const std::size_t want = count * static_cast<std::size_t>(dtype->size);
  const std::size_t have = bytes.size() - preamble - header_len;
  if (have < want) {
    const std::vector<std::string> args = {ShapeText(shape), std::to_string(want), std::to_string(have)};
    return Error{"npy.truncated_data", args,
                 "the .npy file is truncated: shape " + args[0] + " needs " + args[1] + " bytes of data but it has " +
                     args[2]};
  }
  if (have > want) {
    return Error{"the .npy file has " + std::to_string(have - want) + " bytes after the data of shape " +
                 ShapeText(shape) + " (were several arrays saved into one file?)"};
  }

  Tensor3 grid(static_cast<int>(c), static_cast<int>(h), static_cast<int>(w));
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data() + preamble + header_len);
  for (std::size_t i = 0; i < count; ++i) {
    const double v = ValueAt(data + i * static_cast<std::size_t>(dtype->size), *dtype);
    if (!std::isfinite(v)) {
      // Named as NumPy indexes it, so the student can find it.
      const std::size_t x = i % static_cast<std::size_t>(w);
      const std::size_t y = i / static_cast<std::size_t>(w) % static_cast<std::size_t>(h);
      const std::string at = std::to_string(y) + ", " + std::to_string(x);
      const std::string index = planar ? std::to_string(i / static_cast<std::size_t>(w * h)) + ", " + at : at;
      return Error{std::isnan(v) ? "npy.nan" : "npy.infinity", {index},
                   "the .npy array holds " + std::string(std::isnan(v) ? "NaN" : "infinity") + " at a[" + index +
                       "]: a grid needs finite numbers"};
    }
    grid.data[i] = v;
  }
  return grid;
}

}  // namespace convstep
