// Picture files to input grids: PNG, JPEG, BMP and GIF (the first frame)
// decoded by stb_image, then resized and converted by the core's
// GridFromPixels. Kept out of core/ so that the core needs no stb.
#pragma once

#include <cstddef>
#include <string>

#include "core/base/result.h"
#include "core/conv/tensor.h"
#include "core/formats/image_grid.h"

namespace convstep {

// The picture at `path` as a grid; a path IsImagePath rejects is an error.
// The picture's dimensions are read from its header first, so one over
// kMaxImagePixels is refused before any pixel is decoded; a truncated or
// corrupt file gives "cannot decode 'x.png': " and stb_image's reason.
Result<Tensor3> LoadImageGrid(const std::string& path, const ImageGridOptions& options);

// The picture's width and height, from its header only (the import dialog
// shows them and gives the grid their aspect).
struct ImageSize {
  int width = 0;
  int height = 0;
};
Result<ImageSize> ReadImageSize(const std::string& path);

// The same for a picture already in memory, in any format stb_image knows
// (for fuzzing and tests; the bytes need not outlive the call).
Result<Tensor3> LoadImageGridFromMemory(const unsigned char* bytes, std::size_t size, const ImageGridOptions& options);

// Writes 8-bit RGBA pixels, top row first, as a PNG. Written atomically
// (core/file_io.h), so a failed write leaves any old file as it was.
Result<bool> WritePng(const std::string& path, int width, int height, const unsigned char* rgba);

}  // namespace convstep
