// A spectrogram's ticks on the padded input and on the output, and the
// "what this window hears" line, on a 4-band, 6-frame grid.
#include <gtest/gtest.h>

#include "app/state/axis_ticks.h"

namespace convstep {
namespace {

InputAxes FourBands() {
  InputAxes axes;
  axes.rows = InputAxes::Rows::kHertz;
  axes.row_hz = {3000, 2000, 1000, 500};
  axes.frame_seconds = 0.25;
  axes.start_seconds = 1.0;
  axes.window_seconds = 0.5;
  return axes;
}

// 1×4×6 input, a 3×3 kernel, padding 1, stride 2 across.
Conv2dGeometry Geometry() {
  Conv2dSpec spec;
  spec.input = Tensor3(1, 4, 6);
  spec.weight = Tensor4(1, 1, 3, 3, 1.0);
  spec.padding = {PaddingSpec::Kind::kExplicit, 1, 1, 1, 1};
  spec.stride = {1, 2};
  Result<Conv2dGeometry> g = ResolveConv2d(spec);
  EXPECT_TRUE(g.ok()) << g.error();
  return *g;
}

TEST(AxisTicks, ThePaddingHasNoTimeOrFrequency) {
  const Conv2dGeometry g = Geometry();
  const TickText rows = InputRowTicks(FourBands(), g);
  const TickText cols = InputColTicks(FourBands(), g);
  EXPECT_EQ(rows(0), "");
  EXPECT_EQ(rows(1), "3.0k");
  EXPECT_EQ(rows(4), "500");
  EXPECT_EQ(rows(5), "");
  EXPECT_EQ(cols(0), "");
  EXPECT_EQ(cols(1), "1.00");
  EXPECT_EQ(cols(6), "2.25");
  EXPECT_EQ(cols(7), "");
}

TEST(AxisTicks, AnOutputCellIsLabelledByItsWindowsCentre) {
  const Conv2dGeometry g = Geometry();
  ASSERT_EQ(g.out_w, 3);  // (6 + 2 - 3) / 2 + 1
  const TickText cols = OutputColTicks(FourBands(), g);
  // Output column x's window starts at padded column 2x: its centre is data
  // column 2x.
  EXPECT_EQ(cols(0), "1.00");
  EXPECT_EQ(cols(1), "1.50");
  EXPECT_EQ(cols(2), "2.00");
  const TickText rows = OutputRowTicks(FourBands(), g);
  EXPECT_EQ(rows(0), "3.0k");
  EXPECT_EQ(rows(3), "500");
  InputAxes mfcc;
  mfcc.rows = InputAxes::Rows::kCoefficient;
  EXPECT_EQ(OutputRowTicks(mfcc, g)(2), "1");  // 4 rows: coefficient 0 at the bottom
  EXPECT_EQ(OutputRowTicks(mfcc, g)(3), "0");
}

TEST(AxisTicks, TheWindowHearsItsPartOnTheData) {
  const Conv2dGeometry g = Geometry();
  ConvStep step;
  step.window_top = 0;  // padded rows 0..2: data rows 0..1
  step.window_left = 2;  // padded columns 2..4: data columns 1..3
  // Columns 1..3 are centred at 1.25 s .. 1.75 s and each hears 0.25 s
  // either side.
  EXPECT_EQ(WindowHears(FourBands(), g, step), "1.00\u20132.00 s \u00b7 2.0k\u20133.0k Hz");
}

}  // namespace
}  // namespace convstep
