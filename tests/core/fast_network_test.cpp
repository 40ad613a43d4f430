// The fast training path (core/nn/fast_network.h, fast_train.h) against
// PyTorch's reference vectors (nn_cases.json: activations, loss and every
// gradient of one image; train_cases.json: losses and weights after steps
// of SGD and Adam), against an independent float64 reference with finite
// differences on the layers those vectors do not reach (strides, dilation,
// "same" pooling), and on the promises of the API: threads agree, seeds
// reproduce, a small task is learnt, a window can stop an epoch.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/formats/network_json.h"
#include "core/nn/architectures.h"
#include "core/nn/backward.h"
#include "core/nn/fast_network.h"
#include "core/nn/fast_train.h"
#include "core/nn/forward.h"
#include "core/nn/init.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::LoadGolden;

// [SECTION] Reading the reference vectors

// Every number of a nested JSON list, in row-major order.
void FlattenInto(const Json& j, std::vector<double>* out) {
  if (j.is_array()) {
    for (const Json& e : j) FlattenInto(e, out);
  } else {
    out->push_back(j.get<double>());
  }
}

std::vector<double> Flat(const Json& j) {
  std::vector<double> out;
  FlattenInto(j, &out);
  return out;
}

std::vector<float> FlatF(const Json& j) {
  const std::vector<double> d = Flat(j);
  return std::vector<float>(d.begin(), d.end());
}

// A golden model, read by the core's network reader.
Network GoldenNetwork(const Json& model) {
  Result<Network> net = NetworkFromJson(model);
  EXPECT_TRUE(net.ok()) << (net ? "" : net.error());
  return net ? *net : Network{};
}

// float32 against float64: each value within 1e-4 of the largest magnitude
// of its tensor (float's 6e-8 relative error, grown over a few hundred
// operations, stays far below).
void ExpectClose(const std::vector<float>& got, const std::vector<double>& want, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  double scale = 1e-6;
  for (double v : want) scale = std::max(scale, std::abs(v));
  for (std::size_t i = 0; i < want.size(); ++i) {
    ASSERT_NEAR(got[i], want[i], 1e-4 * scale) << what << " [" << i << "]";
  }
}

// A layer's parameter array (or its gradient's) by the name network.h gives it.
const std::vector<float>& Named(const FastParams& p, const std::string& name) {
  if (name == "weight") return p.weight;
  if (name == "bias") return p.bias;
  if (name == "gamma") return p.gamma;
  return p.beta;
}

FastNetwork MakeFast(const Network& net, int threads = 1, std::uint64_t seed = 0) {
  Result<FastNetwork> fast = FastNetwork::Create(net, threads, seed);
  EXPECT_TRUE(fast.ok()) << (fast ? "" : fast.error());
  return std::move(fast).value();
}

OptimizerSpec GoldenOptimizer(const Json& j) {
  OptimizerSpec spec;
  spec.lr = j["lr"].get<double>();
  if (j["type"] == "sgd") {
    spec.type = OptimizerType::kSgd;
    spec.momentum = j["momentum"].get<double>();
  } else {
    spec.type = OptimizerType::kAdam;
    spec.beta1 = j["beta1"].get<double>();
    spec.beta2 = j["beta2"].get<double>();
    spec.epsilon = j["epsilon"].get<double>();
  }
  return spec;
}

// [SECTION] PyTorch's reference vectors

TEST(FastNetworkGoldenTest, ActivationsLossAndGradientsOfEveryCase) {
  const Json cases = LoadGolden("nn_cases.json");
  ASSERT_EQ(cases.size(), 30u);
  for (std::size_t k = 0; k < cases.size(); ++k) {
    SCOPED_TRACE("case " + std::to_string(k));
    const Json& c = cases[k];
    FastNetwork fast = MakeFast(GoldenNetwork(c["model"]));
    const std::vector<float> input = FlatF(c["input"]);
    const std::vector<std::uint8_t> label{static_cast<std::uint8_t>(c["target"].get<int>())};
    // PyTorch computed them in eval mode: dropout passes everything, batchnorm uses its moving statistics.
    Result<double> loss = fast.ComputeGradients(input, label, FastMode::kEval);
    ASSERT_TRUE(loss.ok()) << loss.error();
    EXPECT_NEAR(*loss, c["expect"]["loss"].get<double>(), 1e-4 * std::max(1.0, c["expect"]["loss"].get<double>()));
    const Json& acts = c["expect"]["activations"];
    for (std::size_t i = 0; i < acts.size(); ++i) {
      ExpectClose(fast.LayerOutput(static_cast<int>(i), 0), Flat(acts[i]), "activation " + std::to_string(i));
    }
    ExpectClose(fast.LayerOutput(static_cast<int>(acts.size()) - 1, 0), Flat(c["expect"]["logits"]), "logits");
    const Json& grads = c["expect"]["grads"];
    for (std::size_t i = 0; i < grads.size(); ++i) {
      const FastParams& g = fast.Gradients(static_cast<int>(i));
      if (grads[i].is_null()) {
        EXPECT_TRUE(g.weight.empty() && g.gamma.empty()) << "layer " << i;
        continue;
      }
      for (const char* name : {"weight", "bias", "gamma", "beta"}) {
        if (!grads[i].contains(name)) continue;
        ExpectClose(Named(g, name), Flat(grads[i][name]), std::string(name) + " grad " + std::to_string(i));
      }
    }
  }
}

TEST(FastNetworkGoldenTest, ForwardGivesTheLogitsOfABatch) {
  // Every case's image in one batch through the same network: the logits
  // of each stay those of the image alone.
  const Json cases = LoadGolden("nn_cases.json");
  const Json& c = cases[1];
  FastNetwork fast = MakeFast(GoldenNetwork(c["model"]), 2);
  std::vector<float> batch;
  for (int copy = 0; copy < 5; ++copy) {
    std::vector<float> image = FlatF(c["input"]);
    for (float& v : image) v *= static_cast<float>(copy + 1) / 5.0f;
    batch.insert(batch.end(), image.begin(), image.end());
  }
  Result<std::vector<float>> logits = fast.Forward(batch);
  ASSERT_TRUE(logits.ok()) << logits.error();
  const std::vector<double> want = Flat(c["expect"]["logits"]);
  const std::size_t classes = want.size();
  ASSERT_EQ(logits->size(), 5 * classes);
  const std::vector<float> last(logits->end() - static_cast<std::ptrdiff_t>(classes), logits->end());
  ExpectClose(last, want, "the unscaled copy's logits");
}

TEST(FastNetworkGoldenTest, TrainingStepsOfSgdAndAdam) {
  const Json cases = LoadGolden("train_cases.json");
  ASSERT_EQ(cases.size(), 10u);
  for (std::size_t k = 0; k < cases.size(); ++k) {
    SCOPED_TRACE("case " + std::to_string(k));
    const Json& c = cases[k];
    for (int threads : {1, 2}) {
      SCOPED_TRACE("threads " + std::to_string(threads));
      FastNetwork fast = MakeFast(GoldenNetwork(c["model"]), threads);
      const std::vector<float> inputs = FlatF(c["inputs"]);
      std::vector<std::uint8_t> targets;
      for (const Json& t : c["targets"]) targets.push_back(static_cast<std::uint8_t>(t.get<int>()));
      const OptimizerSpec spec = GoldenOptimizer(c["optimizer"]);
      const Json& losses = c["expect"]["losses"];
      ASSERT_EQ(losses.size(), c["steps"].get<std::size_t>());
      for (std::size_t s = 0; s < losses.size(); ++s) {
        Result<double> loss = fast.TrainBatch(inputs, targets, spec);
        ASSERT_TRUE(loss.ok()) << loss.error();
        EXPECT_NEAR(*loss, losses[s].get<double>(), 1e-4 * std::max(1.0, losses[s].get<double>())) << "step " << s;
      }
      const Json& after = c["expect"]["weights_after"];
      for (std::size_t i = 0; i < after.size(); ++i) {
        if (after[i].is_null()) continue;
        ExpectClose(fast.Params(static_cast<int>(i)).weight, Flat(after[i]["weight"]), "weight " + std::to_string(i));
        ExpectClose(fast.Params(static_cast<int>(i)).bias, Flat(after[i]["bias"]), "bias " + std::to_string(i));
      }
    }
  }
}

// [SECTION] An independent float64 reference

LayerSpec Conv(int filters, Pair k, Pair strides = {1, 1}, KerasPadding padding = KerasPadding::kValid,
               Pair dilation = {1, 1}, bool use_bias = true) {
  LayerSpec l;
  l.type = LayerType::kConv2d;
  l.filters = filters;
  l.kernel_size = k;
  l.strides = strides;
  l.padding = padding;
  l.dilation_rate = dilation;
  l.use_bias = use_bias;
  return l;
}

LayerSpec Pool(LayerType type, Pair size, Pair strides, KerasPadding padding) {
  LayerSpec l;
  l.type = type;
  l.pool_size = size;
  l.strides = strides;
  l.padding = padding;
  return l;
}

LayerSpec Dense(int units) {
  LayerSpec l;
  l.type = LayerType::kDense;
  l.units = units;
  return l;
}

LayerSpec Of(LayerType type, double rate = 0.0) {
  LayerSpec l;
  l.type = type;
  l.rate = rate;
  return l;
}

Model ModelOf(int h, int w, int c, std::vector<LayerSpec> layers) {
  Model m;
  m.height = h;
  m.width = w;
  m.channels = c;
  m.layers = std::move(layers);
  return m;
}

// One map [C][H][W] or flat values (h = w = 1), in float64.
struct Values {
  int c = 0;
  int h = 1;
  int w = 1;
  std::vector<double> v;
  double at(int ci, int y, int x) const { return v[(static_cast<std::size_t>(ci) * h + y) * w + x]; }
};

// Keras's output size and padding before, from its formulas: "same" gives
// ceil(n / s) and pads max((out - 1)s + d(k - 1) + 1 - n, 0), the smaller
// half before; "valid" gives floor((n - d(k - 1) - 1) / s) + 1.
void Axis(int n, int k, int s, int d, KerasPadding padding, int* out, int* before) {
  if (padding == KerasPadding::kSame) {
    *out = (n + s - 1) / s;
    *before = std::max((*out - 1) * s + d * (k - 1) + 1 - n, 0) / 2;
  } else {
    *out = (n - d * (k - 1) - 1) / s + 1;
    *before = 0;
  }
}

Values NaiveConv(const LayerSpec& l, const LayerParams& p, const Values& x) {
  const Pair s = l.strides.value_or(Pair{1, 1});
  Values y;
  y.c = l.filters;
  int top = 0;
  int left = 0;
  Axis(x.h, l.kernel_size.h, s.h, l.dilation_rate.h, l.padding, &y.h, &top);
  Axis(x.w, l.kernel_size.w, s.w, l.dilation_rate.w, l.padding, &y.w, &left);
  for (int f = 0; f < y.c; ++f) {
    for (int oy = 0; oy < y.h; ++oy) {
      for (int ox = 0; ox < y.w; ++ox) {
        double sum = p.bias.empty() ? 0.0 : p.bias[static_cast<std::size_t>(f)];
        for (int c = 0; c < x.c; ++c) {
          for (int ky = 0; ky < l.kernel_size.h; ++ky) {
            for (int kx = 0; kx < l.kernel_size.w; ++kx) {
              const int iy = oy * s.h + ky * l.dilation_rate.h - top;
              const int ix = ox * s.w + kx * l.dilation_rate.w - left;
              if (iy < 0 || iy >= x.h || ix < 0 || ix >= x.w) continue;
              sum += p.weight[((static_cast<std::size_t>(f) * x.c + c) * l.kernel_size.h + ky) * l.kernel_size.w + kx] *
                     x.at(c, iy, ix);
            }
          }
        }
        y.v.push_back(sum);
      }
    }
  }
  return y;
}

// Max or average over the inputs inside each window (TensorFlow's "same").
Values NaivePool(const LayerSpec& l, const Values& x) {
  const Pair s = l.strides.value_or(l.pool_size);
  Values y;
  y.c = x.c;
  int top = 0;
  int left = 0;
  Axis(x.h, l.pool_size.h, s.h, 1, l.padding, &y.h, &top);
  Axis(x.w, l.pool_size.w, s.w, 1, l.padding, &y.w, &left);
  for (int c = 0; c < x.c; ++c) {
    for (int oy = 0; oy < y.h; ++oy) {
      for (int ox = 0; ox < y.w; ++ox) {
        double best = -1e300;
        double sum = 0.0;
        int inside = 0;
        for (int ky = 0; ky < l.pool_size.h; ++ky) {
          for (int kx = 0; kx < l.pool_size.w; ++kx) {
            const int iy = oy * s.h + ky - top;
            const int ix = ox * s.w + kx - left;
            if (iy < 0 || iy >= x.h || ix < 0 || ix >= x.w) continue;
            best = std::max(best, x.at(c, iy, ix));
            sum += x.at(c, iy, ix);
            ++inside;
          }
        }
        y.v.push_back(l.type == LayerType::kMaxPool2d ? best : sum / inside);
      }
    }
  }
  return y;
}

Values NaiveLayer(const LayerSpec& l, const LayerParams& p, const Values& x) {
  Values y = x;
  switch (l.type) {
    case LayerType::kConv2d:
      return NaiveConv(l, p, x);
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d:
      return NaivePool(l, x);
    case LayerType::kReLU:
      for (double& v : y.v) v = std::max(v, 0.0);
      return y;
    case LayerType::kFlatten:
      return {static_cast<int>(x.v.size()), 1, 1, x.v};
    case LayerType::kGlobalAvgPool2d: {
      Values g{x.c, 1, 1, std::vector<double>(static_cast<std::size_t>(x.c), 0.0)};
      for (std::size_t i = 0; i < x.v.size(); ++i) g.v[i / static_cast<std::size_t>(x.h * x.w)] += x.v[i] / (x.h * x.w);
      return g;
    }
    case LayerType::kDense: {
      Values d{l.units, 1, 1, p.bias};
      for (std::size_t u = 0; u < d.v.size(); ++u) {
        for (std::size_t i = 0; i < x.v.size(); ++i) d.v[u] += p.weight[u * x.v.size() + i] * x.v[i];
      }
      return d;
    }
    default:
      return y;  // dropout in eval mode
  }
}

// The mean cross-entropy of a batch through the float64 reference.
double NaiveLoss(const Network& net, const std::vector<double>& images, const std::vector<std::uint8_t>& labels) {
  const auto size = static_cast<std::size_t>(net.model.channels * net.model.height * net.model.width);
  double total = 0.0;
  for (std::size_t b = 0; b < labels.size(); ++b) {
    Values x{net.model.channels, net.model.height, net.model.width,
             std::vector<double>(images.begin() + static_cast<std::ptrdiff_t>(b * size),
                                 images.begin() + static_cast<std::ptrdiff_t>((b + 1) * size))};
    for (std::size_t i = 0; i < net.model.layers.size(); ++i) x = NaiveLayer(net.model.layers[i], net.params[i], x);
    const double top = *std::max_element(x.v.begin(), x.v.end());
    double sum = 0.0;
    for (double z : x.v) sum += std::exp(z - top);
    total += std::log(sum) + top - x.v[labels[b]];
  }
  return total / static_cast<double>(labels.size());
}

std::vector<double> Uniform(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> v(n);
  for (double& x : v) x = UnitUniform(rng());
  return v;
}

// Gradients against central differences of the float64 reference, for
// models whose layers nn_cases.json does not reach: strides and "same" on
// both axes, dilation, rectangular windows, "same" max and average pooling
// with the padding left out, no bias.
TEST(FastNetworkReferenceTest, GradientsMatchFiniteDifferencesOnStridesDilationAndSamePooling) {
  const KerasPadding same = KerasPadding::kSame;
  const KerasPadding valid = KerasPadding::kValid;
  const std::vector<Model> models = {
      ModelOf(11, 10, 2,
              {Conv(4, {3, 3}, {2, 2}, same), Of(LayerType::kReLU), Pool(LayerType::kMaxPool2d, {3, 3}, {2, 2}, same),
               Conv(3, {2, 2}, {1, 1}, same, {2, 2}), Pool(LayerType::kAvgPool2d, {2, 2}, {1, 1}, same),
               Of(LayerType::kFlatten), Dense(5)}),
      ModelOf(9, 9, 3,
              {Conv(4, {3, 2}, {1, 1}, valid, {2, 1}, false), Of(LayerType::kReLU),
               Pool(LayerType::kAvgPool2d, {3, 3}, {2, 2}, same), Of(LayerType::kGlobalAvgPool2d), Dense(3)}),
      ModelOf(8, 12, 1,
              {Conv(3, {2, 3}, {1, 2}, valid), Pool(LayerType::kMaxPool2d, {2, 2}, {1, 1}, valid),
               Of(LayerType::kFlatten), Dense(6), Of(LayerType::kReLU), Of(LayerType::kDropout, 0.5), Dense(4)}),
  };
  for (std::size_t m = 0; m < models.size(); ++m) {
    SCOPED_TRACE("model " + std::to_string(m));
    Result<Network> net = InitNetwork(models[m], InitScheme::kPyTorch, 10 + m);
    ASSERT_TRUE(net.ok()) << net.error();
    const auto size = static_cast<std::size_t>(models[m].channels * models[m].height * models[m].width);
    const std::vector<double> images = Uniform(3 * size, 20 + m);
    const std::vector<std::uint8_t> labels = {0, 2, 1};
    const std::vector<float> images_f(images.begin(), images.end());
    for (int threads : {1, 2}) {
      FastNetwork fast = MakeFast(*net, threads);
      Result<double> loss = fast.ComputeGradients(images_f, labels, FastMode::kEval);
      ASSERT_TRUE(loss.ok()) << loss.error();
      EXPECT_NEAR(*loss, NaiveLoss(*net, images, labels), 1e-5);
      for (std::size_t i = 0; i < net->params.size(); ++i) {
        for (const auto& [values, grads, name] :
             {std::tuple(&net->params[i].weight, &fast.Gradients(static_cast<int>(i)).weight, "weight"),
              std::tuple(&net->params[i].bias, &fast.Gradients(static_cast<int>(i)).bias, "bias")}) {
          ASSERT_EQ(values->size(), grads->size()) << name << " of layer " << i;
          for (std::size_t k = 0; k < values->size(); ++k) {
            Network shifted = *net;
            std::vector<double>& p = name == std::string("weight") ? shifted.params[i].weight : shifted.params[i].bias;
            const double h = 1e-6;
            p[k] = (*values)[k] + h;
            const double up = NaiveLoss(shifted, images, labels);
            p[k] = (*values)[k] - h;
            const double down = NaiveLoss(shifted, images, labels);
            ASSERT_NEAR((*grads)[k], (up - down) / (2 * h), 1e-5) << name << " " << k << " of layer " << i;
          }
        }
      }
    }
  }
}

// [SECTION] Against the exact path

// The fast path's loss, logits and gradients of a batch (eval mode) against
// the exact float64 path's (core/nn/backward.h), example by example: the
// batch's loss is their mean and so is each gradient.
void ExpectAgreesWithExact(const Network& net, const std::vector<float>& images,
                           const std::vector<std::uint8_t>& labels) {
  FastNetwork fast = MakeFast(net, 2);
  Result<double> loss = fast.ComputeGradients(images, labels, FastMode::kEval);
  ASSERT_TRUE(loss.ok()) << loss.error();
  const Model& m = net.model;
  const auto size = static_cast<std::size_t>(m.channels * m.height * m.width);
  const auto count = static_cast<double>(labels.size());
  double exact_loss = 0.0;
  std::vector<LayerGrads> mean(net.params.size());
  for (std::size_t b = 0; b < labels.size(); ++b) {
    Tensor3 input(m.channels, m.height, m.width);
    for (std::size_t k = 0; k < size; ++k) input.data[k] = images[b * size + k];
    Result<ExampleGradients> ex = LossGradients(net, input, labels[b]);
    ASSERT_TRUE(ex.ok()) << ex.error();
    exact_loss += ex->loss / count;
    ExpectClose(fast.LayerOutput(static_cast<int>(m.layers.size()) - 1, static_cast<int>(b)), ex->logits,
                "logits of image " + std::to_string(b));
    for (std::size_t i = 0; i < mean.size(); ++i) {
      for (const char* name : {"weight", "bias", "gamma", "beta"}) {
        const std::vector<double>& g = *GradValues(ex->grads.layers[i], name);
        std::vector<double>& sum = *GradValues(&mean[i], name);
        sum.resize(g.size(), 0.0);
        for (std::size_t k = 0; k < g.size(); ++k) sum[k] += g[k] / count;
      }
    }
  }
  EXPECT_NEAR(*loss, exact_loss, 1e-5 * std::max(1.0, exact_loss));
  for (std::size_t i = 0; i < mean.size(); ++i) {
    for (const char* name : {"weight", "bias", "gamma", "beta"}) {
      ExpectClose(Named(fast.Gradients(static_cast<int>(i)), name), *GradValues(mean[i], name),
                  std::string(name) + " grad " + std::to_string(i));
    }
  }
}

TEST(FastNetworkExactTest, TheNetworkTabsArchitecturesAgreeWithTheExactPath) {
  for (Architecture a : kAllArchitectures) {
    SCOPED_TRACE(ArchitectureName(a));
    Result<Network> net = InitNetwork(ArchitectureModel(a), InitScheme::kPyTorch, 21);
    ASSERT_TRUE(net.ok()) << net.error();
    const std::vector<double> pixels = Uniform(3 * 28 * 28, 22);
    ExpectAgreesWithExact(*net, std::vector<float>(pixels.begin(), pixels.end()), {3, 7, 0});
  }
}

TEST(FastNetworkExactTest, EveryLayerTypeAgreesWithTheExactPath) {
  const KerasPadding same = KerasPadding::kSame;
  const Model model =
      ModelOf(10, 9, 2,
              {Conv(3, {3, 3}, {2, 1}, same), Of(LayerType::kBatchNorm), Of(LayerType::kReLU),
               Pool(LayerType::kAvgPool2d, {2, 2}, {1, 1}, same),
               Conv(4, {2, 3}, {1, 1}, KerasPadding::kValid, {1, 2}, false),
               Of(LayerType::kReLU), Pool(LayerType::kMaxPool2d, {3, 3}, {2, 2}, same), Of(LayerType::kFlatten),
               Of(LayerType::kDropout, 0.3), Dense(6), Of(LayerType::kBatchNorm), Of(LayerType::kReLU), Dense(4)});
  Result<Network> net = InitNetwork(model, InitScheme::kGlorot, 23);
  ASSERT_TRUE(net.ok()) << net.error();
  // Batchnorm's statistics away from the identity it starts as.
  std::uint64_t seed = 30;
  for (LayerParams& p : net.value().params) {
    if (p.gamma.empty()) continue;
    const std::size_t c = p.gamma.size();
    const std::vector<double> u = Uniform(4 * c, seed++);
    for (std::size_t k = 0; k < c; ++k) {
      p.gamma[k] = 0.5 + u[k];
      p.beta[k] = u[c + k] - 0.5;
      p.moving_mean[k] = 0.2 * (u[2 * c + k] - 0.5);
      p.moving_variance[k] = 0.5 + u[3 * c + k];
    }
  }
  const std::vector<double> pixels = Uniform(5 * 10 * 9 * 2, 24);
  ExpectAgreesWithExact(*net, std::vector<float>(pixels.begin(), pixels.end()), {0, 1, 2, 3, 1});
}

// [SECTION] Learning, threads, seeds

// A task a small network can learn: 10 classes of 12x12 images, a bright
// bar (five rows or columns of pixels 1) whose position and direction give
// the class, shifted along itself at random, on noise in [0, 0.3).
struct DataSet {
  std::vector<float> images;
  std::vector<std::uint8_t> labels;
  FastDataSet View() const { return {images, labels}; }
};

constexpr int kSide = 12;

DataSet Bars(int count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  DataSet d;
  d.images.resize(static_cast<std::size_t>(count) * kSide * kSide);
  for (int n = 0; n < count; ++n) {
    float* image = d.images.data() + static_cast<std::size_t>(n) * kSide * kSide;
    for (int i = 0; i < kSide * kSide; ++i) image[i] = static_cast<float>(0.3 * UnitUniform(rng()));
    const int label = static_cast<int>(rng() % 10);
    const int line = 1 + 2 * (label % 5);  // rows or columns 1, 3, ..., 9
    const int start = static_cast<int>(rng() % (kSide - 5));
    for (int t = start; t < start + 5; ++t) image[label < 5 ? line * kSide + t : t * kSide + line] = 1.0f;
    d.labels.push_back(static_cast<std::uint8_t>(label));
  }
  return d;
}

Model BarsModel() {
  return ModelOf(kSide, kSide, 1,
                 {Conv(8, {3, 3}), Of(LayerType::kReLU),
                  Pool(LayerType::kMaxPool2d, {2, 2}, {2, 2}, KerasPadding::kValid), Of(LayerType::kFlatten),
                  Of(LayerType::kDropout, 0.2), Dense(10)});
}

FastNetwork BarsNetwork(int threads, std::uint64_t seed) {
  Result<Network> net = InitNetwork(BarsModel(), InitScheme::kPyTorch, seed);
  EXPECT_TRUE(net.ok()) << (net ? "" : net.error());
  return MakeFast(*net, threads, seed);
}

TEST(FastTrainTest, ASmallNetworkLearnsTheBars) {
  const DataSet train = Bars(2000, 1);
  const DataSet test = Bars(500, 2);
  FastNetwork net = BarsNetwork(2, 3);
  Result<double> before = net.Evaluate(test.images, test.labels);
  ASSERT_TRUE(before.ok()) << before.error();
  EXPECT_LT(*before, 0.3);  // about one in ten before training
  EpochOptions options;
  options.batch_size = 32;
  options.optimizer.lr = 1e-2;
  const FastDataSet test_view = test.View();
  std::vector<double> losses;
  EpochReport last;
  for (int epoch = 0; epoch < 3; ++epoch) {
    options.epoch = epoch;
    Result<EpochReport> report = TrainEpoch(&net, train.View(), &test_view, options);
    ASSERT_TRUE(report.ok()) << report.error();
    EXPECT_EQ(report->batches, 63);  // 62 of 32 and one of 16
    EXPECT_EQ(report->images, 2000);
    EXPECT_FALSE(report->stopped);
    EXPECT_GT(report->train_seconds, 0.0);
    losses.push_back(report->mean_loss);
    last = *report;
  }
  EXPECT_LT(losses.back(), losses.front());
  ASSERT_TRUE(last.test_accuracy.has_value());
  EXPECT_GE(*last.test_accuracy, 0.95);
  EXPECT_GE(last.train_accuracy, 0.9);  // the third epoch, counted as it trained
  ASSERT_TRUE(last.test_loss.has_value());
  Result<Evaluation> measured = net.Measure(test.images, test.labels);
  ASSERT_TRUE(measured.ok());
  EXPECT_DOUBLE_EQ(*last.test_loss, measured->loss);
  EXPECT_LT(*last.test_loss, losses.front());
  Result<double> again = net.Evaluate(test.images, test.labels, 7);  // batches of 7: the same answer
  ASSERT_TRUE(again.ok());
  EXPECT_DOUBLE_EQ(*again, *last.test_accuracy);
}

// The test loss and the running training accuracy a window draws as
// curves: the mean exact cross-entropy over the images, and how many of a
// batch the network had right before its step.
TEST(FastTrainTest, MeasureAndTheRunningAccuracyAgreeWithTheExactPath) {
  Result<Network> exact = InitNetwork(BarsModel(), InitScheme::kPyTorch, 9);
  ASSERT_TRUE(exact.ok());
  const DataSet data = Bars(40, 5);
  double loss = 0;
  int right = 0;
  for (int n = 0; n < 40; ++n) {
    Tensor3 image(1, kSide, kSide);
    for (int i = 0; i < kSide * kSide; ++i) image.data[static_cast<std::size_t>(i)] = data.images[static_cast<std::size_t>(n * kSide * kSide + i)];
    Result<std::vector<Tensor3>> a = ForwardActivations(*exact, image);
    ASSERT_TRUE(a.ok());
    const std::vector<double>& z = a->back().data;
    loss += CrossEntropy(z, data.labels[static_cast<std::size_t>(n)]);
    right += std::max_element(z.begin(), z.end()) - z.begin() == data.labels[static_cast<std::size_t>(n)] ? 1 : 0;
  }
  FastNetwork fast = MakeFast(*exact, 2, 9);
  Result<Evaluation> e = fast.Measure(data.images, data.labels, 16);
  ASSERT_TRUE(e.ok()) << e.error();
  EXPECT_NEAR(e->loss, loss / 40, 1e-5);
  EXPECT_DOUBLE_EQ(e->accuracy, right / 40.0);
  // Dropout off (eval mode) so the batch's forward pass is the exact one.
  Result<double> batch_loss = fast.ComputeGradients(data.images, data.labels, FastMode::kEval);
  ASSERT_TRUE(batch_loss.ok());
  EXPECT_EQ(fast.LastBatchCorrect(), right);
  EXPECT_NEAR(*batch_loss, loss / 40, 1e-5);
}

TEST(FastTrainTest, AnyNumberOfThreadsGivesTheSameLossAndGradients) {
  // The batch is cut into parts of 16 whatever the threads, and the parts'
  // sums are added in their order: the results are equal, not only close.
  const DataSet data = Bars(37, 4);  // parts of 16, 16 and 5
  std::vector<FastNetwork> nets;
  for (int threads : {1, 2, 3}) nets.push_back(BarsNetwork(threads, 5));
  for (FastMode mode : {FastMode::kEval, FastMode::kTrain}) {
    std::vector<double> losses;
    for (FastNetwork& net : nets) {
      Result<double> loss = net.ComputeGradients(data.images, data.labels, mode);
      ASSERT_TRUE(loss.ok()) << loss.error();
      losses.push_back(*loss);
    }
    for (std::size_t t = 1; t < nets.size(); ++t) {
      EXPECT_EQ(losses[t], losses[0]) << "threads " << t + 1;
      for (int layer : {0, 5}) {
        EXPECT_EQ(nets[t].Gradients(layer).weight, nets[0].Gradients(layer).weight) << "layer " << layer;
        EXPECT_EQ(nets[t].Gradients(layer).bias, nets[0].Gradients(layer).bias) << "layer " << layer;
      }
    }
  }
  // A whole epoch in batches of 40 (parts of 16, 16 and 8): the same weights.
  EpochOptions options;
  options.batch_size = 40;
  const DataSet train = Bars(320, 6);
  std::vector<double> losses;
  for (FastNetwork& net : nets) {
    Result<EpochReport> report = TrainEpoch(&net, train.View(), nullptr, options);
    ASSERT_TRUE(report.ok()) << report.error();
    losses.push_back(report->mean_loss);
  }
  for (std::size_t t = 1; t < nets.size(); ++t) {
    EXPECT_EQ(losses[t], losses[0]);
    EXPECT_EQ(nets[t].Params(0).weight, nets[0].Params(0).weight);
    EXPECT_EQ(nets[t].Params(5).weight, nets[0].Params(5).weight);
  }
}

TEST(FastTrainTest, TheSameSeedTrainsTheSameWeights) {
  const DataSet train = Bars(200, 7);
  EpochOptions options;
  options.batch_size = 16;
  options.seed = 11;
  std::vector<std::vector<float>> weights;
  for (std::uint64_t seed : {5u, 5u, 6u}) {
    FastNetwork net = BarsNetwork(2, seed);
    ASSERT_TRUE(TrainEpoch(&net, train.View(), nullptr, options).ok());
    weights.push_back(net.Params(5).weight);
  }
  EXPECT_EQ(weights[0], weights[1]);
  EXPECT_NE(weights[0], weights[2]);
  // The same network and another shuffle: other weights.
  options.seed = 12;
  FastNetwork net = BarsNetwork(2, 5);
  ASSERT_TRUE(TrainEpoch(&net, train.View(), nullptr, options).ok());
  EXPECT_NE(net.Params(5).weight, weights[0]);
}

TEST(FastTrainTest, EpochOrderIsAPermutationFixedBySeedAndEpoch) {
  const std::vector<int> a = EpochOrder(1000, 1, 0);
  std::vector<int> sorted = a;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(sorted[static_cast<std::size_t>(i)], i);
  EXPECT_EQ(a, EpochOrder(1000, 1, 0));
  EXPECT_NE(a, EpochOrder(1000, 1, 1));
  EXPECT_NE(a, EpochOrder(1000, 2, 0));
  // Shuffled: few samples stay where they were (about one expected).
  int fixed = 0;
  for (int i = 0; i < 1000; ++i) fixed += a[static_cast<std::size_t>(i)] == i;
  EXPECT_LT(fixed, 10);
}

TEST(FastTrainTest, DropoutDropsWhileTrainingOnly) {
  const DataSet data = Bars(8, 8);
  FastNetwork net = BarsNetwork(2, 9);
  ASSERT_TRUE(net.ComputeGradients(data.images, data.labels, FastMode::kTrain).ok());
  // Layer 4 (dropout, rate 0.2) after layer 3 (flatten): each value 0 or 1.25 times its input.
  int dropped = 0;
  int values = 0;
  for (int b = 0; b < 8; ++b) {
    const std::vector<float> in = net.LayerOutput(3, b);
    const std::vector<float> out = net.LayerOutput(4, b);
    ASSERT_EQ(in.size(), 200u);
    ASSERT_EQ(out.size(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
      if (out[i] == 0.0f && in[i] != 0.0f) {
        ++dropped;
      } else {
        ASSERT_FLOAT_EQ(out[i], in[i] * 1.25f) << "image " << b << " value " << i;
      }
      values += in[i] != 0.0f;
    }
  }
  EXPECT_NEAR(static_cast<double>(dropped) / values, 0.2, 0.05);
  ASSERT_TRUE(net.ComputeGradients(data.images, data.labels, FastMode::kEval).ok());
  EXPECT_EQ(net.LayerOutput(4, 3), net.LayerOutput(3, 3));
}

TEST(FastTrainTest, ProgressAndTheCancelFlagStopAnEpoch) {
  const DataSet train = Bars(100, 10);
  const DataSet test = Bars(20, 11);
  const FastDataSet test_view = test.View();
  FastNetwork net = BarsNetwork(1, 12);
  EpochOptions options;
  options.batch_size = 10;
  options.epoch = 4;
  std::vector<TrainProgress> seen;
  options.progress = [&](const TrainProgress& p) {
    seen.push_back(p);
    return p.batch < 3;
  };
  Result<EpochReport> report = TrainEpoch(&net, train.View(), &test_view, options);
  ASSERT_TRUE(report.ok()) << report.error();
  EXPECT_TRUE(report->stopped);
  EXPECT_EQ(report->batches, 3);
  EXPECT_EQ(report->images, 30);
  EXPECT_FALSE(report->test_accuracy.has_value());
  ASSERT_EQ(seen.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(seen[static_cast<std::size_t>(i)].epoch, 4);
    EXPECT_EQ(seen[static_cast<std::size_t>(i)].batch, i + 1);
    EXPECT_EQ(seen[static_cast<std::size_t>(i)].batches, 10);
    EXPECT_GT(seen[static_cast<std::size_t>(i)].images_per_second, 0.0);
  }
  std::atomic<bool> cancel{true};
  options.progress = nullptr;
  options.cancel = &cancel;
  const std::vector<float> before = net.Params(0).weight;
  report = TrainEpoch(&net, train.View(), &test_view, options);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->stopped);
  EXPECT_EQ(report->batches, 0);
  EXPECT_EQ(net.Params(0).weight, before);
  cancel = false;
  report = TrainEpoch(&net, train.View(), &test_view, options);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->stopped);
  EXPECT_EQ(report->batches, 10);
  EXPECT_TRUE(report->test_accuracy.has_value());
}

TEST(FastNetworkTest, ToNetworkGivesTheTrainedWeights) {
  const DataSet data = Bars(16, 13);
  FastNetwork net = BarsNetwork(1, 14);
  ASSERT_TRUE(net.TrainBatch(data.images, data.labels, OptimizerSpec{}).ok());
  const Network out = net.ToNetwork();
  ASSERT_EQ(out.params.size(), 6u);
  EXPECT_EQ(out.model.layers.size(), 6u);
  for (int i : {0, 5}) {
    const FastParams& p = net.Params(i);
    ASSERT_EQ(out.params[static_cast<std::size_t>(i)].weight.size(), p.weight.size());
    for (std::size_t k = 0; k < p.weight.size(); ++k) {
      ASSERT_EQ(out.params[static_cast<std::size_t>(i)].weight[k], static_cast<double>(p.weight[k]));
    }
  }
  // Run again from the export: the same logits.
  FastNetwork again = MakeFast(out);
  Result<std::vector<float>> a = net.Forward(data.images);
  Result<std::vector<float>> b = again.Forward(data.images);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(FastNetworkTest, AnotherOptimizerStartsItsStateAfresh) {
  // Two Adam steps, then SGD with momentum, then Adam again: each change of
  // type steps as a new optimizer's first step does, so the weights equal
  // those of networks given the same steps one optimizer at a time.
  const DataSet data = Bars(8, 17);
  OptimizerSpec adam;
  OptimizerSpec sgd;
  sgd.type = OptimizerType::kSgd;
  sgd.lr = 0.1;
  sgd.momentum = 0.9;
  FastNetwork mixed = BarsNetwork(1, 18);
  for (const OptimizerSpec* spec : {&adam, &adam, &sgd, &adam}) {
    ASSERT_TRUE(mixed.ComputeGradients(data.images, data.labels, FastMode::kEval).ok());
    mixed.Step(*spec);
  }
  // The same, each run by a network made from the weights the step before left.
  FastNetwork step = BarsNetwork(1, 18);
  for (const std::vector<const OptimizerSpec*>& run :
       std::vector<std::vector<const OptimizerSpec*>>{{&adam, &adam}, {&sgd}, {&adam}}) {
    for (const OptimizerSpec* spec : run) {
      ASSERT_TRUE(step.ComputeGradients(data.images, data.labels, FastMode::kEval).ok());
      step.Step(*spec);
    }
    step = MakeFast(step.ToNetwork());
  }
  EXPECT_EQ(mixed.Params(0).weight, step.Params(0).weight);
  EXPECT_EQ(mixed.Params(5).bias, step.Params(5).bias);
}

// [SECTION] What is refused

TEST(FastNetworkTest, RefusesWhatItCannotRun) {
  Result<Network> bn = InitNetwork(ModelOf(6, 6, 1, {Conv(2, {3, 3}), Of(LayerType::kBatchNorm),
                                                     Of(LayerType::kFlatten), Dense(3)}),
                                   InitScheme::kPyTorch, 1);
  ASSERT_TRUE(bn.ok());
  FastNetwork fast = MakeFast(*bn);
  const std::vector<float> image(36, 0.5f);
  const std::vector<std::uint8_t> label{1};
  Result<double> train = fast.ComputeGradients(image, label, FastMode::kTrain);
  ASSERT_FALSE(train.ok());
  EXPECT_NE(train.error().find("batchnorm cannot be trained"), std::string::npos) << train.error();
  EXPECT_TRUE(fast.ComputeGradients(image, label, FastMode::kEval).ok());

  const std::vector<std::uint8_t> too_big{3};
  Result<double> bad_label = fast.ComputeGradients(image, too_big, FastMode::kEval);
  ASSERT_FALSE(bad_label.ok());
  EXPECT_EQ(bad_label.error(), "image 1 has label 3 but the network has 3 classes (labels 0 to 2)");
  Result<double> none = fast.ComputeGradients({}, {}, FastMode::kEval);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error(), "there are no images to run");
  const std::vector<float> ragged(40, 0.5f);
  Result<std::vector<float>> bad_size = fast.Forward(ragged);
  ASSERT_FALSE(bad_size.ok());
  EXPECT_EQ(bad_size.error(), "40 values are not a whole number of 36-value images");
  Result<double> two_labels = fast.Evaluate(image, std::vector<std::uint8_t>{1, 2});
  ASSERT_FALSE(two_labels.ok());
  EXPECT_EQ(two_labels.error(), "1 images but 2 labels: there must be one label per image");

  Result<Network> map = InitNetwork(ModelOf(6, 6, 1, {Conv(2, {3, 3})}), InitScheme::kPyTorch, 1);
  ASSERT_TRUE(map.ok());
  Result<FastNetwork> no_scores = FastNetwork::Create(*map);
  ASSERT_FALSE(no_scores.ok());
  EXPECT_NE(no_scores.error().find("end the model with Flatten and Dense"), std::string::npos);

  Network wrong = *bn;
  wrong.params[0].weight.pop_back();
  Result<FastNetwork> short_weights = FastNetwork::Create(wrong);
  ASSERT_FALSE(short_weights.ok());
  EXPECT_EQ(short_weights.error(),
            "layer 1, conv2d (Conv2D): has 17 weight values where its shape needs 18");

  Model sequence;
  sequence.sequence = true;
  sequence.width = 16;
  sequence.channels = 1;
  LayerSpec conv1d = Conv(2, {1, 3});
  conv1d.type = LayerType::kConv1d;
  sequence.layers = {conv1d, Of(LayerType::kFlatten), Dense(2)};
  Result<Network> seq = InitNetwork(sequence, InitScheme::kPyTorch, 1);
  ASSERT_TRUE(seq.ok()) << seq.error();
  EXPECT_FALSE(FastNetwork::Create(*seq).ok());
}

TEST(FastTrainTest, AnEpochRefusesDataThatDoNotFit) {
  FastNetwork net = BarsNetwork(1, 15);
  const DataSet train = Bars(10, 16);
  EpochOptions options;
  const std::vector<float> short_images(train.images.begin(), train.images.end() - 1);
  Result<EpochReport> ragged = TrainEpoch(&net, {short_images, train.labels}, nullptr, options);
  ASSERT_FALSE(ragged.ok());
  EXPECT_EQ(ragged.error(), "the training set has 10 labels but 1,439 values: it needs 144 per image");
  const FastDataSet empty;
  Result<EpochReport> no_test = TrainEpoch(&net, train.View(), &empty, options);
  ASSERT_FALSE(no_test.ok());
  EXPECT_EQ(no_test.error(), "the test set is empty");
  options.batch_size = 0;
  Result<EpochReport> no_batch = TrainEpoch(&net, train.View(), nullptr, options);
  ASSERT_FALSE(no_batch.ok());
  EXPECT_EQ(no_batch.error(), "the batch size must be at least 1");
  DataSet bad_label = train;
  bad_label.labels[4] = 10;
  options.batch_size = 4;
  const std::vector<float> before = net.Params(5).weight;
  Result<EpochReport> labels = TrainEpoch(&net, bad_label.View(), nullptr, options);
  ASSERT_FALSE(labels.ok());
  EXPECT_EQ(labels.error(), "the training set's image 5 has label 10 but the network has 10 classes (labels 0 to 9)");
  EXPECT_EQ(net.Params(5).weight, before);  // refused before any step
}

}  // namespace
}  // namespace convstep
