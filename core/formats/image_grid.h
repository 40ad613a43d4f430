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

// How a picture whose aspect is not the grid's goes into it.
enum class ImageFit {
  kCrop,     // the picture's centre, cut to the grid's aspect, then scaled: every cell holds picture
  kFit,      // the whole picture scaled to fit (letterbox), centred between bars of 0
  kStretch,  // the whole picture over the whole grid, its shapes squashed or stretched
};

// "crop", "fit" and "stretch", as scripts and the CLI spell them.
const char* ImageFitName(ImageFit fit);
std::optional<ImageFit> ImageFitFromName(const std::string& name);

struct ImageGridOptions {
  bool rgb = false;    // false: one channel of ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B)
  int height = 28;     // grid rows, kMinImageGridSide to kMaxGridSide
  int width = 28;      // grid columns, same range
  double scale = 255;  // 255: integers 0 to 255; 1: values 0 to 1 with 3 decimals
  // Crop by default: a student who imports a 640×427 photo into a 64×64 grid
  // expects the grid to be the photo, every cell a real pixel to step a
  // kernel over. Bars of 0 would add edges the photo does not have (an edge
  // filter lights them up brighter than anything in it), and stretching
  // squashes the shapes; losing a strip at the sides costs the least.
  ImageFit fit = ImageFit::kCrop;
};

// Which pixels of a width×height picture go into which cells of the grid,
// as the options' fit says. Crop uses a centred part of the picture with the
// grid's aspect (rounded to whole pixels) over every cell; fit uses the whole
// picture over a centred part of the grid with the picture's aspect (rounded
// to whole cells), the cells outside it 0; stretch uses all of both. A
// centring that cannot be exact leaves the extra pixel or cell at the bottom
// or right.
struct ImagePlacement {
  int source_x = 0;  // the picture's pixels used, a rectangle
  int source_y = 0;
  int source_w = 0;
  int source_h = 0;
  int cell_x = 0;    // the grid's cells they cover, a rectangle
  int cell_y = 0;
  int cell_w = 0;
  int cell_h = 0;
};
// `width` and `height` at least 1, the options' sides at least 1.
ImagePlacement PlaceImage(int width, int height, const ImageGridOptions& options);

// The options with the grid's size given the picture's aspect: the longer
// side of the grid kept, the other one shrunk (640×427 into 64×64 gives 64
// columns by 43 rows), but never under kMinImageGridSide. Then every fit
// gives the same grid, within a pixel's rounding.
ImageGridOptions WithPictureAspect(ImageGridOptions options, int width, int height);

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
// The part of the picture PlaceImage chooses is resized by area averaging (a box filter): each grid cell is
// the mean of the source pixels its rectangle covers, pixels cut by the
// rectangle's edge counting by the fraction covered. The means are computed
// exactly in integers and rounded once, halves up: to whole numbers for scale
// 255, so every cell reads as a short integer, and to 3 decimals for scale 1.
// Cells that PlaceImage leaves outside the picture (fit's bars) are 0.
Result<Tensor3> GridFromPixels(const unsigned char* pixels, int width, int height, int channels_in_pixels,
                               const ImageGridOptions& options);

}  // namespace convstep
