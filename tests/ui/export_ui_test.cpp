// File ▸ Export in the real window, driven by scripts: the stepping as a GIF
// (one frame per step, decoded again with giflib), the view as a PNG at 1×
// and 2×, numbered PNGs, Cancel (Esc in the progress dialog), and a path
// that cannot be written.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "tests/support/gif_frames.h"
#include "tests/support/process.h"
#include "tests/ui/ui_harness.h"

namespace convstep {
namespace {

using testing::TestTempPath;

// The steps of the convolution from the output shape the window reports,
// one per output value: H × W × filters.
int StepsFromOutputShape(const Json& state) {
  const Json& shape = state["output_size"]["shape"];
  return shape[0].get<int>() * shape[1].get<int>() * shape[2].get<int>();
}

// A script from its actions.
Json Actions(std::initializer_list<Json> actions) {
  Json script = Json::array();
  for (const Json& a : actions) script.push_back(a);
  return script;
}

std::string Kilobytes(const std::string& path) {
  return std::to_string((std::filesystem::file_size(path) + 512) / 1024);
}

// Different colours among every 7th pixel: a blank or failed picture has a
// handful, a drawn window hundreds.
size_t Colours(const std::vector<uint8_t>& pixels, size_t channels) {
  std::set<uint32_t> seen;
  for (size_t i = 0; i + 2 < pixels.size(); i += channels * 7) {
    seen.insert(static_cast<uint32_t>(pixels[i]) << 16 | static_cast<uint32_t>(pixels[i + 1]) << 8 | pixels[i + 2]);
  }
  return seen.size();
}

// Mean absolute difference per channel between a GIF frame (RGB) and a
// picture of the same size.
double MeanDifference(const std::vector<uint8_t>& rgb, const Image& img) {
  double sum = 0;
  const size_t n = static_cast<size_t>(img.w) * static_cast<size_t>(img.h);
  if (rgb.size() != 3 * n) return 255;
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < 3; ++k) sum += std::abs(rgb[3 * i + k] - img.rgba[4 * i + k]);
  }
  return sum / static_cast<double>(n * 3);
}

TEST(Export, TheGifOfEjemplo1HasOneFramePerStepAndShowsEachStep) {
  const std::string gif_path = TestTempPath("ejemplo1.gif");
  std::remove(gif_path.c_str());
  const Json state = RunScript("gif", Actions({Json{{"step", 4}}, Json{{"export", "gif"}, {"path", gif_path}}}));
  // (6 - 3 + 2·1)/2 + 1 = 3 rows and 3 columns, one filter: 9 steps.
  const int steps = StepsFromOutputShape(state);
  EXPECT_EQ(steps, 9);
  EXPECT_EQ(state["total_steps"].get<int>(), steps);
  EXPECT_EQ(state["message"], "Exported the 9 steps as " + gif_path + " (" + Kilobytes(gif_path) + " kB)");
  EXPECT_EQ(state["step"].get<int>(), 4) << "the user's step comes back";

  const testing::DecodedGif gif = testing::DecodeGif(gif_path);
  ASSERT_NE(gif, nullptr);
  ASSERT_EQ(gif->ImageCount, steps);
  EXPECT_EQ(gif->SWidth, 1280);
  EXPECT_EQ(gif->SHeight, 800);
  GraphicsControlBlock control{};
  ASSERT_EQ(DGifSavedExtensionToGCB(gif.get(), 0, &control), GIF_OK);
  EXPECT_EQ(control.DelayTime, 50) << "the play speed, 2 steps a second";
  const std::vector<std::vector<uint8_t>> frames = testing::ShownFrames(gif.get());
  EXPECT_GT(Colours(frames.front(), 3), 100u);
  EXPECT_NE(frames.front(), frames.back());

  // Frame 6 is what the window shows at step 6, without the progress dialog
  // or its dimming: the same picture up to the GIF's 256 colours.
  const std::string shot = TestTempPath("step6.png");
  const testing::ProcessResult r = Window({"--step", "6", "--screenshot", shot});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(MeanDifference(frames[5], ReadPng(shot)), 1.5);
  EXPECT_GT(MeanDifference(frames[0], ReadPng(shot)), MeanDifference(frames[5], ReadPng(shot)));
}

TEST(Export, ThePngIsTheWindowAt1xOrTwiceItsPixels) {
  const std::string one = TestTempPath("view_1x.png");
  const std::string two = TestTempPath("view_2x.png");
  std::remove(one.c_str());
  std::remove(two.c_str());
  Json state = RunScript("png1x", Actions({Json{{"step", 5}}, Json{{"export", "png1x"}, {"path", one}}}));
  EXPECT_EQ(state["message"], "Exported the view to " + one + " (1280\u00d7800 pixels)");
  state = RunScript("png2x", Actions({Json{{"step", 5}}, Json{{"export", "png2x"}, {"path", two}}}));
  EXPECT_EQ(state["message"], "Exported the view to " + two + " (2560\u00d71600 pixels)");
  EXPECT_EQ(state["step"].get<int>(), 5);
  const Image small = ReadPng(one);
  const Image large = ReadPng(two);
  ASSERT_EQ(small.w, 1280);
  ASSERT_EQ(small.h, 800);
  ASSERT_EQ(large.w, 2560);
  ASSERT_EQ(large.h, 1600);
  EXPECT_GT(Colours(small.rgba, 4), 100u);
  EXPECT_GT(Colours(large.rgba, 4), 100u);
  // The same layout: 2×2 blocks of the large one average to the small one,
  // up to the finer text.
  double sum = 0;
  for (int y = 0; y < small.h; ++y) {
    for (int x = 0; x < small.w; ++x) {
      for (int k = 0; k < 3; ++k) {
        const int block = large.At(2 * x, 2 * y)[k] + large.At(2 * x + 1, 2 * y)[k] + large.At(2 * x, 2 * y + 1)[k] +
                          large.At(2 * x + 1, 2 * y + 1)[k];
        sum += std::abs(block / 4.0 - small.At(x, y)[k]);
      }
    }
  }
  EXPECT_LT(sum / (small.w * small.h * 3), 3.0);
}

TEST(Export, APngSequenceWritesOneNumberedPicturePerStep) {
  const std::string folder = TestTempPath("sequence");
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const Json state = RunScript("sequence", Actions({Json{{"export", "png_sequence"}, {"path", folder + "/step.png"}}}));
  const int steps = StepsFromOutputShape(state);
  EXPECT_EQ(state["message"], "Exported the 9 steps as " + folder + "/step_0001.png \u2026 " + folder + "/step_0009.png");
  for (int i = 1; i <= steps; ++i) {
    const Image img = ReadPng(folder + "/step_000" + std::to_string(i) + ".png");
    EXPECT_EQ(img.w, 1280);
    EXPECT_EQ(img.h, 800);
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()), steps);
}

TEST(Export, EscAfterThreeFramesCancelsAndTheOldGifStays) {
  const std::string gif_path = TestTempPath("cancelled.gif");
  std::ofstream(gif_path) << "an older file";
  const Json state = RunScript("cancel_gif", Actions({Json{{"step", 2}},
                                                    Json{{"export", "gif"}, {"path", gif_path}, {"cancel_after", 3}},
                                                    Json{{"frames", 1}}}));
  EXPECT_EQ(state["message"], "Export cancelled: nothing was written");
  EXPECT_EQ(state["step"].get<int>(), 2);
  std::ifstream in(gif_path);
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "an older file");
}

TEST(Export, ACancelledSequenceKeepsThePicturesAlreadyWritten) {
  const std::string folder = TestTempPath("cancelled_sequence");
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const Json state = RunScript("cancel_sequence", Actions({Json{{"export", "png_sequence"},
                                                              {"path", folder + "/s.png"},
                                                              {"cancel_after", 3}}}));
  EXPECT_EQ(state["message"], "Export cancelled: 3 of 9 pictures kept (" + folder + "/s_0001.png \u2026 " + folder +
                                  "/s_0003.png)");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()), 3);
  EXPECT_TRUE(std::filesystem::exists(folder + "/s_0003.png"));
}

TEST(Export, ALongSteppingIsSampledTo600Frames) {
  // siete_filtros: 28×28 outputs × 7 filters = 5488 steps, more than an
  // export writes; two frames of the 600 are enough to see the count.
  const std::string folder = TestTempPath("sampled");
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const Json state = RunScript(
      "sampled", Actions({Json{{"export", "png_sequence"}, {"path", folder + "/s.png"}, {"cancel_after", 2}}}),
      {"--preset", "siete_filtros"});
  EXPECT_EQ(StepsFromOutputShape(state), 5488);
  EXPECT_EQ(state["message"], "Export cancelled: 2 of 600 pictures kept (" + folder + "/s_0001.png \u2026 " + folder +
                                  "/s_0002.png)");
}

TEST(Export, OnThePoolingTabTheGifStepsThroughThePooling) {
  const std::string gif_path = TestTempPath("pooling.gif");
  std::remove(gif_path.c_str());
  const Json state = RunScript("pool_gif", Actions({Json{{"tab", "pooling"}}, Json{{"export", "gif"}, {"path", gif_path}}}));
  // The lecture's 4×4 slice, 2×2 windows with stride 2: a 2×2 output.
  const Json& shape = state["pool"]["output_shape"];
  const int steps = shape[0].get<int>() * shape[1].get<int>() * shape[2].get<int>();
  EXPECT_EQ(steps, 4);
  EXPECT_EQ(state["pool"]["total_steps"].get<int>(), steps);
  const testing::DecodedGif gif = testing::DecodeGif(gif_path);
  ASSERT_NE(gif, nullptr);
  EXPECT_EQ(gif->ImageCount, steps);
}

TEST(Export, APathThatCannotBeWrittenGivesOneMessageAndChangesNothing) {
  // Refused before the first frame: no export is left running, so the keys
  // step the convolution again right after (a job or its modal dialog left
  // behind would swallow them, or the script would never end).
  const Json state = RunScript("bad_path", Actions({Json{{"step", 3}},
                                                  Json{{"export", "gif"}, {"path", "/nonexistent_convstep_folder/steps.gif"}},
                                                  Json{{"frames", 2}},
                                                  Json{{"key", "right"}},
                                                  Json{{"frames", 2}}}));
  EXPECT_EQ(state["message"],
            "cannot save '/nonexistent_convstep_folder/steps.gif': the folder '/nonexistent_convstep_folder' does not exist");
  EXPECT_EQ(state["step"].get<int>(), 4);
  EXPECT_FALSE(std::filesystem::exists("/nonexistent_convstep_folder"));
}

TEST(Export, AFrameThatCannotBeWrittenEndsTheExportAtTheUsersStep) {
  // The 5th picture's name is taken by a folder: the first four are written
  // (the export shows steps 0 to 4 on the way), the fifth fails, and the
  // window is back at the user's step 2 with what it showed before.
  const std::string folder = TestTempPath("blocked_sequence");
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder + "/s_0005.png");
  const Json before = RunScript("before_blocked", Actions({Json{{"step", 2}}, Json{{"frames", 2}}}));
  const Json state = RunScript("blocked_sequence", Actions({Json{{"step", 2}},
                                                          Json{{"export", "png_sequence"}, {"path", folder + "/s.png"}},
                                                          Json{{"frames", 2}}}));
  EXPECT_EQ(state["message"], "cannot save '" + folder + "/s_0005.png': it is a folder");
  EXPECT_EQ(state["step"].get<int>(), 2);
  EXPECT_EQ(state["step"], before["step"]);
  EXPECT_EQ(state["current"], before["current"]);
  EXPECT_EQ(state["arithmetic"], before["arithmetic"]);
  EXPECT_TRUE(std::filesystem::exists(folder + "/s_0004.png"));
  EXPECT_FALSE(std::filesystem::exists(folder + "/s_0006.png"));
}

TEST(Export, ClicksReachThePanelsAgainAfterAnExport) {
  // The progress dialog is modal while it shows; once the export is done
  // nothing may keep blocking the window.
  const Json state = RunScript("click_after", Actions({Json{{"export", "png1x"}, {"path", TestTempPath("before_click.png")}},
                                                     Json{{"click", "output/0"}, {"cell", {2, 1}}},
                                                     Json{{"frames", 2}}}));
  EXPECT_EQ(state["step"].get<int>(), 7);
}

}  // namespace
}  // namespace convstep
