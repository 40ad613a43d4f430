// libFuzzer target: any bytes through the picture-to-grid path, checked
// against the promises of grid_invariants.h and the image grid's own: every
// value lies between 0 and the scale, and fit's bars are 0. The first bytes
// choose the grid options and the fit (crop, fit or stretch; out-of-range
// sides included, so that the checks are fuzzed too); the rest
// is read twice: as a picture file decoded by stb_image
// (LoadImageGridFromMemory), and as raw pixels of a size taken from the
// header (GridFromPixels), since random bytes rarely decode and the area
// averaging deserves every width and height.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include <stb/stb_image.h>

#include "app/image/image_file.h"
#include "core/formats/image_grid.h"
#include "fuzz/grid_invariants.h"

namespace {

constexpr std::size_t kHeaderBytes = 5;
constexpr std::int64_t kMaxFuzzedPixels = 1 << 20;

void CheckImageGrid(const convstep::Result<convstep::Tensor3>& grid, const convstep::ImageGridOptions& options) {
  convstep::CheckGridInvariants(grid);
  if (!grid) return;
  convstep::Require(grid->c == (options.rgb ? 3 : 1) && grid->h == options.height && grid->w == options.width,
                    "the shape asked for");
  for (double v : grid->data) convstep::Require(v >= 0 && v <= options.scale, "values from 0 to the scale");
}

// Every cell outside the picture's part of the grid (fit's bars) is 0.
void CheckBars(const convstep::Result<convstep::Tensor3>& grid, int width, int height,
               const convstep::ImageGridOptions& options) {
  if (!grid) return;
  const convstep::ImagePlacement p = convstep::PlaceImage(width, height, options);
  convstep::Require(p.source_x >= 0 && p.source_y >= 0 && p.source_w >= 1 && p.source_h >= 1 &&
                        p.source_x + p.source_w <= width && p.source_y + p.source_h <= height,
                    "the pixels used lie in the picture");
  convstep::Require(p.cell_x >= 0 && p.cell_y >= 0 && p.cell_w >= 1 && p.cell_h >= 1 &&
                        p.cell_x + p.cell_w <= grid->w && p.cell_y + p.cell_h <= grid->h,
                    "the cells covered lie in the grid");
  for (int c = 0; c < grid->c; ++c) {
    for (int y = 0; y < grid->h; ++y) {
      for (int x = 0; x < grid->w; ++x) {
        const bool inside = y >= p.cell_y && y < p.cell_y + p.cell_h && x >= p.cell_x && x < p.cell_x + p.cell_w;
        convstep::Require(inside || grid->at(c, y, x) == 0, "the bars are 0");
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < kHeaderBytes) return 0;
  convstep::ImageGridOptions options;
  options.rgb = (data[0] & 1) != 0;
  options.scale = (data[0] & 2) != 0 ? 1 : 255;
  options.fit = static_cast<convstep::ImageFit>((data[0] >> 4) % 3);
  options.height = 1 + data[1];  // 1 to 256: sides under 8 must be refused
  options.width = 1 + data[2];
  const std::uint8_t* rest = data + kHeaderBytes;
  const std::size_t rest_size = size - kHeaderBytes;

  // Pictures up to the real limit (40 megapixels) take seconds each under the
  // sanitizers; the fuzzer spends its time on many small ones instead. The
  // limit itself is tested in tests/app/image_file_test.cpp.
  int declared_w = 0;
  int declared_h = 0;
  int declared_c = 0;
  const bool small = stbi_info_from_memory(rest, static_cast<int>(rest_size), &declared_w, &declared_h, &declared_c) == 0 ||
                     static_cast<std::int64_t>(declared_w) * declared_h <= kMaxFuzzedPixels;
  if (small) CheckImageGrid(convstep::LoadImageGridFromMemory(rest, rest_size, options), options);

  const int channels = 1 + (data[0] >> 2) % 4;
  const std::size_t pixels = rest_size / static_cast<std::size_t>(channels);
  if (pixels == 0) return 0;
  const std::size_t wanted_width = 1 + (data[3] | (std::size_t{data[4]} << 8));
  const int width = static_cast<int>(std::min(wanted_width, pixels));
  const int height = static_cast<int>(pixels / static_cast<std::size_t>(width));
  const convstep::Result<convstep::Tensor3> grid = convstep::GridFromPixels(rest, width, height, channels, options);
  CheckImageGrid(grid, options);
  CheckBars(grid, width, height, options);
  return 0;
}
