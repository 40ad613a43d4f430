// Decoded pixels to an input grid: a picture becomes the small C×H×W tensor
// a student steps a convolution over (28×28 like MNIST by default). Only the
// arithmetic lives here; decoding files is app/image's job, so the core stays
// standard C++.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/base/result.h"
#include "core/conv/tensor.h"
#include "core/formats/grid_limits.h"

namespace convstep {

// Grids from pictures are kMinImageGridSide to kMaxGridSide cells a side:
// smaller would show nothing of the picture.
inline constexpr int kMinImageGridSide = 8;
// The largest picture accepted, in pixels: a 40-megapixel photo (e.g.
// 7728×5152) is 160 MB as RGBA once decoded, which is as much as a teaching
// tool should ask of a laptop.
inline constexpr std::int64_t kMaxImagePixels = 40'000'000;

struct ImageGridOptions {
  bool rgb = false;    // false: one channel of ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B)
  int height = 28;     // grid rows, kMinImageGridSide to kMaxGridSide
  int width = 28;      // grid columns, same range
  double scale = 255;  // 255: integers 0 to 255; 1: values 0 to 1 with 3 decimals
};

// Whether `path` names a picture (.png, .jpg, .jpeg, .bmp or .gif, in any
// letter case), which app/image decodes; grid files are read by LoadGridFile.
bool IsImagePath(const std::string& path);

// Which option is out of range, in one sentence, or nothing when all are fine.
std::optional<Error> CheckImageGridOptions(const ImageGridOptions& options);

// Says why a width×height picture is refused (no pixels, or more than
// kMaxImagePixels), or nothing; loaders call it before decoding anything.
std::optional<Error> CheckImageSize(int width, int height);

// `pixels` holds height rows of width pixels of `channels_in_pixels` bytes:
// 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA (stb_image's layouts). Alpha is
// ignored: the grid shows the colour stored under it. A gray picture asked
// for as RGB gives three equal channels.
//
// The picture is resized by area averaging (a box filter): each grid cell is
// the mean of the source pixels its rectangle covers, pixels cut by the
// rectangle's edge counting by the fraction covered. The means are computed
// exactly in integers and rounded once, halves up: to whole numbers for scale
// 255, so every cell reads as a short integer, and to 3 decimals for scale 1.
Result<Tensor3> GridFromPixels(const unsigned char* pixels, int width, int height, int channels_in_pixels,
                               const ImageGridOptions& options);

}  // namespace convstep
