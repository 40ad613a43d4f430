// Validation of Conv2d specs: the messages a student reads, and Keras's
// "same" padding.
#include <gtest/gtest.h>

#include "core/conv/conv_spec.h"

namespace convstep {
namespace {

Conv2dSpec Spec(int in_c, int h, int w, int filters, int k_c, int k) {
  Conv2dSpec s;
  s.input = Tensor3(in_c, h, w, 1.0);
  s.weight = Tensor4(filters, k_c, k, k, 1.0);
  return s;
}

std::string ErrorOf(const Conv2dSpec& spec) {
  Result<Conv2dGeometry> g = ResolveConv2d(spec);
  return g ? "" : g.error();
}

TEST(ConvSpec, ReadableValidationMessages) {
  EXPECT_EQ(ErrorOf(Spec(2, 4, 4, 1, 3, 3)), "the filter has 3 channels but the image has 2: they must match");
  Conv2dSpec s = Spec(1, 4, 4, 1, 1, 3);
  s.stride = {0, 1};
  EXPECT_EQ(ErrorOf(s), "stride must be at least 1");
  s = Spec(1, 4, 4, 1, 1, 3);
  s.dilation = {1, 0};
  EXPECT_EQ(ErrorOf(s), "dilation must be at least 1");
  EXPECT_EQ(ErrorOf(Spec(1, 4, 4, 1, 1, 5)), "the 5\u00d75 kernel does not fit in the 4\u00d74 padded input");
  s = Spec(1, 4, 4, 1, 1, 3);
  s.dilation = {2, 2};
  EXPECT_EQ(ErrorOf(s),
            "the 3\u00d73 kernel with dilation 2\u00d72 spans 5\u00d75 and does not fit in the 4\u00d74 padded input");
  s = Spec(1, 4, 4, 2, 1, 3);
  s.bias = {1, 2, 3};
  EXPECT_EQ(ErrorOf(s), "there are 2 filters but 3 bias values: give one per filter, or none");
  s = Spec(3, 4, 4, 2, 1, 3);
  s.groups = 2;
  EXPECT_EQ(ErrorOf(s), "the image has 3 channels, which cannot be split into 2 equal groups");
  s = Spec(4, 4, 4, 3, 2, 3);
  s.groups = 2;
  EXPECT_EQ(ErrorOf(s), "there are 3 filters, which cannot be split into 2 equal groups");
  s = Spec(4, 4, 4, 2, 4, 3);
  s.groups = 2;
  EXPECT_EQ(ErrorOf(s), "each filter has 4 channels, but with 2 groups it must have C_in/groups = 2");
  s = Spec(1, 4, 4, 1, 1, 3);
  s.padding = {PaddingSpec::Kind::kExplicit, -1, 0, 0, 0};
  EXPECT_EQ(ErrorOf(s), "padding must not be negative");
  s = Spec(1, 3, 3, 1, 1, 3);
  s.padding = {PaddingSpec::Kind::kExplicit, 3, 3, 0, 0};
  s.padding_mode = PaddingMode::kReflect;
  EXPECT_EQ(ErrorOf(s), "reflect padding of 3 needs more than 3 input rows, but the input has 3");
  s.padding = {PaddingSpec::Kind::kExplicit, 0, 0, 4, 0};
  s.padding_mode = PaddingMode::kCircular;
  EXPECT_EQ(ErrorOf(s), "circular padding of 4 needs at least 4 input columns, but the input has 3");
  s = Spec(1, 3, 3, 1, 1, 3);
  s.padding = {PaddingSpec::Kind::kExplicit, 20000, 0, 0, 0};
  EXPECT_EQ(ErrorOf(s), "the padded input would be larger than 16384 on a side: use less padding");
  EXPECT_EQ(ErrorOf(Conv2dSpec{}), "the input is empty: it needs at least one channel, one row and one column");
}

TEST(ConvSpec, SamePaddingIsKerasRuleForAnyStride) {
  int before = -1;
  int after = -1;
  // 5 wide, kernel 3, stride 2: out 3, total (3-1)*2 + 3 - 5 = 2 -> 1 + 1.
  SamePadding(5, 3, 2, 1, &before, &after);
  EXPECT_EQ(before, 1);
  EXPECT_EQ(after, 1);
  // 6 wide, kernel 3, stride 2: out 3, total 1: the smaller half before.
  SamePadding(6, 3, 2, 1, &before, &after);
  EXPECT_EQ(before, 0);
  EXPECT_EQ(after, 1);
  // Stride larger than the kernel: no padding at all.
  SamePadding(6, 1, 3, 1, &before, &after);
  EXPECT_EQ(before, 0);
  EXPECT_EQ(after, 0);
}

// Keras Conv1D's 'causal' by hand: d(K - 1) before along the width, none
// after, none above or below; output t reads samples t - d(K - 1) .. t.
TEST(ConvSpec, CausalPaddingPadsOnlyThePast) {
  Conv2dSpec s;
  s.input = Tensor3(1, 1, 10);
  s.weight = Tensor4(1, 1, 1, 3, 1.0);
  s.dilation = {1, 2};
  s.padding.kind = PaddingSpec::Kind::kCausal;
  Result<Conv2dGeometry> g = ResolveConv2d(s);
  ASSERT_TRUE(g.ok()) << g.error();
  EXPECT_EQ(g->padding, (Padding4{0, 0, 4, 0}));  // 2 · (3 - 1)
  EXPECT_EQ(g->out_w, 10);                        // as long as the input
  EXPECT_TRUE(IsSignal(*g));
  s.weight = Tensor4(1, 1, 2, 3, 1.0);  // two rows high: a 2-D kernel, still causal in time
  s.input = Tensor3(1, 4, 10);
  g = ResolveConv2d(s);
  ASSERT_TRUE(g.ok()) << g.error();
  EXPECT_EQ(g->padding, (Padding4{0, 0, 4, 0}));
  EXPECT_FALSE(IsSignal(*g));
}

// Keras's rule by hand for 6 rows, F = 3, S = 2: ceil(6/2) = 3 outputs need
// (3 - 1)*2 + 3 = 7 rows, one more than the input: [0, 1] (the smaller half
// before). The formula then names P_before and P_after apart.
TEST(ConvSpec, SamePaddingExplainsItsAmountsWithTheNumbersPutIn) {
  Conv2dSpec s = Spec(1, 6, 6, 1, 1, 3);
  s.stride = {2, 2};
  s.padding.kind = PaddingSpec::Kind::kSame;
  Result<Conv2dGeometry> g = ResolveConv2d(s);
  ASSERT_TRUE(g) << g.error();
  EXPECT_EQ(g->padding, (Padding4{0, 1, 0, 1}));
  EXPECT_TRUE(g->axis_h.same);
  EXPECT_FALSE(UsesLectureForm(g->axis_h));
  EXPECT_EQ(SamePaddingFormula(g->axis_h),
            "ceil(6/2) = 3; P = max((3 - 1)*2 + 1*(3 - 1) + 1 - 6, 0) = 1; P_before = floor(1/2) = 0, "
            "P_after = 1 - 0 = 1");
  EXPECT_EQ(AxisSizeFormula(g->axis_h), "(6 + 0 + 1 - 1*(3 - 1) - 1)/2 + 1 = 3");
  // At stride 1 the padding is even, [1, 1], but still written apart.
  s.stride = {1, 1};
  g = ResolveConv2d(s);
  ASSERT_TRUE(g) << g.error();
  EXPECT_EQ(g->padding, (Padding4{1, 1, 1, 1}));
  EXPECT_EQ(AxisSizeFormula(g->axis_w), "(6 + 1 + 1 - 1*(3 - 1) - 1)/1 + 1 = 6");
  s.padding = PaddingSpec{PaddingSpec::Kind::kExplicit, 1, 1, 1, 1};
  g = ResolveConv2d(s);
  ASSERT_TRUE(g) << g.error();
  EXPECT_FALSE(g->axis_h.same);
  EXPECT_TRUE(UsesLectureForm(g->axis_h));
}

TEST(ConvSpec, ADilatedKernelsReachWithTheNumbersPutIn) {
  // Taps 2 apart: a 3-tap kernel covers rows 0, 2 and 4, five rows.
  EXPECT_EQ(SpanFormula(ComputeAxisSize(7, 3, 0, 0, 1, 2)), "2*(3 - 1) + 1 = 5");
  EXPECT_EQ(SpanFormula(ComputeAxisSize(7, 2, 0, 0, 1, 3)), "3*(2 - 1) + 1 = 4");
}

}  // namespace
}  // namespace convstep
