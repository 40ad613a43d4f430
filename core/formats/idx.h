// IDX files, the format of MNIST and Fashion-MNIST (yann.lecun.com/exdb/mnist):
// a big-endian header — two zero bytes, the type of the values (0x08:
// unsigned bytes), the number of dimensions, then each dimension as a 4-byte
// unsigned integer — followed by the values in C order.
//
// Read: unsigned bytes only, as 3-D images (count × rows × columns, magic
// 0x00000803) or 1-D labels (count, magic 0x00000801). Everything else is an
// Error saying what is wrong: another type or rank, a header or data cut
// short, bytes after the data, an empty shape, and shapes over the limits
// below (checked before anything is allocated).
//
// The input is the file's bytes already decompressed (the data sets ship
// gzip-compressed; app/gzip reads them), so that it can be fuzzed.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace convstep {

// Fashion-MNIST has 60,000 training images of 28 × 28; anything far larger
// is not a data set this program trains on.
constexpr int kMaxIdxItems = 100000;
constexpr int kMaxIdxSide = 1024;

struct IdxImages {
  int count = 0;
  int rows = 0;
  int cols = 0;
  // Image i's pixel (y, x) is pixels[(i * rows + y) * cols + x].
  std::vector<std::uint8_t> pixels;
};

Result<IdxImages> ParseIdxImages(std::string_view bytes);
Result<std::vector<std::uint8_t>> ParseIdxLabels(std::string_view bytes);

}  // namespace convstep
