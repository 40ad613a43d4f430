// The arithmetic of a pooling step as the window and the CLI write it.
#include <gtest/gtest.h>

#include "core/conv/pool2d.h"
#include "core/teach/step_text.h"

namespace convstep {
namespace {

Pool2dStepper Stepper(PoolMode mode, int padding) {
  Pool2dSpec spec;
  spec.input = Tensor3(1, 2, 2);
  spec.input.data = {1, -3, 2.5, 6};
  spec.mode = mode;
  spec.kernel = {2, 2};
  spec.stride = Pair{2, 2};
  spec.padding = {padding, padding};
  Result<Pool2dStepper> s = Pool2dStepper::Create(spec);
  EXPECT_TRUE(s) << s.error();
  return std::move(s).value();
}

TEST(PoolArithmetic, MaxListsTheValuesAndSkipsThePadding) {
  const Pool2dStepper plain = Stepper(PoolMode::kMax, 0);
  EXPECT_EQ(PoolArithmetic(plain.Step(0), PoolMode::kMax), "max(1, -3, 2.5, 6) = 6");
  // Padding 1: the first window holds three padding cells and the 1.
  const Pool2dStepper padded = Stepper(PoolMode::kMax, 1);
  EXPECT_EQ(PoolArithmetic(padded.Step(0), PoolMode::kMax), "max(1) = 1");
  EXPECT_EQ(padded.StepOf(0, 1, 1), 3);
  EXPECT_EQ(PoolArithmetic(padded.Step(3), PoolMode::kMax), "max(6) = 6");
}

TEST(PoolArithmetic, AverageCountsThePaddingAsZeros) {
  const Pool2dStepper plain = Stepper(PoolMode::kAvg, 0);
  EXPECT_EQ(PoolArithmetic(plain.Step(0), PoolMode::kAvg), "(1 + (-3) + 2.5 + 6) / 4 = 1.625");
  const Pool2dStepper padded = Stepper(PoolMode::kAvg, 1);
  EXPECT_EQ(PoolArithmetic(padded.Step(1), PoolMode::kAvg), "(0 + 0 + (-3) + 0) / 4 = -0.75");
}

TEST(PoolGeometry, KeepsTheAxisArithmetic) {
  const Pool2dStepper padded = Stepper(PoolMode::kMax, 1);
  const Pool2dGeometry& g = padded.geometry();
  EXPECT_EQ(g.axis_h.padded, 4);
  EXPECT_EQ(g.axis_h.output, 2);
  EXPECT_TRUE(g.axis_w.exact);
}

}  // namespace
}  // namespace convstep
