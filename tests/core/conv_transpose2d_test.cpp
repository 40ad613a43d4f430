// The transposed convolution against PyTorch's reference vectors, a naive
// reference on exhaustive small sweeps, and Conv2d, whose adjoint it is.
//
// Index of this file:
// [SECTION] Reference vectors
// [SECTION] Sweeps
// [SECTION] Validation
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/conv/conv2d.h"
#include "core/conv/conv_transpose2d.h"
#include "tests/support/golden.h"
#include "tests/support/naive_conv.h"

namespace convstep {
namespace {

using testing::ExpectTensorNear;
using testing::LoadGolden;
using testing::RandomValues;

std::string TransposeError(const ConvTranspose2dSpec& spec) {
  Result<Tensor3> out = ConvTranspose2d(spec);
  return out ? "" : out.error();
}

std::string JsonError(const std::string& text) {
  Result<Json> j = ParseJson(text);
  if (!j) return j.error();
  Result<ConvTranspose2dSpec> spec = ConvTranspose2dSpecFromJson(*j);
  return spec ? "" : spec.error();
}

double Dot(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

// [SECTION] Reference vectors

TEST(ConvTranspose2dReference, EveryCaseMatchesPyTorch) {
  const Json cases = LoadGolden("conv_transpose2d_cases.json");
  ASSERT_EQ(cases.size(), 20u);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    Result<ConvTranspose2dSpec> spec = ConvTranspose2dSpecFromJson(cases[i]["spec"]);
    ASSERT_TRUE(spec.ok()) << spec.error();
    Result<Tensor3> out = ConvTranspose2d(*spec);
    ASSERT_TRUE(out.ok()) << out.error();
    EXPECT_EQ(Json({out->c, out->h, out->w}), cases[i]["expect"]["output_shape"]);
    ExpectTensorNear(cases[i]["expect"]["output"], *out);
  }
}

// [SECTION] Sweeps

struct AxisParams {
  int n = 1;
  int k = 1;
  int s = 1;
  int p = 0;
  int d = 1;
  int op = 0;  // output_padding
};

// Each output cell gathers the input cells whose stamp reaches it: output
// row o meets kernel row ky of input row i when i*s - p + ky*d = o.
Tensor3 NaiveConvTranspose2d(const ConvTranspose2dSpec& spec, int out_h, int out_w) {
  const Tensor3& in = spec.input;
  const Tensor4& w = spec.weight;
  const int out_per_group = w.c;
  const int in_per_group = in.c / spec.groups;
  Tensor3 out(out_per_group * spec.groups, out_h, out_w);
  for (int oc = 0; oc < out.c; ++oc) {
    const int group = oc / out_per_group;
    for (int oy = 0; oy < out_h; ++oy) {
      for (int ox = 0; ox < out_w; ++ox) {
        double sum = spec.bias.empty() ? 0.0 : spec.bias[oc];
        for (int ic = group * in_per_group; ic < (group + 1) * in_per_group; ++ic) {
          for (int ky = 0; ky < w.h; ++ky) {
            for (int kx = 0; kx < w.w; ++kx) {
              const int ny = oy + spec.padding.h - ky * spec.dilation.h;
              const int nx = ox + spec.padding.w - kx * spec.dilation.w;
              if (ny < 0 || nx < 0 || ny % spec.stride.h != 0 || nx % spec.stride.w != 0) continue;
              const int iy = ny / spec.stride.h;
              const int ix = nx / spec.stride.w;
              if (iy >= in.h || ix >= in.w) continue;
              sum += in.at(ic, iy, ix) * w.at(ic, oc % out_per_group, ky, kx);
            }
          }
        }
        out.at(oc, oy, ox) = sum;
      }
    }
  }
  return out;
}

int NaiveOutSize(const AxisParams& a) { return (a.n - 1) * a.s - 2 * a.p + a.d * (a.k - 1) + a.op + 1; }

TEST(ConvTranspose2dSweep, SmallSizesMatchTheNaiveReference) {
  std::mt19937 rng(1913);
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int checked = 0;
  int refused = 0;
  for (const bool sweep_rows : {true, false}) {
    for (int n = 1; n <= 4; ++n) {
      for (int k = 1; k <= 3; ++k) {
        for (int s = 1; s <= 3; ++s) {
          for (int p = 0; p <= 2; ++p) {
            for (int d = 1; d <= 2; ++d) {
              for (int op = 0; op <= 2; ++op) {
                const AxisParams swept{n, k, s, p, d, op};
                AxisParams other{uniform(1, 4), uniform(1, 3), uniform(1, 3), 0, uniform(1, 2), 0};
                other.op = uniform(0, std::max(other.s, other.d) - 1);
                other.p = uniform(0, (NaiveOutSize(other) - 1) / 2);
                const AxisParams& ah = sweep_rows ? swept : other;
                const AxisParams& aw = sweep_rows ? other : swept;
                ConvTranspose2dSpec spec;
                spec.groups = uniform(1, 2);
                spec.input = Tensor3(spec.groups * uniform(1, 2), ah.n, aw.n);
                spec.weight = Tensor4(spec.input.c, uniform(1, 2), ah.k, aw.k);
                spec.input.data = RandomValues(rng, spec.input.data.size(), -3, 3);
                spec.weight.data = RandomValues(rng, spec.weight.data.size(), -3, 3);
                if (uniform(0, 1) == 1) {
                  spec.bias = RandomValues(rng, static_cast<size_t>(spec.weight.c) * spec.groups, -3, 3);
                }
                spec.stride = {ah.s, aw.s};
                spec.padding = {ah.p, aw.p};
                spec.dilation = {ah.d, aw.d};
                spec.output_padding = {ah.op, aw.op};
                const std::string where = "n" + std::to_string(n) + " k" + std::to_string(k) + " s" +
                                          std::to_string(s) + " p" + std::to_string(p) + " d" + std::to_string(d) +
                                          " op" + std::to_string(op) + (sweep_rows ? " rows" : " columns");
                Result<Tensor3> got = ConvTranspose2d(spec);
                const int out_h = NaiveOutSize(ah);
                const int out_w = NaiveOutSize(aw);
                const bool pytorch_accepts = (op < s || op < d) && out_h >= 1 && out_w >= 1;
                if (!pytorch_accepts) {
                  EXPECT_FALSE(got.ok()) << where;
                  ++refused;
                  continue;
                }
                ASSERT_TRUE(got.ok()) << where << ": " << got.error();
                ++checked;
                const Tensor3 want = NaiveConvTranspose2d(spec, out_h, out_w);
                ASSERT_EQ(got->c, want.c) << where;
                ASSERT_EQ(got->h, want.h) << where;
                ASSERT_EQ(got->w, want.w) << where;
                // Integer values keep every sum exact, whatever the order.
                EXPECT_EQ(got->data, want.data) << where;
              }
            }
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 500);
  EXPECT_GT(refused, 100);
}

TEST(ConvTranspose2dSweep, IsTheAdjointOfConv2dWithTheSameWeight) {
  // <Conv2d(x), y> = <x, ConvTranspose2d(y)> for every x and y, with the
  // output_padding that gives back x's size.
  std::mt19937 rng(7);
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int trial = 0; trial < 300; ++trial) {
    Conv2dSpec conv;
    conv.groups = uniform(1, 2);
    conv.input = Tensor3(conv.groups * uniform(1, 2), uniform(1, 7), uniform(1, 7));
    conv.weight = Tensor4(conv.groups * uniform(1, 2), conv.input.c / conv.groups, uniform(1, 3), uniform(1, 3));
    conv.stride = {uniform(1, 3), uniform(1, 3)};
    conv.dilation = {uniform(1, 2), uniform(1, 2)};
    const int ph = uniform(0, 2);
    const int pw = uniform(0, 2);
    conv.padding = {PaddingSpec::Kind::kExplicit, ph, ph, pw, pw};
    conv.input.data = RandomValues(rng, conv.input.data.size(), -3, 3);
    conv.weight.data = RandomValues(rng, conv.weight.data.size(), -3, 3);
    Result<Tensor3> forward = Conv2d(conv);
    if (!forward) continue;  // the kernel does not fit: nothing to transpose
    ConvTranspose2dSpec transpose;
    transpose.input = Tensor3(forward->c, forward->h, forward->w);
    transpose.input.data = RandomValues(rng, transpose.input.data.size(), -3, 3);
    transpose.weight = conv.weight;
    transpose.groups = conv.groups;
    transpose.stride = conv.stride;
    transpose.dilation = conv.dilation;
    transpose.padding = {ph, pw};
    // The rows the convolution's floor dropped come back as output_padding.
    transpose.output_padding = {
        (conv.input.h + 2 * ph - conv.dilation.h * (conv.weight.h - 1) - 1) % conv.stride.h,
        (conv.input.w + 2 * pw - conv.dilation.w * (conv.weight.w - 1) - 1) % conv.stride.w};
    Result<Tensor3> back = ConvTranspose2d(transpose);
    ASSERT_TRUE(back.ok()) << back.error();
    ASSERT_EQ(back->c, conv.input.c);
    ASSERT_EQ(back->h, conv.input.h);
    ASSERT_EQ(back->w, conv.input.w);
    EXPECT_EQ(Dot(forward->data, transpose.input.data), Dot(conv.input.data, back->data)) << "trial " << trial;
  }
}

// [SECTION] Validation

TEST(ConvTranspose2dValidation, SaysWhatIsWrong) {
  ConvTranspose2dSpec base;
  base.input = Tensor3(2, 3, 3, 1.0);
  base.weight = Tensor4(2, 1, 2, 2, 1.0);
  auto with = [&base](auto change) {
    ConvTranspose2dSpec s = base;
    change(s);
    return TransposeError(s);
  };
  EXPECT_EQ(with([](ConvTranspose2dSpec&) {}), "");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.input = Tensor3(); }),
            "the input is empty: it needs at least one channel, one row and one column");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.weight = Tensor4(); }),
            "the weight is empty: it needs at least one input channel with one output channel of 1\u00d71");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.groups = 0; }), "groups must be at least 1");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.groups = 3; }),
            "the image has 2 channels, which cannot be split into 3 equal groups");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.weight = Tensor4(3, 1, 2, 2); }),
            "the weight is laid out for 3 input channels (its first dimension) but the image has 2: they must match");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.bias = {1, 2}; }),
            "there are 1 output channels but 2 bias values: give one per output channel, or none");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) {
              s.groups = 2;
              s.bias = {1, 2};
            }),
            "");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.stride = {0, 1}; }), "stride must be at least 1");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.dilation = {1, 0}; }), "dilation must be at least 1");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.padding = {-1, 0}; }), "padding must not be negative");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.output_padding = {0, -1}; }), "output_padding must not be negative");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.stride = {kMaxSide + 1, 1}; }),
            "kernel sizes, strides, dilations and paddings above 16384 are not supported");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) {
              s.stride = {2, 2};
              s.output_padding = {1, 2};
            }),
            "output_padding of 2 columns must be smaller than the stride (2) or the dilation (1), as PyTorch requires");
  // Smaller than the dilation is enough.
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) {
              s.dilation = {3, 1};
              s.output_padding = {2, 0};
            }),
            "");
  // A 3x3 input and 2x2 kernel at stride 1 make 4 rows: padding 2 on both
  // sides leaves none.
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.padding = {2, 0}; }),
            "padding of 2 rows on each side cuts away all 4 rows of the transposed output: use at most 1");
  EXPECT_EQ(with([](ConvTranspose2dSpec& s) { s.stride = {kMaxSide, 1}; }),
            "the output would be larger than 16384 on a side");
}

TEST(ConvTranspose2dValidation, JsonErrorsNameTheField) {
  EXPECT_EQ(JsonError(R"("x")"), "the spec must be a JSON object with \"input\" and \"weight\"");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]]})"), "the spec has no \"weight\"");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "weight": [[[[1]]]], "output_padding": [1]})"),
            "output_padding must be a whole number or a list [height, width]");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "weight": [[[[1]]]], "padding": "same"})"),
            "padding must be a whole number or a list [height, width]");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "weight": [[[[1]]]], "groups": 1.5})"), "groups must be a whole number");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "weight": [[[[1]]]], "bias": [1, "b"]})"), "bias[1] is not a number");
  EXPECT_EQ(JsonError(R"({"input": [[[1]]], "weight": [[[[1]]]], "bias": null, "stride": [2, 1]})"), "");
}

}  // namespace
}  // namespace convstep
