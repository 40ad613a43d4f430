// Presentation mode and the looks an instructor chooses: full screen with
// the large step counter (F11), the text size keys, the themes, the
// heatmap palettes and the panel choice, checked in the dumped state and in
// the pixels of real screenshots.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "tests/support/process.h"
#include "tests/ui/ui_harness.h"

namespace convstep {
namespace {

Image Screenshot(const std::string& name, std::vector<std::string> args) {
  const std::string path = testing::TestTempPath(name + ".png");
  args.insert(args.end(), {"--screenshot", path});
  const testing::ProcessResult r = Window(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return ReadPng(path);
}

size_t CountPixels(const Image& img, std::array<unsigned char, 3> rgb) {
  size_t n = 0;
  for (size_t i = 0; i + 3 < img.rgba.size(); i += 4) {
    if (img.rgba[i] == rgb[0] && img.rgba[i + 1] == rgb[1] && img.rgba[i + 2] == rgb[2]) ++n;
  }
  return n;
}

// Pixels within `tolerance` of `rgb` (per channel) in [x0, x1) × [y0, y1):
// text is anti-aliased, so its colour is exact only inside the strokes.
size_t CountPixelsIn(const Image& img, std::array<unsigned char, 3> rgb, int x0, int y0, int x1, int y1,
                     int tolerance = 40) {
  size_t n = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const unsigned char* p = img.At(x, y);
      if (std::abs(p[0] - rgb[0]) <= tolerance && std::abs(p[1] - rgb[1]) <= tolerance &&
          std::abs(p[2] - rgb[2]) <= tolerance) {
        ++n;
      }
    }
  }
  return n;
}

// How many rows from the top keep the colour of the top-right pixel: the
// menu bar's height (nothing is drawn at its right end).
int MenuBarHeight(const Image& img) {
  const unsigned char* top = img.At(img.w - 3, 2);
  int y = 2;
  while (y < img.h && std::equal(top, top + 3, img.At(img.w - 3, y))) ++y;
  return y;
}

TEST(Presentation, FillsTheScreenAndShowsTheLargeStepCounter) {
  // The tests' X server is 1280×800: full screen is that, whatever --size says.
  const Image window = Screenshot("windowed", {"--size", "800x600", "--step", "7"});
  const Image full = Screenshot("presentation", {"--size", "800x600", "--step", "7", "--presentation"});
  EXPECT_EQ(window.w, 800);
  EXPECT_EQ(window.h, 600);
  ASSERT_EQ(full.w, 1280);
  ASSERT_EQ(full.h, 800);
  // The counter "7 / 9" is drawn in the title colour in the top right corner,
  // in large type: many pixels of it; none there without presentation mode.
  constexpr std::array<unsigned char, 3> kTitle = {250, 200, 90};
  EXPECT_GT(CountPixelsIn(full, kTitle, 1000, 20, 1280, 90), 200u);
  const Image normal = Screenshot("normal_1280", {"--step", "7"});
  EXPECT_EQ(CountPixelsIn(normal, kTitle, 1000, 20, 1280, 90), 0u);
}

TEST(Presentation, KeysToggleFullScreenAndChangeTheTextSize) {
  const Json state = RunScript("presentation_keys", Json::array({
                                                        Json{{"key", "f11"}},
                                                        Json{{"key", "plus"}, {"ctrl", true}},
                                                        Json{{"key", "plus"}, {"ctrl", true}},
                                                        Json{{"key", "plus"}, {"ctrl", true}},
                                                        Json{{"key", "minus"}, {"ctrl", true}},
                                                        Json{{"frames", 2}},
                                                    }));
  EXPECT_EQ(state["appearance"]["presentation"], true);
  EXPECT_EQ(state["appearance"]["text_percent"], 150);
  EXPECT_DOUBLE_EQ(state["speed"].get<double>(), 2.0) << "Ctrl with +/- is text size, not speed";

  const Json limits = RunScript("text_limits", Json::array({
                                                   Json{{"key", "minus"}, {"ctrl", true}},
                                                   Json{{"key", "plus"}},
                                               }),
                                {"--text-size", "300"});
  EXPECT_EQ(limits["appearance"]["text_percent"], 275);
  EXPECT_GT(limits["speed"].get<double>(), 2.0) << "+ without Ctrl is the speed";

  const Json reset = RunScript("text_reset", Json::array({Json{{"key", "0"}, {"ctrl", true}}}),
                               {"--text-size", "250", "--presentation"});
  EXPECT_EQ(reset["appearance"]["text_percent"], 100);
  const Json off = RunScript("f11_off", Json::array({Json{{"key", "f11"}}}), {"--presentation"});
  EXPECT_EQ(off["appearance"]["presentation"], false);
  const Json esc = RunScript("esc_off", Json::array({Json{{"key", "escape"}}}), {"--presentation"});
  EXPECT_EQ(esc["appearance"]["presentation"], false);
  // With the help open, Esc closes the help first.
  const Json help = RunScript("esc_help", Json::array({Json{{"key", "f1"}}, Json{{"key", "escape"}}}),
                              {"--presentation"});
  EXPECT_EQ(help["show_help"], false);
  EXPECT_EQ(help["appearance"]["presentation"], true);
}

TEST(Presentation, TheTextSizeScalesTextAndWidgets) {
  // The fonts are rasterised again at the new size (Window::LoadFonts) and
  // the style's paddings scaled at half the rate (Window::SetUiScale): the
  // menu bar is a 16-pixel line with 3 pixels of padding above and below at
  // 100 %, so (32 + 2·4.5)/22 = 1.86 times as tall at 200 % and
  // (48 + 2·6)/22 = 2.73 times at 300 %.
  const int h100 = MenuBarHeight(Screenshot("text100", {}));
  const int h200 = MenuBarHeight(Screenshot("text200", {"--text-size", "200"}));
  const int h300 = MenuBarHeight(Screenshot("text300", {"--text-size", "300"}));
  EXPECT_GE(h100, 15);
  EXPECT_NEAR(static_cast<double>(h200) / h100, 41.0 / 22.0, 0.12) << h100 << " " << h200;
  EXPECT_NEAR(static_cast<double>(h300) / h100, 60.0 / 22.0, 0.15) << h100 << " " << h300;
  const testing::ProcessResult bad = Window({"--text-size", "400", "--screenshot", testing::TestTempPath("z.png")});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(Themes, LightAndHighContrastChangeTheBackground) {
  const Image dark = Screenshot("theme_dark", {});
  const Image light = Screenshot("theme_light", {"--theme", "light"});
  const Image contrast = Screenshot("theme_contrast", {"--theme", "contrast"});
  // The clear colour behind the windows, at a point no panel draws on: the
  // right end of the status line.
  const int x = 1270;
  const int y = 790;
  EXPECT_LT(dark.At(x, y)[0], 30);
  EXPECT_GT(light.At(x, y)[0], 220);
  EXPECT_EQ(contrast.At(x, y)[0], 0);
  EXPECT_EQ(contrast.At(x, y)[1], 0);
  // High contrast marks sliders and checks in pure yellow.
  EXPECT_GT(CountPixels(contrast, {255, 255, 0}), 200u);
  EXPECT_EQ(CountPixels(dark, {255, 255, 0}), 0u);
  const testing::ProcessResult bad = Window({"--theme", "pink", "--screenshot", testing::TestTempPath("x.png")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--theme must be dark, light or contrast"), std::string::npos) << bad.err;
}

// WCAG's relative luminance of a grey level.
double Luminance(int grey) {
  const double c = grey / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

TEST(Themes, HighContrastPaddingZerosAreReadable) {
  // Ejemplo 1's padding ring (P = 1): the zeros of padded column 0, rows 3
  // to 6 (below the first step's window), against their cells' grey. The zeros are drawn dimmed; on the
  // former grey 72 they had under 5:1, the theme asks WCAG's enhanced 7:1.
  const std::string png = testing::TestTempPath("contrast_padding.png");
  const std::string dump = testing::TestTempPath("contrast_padding.json");
  const testing::ProcessResult r = Window({"--theme", "contrast", "--screenshot", png, "--dump-state", dump});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json grid = ReadJsonFile(dump)["grids"]["input/0"];
  const float cell = grid["cell"].get<float>();
  const float ox = grid["origin"][0].get<float>();
  const float oy = grid["origin"][1].get<float>();
  const Image img = ReadPng(png);
  const int fill = img.At(static_cast<int>(ox + 0.2f * cell), static_cast<int>(oy + 3.2f * cell))[0];
  int brightest = 0;
  for (int y = static_cast<int>(oy + 3 * cell + 3); y < static_cast<int>(oy + 7 * cell - 3); ++y) {
    for (int x = static_cast<int>(ox + 0.15f * cell); x < static_cast<int>(ox + 0.85f * cell); ++x) {
      brightest = std::max(brightest, static_cast<int>(img.At(x, y)[0]));
    }
  }
  EXPECT_EQ(fill, 32);
  EXPECT_GE((Luminance(brightest) + 0.05) / (Luminance(fill) + 0.05), 7.0) << brightest << " on " << fill;
}

// The paste question over the grids: ImGui's dark popups are 94 % opaque,
// which let the cells under them show through its text; opaque, every pixel
// of its background is the popup colour, 0.08 × 255 = 20 grey.
TEST(Themes, PopupsAreOpaque) {
  const std::string plain = testing::TestTempPath("no_popup.png");
  const std::string asked = testing::TestTempPath("paste_popup.png");
  RunScript("no_popup", Json::array({Json{{"screenshot", plain}}}));
  RunScript("paste_popup", Json::array({Json{{"clipboard", "1\t2\n3\t4"}}, Json{{"key", "v"}, {"ctrl", true}},
                                        Json{{"frames", 2}}, Json{{"screenshot", asked}}}));
  const size_t before = CountPixels(ReadPng(plain), {20, 20, 20});
  const size_t after = CountPixels(ReadPng(asked), {20, 20, 20});
  EXPECT_GT(after, before + 30000) << before << " " << after;
}

TEST(Themes, CividisReplacesViridisInTheHeatmaps) {
  // Ejemplo 1 at its last step: the output's smallest value is drawn in the
  // palette's first colour.
  const Image viridis = Screenshot("viridis", {"--step", "9"});
  const Image cividis = Screenshot("cividis", {"--step", "9", "--palette", "cividis"});
  constexpr std::array<unsigned char, 3> kViridisLow = {68, 1, 84};
  constexpr std::array<unsigned char, 3> kCividisLow = {0, 34, 78};
  EXPECT_GT(CountPixels(viridis, kViridisLow), 100u);
  EXPECT_EQ(CountPixels(viridis, kCividisLow), 0u);
  EXPECT_GT(CountPixels(cividis, kCividisLow), 100u);
  EXPECT_EQ(CountPixels(cividis, kViridisLow), 0u);
}

TEST(Panels, TheInstructorChoosesWhichPanelsShow) {
  const Json state = RunScript("panels", Json::array({Json{{"frames", 1}}}), {"--panels", "input,output"});
  const Json& panels = state["appearance"]["panels"];
  EXPECT_EQ(panels["input"], true);
  EXPECT_EQ(panels["output"], true);
  EXPECT_EQ(panels["parameters"], false);
  EXPECT_EQ(panels["kernels"], false);
  EXPECT_EQ(panels["arithmetic"], false);
  EXPECT_EQ(panels["output_size"], false);
  // Without the parameters column and the right-hand panels, the input grid
  // starts at the window's left edge and its cells are larger.
  const Image all = Screenshot("panels_all", {});
  const Image two = Screenshot("panels_two", {"--panels", "input,output"});
  constexpr std::array<unsigned char, 3> kTitle = {250, 200, 90};
  EXPECT_GT(CountPixelsIn(all, kTitle, 0, 90, 260, 130), 50u) << "the parameters' title";
  EXPECT_EQ(CountPixelsIn(two, kTitle, 0, 90, 260, 115), 0u) << "no parameters column";
  const testing::ProcessResult bad = Window({"--panels", "input,legs", "--screenshot", testing::TestTempPath("y.png")});
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace convstep
