#include "app/state/grid_zoom.h"

#include <gtest/gtest.h>

#include "app/state/appearance.h"

namespace convstep {
namespace {

TEST(GridZoom, ZoomingKeepsThePointUnderTheMouseWhereItWas) {
  // A 100×100 grid, zoom 1, centre (50, 50). Zooming 4× about (20, 30):
  // the point was 30 cells above and 20 left of the centre at zoom 1, so
  // 7.5 and 5 cells at zoom 4, and the centre moves to (27.5, 35).
  GridZoom z{1.0f, 50.0f, 50.0f, ""};
  ZoomAbout(&z, 4.0f, 20.0f, 30.0f, 100, 100, 10.0f);
  EXPECT_FLOAT_EQ(z.zoom, 4.0f);
  EXPECT_FLOAT_EQ(z.cy, 27.5f);
  EXPECT_FLOAT_EQ(z.cx, 35.0f);
  // Screen offset of the point from the centre, in zoom-1 cells, is kept.
  EXPECT_FLOAT_EQ((20.0f - z.cy) * z.zoom, 20.0f - 50.0f);
}

TEST(GridZoom, TheViewNeverLeavesTheGridNorZoomsPastItsLimits) {
  GridZoom z{1.0f, 0.0f, 0.0f, ""};
  ZoomAbout(&z, 100.0f, 0.0f, 0.0f, 64, 32, 8.0f);
  EXPECT_FLOAT_EQ(z.zoom, 8.0f);
  // 64/8 = 8 rows in view: the centre at least 4 from the top edge.
  EXPECT_FLOAT_EQ(z.cy, 4.0f);
  EXPECT_FLOAT_EQ(z.cx, 2.0f);
  PanBy(&z, 1000.0f, -1000.0f, 64, 32, 8.0f);
  EXPECT_FLOAT_EQ(z.cy, 60.0f);
  EXPECT_FLOAT_EQ(z.cx, 2.0f);
  ZoomAbout(&z, 0.001f, 10.0f, 10.0f, 64, 32, 8.0f);
  EXPECT_FLOAT_EQ(z.zoom, 1.0f);
  EXPECT_FLOAT_EQ(z.cy, 32.0f);  // the whole grid: centred
  EXPECT_FLOAT_EQ(z.cx, 16.0f);
}

TEST(GridZoom, FollowRecentresOnlyNearTheEdgeUnlessAlways) {
  GridZoom z{4.0f, 50.0f, 50.0f, ""};
  // 25 cells in view each way; the inner part is ±7.5 around the centre.
  Follow(&z, 55.0f, 45.0f, 100, 100, 10.0f, false);
  EXPECT_FLOAT_EQ(z.cy, 50.0f);
  Follow(&z, 60.0f, 50.0f, 100, 100, 10.0f, false);
  EXPECT_FLOAT_EQ(z.cy, 60.0f);
  Follow(&z, 61.0f, 50.0f, 100, 100, 10.0f, true);
  EXPECT_FLOAT_EQ(z.cy, 61.0f);
}

TEST(GridZoom, AViewPannedAwayStaysUntilTheFollowedPointMoves) {
  GridZoom z{4.0f, 50.0f, 50.0f, ""};
  Follow(&z, 50.0f, 50.0f, 100, 100, 10.0f, false);
  PanBy(&z, 30.0f, 0.0f, 100, 100, 10.0f);  // the student looks elsewhere
  Follow(&z, 50.0f, 50.0f, 100, 100, 10.0f, false);
  EXPECT_FLOAT_EQ(z.cy, 80.0f);
  Follow(&z, 51.0f, 50.0f, 100, 100, 10.0f, false);  // the next step
  EXPECT_FLOAT_EQ(z.cy, 51.0f);
}

TEST(GridZoom, AGroupSharesItsZoom) {
  std::map<std::string, GridZoom> zooms;
  zooms["input/0"] = {3.0f, 10, 10, "conv"};
  zooms["output/0"] = {1.0f, 5, 5, "conv"};
  zooms["pool/in"] = {1.0f, 5, 5, ""};
  ShareZoom(&zooms, "input/0");
  EXPECT_FLOAT_EQ(zooms["output/0"].zoom, 3.0f);
  EXPECT_FLOAT_EQ(zooms["pool/in"].zoom, 1.0f);
}

TEST(GridZoom, TheGridMovedLastLeadsItsGroup) {
  std::map<std::string, GridZoom> zooms;
  zooms["input/0"] = {2.0f, 10, 10, "conv"};
  zooms["output/0"] = {1.0f, 5, 5, "conv"};
  EXPECT_EQ(LeadingGrid(zooms, "conv"), "");
  MarkTouched(&zooms, "output/0");
  ShareZoom(&zooms, "input/0");  // zoomed after: it leads
  EXPECT_EQ(LeadingGrid(zooms, "conv"), "input/0");
  MarkTouched(&zooms, "output/0");
  EXPECT_EQ(LeadingGrid(zooms, "conv"), "output/0");
}

TEST(GridZoom, InputAndOutputPointsMeetThroughTheWindow) {
  // Ejemplo 1's geometry along both axes: n = 6, f = 3, P = 1, S = 2. The
  // window of output row 1 covers padded rows 2 to 4, centred at 3.5 (cell
  // units, row 2's top edge at 2); output row 1's centre is 1.5.
  Conv2dSpec spec;
  spec.input = Tensor3(1, 6, 6);
  spec.weight = Tensor4(1, 1, 3, 3);
  spec.padding = {PaddingSpec::Kind::kExplicit, 1, 1, 1, 1};
  spec.stride = {2, 2};
  Result<Conv2dGeometry> g = ResolveConv2d(spec);
  ASSERT_TRUE(g.ok()) << g.error();
  const auto [oy, ox] = OutputPointOf(*g, 3.5f, 3.5f);
  EXPECT_FLOAT_EQ(oy, 1.5f);
  EXPECT_FLOAT_EQ(ox, 1.5f);
  const auto [py, px] = InputPointOf(*g, 0.5f, 2.5f);
  EXPECT_FLOAT_EQ(py, 1.5f);  // output row 0: padded rows 0 to 2
  EXPECT_FLOAT_EQ(px, 5.5f);  // output column 2: padded columns 4 to 6
}

TEST(Colors, PicturesAreGreyOrRgbAndLectureGridsSlate) {
  EXPECT_EQ(ResolveInputColors(InputColors::kAuto, 3, 5, 5, false), InputLook::kSlate);      // ejemplo_convolucion
  EXPECT_EQ(ResolveInputColors(InputColors::kAuto, 1, 256, 256, false), InputLook::kGrey);   // a photograph
  EXPECT_EQ(ResolveInputColors(InputColors::kAuto, 3, 64, 64, false), InputLook::kRgb);      // a colour picture
  EXPECT_EQ(ResolveInputColors(InputColors::kSlate, 3, 64, 64, false), InputLook::kSlate);   // chosen in View
  EXPECT_EQ(ResolveInputColors(InputColors::kGrey, 3, 5, 5, false), InputLook::kGrey);
  EXPECT_EQ(ResolveInputColors(InputColors::kAuto, 1, 32, 63, true), InputLook::kHeat);   // a spectrogram
  EXPECT_EQ(ResolveInputColors(InputColors::kGrey, 1, 32, 63, true), InputLook::kGrey);
}

TEST(Colors, SignedOutputsDivergeUnlessChosenOtherwise) {
  EXPECT_TRUE(UseDiverging(OutputColors::kAuto, -4, 4));    // Sobel
  EXPECT_FALSE(UseDiverging(OutputColors::kAuto, 0, 20));   // ejemplo1
  EXPECT_FALSE(UseDiverging(OutputColors::kSequential, -4, 4));
  EXPECT_TRUE(UseDiverging(OutputColors::kDiverging, 0, 20));
  InputColors in = InputColors::kAuto;
  EXPECT_TRUE(InputColorsFromName("grey", &in));
  EXPECT_EQ(in, InputColors::kGrey);
  OutputColors out = OutputColors::kAuto;
  EXPECT_FALSE(OutputColorsFromName("rainbow", &out));
  EXPECT_EQ(out, OutputColors::kAuto);
}

}  // namespace
}  // namespace convstep
