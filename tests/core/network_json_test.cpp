// Network files and the specs of forward and train-steps: what is read, what
// is written back (the same doubles), and the one message each bad input
// gives, naming the layer.
#include <cmath>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "core/formats/model_json.h"
#include "core/formats/network_json.h"
#include "core/nn/backward.h"
#include "core/nn/forward.h"
#include "core/nn/train_steps.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::LoadGolden;

// nn_cases.json's first model: 8×8×2; conv2d 3 filters 3×3, batchnorm,
// relu, maxpool2d, flatten, dense 4.
Json FirstModel() { return LoadGolden("nn_cases.json")[0]["model"]; }

std::string ReadError(const Json& j) {
  Result<Network> net = NetworkFromJson(j);
  EXPECT_FALSE(net.ok());
  return net ? "" : net.error();
}

TEST(NetworkJson, ReadsTheWeightsInPyTorchsLayouts) {
  Result<Network> net = NetworkFromJson(FirstModel());
  ASSERT_TRUE(net.ok()) << net.error();
  ASSERT_EQ(net->params.size(), 6u);
  EXPECT_EQ(net->params[0].weight.size(), 3u * 2 * 3 * 3);
  // weight[0][1][2][0]: filter 0, channel 1, row 2, column 0.
  EXPECT_EQ(net->params[0].weight[((0 * 2 + 1) * 3 + 2) * 3 + 0],
            FirstModel()["layers"][0]["weight"][0][1][2][0].get<double>());
  EXPECT_EQ(net->params[0].bias.size(), 3u);
  EXPECT_EQ(net->params[1].epsilon, 0.001);
  EXPECT_EQ(net->params[1].moving_variance.size(), 3u);
  EXPECT_TRUE(net->params[2].weight.empty());
  EXPECT_EQ(net->params[5].weight.size(), 4u * 27);
}

// Written and read back: the same model and bit for bit the same doubles,
// here random ones with 17 significant digits, for every layer type.
TEST(NetworkJson, WritesWhatItReadsToTheBit) {
  const Json image = FirstModel();
  Result<Network> first = NetworkFromJson(image);
  ASSERT_TRUE(first.ok()) << first.error();
  Result<Model> sequence_model = ModelFromJson(Json::parse(R"({"input_shape": [16, 2], "layers": [
      {"type": "conv1d", "filters": 3, "kernel_size": 3, "padding": "causal", "dilation_rate": 2},
      {"type": "batchnorm"}, {"type": "relu"}, {"type": "maxpool1d", "pool_size": 2},
      {"type": "conv1d", "filters": 2, "kernel_size": 2, "strides": 2, "use_bias": false},
      {"type": "avgpool1d", "pool_size": 2, "padding": "same"}, {"type": "dropout", "rate": 0.25},
      {"type": "globalavgpool1d"}, {"type": "dense", "units": 3}]})"));
  ASSERT_TRUE(sequence_model.ok()) << sequence_model.error();
  Result<std::vector<LayerShapes>> shapes = NetworkShapes(*sequence_model);
  ASSERT_TRUE(shapes.ok()) << shapes.error();
  Network second;
  second.model = *sequence_model;
  second.params.resize(shapes->size());
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> value(-1, 1);
  for (size_t i = 0; i < shapes->size(); ++i) {
    for (const ParamArray& array : (*shapes)[i].params) {
      std::vector<double>& v = *ParamValues(&second.params[i], array.name);
      v.resize(static_cast<size_t>(array.size()));
      for (double& x : v) x = array.name == "moving_variance" ? std::abs(value(rng)) : value(rng) / 3;
    }
  }
  second.params[1].epsilon = 1e-5;
  for (const Network& net : {*first, second}) {
    const std::string text = NetworkToJson(net).dump();
    Result<Json> parsed = ParseJson(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error();
    Result<Network> back = NetworkFromJson(*parsed);
    ASSERT_TRUE(back.ok()) << back.error() << "\n" << text;
    EXPECT_EQ(ModelToJson(back->model), ModelToJson(net.model));
    ASSERT_EQ(back->params.size(), net.params.size());
    for (size_t i = 0; i < net.params.size(); ++i) {
      for (const char* name : {"weight", "bias", "gamma", "beta", "moving_mean", "moving_variance"}) {
        EXPECT_EQ(*ParamValues(back->params[i], name), *ParamValues(net.params[i], name)) << i << " " << name;
      }
      EXPECT_EQ(back->params[i].epsilon, net.params[i].epsilon);
    }
  }
  // The file reads like the input: the layer's type first, its weights last.
  const OrderedJson written = NetworkToJson(*first);
  EXPECT_EQ(written["layers"][0].begin().key(), "type");
  EXPECT_EQ(written["layers"][0]["weight"], image["layers"][0]["weight"]);
}

TEST(NetworkJson, TheSummaryFormatTakesNoWeights) {
  Result<Model> model = ModelFromJson(FirstModel());
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.error(),
            "layer 1, conv2d (Conv2D): \"bias\" is a weight: a model is its layers only (a network file, as "
            "convstep-cli forward reads, carries the weights)");
  // The network reader lists the weights among what a layer takes.
  Json j = FirstModel();
  j["layers"][0]["stride"] = 2;
  EXPECT_EQ(ReadError(j), "layer 1, conv2d (Conv2D): unknown field \"stride\": conv2d takes filters, kernel_size, "
                          "strides, padding, dilation_rate, use_bias, weight, bias");
}

TEST(NetworkJson, EachMissingOrMisshapenArrayNamesItsLayer) {
  Json none = FirstModel();
  none["layers"][0].erase("weight");
  none["layers"][0].erase("bias");
  EXPECT_EQ(ReadError(none), "layer 1, conv2d (Conv2D): no weights: it needs \"weight\" [3][2][3][3] "
                             "[filters][channels][rows][columns] and \"bias\" [3] [filters]");
  Json no_bias = FirstModel();
  no_bias["layers"][5].erase("bias");
  EXPECT_EQ(ReadError(no_bias), "layer 6, dense (Dense): no \"bias\": it must be [4] [units]");
  Json no_gamma = FirstModel();
  no_gamma["layers"][1].erase("gamma");
  EXPECT_EQ(ReadError(no_gamma), "layer 2, batch_normalization (BatchNormalization): no \"gamma\": it must be [3] "
                                 "[channels]");
  Json shape = FirstModel();
  shape["layers"][0]["weight"].erase(2);
  EXPECT_EQ(ReadError(shape), "layer 1, conv2d (Conv2D): weight is [2][2][3][3] but must be [3][2][3][3] "
                              "[filters][channels][rows][columns]");
  Json rank = FirstModel();
  rank["layers"][5]["weight"] = rank["layers"][5]["weight"][0];
  EXPECT_EQ(ReadError(rank), "layer 6, dense (Dense): weight must be a list nested 2 deep, but level 2 is not a list "
                             "(expected [units][inputs])");
  Json ragged = FirstModel();
  ragged["layers"][5]["weight"][2].erase(0);
  EXPECT_EQ(ReadError(ragged), "layer 6, dense (Dense): weight[2] has 26 entries but the first one at that level has "
                               "27 (ragged array) (expected [units][inputs])");
  Json text = FirstModel();
  text["layers"][1]["beta"][1] = "one";
  EXPECT_EQ(ReadError(text),
            "layer 2, batch_normalization (BatchNormalization): beta[1] is not a number (expected [channels])");
  Json file = FirstModel();
  file["layers"][0]["weight"] = "kernels.csv";  // a grid file elsewhere, never here
  EXPECT_EQ(ReadError(file), "layer 1, conv2d (Conv2D): weight must be a list nested 4 deep, but level 1 is not a "
                             "list (expected [filters][channels][rows][columns])");
}

TEST(NetworkJson, NonFiniteWeightsAndBadStatisticsAreRefused) {
  Json nan = FirstModel();
  nan["layers"][0]["weight"][1][0][2][1] = std::nan("");
  EXPECT_EQ(ReadError(nan), "layer 1, conv2d (Conv2D): weight[1][0][2][1] is not a finite number (expected "
                            "[filters][channels][rows][columns])");
  Json inf = FirstModel();
  inf["layers"][5]["bias"][3] = INFINITY;
  EXPECT_EQ(ReadError(inf), "layer 6, dense (Dense): bias[3] is not a finite number (expected [units])");
  Json variance = FirstModel();
  variance["layers"][1]["moving_variance"][2] = -0.5;
  EXPECT_EQ(ReadError(variance), "layer 2, batch_normalization (BatchNormalization): moving_variance[2] is negative: "
                                 "a variance is at least 0");
  Json eps = FirstModel();
  eps["layers"][1]["epsilon"] = 0;
  EXPECT_EQ(ReadError(eps), "layer 2, batch_normalization (BatchNormalization): epsilon must be a positive number, "
                            "e.g. 0.001 (Keras's) or 1e-05 (PyTorch's)");
  Json keras_eps = FirstModel();
  keras_eps["layers"][1].erase("epsilon");
  Result<Network> net = NetworkFromJson(keras_eps);
  ASSERT_TRUE(net.ok()) << net.error();
  EXPECT_EQ(net->params[1].epsilon, 0.001);
  Json bias = FirstModel();
  bias["layers"][0]["use_bias"] = false;
  EXPECT_EQ(ReadError(bias), "layer 1, conv2d (Conv2D): has a \"bias\" but use_bias is false");
  Json relu = FirstModel();
  relu["layers"][2]["weight"] = {1.0};
  EXPECT_EQ(ReadError(relu), "layer 3, re_lu (ReLU): unknown field \"weight\": relu takes no other fields");
}

// A file cannot make the exact path allocate beyond its limits: each is
// refused from the model's shapes, before any weight is read.
TEST(NetworkJson, AbsurdSizesAreRefusedFromTheShapes) {
  const auto error = [](const std::string& text) { return ReadError(Json::parse(text)); };
  EXPECT_EQ(error(R"({"input_shape": [4096, 4096, 1], "layers": []})"),
            "the input would hold more than 4,194,304 values, the most the exact path takes in one array");
  EXPECT_EQ(error(R"({"input_shape": [1024, 1024, 1], "layers": [{"type": "conv2d", "filters": 8,
                      "kernel_size": 1, "weight": [[[[1]]]], "bias": [0]}]})"),
            "layer 1, conv2d (Conv2D): its output would hold more than 4,194,304 values, the most the exact path "
            "takes in one array");
  EXPECT_EQ(error(R"({"input_shape": [1000, 1000, 1], "layers": [{"type": "conv2d", "filters": 1,
                      "kernel_size": 3, "dilation_rate": 1000, "padding": "same"}]})"),
            "layer 1, conv2d (Conv2D): its padded input would hold more than 4,194,304 values, the most the exact "
            "path takes in one array");
  EXPECT_EQ(error(R"({"input_shape": [1], "layers": []})").substr(0, 25), "input_shape must be three");
  EXPECT_EQ(error(R"({"input_shape": [100, 1], "layers": [{"type": "flatten"}, {"type": "dense", "units": 40000},
                      {"type": "dense", "units": 200}]})"),
            "layer 3, dense_1 (Dense): its weight would hold more than 4,194,304 values, the most the exact path "
            "takes in one array");
  std::string relus;
  for (int i = 0; i < 9; ++i) relus += std::string(i ? ", " : "") + "{\"type\": \"relu\"}";
  EXPECT_EQ(error(R"({"input_shape": [1400, 1400, 1], "layers": [)" + relus + "]}"),
            "layer 8, re_lu_7 (ReLU): the network's activations and parameters would hold more than 16,777,216 "
            "values, the most the exact path takes");
}

TEST(NetworkJson, CheckNetworkNamesWhatIsWrongInMemory) {
  Result<Network> read = NetworkFromJson(FirstModel());
  ASSERT_TRUE(read.ok()) << read.error();
  Network net = *read;
  net.params.pop_back();
  EXPECT_EQ(CheckNetwork(net).error(), "the network has 6 layers but parameters for 5");
  net = *read;
  net.params[0] = LayerParams();
  EXPECT_EQ(CheckNetwork(net).error(), "layer 1, conv2d (Conv2D): no weights");
  net = *read;
  net.params[5].weight.pop_back();
  EXPECT_EQ(CheckNetwork(net).error(),
            "layer 6, dense (Dense): weight has 107 values but must be [4][27] [units][inputs], 108 values");
  net = *read;
  net.params[5].weight[17] = std::nan("");
  EXPECT_EQ(CheckNetwork(net).error(), "layer 6, dense (Dense): weight[17] is not a finite number");
  net = *read;
  net.params[3].weight = {1.0};
  EXPECT_EQ(CheckNetwork(net).error(),
            "layer 4, max_pooling2d (MaxPooling2D): a maxpool2d layer has no weight, but it is given one");
  net = *read;
  net.params[1].epsilon = -1;
  EXPECT_EQ(CheckNetwork(net).error(),
            "layer 2, batch_normalization (BatchNormalization): epsilon must be a positive number");
  // The forward pass checks it too, and the input.
  EXPECT_EQ(ForwardActivations(net, Tensor3(2, 8, 8)).error(), CheckNetwork(net).error());
  EXPECT_EQ(ForwardActivations(*read, Tensor3(2, 8, 7)).error(),
            "the input is [2][8][7] but the model takes input_shape [8, 8, 2]: [2][8][8] [channels][rows][columns]");
}

// A model without weights becomes a network through BlankNetwork, never
// through the reader.
TEST(NetworkJson, ABlankNetworkHasEveryArrayOfItsModel) {
  Result<Model> model = ModelFromJson(Json::parse(R"({"input_shape": [6, 6, 2], "layers": [
      {"type": "conv2d", "filters": 3, "kernel_size": 3, "use_bias": false}, {"type": "batchnorm"},
      {"type": "relu"}, {"type": "flatten"}, {"type": "dense", "units": 4}]})"));
  ASSERT_TRUE(model.ok()) << model.error();
  Result<Network> net = BlankNetwork(*model);
  ASSERT_TRUE(net.ok()) << net.error();
  EXPECT_TRUE(CheckNetwork(*net).ok());
  EXPECT_EQ(net->params[0].weight, std::vector<double>(3 * 2 * 3 * 3, 0.0));
  EXPECT_TRUE(net->params[0].bias.empty());
  EXPECT_EQ(net->params[1].gamma, std::vector<double>(3, 1.0));
  EXPECT_EQ(net->params[1].moving_variance, std::vector<double>(3, 1.0));
  EXPECT_EQ(net->params[1].moving_mean, std::vector<double>(3, 0.0));
  EXPECT_EQ(net->params[4].weight.size(), 4u * 48);
  EXPECT_EQ(net->params[4].bias.size(), 4u);
  // Zero weights: every class equally likely.
  Result<ExampleGradients> g = LossGradients(*net, Tensor3(2, 6, 6, 0.5), 1);
  ASSERT_TRUE(g.ok()) << g.error();
  EXPECT_DOUBLE_EQ(g->loss, std::log(4.0));
  EXPECT_EQ(NetworkFromJson(ModelToJson(*model)).error().substr(0, 38), "layer 1, conv2d (Conv2D): no weights: ");
  Model too_big = *model;
  too_big.layers[0].kernel_size = {9, 9};
  EXPECT_EQ(BlankNetwork(too_big).error(), "layer 1, conv2d (Conv2D): the 9\u00d79 kernel does not fit in the 6\u00d76 input");
}

TEST(NetworkJson, InputsTargetsAndTheLastLayer) {
  Result<Network> net = NetworkFromJson(FirstModel());
  ASSERT_TRUE(net.ok()) << net.error();
  const Json input = LoadGolden("nn_cases.json")[0]["input"];
  Result<Tensor3> ok = InputFromJson(input, net->model);
  ASSERT_TRUE(ok.ok()) << ok.error();
  EXPECT_EQ(ok->data.size(), 128u);
  EXPECT_EQ(InputFromJson(input[0], net->model).error(),
            "input must be a list nested 3 deep, but level 3 is not a list (expected [channels][rows][columns])");
  EXPECT_EQ(InputFromJson("digit.csv", net->model).error(),
            "input must be a list nested 3 deep, but level 1 is not a list (expected [channels][rows][columns])");
  EXPECT_EQ(TargetFromJson(1.5, 4).error(), "target must be a class index, a whole number from 0 to 3");
  EXPECT_EQ(TargetFromJson(-1, 4).error(),
            "target -1 is no class: the model gives 4 class scores, so a target is from 0 to 3");
  EXPECT_EQ(TargetFromJson(Json(18446744073709551615ull), 4).error().substr(0, 26), "target 9223372036854775807");
  EXPECT_EQ(*TargetFromJson(3, 4), 3);

  // A sequence takes [C][L], as PyTorch's Conv1d, or [C][1][L].
  Result<Model> seq = ModelFromJson(Json::parse(R"({"input_shape": [5, 2], "layers": [{"type": "flatten"}]})"));
  ASSERT_TRUE(seq.ok()) << seq.error();
  const Json signal = {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}};
  Result<Tensor3> s2 = InputFromJson(signal, *seq);
  ASSERT_TRUE(s2.ok()) << s2.error();
  EXPECT_EQ(s2->h, 1);
  EXPECT_EQ(s2->w, 5);
  Result<Tensor3> s3 = InputFromJson({signal[0], signal[1]}, *seq);
  ASSERT_TRUE(s3.ok()) << s3.error();
  Result<Tensor3> s1 = InputFromJson(Json{{signal[0]}, {signal[1]}}, *seq);
  ASSERT_TRUE(s1.ok()) << s1.error();
  EXPECT_EQ(s1->data, s2->data);
  EXPECT_EQ(InputFromJson(Json{signal[0]}, *seq).error(),
            "input: the input is [1][5] but the model takes input_shape [5, 2]: [2][5] [channels][steps]");

  Network pooled = *net;
  pooled.model.layers.resize(4);
  pooled.params.resize(4);
  EXPECT_EQ(ClassCount(pooled).error(),
            "the last layer, layer 4, max_pooling2d (MaxPooling2D), gives (None, 3, 3, 3), not a list of class "
            "scores: end the model with a flat output (Flatten and Dense, or a global pooling)");
  EXPECT_EQ(LossGradients(*net, *ok, 4).error(),
            "target 4 is no class: the model gives 4 class scores, so a target is from 0 to 3");
}

TEST(NetworkJson, Optimizers) {
  Result<OptimizerSpec> adam = OptimizerFromJson({{"type", "adam"}});
  ASSERT_TRUE(adam.ok()) << adam.error();
  EXPECT_EQ(adam->type, OptimizerType::kAdam);
  EXPECT_EQ(adam->lr, 1e-3);
  EXPECT_EQ(adam->beta2, 0.999);
  Result<OptimizerSpec> sgd = OptimizerFromJson({{"type", "sgd"}, {"lr", 0.5}, {"momentum", 0.9}});
  ASSERT_TRUE(sgd.ok()) << sgd.error();
  EXPECT_EQ(sgd->type, OptimizerType::kSgd);
  EXPECT_EQ(sgd->momentum, 0.9);
  EXPECT_EQ(OptimizerFromJson({{"type", "sgd"}}).error(), "the optimizer needs \"lr\", e.g. 0.01");
  EXPECT_EQ(OptimizerFromJson({{"type", "adam"}, {"betas", {0.9, 0.99}}}).error(),
            "optimizer: unknown field \"betas\": adam takes type, lr, beta1, beta2, epsilon");
  EXPECT_EQ(OptimizerFromJson({{"type", "sgd"}, {"lr", -1}}).error(), "optimizer lr must be above 0");
  EXPECT_EQ(OptimizerFromJson({{"type", "adam"}, {"beta1", 1}}).error(),
            "optimizer beta1 and beta2 must be at least 0 and below 1");
  EXPECT_EQ(OptimizerFromJson({{"type", "adam"}, {"epsilon", 0}}).error(), "optimizer epsilon must be above 0");
  EXPECT_EQ(OptimizerFromJson({{"type", "sgd"}, {"lr", "fast"}}).error(), "optimizer lr must be a number");
  EXPECT_EQ(OptimizerFromJson("adam").error().substr(0, 24), "the optimizer must be {\"");
}

TEST(NetworkJson, TrainStepsRefusesWhatItWouldTrainOtherwiseThanPyTorch) {
  Json spec = LoadGolden("train_cases.json")[0];
  spec["model"]["layers"].insert(spec["model"]["layers"].begin() + 2, Json{{"type", "dropout"}, {"rate", 0.5}});
  Result<TrainStepsSpec> read = TrainStepsSpecFromJson(spec);
  ASSERT_TRUE(read.ok()) << read.error();
  EXPECT_EQ(TrainSteps(*read).error(),
            "layer 3, dropout (Dropout): the exact path trains in eval mode, where dropout drops nothing, unlike "
            "PyTorch's training: train a model without it");
  TrainStepsSpec empty = *read;
  empty.network = *NetworkFromJson(LoadGolden("train_cases.json")[0]["model"]);
  empty.inputs.clear();
  empty.targets.clear();
  EXPECT_EQ(TrainSteps(empty).error(), "the batch is empty: give one input or more");
  Json inputs = LoadGolden("train_cases.json")[0];
  inputs["inputs"][1].erase(0);
  EXPECT_EQ(TrainStepsSpecFromJson(inputs).error(),
            "inputs[1] has an empty list at level 1 (expected [channels][rows][columns])");
}

}  // namespace
}  // namespace convstep
