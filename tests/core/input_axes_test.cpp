// The spectrogram's axes: which grids they fit, the time of a column, the
// band of a row, what a window hears, and the tick labels.
#include <gtest/gtest.h>

#include "core/session/input_axes.h"

namespace convstep {
namespace {

// 4 rows of 1 kHz bands and columns every 10 ms, starting at 0.5 s, each
// hearing 40 ms.
InputAxes FourBands() {
  InputAxes axes;
  axes.rows = InputAxes::Rows::kHertz;
  axes.row_hz = {3000, 2000, 1000, 0};
  axes.frame_seconds = 0.010;
  axes.start_seconds = 0.5;
  axes.window_seconds = 0.040;
  return axes;
}

TEST(InputAxes, FitOneChannelWithOneFrequencyPerRow) {
  EXPECT_TRUE(AxesFit(InputAxes{}, Tensor3(3, 5, 5)));
  EXPECT_TRUE(AxesFit(FourBands(), Tensor3(1, 4, 100)));
  EXPECT_FALSE(AxesFit(FourBands(), Tensor3(1, 5, 100)));
  EXPECT_FALSE(AxesFit(FourBands(), Tensor3(2, 4, 100)));
  InputAxes mfcc;
  mfcc.rows = InputAxes::Rows::kCoefficient;
  EXPECT_TRUE(AxesFit(mfcc, Tensor3(1, 13, 40)));
  EXPECT_FALSE(AxesFit(mfcc, Tensor3(3, 13, 40)));
}

TEST(InputAxes, ColumnsAreTimesAndRowsFrequencies) {
  const InputAxes axes = FourBands();
  EXPECT_DOUBLE_EQ(ColumnSeconds(axes, 0), 0.5);
  EXPECT_DOUBLE_EQ(ColumnSeconds(axes, 25), 0.75);
  EXPECT_DOUBLE_EQ(ColumnSeconds(axes, 1.5), 0.515);
  EXPECT_EQ(RowHertz(axes, 0), 3000.0);
  EXPECT_EQ(RowHertz(axes, 3), 0.0);
  EXPECT_FALSE(RowHertz(axes, 4).has_value());
  EXPECT_FALSE(RowHertz(axes, -1).has_value());
  InputAxes mfcc;
  mfcc.rows = InputAxes::Rows::kCoefficient;
  EXPECT_FALSE(RowHertz(mfcc, 0).has_value());
}

TEST(InputAxes, AWindowHearsHalfAFrameWindowBeyondItsColumns) {
  // Rows 1..2 (2 kHz and 1 kHz), columns 10..12: centres 0.60 s to 0.62 s,
  // each hearing 20 ms either side.
  const AxesSpan span = SpanOf(FourBands(), 1, 2, 10, 12);
  EXPECT_DOUBLE_EQ(span.from_seconds, 0.58);
  EXPECT_DOUBLE_EQ(span.to_seconds, 0.64);
  EXPECT_EQ(span.low_hz, 1000.0);
  EXPECT_EQ(span.high_hz, 2000.0);
  // At the very start the span cannot begin before the sound.
  InputAxes axes = FourBands();
  axes.start_seconds = 0;
  EXPECT_DOUBLE_EQ(SpanOf(axes, 0, 0, 0, 0).from_seconds, 0.0);
}

TEST(InputAxes, TickLabels) {
  EXPECT_EQ(HertzLabel(0), "0");
  EXPECT_EQ(HertzLabel(440.4), "440");
  EXPECT_EQ(HertzLabel(1234), "1.2k");
  EXPECT_EQ(HertzLabel(11025), "11k");
  EXPECT_EQ(SecondsLabel(0.5804), "0.58");
  EXPECT_EQ(SecondsLabel(12.34), "12.3");
}

}  // namespace
}  // namespace convstep
