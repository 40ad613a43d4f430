// Pooling against PyTorch's reference vectors, the lecture's 4x4 max-pool
// slice, and exhaustive small sweeps against a naive reference.
//
// Index of this file:
// [SECTION] Reference vectors
// [SECTION] The lecture
// [SECTION] Sweeps against a naive reference
// [SECTION] Validation
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/conv/pool2d.h"
#include "tests/support/golden.h"
#include "tests/support/naive_conv.h"

namespace convstep {
namespace {

using testing::ExpectTensorNear;
using testing::LoadGolden;
using testing::RandomValues;

Pool2dStepper GoldenStepper(const Json& spec) {
  Result<Pool2dSpec> s = Pool2dSpecFromJson(spec);
  EXPECT_TRUE(s.ok()) << (s ? "" : s.error());
  Result<Pool2dStepper> stepper = Pool2dStepper::Create(s ? *s : Pool2dSpec{});
  EXPECT_TRUE(stepper.ok()) << (stepper ? "" : stepper.error());
  return std::move(stepper).value();
}

// [C][H][W] integers flattened row-major, the order of Argmax().
std::vector<int> FlatInts(const Json& nested) {
  std::vector<int> flat;
  for (const Json& channel : nested) {
    for (const Json& row : channel) {
      for (const Json& v : row) flat.push_back(v.get<int>());
    }
  }
  return flat;
}

std::string PoolError(const Pool2dSpec& spec) {
  Result<Pool2dStepper> stepper = Pool2dStepper::Create(spec);
  return stepper ? "" : stepper.error();
}

std::string JsonError(const std::string& text) {
  Result<Json> j = ParseJson(text);
  if (!j) return j.error();
  Result<Pool2dSpec> spec = Pool2dSpecFromJson(*j);
  return spec ? "" : spec.error();
}

// [SECTION] Reference vectors

TEST(Pool2dReference, EveryCaseMatchesPyTorch) {
  const Json cases = LoadGolden("pool2d_cases.json");
  ASSERT_EQ(cases.size(), 40u);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i) + ": " + cases[i]["spec"].dump());
    const Json& expect = cases[i]["expect"];
    const Pool2dStepper stepper = GoldenStepper(cases[i]["spec"]);
    const Tensor3& out = stepper.Output();
    EXPECT_EQ(Json({out.c, out.h, out.w}), expect["output_shape"]);
    ExpectTensorNear(expect["output"], out);
    if (expect.contains("argmax")) {
      EXPECT_EQ(stepper.Argmax(), FlatInts(expect["argmax"]));
    } else {
      EXPECT_TRUE(stepper.Argmax().empty());
    }
  }
}

TEST(Pool2dReference, EveryStepOfEveryCaseIsItsOutputCell) {
  const Json cases = LoadGolden("pool2d_cases.json");
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const Json& expect = cases[i]["expect"];
    const Pool2dStepper stepper = GoldenStepper(cases[i]["spec"]);
    const Pool2dGeometry& g = stepper.geometry();
    const std::vector<int> argmax = expect.contains("argmax") ? FlatInts(expect["argmax"]) : std::vector<int>{};
    for (int k = 0; k < stepper.TotalSteps(); ++k) {
      const PoolStep s = stepper.Step(k);
      ASSERT_EQ(s.total_steps, stepper.TotalSteps());
      EXPECT_NEAR(s.value, expect["output"][s.channel][s.out_y][s.out_x].get<double>(), 1e-9) << "step " << k;
      EXPECT_EQ(s.value, stepper.Output().at(s.channel, s.out_y, s.out_x));
      EXPECT_EQ(s.window_top, s.out_y * g.stride.h);
      EXPECT_EQ(s.window_left, s.out_x * g.stride.w);
      ASSERT_FALSE(s.taps.empty());
      EXPECT_EQ(s.taps[0].y, s.window_top);
      EXPECT_EQ(s.taps[0].x, s.window_left);
      if (argmax.empty()) {
        EXPECT_EQ(s.argmax, -1);
        EXPECT_DOUBLE_EQ(s.value, s.sum / s.divisor);
      } else {
        EXPECT_EQ(s.argmax, argmax[static_cast<size_t>(k)]) << "step " << k;
      }
    }
  }
}

TEST(Pool2dReference, AvgCeilModeLastWindowDividesByTheTapsUpToThePadding) {
  // Case 17: avg, kernel 2, stride [2, 1], ceil_mode, a 3x2 input. The last
  // output row's window starts at input row 2 and hangs one row past the
  // input: PyTorch divides by the 1x2 taps left, not by 4.
  const Json c = LoadGolden("pool2d_cases.json")[17];
  ASSERT_EQ(c["spec"]["ceil_mode"], true);
  const Pool2dStepper stepper = GoldenStepper(c["spec"]);
  const PoolStep last = stepper.Step(1);
  EXPECT_EQ(last.out_y, 1);
  EXPECT_EQ(last.divisor, 2);
  EXPECT_EQ(last.taps.size(), 2u);
  EXPECT_NEAR(last.value, c["expect"]["output"][0][1][0].get<double>(), 1e-9);
  const Json& last_row = c["spec"]["input"][0][2];
  EXPECT_NEAR(last.value, (last_row[0].get<double>() + last_row[1].get<double>()) / 2, 1e-9);
}

TEST(Pool2dReference, AvgCountsPaddingTapsInTheDivisor) {
  // Case 3: avg, kernel 3, stride 1, padding 1. The corner window holds 4
  // input values and 5 padding zeros, and PyTorch divides by all 9.
  const Json c = LoadGolden("pool2d_cases.json")[3];
  ASSERT_EQ(c["spec"]["padding"], 1);
  const Pool2dStepper stepper = GoldenStepper(c["spec"]);
  const PoolStep first = stepper.Step(0);
  EXPECT_EQ(first.divisor, 9);
  EXPECT_EQ(std::count_if(first.taps.begin(), first.taps.end(), [](const PoolTap& t) { return t.in_padding; }), 5);
  const Json& in = c["spec"]["input"][0];
  const double corner = in[0][0].get<double>() + in[0][1].get<double>() + in[1][0].get<double>() + in[1][1].get<double>();
  EXPECT_NEAR(first.value, corner / 9, 1e-9);
  EXPECT_NEAR(first.value, c["expect"]["output"][0][0][0].get<double>(), 1e-9);
}

// [SECTION] The lecture

TEST(LecturePool, MaxPool4x4SliceGives6834) {
  const Json example = LoadGolden("seed_examples.json")["maxpool_2x2_stride2"];
  const Pool2dStepper stepper = GoldenStepper(example["spec"]);
  ExpectTensorNear(example["expect"]["output"], stepper.Output());
  EXPECT_EQ(stepper.Output().data, (std::vector<double>{6, 8, 3, 4}));
  EXPECT_EQ(stepper.Argmax(), (std::vector<int>{5, 7, 8, 15}));
  EXPECT_EQ(stepper.Argmax(), FlatInts(example["expect"]["argmax"]));
  // The slide's first window, top left: 1 1 / 5 6, its maximum 6 at (1, 1).
  const PoolStep first = stepper.Step(0);
  ASSERT_EQ(first.taps.size(), 4u);
  std::vector<double> window;
  for (const PoolTap& t : first.taps) window.push_back(t.input);
  EXPECT_EQ(window, (std::vector<double>{1, 1, 5, 6}));
  EXPECT_EQ(first.value, 6);
  EXPECT_EQ(first.argmax, 5);
  // The last window, bottom right: 1 0 / 3 4.
  const PoolStep last = stepper.Step(3);
  EXPECT_EQ(last.window_top, 2);
  EXPECT_EQ(last.window_left, 2);
  EXPECT_EQ(last.value, 4);
}

// [SECTION] Sweeps against a naive reference

struct AxisParams {
  int n = 1;
  int k = 1;
  int s = 1;
  int p = 0;
  int d = 1;
};

struct NaivePool {
  Tensor3 output;
  std::vector<int> argmax;
};

// Output size from PyTorch's documentation, plus its rule that the last
// window of ceil_mode must start inside the input or the left padding.
int NaiveOutSize(const AxisParams& a, bool ceil_mode) {
  const double q = static_cast<double>(a.n + 2 * a.p - a.d * (a.k - 1) - 1) / a.s;
  int out = static_cast<int>(ceil_mode ? std::ceil(q) : std::floor(q)) + 1;
  if (ceil_mode && (out - 1) * a.s >= a.n + a.p) --out;
  return out;
}

// PyTorch's loops in input coordinates; nullopt where this tool refuses the
// spec (no output at all, or a max window of padding only).
std::optional<NaivePool> NaivePool2d(const Tensor3& in, bool is_max, const AxisParams& ah, const AxisParams& aw,
                                     bool ceil_mode) {
  const int oh = NaiveOutSize(ah, ceil_mode);
  const int ow = NaiveOutSize(aw, ceil_mode);
  if (oh < 1 || ow < 1) return std::nullopt;
  NaivePool r{Tensor3(in.c, oh, ow), {}};
  for (int c = 0; c < in.c; ++c) {
    for (int oy = 0; oy < oh; ++oy) {
      for (int ox = 0; ox < ow; ++ox) {
        const int y0 = oy * ah.s - ah.p;
        const int x0 = ox * aw.s - aw.p;
        if (is_max) {
          double best = -std::numeric_limits<double>::infinity();
          int best_index = -1;
          for (int i = 0; i < ah.k; ++i) {
            for (int j = 0; j < aw.k; ++j) {
              const int y = y0 + i * ah.d;
              const int x = x0 + j * aw.d;
              if (y < 0 || y >= in.h || x < 0 || x >= in.w) continue;
              if (best_index < 0 || in.at(c, y, x) > best) {
                best = in.at(c, y, x);
                best_index = y * in.w + x;
              }
            }
          }
          if (best_index < 0) return std::nullopt;
          r.output.at(c, oy, ox) = best;
          r.argmax.push_back(best_index);
        } else {
          const int y1 = std::min(y0 + ah.k, in.h + ah.p);
          const int x1 = std::min(x0 + aw.k, in.w + aw.p);
          double sum = 0;
          for (int y = std::max(y0, 0); y < std::min(y1, in.h); ++y) {
            for (int x = std::max(x0, 0); x < std::min(x1, in.w); ++x) sum += in.at(c, y, x);
          }
          r.output.at(c, oy, ox) = sum / ((y1 - y0) * (x1 - x0));
        }
      }
    }
  }
  return r;
}

TEST(Pool2dSweep, SmallSizesMatchTheNaiveReference) {
  std::mt19937 rng(20240611);
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int checked = 0;
  int refused = 0;
  for (const bool is_max : {true, false}) {
    for (const bool ceil_mode : {false, true}) {
      for (const bool sweep_rows : {true, false}) {
        for (int n = 1; n <= 6; ++n) {
          for (int k = 1; k <= 4; ++k) {
            for (int s = 1; s <= 3; ++s) {
              for (int p = 0; p <= k / 2; ++p) {
                for (int d = 1; d <= (is_max ? 3 : 1); ++d) {
                  // One axis takes the swept values, the other random ones
                  // from the same ranges.
                  const AxisParams swept{n, k, s, p, d};
                  AxisParams other{uniform(1, 6), uniform(1, 4), uniform(1, 3), 0, is_max ? uniform(1, 3) : 1};
                  other.p = uniform(0, other.k / 2);
                  const AxisParams& ah = sweep_rows ? swept : other;
                  const AxisParams& aw = sweep_rows ? other : swept;
                  Pool2dSpec spec;
                  // Few distinct values, so windows often hold tied maxima.
                  spec.input = Tensor3(uniform(1, 2), ah.n, aw.n);
                  spec.input.data = RandomValues(rng, spec.input.data.size(), -2, 2);
                  spec.mode = is_max ? PoolMode::kMax : PoolMode::kAvg;
                  spec.kernel = {ah.k, aw.k};
                  spec.stride = Pair{ah.s, aw.s};
                  spec.padding = {ah.p, aw.p};
                  spec.dilation = {ah.d, aw.d};
                  spec.ceil_mode = ceil_mode;
                  const std::string where = std::string(is_max ? "max" : "avg") + " ceil " +
                                            std::to_string(ceil_mode) + " n" + std::to_string(ah.n) + "x" +
                                            std::to_string(aw.n) + " k" + std::to_string(ah.k) + "x" +
                                            std::to_string(aw.k) + " s" + std::to_string(ah.s) + "x" +
                                            std::to_string(aw.s) + " p" + std::to_string(ah.p) + "x" +
                                            std::to_string(aw.p) + " d" + std::to_string(ah.d) + "x" +
                                            std::to_string(aw.d);
                  const std::optional<NaivePool> want = NaivePool2d(spec.input, is_max, ah, aw, ceil_mode);
                  Result<Pool2dStepper> got = Pool2dStepper::Create(spec);
                  if (!want) {
                    EXPECT_FALSE(got.ok()) << where;
                    ++refused;
                    continue;
                  }
                  ASSERT_TRUE(got.ok()) << where << ": " << got.error();
                  ++checked;
                  const Tensor3& out = got->Output();
                  ASSERT_EQ(out.c, want->output.c) << where;
                  ASSERT_EQ(out.h, want->output.h) << where;
                  ASSERT_EQ(out.w, want->output.w) << where;
                  EXPECT_EQ(out.data, want->output.data) << where;
                  EXPECT_EQ(got->Argmax(), want->argmax) << where;
                  for (int step = 0; step < got->TotalSteps(); ++step) {
                    const PoolStep st = got->Step(step);
                    EXPECT_EQ(st.value, want->output.data[static_cast<size_t>(step)]) << where << " step " << step;
                    if (is_max) {
                      EXPECT_EQ(st.argmax, want->argmax[static_cast<size_t>(step)]) << where;
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  // The sweep reaches both sides of the validation.
  EXPECT_GT(checked, 1000);
  EXPECT_GT(refused, 50);
}

TEST(Pool2dSemantics, TiesGoToTheFirstMaximumAndPaddingNeverWins) {
  Pool2dSpec spec;
  spec.input = Tensor3(1, 2, 2, -1.0);  // all tied, all below the padding's zero
  spec.kernel = {3, 3};
  spec.stride = Pair{1, 1};
  spec.padding = {1, 1};
  Result<Pool2dStepper> stepper = Pool2dStepper::Create(spec);
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  EXPECT_EQ(stepper->Output().data, (std::vector<double>{-1, -1, -1, -1}));
  EXPECT_EQ(stepper->Argmax(), (std::vector<int>{0, 0, 0, 0}));
}

TEST(Pool2dSemantics, NaNWinsAsInPyTorch) {
  Pool2dSpec spec;
  spec.input = Tensor3(1, 2, 2);
  spec.input.data = {1, std::numeric_limits<double>::quiet_NaN(), 3, 2};
  Result<Pool2dStepper> stepper = Pool2dStepper::Create(spec);
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  EXPECT_TRUE(std::isnan(stepper->Output().data[0]));
  EXPECT_EQ(stepper->Argmax(), (std::vector<int>{1}));
}

TEST(Pool2dSemantics, StrideDefaultsToTheKernel) {
  Result<Json> j = ParseJson(R"({"input": [[[1, 2, 3, 4, 5, 6]]], "mode": "max", "kernel": [1, 3], "stride": null})");
  ASSERT_TRUE(j.ok());
  Result<Pool2dSpec> spec = Pool2dSpecFromJson(*j);
  ASSERT_TRUE(spec.ok()) << spec.error();
  EXPECT_FALSE(spec->stride.has_value());
  Result<Pool2dStepper> stepper = Pool2dStepper::Create(*spec);
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  EXPECT_EQ(stepper->geometry().stride, (Pair{1, 3}));
  EXPECT_EQ(stepper->Output().data, (std::vector<double>{3, 6}));
}

// [SECTION] Validation

TEST(Pool2dValidation, SaysWhatIsWrong) {
  Pool2dSpec base;
  base.input = Tensor3(1, 4, 4, 1.0);
  auto with = [&base](auto change) {
    Pool2dSpec s = base;
    change(s);
    return PoolError(s);
  };
  EXPECT_EQ(with([](Pool2dSpec&) {}), "");
  EXPECT_EQ(with([](Pool2dSpec& s) { s.input = Tensor3(); }),
            "the input is empty: it needs at least one channel, one row and one column");
  EXPECT_EQ(with([](Pool2dSpec& s) { s.kernel = {0, 2}; }), "kernel must be at least 1");
  EXPECT_EQ(with([](Pool2dSpec& s) { s.stride = Pair{1, 0}; }), "stride must be at least 1");
  EXPECT_EQ(with([](Pool2dSpec& s) { s.padding = {-1, 0}; }), "padding must not be negative");
  EXPECT_EQ(with([](Pool2dSpec& s) { s.dilation = {0, 1}; }), "dilation must be at least 1");
  EXPECT_EQ(with([](Pool2dSpec& s) { s.kernel = {1, kMaxSide + 1}; }),
            "kernel sizes, strides and dilations above 16384 are not supported");
  EXPECT_EQ(with([](Pool2dSpec& s) {
              s.mode = PoolMode::kAvg;
              s.dilation = {2, 2};
            }),
            "average pooling has no dilation (PyTorch's avg_pool2d takes none): leave dilation at 1");
  EXPECT_EQ(with([](Pool2dSpec& s) {
              s.kernel = {3, 3};
              s.padding = {1, 2};
            }),
            "padding of 2 columns is more than half the 3-column kernel: PyTorch allows at most 1 (half the "
            "kernel, rounded down) so that no window is mostly padding");
  EXPECT_EQ(with([](Pool2dSpec& s) { s.kernel = {5, 5}; }),
            "the 5\u00d75 window does not fit in the 4\u00d74 padded input");
  EXPECT_EQ(with([](Pool2dSpec& s) {
              s.kernel = {2, 3};
              s.dilation = {2, 2};
            }),
            "the 2\u00d73 window with dilation 2\u00d72 spans 3\u00d75 and does not fit in the 4\u00d74 padded input");
  // A 2x2 input padded by 1: taps 3 apart land on both padding rows.
  EXPECT_EQ(with([](Pool2dSpec& s) {
              s.input = Tensor3(1, 2, 2, 1.0);
              s.padding = {1, 0};
              s.dilation = {3, 1};
              s.stride = Pair{1, 1};
            }),
            "with dilation 3\u00d71 and padding 1\u00d70 the window of output row 0 covers only padding, so max "
            "pooling has no value to take: use less padding or dilation");
}

TEST(Pool2dValidation, JsonErrorsNameTheField) {
  EXPECT_EQ(JsonError(R"([1, 2])"), "the spec must be a JSON object with \"input\", \"mode\" and \"kernel\"");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "mode": "max"})"), "the spec has no \"kernel\"");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "kernel": 1})"), "the spec has no \"mode\"");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "mode": "min", "kernel": 1})"), "mode must be \"max\" or \"avg\"");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "mode": "max", "kernel": "2"})"),
            "kernel must be a whole number or a list [height, width]");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "mode": "max", "kernel": 1, "stride": 1.5})"),
            "stride must be a whole number or a list [height, width]");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "mode": "max", "kernel": 1, "ceil_mode": "yes"})"),
            "ceil_mode must be true or false");
  EXPECT_NE(JsonError(R"({"input": [[1, 2]], "mode": "max", "kernel": 1})").find("input"), std::string::npos);
}

}  // namespace
}  // namespace convstep
