// Conv1d against PyTorch's reference vectors (tests/data/conv1d_cases.json),
// every step against a naive 1-D convolution written here from PyTorch's
// definitions (no code shared with the core or its 2-D lift), sweeps of small
// specs against the same, and the messages of bad specs.
//
// Index of this file:
// [SECTION] A naive 1-D convolution
// [SECTION] Reference vectors
// [SECTION] Sweeps against the naive convolution
// [SECTION] Causal padding and the lift
// [SECTION] Validation and JSON
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/conv/conv1d.h"
#include "core/formats/spec_json.h"
#include "tests/support/golden.h"
#include "tests/support/naive_conv.h"

namespace convstep {
namespace {

using testing::ExpectSignalNear;
using testing::LoadGolden;
using testing::NaivePadded1d;
using testing::RandomValues;

// [SECTION] A naive 1-D convolution

// F.pad's values come from tests/support (NaivePadded1d), written apart from
// the core's padding modes.
struct Naive1d {
  bool valid = false;
  int padded = 0;
  int out_length = 0;
  std::vector<double> output;  // [C_out][L_out]
  std::vector<int> visits;     // per padded position
};

// Windows start at o*s and reach o*s + d(K - 1); there are as many as fit.
Naive1d NaiveConv1d(const Conv1dSpec& spec, int left, int right) {
  Naive1d r;
  const int k = spec.weight.w;
  const int span = spec.dilation * (k - 1) + 1;
  r.padded = spec.input.l + left + right;
  while (r.out_length * spec.stride + span <= r.padded) ++r.out_length;
  const int max_pad = std::max(left, right);
  if (r.out_length == 0) return r;
  if (spec.padding_mode == PaddingMode::kReflect && max_pad >= spec.input.l) return r;
  if (spec.padding_mode == PaddingMode::kCircular && max_pad > spec.input.l) return r;
  r.valid = true;
  r.visits.assign(static_cast<size_t>(r.padded), 0);
  for (int o = 0; o < r.out_length; ++o) {
    for (int t = 0; t < k; ++t) ++r.visits[static_cast<size_t>(o * spec.stride + t * spec.dilation)];
  }
  const int in_per_group = spec.input.c / spec.groups;
  const int out_per_group = spec.weight.c / spec.groups;
  for (int oc = 0; oc < spec.weight.c; ++oc) {
    const int c0 = (oc / out_per_group) * in_per_group;
    for (int o = 0; o < r.out_length; ++o) {
      double sum = spec.bias.empty() ? 0.0 : spec.bias[static_cast<size_t>(oc)];
      for (int ci = 0; ci < in_per_group; ++ci) {
        for (int t = 0; t < k; ++t) {
          const double x = NaivePadded1d(spec.input, c0 + ci, left, o * spec.stride + t * spec.dilation,
                                       spec.padding_mode);
          sum += x * spec.weight.at(oc, ci, t);
        }
      }
      r.output.push_back(sum);
    }
  }
  return r;
}

// The padding Keras and PyTorch would use, from their documentation.
void ExpectedPadding(const Conv1dSpec& spec, int* left, int* right) {
  const int k = spec.weight.w;
  const int d = spec.dilation;
  switch (spec.padding.kind) {
    case Padding1dSpec::Kind::kExplicit: *left = spec.padding.left; *right = spec.padding.right; return;
    case Padding1dSpec::Kind::kValid: *left = *right = 0; return;
    case Padding1dSpec::Kind::kCausal: *left = d * (k - 1); *right = 0; return;
    case Padding1dSpec::Kind::kSame: {
      const int n = spec.input.l;
      const int out = (n + spec.stride - 1) / spec.stride;
      const int total = std::max((out - 1) * spec.stride + d * (k - 1) + 1 - n, 0);
      *left = total / 2;
      *right = total - total / 2;
      return;
    }
  }
}

Conv1dSpec GoldenSpec(const Json& spec) {
  Result<Conv1dSpec> s = Conv1dSpecFromJson(spec);
  EXPECT_TRUE(s.ok()) << (s ? "" : s.error());
  return s ? *s : Conv1dSpec{};
}

// [SECTION] Reference vectors

TEST(Conv1dGolden, EveryReferenceCase) {
  const Json cases = LoadGolden("conv1d_cases.json");
  ASSERT_EQ(cases.size(), 30u);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i) + ": " + cases[i]["spec"].dump());
    const Json& expect = cases[i]["expect"];
    Result<Conv1dStepper> stepper = Conv1dStepper::Create(GoldenSpec(cases[i]["spec"]));
    ASSERT_TRUE(stepper.ok()) << stepper.error();
    const Tensor2& out = stepper->Output();
    EXPECT_EQ(Json({out.c, out.l}), expect["output_shape"]);
    EXPECT_EQ(stepper->OutLength(), expect["output_shape"][1].get<int>());
    ExpectSignalNear(expect["output"], out, 1e-12);
    const auto pad = expect["padding"].get<std::vector<int>>();
    EXPECT_EQ(stepper->padding(), (Padding2{pad[0], pad[1]}));
    EXPECT_EQ(stepper->PaddedLength(), expect["padded_length"].get<int>());
    EXPECT_EQ(stepper->Visits(), expect["visits"].get<std::vector<int>>());
    EXPECT_EQ(stepper->TotalSteps(), expect["total_steps"].get<int>());
  }
}

// Each step's window, taps and products against the naive convolution: the
// window starts at out_x * stride, tap kx reads padded position
// window_left + kx * dilation, and the products plus the bias are PyTorch's
// output.
TEST(Conv1dGolden, EveryStepIsTheNaiveSumOfProducts) {
  const Json cases = LoadGolden("conv1d_cases.json");
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const Json& expect = cases[i]["expect"];
    const Conv1dSpec spec = GoldenSpec(cases[i]["spec"]);
    Result<Conv1dStepper> stepper = Conv1dStepper::Create(spec);
    ASSERT_TRUE(stepper.ok()) << stepper.error();
    const int left = expect["padding"][0].get<int>();
    const Naive1d naive = NaiveConv1d(spec, left, expect["padding"][1].get<int>());
    ASSERT_TRUE(naive.valid);
    const int in_per_group = spec.input.c / spec.groups;
    const int out_per_group = spec.weight.c / spec.groups;
    for (int k = 0; k < stepper->TotalSteps(); ++k) {
      const ConvStep1d s = stepper->Step(k);
      EXPECT_EQ(s.step, k);
      EXPECT_EQ(s.out_channel, k / naive.out_length);
      EXPECT_EQ(s.out_x, k % naive.out_length);
      EXPECT_EQ(stepper->StepOf(s.out_channel, s.out_x), k);
      EXPECT_EQ(s.window_left, s.out_x * spec.stride);
      ASSERT_EQ(s.terms.size(), static_cast<size_t>(in_per_group * spec.weight.w));
      const int c0 = (s.out_channel / out_per_group) * in_per_group;
      double sum = s.bias;
      for (size_t j = 0; j < s.terms.size(); ++j) {
        const StepTerm1d& t = s.terms[j];
        const int ci = static_cast<int>(j) / spec.weight.w;
        const int kx = static_cast<int>(j) % spec.weight.w;
        EXPECT_EQ(t.c, c0 + ci);
        EXPECT_EQ(t.kx, kx);
        EXPECT_EQ(t.x, s.window_left + kx * spec.dilation);
        EXPECT_EQ(t.in_padding, t.x < left || t.x >= left + spec.input.l);
        EXPECT_EQ(t.input, NaivePadded1d(spec.input, t.c, left, t.x, spec.padding_mode));
        EXPECT_EQ(t.weight, spec.weight.at(s.out_channel, ci, kx));
        EXPECT_EQ(t.product, t.input * t.weight);
        sum += t.product;
      }
      const double want = naive.output[static_cast<size_t>(k)];
      EXPECT_NEAR(sum, want, 1e-12) << "step " << k;
      EXPECT_NEAR(s.value, want, 1e-12) << "step " << k;
      EXPECT_NEAR(want, expect["output"][s.out_channel][s.out_x].get<double>(), 1e-12) << "step " << k;
    }
  }
}

TEST(Conv1dGolden, CausalCasesPadThePastOnly) {
  const Json cases = LoadGolden("conv1d_cases.json");
  int causal = 0;
  for (const Json& c : cases) {
    if (c["spec"]["padding"] != "causal") continue;
    ++causal;
    const int k = static_cast<int>(c["spec"]["weight"][0][0].size());
    const int d = c["spec"].value("dilation", 1);
    EXPECT_EQ(c["expect"]["padding"], Json::array({d * (k - 1), 0}));
  }
  EXPECT_EQ(causal, 2);
}

// [SECTION] Sweeps against the naive convolution

Conv1dSpec RandomSpec(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Conv1dSpec s;
  s.groups = pick(1, 2);
  const int c_in = s.groups * pick(1, 2);
  const int c_out = s.groups * pick(1, 2);
  s.input = Tensor2(c_in, pick(1, 9));
  s.input.data = RandomValues(rng, s.input.data.size(), -3, 3);
  s.weight = Tensor3(c_out, c_in / s.groups, pick(1, 4));
  s.weight.data = RandomValues(rng, s.weight.data.size(), -2, 2);
  if (pick(0, 1) == 1) s.bias = RandomValues(rng, static_cast<size_t>(c_out), -2, 2);
  s.stride = pick(1, 3);
  s.dilation = pick(1, 3);
  s.padding.kind = static_cast<Padding1dSpec::Kind>(pick(0, 3));
  s.padding.left = pick(0, 3);
  s.padding.right = pick(0, 3);
  s.padding_mode = static_cast<PaddingMode>(pick(0, 3));
  return s;
}

TEST(Conv1dSweep, RandomSpecsAgreeWithTheNaiveConvolution) {
  std::mt19937 rng(1013);
  int valid = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const Conv1dSpec spec = RandomSpec(rng);
    int left = 0;
    int right = 0;
    ExpectedPadding(spec, &left, &right);
    const Naive1d naive = NaiveConv1d(spec, left, right);
    Result<Conv1dStepper> stepper = Conv1dStepper::Create(spec);
    ASSERT_EQ(stepper.ok(), naive.valid) << "trial " << trial << ": " << (stepper ? "" : stepper.error());
    if (!naive.valid) continue;
    ++valid;
    EXPECT_EQ(stepper->padding(), (Padding2{left, right})) << "trial " << trial;
    EXPECT_EQ(stepper->PaddedLength(), naive.padded);
    EXPECT_EQ(stepper->OutLength(), naive.out_length);
    EXPECT_EQ(stepper->Visits(), naive.visits) << "trial " << trial;
    ASSERT_EQ(stepper->Output().data.size(), naive.output.size());
    for (size_t j = 0; j < naive.output.size(); ++j) {
      EXPECT_NEAR(stepper->Output().data[j], naive.output[j], 1e-12) << "trial " << trial;
    }
  }
  EXPECT_GT(valid, 1000);
}

// [SECTION] Causal padding and the lift

TEST(Conv1dCausal, OutputTNeverReadsALaterInput) {
  std::mt19937 rng(7);
  for (int d = 1; d <= 3; ++d) {
    for (int k = 1; k <= 4; ++k) {
      Conv1dSpec spec;
      spec.input = Tensor2(1, 10);
      spec.input.data = RandomValues(rng, 10, -3, 3);
      spec.weight = Tensor3(1, 1, k, 1.0);
      spec.dilation = d;
      spec.padding.kind = Padding1dSpec::Kind::kCausal;
      Result<Conv1dStepper> before = Conv1dStepper::Create(spec);
      ASSERT_TRUE(before.ok()) << before.error();
      EXPECT_EQ(before->OutLength(), 10);  // stride 1: as long as the input
      EXPECT_EQ(before->padding(), (Padding2{d * (k - 1), 0}));
      for (int j = 0; j < 10; ++j) {
        Conv1dSpec changed = spec;
        changed.input.at(0, j) += 100.0;
        Result<Conv1dStepper> after = Conv1dStepper::Create(changed);
        ASSERT_TRUE(after.ok());
        for (int t = 0; t < j; ++t) EXPECT_EQ(after->Output().at(0, t), before->Output().at(0, t));
        EXPECT_NE(after->Output().at(0, j), before->Output().at(0, j));  // the newest tap reads input t
      }
    }
  }
}

TEST(Conv1dLift, IsTheSameConvolutionOneRowHigh) {
  const Conv1dSpec spec = GoldenSpec(LoadGolden("conv1d_cases.json")[0]["spec"]);
  Result<Conv2dSpec> lifted = LiftConv1d(spec);
  ASSERT_TRUE(lifted.ok()) << lifted.error();
  EXPECT_EQ(lifted->input.h, 1);
  EXPECT_EQ(lifted->input.w, spec.input.l);
  EXPECT_EQ(lifted->weight.h, 1);
  EXPECT_EQ(lifted->weight.w, spec.weight.w);
  EXPECT_EQ(lifted->padding.kind, PaddingSpec::Kind::kExplicit);
  // 'same' for L = 5, K = 4, S = 2: out 3, total max(2*2 + 3 + 1 - 5, 0) = 3, so [1, 2].
  EXPECT_EQ(lifted->padding.top, 0);
  EXPECT_EQ(lifted->padding.bottom, 0);
  EXPECT_EQ(lifted->padding.left, 1);
  EXPECT_EQ(lifted->padding.right, 2);
  Result<Conv1dStepper> stepper = Conv1dStepper::Create(spec);
  ASSERT_TRUE(stepper.ok());
  EXPECT_EQ(stepper->Lifted().geometry().padded_h, 1);
  EXPECT_EQ(stepper->Lifted().geometry().out_h, 1);
}

TEST(Conv1dOutputSize, ExplainedAsTheTwoDimensionalAxisIs) {
  // Case 0: L = 5, K = 4, S = 2, 'same' pads [1, 2]: (5 + 1 + 2 - 1*(4 - 1) - 1)/2 + 1 = 3.
  Result<Conv1dStepper> same = Conv1dStepper::Create(GoldenSpec(LoadGolden("conv1d_cases.json")[0]["spec"]));
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->Axis().same);
  EXPECT_EQ(ExplainOutputLength(same->Axis()),
            "(5 + 1 + 2 - 1*(4 - 1) - 1)/2 + 1 = 3: exact, every padded position up to the last is reached");
  EXPECT_EQ(SamePaddingFormula(same->Axis()),
            "ceil(5/2) = 3; P = max((3 - 1)*2 + 1*(4 - 1) + 1 - 5, 0) = 3; P_before = floor(3/2) = 1, "
            "P_after = 3 - 1 = 2");

  Conv1dSpec causal;
  causal.input = Tensor2(1, 6, 1.0);
  causal.weight = Tensor3(1, 1, 3, 1.0);
  causal.dilation = 2;
  causal.stride = 2;
  causal.padding.kind = Padding1dSpec::Kind::kCausal;
  Result<Conv1dStepper> stepper = Conv1dStepper::Create(causal);
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  EXPECT_FALSE(stepper->Axis().same);
  EXPECT_EQ(CausalPaddingFormula(stepper->Axis()), "P_left = 2*(3 - 1) = 4, P_right = 0");
  // (6 + 4 + 0 - 5)/2 + 1 = 3.5 -> 3; the last padded position (input 5) is not reached.
  EXPECT_EQ(ExplainOutputLength(stepper->Axis()),
            "(6 + 4 + 0 - 2*(3 - 1) - 1)/2 + 1 = 3.5 \u2192 3: not exact, the floor drops the remainder; "
            "position 5 of the input is never reached");
}

// [SECTION] Validation and JSON

std::string CreateError(const Conv1dSpec& spec) {
  Result<Conv1dStepper> stepper = Conv1dStepper::Create(spec);
  return stepper ? "" : stepper.error();
}

std::string JsonError(const std::string& text) {
  Result<Json> j = ParseJson(text);
  if (!j) return j.error();
  Result<Conv1dSpec> spec = Conv1dSpecFromJson(*j);
  if (!spec) return spec.error();
  return CreateError(*spec);
}

TEST(Conv1dValidation, MessagesSpeakOfSamplesAndTaps) {
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1, 1, 1, 1]]]})"),
            "the 4-tap kernel does not fit in the 3 padded samples");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1, 1]]], "dilation": 3})"),
            "the 2-tap kernel with dilation 3 spans 4 and does not fit in the 3 padded samples");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1, 1]]], "padding": 3, "padding_mode": "reflect"})"),
            "reflect padding of 3 needs more than 3 input samples, but the input has 3");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1, 1]]], "padding": [0, -1]})"),
            "padding must not be negative");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1, 1]]], "stride": 0})"), "stride must be at least 1");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1, 1]]], "dilation": 0, "padding": "causal"})"),
            "dilation must be at least 1");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1, 1], [1, 1]]]})"),
            "the filter has 2 channels but the image has 1: they must match");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1, 1]]], "bias": [1, 2]})"),
            "there are 1 filters but 2 bias values: give one per filter, or none");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2], [3, 4]], "weight": [[[1]]], "groups": 2})"),
            "there are 1 filters, which cannot be split into 2 equal groups");
}

TEST(Conv1dJson, BadFieldsAreNamed) {
  EXPECT_EQ(JsonError(R"([1, 2])"), "the spec must be a JSON object with \"input\" and \"weight\"");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]]})"), "the spec has no \"weight\"");
  EXPECT_EQ(JsonError(R"({"input": [[[1, 2, 3]]], "weight": [[[1]]]})"),
            "input[0][0] is not a number (expected [channels][samples])");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[1]]})"),
            "weight must be a list nested 3 deep, but level 3 is not a list (expected [filters][channels][taps])");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3], [1]], "weight": [[[1]]]})"),
            "input[1] has 1 entries but the first one at that level has 3 (ragged array) (expected [channels][samples])");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1]]], "padding": "full"})"),
            "padding \"full\" is unknown: use a number, [left, right], \"valid\", \"same\" or \"causal\"");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1]]], "padding": [1, 1, 1, 1]})"),
            "padding must be a number, [left, right], \"valid\", \"same\" or \"causal\"");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1]]], "stride": [1, 2]})"),
            "stride must be a whole number");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1]]], "padding_mode": "wrap"})"),
            "padding_mode must be \"zeros\", \"reflect\", \"replicate\" or \"circular\"");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3]], "weight": [[[1]]], "bias": null, "padding": [2, 0]})"), "");
}

}  // namespace
}  // namespace convstep
