// libFuzzer target: any bytes as an IDX file of images and of labels. A
// failure keeps the promises of every reader, and has a code for the window
// to translate; a success is within the limits of core/formats/idx.h and
// accounts for every byte of the file: its header, then one byte a pixel or
// label, exactly those of the file.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/formats/idx.h"
#include "fuzz/grid_invariants.h"

namespace {

void CheckFailure(const convstep::Error& error) {
  convstep::CheckErrorInvariants(error);
  convstep::Require(!error.code.empty(), "an IDX error has a code");
}

void CheckImages(std::string_view bytes) {
  const convstep::Result<convstep::IdxImages> images = convstep::ParseIdxImages(bytes);
  if (!images) {
    CheckFailure(images.failure());
    return;
  }
  using convstep::Require;
  Require(images->count >= 1 && images->count <= convstep::kMaxIdxItems, "1 to kMaxIdxItems images");
  Require(images->rows >= 1 && images->rows <= convstep::kMaxIdxSide && images->cols >= 1 &&
              images->cols <= convstep::kMaxIdxSide,
          "1 to kMaxIdxSide rows and columns");
  const std::size_t pixels = static_cast<std::size_t>(images->count) * images->rows * images->cols;
  Require(images->pixels.size() == pixels, "count * rows * cols pixels");
  Require(bytes.size() == 16 + pixels, "a 16-byte header and a byte a pixel");
  Require(std::equal(images->pixels.begin(), images->pixels.end(),
                     reinterpret_cast<const std::uint8_t*>(bytes.data()) + 16),
          "the pixels are the file's bytes after its header");
}

void CheckLabels(std::string_view bytes) {
  const convstep::Result<std::vector<std::uint8_t>> labels = convstep::ParseIdxLabels(bytes);
  if (!labels) {
    CheckFailure(labels.failure());
    return;
  }
  using convstep::Require;
  Require(!labels->empty() && labels->size() <= convstep::kMaxIdxItems, "1 to kMaxIdxItems labels");
  Require(bytes.size() == 8 + labels->size(), "an 8-byte header and a byte a label");
  Require(std::equal(labels->begin(), labels->end(), reinterpret_cast<const std::uint8_t*>(bytes.data()) + 8),
          "the labels are the file's bytes after its header");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckImages(bytes);
  CheckLabels(bytes);
  return 0;
}
