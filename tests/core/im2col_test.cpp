// Convolution as a matrix product: the lecture's patch-matrix slide, and the
// product equal to PyTorch's output on every reference case.
#include <gtest/gtest.h>

#include "core/conv/im2col.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::GoldenConv2dSpec;
using testing::LoadGolden;

TEST(LectureExample, Im2colPatchMatrixOfTheSecondChannelIsTheSlides) {
  const Json seeds = LoadGolden("seed_examples.json");
  Result<ConvStepper> stepper = ConvStepper::Create(GoldenConv2dSpec(seeds["example1_valid_stride2"]["spec"]));
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  const Im2Col m = BuildIm2Col(*stepper);
  ASSERT_EQ(m.rows, 18);  // 2 channels x 3 x 3
  ASSERT_EQ(m.cols, 4);   // 2 x 2 windows
  const Json& slide = seeds["im2col_channel_b_valid_stride2"];
  ASSERT_EQ(slide.size(), 9u);
  for (int r = 0; r < 9; ++r) {
    for (int c = 0; c < 4; ++c) EXPECT_EQ(m.Patch(9 + r, c), slide[r][c].get<double>()) << r << "," << c;
  }
  // The slide's product row: 23 15 21 12.
  const Json& out = seeds["example1_valid_stride2"]["expect"]["output"][0];
  for (int c = 0; c < 4; ++c) EXPECT_EQ(m.Product(0, c), out[c / 2][c % 2].get<double>());
}

TEST(Im2Col, ProductEqualsTheOutputOnEveryReferenceCase) {
  const Json cases = LoadGolden("conv2d_cases.json");
  for (size_t i = 0; i < cases.size(); ++i) {
    Result<ConvStepper> stepper = ConvStepper::Create(GoldenConv2dSpec(cases[i]["spec"]));
    ASSERT_TRUE(stepper.ok()) << stepper.error();
    const Im2Col m = BuildIm2Col(*stepper);
    const Json& out = cases[i]["expect"]["output"];
    const int w = stepper->geometry().out_w;
    for (int f = 0; f < m.filters; ++f) {
      for (int c = 0; c < m.cols; ++c) {
        EXPECT_NEAR(m.Product(f, c), out[f][c / w][c % w].get<double>(), 1e-9) << "case " << i;
      }
    }
  }
}

// PyTorch's view of each reference case: weight.view(C_out, -1) is C_out ×
// (C_in/groups·kH·kW), X_col is (C_in·kH·kW) × (H_out·W_out); the shapes are
// known without building the matrices, as the window shows them when too large.
TEST(Im2Col, ShapesArePyTorchsWithoutBuildingTheMatrices) {
  const Json cases = LoadGolden("conv2d_cases.json");
  for (size_t i = 0; i < cases.size(); ++i) {
    const Json& spec = cases[i]["spec"];
    const Json& out = cases[i]["expect"]["output_shape"];
    const int c_in = static_cast<int>(spec["input"].size());
    const int c_out = static_cast<int>(spec["weight"].size());
    const int per_group = static_cast<int>(spec["weight"][0].size());
    const int taps = static_cast<int>(spec["weight"][0][0].size() * spec["weight"][0][0][0].size());
    Result<ConvStepper> stepper = ConvStepper::Create(GoldenConv2dSpec(spec));
    ASSERT_TRUE(stepper.ok()) << stepper.error();
    const Im2ColShape shape = ShapeOfIm2Col(stepper->geometry());
    EXPECT_EQ(shape.filters, c_out) << "case " << i;
    EXPECT_EQ(shape.taps_per_filter, per_group * taps) << "case " << i;
    EXPECT_EQ(shape.rows, c_in * taps) << "case " << i;
    EXPECT_EQ(shape.cols, out[1].get<int>() * out[2].get<int>()) << "case " << i;
    const Im2Col m = BuildIm2Col(*stepper);
    EXPECT_EQ(m.rows, shape.rows) << "case " << i;
    EXPECT_EQ(m.cols, shape.cols) << "case " << i;
  }
}

TEST(Im2Col, PatchSourcesAreTheWindowsTaps) {
  const Json seeds = LoadGolden("seed_examples.json");
  Result<ConvStepper> stepper = ConvStepper::Create(GoldenConv2dSpec(seeds["example1_padded_stride2"]["spec"]));
  ASSERT_TRUE(stepper.ok());
  // Column 4 is window (1, 1), top-left at padded (2, 2); row 9 + 5 is
  // channel 1, kernel offset (1, 2).
  const PatchSource s = SourceOfPatch(stepper->geometry(), 14, 4);
  EXPECT_EQ(s.c, 1);
  EXPECT_EQ(s.y, 3);
  EXPECT_EQ(s.x, 4);
}

}  // namespace
}  // namespace convstep
