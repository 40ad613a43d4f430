#include "app/state/paint_canvas.h"

#include <cmath>

#include <gtest/gtest.h>

namespace convstep {
namespace {

double Sum(const Tensor3& t) {
  double s = 0;
  for (double v : t.data) s += v;
  return s;
}

TEST(PaintCanvas, ADotInksThePixelsWithinItsRadiusAndFadesOnePixelFurther) {
  Tensor3 canvas = BlankCanvas();
  ASSERT_EQ(canvas.c, 1);
  ASSERT_EQ(canvas.h, 28);
  ASSERT_EQ(canvas.w, 28);
  // A dot at the corner shared by pixels (9,9), (9,10), (10,9), (10,10).
  EXPECT_TRUE(PaintStroke({10, 10, 10, 10, 1.0f, false}, &canvas));
  // Those four centres lie 0.707 away: full ink.
  EXPECT_DOUBLE_EQ(canvas.at(0, 9, 9), 1.0);
  EXPECT_DOUBLE_EQ(canvas.at(0, 10, 10), 1.0);
  // (8, 9)'s centre (8.5, 9.5) is sqrt(1.5² + 0.5²) = 1.581 away: 2 - 1.581.
  EXPECT_NEAR(canvas.at(0, 8, 9), 2.0 - std::sqrt(2.5), 1e-6);
  // (7, 10)'s centre is 2.55 away: beyond radius + 1, no ink.
  EXPECT_EQ(canvas.at(0, 7, 10), 0.0);
}

TEST(PaintCanvas, ALineInksEveryPixelAlongItAndPaintingItAgainChangesNothing) {
  Tensor3 canvas = BlankCanvas();
  ASSERT_TRUE(PaintStroke({14.5f, 2.5f, 14.5f, 25.5f, 0.5f, false}, &canvas));
  for (int x = 2; x <= 25; ++x) EXPECT_DOUBLE_EQ(canvas.at(0, 14, x), 1.0) << x;
  EXPECT_DOUBLE_EQ(canvas.at(0, 13, 10), 0.5);  // one pixel off the line: radius 0.5 + 1 - 1
  EXPECT_EQ(canvas.at(0, 12, 10), 0.0);
  const Tensor3 once = canvas;
  EXPECT_FALSE(PaintStroke({14.5f, 2.5f, 14.5f, 25.5f, 0.5f, false}, &canvas));
  EXPECT_EQ(canvas.data, once.data);
}

TEST(PaintCanvas, TheEraserTakesInkAwayAndStrokesOffTheCanvasAreClipped) {
  Tensor3 canvas = BlankCanvas();
  PaintStroke({-5, -5, 40, 40, 2.0f, false}, &canvas);  // corner to corner and beyond
  EXPECT_DOUBLE_EQ(canvas.at(0, 0, 0), 1.0);
  EXPECT_DOUBLE_EQ(canvas.at(0, 27, 27), 1.0);
  const double inked = Sum(canvas);
  PaintStroke({14, 14, 14, 14, 3.0f, true}, &canvas);
  EXPECT_EQ(canvas.at(0, 14, 14), 0.0);
  EXPECT_EQ(canvas.at(0, 13, 13), 0.0);
  EXPECT_LT(Sum(canvas), inked);
  EXPECT_DOUBLE_EQ(canvas.at(0, 2, 2), 1.0);  // far from the eraser
}

TEST(PaintCanvas, APhotoOnALightBackgroundIsInvertedAndStretchedToFashionMnistsRange) {
  // A dark shirt (0.2) on a white page (0.9), one pixel of the page greyer.
  Tensor3 grey(1, kCanvasSide, kCanvasSide, 0.9);
  for (int y = 6; y < 22; ++y) {
    for (int x = 8; x < 20; ++x) grey.at(0, y, x) = 0.2;
  }
  grey.at(0, 0, 0) = 0.8;
  const CanvasPhoto photo = PhotoForCanvas(grey);
  EXPECT_TRUE(photo.inverted);
  // Inverted, the page is 0.1 (0.2 at the grey pixel) and the shirt 0.8:
  // stretched over [0.1, 0.8], the page is 0 and the shirt 1.
  EXPECT_DOUBLE_EQ(photo.canvas.at(0, 10, 10), 1.0);
  EXPECT_DOUBLE_EQ(photo.canvas.at(0, 3, 3), 0.0);
  EXPECT_NEAR(photo.canvas.at(0, 0, 0), 0.1 / 0.7, 1e-12);
}

TEST(PaintCanvas, APhotoOnADarkBackgroundKeepsItsTonesAndAFlatOneStaysFlat) {
  Tensor3 grey(1, kCanvasSide, kCanvasSide, 0.25);
  grey.at(0, 14, 14) = 0.75;
  const CanvasPhoto photo = PhotoForCanvas(grey);
  EXPECT_FALSE(photo.inverted);
  EXPECT_DOUBLE_EQ(photo.canvas.at(0, 14, 14), 1.0);
  EXPECT_DOUBLE_EQ(photo.canvas.at(0, 0, 0), 0.0);
  const CanvasPhoto flat = PhotoForCanvas(Tensor3(1, kCanvasSide, kCanvasSide, 1.0));
  EXPECT_TRUE(flat.inverted);
  for (double v : flat.canvas.data) ASSERT_EQ(v, 0.0);
}

}  // namespace
}  // namespace convstep
