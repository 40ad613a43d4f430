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
#include <vector>

#include "core/formats/model_json.h"
#include "core/nn/fast_network.h"
#include "core/nn/fast_train.h"
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

// A golden model: its layers read by the core's model reader once the
// weights are taken out, the weights as they are.
Network GoldenNetwork(const Json& model) {
  static const char* const kWeights[] = {"weight", "bias", "gamma", "beta", "moving_mean", "moving_variance", "epsilon"};
  Json shape = model;
  Network net;
  for (Json& layer : shape["layers"]) {
    LayerParams p;
    if (layer.contains("weight")) p.weight = Flat(layer["weight"]);
    if (layer.contains("bias")) p.bias = Flat(layer["bias"]);
    if (layer.contains("gamma")) {
      p.gamma = Flat(layer["gamma"]);
      p.beta = Flat(layer["beta"]);
      p.moving_mean = Flat(layer["moving_mean"]);
      p.moving_variance = Flat(layer["moving_variance"]);
      p.epsilon = layer["epsilon"].get<double>();
    }
    for (const char* key : kWeights) layer.erase(key);
    net.params.push_back(std::move(p));
  }
  Result<Model> m = ModelFromJson(shape);
  EXPECT_TRUE(m.ok()) << (m ? "" : m.error());
  if (m) net.model = *m;
  return net;
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
      if (grads[i].contains("weight")) ExpectClose(g.weight, Flat(grads[i]["weight"]), "weight grad " + std::to_string(i));
      if (grads[i].contains("bias")) ExpectClose(g.bias, Flat(grads[i]["bias"]), "bias grad " + std::to_string(i));
      if (grads[i].contains("gamma")) ExpectClose(g.gamma, Flat(grads[i]["gamma"]), "gamma grad " + std::to_string(i));
      if (grads[i].contains("beta")) ExpectClose(g.beta, Flat(grads[i]["beta"]), "beta grad " + std::to_string(i));
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

}  // namespace
}  // namespace convstep
