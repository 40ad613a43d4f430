// The fast whole-image convolution, Conv2dForward (double) and
// Conv2dForwardF32, against the independent naive reference: every small
// geometry, rows wider than every vector tile (so the tails run), and
// PyTorch's reference vectors.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <optional>
#include <random>
#include <string>

#include "core/conv/conv2d.h"
#include "core/formats/spec_json.h"
#include "tests/support/golden.h"
#include "tests/support/naive_conv.h"

namespace convstep {
namespace {

using testing::ExpectTensorNear;
using testing::GoldenConv2dSpec;
using testing::LoadGolden;
using testing::NaiveConv;
using testing::NaiveConv2d;

// How far a float32 output may be from the exact one. Input, weights and bias
// are rounded to float, each product rounds once and each of the n additions
// once, so every term carries at most n + 3 roundings of u = 2^-24: the
// recursive-summation bound (Higham, "Accuracy and Stability of Numerical
// Algorithms", 3.1) gives |error| <= gamma_(n+3) * (|bias| + sum |x w|), with
// gamma_k = k u / (1 - k u), whatever the order of the sum; a fused
// multiply-add only drops roundings. One more u covers the double reference.
double FloatTolerance(int products, double magnitude) {
  const double ku = (products + 4) * std::ldexp(1.0, -24);
  return ku / (1 - ku) * magnitude;
}

// The spec with every value replaced by its absolute value: convolved, it
// gives |bias| + sum |x w| for every output, since padding only copies values.
Conv2dSpec Absolute(Conv2dSpec spec) {
  for (double& v : spec.input.data) v = std::abs(v);
  for (double& v : spec.weight.data) v = std::abs(v);
  for (double& v : spec.bias) v = std::abs(v);
  return spec;
}

// Both precisions against the naive reference; stops at the first mismatch
// so a broken kernel reports one value, not thousands.
::testing::AssertionResult MatchesNaive(const Conv2dSpec& spec, const Conv2dGeometry& geo) {
  const NaiveConv want = NaiveConv2d(spec, geo.padding);
  const NaiveConv magnitude = NaiveConv2d(Absolute(spec), geo.padding);
  const Tensor3 got = Conv2dForward(spec, geo);
  const Tensor3F got32 = Conv2dForwardF32(spec, geo);
  if (got.c != geo.out_channels || got.h != want.out_h || got.w != want.out_w ||
      got32.c != got.c || got32.h != got.h || got32.w != got.w) {
    return ::testing::AssertionFailure() << "output shape " << got.c << "x" << got.h << "x" << got.w
                                         << " (float " << got32.c << "x" << got32.h << "x" << got32.w
                                         << "), naive " << want.out_h << "x" << want.out_w;
  }
  const int products = geo.in_per_group * geo.kernel_h * geo.kernel_w;
  for (std::size_t i = 0; i < want.output.size(); ++i) {
    const double tolerance = FloatTolerance(products, magnitude.output[i]);
    if (std::abs(got.data[i] - want.output[i]) > 1e-9 ||
        std::abs(got32.data[i] - want.output[i]) > tolerance) {
      return ::testing::AssertionFailure()
             << "output " << i << ": naive " << want.output[i] << ", double " << got.data[i]
             << ", float " << got32.data[i] << " (float tolerance " << tolerance << ")";
    }
  }
  return ::testing::AssertionSuccess();
}

constexpr PaddingMode kModes[] = {PaddingMode::kZeros, PaddingMode::kReflect, PaddingMode::kReplicate,
                                  PaddingMode::kCircular};

// Channels, filters, groups, bias, paddings and padding mode drawn from `rng`
// around the given sizes; values are non-integers so float rounding shows.
Conv2dSpec RandomSpec(std::mt19937& rng, int h, int w, Pair kernel, Pair stride, Pair dilation) {
  std::uniform_int_distribution<int> pick(0, 99);
  std::uniform_real_distribution<double> value(-2.0, 2.0);
  Conv2dSpec spec;
  spec.groups = 1 + pick(rng) % 2;
  const int in_c = spec.groups == 1 ? 1 + pick(rng) % 4 : 2 * (1 + pick(rng) % 2);
  // Up to 6 filters per group: a block of 4 and every remainder.
  const int filters = spec.groups * (1 + pick(rng) % 6);
  spec.input = Tensor3(in_c, h, w);
  for (double& v : spec.input.data) v = value(rng);
  spec.weight = Tensor4(filters, in_c / spec.groups, kernel.h, kernel.w);
  for (double& v : spec.weight.data) v = value(rng);
  if (pick(rng) < 50) {
    spec.bias.resize(static_cast<std::size_t>(filters));
    for (double& v : spec.bias) v = value(rng);
  }
  spec.stride = stride;
  spec.dilation = dilation;
  spec.padding = {PaddingSpec::Kind::kExplicit, pick(rng) % 3, pick(rng) % 3, pick(rng) % 3, pick(rng) % 3};
  spec.padding_mode = kModes[pick(rng) % 4];
  return spec;
}

// The geometry of `spec`, falling back to zero padding where the mode cannot
// pad that much (reflect and circular need enough input); nothing when the
// kernel does not fit.
std::optional<Conv2dGeometry> ResolveOrFallBack(Conv2dSpec& spec) {
  Result<Conv2dGeometry> geo = ResolveConv2d(spec);
  if (!geo && spec.padding_mode != PaddingMode::kZeros) {
    spec.padding_mode = PaddingMode::kZeros;
    geo = ResolveConv2d(spec);
  }
  if (!geo) return std::nullopt;
  return *geo;
}

std::string Describe(const Conv2dSpec& spec) {
  return std::to_string(spec.input.c) + "x" + std::to_string(spec.input.h) + "x" +
         std::to_string(spec.input.w) + ", " + std::to_string(spec.weight.n) + " filters " +
         std::to_string(spec.weight.h) + "x" + std::to_string(spec.weight.w) + ", groups " +
         std::to_string(spec.groups) + ", stride " + std::to_string(spec.stride.h) + "x" +
         std::to_string(spec.stride.w) + ", dilation " + std::to_string(spec.dilation.h) + "x" +
         std::to_string(spec.dilation.w) + ", padding " + std::to_string(spec.padding.top) + "/" +
         std::to_string(spec.padding.bottom) + "/" + std::to_string(spec.padding.left) + "/" +
         std::to_string(spec.padding.right) + " " + PaddingModeName(spec.padding_mode) +
         (spec.bias.empty() ? ", no bias" : ", bias");
}

TEST(Conv2dFast, MatchesNaiveOnEverySmallGeometry) {
  std::mt19937 rng(20240611);
  int per_mode[4] = {};
  for (int h = 1; h <= 7; ++h) {
    for (int w = 1; w <= 7; ++w) {
      for (int kh = 1; kh <= 3; ++kh) {
        for (int kw = 1; kw <= 3; ++kw) {
          for (int sh = 1; sh <= 3; ++sh) {
            for (int sw = 1; sw <= 3; ++sw) {
              for (int d = 0; d < 4; ++d) {
                Conv2dSpec spec = RandomSpec(rng, h, w, {kh, kw}, {sh, sw}, {1 + d / 2, 1 + d % 2});
                const std::optional<Conv2dGeometry> geo = ResolveOrFallBack(spec);
                if (!geo) continue;
                ++per_mode[static_cast<int>(spec.padding_mode)];
                ASSERT_TRUE(MatchesNaive(spec, *geo)) << Describe(spec);
              }
            }
          }
        }
      }
    }
  }
  for (int mode = 0; mode < 4; ++mode) {
    EXPECT_GT(per_mode[mode], 1000) << PaddingModeName(kModes[mode]) << " is hardly covered";
  }
}

// Output rows longer than every tile of 1 or 4 filters, in both precisions
// and both vector widths (up to 64 floats), each followed by every kind of
// tail: whole vectors, then single columns.
TEST(Conv2dFast, MatchesNaiveOnWideRows) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> small(1, 3);
  int checked = 0;
  for (int w : {8, 9, 15, 16, 17, 31, 33, 37, 63, 64, 65, 70, 97, 131, 200}) {
    for (int draw = 0; draw < 12; ++draw) {
      const Pair kernel{small(rng), small(rng)};
      const Pair stride{small(rng), draw < 6 ? 1 : small(rng)};
      const Pair dilation{1 + draw % 2, 1 + (draw / 2) % 2};
      Conv2dSpec spec = RandomSpec(rng, small(rng) + 2, w, kernel, stride, dilation);
      const std::optional<Conv2dGeometry> geo = ResolveOrFallBack(spec);
      if (!geo) continue;
      ++checked;
      ASSERT_TRUE(MatchesNaive(spec, *geo)) << Describe(spec);
    }
  }
  EXPECT_GT(checked, 150);
}

TEST(Conv2dFast, EveryReferenceCaseInBothPrecisions) {
  const Json cases = LoadGolden("conv2d_cases.json");
  ASSERT_EQ(cases.size(), 40u);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const Conv2dSpec spec = GoldenConv2dSpec(cases[i]["spec"]);
    const Result<Conv2dGeometry> geo = ResolveConv2d(spec);
    ASSERT_TRUE(geo.ok()) << geo.error();
    ExpectTensorNear(cases[i]["expect"]["output"], Conv2dForward(spec, *geo));

    const Result<Tensor3> want = Tensor3FromJson(cases[i]["expect"]["output"], "output");
    ASSERT_TRUE(want.ok()) << want.error();
    const Tensor3 magnitude = Conv2dForward(Absolute(spec), *geo);
    const Tensor3F got = Conv2dForwardF32(spec, *geo);
    ASSERT_EQ(got.data.size(), want->data.size());
    const int products = geo->in_per_group * geo->kernel_h * geo->kernel_w;
    for (std::size_t k = 0; k < got.data.size(); ++k) {
      EXPECT_NEAR(got.data[k], want->data[k], FloatTolerance(products, magnitude.data[k])) << "value " << k;
    }
  }
}

}  // namespace
}  // namespace convstep
