#include "core/formats/idx.h"

#include <cstddef>
#include <cstdio>
#include <string>

namespace convstep {

namespace {

constexpr std::uint8_t kUnsignedByte = 0x08;
constexpr int kImagesRank = 3;
constexpr int kLabelsRank = 1;

// The header's fields are big-endian whatever the host's byte order.
std::uint32_t BigEndianAt(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t k = 0; k < 4; ++k) value = (value << 8) | static_cast<unsigned char>(bytes[at + k]);
  return value;
}

// The first bytes as one hexadecimal number, "0x1F8B0808": how the IDX
// documentation writes its magic numbers.
std::string StartText(std::string_view bytes) {
  std::string text = "0x";
  char digits[3];
  for (std::size_t k = 0; k < bytes.size() && k < 4; ++k) {
    std::snprintf(digits, sizeof digits, "%02X", static_cast<unsigned char>(bytes[k]));
    text += digits;
  }
  return text;
}

// The type byte with the name the IDX documentation gives it.
std::string TypeText(std::uint8_t type) {
  char code[5];
  std::snprintf(code, sizeof code, "0x%02X", type);
  const char* name = type == 0x09   ? " (int8)"
                     : type == 0x0B ? " (int16)"
                     : type == 0x0C ? " (int32)"
                     : type == 0x0D ? " (float32)"
                     : type == 0x0E ? " (float64)"
                                    : "";
  return code + std::string(name);
}

std::string ShapeText(const std::vector<std::uint32_t>& dims) {
  std::string text;
  for (std::size_t k = 0; k < dims.size(); ++k) text += (k ? " \u00d7 " : "") + std::to_string(dims[k]);
  return text;
}

Error TruncatedHeader(std::size_t have, std::size_t need) {
  const std::vector<std::string> args = {std::to_string(have), std::to_string(need)};
  return Error{"idx.truncated_header", args,
               "the IDX file is truncated: its header needs " + args[1] + " bytes but the file has " + args[0]};
}

struct Layout {
  std::vector<std::uint32_t> dims;
  std::string_view data;  // exactly the product of dims bytes
};

// The magic number's checks: two zero bytes, unsigned bytes, `rank`.
Result<bool> CheckMagic(std::string_view bytes, int rank) {
  if (bytes.substr(0, 2).find_first_not_of('\0') != std::string_view::npos) {
    const std::string start = StartText(bytes);
    return Error{"idx.not_idx", {start},
                 "this is not an IDX file: it starts with " + start + ", and an IDX file starts with two zero bytes"};
  }
  if (bytes.size() < 4) {
    return TruncatedHeader(bytes.size(), 4);
  }
  const auto type = static_cast<std::uint8_t>(bytes[2]);
  if (type != kUnsignedByte) {
    const std::string text = TypeText(type);
    return Error{"idx.not_ubyte", {text},
                 "the IDX file holds values of type " + text + ": only unsigned bytes (type 0x08) are read"};
  }
  const int found_rank = static_cast<unsigned char>(bytes[3]);
  if (found_rank != rank) {
    const std::string found = std::to_string(found_rank);
    if (rank == kImagesRank) {
      return Error{"idx.images_rank", {found},
                   "the IDX file is " + found + "-D: images are 3-D (count, rows, columns)"};
    }
    return Error{"idx.labels_rank", {found}, "the IDX file is " + found + "-D: labels are 1-D (one per image)"};
  }
  return true;
}

// The dimensions against the limits, before anything is allocated.
Result<bool> CheckDims(const std::vector<std::uint32_t>& dims) {
  for (const std::uint32_t d : dims) {
    if (d == 0) {
      const std::string shape = ShapeText(dims);
      return Error{"idx.empty", {shape}, "the IDX file has shape " + shape + ": it is empty"};
    }
  }
  if (dims[0] > kMaxIdxItems) {
    const std::vector<std::string> args = {std::to_string(dims[0]), std::to_string(kMaxIdxItems)};
    return Error{"idx.too_many", args, "the IDX file holds " + args[0] + " items: at most " + args[1] + " are read"};
  }
  if (dims.size() == kImagesRank && (dims[1] > kMaxIdxSide || dims[2] > kMaxIdxSide)) {
    const std::vector<std::string> args = {std::to_string(dims[1]), std::to_string(dims[2]),
                                           std::to_string(kMaxIdxSide)};
    return Error{"idx.too_large", args,
                 "the IDX images are " + args[0] + " \u00d7 " + args[1] + " pixels: at most " + args[2] +
                     " \u00d7 " + args[2] + " are read"};
  }
  return true;
}

Result<Layout> ReadLayout(std::string_view bytes, int rank) {
  if (Result<bool> magic = CheckMagic(bytes, rank); !magic) return magic.failure();
  const std::size_t header = 4 + 4 * static_cast<std::size_t>(rank);
  if (bytes.size() < header) {
    return TruncatedHeader(bytes.size(), header);
  }
  Layout layout;
  for (int k = 0; k < rank; ++k) layout.dims.push_back(BigEndianAt(bytes, 4 + 4 * static_cast<std::size_t>(k)));
  if (Result<bool> dims = CheckDims(layout.dims); !dims) return dims.failure();

  // At most 100,000 × 1,024 × 1,024 after CheckDims: no overflow.
  std::size_t want = 1;
  for (const std::uint32_t d : layout.dims) want *= d;
  const std::size_t have = bytes.size() - header;
  const std::string shape = ShapeText(layout.dims);
  if (have < want) {
    const std::vector<std::string> args = {shape, std::to_string(want), std::to_string(have)};
    return Error{"idx.truncated_data", args,
                 "the IDX file is truncated: shape " + shape + " needs " + args[1] + " bytes of data but it has " +
                     args[2]};
  }
  if (have > want) {
    const std::vector<std::string> args = {std::to_string(have - want), shape};
    return Error{"idx.trailing_data", args,
                 "the IDX file has " + args[0] + " bytes after the data of shape " + shape};
  }
  layout.data = bytes.substr(header);
  return layout;
}

std::vector<std::uint8_t> BytesOf(std::string_view data) {
  return std::vector<std::uint8_t>(reinterpret_cast<const std::uint8_t*>(data.data()),
                                   reinterpret_cast<const std::uint8_t*>(data.data()) + data.size());
}

}  // namespace

Result<IdxImages> ParseIdxImages(std::string_view bytes) {
  Result<Layout> layout = ReadLayout(bytes, kImagesRank);
  if (!layout) return layout.failure();
  IdxImages images;
  images.count = static_cast<int>(layout->dims[0]);
  images.rows = static_cast<int>(layout->dims[1]);
  images.cols = static_cast<int>(layout->dims[2]);
  images.pixels = BytesOf(layout->data);
  return images;
}

Result<std::vector<std::uint8_t>> ParseIdxLabels(std::string_view bytes) {
  Result<Layout> layout = ReadLayout(bytes, kLabelsRank);
  if (!layout) return layout.failure();
  return BytesOf(layout->data);
}

}  // namespace convstep
