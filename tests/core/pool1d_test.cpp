// MaxPool1d and AvgPool1d against PyTorch's reference vectors
// (tests/data/pool1d_cases.json), sweeps against a naive pooling written here
// from PyTorch's kernels (avg_pool1d's divisor, ceil_mode's last window), and
// the messages of bad specs.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/conv/pool1d.h"
#include "core/formats/spec_json.h"
#include "tests/support/golden.h"
#include "tests/support/naive_conv.h"

namespace convstep {
namespace {

using testing::ExpectSignalNear;
using testing::LoadGolden;
using testing::RandomValues;

Pool1dStepper GoldenStepper(const Json& spec) {
  Result<Pool1dSpec> s = Pool1dSpecFromJson(spec);
  EXPECT_TRUE(s.ok()) << (s ? "" : s.error());
  Result<Pool1dStepper> stepper = Pool1dStepper::Create(s ? *s : Pool1dSpec{});
  EXPECT_TRUE(stepper.ok()) << (stepper ? "" : stepper.error());
  return std::move(stepper).value();
}

std::vector<int> FlatInts(const Json& nested) {
  std::vector<int> flat;
  for (const Json& channel : nested) {
    for (const Json& v : channel) flat.push_back(v.get<int>());
  }
  return flat;
}

TEST(Pool1dGolden, EveryReferenceCase) {
  const Json cases = LoadGolden("pool1d_cases.json");
  ASSERT_EQ(cases.size(), 30u);
  int max_cases = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i) + ": " + cases[i]["spec"].dump());
    const Json& expect = cases[i]["expect"];
    const Pool1dStepper stepper = GoldenStepper(cases[i]["spec"]);
    const Tensor2& out = stepper.Output();
    EXPECT_EQ(Json({out.c, out.l}), expect["output_shape"]);
    if (expect.contains("argmax")) {
      ++max_cases;
      // A maximum is one of the inputs: exact.
      ExpectSignalNear(expect["output"], out, 0.0);
      EXPECT_EQ(stepper.Argmax(), FlatInts(expect["argmax"]));
    } else {
      ExpectSignalNear(expect["output"], out, 1e-12);
      EXPECT_TRUE(stepper.Argmax().empty());
    }
  }
  EXPECT_EQ(max_cases, 16);
}

TEST(Pool1dGolden, EveryStepIsItsOutput) {
  const Json cases = LoadGolden("pool1d_cases.json");
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const Json& spec = cases[i]["spec"];
    const Json& expect = cases[i]["expect"];
    const Pool1dStepper stepper = GoldenStepper(spec);
    const int stride = spec.contains("stride") ? spec["stride"].get<int>() : spec["kernel"].get<int>();
    const int padding = spec.value("padding", 0);
    for (int k = 0; k < stepper.TotalSteps(); ++k) {
      const PoolStep1d s = stepper.Step(k);
      EXPECT_EQ(s.channel, k / stepper.OutLength());
      EXPECT_EQ(s.out_x, k % stepper.OutLength());
      EXPECT_EQ(s.window_left, s.out_x * stride);
      ASSERT_FALSE(s.taps.empty());
      EXPECT_EQ(s.taps.front(), s.window_left);
      EXPECT_LT(s.taps.back(), stepper.PaddedLength());
      EXPECT_NEAR(s.value, expect["output"][s.channel][s.out_x].get<double>(), 1e-12) << "step " << k;
      if (stepper.mode() == PoolMode::kMax) {
        EXPECT_EQ(s.argmax, expect["argmax"][s.channel][s.out_x].get<int>());
        EXPECT_EQ(s.value, spec["input"][s.channel][s.argmax].get<double>());
      } else {
        EXPECT_EQ(s.divisor, static_cast<int>(s.taps.size()));
        EXPECT_DOUBLE_EQ(s.value, s.sum / s.divisor);
        for (size_t t = 0; t < s.taps.size(); ++t) {
          const int x = s.taps[t] - padding;
          const double want = x < 0 || x >= stepper.spec().input.l ? 0.0 : spec["input"][s.channel][x].get<double>();
          EXPECT_EQ(s.inputs[t], want);
        }
      }
    }
  }
}

// [SECTION] Sweeps against a naive pooling

struct NaivePool {
  int out_length = 0;
  std::vector<double> output;
  std::vector<int> argmax;
};

// PyTorch's pooling_output_shape, then max_pool1d's and avg_pool1d's loops:
// the average divides by the window clipped to the padded input (padding
// counted, the part past it not), the maximum keeps the first of equals.
NaivePool NaivePool1d(const Pool1dSpec& spec) {
  const int n = spec.input.l;
  const int k = spec.kernel;
  const int s = spec.stride.value_or(k);
  const int p = spec.padding;
  const int d = spec.dilation;
  NaivePool r;
  const int room = n + 2 * p - d * (k - 1) - 1;
  if (room < 0) return r;
  r.out_length = (spec.ceil_mode ? (room + s - 1) / s : room / s) + 1;
  if (spec.ceil_mode && (r.out_length - 1) * s >= n + p) --r.out_length;
  for (int c = 0; c < spec.input.c; ++c) {
    for (int o = 0; o < r.out_length; ++o) {
      const int start = o * s - p;
      if (spec.mode == PoolMode::kAvg) {
        const int end = std::min(start + k, n + p);
        double sum = 0;
        for (int x = std::max(start, 0); x < std::min(end, n); ++x) sum += spec.input.at(c, x);
        r.output.push_back(sum / (end - start));
        continue;
      }
      int best = -1;
      for (int j = 0; j < k; ++j) {
        const int x = start + j * d;
        if (x < 0 || x >= n) continue;
        if (best < 0 || spec.input.at(c, x) > spec.input.at(c, best)) best = x;
      }
      r.output.push_back(spec.input.at(c, best));
      r.argmax.push_back(best);
    }
  }
  return r;
}

TEST(Pool1dSweep, EverySmallSpecAgreesWithTheNaivePooling) {
  std::mt19937 rng(42);
  int compared = 0;
  for (int mode = 0; mode < 2; ++mode) {
    for (int n = 1; n <= 7; ++n) {
      for (int k = 1; k <= 4; ++k) {
        for (int s = 1; s <= 3; ++s) {
          for (int p = 0; p <= k / 2; ++p) {
            for (int ceil_mode = 0; ceil_mode < 2; ++ceil_mode) {
              Pool1dSpec spec;
              spec.input = Tensor2(2, n);
              spec.input.data = RandomValues(rng, spec.input.data.size(), -3, 3);
              spec.mode = mode == 0 ? PoolMode::kMax : PoolMode::kAvg;
              spec.kernel = k;
              spec.stride = s;
              spec.padding = p;
              spec.ceil_mode = ceil_mode == 1;
              const NaivePool naive = NaivePool1d(spec);
              Result<Pool1dStepper> stepper = Pool1dStepper::Create(spec);
              const std::string where = "n " + std::to_string(n) + " k " + std::to_string(k) + " s " +
                                        std::to_string(s) + " p " + std::to_string(p) + " ceil " +
                                        std::to_string(ceil_mode) + " mode " + std::to_string(mode);
              ASSERT_EQ(stepper.ok(), naive.out_length > 0) << where << (stepper ? "" : ": " + stepper.error());
              if (!stepper) continue;
              ++compared;
              EXPECT_EQ(stepper->OutLength(), naive.out_length) << where;
              ASSERT_EQ(stepper->Output().data.size(), naive.output.size()) << where;
              for (size_t j = 0; j < naive.output.size(); ++j) {
                EXPECT_NEAR(stepper->Output().data[j], naive.output[j], 1e-12) << where;
              }
              EXPECT_EQ(stepper->Argmax(), naive.argmax) << where;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(compared, 500);
}

// [SECTION] Validation and JSON

std::string JsonError(const std::string& text) {
  Result<Json> j = ParseJson(text);
  if (!j) return j.error();
  Result<Pool1dSpec> spec = Pool1dSpecFromJson(*j);
  if (!spec) return spec.error();
  Result<Pool1dStepper> stepper = Pool1dStepper::Create(*spec);
  return stepper ? "" : stepper.error();
}

TEST(Pool1dValidation, MessagesSpeakOfSamples) {
  EXPECT_EQ(JsonError(R"({"input": [[1, 2]], "mode": "max", "kernel": 3})"),
            "the 3-sample window does not fit in the 2 padded samples");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2]], "mode": "max", "kernel": 3, "ceil_mode": true})"),
            "the 3-sample window does not fit in the 2 padded samples");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3, 4]], "mode": "avg", "kernel": 3, "padding": 2})"),
            "padding of 2 samples is more than half the 3-sample kernel: PyTorch allows at most 1 (half the "
            "kernel, rounded down) so that no window is mostly padding");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3, 4]], "mode": "max", "kernel": 0})"), "kernel must be at least 1");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3, 4]], "mode": "max", "kernel": 2, "stride": 0})"),
            "stride must be at least 1");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2, 3, 4]], "mode": "avg", "kernel": 2, "dilation": 2})"),
            "average pooling has no dilation (PyTorch's avg_pool2d takes none): leave dilation at 1");
}

TEST(Pool1dJson, BadFieldsAreNamed) {
  EXPECT_EQ(JsonError(R"(3)"), "the spec must be a JSON object with \"input\", \"mode\" and \"kernel\"");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2]], "mode": "max"})"), "the spec has no \"kernel\"");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2]], "mode": "min", "kernel": 2})"), "mode must be \"max\" or \"avg\"");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2]], "mode": "max", "kernel": [1, 2]})"), "kernel must be a whole number");
  EXPECT_EQ(JsonError(R"({"input": [1, 2], "mode": "max", "kernel": 2})"),
            "input must be a list nested 2 deep, but level 2 is not a list (expected [channels][samples])");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2]], "mode": "max", "kernel": 2, "ceil_mode": 1})"),
            "ceil_mode must be true or false");
  EXPECT_EQ(JsonError(R"({"input": [[1, 2]], "mode": "max", "kernel": 2, "stride": null})"), "");
}

}  // namespace
}  // namespace convstep
