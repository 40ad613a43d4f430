// The lecture's worked convolutions ("Ejemplo 1"), reproduced exactly.
#include <gtest/gtest.h>

#include "core/conv/conv2d.h"
#include "core/conv/stepper.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::ExpectTensorNear;
using testing::GoldenConv2dSpec;
using testing::LoadGolden;

// Plain TESTs (no fixture): other files add their lecture examples to the
// same suite, and GoogleTest forbids mixing fixtures within one suite.
const Json& Seeds() {
  static const Json seeds = LoadGolden("seed_examples.json");
  return seeds;
}

TEST(LectureExample, Ejemplo1PaddedStride2GivesThe3x3Output) {
  const Json& example = Seeds()["example1_padded_stride2"];
  Result<ConvStepper> stepper = ConvStepper::Create(GoldenConv2dSpec(example["spec"]));
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  ExpectTensorNear(example["expect"]["output"], stepper->Output());
  EXPECT_EQ(stepper->TotalSteps(), 9);
  EXPECT_EQ(stepper->geometry().padding, (Padding4{1, 1, 1, 1}));
}

TEST(LectureExample, Ejemplo1VisitCountsAre0124AndTheLastRowAndColumnAreDropped) {
  const Json& example = Seeds()["example1_padded_stride2"];
  Result<ConvStepper> stepper = ConvStepper::Create(GoldenConv2dSpec(example["spec"]));
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  const Json& visits = example["expect"]["visits"];
  ASSERT_EQ(stepper->geometry().padded_h, 8);
  ASSERT_EQ(stepper->geometry().padded_w, 8);
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) EXPECT_EQ(stepper->VisitsAt(y, x), visits[y][x].get<int>()) << y << "," << x;
  }
  // The slide's "this column and this row are dropped".
  EXPECT_EQ(stepper->geometry().axis_h.unvisited_tail, 1);
  EXPECT_EQ(stepper->geometry().axis_w.unvisited_tail, 1);
  EXPECT_FALSE(stepper->geometry().axis_h.exact);
  EXPECT_DOUBLE_EQ(stepper->geometry().axis_h.quotient, 3.5);
}

TEST(LectureExample, Ejemplo1FirstStepIsTheSlidesArithmetic) {
  Result<ConvStepper> stepper =
      ConvStepper::Create(GoldenConv2dSpec(Seeds()["example1_padded_stride2"]["spec"]));
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  const ConvStep s = stepper->Step(0);
  ASSERT_EQ(s.channel_sums.size(), 2u);
  // Channel sums of the first window, summed by hand from the slide's grids:
  // x[:,:,0] meets w0[:,:,0] in 2·1 (2 at the centre) + 1·1 = 3, and
  // x[:,:,1] meets w0[:,:,1] in 1·1 + 2·1 + 2·1 = 5.
  EXPECT_DOUBLE_EQ(s.channel_sums[0], 3);
  EXPECT_DOUBLE_EQ(s.channel_sums[1], 5);
  EXPECT_DOUBLE_EQ(s.value, 8);
  // The corner of the window lies in the padding ring.
  EXPECT_TRUE(s.terms[0].in_padding);
  EXPECT_FALSE(s.terms[4].in_padding);
}

TEST(LectureExample, Ejemplo1ValidStride2GivesThe2x2Output) {
  const Json& example = Seeds()["example1_valid_stride2"];
  Result<ConvStepper> stepper = ConvStepper::Create(GoldenConv2dSpec(example["spec"]));
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  ExpectTensorNear(example["expect"]["output"], stepper->Output());
  const Json& visits = example["expect"]["visits"];
  for (int y = 0; y < 6; ++y) {
    for (int x = 0; x < 6; ++x) EXPECT_EQ(stepper->VisitsAt(y, x), visits[y][x].get<int>());
  }
}

TEST(LectureExample, OutputDimsOfTheSlides) {
  for (const Json& c : Seeds()["output_dims"]) {
    const int p = c["p"].get<int>();
    const AxisSize a = ComputeAxisSize(c["n"].get<int>(), c["f"].get<int>(), p, p, c["s"].get<int>(), 1);
    EXPECT_EQ(a.output, c["output"].get<int>()) << c.dump();
  }
}

}  // namespace
}  // namespace convstep
