// The exact network path against PyTorch's float64 vectors: every case of
// nn_cases.json (activations, logits, probabilities, loss, gradients of
// every parameter and of the input) and of train_cases.json (the losses of a
// few optimizer steps and the weights after them), to 1e-9 scaled by
// max(1, |value|).
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/conv/conv2d.h"
#include "core/conv/stepper.h"
#include "core/formats/network_json.h"
#include "core/nn/backward.h"
#include "core/nn/forward.h"
#include "core/nn/train_steps.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::JsonNear;
using testing::LoadGolden;

constexpr double kTolerance = 1e-9;

struct NnCase {
  ForwardSpec spec;
  std::vector<LayerShapes> shapes;
};

NnCase ReadCase(const Json& c) {
  NnCase out;
  Result<ForwardSpec> spec = ForwardSpecFromJson(c);
  EXPECT_TRUE(spec.ok()) << spec.error();
  if (!spec) return out;
  out.spec = std::move(spec).value();
  Result<std::vector<LayerShapes>> shapes = CheckNetwork(out.spec.network);
  EXPECT_TRUE(shapes.ok()) << shapes.error();
  if (shapes) out.shapes = *shapes;
  return out;
}

TEST(NnGolden, ThirtyNetworksWithEveryLayerTypeOfTheSet) {
  const Json cases = LoadGolden("nn_cases.json");
  ASSERT_EQ(cases.size(), 30u);
  // The set covers each of these at least once.
  std::set<std::string> types;
  for (const Json& c : cases) {
    EXPECT_EQ(c["op"], "network");
    for (const Json& layer : c["model"]["layers"]) types.insert(layer["type"].get<std::string>());
  }
  EXPECT_EQ(types, (std::set<std::string>{"conv2d", "batchnorm", "relu", "maxpool2d", "avgpool2d", "flatten",
                                          "dense", "dropout", "globalavgpool2d"}));
}

TEST(NnGolden, ForwardActivationsLogitsAndProbabilities) {
  const Json cases = LoadGolden("nn_cases.json");
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const NnCase c = ReadCase(cases[i]);
    Result<std::vector<Tensor3>> acts = ForwardActivations(c.spec.network, c.spec.input);
    ASSERT_TRUE(acts.ok()) << acts.error();
    const Json& expect = cases[i]["expect"];
    ASSERT_EQ(acts->size(), expect["activations"].size());
    for (size_t l = 0; l < acts->size(); ++l) {
      EXPECT_TRUE(JsonNear(expect["activations"][l], ActivationToJson((*acts)[l], c.shapes[l]), kTolerance))
          << "layer " << l + 1;
    }
    const std::vector<double> logits = acts->back().data;
    EXPECT_TRUE(JsonNear(expect["logits"], Json(logits), kTolerance));
    EXPECT_TRUE(JsonNear(expect["probabilities"], Json(Softmax(logits)), kTolerance));
    EXPECT_TRUE(JsonNear(expect["loss"], Json(CrossEntropy(logits, c.spec.target)), kTolerance));
  }
}

// A conv2d layer's output is the Convolution tab's: the stepper on
// LayerConv2dSpec gives the same doubles, bit for bit.
TEST(NnGolden, ConvLayersAreTheConvolutionTabsStepper) {
  const Json cases = LoadGolden("nn_cases.json");
  int convs = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    const NnCase c = ReadCase(cases[i]);
    Result<std::vector<Tensor3>> acts = ForwardActivations(c.spec.network, c.spec.input);
    ASSERT_TRUE(acts.ok()) << acts.error();
    for (size_t l = 0; l < acts->size(); ++l) {
      const int layer = static_cast<int>(l);
      const Tensor3& in = l == 0 ? c.spec.input : (*acts)[l - 1];
      const LayerType type = c.spec.network.model.layers[l].type;
      if (type == LayerType::kConv2d) {
        Result<ConvStepper> stepper = ConvStepper::Create(LayerConv2dSpec(c.spec.network, layer, in));
        ASSERT_TRUE(stepper.ok()) << stepper.error();
        EXPECT_EQ(stepper->Output().data, (*acts)[l].data) << "case " << i << ", layer " << l + 1;
        ++convs;
      }
      if (type == LayerType::kMaxPool2d || type == LayerType::kAvgPool2d) {
        Result<Pool2dSpec> spec = LayerPool2dSpec(c.spec.network, layer, in);
        ASSERT_TRUE(spec.ok()) << spec.error();
        Result<Pool2dStepper> stepper = Pool2dStepper::Create(*spec);
        ASSERT_TRUE(stepper.ok()) << stepper.error();
        EXPECT_EQ(stepper->Output().data, (*acts)[l].data) << "case " << i << ", layer " << l + 1;
      }
    }
  }
  EXPECT_GE(convs, 30);
}

TEST(NnGolden, LossAndGradientsOfEveryParameterAndTheInput) {
  const Json cases = LoadGolden("nn_cases.json");
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const NnCase c = ReadCase(cases[i]);
    Result<ExampleGradients> got = LossGradients(c.spec.network, c.spec.input, c.spec.target);
    ASSERT_TRUE(got.ok()) << got.error();
    const Json& expect = cases[i]["expect"];
    EXPECT_TRUE(JsonNear(expect["loss"], Json(got->loss), kTolerance));
    EXPECT_TRUE(JsonNear(expect["probabilities"], Json(got->probabilities), kTolerance));
    ASSERT_EQ(got->grads.layers.size(), expect["grads"].size());
    for (size_t l = 0; l < got->grads.layers.size(); ++l) {
      EXPECT_TRUE(JsonNear(expect["grads"][l],
                           LayerGradsToJson(got->grads.layers[l], c.shapes[l], c.spec.network.model.layers[l].type),
                           kTolerance))
          << "layer " << l + 1;
    }
    EXPECT_TRUE(JsonNear(expect["input_grad"], InputGradToJson(got->grads.input, c.spec.network.model), kTolerance));
  }
}

TEST(NnGolden, TrainStepsLossesAndWeightsAfter) {
  const Json cases = LoadGolden("train_cases.json");
  ASSERT_EQ(cases.size(), 10u);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    EXPECT_EQ(cases[i]["op"], "train");
    Result<TrainStepsSpec> spec = TrainStepsSpecFromJson(cases[i]);
    ASSERT_TRUE(spec.ok()) << spec.error();
    Result<TrainStepsResult> got = TrainSteps(*spec);
    ASSERT_TRUE(got.ok()) << got.error();
    const Json& expect = cases[i]["expect"];
    EXPECT_TRUE(JsonNear(expect["losses"], Json(got->losses), kTolerance));
    Result<std::vector<LayerShapes>> shapes = CheckNetwork(got->network);
    ASSERT_TRUE(shapes.ok()) << shapes.error();
    ASSERT_EQ(expect["weights_after"].size(), shapes->size());
    for (size_t l = 0; l < shapes->size(); ++l) {
      EXPECT_TRUE(JsonNear(expect["weights_after"][l], LayerWeightsToJson(got->network.params[l], (*shapes)[l]),
                           kTolerance))
          << "layer " << l + 1;
    }
  }
}

}  // namespace
}  // namespace convstep
