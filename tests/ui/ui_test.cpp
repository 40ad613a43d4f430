// The real window on an Xvfb server: screenshots that are not blank, a pixel probe
// that finds the window outline where the core says step k is, and scripted
// interactions (clicks, hovers, keys, parameter changes) checked through
// --dump-state.
#include <gtest/gtest.h>
#include <stb/stb_image_write.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>

#include "core/formats/spec_json.h"
#include "tests/support/golden.h"
#include "tests/support/process.h"
#include "tests/support/xvfb.h"
#include "tests/ui/ui_harness.h"

namespace convstep {
namespace {

using testing::ProcessResult;
using testing::RunProcess;

bool Near(const unsigned char* px, int r, int g, int b, int tolerance = 40) {
  return std::abs(px[0] - r) <= tolerance && std::abs(px[1] - g) <= tolerance && std::abs(px[2] - b) <= tolerance;
}

TEST(Window, ScreenshotOfEveryPresetIsDrawn) {
  for (const std::string preset : {"ejemplo1", "ejemplo1_valid", "ejemplo_convolucion", "siete_filtros", "imagen_bordes",
                                   "large_64x64x3"}) {
    const std::string png = testing::TestTempPath(preset + ".png");
    std::remove(png.c_str());
    const ProcessResult r = Window({"--preset", preset, "--screenshot", png});
    ASSERT_EQ(r.exit_code, 0) << preset << ": " << r.err;
    const Image img = ReadPng(png);
    ASSERT_EQ(img.w, 1280);
    ASSERT_EQ(img.h, 800);
    // A blank or failed frame has a handful of colours; a drawn one hundreds.
    std::set<uint32_t> colours;
    for (size_t i = 0; i < img.rgba.size(); i += 4 * 7) {
      colours.insert(static_cast<uint32_t>(img.rgba[i]) << 16 | img.rgba[i + 1] << 8 | img.rgba[i + 2]);
    }
    EXPECT_GT(colours.size(), 100u) << preset;
  }
}

// --step counts from 1 on the tab shown: on the pooling tab it is the
// pooling's step. Ejemplo 1's 4×4 slice pooled 2×2 at stride 2 has 4 steps,
// row by row: step 3 is output (1, 0), its window at row 2, column 0.
TEST(Window, StepOnThePoolingTabIsThePoolingsStep) {
  const std::string png = testing::TestTempPath("pool_step.png");
  const std::string dump = testing::TestTempPath("pool_step.json");
  const ProcessResult r = Window({"--tab", "pooling", "--step", "3", "--screenshot", png, "--dump-state", dump});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json state = ReadJsonFile(dump);
  EXPECT_EQ(state["pool"]["total_steps"].get<int>(), 4);
  EXPECT_EQ(state["pool"]["step"].get<int>(), 2);  // the dump's index, from 0
  EXPECT_EQ(state["pool"]["window_top"].get<int>(), 2);
  EXPECT_EQ(state["pool"]["window_left"].get<int>(), 0);
  EXPECT_EQ(state["step"].get<int>(), 0);  // the convolution stays at its first step
  const ProcessResult past = Window({"--tab", "pooling", "--step", "5", "--screenshot", png});
  EXPECT_EQ(past.exit_code, 2);
  EXPECT_NE(past.err.find("--step must be from 1 to 4 on the pooling tab"), std::string::npos) << past.err;
}

TEST(Window, TheWindowOutlineIsWhereTheCoreSaysStepKIs) {
  // Step 6 (1-based) of Ejemplo 1: output (1, 2), window at padded (2, 4).
  const std::string png = testing::TestTempPath("probe.png");
  const std::string dump = testing::TestTempPath("probe_state.json");
  const ProcessResult r = Window({"--step", "6", "--screenshot", png, "--dump-state", dump});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json state = ReadJsonFile(dump);
  ASSERT_EQ(state["current"]["window_top"].get<int>(), 2);
  ASSERT_EQ(state["current"]["window_left"].get<int>(), 4);
  const Json& grid = state["grids"]["input/0"];
  const float cell = grid["cell"].get<float>();
  const float ox = grid["origin"][0].get<float>();
  const float oy = grid["origin"][1].get<float>();
  const Image img = ReadPng(png);
  // Channel 0's colour (Okabe-Ito orange) on the left edge of every tap of
  // the window, and not on the cell just left of the window.
  for (int ky = 0; ky < 3; ++ky) {
    for (int kx = 0; kx < 3; ++kx) {
      const int x = static_cast<int>(ox + (4 + kx) * cell + 2);
      const int y = static_cast<int>(oy + (2 + ky + 0.5f) * cell);
      EXPECT_TRUE(Near(img.At(x, y), 230, 159, 0)) << "tap " << ky << "," << kx;
    }
  }
  const int outside_x = static_cast<int>(ox + 3 * cell + 2);
  const int outside_y = static_cast<int>(oy + 2.5f * cell);
  EXPECT_FALSE(Near(img.At(outside_x, outside_y), 230, 159, 0));
  // The current output cell (1, 2) carries the red frame.
  const Json& out = state["grids"]["output/0"];
  const int fx = static_cast<int>(out["origin"][0].get<float>() + 2 * out["cell"].get<float>() + 2);
  const int fy = static_cast<int>(out["origin"][1].get<float>() + 1.5f * out["cell"].get<float>());
  EXPECT_TRUE(Near(img.At(fx, fy), 255, 70, 70));
}

// With glide on (the default), End and then a screenshot: the window is
// drawn at the last step, not on its way there. Ejemplo 1's last step is
// output (2, 2), its window at padded (4, 4).
TEST(Window, AScreenshotAfterEndShowsTheLastStepNotTheGlide) {
  const std::string png = testing::TestTempPath("end_glide.png");
  const Json state = RunScript("end_glide", Json::array({Json{{"key", "end"}}, Json{{"screenshot", png}}}));
  ASSERT_EQ(state["step"].get<int>(), 8);
  const Json& grid = state["grids"]["input/0"];
  const float cell = grid["cell"].get<float>();
  const float ox = grid["origin"][0].get<float>();
  const float oy = grid["origin"][1].get<float>();
  const Image img = ReadPng(png);
  for (int ky = 0; ky < 3; ++ky) {
    for (int kx = 0; kx < 3; ++kx) {
      const int x = static_cast<int>(ox + (4 + kx) * cell + 2);
      const int y = static_cast<int>(oy + (4 + ky + 0.5f) * cell);
      EXPECT_TRUE(Near(img.At(x, y), 230, 159, 0)) << "tap " << ky << "," << kx;
    }
  }
  // Nothing of the window left at the first step's place.
  EXPECT_FALSE(Near(img.At(static_cast<int>(ox + 2), static_cast<int>(oy + 0.5f * cell)), 230, 159, 0));
}

TEST(Window, ClickingOutputCell21SelectsItsStep) {
  const Json state = RunScript("click", Json::parse(R"([{"click": "output/0", "cell": [2, 1]}, {"frames": 2}])"));
  // Output (2, 1) is the 8th cell of the 3×3 map: step index 7.
  EXPECT_EQ(state["step"].get<int>(), 7);
  EXPECT_EQ(state["current"]["out_y"].get<int>(), 2);
  EXPECT_EQ(state["current"]["out_x"].get<int>(), 1);
  EXPECT_EQ(state["current"]["value"].get<double>(), 12.0);
}

TEST(Window, HoveringAnInputCellMarksTheOutputsThatReadIt) {
  // Padded (2, 2) is read by four windows (the slide's 4×): outputs (0, 0),
  // (0, 1), (1, 0) and (1, 1). Padded (1, 1) only by output (0, 0).
  Json state = RunScript("hover4", Json::parse(R"([{"hover": "input/0", "cell": [2, 2]}])"));
  EXPECT_EQ(state["hovered_input"], Json::parse("[0, 2, 2]"));
  EXPECT_EQ(state["linked_outputs"], Json::parse("[[0, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 1]]"));
  state = RunScript("hover1", Json::parse(R"([{"hover": "input/1", "cell": [1, 1]}])"));
  EXPECT_EQ(state["linked_outputs"], Json::parse("[[0, 0, 0]]"));
  // The dropped last row is read by no window.
  state = RunScript("hover0", Json::parse(R"([{"hover": "input/0", "cell": [7, 3]}])"));
  EXPECT_EQ(state["linked_outputs"], Json::array());
}

TEST(Window, HoveringAnOutputCellShowsItsWindow) {
  const Json state = RunScript("hover_out", Json::parse(R"([{"hover": "output/0", "cell": [0, 0]}])"));
  EXPECT_EQ(state["hovered_output"], Json::parse("[0, 0, 0]"));
  ASSERT_EQ(state["window_of_hovered_output"].size(), 18u);
  EXPECT_EQ(state["window_of_hovered_output"][0], Json::parse("[0, 0, 0]"));
  EXPECT_EQ(state["window_of_hovered_output"][17], Json::parse("[1, 2, 2]"));
}

TEST(Window, KeysStepAndJump) {
  const Json state = RunScript(
      "keys", Json::parse(R"([{"key": "right"}, {"key": "right"}, {"key": "left"}, {"frames": 1}])"));
  EXPECT_EQ(state["step"].get<int>(), 1);
  const Json end = RunScript("end", Json::parse(R"([{"key": "end"}, {"frames": 1}])"));
  EXPECT_EQ(end["step"].get<int>(), 8);
  const Json speed = RunScript("speed", Json::parse(R"([{"key": "plus"}, {"frames": 1}])"));
  EXPECT_GT(speed["speed"].get<double>(), 2.5);
}

TEST(Window, ParametersChangeLiveAndBadOnesLeaveTheSessionAsItWas) {
  Json state = RunScript("stride1", Json::parse(R"([{"set": "stride", "value": 1}, {"frames": 1}])"));
  // (6 - 3 + 2)/1 + 1 = 6: a 6×6 output, 36 steps, every padded row reached.
  EXPECT_EQ(state["total_steps"].get<int>(), 36);
  EXPECT_EQ(state["output_size"]["shape"], Json::parse("[6, 6, 1]"));
  state = RunScript("same", Json::parse(R"([{"set": "padding", "value": "same"}, {"set": "filters", "value": 3}])"));
  EXPECT_EQ(state["output_size"]["shape"], Json::parse("[3, 3, 3]"));
  EXPECT_EQ(state["padding"], Json::parse("[0, 1, 0, 1]"));
  // A cell hovered under the old geometry is gone in the new one: (2, 2) of
  // the 3×3 output does not exist at stride 3 (a 2×2 output).
  state = RunScript("shrink", Json::parse(R"([{"hover": "output/0", "cell": [2, 2]}, {"set": "stride", "value": 3},
                                              {"frames": 2}])"));
  EXPECT_EQ(state["output_size"]["shape"], Json::parse("[2, 2, 1]"));
  EXPECT_TRUE(state["hovered_output"].is_null()) << state["hovered_output"];
  // A kernel that cannot fit fails the script with the core's message...
  const std::string script_path = testing::TestTempPath("bad.json");
  std::ofstream(script_path) << R"([{"set": "kernel", "value": 9}])";
  const ProcessResult r = Window({"--script", script_path});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the 9\u00d79 kernel does not fit in the 8\u00d78 padded input"), std::string::npos) << r.err;
}

TEST(Window, TypingIntoACellChangesTheOutputAndUndoRedoIt) {
  // Padded (1, 1) of channel 0 is input (0, 0), 1 in Ejemplo 1, read by the
  // first window through the centre weight 2: typing 5 adds (5 - 1)·2 = 8.
  const std::string type5 = R"([{"click": "input/0", "cell": [1, 1]}, {"frames": 2}, {"type": "5"}, {"key": "enter"},
                                {"frames": 1})";
  Json state = RunScript("type", Json::parse(type5 + "]"));
  EXPECT_EQ(state["current"]["value"].get<double>(), 16.0);
  state = RunScript("undo", Json::parse(type5 + R"(, {"key": "z", "ctrl": true}, {"frames": 1}])"));
  EXPECT_EQ(state["current"]["value"].get<double>(), 8.0);
  state = RunScript("redo", Json::parse(type5 + R"(, {"key": "z", "ctrl": true}, {"key": "y", "ctrl": true},
                                                   {"frames": 1}])"));
  EXPECT_EQ(state["current"]["value"].get<double>(), 16.0);
  // The right arrow accepts and moves to the next cell: typing 5 then 3
  // sets input (0, 0) to 5 and input (0, 1) to 3.
  state = RunScript("arrows", Json::parse(R"([{"click": "input/0", "cell": [1, 1]}, {"frames": 2}, {"type": "5"},
                                              {"key": "right"}, {"frames": 2}, {"type": "3"}, {"key": "enter"},
                                              {"frames": 1}])"));
  EXPECT_EQ(state["input"][0][0], Json::parse("[5, 3, 0, 2, 1, 2]"));
  // A decimal comma is a decimal point: 1,5 adds (1.5 - 1)·2 = 1.
  state = RunScript("comma", Json::parse(R"([{"click": "input/0", "cell": [1, 1]}, {"frames": 2}, {"type": "1,5"},
                                             {"key": "enter"}, {"frames": 1}])"));
  EXPECT_EQ(state["current"]["value"].get<double>(), 9.0);
  // Text that is not a number changes nothing and says so.
  state = RunScript("nan", Json::parse(R"([{"click": "input/0", "cell": [1, 1]}, {"frames": 2}, {"type": "abc"},
                                           {"key": "enter"}, {"frames": 1}])"));
  EXPECT_EQ(state["current"]["value"].get<double>(), 8.0);
  EXPECT_EQ(state["message"], "'abc' is not a number");
}

TEST(Window, PastingASpreadsheetGridAsksAboutItsSizeThenPastes) {
  // A 2×2 tab-separated paste into Ejemplo 1's 6×6 channel 0.
  const std::string paste = R"([{"clipboard": "1\t2\n3\t4\n"}, {"key": "v", "ctrl": true}, {"frames": 1})";
  Json state = RunScript("paste_ask", Json::parse(paste + "]"));
  EXPECT_TRUE(state["pending_paste"].get<bool>());
  EXPECT_EQ(state["input"][0][1][0].get<double>(), 0.0);  // nothing pasted yet
  state = RunScript("paste_corner", Json::parse(paste + R"(, {"paste_choice": "top-left"}, {"frames": 1}])"));
  EXPECT_FALSE(state["pending_paste"].get<bool>());
  EXPECT_EQ(state["input"][0][0], Json::parse("[1, 2, 0, 2, 1, 2]"));
  EXPECT_EQ(state["input"][0][1], Json::parse("[3, 4, 2, 1, 3, 0]"));
  state = RunScript("paste_resize", Json::parse(paste + R"(, {"paste_choice": "resize"}, {"frames": 1}])"));
  EXPECT_EQ(state["input"][0], Json::parse("[[1, 2], [3, 4]]"));
  EXPECT_EQ(state["input"][1], Json::parse("[[0, 1], [1, 2]]"));  // channel 1 keeps its top-left
  // A Chilean spreadsheet's decimal commas, the right size for a 1×2 grid:
  // resized, since Ejemplo 1's channels are 6×6.
  state = RunScript("paste_comma", Json::parse(R"([{"clipboard": "1,5\t2,25\n"}, {"key": "v", "ctrl": true},
                                                   {"paste_choice": "resize"}, {"frames": 1}])"));
  EXPECT_EQ(state["input"][0], Json::parse("[[1.5, 2.25]]"));
}

TEST(Window, DroppingAGridFileMakesItTheInputAndABadOneChangesNothing) {
  const std::string csv = testing::TestTempPath("drop.csv");
  std::ofstream(csv) << "7;8;9\n1;2;3\n4;5;6\n";
  Json state = RunScript("drop", Json::array({{{"drop", csv}}, {{"frames", 1}}}));
  EXPECT_EQ(state["input"], Json::parse("[[[7, 8, 9], [1, 2, 3], [4, 5, 6]]]"));
  EXPECT_EQ(state["weight_shape"], Json::parse("[1, 1, 3, 3]"));  // the filter follows the channels
  const std::string ragged = testing::TestTempPath("ragged.csv");
  std::ofstream(ragged) << "1;2;3\n4;5\n";
  state = RunScript("drop_bad", Json::array({{{"drop", ragged}}, {{"frames", 1}}}));
  EXPECT_EQ(state["input"][0][0], Json::parse("[1, 2, 0, 2, 1, 2]"));  // Ejemplo 1, untouched
  EXPECT_NE(state["message"].get<std::string>().find("line 2"), std::string::npos) << state["message"];
  EXPECT_FALSE(state["can_undo"].get<bool>());
}

TEST(Window, DroppingAPictureAsksForItsGridThenImportsIt) {
  // 16×16, the left half black and the right half white: an 8×8 grayscale
  // grid is 0 in its left four columns and 255 in its right four.
  std::vector<unsigned char> pixels(16 * 16 * 3, 0);
  for (int y = 0; y < 16; ++y) {
    for (int x = 8; x < 16; ++x) {
      for (int c = 0; c < 3; ++c) pixels[static_cast<size_t>((y * 16 + x) * 3 + c)] = 255;
    }
  }
  const std::string png = testing::TestTempPath("halves.png");
  ASSERT_NE(stbi_write_png(png.c_str(), 16, 16, 3, pixels.data(), 16 * 3), 0);
  Json state = RunScript("drop_png", Json::array({{{"drop", png}}, {{"frames", 1}}}));
  EXPECT_EQ(state["pending_image"], png);
  state = RunScript("import_png", Json::array({{{"drop", png}},
                                               {{"import_image", {{"size", {8, 8}}, {"scale", 255}}}},
                                               {{"frames", 1}}}));
  ASSERT_EQ(state["input"].size(), 1u);
  ASSERT_EQ(state["input"][0].size(), 8u);
  EXPECT_EQ(state["input"][0][3], Json::parse("[0, 0, 0, 0, 255, 255, 255, 255]"));
  // A file that only says it is a PNG changes nothing and says why.
  const std::string fake = testing::TestTempPath("fake.png");
  std::ofstream(fake) << "not a picture";
  state = RunScript("import_fake", Json::array({{{"drop", fake}}, {{"import_image", Json::object()}}, {{"frames", 1}}}));
  EXPECT_EQ(state["input"][0][0], Json::parse("[1, 2, 0, 2, 1, 2]"));
  EXPECT_NE(state["message"].get<std::string>().find("cannot decode"), std::string::npos) << state["message"];
}

// 32×16 (twice as wide as high): columns 0-7 black, 8-23 grey 100, 24-31
// white. Into 8×8: crop keeps the centre 16×16, all grey; fit puts the
// whole picture in 8 columns by 4 rows (rows 2 to 5: 0 0, 100 ×4, 255 255)
// between rows of 0; stretch fills all 8 rows with that row.
TEST(Window, APictureOfAnotherShapeIsCroppedFittedOrStretched) {
  std::vector<unsigned char> pixels(32 * 16, 0);
  for (int y = 0; y < 16; ++y) {
    for (int x = 8; x < 32; ++x) pixels[static_cast<size_t>(y * 32 + x)] = x < 24 ? 100 : 255;
  }
  const std::string png = testing::TestTempPath("wide.png");
  ASSERT_NE(stbi_write_png(png.c_str(), 32, 16, 1, pixels.data(), 32), 0);
  const auto import = [&](const char* fit) {
    return RunScript(std::string("import_") + fit,
                     Json::array({{{"drop", png}}, {{"frames", 2}}, {{"import_image", {{"size", {8, 8}}, {"fit", fit}}}},
                                  {{"frames", 1}}}));
  };
  const Json row = Json::parse("[0, 0, 100, 100, 100, 100, 255, 255]");
  const Json zeros = Json::parse("[0, 0, 0, 0, 0, 0, 0, 0]");
  const Json crop = import("crop")["input"][0];
  ASSERT_EQ(crop.size(), 8u);
  for (const Json& r : crop) EXPECT_EQ(r, Json::parse("[100, 100, 100, 100, 100, 100, 100, 100]"));
  const Json fit = import("fit")["input"][0];
  ASSERT_EQ(fit.size(), 8u);
  for (int y = 0; y < 8; ++y) EXPECT_EQ(fit[static_cast<size_t>(y)], y >= 2 && y < 6 ? row : zeros) << y;
  const Json stretch = import("stretch")["input"][0];
  ASSERT_EQ(stretch.size(), 8u);
  for (const Json& r : stretch) EXPECT_EQ(r, row);
  // A fit that names none is refused, and the picture still waits.
  const Json refused =
      RunScript("import_squash", Json::array({{{"drop", png}}, {{"import_image", {{"fit", "squash"}}}, {"may_refuse", true}}}));
  EXPECT_EQ(refused["pending_image"], png);
}

TEST(Window, ASavedSessionOpensAsItWasLeft) {
  const std::string path = testing::TestTempPath("saved_session.json");
  std::remove(path.c_str());
  // Type 5 into input (0, 0), go to step 4, save.
  RunScript("save", Json::array({{{"click", "input/0"}, {"cell", {1, 1}}}, {{"frames", 2}}, {{"type", "5"}},
                                 {{"key", "enter"}}, {{"step", 3}}, {{"save", path}}, {{"frames", 1}}}));
  // A fresh window opens the file: the edit and the step are back.
  const Json state = RunScript("reopen", Json::array({{{"drop", path}}, {{"frames", 1}}}));
  EXPECT_EQ(state["input"][0][0][0].get<double>(), 5.0);
  EXPECT_EQ(state["step"].get<int>(), 3);
  // Step 4 is output (1, 0), whose window starts at padded (2, 0): it does
  // not read input (0, 0), so its value is Ejemplo 1's 14.
  EXPECT_EQ(state["current"]["value"].get<double>(), 14.0);
  // A file that is not a session leaves the open one as it was.
  const std::string broken = testing::TestTempPath("broken_session.json");
  std::ofstream(broken) << "{\"conv\": ";
  const Json kept = RunScript("reopen_broken", Json::array({{{"drop", broken}}, {{"frames", 1}}}));
  EXPECT_EQ(kept["input"][0][0][0].get<double>(), 1.0);
  EXPECT_NE(kept["message"].get<std::string>().find("broken_session.json"), std::string::npos) << kept["message"];
}

TEST(Window, TheSetupGoesToANotebookAndTablesToSlides) {
  Json state = RunScript("code", Json::parse(R"([{"copy_code": "pytorch"}, {"frames": 1}])"));
  const std::string code = state["clipboard"].get<std::string>();
  EXPECT_NE(code.find("F.conv2d("), std::string::npos) << code;
  EXPECT_NE(code.find("[1, 2, 0, 2, 1, 2]"), std::string::npos) << code;  // Ejemplo 1's first row
  EXPECT_NE(code.find("stride=(2, 2)"), std::string::npos) << code;
  state = RunScript("keras", Json::parse(R"([{"copy_code": "keras"}, {"frames": 1}])"));
  EXPECT_NE(state["clipboard"].get<std::string>().find("layers.Conv2D("), std::string::npos);
  const std::string md = testing::TestTempPath("summary.md");
  RunScript("table", Json::array({{{"export_table", {{"kind", "summary"}, {"format", "markdown"}, {"path", md}}}},
                                  {{"frames", 1}}}));
  std::ifstream in(md);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("| conv2d (Conv2D) | (None, 30, 30, 32) | 896 |"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("Total params: 113,738"), std::string::npos) << text.str();
}

TEST(Window, TabsAndPoolingOnTheLecturesSlice) {
  const Json state = RunScript("pool", Json::parse(R"([{"tab": "pooling"}, {"click": "pool/output", "cell": [1, 0]}, {"frames": 1}])"));
  EXPECT_EQ(state["tab"], "pooling");
  // The slice's third window, bottom left: max(3, 2, 1, 2) = 3 at flat index 8.
  EXPECT_EQ(state["pool"]["step"].get<int>(), 2);
  EXPECT_EQ(state["pool"]["value"].get<double>(), 3.0);
  EXPECT_EQ(state["pool"]["argmax"].get<int>(), 8);
  EXPECT_EQ(state["summary"]["total_params"].get<long long>(), 113738);
  // On the pooling tab the keys step the pooling, not the convolution.
  const Json keys = RunScript("pool_keys", Json::parse(R"([{"tab": "pooling"}, {"key": "end"}, {"frames": 1}])"));
  EXPECT_EQ(keys["pool"]["step"].get<int>(), 3);
  EXPECT_EQ(keys["pool"]["value"].get<double>(), 4.0);
  EXPECT_EQ(keys["step"].get<int>(), 0);
}

TEST(Window, WithoutADisplayItSaysSoAndExits) {
  const ProcessResult r = RunProcess({"env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY", CONVSTEP_WINDOW,
                                      "--screenshot", testing::TestTempPath("none.png")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot open a window: no display"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace convstep
