#include "tests/support/gif_frames.h"

#include <gtest/gtest.h>

namespace convstep::testing {

DecodedGif DecodeGif(const std::string& path) {
  int error = 0;
  DecodedGif gif(DGifOpenFileName(path.c_str(), &error));
  EXPECT_NE(gif, nullptr) << path << ": " << GifErrorString(error);
  if (gif && DGifSlurp(gif.get()) != GIF_OK) {
    ADD_FAILURE() << path << ": " << GifErrorString(gif->Error);
    return nullptr;
  }
  return gif;
}

std::vector<std::vector<uint8_t>> ShownFrames(GifFileType* gif) {
  std::vector<std::vector<uint8_t>> frames;
  const size_t width = static_cast<size_t>(gif->SWidth);
  std::vector<uint8_t> canvas(width * static_cast<size_t>(gif->SHeight) * 3);
  for (int i = 0; i < gif->ImageCount; ++i) {
    const SavedImage& image = gif->SavedImages[i];
    const GifImageDesc& d = image.ImageDesc;
    const ColorMapObject* map = d.ColorMap != nullptr ? d.ColorMap : gif->SColorMap;
    GraphicsControlBlock control{};
    DGifSavedExtensionToGCB(gif, i, &control);
    EXPECT_EQ(control.DisposalMode, DISPOSE_DO_NOT) << "frame " << i;
    for (int y = 0; y < d.Height; ++y) {
      for (int x = 0; x < d.Width; ++x) {
        const int index = image.RasterBits[static_cast<size_t>(y) * static_cast<size_t>(d.Width) + static_cast<size_t>(x)];
        if (index == control.TransparentColor) continue;
        uint8_t* px = &canvas[(static_cast<size_t>(y + d.Top) * width + static_cast<size_t>(x + d.Left)) * 3];
        px[0] = map->Colors[index].Red;
        px[1] = map->Colors[index].Green;
        px[2] = map->Colors[index].Blue;
      }
    }
    frames.push_back(canvas);
  }
  return frames;
}

}  // namespace convstep::testing
