// The starting weights (core/nn/init.h): bounds and fans from torch.nn's and
// Keras's formulas, reproducibility from the seed, and the moments of a
// large layer against those of the uniform distribution.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

#include "core/nn/init.h"

namespace convstep {
namespace {

LayerSpec Conv(int filters, int k) {
  LayerSpec l;
  l.type = LayerType::kConv2d;
  l.filters = filters;
  l.kernel_size = {k, k};
  return l;
}

LayerSpec Dense(int units) {
  LayerSpec l;
  l.type = LayerType::kDense;
  l.units = units;
  return l;
}

LayerSpec Of(LayerType type) {
  LayerSpec l;
  l.type = type;
  return l;
}

// 28x28x1: Conv2D 32 3x3, ReLU, MaxPooling 2, Conv2D 64 3x3, BatchNorm,
// Flatten, Dense 10.
Model SmallModel() {
  Model m;
  m.height = 28;
  m.width = 28;
  m.channels = 1;
  m.layers = {Conv(32, 3), Of(LayerType::kReLU), Of(LayerType::kMaxPool2d), Conv(64, 3), Of(LayerType::kBatchNorm),
              Of(LayerType::kFlatten), Dense(10)};
  return m;
}

TEST(InitTest, UnitUniformTakesTheTop53Bits) {
  EXPECT_EQ(UnitUniform(0), 0.0);
  EXPECT_EQ(UnitUniform(~std::uint64_t{0}), 1.0 - std::ldexp(1.0, -53));
  EXPECT_EQ(UnitUniform(std::uint64_t{1} << 63), 0.5);
  EXPECT_EQ(UnitUniform((std::uint64_t{1} << 11) - 1), 0.0);  // the low 11 bits are dropped
  EXPECT_EQ(UnitUniform(std::uint64_t{1} << 11), std::ldexp(1.0, -53));
}

TEST(InitTest, TheGeneratorIsTheStandardOne) {
  // The standard fixes mt19937_64's 10000th value from the default seed
  // ([rand.predef]): the same seed gives the same network everywhere.
  std::mt19937_64 rng;
  rng.discard(9999);
  EXPECT_EQ(rng(), 9981545732273789042ull);
}

TEST(InitTest, FansOfAConvolutionAndADenseLayer) {
  // A 3x3 convolution of 32 filters over 16 channels: fan_in 16*9, fan_out 32*9.
  const Fans conv = LayerFans(Conv(32, 3), {13, 13, 16});
  EXPECT_EQ(conv.in, 144);
  EXPECT_EQ(conv.out, 288);
  const Fans dense = LayerFans(Dense(10), {1152});
  EXPECT_EQ(dense.in, 1152);
  EXPECT_EQ(dense.out, 10);
  const Fans relu = LayerFans(Of(LayerType::kReLU), {4, 4, 3});
  EXPECT_EQ(relu.in, 0);
  EXPECT_EQ(relu.out, 0);
}

TEST(InitTest, PyTorchBoundsAreOneOverRootFanIn) {
  Result<Network> net = InitNetwork(SmallModel(), InitScheme::kPyTorch, 42);
  ASSERT_TRUE(net.ok()) << net.error();
  ASSERT_EQ(net->params.size(), 7u);
  // fan_in: 1*9, 32*9, and 64*11*11 for the dense layer after flatten.
  // Indexed by layer; the layers without weights are 0.
  const double bounds[] = {1.0 / 3.0, 0, 0, 1.0 / std::sqrt(288.0), 0, 0, 1.0 / std::sqrt(7744.0)};
  const std::size_t sizes[] = {32 * 9, 0, 0, 64 * 32 * 9, 0, 0, 10 * 7744};
  for (int i : {0, 3, 6}) {
    const LayerParams& p = net->params[static_cast<std::size_t>(i)];
    ASSERT_EQ(p.weight.size(), sizes[i]) << "layer " << i;
    ASSERT_EQ(p.bias.size(), i == 6 ? 10u : (i == 0 ? 32u : 64u));
    for (double v : p.weight) ASSERT_LE(std::abs(v), bounds[i]);
    for (double v : p.bias) ASSERT_LE(std::abs(v), bounds[i]);
    // The extremes come within a few percent of the bound (thousands of draws).
    const double largest = std::abs(*std::max_element(p.weight.begin(), p.weight.end(),
                                                      [](double a, double b) { return std::abs(a) < std::abs(b); }));
    EXPECT_GT(largest, 0.97 * bounds[i]) << "layer " << i;
  }
  for (int i : {1, 2, 5}) {
    EXPECT_TRUE(net->params[static_cast<std::size_t>(i)].weight.empty());
    EXPECT_TRUE(net->params[static_cast<std::size_t>(i)].bias.empty());
  }
}

TEST(InitTest, GlorotBoundsAndZeroBiases) {
  Result<Network> net = InitNetwork(SmallModel(), InitScheme::kGlorot, 42);
  ASSERT_TRUE(net.ok()) << net.error();
  // sqrt(6 / (fan_in + fan_out)): (9 + 288), (288 + 576), (7744 + 10).
  const double bounds[] = {std::sqrt(6.0 / 297.0), std::sqrt(6.0 / 864.0), std::sqrt(6.0 / 7754.0)};
  const int layers[] = {0, 3, 6};
  for (int k = 0; k < 3; ++k) {
    const LayerParams& p = net->params[static_cast<std::size_t>(layers[k])];
    for (double v : p.weight) ASSERT_LE(std::abs(v), bounds[k]);
    ASSERT_FALSE(p.bias.empty());
    for (double v : p.bias) ASSERT_EQ(v, 0.0);
  }
}

TEST(InitTest, BatchNormStartsAsTheIdentity) {
  Result<Network> net = InitNetwork(SmallModel(), InitScheme::kPyTorch, 1);
  ASSERT_TRUE(net.ok()) << net.error();
  const LayerParams& bn = net->params[4];
  ASSERT_EQ(bn.gamma.size(), 64u);
  for (std::size_t c = 0; c < 64; ++c) {
    EXPECT_EQ(bn.gamma[c], 1.0);
    EXPECT_EQ(bn.beta[c], 0.0);
    EXPECT_EQ(bn.moving_mean[c], 0.0);
    EXPECT_EQ(bn.moving_variance[c], 1.0);
  }
  EXPECT_EQ(bn.epsilon, 1e-3);
}

TEST(InitTest, NoBiasWhenUseBiasIsFalse) {
  Model m = SmallModel();
  m.layers[0].use_bias = false;
  Result<Network> net = InitNetwork(m, InitScheme::kPyTorch, 1);
  ASSERT_TRUE(net.ok()) << net.error();
  EXPECT_TRUE(net->params[0].bias.empty());
  EXPECT_EQ(net->params[0].weight.size(), 288u);
}

TEST(InitTest, TheSameSeedGivesTheSameWeights) {
  Result<Network> a = InitNetwork(SmallModel(), InitScheme::kPyTorch, 7);
  Result<Network> b = InitNetwork(SmallModel(), InitScheme::kPyTorch, 7);
  Result<Network> c = InitNetwork(SmallModel(), InitScheme::kPyTorch, 8);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  for (std::size_t i = 0; i < a->params.size(); ++i) {
    EXPECT_EQ(a->params[i].weight, b->params[i].weight);
    EXPECT_EQ(a->params[i].bias, b->params[i].bias);
  }
  std::size_t same = 0;
  for (std::size_t k = 0; k < a->params[3].weight.size(); ++k) same += a->params[3].weight[k] == c->params[3].weight[k];
  EXPECT_EQ(same, 0u);
}

TEST(InitTest, ALargeLayerHasTheUniformMoments) {
  // U(-b, b): mean 0, variance b^2 / 3. 77,440 draws: the sample mean's
  // standard error is b / sqrt(3 * 77440) = 0.0021 b, its variance's
  // (b^2 sqrt(4/45) / sqrt(77440)) = 0.0011 b^2; five of them are allowed.
  Result<Network> net = InitNetwork(SmallModel(), InitScheme::kPyTorch, 3);
  ASSERT_TRUE(net.ok()) << net.error();
  const std::vector<double>& w = net->params[6].weight;
  const double b = 1.0 / std::sqrt(7744.0);
  double mean = 0.0;
  for (double v : w) mean += v;
  mean /= static_cast<double>(w.size());
  double var = 0.0;
  for (double v : w) var += (v - mean) * (v - mean);
  var /= static_cast<double>(w.size());
  EXPECT_NEAR(mean, 0.0, 5 * 0.0021 * b);
  EXPECT_NEAR(var, b * b / 3.0, 5 * 0.0011 * b * b);
}

TEST(InitTest, AModelWithoutShapesIsRefused) {
  Model m = SmallModel();
  m.layers[0].kernel_size = {40, 40};
  Result<Network> net = InitNetwork(m, InitScheme::kPyTorch, 1);
  ASSERT_FALSE(net.ok());
  EXPECT_NE(net.error().find("does not fit"), std::string::npos) << net.error();
}

}  // namespace
}  // namespace convstep
