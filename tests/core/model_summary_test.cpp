// The Keras model summary against Keras's own numbers (tests/data), the
// lecture's CIFAR model, the table's layout and the errors a student meets.
#include <gtest/gtest.h>

#include "core/formats/model_json.h"
#include "core/nn/model_summary.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::LoadGolden;

// The model object of a golden case, parsed and summarised (a failure
// fails the test).
ModelSummary Summarize(const Json& model) {
  Result<Model> m = ModelFromJson(model);
  EXPECT_TRUE(m.ok()) << (m ? "" : m.error());
  if (!m) return {};
  Result<ModelSummary> s = SummarizeModel(*m);
  EXPECT_TRUE(s.ok()) << (s ? "" : s.error());
  return s ? *s : ModelSummary{};
}

// The error a model object gives, parsed or summarised; empty if none.
std::string ErrorOf(const Json& model) {
  Result<Model> m = ModelFromJson(model);
  if (!m) return m.error();
  Result<ModelSummary> s = SummarizeModel(*m);
  return s ? "" : s.error();
}

Json WithLayers(std::vector<int> input_shape, const Json& layers) {
  return {{"input_shape", input_shape}, {"layers", layers}};
}

void ExpectMatchesGolden(const Json& expect, const ModelSummary& got, const std::string& where) {
  ASSERT_EQ(got.layers.size(), expect["layers"].size()) << where;
  for (size_t i = 0; i < got.layers.size(); ++i) {
    const Json& layer = expect["layers"][i];
    const std::string at = where + ", layer " + std::to_string(i + 1);
    EXPECT_EQ(LayerTypeName(got.layers[i].type), layer["type"].get<std::string>()) << at;
    EXPECT_EQ(got.layers[i].output_shape, layer["output_shape"].get<std::vector<long long>>()) << at;
    EXPECT_EQ(got.layers[i].params, layer["params"].get<long long>()) << at;
  }
  EXPECT_EQ(got.total_params, expect["total_params"].get<long long>()) << where;
  EXPECT_EQ(got.trainable_params, expect["trainable_params"].get<long long>()) << where;
  EXPECT_EQ(got.non_trainable_params, expect["non_trainable_params"].get<long long>()) << where;
}

TEST(ModelSummary, EveryReferenceCase) {
  const Json cases = LoadGolden("summary_cases.json");
  ASSERT_EQ(cases.size(), 11u);
  for (size_t i = 0; i < cases.size(); ++i) {
    ExpectMatchesGolden(cases[i]["expect"], Summarize(cases[i]["model"]), "case " + std::to_string(i));
  }
}

TEST(ModelSummary, LectureCifarModelHas113738ParamsAndKerasTable) {
  const Json example = LoadGolden("seed_examples.json")["keras_cifar_summary"];
  const ModelSummary summary = Summarize(example["model"]);
  ExpectMatchesGolden(example["expect"], summary, "keras_cifar_summary");
  EXPECT_EQ(summary.total_params, 113738);

  const std::string table = FormatKerasSummary(summary);
  // "max_pooling2d_1 (MaxPooling2D)" is 30 characters: Keras would cut it to
  // "max_pooling2d_1 (MaxPooling2", ConvStep widens the first column by two.
  const std::string thin(67, '_');
  const std::string thick(67, '=');
  const std::string expected_start = "Model: \"sequential\"\n" + thin + "\n" +
                                     "Layer (type)                   Output Shape              Param #   \n" +
                                     thick + "\n" +
                                     "conv2d (Conv2D)                (None, 30, 30, 32)        896       \n" +
                                     thin + "\n";
  EXPECT_EQ(table.substr(0, expected_start.size()), expected_start) << table;
  EXPECT_NE(table.find("\nmax_pooling2d_1 (MaxPooling2D) (None, 6, 6, 64)          0         \n"),
            std::string::npos) << table;
  const std::string expected_end = "dense (Dense)                  (None, 10)                20490     \n" +
                                   thick + "\n" +
                                   "Total params: 113,738\n"
                                   "Trainable params: 113,738\n"
                                   "Non-trainable params: 0\n" +
                                   thin + "\n";
  ASSERT_GE(table.size(), expected_end.size());
  EXPECT_EQ(table.substr(table.size() - expected_end.size()), expected_end) << table;
}

TEST(ModelSummary, TableIsKerasExactWhenEveryNameFits) {
  // The first two layers of the lecture's model, as TF 2.x prints them.
  Json model = LoadGolden("seed_examples.json")["keras_cifar_summary"]["model"];
  model["layers"] = Json::array({model["layers"][0], model["layers"][1]});
  EXPECT_EQ(FormatKerasSummary(Summarize(model)),
            "Model: \"sequential\"\n"
            "_________________________________________________________________\n"
            "Layer (type)                 Output Shape              Param #   \n"
            "=================================================================\n"
            "conv2d (Conv2D)              (None, 30, 30, 32)        896       \n"
            "_________________________________________________________________\n"
            "max_pooling2d (MaxPooling2D) (None, 15, 15, 32)        0         \n"
            "=================================================================\n"
            "Total params: 896\n"
            "Trainable params: 896\n"
            "Non-trainable params: 0\n"
            "_________________________________________________________________\n");
}

TEST(ModelSummary, ThousandsSeparatorsInTotalsAsKerasPrintsThem) {
  // Case 6 of the reference vectors: 1,844,132 parameters, none frozen;
  // case 1: 91,242 of which 320 are batchnorm's moving statistics.
  const Json cases = LoadGolden("summary_cases.json");
  const std::string big = FormatKerasSummary(Summarize(cases[6]["model"]));
  EXPECT_NE(big.find("\nTotal params: 1,844,132\nTrainable params: 1,844,132\nNon-trainable params: 0\n"),
            std::string::npos) << big;
  // Inside the table Keras prints the plain number.
  EXPECT_NE(big.find(" 1843300 "), std::string::npos) << big;
  const std::string bn = FormatKerasSummary(Summarize(cases[1]["model"]));
  EXPECT_NE(bn.find("\nTotal params: 91,242\nTrainable params: 90,922\nNon-trainable params: 320\n"),
            std::string::npos) << bn;
}

TEST(ModelSummary, KerasAutomaticNamesAndClasses) {
  const ModelSummary s = Summarize(WithLayers({32, 32, 3}, {
      {{"type", "conv2d"}, {"filters", 8}, {"kernel_size", 3}},
      {{"type", "batchnorm"}},
      {{"type", "relu"}},
      {{"type", "maxpool2d"}},
      {{"type", "conv2d"}, {"filters", 8}, {"kernel_size", 3}},
      {{"type", "avgpool2d"}},
      {{"type", "maxpool2d"}},
      {{"type", "globalavgpool2d"}},
      {{"type", "dropout"}, {"rate", 0.5}},
      {{"type", "flatten"}},
      {{"type", "dense"}, {"units", 4}},
      {{"type", "dense"}, {"units", 2}},
  }));
  const std::vector<std::pair<std::string, std::string>> expected{
      {"conv2d", "Conv2D"},
      {"batch_normalization", "BatchNormalization"},
      {"re_lu", "ReLU"},
      {"max_pooling2d", "MaxPooling2D"},
      {"conv2d_1", "Conv2D"},
      {"average_pooling2d", "AveragePooling2D"},
      {"max_pooling2d_1", "MaxPooling2D"},
      {"global_average_pooling2d", "GlobalAveragePooling2D"},
      {"dropout", "Dropout"},
      {"flatten", "Flatten"},
      {"dense", "Dense"},
      {"dense_1", "Dense"},
  };
  ASSERT_EQ(s.layers.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(s.layers[i].name, expected[i].first);
    EXPECT_EQ(KerasClassName(s.layers[i].type), expected[i].second);
  }
}

TEST(ModelSummary, KerasRulesOutsideTheReferenceVectors) {
  // Pooling "same": out = ceil(n/s), ceil(15/2) = 8. Average pooling 2×2
  // with stride 1 on 5×5: floor((5 - 2)/1) + 1 = 4. A conv2d without bias:
  // 3·3·3 weights for each of 32 filters = 864. Dilation 2 turns a 3×3
  // kernel into a 5×5 span: floor((9 - 2·2 - 1)/1) + 1 = 5.
  const ModelSummary s = Summarize(WithLayers({15, 15, 3}, {
      {{"type", "maxpool2d"}, {"padding", "same"}},
      {{"type", "conv2d"}, {"filters", 32}, {"kernel_size", 3}, {"use_bias", false}, {"padding", "same"}},
  }));
  ASSERT_EQ(s.layers.size(), 2u);
  EXPECT_EQ(s.layers[0].output_shape, (std::vector<long long>{8, 8, 3}));
  EXPECT_EQ(s.layers[1].params, 864);
  const ModelSummary avg = Summarize(WithLayers({5, 5, 1}, {{{"type", "avgpool2d"}, {"strides", 1}}}));
  ASSERT_EQ(avg.layers.size(), 1u);
  EXPECT_EQ(avg.layers[0].output_shape, (std::vector<long long>{4, 4, 1}));
  const ModelSummary dilated = Summarize(
      WithLayers({9, 9, 1}, {{{"type", "conv2d"}, {"filters", 1}, {"kernel_size", 3}, {"dilation_rate", 2}}}));
  ASSERT_EQ(dilated.layers.size(), 1u);
  EXPECT_EQ(dilated.layers[0].output_shape, (std::vector<long long>{5, 5, 1}));
}

TEST(ModelSummary, KernelThatDoesNotFitNamesTheLayer) {
  // 6×6 -> conv 3×3 -> 4×4 -> pool 2 -> 2×2: the second conv has no room.
  EXPECT_EQ(ErrorOf(WithLayers({6, 6, 1}, {
                {{"type", "conv2d"}, {"filters", 4}, {"kernel_size", 3}},
                {{"type", "maxpool2d"}, {"pool_size", 2}},
                {{"type", "conv2d"}, {"filters", 4}, {"kernel_size", 3}},
            })),
            "layer 3, conv2d_1 (Conv2D): the 3\u00d73 kernel does not fit in the 2\u00d72 input");
  EXPECT_EQ(ErrorOf(WithLayers({4, 4, 1}, {{{"type", "conv2d"}, {"filters", 1}, {"kernel_size", 3},
                                            {"dilation_rate", 2}}})),
            "layer 1, conv2d (Conv2D): the 3\u00d73 kernel with dilation 2\u00d72 spans 5\u00d75 and does not fit "
            "in the 4\u00d74 input");
  EXPECT_EQ(ErrorOf(WithLayers({1, 1, 3}, {{{"type", "maxpool2d"}}})),
            "layer 1, max_pooling2d (MaxPooling2D): the 2\u00d72 pooling window does not fit in the 1\u00d71 input");
}

// The summary tab marks the layer the summary stops at.
TEST(ModelSummary, FailingLayerIsTheLayerTheSummaryStopsAt) {
  const auto failing = [](const Json& j) {
    Result<Model> m = ModelFromJson(j);
    EXPECT_TRUE(m) << m.error();
    return m ? FailingLayer(*m) : -2;
  };
  EXPECT_EQ(failing(WithLayers({6, 6, 1}, {
                {{"type", "conv2d"}, {"filters", 4}, {"kernel_size", 3}},
                {{"type", "maxpool2d"}, {"pool_size", 2}},
                {{"type", "conv2d"}, {"filters", 4}, {"kernel_size", 3}},
                {{"type", "flatten"}},
            })),
            2);
  EXPECT_EQ(failing(WithLayers({1, 1, 3}, {{{"type", "maxpool2d"}}, {{"type", "flatten"}}})), 0);
  EXPECT_EQ(failing(LoadGolden("seed_examples.json")["keras_cifar_summary"]["model"]), -1);
  // Dense before Flatten: the dense layer, the third.
  Json model = LoadGolden("seed_examples.json")["keras_cifar_summary"]["model"];
  model["layers"] = Json::array({model["layers"][0], model["layers"][1], {{"type", "dense"}, {"units", 10}}});
  EXPECT_EQ(failing(model), 2);
}

TEST(ModelSummary, DenseBeforeFlattenIsAnError) {
  // The lecture's first two layers give 15×15×32; Dense needs it flat.
  Json model = LoadGolden("seed_examples.json")["keras_cifar_summary"]["model"];
  model["layers"] = Json::array({model["layers"][0], model["layers"][1], {{"type", "dense"}, {"units", 10}}});
  EXPECT_EQ(ErrorOf(model),
            "layer 3, dense (Dense): needs a flat input, but gets 15\u00d715\u00d732: add a Flatten layer before it");
  const std::string conv_after_flatten =
      ErrorOf(WithLayers({4, 4, 1}, {{{"type", "flatten"}}, {{"type", "conv2d"}, {"filters", 1}, {"kernel_size", 1}}}));
  EXPECT_EQ(conv_after_flatten.rfind("layer 2, conv2d (Conv2D): needs a height\u00d7width\u00d7channels input", 0), 0u)
      << conv_after_flatten;
}

TEST(ModelSummary, UnknownTypesAndFieldsAreNamed) {
  const std::string unknown = ErrorOf(WithLayers({8, 8, 1}, {{{"type", "flatten"}}, {{"type", "conv3d"}}}));
  EXPECT_EQ(unknown.rfind("layer 2: unknown layer type \"conv3d\": use one of conv2d, maxpool2d", 0), 0u) << unknown;
  // PyTorch's "stride" must not silently become Keras's default of 1.
  EXPECT_EQ(ErrorOf(WithLayers({8, 8, 1}, {{{"type", "conv2d"}, {"filters", 1}, {"kernel_size", 3}, {"stride", 2}}})),
            "layer 1, conv2d (Conv2D): unknown field \"stride\": conv2d takes filters, kernel_size, strides, "
            "padding, dilation_rate, use_bias");
  EXPECT_EQ(ErrorOf(WithLayers({8, 8, 1}, {{{"type", "relu"}, {"rate", 0.5}}})),
            "layer 1, re_lu (ReLU): unknown field \"rate\": relu takes no other fields");
  const std::string activation = ErrorOf(WithLayers(
      {8, 8, 1}, {{{"type", "conv2d"}, {"filters", 1}, {"kernel_size", 3}, {"activation", "relu"}}}));
  EXPECT_NE(activation.find("add {\"type\": \"relu\"} after this one"), std::string::npos) << activation;
  EXPECT_EQ(ErrorOf(WithLayers({8, 8, 1}, {{{"filters", 1}}})),
            "layer 1 must be an object with a \"type\", e.g. {\"type\": \"flatten\"}");
}

TEST(ModelSummary, BadParametersAreErrors) {
  const std::vector<std::pair<Json, std::string>> cases{
      {{{"type", "conv2d"}, {"filters", 0}, {"kernel_size", 3}}, "layer 1, conv2d (Conv2D): filters must be at least 1"},
      {{{"type", "conv2d"}, {"filters", 2}, {"kernel_size", {3, 0}}},
       "layer 1, conv2d (Conv2D): kernel_size must be at least 1"},
      {{{"type", "conv2d"}, {"filters", 2}, {"kernel_size", 3}, {"strides", 0}},
       "layer 1, conv2d (Conv2D): strides must be at least 1"},
      {{{"type", "conv2d"}, {"kernel_size", 3}}, "layer 1, conv2d (Conv2D): needs \"filters\", the number of filters, e.g. 32"},
      {{{"type", "conv2d"}, {"filters", 2}, {"kernel_size", 3}, {"padding", "full"}},
       "layer 1, conv2d (Conv2D): padding must be \"valid\" or \"same\""},
      {{{"type", "conv2d"}, {"filters", 2}, {"kernel_size", 3}, {"use_bias", 1}},
       "layer 1, conv2d (Conv2D): use_bias must be true or false"},
      {{{"type", "conv2d"}, {"filters", 2.5}, {"kernel_size", 3}}, "layer 1, conv2d (Conv2D): filters must be a whole number"},
      {{{"type", "maxpool2d"}, {"pool_size", 0}}, "layer 1, max_pooling2d (MaxPooling2D): pool_size must be at least 1"},
      {{{"type", "dropout"}, {"rate", 1.0}},
       "layer 1, dropout (Dropout): rate must be at least 0 and below 1: it is the fraction of inputs dropped"},
      {{{"type", "dropout"}, {"rate", -0.1}},
       "layer 1, dropout (Dropout): rate must be at least 0 and below 1: it is the fraction of inputs dropped"},
      {{{"type", "dropout"}}, "layer 1, dropout (Dropout): needs \"rate\", the fraction of inputs dropped, e.g. 0.5"},
  };
  for (const auto& [layer, message] : cases) {
    EXPECT_EQ(ErrorOf(WithLayers({8, 8, 1}, Json::array({layer}))), message) << layer.dump();
  }
  // Two numbers are a sequence's [steps, channels]; one is nothing.
  EXPECT_EQ(ErrorOf(WithLayers({8}, {{{"type", "flatten"}}})).rfind("input_shape must be", 0), 0u);
  EXPECT_EQ(ErrorOf(WithLayers({2, 2, 1}, {{{"type", "flatten"}}, {{"type", "dense"}, {"units", 0}}})),
            "layer 2, dense (Dense): units must be at least 1");
  EXPECT_EQ(ErrorOf(WithLayers({0, 8, 1}, Json::array())),
            "input_shape must be three positive whole numbers [height, width, channels], e.g. [32, 32, 3]");
  EXPECT_EQ(ErrorOf(Json::array()), "the model must be a JSON object with \"input_shape\" and \"layers\"");
  EXPECT_EQ(ErrorOf({{"input_shape", {8, 8, 1}}}).rfind("the model needs \"layers\"", 0), 0u);
  EXPECT_EQ(ErrorOf({{"input_shape", {8, "8", 1}}, {"layers", Json::array()}}).rfind("input_shape must be", 0), 0u);
}

TEST(ModelSummary, HugeModelsAreRefusedNotOverflowed) {
  // JSON caps channels at 1,000,000; a model built in code is not capped.
  Model wide;
  wide.height = 16384;
  wide.width = 16384;
  wide.channels = 2000000000;
  LayerSpec flatten;
  flatten.type = LayerType::kFlatten;
  wide.layers = {flatten};
  Result<ModelSummary> flat = SummarizeModel(wide);
  ASSERT_FALSE(flat.ok());
  EXPECT_EQ(flat.error(), "layer 1, flatten (Flatten): more than 1,000,000,000,000,000 values, beyond what ConvStep counts");
  const std::string dense = ErrorOf(WithLayers(
      {16384, 16384, 1000}, {{{"type", "flatten"}}, {{"type", "dense"}, {"units", 1000000}}}));
  EXPECT_EQ(dense.rfind("layer 2, dense (Dense): more than 1,000,000,000,000,000 parameters", 0), 0u) << dense;
}

TEST(ModelSummary, JsonHasTheReferenceLayout) {
  const Json c = LoadGolden("summary_cases.json")[1];
  EXPECT_EQ(ToJson(Summarize(c["model"])), c["expect"]);
}

}  // namespace
}  // namespace convstep
