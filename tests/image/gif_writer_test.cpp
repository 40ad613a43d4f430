// GifWriter: animated GIFs written frame by frame and decoded again with
// giflib's DGifSlurp: frame count, size, loop extension, delays and colours.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "app/image/gif_writer.h"
#include "tests/support/gif_frames.h"

namespace convstep {
namespace {

std::string TempPath(const std::string& name) { return ::testing::TempDir() + "convstep_gif_" + name; }

constexpr int kWidth = 40;
constexpr int kHeight = 24;

std::vector<uint8_t> Solid(uint8_t r, uint8_t g, uint8_t b) {
  std::vector<uint8_t> rgba;
  for (int i = 0; i < kWidth * kHeight; ++i) rgba.insert(rgba.end(), {r, g, b, 255});
  return rgba;
}

// White with a dark blue square and a grey ramp along the bottom rows, more
// colours than one GIF palette holds: the square must stay exact, the ramp
// close.
std::vector<uint8_t> Mixed() {
  std::vector<uint8_t> rgba = Solid(255, 255, 255);
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      uint8_t* px = &rgba[(static_cast<size_t>(y) * kWidth + x) * 4];
      if (y >= 4 && y < 12 && x >= 4 && x < 12) {
        px[0] = 10, px[1] = 20, px[2] = 130;
      } else if (y >= 16) {
        // 320 different colours: more than 256.
        const int i = (y - 16) * kWidth + x;
        px[0] = static_cast<uint8_t>(i % 256), px[1] = static_cast<uint8_t>(255 - i % 256),
        px[2] = static_cast<uint8_t>(i * 7 % 256);
      }
    }
  }
  return rgba;
}

using testing::DecodedGif;
using testing::DecodeGif;
using testing::ShownFrames;

// The pixel at `i` of a shown frame.
struct Rgb {
  int r, g, b;
};
Rgb At(const std::vector<uint8_t>& frame, size_t i) { return {frame[3 * i], frame[3 * i + 1], frame[3 * i + 2]}; }

TEST(GifWriter, ThreeFramesDecodeWithTheirSizeLoopDelayAndColours) {
  const std::string path = TempPath("three.gif");
  std::filesystem::remove(path);
  GifWriter writer;
  ASSERT_TRUE(writer.Open(path, kWidth, kHeight, 50).ok());
  const std::vector<std::vector<uint8_t>> frames = {Solid(255, 0, 0), Solid(0, 200, 90), Mixed()};
  for (const std::vector<uint8_t>& f : frames) ASSERT_TRUE(writer.AddFrame(f.data(), kWidth, kHeight).ok());
  EXPECT_EQ(writer.frames(), 3);
  ASSERT_TRUE(writer.Finish().ok());

  const DecodedGif gif = DecodeGif(path);
  ASSERT_NE(gif, nullptr);
  ASSERT_EQ(gif->ImageCount, 3);
  EXPECT_EQ(gif->SWidth, kWidth);
  EXPECT_EQ(gif->SHeight, kHeight);
  for (int i = 0; i < 3; ++i) {
    EXPECT_NE(gif->SavedImages[i].ImageDesc.ColorMap, nullptr) << "frame " << i << " has its own palette";
    GraphicsControlBlock control{};
    ASSERT_EQ(DGifSavedExtensionToGCB(gif.get(), i, &control), GIF_OK);
    EXPECT_EQ(control.DelayTime, 50);
  }
  // The first frame is whole; the others hold the rectangle that changed.
  const GifImageDesc& first_desc = gif->SavedImages[0].ImageDesc;
  EXPECT_EQ(first_desc.Width, kWidth);
  EXPECT_EQ(first_desc.Height, kHeight);
  GraphicsControlBlock first_control{};
  DGifSavedExtensionToGCB(gif.get(), 0, &first_control);
  EXPECT_EQ(first_control.TransparentColor, NO_TRANSPARENT_COLOR);
  // The NETSCAPE2.0 block before the first frame: loop forever.
  const SavedImage& first = gif->SavedImages[0];
  bool loops = false;
  for (int i = 0; i + 1 < first.ExtensionBlockCount; ++i) {
    const ExtensionBlock& app = first.ExtensionBlocks[i];
    const ExtensionBlock& data = first.ExtensionBlocks[i + 1];
    if (app.Function == APPLICATION_EXT_FUNC_CODE && app.ByteCount == 11 &&
        std::string(reinterpret_cast<const char*>(app.Bytes), 11) == "NETSCAPE2.0") {
      ASSERT_EQ(data.ByteCount, 3);
      loops = data.Bytes[0] == 1 && data.Bytes[1] == 0 && data.Bytes[2] == 0;
    }
  }
  EXPECT_TRUE(loops);

  // Solid colours come back exactly; the ramp within a palette's reach.
  const std::vector<std::vector<uint8_t>> shown = ShownFrames(gif.get());
  for (int i = 0; i < 3; ++i) {
    for (int y = 0; y < kHeight; ++y) {
      for (int x = 0; x < kWidth; ++x) {
        const uint8_t* want = &frames[i][(static_cast<size_t>(y) * kWidth + x) * 4];
        const Rgb got = At(shown[i], static_cast<size_t>(y) * kWidth + x);
        const int tolerance = i == 2 && y >= 16 ? 24 : 0;
        ASSERT_NEAR(got.r, want[0], tolerance) << "frame " << i << " at " << x << "," << y;
        ASSERT_NEAR(got.g, want[1], tolerance) << "frame " << i << " at " << x << "," << y;
        ASSERT_NEAR(got.b, want[2], tolerance) << "frame " << i << " at " << x << "," << y;
      }
    }
  }
}

TEST(GifWriter, ASmallFlatPatchAmongManyColoursKeepsItsColour) {
  // A dark background, a small purple cell (a heatmap's lowest value) and
  // every colour giflib's median cut tells apart, one pixel each. The median
  // cut alone gives the purple cell (83, 24, 93), shared with its
  // neighbours; the frequent colours must come back exactly.
  constexpr int kW = 256;
  constexpr int kH = 192;
  std::vector<uint8_t> frame;
  for (int i = 0; i < kW * kH; ++i) frame.insert(frame.end(), {37, 35, 40, 255});
  for (int i = 0; i < 32768; ++i) {
    uint8_t* px = &frame[static_cast<size_t>(i) * 4];
    px[0] = static_cast<uint8_t>((i >> 10) * 8 + 4), px[1] = static_cast<uint8_t>((i >> 5 & 31) * 8 + 4),
    px[2] = static_cast<uint8_t>((i & 31) * 8 + 4);
  }
  for (int y = 160; y < 168; ++y) {
    for (int x = 2; x < 10; ++x) {
      uint8_t* px = &frame[(static_cast<size_t>(y) * kW + x) * 4];
      px[0] = 68, px[1] = 1, px[2] = 84;
    }
  }
  const std::string path = TempPath("patch.gif");
  GifWriter writer;
  ASSERT_TRUE(writer.Open(path, kW, kH, 10).ok());
  ASSERT_TRUE(writer.AddFrame(frame.data(), kW, kH).ok());
  ASSERT_TRUE(writer.Finish().ok());
  const DecodedGif gif = DecodeGif(path);
  ASSERT_NE(gif, nullptr);
  const std::vector<uint8_t> shown = ShownFrames(gif.get())[0];
  const Rgb purple = At(shown, 164 * kW + 5);
  EXPECT_EQ(purple.r, 68);
  EXPECT_EQ(purple.g, 1);
  EXPECT_EQ(purple.b, 84);
  const Rgb background = At(shown, 180 * kW + 100);
  EXPECT_EQ(background.r, 37);
  EXPECT_EQ(background.g, 35);
  EXPECT_EQ(background.b, 40);
  // The rest within reach of their 128 shared colours.
  double error = 0;
  for (size_t i = 0; i < 32768; ++i) {
    for (size_t k = 0; k < 3; ++k) error += std::abs(shown[3 * i + k] - frame[4 * i + k]);
  }
  EXPECT_LT(error / 32768 / 3, 24.0);
}

TEST(GifWriter, AMissingFolderFailsAtOpenWithTheReason) {
  GifWriter writer;
  const Result<bool> opened = writer.Open("/nonexistent_convstep_folder/steps.gif", kWidth, kHeight, 50);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error(), "cannot save '/nonexistent_convstep_folder/steps.gif': the folder "
                            "'/nonexistent_convstep_folder' does not exist");
  EXPECT_FALSE(writer.is_open());
  const std::vector<uint8_t> frame = Solid(1, 2, 3);
  EXPECT_FALSE(writer.AddFrame(frame.data(), kWidth, kHeight).ok());
  EXPECT_FALSE(writer.Finish().ok());
}

TEST(GifWriter, AFolderThatVanishesFailsAtFinishWithoutACrash) {
  const std::string folder = TempPath("vanishing");
  std::filesystem::create_directories(folder);
  GifWriter writer;
  ASSERT_TRUE(writer.Open(folder + "/steps.gif", kWidth, kHeight, 50).ok());
  const std::vector<uint8_t> frame = Solid(1, 2, 3);
  ASSERT_TRUE(writer.AddFrame(frame.data(), kWidth, kHeight).ok());
  std::filesystem::remove_all(folder);
  const Result<bool> finished = writer.Finish();
  ASSERT_FALSE(finished.ok());
  EXPECT_NE(finished.error().find("cannot save '" + folder + "/steps.gif'"), std::string::npos) << finished.error();
}

TEST(GifWriter, AFrameOfAnotherSizeIsRefused) {
  GifWriter writer;
  ASSERT_TRUE(writer.Open(TempPath("resized.gif"), kWidth, kHeight, 10).ok());
  const std::vector<uint8_t> frame = Solid(1, 2, 3);
  const Result<bool> added = writer.AddFrame(frame.data(), kWidth - 1, kHeight);
  ASSERT_FALSE(added.ok());
  EXPECT_NE(added.error().find("a frame of 39\u00d724 pixels in a GIF of 40\u00d724"), std::string::npos) << added.error();
}

TEST(GifWriter, ABadSizeIsRefused) {
  GifWriter writer;
  const Result<bool> opened = writer.Open(TempPath("empty.gif"), 0, 10, 50);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().find("1 to 65535 pixels"), std::string::npos) << opened.error();
}

TEST(GifWriter, AnUnfinishedGifLeavesTheOldFileAsItWas) {
  const std::string path = TempPath("kept.gif");
  std::ofstream(path) << "the old file";
  {
    GifWriter writer;
    ASSERT_TRUE(writer.Open(path, kWidth, kHeight, 10).ok());
    const std::vector<uint8_t> frame = Solid(9, 9, 9);
    ASSERT_TRUE(writer.AddFrame(frame.data(), kWidth, kHeight).ok());
  }  // dropped without Finish, as a cancelled export does
  std::ifstream in(path);
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "the old file");
}

TEST(GifWriter, AMovedWriterKeepsWritingTheSameGif) {
  const std::string path = TempPath("moved.gif");
  GifWriter first;
  ASSERT_TRUE(first.Open(path, kWidth, kHeight, 7).ok());
  const std::vector<uint8_t> red = Solid(255, 0, 0);
  ASSERT_TRUE(first.AddFrame(red.data(), kWidth, kHeight).ok());
  GifWriter second = std::move(first);
  EXPECT_FALSE(first.is_open());  // NOLINT(bugprone-use-after-move): moved-from is closed
  const std::vector<uint8_t> blue = Solid(0, 0, 255);
  ASSERT_TRUE(second.AddFrame(blue.data(), kWidth, kHeight).ok());
  ASSERT_TRUE(second.Finish().ok());
  const DecodedGif gif = DecodeGif(path);
  ASSERT_NE(gif, nullptr);
  ASSERT_EQ(gif->ImageCount, 2);
  EXPECT_EQ(At(ShownFrames(gif.get())[1], 3).b, 255);
}

TEST(GifWriter, OnlyTheChangedRectangleIsStoredAndAnUnchangedFrameIsOnePixel) {
  const std::string path = TempPath("diff.gif");
  GifWriter writer;
  ASSERT_TRUE(writer.Open(path, kWidth, kHeight, 10).ok());
  std::vector<uint8_t> frame = Solid(30, 30, 30);
  ASSERT_TRUE(writer.AddFrame(frame.data(), kWidth, kHeight).ok());
  // Two pixels change: (5, 2) and (9, 7).
  for (const auto& [x, y] : {std::pair{5, 2}, std::pair{9, 7}}) {
    uint8_t* px = &frame[(static_cast<size_t>(y) * kWidth + x) * 4];
    px[0] = 250, px[1] = 200, px[2] = 10;
  }
  ASSERT_TRUE(writer.AddFrame(frame.data(), kWidth, kHeight).ok());
  ASSERT_TRUE(writer.AddFrame(frame.data(), kWidth, kHeight).ok());
  ASSERT_TRUE(writer.Finish().ok());
  const DecodedGif gif = DecodeGif(path);
  ASSERT_NE(gif, nullptr);
  ASSERT_EQ(gif->ImageCount, 3);
  const GifImageDesc& changed = gif->SavedImages[1].ImageDesc;
  EXPECT_EQ(changed.Left, 5);
  EXPECT_EQ(changed.Top, 2);
  EXPECT_EQ(changed.Width, 5);
  EXPECT_EQ(changed.Height, 6);
  const GifImageDesc& same = gif->SavedImages[2].ImageDesc;
  EXPECT_EQ(same.Width * same.Height, 1);
  const std::vector<std::vector<uint8_t>> shown = ShownFrames(gif.get());
  for (size_t i = 1; i < 3; ++i) {
    for (int y = 0; y < kHeight; ++y) {
      for (int x = 0; x < kWidth; ++x) {
        const uint8_t* want = &frame[(static_cast<size_t>(y) * kWidth + x) * 4];
        const Rgb got = At(shown[i], static_cast<size_t>(y) * kWidth + x);
        ASSERT_EQ(got.r, want[0]) << "frame " << i << " at " << x << "," << y;
        ASSERT_EQ(got.g, want[1]);
        ASSERT_EQ(got.b, want[2]);
      }
    }
  }
}

// A smooth gradient, 256×64 pixels: red along x, green down y, blue
// across both, 16384 colours for a palette of 256.
constexpr int kGradientW = 256;
constexpr int kGradientH = 64;
std::vector<uint8_t> Gradient() {
  std::vector<uint8_t> rgba;
  for (int y = 0; y < kGradientH; ++y) {
    for (int x = 0; x < kGradientW; ++x) {
      rgba.insert(rgba.end(), {static_cast<uint8_t>(x), static_cast<uint8_t>(4 * y),
                               static_cast<uint8_t>((x + 4 * y) / 2), 255});
    }
  }
  return rgba;
}

// The gradient written as a one-frame GIF and shown again.
std::vector<uint8_t> GradientThrough(GifDither dither, const std::string& name) {
  const std::string path = TempPath(name);
  GifWriter writer;
  const std::vector<uint8_t> rgba = Gradient();
  EXPECT_TRUE(writer.Open(path, kGradientW, kGradientH, 10, dither).ok());
  EXPECT_TRUE(writer.AddFrame(rgba.data(), kGradientW, kGradientH).ok());
  EXPECT_TRUE(writer.Finish().ok());
  const DecodedGif gif = DecodeGif(path);
  if (gif == nullptr) return {};
  EXPECT_EQ(gif->SWidth, kGradientW);
  EXPECT_EQ(gif->SHeight, kGradientH);
  return ShownFrames(gif.get()).front();
}

// The mean absolute error per channel of the 4×4 blocks' averages: the
// shading seen from a few steps back, which dithering is for (a dithered
// pixel alone may be further off than a banded one; its neighbourhood is not).
double BlockMeanError(const std::vector<uint8_t>& shown, const std::vector<uint8_t>& rgba) {
  double error = 0;
  int blocks = 0;
  for (int by = 0; by < kGradientH; by += 4) {
    for (int bx = 0; bx < kGradientW; bx += 4) {
      for (int c = 0; c < 3; ++c) {
        double got = 0;
        double want = 0;
        for (int y = by; y < by + 4; ++y) {
          for (int x = bx; x < bx + 4; ++x) {
            const size_t i = static_cast<size_t>(y) * kGradientW + static_cast<size_t>(x);
            got += shown[3 * i + static_cast<size_t>(c)];
            want += rgba[4 * i + static_cast<size_t>(c)];
          }
        }
        error += std::abs(got - want) / 16;
      }
      ++blocks;
    }
  }
  return error / (3.0 * blocks);
}

TEST(GifWriter, FloydSteinbergDitheringFollowsAGradientMoreCloselyThanBands) {
  const std::vector<uint8_t> rgba = Gradient();
  const std::vector<uint8_t> banded = GradientThrough(GifDither::kNone, "banded.gif");
  const std::vector<uint8_t> dithered = GradientThrough(GifDither::kFloydSteinberg, "dithered.gif");
  ASSERT_EQ(banded.size(), 3u * kGradientW * kGradientH);
  ASSERT_EQ(dithered.size(), banded.size());
  EXPECT_NE(dithered, banded);
  const double banded_error = BlockMeanError(banded, rgba);
  const double dithered_error = BlockMeanError(dithered, rgba);
  EXPECT_LE(dithered_error, banded_error);
  std::printf("4x4-block mean error: none %.3f, Floyd-Steinberg %.3f\n", banded_error, dithered_error);
}

// Dithering leaves a frame of few colours exact: every pixel is its own
// palette entry, so nothing is missed and nothing diffuses.
TEST(GifWriter, DitheringKeepsExactColoursExact) {
  const std::string path = TempPath("dithered_flat.gif");
  GifWriter writer;
  ASSERT_TRUE(writer.Open(path, kWidth, kHeight, 10, GifDither::kFloydSteinberg).ok());
  const std::vector<uint8_t> first = Solid(255, 255, 255);
  std::vector<uint8_t> second = first;
  for (int x = 3; x < 9; ++x) {
    uint8_t* px = &second[(static_cast<size_t>(5) * kWidth + x) * 4];
    px[0] = 10, px[1] = 20, px[2] = 130;
  }
  ASSERT_TRUE(writer.AddFrame(first.data(), kWidth, kHeight).ok());
  ASSERT_TRUE(writer.AddFrame(second.data(), kWidth, kHeight).ok());
  ASSERT_TRUE(writer.Finish().ok());
  const DecodedGif gif = DecodeGif(path);
  ASSERT_NE(gif, nullptr);
  const std::vector<std::vector<uint8_t>> shown = ShownFrames(gif.get());
  ASSERT_EQ(shown.size(), 2u);
  for (size_t i = 0; i < static_cast<size_t>(kWidth) * kHeight; ++i) {
    const Rgb got = At(shown[1], i);
    ASSERT_EQ(got.r, second[4 * i]) << i;
    ASSERT_EQ(got.g, second[4 * i + 1]) << i;
    ASSERT_EQ(got.b, second[4 * i + 2]) << i;
  }
}

}  // namespace
}  // namespace convstep
