// convstep-cli grid PICTURE [--gray | --rgb] [--size HxW] [--fit crop|fit|stretch]
// [--scale 255|1], run as a subprocess on pictures written with stb_image_write.
#include <gtest/gtest.h>

#include <stb/stb_image_write.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/formats/spec_json.h"
#include "tests/support/cli.h"

namespace convstep {
namespace {

using testing::Cli;
using testing::ExpectCleanFailure;
using testing::ExpectJsonOutput;
using testing::ProcessResult;
using testing::TestTempPath;


// A 16×16 gray PNG whose pixel (y, x) is 16y + x (0 to 255).
std::string RampPng() {
  std::vector<unsigned char> pixels;
  for (int i = 0; i < 256; ++i) pixels.push_back(static_cast<unsigned char>(i));
  const std::string path = TestTempPath("ramp.png");
  EXPECT_NE(stbi_write_png(path.c_str(), 16, 16, 1, pixels.data(), 16), 0);
  return path;
}

// A 16×16 PNG of the colour (200, 100, 50).
std::string ColourPng() {
  std::vector<unsigned char> pixels;
  for (int i = 0; i < 256; ++i) pixels.insert(pixels.end(), {200, 100, 50});
  const std::string path = TestTempPath("colour.png");
  EXPECT_NE(stbi_write_png(path.c_str(), 16, 16, 3, pixels.data(), 16 * 3), 0);
  return path;
}


TEST(CliImage, PictureIsAveragedToTheSizeAsked) {
  const Json j = ExpectJsonOutput(Cli({"grid", RampPng(), "--size", "8x8"}));
  EXPECT_EQ(j["shape"], Json::parse("[1, 8, 8]"));
  // Each cell is the mean of a 2×2 block, halves rounded up:
  // (0 + 1 + 16 + 17) / 4 = 8.5 and (238 + 239 + 254 + 255) / 4 = 246.5.
  EXPECT_EQ(j["data"][0][0][0], 9);
  EXPECT_EQ(j["data"][0][0][1], 11);
  EXPECT_EQ(j["data"][0][7][7], 247);
}

TEST(CliImage, DefaultIsGray28x28) {
  const Json j = ExpectJsonOutput(Cli({"grid", ColourPng()}));
  EXPECT_EQ(j["shape"], Json::parse("[1, 28, 28]"));
  EXPECT_EQ(j["data"][0][13][13], 124);  // 0.299·200 + 0.587·100 + 0.114·50 = 124.2
}

TEST(CliImage, RgbAtScaleOne) {
  const Json j = ExpectJsonOutput(Cli({"grid", ColourPng(), "--rgb", "--size", "8x10", "--scale", "1"}));
  EXPECT_EQ(j["shape"], Json::parse("[3, 8, 10]"));
  EXPECT_EQ(j["data"][0][0][0], 0.784);  // 200 / 255 = 0.78431
  EXPECT_EQ(j["data"][1][7][9], 0.392);  // 100 / 255 = 0.39216
  EXPECT_EQ(j["data"][2][3][4], 0.196);  //  50 / 255 = 0.19608
  const Json gray = ExpectJsonOutput(Cli({"grid", ColourPng(), "--gray", "--size", "8x8", "--scale", "1"}));
  EXPECT_EQ(gray["data"][0][0][0], 0.487);  // 124.2 / 255 = 0.48706
}

// The 16×16 ramp (pixel (y, x) = 16y + x) into 8 rows by 16 columns. Crop
// keeps pixel rows 4 to 11, one per cell: 16(4 + y) + x. Fit puts the whole
// picture into 8×8 cells, columns 4 to 11, each the mean of a 2×2 block
// (32y + 2x + 8.5, halves up), between columns of 0. Stretch averages two
// pixel rows per cell: 32y + x + 8.
TEST(CliImage, FitChoosesCropLetterboxOrStretch) {
  const Json crop = ExpectJsonOutput(Cli({"grid", RampPng(), "--size", "8x16"}));
  EXPECT_EQ(crop["shape"], Json::parse("[1, 8, 16]"));
  EXPECT_EQ(crop["data"][0][0][0], 64);
  EXPECT_EQ(crop["data"][0][7][15], 16 * 11 + 15);
  const Json fit = ExpectJsonOutput(Cli({"grid", RampPng(), "--size", "8x16", "--fit", "fit"}));
  EXPECT_EQ(fit["data"][0][0][3], 0);
  EXPECT_EQ(fit["data"][0][0][4], 9);
  EXPECT_EQ(fit["data"][0][7][11], 32 * 7 + 2 * 7 + 9);
  EXPECT_EQ(fit["data"][0][7][12], 0);
  const Json stretch = ExpectJsonOutput(Cli({"grid", RampPng(), "--size", "8x16", "--fit", "stretch"}));
  EXPECT_EQ(stretch["data"][0][0][0], 8);
  EXPECT_EQ(stretch["data"][0][3][5], 32 * 3 + 5 + 8);
  ExpectCleanFailure(Cli({"grid", RampPng(), "--fit", "squash"}), "--fit must be crop, fit or stretch, not 'squash'");
}

TEST(CliImage, EveryFailureIsOneLineOnStderrAndExitCode2) {
  ExpectCleanFailure(Cli({"grid", RampPng(), "--gray", "--rgb"}), "--gray excludes --rgb");
  ExpectCleanFailure(Cli({"grid", RampPng(), "--size", "8by8"}), "--size must be HxW, e.g. 28x28, not '8by8'");
  ExpectCleanFailure(Cli({"grid", RampPng(), "--size", "300x28"}), "the grid height must be 8 to 256 cells, not 300");
  ExpectCleanFailure(Cli({"grid", RampPng(), "--scale", "2"}), "the scale must be 255 (values 0 to 255) or 1");
  const std::string text = TestTempPath("grid.csv");
  std::ofstream(text) << "1,2\n3,4\n";
  ExpectCleanFailure(Cli({"grid", text, "--rgb"}), "--rgb applies to pictures (.png, .jpg, .jpeg, .bmp or .gif)");
  ExpectCleanFailure(Cli({"grid", text, "--size", "8x8"}), "--size applies to pictures");
  const std::string not_png = TestTempPath("notes.png");
  std::ofstream(not_png) << "1 2 3\n";
  ExpectCleanFailure(Cli({"grid", not_png}), "cannot decode '" + not_png + "': unknown image type");
  ExpectCleanFailure(Cli({"grid", TestTempPath("missing.gif")}), "No such file or directory");
}

}  // namespace
}  // namespace convstep
