// The heatmap shader (app/gfx/heatmap_shader.h) in a real window on a private
// Xvfb server (Mesa llvmpipe): grids drawn through Dear ImGui's draw list and
// read back with glReadPixels. Expected colours are computed here from the
// palette and the value, never read from the shader's own output.

#include <glad/gl.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

#include "app/gfx/grid_texture.h"
#include "app/gfx/heatmap_shader.h"
#include "app/gfx/offscreen.h"
#include "app/gfx/screenshot.h"
#include "app/gfx/window.h"
#include "tests/support/xvfb.h"

namespace convstep::gfx {
namespace {

constexpr ImU32 kClear = IM_COL32(10, 20, 30, 255);  // SetClearColor below
constexpr ImU32 kPadding = IM_COL32(200, 40, 40, 255);
constexpr ImU32 kBlank = IM_COL32(20, 200, 40, 255);
constexpr ImU32 kDropped = IM_COL32(40, 40, 220, 255);
constexpr ImU32 kLine = IM_COL32(0, 0, 0, 255);
constexpr ImU32 kWindow = IM_COL32(255, 0, 255, 255);
constexpr ImU32 kHover = IM_COL32(0, 255, 255, 255);
constexpr ImU32 kEdge = IM_COL32(255, 255, 255, 255);

// A palette whose neighbouring entries differ a little and no entry is one of
// the flat colours above.
std::vector<uint32_t> Palette() {
  std::vector<uint32_t> p(256);
  for (int i = 0; i < 256; ++i) p[static_cast<size_t>(i)] = IM_COL32(i, 255 - i, 100 + i / 4, 255);
  return p;
}

// The colour the CPU gives a value: palette[round(255 t)], t clamped.
ImU32 Expected(const std::vector<uint32_t>& palette, double v, double lo, double hi) {
  const double t = hi > lo ? std::clamp((v - lo) / (hi - lo), 0.0, 1.0) : 0.5;
  return palette[static_cast<size_t>(std::lround(t * 255.0))];
}

struct Pixels {
  int w = 0;
  int h = 0;
  std::vector<uint8_t> rgba;  // top row first
  ImU32 At(int x, int y) const {
    const uint8_t* p = &rgba[(static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 4];
    return IM_COL32(p[0], p[1], p[2], p[3]);
  }
};

std::string Text(ImU32 c) {
  char text[32];
  std::snprintf(text, sizeof text, "(%u, %u, %u)", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF);
  return text;
}

::testing::AssertionResult Near(ImU32 got, ImU32 want, int tolerance = 2) {
  for (int shift = 0; shift < 24; shift += 8) {
    const int a = static_cast<int>((got >> shift) & 0xFF);
    const int b = static_cast<int>((want >> shift) & 0xFF);
    if (std::abs(a - b) > tolerance) {
      return ::testing::AssertionFailure() << "got " << Text(got) << ", want " << Text(want);
    }
  }
  return ::testing::AssertionSuccess();
}

ImU32 Heat(float t);  // a five-stop viridis, below

class HeatmapShaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new testing::Xvfb();
    ASSERT_FALSE(server_->display().empty()) << "Xvfb did not start";
    setenv("DISPLAY", server_->display().c_str(), 1);
    WindowOptions options;
    options.width = 1280;
    options.height = 800;
    options.title = "heatmap shader test";
    Result<std::unique_ptr<Window>> created = Window::Create(options);
    ASSERT_TRUE(created) << created.error();
    window_ = std::move(created).value().release();
    window_->SetClearColor(10 / 255.0f, 20 / 255.0f, 30 / 255.0f);
  }
  static void TearDownTestSuite() {
    ReleaseHeatmapTextures();
    delete window_;
    window_ = nullptr;
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    if (window_ == nullptr) GTEST_SKIP() << "no window";
  }
  // Tests reuse ids and revisions: each starts with no textures (when they
  // run in one process).
  void TearDown() override { ReleaseHeatmapTextures(); }

  // One frame: `draw` adds to the background draw list, then ImGui renders
  // and the back buffer is read.
  static Pixels Frame(const std::function<void(ImDrawList*)>& draw) {
    window_->PollEvents();
    window_->BeginFrame();
    draw(ImGui::GetBackgroundDrawList());
    window_->Render();
    Pixels pixels;
    pixels.w = window_->FramebufferWidth();
    pixels.h = window_->FramebufferHeight();
    pixels.rgba = ReadPixelsTopDown(pixels.w, pixels.h);
    return pixels;
  }

  static testing::Xvfb* server_;
  static Window* window_;
};
testing::Xvfb* HeatmapShaderTest::server_ = nullptr;
Window* HeatmapShaderTest::window_ = nullptr;

// 3 × 4: values against lo 0, hi 10 (two outside the range), a padding, a
// blank and a dropped cell, a NaN.
struct SmallGrid {
  std::vector<float> values = {0.0f, 2.5f, 5.0f, 10.0f,  //
                               -3.0f, 13.0f, 4.0f, 7.3f,  //
                               std::numeric_limits<float>::quiet_NaN(), 6.0f, 8.0f, 1.0f};
  std::vector<uint8_t> kinds = {0, 0, 0, 0,  //
                                0, 0, kHeatmapPadding, 0,  //
                                0, kHeatmapBlank, kHeatmapDropped, 0};
  std::vector<uint32_t> palette = Palette();
  HeatmapGrid Grid(ImVec2 origin, float cell) const {
    HeatmapGrid g;
    g.rows = 3;
    g.cols = 4;
    g.values = values.data();
    g.kinds = kinds.data();
    g.data_revision = 1;
    g.palette = palette.data();
    g.palette_revision = 1;
    g.lo = 0.0f;
    g.hi = 10.0f;
    g.padding_color = kPadding;
    g.blank_color = kBlank;
    g.dropped_color = kDropped;
    g.line_color = kLine;
    g.origin = origin;
    g.cell = cell;
    return g;
  }
};

TEST_F(HeatmapShaderTest, ContextSupportsGlsl330) {
  ASSERT_TRUE(HeatmapShaderAvailable()) << HeatmapShaderError();
  EXPECT_TRUE(HeatmapShaderError().empty());
  GLint major = 0;
  GLint minor = 0;
  glGetIntegerv(GL_MAJOR_VERSION, &major);
  glGetIntegerv(GL_MINOR_VERSION, &minor);
  EXPECT_GE(major * 10 + minor, 33);
  std::printf("GL_VERSION %s, GLSL %s, renderer %s\n", reinterpret_cast<const char*>(glGetString(GL_VERSION)),
              reinterpret_cast<const char*>(glGetString(GL_SHADING_LANGUAGE_VERSION)),
              reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
}

TEST_F(HeatmapShaderTest, CellCentresHavePaletteAndFlatColours) {
  const SmallGrid s;
  const ImVec2 origin(40, 30);
  const float cell = 20;
  bool drawn = false;
  const Pixels px = Frame([&](ImDrawList* draw) { drawn = DrawHeatmap(draw, 1, s.Grid(origin, cell)); });
  ASSERT_TRUE(drawn) << HeatmapShaderError();
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 4; ++c) {
      const size_t i = static_cast<size_t>(r * 4 + c);
      const int x = static_cast<int>(origin.x + (c + 0.5f) * cell);
      const int y = static_cast<int>(origin.y + (r + 0.5f) * cell);
      const ImU32 got = px.At(x, y);
      SCOPED_TRACE("cell " + std::to_string(r) + "," + std::to_string(c));
      if (s.kinds[i] == kHeatmapPadding) EXPECT_EQ(got, kPadding) << Text(got);
      else if (s.kinds[i] == kHeatmapBlank || std::isnan(s.values[i])) EXPECT_EQ(got, kBlank) << Text(got);
      else if (s.kinds[i] == kHeatmapDropped) EXPECT_EQ(got, kDropped) << Text(got);
      else EXPECT_TRUE(Near(got, Expected(s.palette, s.values[i], 0, 10)));
    }
  }
  // Outside the grid: the clear colour.
  EXPECT_EQ(px.At(20, 20), kClear);
  EXPECT_EQ(px.At(static_cast<int>(origin.x + 4 * cell + 5), 40), kClear);
}

// The CPU twin (for fallbacks) against the same independent expectation,
// and the shader against it on a 32 × 32 grid of spread values.
TEST_F(HeatmapShaderTest, TheCpuTwinGivesTheShadersColours) {
  const SmallGrid s;
  const HeatmapGrid small = s.Grid(ImVec2(0, 0), 1);
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 4; ++c) {
      const size_t i = static_cast<size_t>(r * 4 + c);
      const ImU32 want = s.kinds[i] == kHeatmapPadding                            ? kPadding
                         : s.kinds[i] == kHeatmapBlank || std::isnan(s.values[i]) ? kBlank
                         : s.kinds[i] == kHeatmapDropped                          ? kDropped
                                                                                  : Expected(s.palette, s.values[i], 0, 10);
      EXPECT_EQ(HeatmapCellColor(small, r, c), want) << r << "," << c;
    }
  }
  std::vector<float> values(32 * 32);
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>((i * 7919u) % 1013) * 0.37f - 50.0f;
  const std::vector<uint32_t> palette = Palette();
  HeatmapGrid g;
  g.rows = g.cols = 32;
  g.values = values.data();
  g.palette = palette.data();
  g.lo = -20.0f;
  g.hi = 300.0f;
  g.origin = ImVec2(10, 10);
  g.cell = 10;
  while (glGetError() != GL_NO_ERROR) {
  }
  const Pixels px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 5, g); });
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
  int mismatches = 0;
  for (int r = 0; r < 32; ++r) {
    for (int c = 0; c < 32; ++c) {
      if (!Near(px.At(10 + c * 10 + 5, 10 + r * 10 + 5), HeatmapCellColor(g, r, c))) ++mismatches;
    }
  }
  EXPECT_EQ(mismatches, 0);
}

TEST_F(HeatmapShaderTest, LowEqualsHighGivesTheMiddleColour) {
  SmallGrid s;
  HeatmapGrid g = s.Grid(ImVec2(40, 30), 20);
  g.lo = g.hi = 3.0f;
  const Pixels px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 1, g); });
  EXPECT_TRUE(Near(px.At(50, 40), s.palette[128]));  // round(255 * 0.5)
}

TEST_F(HeatmapShaderTest, InfinitiesTakeTheEndsOfThePalette) {
  SmallGrid s;
  s.values[0] = std::numeric_limits<float>::infinity();
  s.values[1] = -std::numeric_limits<float>::infinity();
  const Pixels px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 1, s.Grid(ImVec2(40, 30), 20)); });
  EXPECT_TRUE(Near(px.At(50, 40), s.palette[255]));
  EXPECT_TRUE(Near(px.At(70, 40), s.palette[0]));
}

// Inside an ImGui window the grid is cut to the window's clip rectangle
// (the draw command's, as a scissor box) and lies over the window's
// background, under what the window draws after it.
TEST_F(HeatmapShaderTest, InsideAWindowItIsClippedToTheWindow) {
  const SmallGrid s;
  const Pixels px = Frame([&](ImDrawList*) {
    ImGui::SetNextWindowPos(ImVec2(200, 200));
    ImGui::SetNextWindowSize(ImVec2(50, 40));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("grid", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Cell (0, 0) at (180, 190), the grid to (260, 250); the window shows
    // (200, 200) to (250, 240).
    EXPECT_TRUE(DrawHeatmap(draw, 1, s.Grid(ImVec2(180, 190), 20)));
    draw->AddRectFilled(ImVec2(235, 225), ImVec2(245, 235), IM_COL32(255, 255, 255, 255));
    ImGui::End();
    ImGui::PopStyleVar();
  });
  EXPECT_TRUE(Near(px.At(205, 205), Expected(s.palette, 2.5, 0, 10)));  // cell (0, 1)
  EXPECT_TRUE(Near(px.At(230, 205), Expected(s.palette, 5, 0, 10)));    // cell (0, 2)
  EXPECT_EQ(px.At(240, 230), IM_COL32(255, 255, 255, 255));  // drawn after the grid: on top
  EXPECT_EQ(px.At(195, 205), kClear);  // cell (0, 0), left of the window
  EXPECT_EQ(px.At(205, 195), kClear);  // cell (0, 1) above it
  EXPECT_EQ(px.At(255, 205), kClear);  // cell (0, 3), right of it
  EXPECT_EQ(px.At(205, 245), kClear);  // cell (2, 1), below it
}

TEST_F(HeatmapShaderTest, BordersAtEightPixelsAndNotBelow) {
  const SmallGrid s;
  // Cells of 20 px: the pixel column at the boundary between columns 0 and
  // 1 is the line's, and so is the one just past the last column.
  {
    const Pixels px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 1, s.Grid(ImVec2(40, 30), 20)); });
    EXPECT_EQ(px.At(60, 40), kLine) << Text(px.At(60, 40));
    EXPECT_EQ(px.At(50, 50), kLine) << Text(px.At(50, 50));  // between rows 0 and 1
    EXPECT_EQ(px.At(120, 40), kLine) << Text(px.At(120, 40));  // right edge of the grid
    EXPECT_TRUE(Near(px.At(61, 40), Expected(s.palette, 2.5, 0, 10)));
  }
  // Exactly 8 px: still lines.
  {
    const Pixels px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 1, s.Grid(ImVec2(40, 30), 8)); });
    EXPECT_EQ(px.At(48, 33), kLine) << Text(px.At(48, 33));
  }
  // 7 px: none; the boundary pixel has the cell's colour.
  {
    const Pixels px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 1, s.Grid(ImVec2(40, 30), 7)); });
    EXPECT_TRUE(Near(px.At(47, 33), Expected(s.palette, 2.5, 0, 10)));
    EXPECT_TRUE(Near(px.At(40, 33), Expected(s.palette, 0.0, 0, 10)));
  }
}

// A 7 × 7 grid of one value, a 2 × 2 window with dilation 2 from (1, 1): the
// taps are cells (1,1), (1,3), (3,1), (3,3); (2,2) is a hole.
TEST_F(HeatmapShaderTest, WindowTapsAreBoxesAndDilationHolesStayHoles) {
  const std::vector<float> values(49, 5.0f);
  const std::vector<uint32_t> palette = Palette();
  HeatmapGrid g;
  g.rows = g.cols = 7;
  g.values = values.data();
  g.palette = palette.data();
  g.lo = 0;
  g.hi = 10;
  g.line_color = kLine;
  g.origin = ImVec2(100, 100);
  g.cell = 20;
  g.has_window = true;
  g.win_y = 1;
  g.win_x = 1;
  g.taps_h = g.taps_w = 2;
  g.dil_h = g.dil_w = 2;
  g.win_color = kWindow;
  g.win_thickness = 2;
  const ImU32 fill = Expected(palette, 5, 0, 10);
  const Pixels px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 7, g); });
  const auto at = [&](float cx, float cy) {  // a point in cells
    return px.At(static_cast<int>(100 + cx * 20), static_cast<int>(100 + cy * 20));
  };
  for (const auto& [ty, tx] : {std::pair{1, 1}, {1, 3}, {3, 1}, {3, 3}}) {
    SCOPED_TRACE("tap " + std::to_string(ty) + "," + std::to_string(tx));
    EXPECT_EQ(at(tx + 0.05f, ty + 0.5f), kWindow);  // 1 px inside its left side
    EXPECT_EQ(at(tx + 0.5f, ty + 0.96f), kWindow);  // 1 px inside its bottom
    EXPECT_TRUE(Near(at(tx + 0.5f, ty + 0.5f), fill));  // an outline, not a fill
  }
  // The holes between taps: their centres and their inner sides.
  EXPECT_TRUE(Near(at(2.5f, 2.5f), fill));
  EXPECT_TRUE(Near(at(2.5f, 1.5f), fill));
  EXPECT_TRUE(Near(at(1.5f, 2.5f), fill));
  EXPECT_NE(at(2.05f, 2.5f), kWindow);
  // Past the window.
  EXPECT_TRUE(Near(at(5.5f, 5.5f), fill));
  EXPECT_NE(at(5.05f, 1.5f), kWindow);
}

TEST_F(HeatmapShaderTest, HoveredCellAndDataEdge) {
  // 5 × 5, the ring padding, data 3 × 3 from (1, 1).
  std::vector<float> values(25, 5.0f);
  std::vector<uint8_t> kinds(25, kHeatmapData);
  for (int r = 0; r < 5; ++r) {
    for (int c = 0; c < 5; ++c) {
      if (r == 0 || c == 0 || r == 4 || c == 4) kinds[static_cast<size_t>(r * 5 + c)] = kHeatmapPadding;
    }
  }
  const std::vector<uint32_t> palette = Palette();
  HeatmapGrid g;
  g.rows = g.cols = 5;
  g.values = values.data();
  g.kinds = kinds.data();
  g.palette = palette.data();
  g.padding_color = kPadding;
  g.line_color = kLine;
  g.origin = ImVec2(100, 100);
  g.cell = 20;
  g.has_data_edge = true;
  g.edge_y = g.edge_x = 1;
  g.edge_h = g.edge_w = 3;
  g.edge_color = kEdge;
  g.hover_y = 2;
  g.hover_x = 3;
  g.hover_color = kHover;
  const Pixels px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 8, g); });
  // The edge at x = 120 covers the pixel columns 119 and 120 at 3/4 each.
  for (int x : {119, 120}) {
    const ImU32 c = px.At(x, 150);
    for (int shift = 0; shift < 24; shift += 8) EXPECT_GE(static_cast<int>((c >> shift) & 0xFF), 180) << Text(c);
  }
  EXPECT_EQ(px.At(110, 150), kPadding);
  EXPECT_TRUE(Near(px.At(130, 130), Expected(palette, 5, 0, 1)));
  // The hovered cell (2, 3) spans x 160..180, y 140..160.
  EXPECT_EQ(px.At(161, 150), kHover) << Text(px.At(161, 150));
  EXPECT_EQ(px.At(170, 158), kHover) << Text(px.At(170, 158));
  EXPECT_TRUE(Near(px.At(170, 150), Expected(palette, 5, 0, 1)));
}

// Zoomed in and panned: cell (50, 40) of a 100 × 100 grid of 64 px cells has
// its top-left corner at (10, 20); the rest lies off the screen.
TEST_F(HeatmapShaderTest, ZoomedAndPannedPutsTheRightCellAtTheRightPixel) {
  std::vector<float> values(100 * 100);
  for (int r = 0; r < 100; ++r) {
    for (int c = 0; c < 100; ++c) values[static_cast<size_t>(r * 100 + c)] = static_cast<float>((r * 7 + c * 13) % 256);
  }
  const std::vector<uint32_t> palette = Palette();
  HeatmapGrid g;
  g.rows = g.cols = 100;
  g.values = values.data();
  g.palette = palette.data();
  g.lo = 0;
  g.hi = 255;
  g.line_color = kLine;
  g.cell = 64;
  g.origin = ImVec2(10 - 40 * 64, 20 - 50 * 64);
  g.clip = ImVec4(0, 0, 400, 300);
  const Pixels px = Frame([&](ImDrawList* draw) { ASSERT_TRUE(DrawHeatmap(draw, 9, g)); });
  const auto value = [&](int r, int c) { return values[static_cast<size_t>(r * 100 + c)]; };
  EXPECT_TRUE(Near(px.At(10 + 32, 20 + 32), Expected(palette, value(50, 40), 0, 255)));
  EXPECT_TRUE(Near(px.At(10 + 64 + 32, 20 + 32), Expected(palette, value(50, 41), 0, 255)));
  EXPECT_TRUE(Near(px.At(10 + 32, 20 + 64 + 32), Expected(palette, value(51, 40), 0, 255)));
  EXPECT_TRUE(Near(px.At(5, 5), Expected(palette, value(49, 39), 0, 255)));
  EXPECT_EQ(px.At(10, 40), kLine);  // the border between columns 39 and 40
  // Outside the clip rectangle: nothing.
  EXPECT_EQ(px.At(420, 100), kClear);
  EXPECT_EQ(px.At(100, 320), kClear);
  EXPECT_NE(px.At(398, 298), kClear);
}

TEST_F(HeatmapShaderTest, DataUploadedOnlyWhenTheRevisionChanges) {
  SmallGrid s;
  HeatmapGrid g = s.Grid(ImVec2(40, 30), 20);
  Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 3, g); });
  s.values[0] = 10.0f;  // same revision: the texture keeps 0
  g.values = s.values.data();
  Pixels px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 3, g); });
  EXPECT_TRUE(Near(px.At(50, 40), Expected(s.palette, 0, 0, 10)));
  g.data_revision = 2;
  px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 3, g); });
  EXPECT_TRUE(Near(px.At(50, 40), Expected(s.palette, 10, 0, 10)));
  // The palette likewise.
  std::vector<uint32_t> red(256, IM_COL32(250, 0, 0, 255));
  g.palette = red.data();
  px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 3, g); });
  EXPECT_TRUE(Near(px.At(50, 40), Expected(s.palette, 10, 0, 10)));
  g.palette_revision = 2;
  px = Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 3, g); });
  EXPECT_EQ(px.At(50, 40), IM_COL32(250, 0, 0, 255));
}

// A 2x capture (Window::RenderCapture, as exports do) renders the same draw
// data with FramebufferScale 2: the same picture with twice the pixels.
TEST_F(HeatmapShaderTest, CaptureAtTwiceTheScale) {
  const SmallGrid s;
  Frame([&](ImDrawList* draw) { DrawHeatmap(draw, 1, s.Grid(ImVec2(40, 30), 20)); });
  Result<CapturedFrame> captured = window_->RenderCapture(2.0f);
  ASSERT_TRUE(captured) << captured.error();
  Pixels px{captured.value().width, captured.value().height, captured.value().rgba};
  ASSERT_EQ(px.w, 2560);
  EXPECT_TRUE(Near(px.At(2 * 50, 2 * 40), Expected(s.palette, 0, 0, 10)));
  EXPECT_TRUE(Near(px.At(2 * 110, 2 * 80), Expected(s.palette, 1, 0, 10)));  // cell (2, 3)
  EXPECT_EQ(px.At(2 * 60, 2 * 40), kLine);
  EXPECT_EQ(px.At(2 * 60 + 1, 2 * 40), kLine);  // 1 px at scale 1 is 2 px at 2x
  EXPECT_EQ(px.At(2 * 20, 2 * 20), kClear);
}

TEST_F(HeatmapShaderTest, BrokenShaderIsUnavailableWithOneMessage) {
  ResetHeatmapShaderForTest("", "#version 330 core\nout vec4 c;\nvoid main() {\n  c = no_such_thing;\n}\n");
  EXPECT_FALSE(HeatmapShaderAvailable());
  const std::string message = HeatmapShaderError();
  std::printf("message: %s\n", message.c_str());
  EXPECT_NE(message.find("error"), std::string::npos) << message;
  EXPECT_EQ(message.rfind("heatmap shader: fragment: ", 0), 0u) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  const SmallGrid s;
  bool drawn = true;
  Frame([&](ImDrawList* draw) { drawn = DrawHeatmap(draw, 1, s.Grid(ImVec2(40, 30), 20)); });
  EXPECT_FALSE(drawn);
  // A vertex shader that does not compile, and a pair that does not link.
  ResetHeatmapShaderForTest("#version 330 core\nvoid main() { gl_Position = vec4(oops); }\n", "");
  EXPECT_FALSE(HeatmapShaderAvailable());
  EXPECT_EQ(HeatmapShaderError().rfind("heatmap shader: vertex: ", 0), 0u) << HeatmapShaderError();
  ResetHeatmapShaderForTest("#version 330 core\nvoid main() { gl_Position = vec4(0.0); }\n",
                            "#version 330 core\nin vec2 not_written;\nout vec4 c;\nvoid main() { c = vec4(not_written, 0.0, 1.0); }\n");
  const bool linked = HeatmapShaderAvailable();
  if (!linked) {
    EXPECT_EQ(HeatmapShaderError().rfind("heatmap shader: link: ", 0), 0u) << HeatmapShaderError();
  }
  // Back to the embedded sources.
  ResetHeatmapShaderForTest("", "");
  EXPECT_TRUE(HeatmapShaderAvailable()) << HeatmapShaderError();
}

TEST_F(HeatmapShaderTest, GridsTheShaderCannotTakeAreRefusedAndOffScreenOnesAddNothing) {
  const SmallGrid s;
  Frame([&](ImDrawList* draw) {
    HeatmapGrid g = s.Grid(ImVec2(40, 30), 20);
    g.rows = 0;
    EXPECT_FALSE(DrawHeatmap(draw, 20, g));
    g = s.Grid(ImVec2(40, 30), 20);
    g.values = nullptr;
    EXPECT_FALSE(DrawHeatmap(draw, 20, g));
    g = s.Grid(ImVec2(40, 30), 20);
    g.palette = nullptr;
    EXPECT_FALSE(DrawHeatmap(draw, 20, g));
    GLint largest = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &largest);
    const std::vector<float> wide(static_cast<size_t>(largest) + 1, 1.0f);
    g = s.Grid(ImVec2(40, 30), 1);
    g.rows = 1;
    g.cols = largest + 1;
    g.values = wide.data();
    g.kinds = nullptr;
    EXPECT_FALSE(DrawHeatmap(draw, 21, g));
    // Entirely outside the screen: taken, nothing added.
    const int commands = draw->CmdBuffer.Size;
    EXPECT_TRUE(DrawHeatmap(draw, 22, s.Grid(ImVec2(5000, 5000), 20)));
    EXPECT_EQ(draw->CmdBuffer.Size, commands);
    EXPECT_TRUE(DrawHeatmap(draw, 22, s.Grid(ImVec2(40, 30), 20)));
    EXPECT_GT(draw->CmdBuffer.Size, commands);
  });
}

// A picture of everything at once, for people to look at:
// $TMPDIR/heatmap_shader_test.png (a 7 × 7 input with padding 1 and a 3 × 3
// window of dilation 2, at 40 px and 4 px cells, and a 2x capture of it).
TEST_F(HeatmapShaderTest, PictureForPeople) {
  std::vector<float> values(81);
  std::vector<uint8_t> kinds(81, kHeatmapData);
  for (int r = 0; r < 9; ++r) {
    for (int c = 0; c < 9; ++c) {
      const size_t i = static_cast<size_t>(r * 9 + c);
      values[i] = static_cast<float>(r * 9 + c);
      if (r == 0 || c == 0 || r == 8 || c == 8) kinds[i] = kHeatmapPadding;
    }
  }
  values[40] = std::numeric_limits<float>::quiet_NaN();
  kinds[60] = kHeatmapDropped;
  std::vector<uint32_t> palette(256);
  for (int i = 0; i < 256; ++i) palette[static_cast<size_t>(i)] = Heat(static_cast<float>(i) / 255.0f);
  HeatmapGrid g;
  g.rows = g.cols = 9;
  g.values = values.data();
  g.kinds = kinds.data();
  g.palette = palette.data();
  g.lo = 0;
  g.hi = 80;
  g.line_color = IM_COL32(20, 20, 24, 255);
  g.has_data_edge = true;
  g.edge_y = g.edge_x = 1;
  g.edge_h = g.edge_w = 7;
  g.has_window = true;
  g.win_y = 1;
  g.win_x = 2;
  g.taps_h = g.taps_w = 3;
  g.dil_h = g.dil_w = 2;
  g.win_color = IM_COL32(250, 200, 90, 255);
  g.hover_y = 6;
  g.hover_x = 6;
  const char* dir = std::getenv("TMPDIR");
  const std::string path = std::string(dir != nullptr ? dir : "/tmp") + "/heatmap_shader_test.png";
  Frame([&](ImDrawList* draw) {
    HeatmapGrid big = g;
    big.origin = ImVec2(20, 20);
    big.cell = 40;
    EXPECT_TRUE(DrawHeatmap(draw, 30, big));
    draw->AddText(ImVec2(20 + 3 * 40 + 12, 20 + 3 * 40 + 12), IM_COL32(255, 255, 255, 255), "30");
    HeatmapGrid small = g;
    small.origin = ImVec2(420, 20);
    small.cell = 4;
    EXPECT_TRUE(DrawHeatmap(draw, 31, small));
  });
  const Result<bool> written = WriteScreenshot(path, window_->FramebufferWidth(), window_->FramebufferHeight());
  EXPECT_TRUE(written) << written.error();
  std::printf("wrote %s\n", path.c_str());
}

// [SECTION] Timing: a 256 × 256 grid per frame

// The current path, as the panels and grid_view do it: a colour per cell
// from five stops every frame, the texture's comparison, one image.
ImU32 Lerp(ImU32 a, ImU32 b, float t) {
  const ImVec4 ca = ImGui::ColorConvertU32ToFloat4(a);
  const ImVec4 cb = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(
      ImVec4(ca.x + (cb.x - ca.x) * t, ca.y + (cb.y - ca.y) * t, ca.z + (cb.z - ca.z) * t, 1.0f));
}
ImU32 Heat(float t) {
  static const ImU32 kViridis[] = {IM_COL32(68, 1, 84, 255), IM_COL32(59, 82, 139, 255), IM_COL32(33, 145, 140, 255),
                                   IM_COL32(94, 201, 98, 255), IM_COL32(253, 231, 37, 255)};
  t = std::clamp(std::isfinite(t) ? t : 0.0f, 0.0f, 1.0f) * 4.0f;
  const int i = std::min(static_cast<int>(t), 3);
  return Lerp(kViridis[i], kViridis[i + 1], t - static_cast<float>(i));
}

double ProcessSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double ThreadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Times {
  double build_ms = 0;      // this thread's CPU time building the frame (ImGui calls, colours, uploads)
  double frame_cpu_ms = 0;  // the process's CPU time per frame, llvmpipe's threads included
  double wall_ms = 0;
};

void Print(const char* what, const Times& t) {
  std::printf("  %-42s build %6.2f  frame CPU %6.2f  wall %6.2f\n", what, t.build_ms, t.frame_cpu_ms, t.wall_ms);
}

// A 256 × 256 grid with the window on it, drawn both ways: at 3 px cells
// (768 × 768 px, no borders) and zoomed to 16 px cells (borders; the grid
// is 4096 px wide, the screen shows part of it).
TEST_F(HeatmapShaderTest, TimingOf256x256PerFrame) {
  constexpr int kN = 256;
  constexpr int kFrames = 40;
  std::vector<float> values(static_cast<size_t>(kN) * kN);
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>((i * 2654435761u) % 1000) / 10.0f;
  std::vector<uint32_t> palette(256);
  for (int i = 0; i < 256; ++i) palette[static_cast<size_t>(i)] = Heat(static_cast<float>(i) / 255.0f);
  GridTexture texture;
  std::vector<uint32_t> fills(values.size());

  const auto measure = [&](const std::function<void(ImDrawList*)>& draw) {
    Frame(draw);  // warm-up: first uploads
    Times t;
    for (int f = 0; f < kFrames; ++f) {
      const double cpu0 = ProcessSeconds();
      const auto wall0 = std::chrono::steady_clock::now();
      window_->PollEvents();
      window_->BeginFrame();
      const double build0 = ThreadSeconds();
      draw(ImGui::GetBackgroundDrawList());
      t.build_ms += (ThreadSeconds() - build0) * 1e3;
      window_->Render();
      glFinish();
      t.wall_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall0).count();
      t.frame_cpu_ms += (ProcessSeconds() - cpu0) * 1e3;
    }
    t.build_ms /= kFrames;
    t.frame_cpu_ms /= kFrames;
    t.wall_ms /= kFrames;
    return t;
  };

  std::printf("256x256 grid, %d frames at 1280x800 on %s (ms per frame):\n", kFrames,
              reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
  for (const float cell : {3.0f, 16.0f}) {
    HeatmapGrid g;
    g.rows = g.cols = kN;
    g.values = values.data();
    g.palette = palette.data();
    g.lo = 0;
    g.hi = 100;
    g.origin = cell < 8 ? ImVec2(20, 20) : ImVec2(-1000, -1000);
    g.cell = cell;
    g.has_window = true;
    g.win_y = g.win_x = 70;
    g.taps_h = g.taps_w = 3;
    const Times shader = measure([&](ImDrawList* draw) { ASSERT_TRUE(DrawHeatmap(draw, 42, g)); });
    uint64_t revision = 100;
    const Times shader_changing = measure([&](ImDrawList* draw) {
      g.data_revision = ++revision;
      ASSERT_TRUE(DrawHeatmap(draw, 42, g));
    });
    // Today's path, as the panels and grid_view.cpp do it: a colour per cell
    // every frame, GridTexture's comparison, one image, the borders as
    // ImGui lines and the window as rectangles.
    const Times cpu = measure([&](ImDrawList* draw) {
      for (size_t i = 0; i < values.size(); ++i) fills[i] = Heat((values[i] - g.lo) / (g.hi - g.lo));
      texture.Update(kN, kN, fills);
      const ImVec2 end(g.origin.x + kN * cell, g.origin.y + kN * cell);
      draw->AddImage(texture.id(), g.origin, end);
      if (cell >= 8.0f) {
        for (int i = 0; i <= kN; ++i) {
          const float p = static_cast<float>(i) * cell;
          draw->AddLine(ImVec2(g.origin.x, g.origin.y + p), ImVec2(end.x, g.origin.y + p), kLine);
          draw->AddLine(ImVec2(g.origin.x + p, g.origin.y), ImVec2(g.origin.x + p, end.y), kLine);
        }
      }
      for (int ty = 0; ty < 3; ++ty) {
        for (int tx = 0; tx < 3; ++tx) {
          const ImVec2 a(g.origin.x + (70.0f + static_cast<float>(tx)) * cell,
                         g.origin.y + (70.0f + static_cast<float>(ty)) * cell);
          draw->AddRect(a, ImVec2(a.x + cell, a.y + cell), kWindow, 0.0f, 0, 2.0f);
        }
      }
    });
    std::printf(" %g px cells%s:\n", cell, cell >= 8 ? " (borders on, zoomed: 1280x800 of it visible)" : "");
    Print("shader, data unchanged", shader);
    Print("shader, new data every frame", shader_changing);
    Print("CPU colours + GridTexture + lines (today)", cpu);
    // Building the frame must be cheaper than computing 65,536 colours.
    EXPECT_LT(shader.build_ms, cpu.build_ms);
  }
  Print("empty frame", measure([](ImDrawList*) {}));
}

}  // namespace
}  // namespace convstep::gfx
