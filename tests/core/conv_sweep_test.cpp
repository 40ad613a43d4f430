// Exhaustive sweeps over small sizes, strides, paddings and dilations: the
// stepper against the independent naive reference, step by step.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/conv/stepper.h"
#include "tests/support/naive_conv.h"

namespace convstep {
namespace {

using testing::NaiveConv;
using testing::NaiveConv2d;
using testing::RandomValues;

// Channel counts, filters, groups, kernel width, bias and padding mode vary
// with a seeded RNG around the exhaustive grid of the rest.
Conv2dSpec RandomSpec(std::mt19937& rng, int h, int w, int k, int s, int d, int p) {
  std::uniform_int_distribution<int> pick(0, 99);
  Conv2dSpec spec;
  spec.groups = pick(rng) < 25 ? 2 : 1;
  const int in_c = spec.groups * (1 + pick(rng) % 2);
  const int filters = spec.groups * (1 + pick(rng) % 2);
  const int kw = std::max(1, k - pick(rng) % 2);
  spec.input = Tensor3(in_c, h, w);
  spec.input.data = RandomValues(rng, spec.input.data.size(), -5, 5);
  spec.weight = Tensor4(filters, in_c / spec.groups, k, kw);
  spec.weight.data = RandomValues(rng, spec.weight.data.size(), -3, 3);
  if (pick(rng) < 50) spec.bias = RandomValues(rng, filters, -4, 4);
  spec.stride = {s, 1 + pick(rng) % 3};
  spec.dilation = {d, 1 + pick(rng) % 2};
  spec.padding = {PaddingSpec::Kind::kExplicit, p, pick(rng) % 3, pick(rng) % 3, p};
  const PaddingMode modes[] = {PaddingMode::kZeros, PaddingMode::kReflect, PaddingMode::kReplicate,
                               PaddingMode::kCircular};
  spec.padding_mode = modes[pick(rng) % 4];
  return spec;
}

void CheckEveryStep(const ConvStepper& stepper, const NaiveConv& want, const std::string& where) {
  const Conv2dGeometry& g = stepper.geometry();
  ASSERT_EQ(g.out_h, want.out_h) << where;
  ASSERT_EQ(g.out_w, want.out_w) << where;
  ASSERT_EQ(stepper.Visits(), want.visits) << where;
  for (int k = 0; k < stepper.TotalSteps(); ++k) {
    const ConvStep s = stepper.Step(k);
    ASSERT_EQ(stepper.StepOf(s.out_channel, s.out_y, s.out_x), k) << where;
    EXPECT_NEAR(s.value, want.output[static_cast<size_t>(k)], 1e-9) << where << " step " << k;
    EXPECT_NEAR(stepper.Output().data[static_cast<size_t>(k)], want.output[static_cast<size_t>(k)], 1e-9)
        << where << " step " << k;
    double sum = s.bias;
    for (const StepTerm& t : s.terms) sum += t.product;
    EXPECT_NEAR(sum, s.value, 1e-9) << where;
    ASSERT_EQ(s.terms.size(), static_cast<size_t>(g.in_per_group * g.kernel_h * g.kernel_w)) << where;
    // Hover linking: every tap of this window must point back to this cell.
    for (const StepTerm& t : s.terms) {
      const std::vector<OutputCell> cells = stepper.CoveringOutputs(t.c, t.y, t.x);
      EXPECT_NE(std::find(cells.begin(), cells.end(), OutputCell{s.out_channel, s.out_y, s.out_x}),
                cells.end())
          << where << " step " << k;
      EXPECT_EQ(cells.size(), static_cast<size_t>(stepper.VisitsAt(t.y, t.x) * g.out_per_group)) << where;
    }
  }
}

TEST(ConvSweep, StepperMatchesTheNaiveReferenceOnEverySmallGeometry) {
  std::mt19937 rng(20261125);
  int checked = 0;
  int rejected = 0;
  for (int h = 1; h <= 5; ++h) {
    for (int w = 1; w <= 5; ++w) {
      for (int k = 1; k <= 3; ++k) {
        for (int s = 1; s <= 3; ++s) {
          for (int d = 1; d <= 2; ++d) {
            for (int p = 0; p <= 2; ++p) {
              const Conv2dSpec spec = RandomSpec(rng, h, w, k, s, d, p);
              Result<ConvStepper> stepper = ConvStepper::Create(spec);
              const Padding4 pad{spec.padding.top, spec.padding.bottom, spec.padding.left,
                                 spec.padding.right};
              const NaiveConv want = NaiveConv2d(spec, pad);
              const std::string where = "h=" + std::to_string(h) + " w=" + std::to_string(w) +
                                        " k=" + std::to_string(k) + " s=" + std::to_string(s) +
                                        " d=" + std::to_string(d) + " p=" + std::to_string(p) +
                                        " mode=" + PaddingModeName(spec.padding_mode);
              if (!want.valid) {
                EXPECT_FALSE(stepper.ok()) << where;
                ++rejected;
                continue;
              }
              ASSERT_TRUE(stepper.ok()) << where << ": " << stepper.error();
              CheckEveryStep(*stepper, want, where);
              ++checked;
            }
          }
        }
      }
    }
  }
  // The grid must exercise both sides, or the sweep proves little.
  EXPECT_GT(checked, 800);
  EXPECT_GT(rejected, 100);
}

}  // namespace
}  // namespace convstep
