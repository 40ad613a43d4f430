// Reading back the GIFs the program writes: giflib's DGifSlurp, and each
// frame as a viewer shows it.
#pragma once

#include <gif_lib.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace convstep::testing {

struct GifCloser {
  void operator()(GifFileType* gif) const { DGifCloseFile(gif, nullptr); }
};
using DecodedGif = std::unique_ptr<GifFileType, GifCloser>;

// The whole file, or a test failure and null when it does not decode.
DecodedGif DecodeGif(const std::string& path);

// Frame after frame, what a viewer shows: each image drawn over the
// previous ones, its transparent pixels left out (the writer never asks for
// disposal, and this checks it). RGB, 3 bytes a pixel, SWidth×SHeight.
std::vector<std::vector<uint8_t>> ShownFrames(GifFileType* gif);

}  // namespace convstep::testing
