// The exact backward pass against central finite differences of the forward
// pass, on random networks that together hold every layer type (the 1-D
// ones too, which the reference vectors lack), strides, dilation, 'same' and
// 'causal' padding, no bias, and Keras's 'same' pooling windows that
// PyTorch's pooling cannot express. The values are random and continuous,
// so no ReLU input sits at 0 and no pooling window holds a tie, where the
// derivative would not exist. Also: the 1-D layers are core/conv's 1-D
// operations, and Keras's 'same' pooling matches a naive reading of its
// rule.
#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "core/conv/conv1d.h"
#include "core/conv/pool1d.h"
#include "core/nn/backward.h"
#include "core/nn/forward.h"
#include "core/nn/network_shapes.h"
#include "core/nn/train_steps.h"

namespace convstep {
namespace {

LayerSpec Conv(LayerType type, int filters, Pair kernel, Pair strides, Pair dilation, KerasPadding padding,
               bool use_bias = true) {
  LayerSpec l;
  l.type = type;
  l.filters = filters;
  l.kernel_size = kernel;
  l.strides = strides;
  l.dilation_rate = dilation;
  l.padding = padding;
  l.use_bias = use_bias;
  return l;
}

LayerSpec Pool(LayerType type, Pair pool, std::optional<Pair> strides, KerasPadding padding) {
  LayerSpec l;
  l.type = type;
  l.pool_size = pool;
  l.strides = strides;
  l.padding = padding;
  return l;
}

LayerSpec Dense(int units, bool use_bias = true) {
  LayerSpec l;
  l.type = LayerType::kDense;
  l.units = units;
  l.use_bias = use_bias;
  return l;
}

LayerSpec Plain(LayerType type) {
  LayerSpec l;
  l.type = type;
  l.rate = 0.5;  // dropout's; the others ignore it
  return l;
}

Model ImageModel(int h, int w, int c, std::vector<LayerSpec> layers) {
  Model m;
  m.height = h;
  m.width = w;
  m.channels = c;
  m.layers = std::move(layers);
  return m;
}

Model SequenceModel(int steps, int c, std::vector<LayerSpec> layers) {
  Model m;
  m.sequence = true;
  m.height = 1;
  m.width = steps;
  m.channels = c;
  m.layers = std::move(layers);
  return m;
}

// `model` with random weights: uniform in [-1, 1], batchnorm's statistics
// and scale around 1 so that the variance is positive.
Network RandomNetwork(const Model& model, std::mt19937* rng) {
  std::uniform_real_distribution<double> weight(-1.0, 1.0);
  std::uniform_real_distribution<double> positive(0.5, 1.5);
  Network net;
  net.model = model;
  Result<std::vector<LayerShapes>> shapes = NetworkShapes(model);
  EXPECT_TRUE(shapes.ok()) << shapes.error();
  if (!shapes) return net;
  net.params.resize(model.layers.size());
  for (size_t i = 0; i < shapes->size(); ++i) {
    for (const ParamArray& array : (*shapes)[i].params) {
      std::vector<double>& values = *ParamValues(&net.params[i], array.name);
      values.resize(static_cast<size_t>(array.size()));
      const bool scale = array.name == "gamma" || array.name == "moving_variance";
      for (double& v : values) v = scale ? positive(*rng) : weight(*rng);
    }
  }
  return net;
}

Tensor3 RandomInput(const Model& model, std::mt19937* rng) {
  std::uniform_real_distribution<double> value(-1.0, 1.0);
  const ActivationShape s = ModelInputActivation(model);
  Tensor3 t(s.c, s.h, s.w);
  for (double& v : t.data) v = value(*rng);
  return t;
}

double Loss(const Network& net, const Tensor3& input, int target) {
  Result<std::vector<Tensor3>> acts = ForwardActivations(net, input);
  EXPECT_TRUE(acts.ok()) << acts.error();
  return acts ? CrossEntropy(acts->back().data, target) : 0.0;
}

// Central differences of the loss in `value`, put back after.
double Numerical(const Network& net, const Tensor3& input, int target, double* value) {
  constexpr double kH = 1e-6;
  const double saved = *value;
  *value = saved + kH;
  const double up = Loss(net, input, target);
  *value = saved - kH;
  const double down = Loss(net, input, target);
  *value = saved;
  return (up - down) / (2 * kH);
}

::testing::AssertionResult Agree(double analytic, double numerical) {
  const double tolerance = 1e-6 * std::max(std::abs(analytic), std::abs(numerical)) + 1e-8;
  if (std::abs(analytic - numerical) <= tolerance) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "analytic " << analytic << ", numerical " << numerical;
}

// Every gradient LossGradients gives for `model` with random weights and
// input, against finite differences; returns how many were checked.
int CheckGradients(const Model& model, unsigned seed) {
  std::mt19937 rng(seed);
  Network net = RandomNetwork(model, &rng);
  Tensor3 input = RandomInput(model, &rng);
  Result<int> classes = ClassCount(net);
  EXPECT_TRUE(classes.ok()) << classes.error();
  if (!classes) return 0;
  const int target = static_cast<int>(rng() % static_cast<unsigned>(*classes));
  Result<ExampleGradients> got = LossGradients(net, input, target);
  EXPECT_TRUE(got.ok()) << got.error();
  if (!got) return 0;
  Result<std::vector<LayerShapes>> shapes = NetworkShapes(model);
  int checked = 0;
  for (size_t i = 0; i < model.layers.size(); ++i) {
    for (const ParamArray& array : (*shapes)[i].params) {
      if (!array.trainable) continue;
      std::vector<double>& values = *ParamValues(&net.params[i], array.name);
      const std::vector<double>& grad = *GradValues(got->grads.layers[i], array.name);
      EXPECT_EQ(grad.size(), values.size()) << LayerLabel(model.layers, i) << " " << array.name;
      if (grad.size() != values.size()) continue;
      for (size_t k = 0; k < values.size(); ++k) {
        EXPECT_TRUE(Agree(grad[k], Numerical(net, input, target, &values[k])))
            << LayerLabel(model.layers, i) << " " << array.name << "[" << k << "]";
        ++checked;
      }
    }
    // The layers without parameters have no gradients of their own.
    if ((*shapes)[i].params.empty()) {
      const LayerGrads& g = got->grads.layers[i];
      EXPECT_TRUE(g.weight.empty() && g.bias.empty() && g.gamma.empty() && g.beta.empty());
    }
  }
  EXPECT_EQ(got->grads.input.data.size(), input.data.size());
  for (size_t k = 0; k < input.data.size(); ++k) {
    EXPECT_TRUE(Agree(got->grads.input.data[k], Numerical(net, input, target, &input.data[k]))) << "input[" << k << "]";
    ++checked;
  }
  return checked;
}

TEST(NnGradient, ImageNetworkWithStridesSamePaddingAndSamePooling) {
  const Model model = ImageModel(
      7, 8, 2,
      {Conv(LayerType::kConv2d, 3, {3, 3}, {2, 1}, {1, 1}, KerasPadding::kSame), Plain(LayerType::kBatchNorm),
       Plain(LayerType::kReLU),
       // 'same', stride 1, a 2×2 window: Keras pads 0 before and 1 after.
       Pool(LayerType::kMaxPool2d, {2, 2}, Pair{1, 1}, KerasPadding::kSame),
       Conv(LayerType::kConv2d, 2, {2, 2}, {1, 1}, {2, 2}, KerasPadding::kValid, false),
       // An average whose windows hang over the edge.
       Pool(LayerType::kAvgPool2d, {3, 2}, Pair{2, 2}, KerasPadding::kSame), Plain(LayerType::kDropout),
       Plain(LayerType::kFlatten), Dense(5), Plain(LayerType::kReLU), Dense(3)});
  for (unsigned seed : {1u, 2u, 3u}) EXPECT_GT(CheckGradients(model, seed), 100) << "seed " << seed;
}

TEST(NnGradient, ImageNetworkWithDilationPaddedMaxPoolingAndGlobalAverage) {
  const Model model = ImageModel(
      9, 7, 1,
      {Conv(LayerType::kConv2d, 3, {3, 2}, {1, 2}, {2, 1}, KerasPadding::kSame), Plain(LayerType::kReLU),
       // 'same' 3×3 at stride 1 pads 1 on every side: PyTorch's max pooling
       // with padding 1, run by Pool2dStepper.
       Pool(LayerType::kMaxPool2d, {3, 3}, Pair{1, 1}, KerasPadding::kSame),
       Pool(LayerType::kAvgPool2d, {2, 1}, Pair{1, 1}, KerasPadding::kValid),
       Plain(LayerType::kGlobalAvgPool2d), Plain(LayerType::kBatchNorm), Dense(4, false)});
  for (unsigned seed : {4u, 5u, 6u}) EXPECT_GT(CheckGradients(model, seed), 50) << "seed " << seed;
}

TEST(NnGradient, SequenceNetworkWithEveryOneDLayer) {
  const Model model = SequenceModel(
      20, 2,
      {Conv(LayerType::kConv1d, 3, {3, 3}, {1, 1}, {2, 2}, KerasPadding::kCausal), Plain(LayerType::kReLU),
       Pool(LayerType::kMaxPool1d, {2, 2}, std::nullopt, KerasPadding::kValid),
       Conv(LayerType::kConv1d, 3, {3, 3}, {2, 2}, {1, 1}, KerasPadding::kSame), Plain(LayerType::kBatchNorm),
       Pool(LayerType::kAvgPool1d, {3, 3}, Pair{1, 1}, KerasPadding::kSame),
       Conv(LayerType::kConv1d, 2, {2, 2}, {1, 1}, {1, 1}, KerasPadding::kValid, false),
       Plain(LayerType::kGlobalAvgPool1d), Dense(3)});
  for (unsigned seed : {7u, 8u, 9u}) EXPECT_GT(CheckGradients(model, seed), 50) << "seed " << seed;
}

TEST(NnGradient, SequenceNetworkWithSameMaxPoolingAndFlatten) {
  const Model model = SequenceModel(
      12, 1,
      {Conv(LayerType::kConv1d, 2, {5, 5}, {1, 1}, {1, 1}, KerasPadding::kSame), Plain(LayerType::kReLU),
       Pool(LayerType::kMaxPool1d, {3, 3}, Pair{2, 2}, KerasPadding::kSame),
       Pool(LayerType::kAvgPool1d, {2, 2}, std::nullopt, KerasPadding::kValid), Plain(LayerType::kFlatten),
       Plain(LayerType::kDropout), Dense(4)});
  for (unsigned seed : {10u, 11u, 12u}) EXPECT_GT(CheckGradients(model, seed), 20) << "seed " << seed;
}

// One step of SGD without momentum is w - lr * (the batch's mean gradient):
// TrainSteps's gradients are LossGradients's, averaged.
TEST(NnGradient, OneSgdStepMovesEachWeightByTheMeanGradient) {
  const Model model = SequenceModel(10, 1,
                                    {Conv(LayerType::kConv1d, 2, {3, 3}, {1, 1}, {1, 1}, KerasPadding::kCausal),
                                     Plain(LayerType::kReLU), Plain(LayerType::kFlatten), Dense(3)});
  std::mt19937 rng(13);
  TrainStepsSpec spec;
  spec.network = RandomNetwork(model, &rng);
  spec.inputs = {RandomInput(model, &rng), RandomInput(model, &rng), RandomInput(model, &rng)};
  spec.targets = {0, 2, 1};
  spec.optimizer.type = OptimizerType::kSgd;
  spec.optimizer.lr = 0.25;
  spec.steps = 1;
  Result<TrainStepsResult> trained = TrainSteps(spec);
  ASSERT_TRUE(trained.ok()) << trained.error();
  std::vector<LayerGrads> mean(model.layers.size());
  double loss = 0;
  for (size_t b = 0; b < spec.inputs.size(); ++b) {
    Result<ExampleGradients> g = LossGradients(spec.network, spec.inputs[b], spec.targets[b]);
    ASSERT_TRUE(g.ok()) << g.error();
    loss += g->loss / 3;
    for (size_t i = 0; i < mean.size(); ++i) {
      for (const char* name : {"weight", "bias"}) {
        const std::vector<double>& one = *GradValues(g->grads.layers[i], name);
        std::vector<double>& sum = *GradValues(&mean[i], name);
        sum.resize(one.size());
        for (size_t k = 0; k < one.size(); ++k) sum[k] += one[k] / 3;
      }
    }
  }
  ASSERT_EQ(trained->losses.size(), 1u);
  EXPECT_NEAR(trained->losses[0], loss, 1e-12);
  for (size_t i = 0; i < mean.size(); ++i) {
    for (const char* name : {"weight", "bias"}) {
      const std::vector<double>& before = *ParamValues(spec.network.params[i], name);
      const std::vector<double>& after = *ParamValues(trained->network.params[i], name);
      ASSERT_EQ(before.size(), after.size());
      for (size_t k = 0; k < before.size(); ++k) {
        EXPECT_NEAR(after[k], before[k] - 0.25 * (*GradValues(&mean[i], name))[k], 1e-12) << name << k;
      }
    }
  }
}

// A conv1d layer is core/conv's Conv1d, and a 'valid' 1-D pooling is
// Pool1dStepper, on the [C][L] signal the activation holds one row high.
TEST(NnGradient, OneDLayersAreTheOneDOperations) {
  const Model model =
      SequenceModel(16, 2,
                    {Conv(LayerType::kConv1d, 3, {3, 3}, {2, 2}, {2, 2}, KerasPadding::kCausal),
                     Pool(LayerType::kMaxPool1d, {2, 2}, std::nullopt, KerasPadding::kValid),
                     Pool(LayerType::kAvgPool1d, {2, 2}, Pair{1, 1}, KerasPadding::kValid)});
  std::mt19937 rng(14);
  const Network net = RandomNetwork(model, &rng);
  const Tensor3 input = RandomInput(model, &rng);
  Result<std::vector<Tensor3>> acts = ForwardActivations(net, input);
  ASSERT_TRUE(acts.ok()) << acts.error();

  Conv1dSpec conv;
  conv.input = AsSignal(input);
  conv.weight = Tensor3(3, 2, 3);
  conv.weight.data = net.params[0].weight;
  conv.bias = net.params[0].bias;
  conv.stride = 2;
  conv.dilation = 2;
  conv.padding.kind = Padding1dSpec::Kind::kCausal;
  Result<Tensor2> want = Conv1d(conv);
  ASSERT_TRUE(want.ok()) << want.error();
  EXPECT_EQ(want->data, (*acts)[0].data);

  for (int layer : {1, 2}) {
    Pool1dSpec pool;
    pool.input = AsSignal((*acts)[static_cast<size_t>(layer - 1)]);
    pool.mode = layer == 1 ? PoolMode::kMax : PoolMode::kAvg;
    pool.kernel = 2;
    pool.stride = layer == 1 ? 2 : 1;
    Result<Pool1dStepper> stepper = Pool1dStepper::Create(pool);
    ASSERT_TRUE(stepper.ok()) << stepper.error();
    EXPECT_EQ(stepper->Output().data, (*acts)[static_cast<size_t>(layer)].data) << "layer " << layer + 1;
  }
}

// Keras's 'same' pooling read naively: output o's window starts at o·s -
// floor(P/2) with P = max((ceil(n/s) - 1)s + k - n, 0); max takes the
// largest input inside, average the mean of the inputs inside.
double NaiveSamePool(const Tensor3& in, int c, int oy, int ox, Pair k, Pair s, bool max) {
  const auto before = [](int n, int kk, int ss) {
    const int out = (n + ss - 1) / ss;
    return std::max((out - 1) * ss + kk - n, 0) / 2;
  };
  const int top = oy * s.h - before(in.h, k.h, s.h);
  const int left = ox * s.w - before(in.w, k.w, s.w);
  double best = -INFINITY;
  double sum = 0;
  int count = 0;
  for (int y = top; y < top + k.h; ++y) {
    for (int x = left; x < left + k.w; ++x) {
      if (y < 0 || y >= in.h || x < 0 || x >= in.w) continue;
      best = std::max(best, in.at(c, y, x));
      sum += in.at(c, y, x);
      ++count;
    }
  }
  return max ? best : sum / count;
}

TEST(NnGradient, KerasSamePoolingIsItsRule) {
  std::mt19937 rng(15);
  for (const Pair k : {Pair{2, 2}, Pair{3, 2}, Pair{3, 3}, Pair{1, 4}}) {
    for (const Pair s : {Pair{1, 1}, Pair{2, 2}, Pair{2, 3}, Pair{3, 1}}) {
      for (const LayerType type : {LayerType::kMaxPool2d, LayerType::kAvgPool2d}) {
        const Model model = ImageModel(7, 6, 2, {Pool(type, k, s, KerasPadding::kSame)});
        const Network net = RandomNetwork(model, &rng);
        const Tensor3 input = RandomInput(model, &rng);
        Result<std::vector<Tensor3>> acts = ForwardActivations(net, input);
        ASSERT_TRUE(acts.ok()) << acts.error();
        const Tensor3& out = acts->back();
        EXPECT_EQ(out.h, (7 + s.h - 1) / s.h);
        EXPECT_EQ(out.w, (6 + s.w - 1) / s.w);
        for (int c = 0; c < out.c; ++c) {
          for (int y = 0; y < out.h; ++y) {
            for (int x = 0; x < out.w; ++x) {
              EXPECT_DOUBLE_EQ(out.at(c, y, x),
                               NaiveSamePool(input, c, y, x, k, s, type == LayerType::kMaxPool2d))
                  << k.h << "x" << k.w << " stride " << s.h << "x" << s.w << " at " << c << "," << y << "," << x;
            }
          }
        }
      }
    }
  }
}

// Where PyTorch's pooling is the computation, the Pooling tab gets it; where
// it is not, the reason.
TEST(NnGradient, LayerPool2dSpecOnlyWherePyTorchPoolsTheSame) {
  const Tensor3 input(1, 6, 6, 1.0);
  const auto spec_of = [&](LayerType type, Pair k, Pair s, KerasPadding padding) {
    Network net;
    net.model = ImageModel(6, 6, 1, {Pool(type, k, s, padding)});
    net.params.resize(1);
    return LayerPool2dSpec(net, 0, input);
  };
  // 'same' with 2×2 windows at stride 2 on an even side pads nothing.
  Result<Pool2dSpec> even = spec_of(LayerType::kAvgPool2d, {2, 2}, {2, 2}, KerasPadding::kSame);
  ASSERT_TRUE(even.ok()) << even.error();
  EXPECT_EQ(even->padding, (Pair{0, 0}));
  // A 3×3 max at stride 1 pads 1 on each side: PyTorch's padding=1.
  Result<Pool2dSpec> max3 = spec_of(LayerType::kMaxPool2d, {3, 3}, {1, 1}, KerasPadding::kSame);
  ASSERT_TRUE(max3.ok()) << max3.error();
  EXPECT_EQ(max3->padding, (Pair{1, 1}));
  EXPECT_EQ(max3->stride, (Pair{1, 1}));
  Result<Pool2dSpec> avg3 = spec_of(LayerType::kAvgPool2d, {3, 3}, {1, 1}, KerasPadding::kSame);
  ASSERT_FALSE(avg3.ok());
  EXPECT_NE(avg3.error().find("count_include_pad"), std::string::npos) << avg3.error();
  Result<Pool2dSpec> max2 = spec_of(LayerType::kMaxPool2d, {2, 2}, {1, 1}, KerasPadding::kSame);
  ASSERT_FALSE(max2.ok());
  EXPECT_EQ(max2.error(), "Keras's 'same' pads this window 0 rows above and 1 below: PyTorch's pooling pads both "
                          "sides alike");
}

}  // namespace
}  // namespace convstep
