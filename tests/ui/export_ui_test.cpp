// File ▸ Export in the real window, driven by scripts: the stepping as a GIF
// (one frame per step, the tab's panels only, decoded again with giflib;
// dithered; its loop capped), the view as a PNG at 1×
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

// The part of `shot` that a GIF frame (RGB, w×h) shows: the offset whose
// w×h rectangle differs least from it, compared on every 8th pixel each way,
// and the mean difference there over every pixel.
struct Found {
  int x = 0;
  int y = 0;
  double difference = 255;
};
Found FindInScreenshot(const std::vector<uint8_t>& rgb, int w, int h, const Image& shot) {
  Found best;
  double best_sampled = 1e300;
  for (int oy = 0; oy + h <= shot.h; ++oy) {
    for (int ox = 0; ox + w <= shot.w; ++ox) {
      double sum = 0;
      for (int y = 0; y < h && sum < best_sampled; y += 8) {
        for (int x = 0; x < w; x += 8) {
          const uint8_t* a = &rgb[3 * (static_cast<size_t>(y) * w + x)];
          const unsigned char* b = shot.At(ox + x, oy + y);
          sum += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
        }
      }
      if (sum < best_sampled) best_sampled = sum, best.x = ox, best.y = oy;
    }
  }
  double sum = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      for (int k = 0; k < 3; ++k) sum += std::abs(rgb[3 * (static_cast<size_t>(y) * w + x) + k] - shot.At(best.x + x, best.y + y)[k]);
    }
  }
  best.difference = sum / (3.0 * w * h);
  return best;
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
  for (int i = 0; i < steps; ++i) {
    GraphicsControlBlock control{};
    ASSERT_EQ(DGifSavedExtensionToGCB(gif.get(), i, &control), GIF_OK);
    EXPECT_EQ(control.DelayTime, 50) << "the play speed, 2 steps a second";
  }
  const std::vector<std::vector<uint8_t>> frames = testing::ShownFrames(gif.get());
  EXPECT_GT(Colours(frames.front(), 3), 100u);
  EXPECT_NE(frames.front(), frames.back());

  // Frame 6 is the tab's part of what the window shows at step 6, without
  // the progress dialog or its dimming: the same picture up to the GIF's 256
  // colours. Below the menu and controls bars, right of the parameters,
  // above the status line: smaller than the window every way.
  const std::string shot_path = TestTempPath("step6.png");
  const testing::ProcessResult r = Window({"--step", "6", "--screenshot", shot_path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Image shot = ReadPng(shot_path);
  const int w = gif->SWidth;
  const int h = gif->SHeight;
  ASSERT_LT(w, 1280);
  ASSERT_LT(h, 800);
  const Found found = FindInScreenshot(frames[5], w, h, shot);
  EXPECT_LT(found.difference, 1.5);
  EXPECT_GT(found.x, 100) << "the parameters panel is left out";
  EXPECT_GT(found.y, 40) << "the menu and controls bars are left out";
  EXPECT_LT(found.y + h, 800 - 10) << "the status line is left out";
  // The tab's grids lie in it.
  int grids = 0;
  for (const auto& [name, grid] : state["grids"].items()) {
    if (name.rfind("input/", 0) != 0 && name.rfind("output/", 0) != 0) continue;
    ++grids;
    const double x = grid["origin"][0].get<double>();
    const double y = grid["origin"][1].get<double>();
    EXPECT_GE(x, found.x) << name;
    EXPECT_GE(y, found.y) << name;
    EXPECT_LE(x + grid["cell"].get<double>() * grid["cols"].get<double>(), found.x + w) << name;
    EXPECT_LE(y + grid["cell"].get<double>() * grid["rows"].get<double>(), found.y + h) << name;
  }
  EXPECT_GE(grids, 2);
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

TEST(Export, ALongSteppingIsSampledToEveryTenthStep) {
  // siete_filtros: 28×28 outputs × 7 filters = 5488 steps, more than an
  // export writes (600): one in 10 and the last are 550; two frames are
  // enough to see the count.
  const std::string folder = TestTempPath("sampled");
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const Json state = RunScript(
      "sampled", Actions({Json{{"export", "png_sequence"}, {"path", folder + "/s.png"}, {"cancel_after", 2}}}),
      {"--preset", "siete_filtros"});
  EXPECT_EQ(StepsFromOutputShape(state), 5488);
  EXPECT_EQ(state["message"], "Export cancelled: 2 of 550 pictures kept (" + folder + "/s_0001.png \u2026 " + folder +
                                  "/s_0002.png)");
}

// siete_filtros in a loop of at most 5 s, dithered: 500 / 5 = 100 frames at
// most, so one step in 56 (99 frames, the last step included), 0.05 s each.
TEST(Export, ALoopOfFiveSecondsTakesOneStepInKDithered) {
  const std::string gif_path = TestTempPath("five_seconds.gif");
  std::remove(gif_path.c_str());
  const Json state = RunScript(
      "five_seconds",
      Actions({Json{{"export", "gif"}, {"path", gif_path}, {"loop_seconds", 5}, {"dither", "floyd_steinberg"}}}),
      {"--preset", "siete_filtros"});
  const testing::DecodedGif gif = testing::DecodeGif(gif_path);
  ASSERT_NE(gif, nullptr);
  EXPECT_EQ(state["message"], "Exported " + std::to_string(gif->ImageCount) +
                                  " of the 5488 steps (one in 56, and the last) as " + gif_path + " (" +
                                  Kilobytes(gif_path) + " kB)");
  EXPECT_EQ(gif->ImageCount, 99);  // 0, 56, …, 5432 (98 of them) and 5487
  int total = 0;
  for (int i = 0; i < gif->ImageCount; ++i) {
    GraphicsControlBlock control{};
    ASSERT_EQ(DGifSavedExtensionToGCB(gif.get(), i, &control), GIF_OK);
    total += control.DelayTime;
  }
  EXPECT_LE(total, 500);
  EXPECT_LT(gif->SWidth, 1280);
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
