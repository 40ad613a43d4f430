// Keras's 1-D layers in the model summary (Conv1D, MaxPooling1D,
// AveragePooling1D, GlobalAveragePooling1D on an input_shape [steps,
// channels]): shapes and parameter counts derived by hand from Keras's
// formulas, written out beside each expectation; the errors of a layer on
// the wrong kind of input; and the session format keeping a 1-D model.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/formats/model_json.h"
#include "core/formats/session_io.h"
#include "core/nn/model_summary.h"

namespace convstep {
namespace {

Result<ModelSummary> SummaryOf(const Json& model) {
  Result<Model> m = ModelFromJson(model);
  if (!m) return Error{m.error()};
  return SummarizeModel(*m);
}

std::string ErrorOf(const Json& model) {
  Result<ModelSummary> s = SummaryOf(model);
  return s ? "" : s.error();
}

Json WithLayers(std::vector<int> input_shape, const Json& layers) {
  return {{"input_shape", input_shape}, {"layers", layers}};
}

struct Row {
  std::string name;
  std::vector<long long> shape;
  long long params;
};

void ExpectRows(const ModelSummary& got, const std::vector<Row>& want) {
  ASSERT_EQ(got.layers.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got.layers[i].name, want[i].name) << "layer " << i + 1;
    EXPECT_EQ(got.layers[i].output_shape, want[i].shape) << "layer " << i + 1;
    EXPECT_EQ(got.layers[i].params, want[i].params) << "layer " << i + 1;
  }
}

// A 1-D CNN on 100 samples of one channel. Keras: "valid" out =
// floor((n - d(K - 1) - 1)/s) + 1, "same" and "causal" out = ceil(n/s);
// Conv1D params = K·C_in·filters + filters.
const Json kSignalModel = WithLayers(
    {100, 1}, {{{"type", "conv1d"}, {"filters", 16}, {"kernel_size", 5}},
               {{"type", "maxpool1d"}},
               {{"type", "conv1d"}, {"filters", 32}, {"kernel_size", {3}}, {"padding", "same"}},
               {{"type", "avgpool1d"}, {"pool_size", 3}, {"strides", 2}, {"padding", "same"}},
               {{"type", "conv1d"}, {"filters", 8}, {"kernel_size", 2}, {"dilation_rate", 4}, {"padding", "causal"}},
               {{"type", "conv1d"}, {"filters", 8}, {"kernel_size", 3}, {"strides", 2}},
               {{"type", "globalavgpool1d"}},
               {{"type", "dense"}, {"units", 4}}});

TEST(ModelSummary1d, ShapesAndParamsAreKerasFormulas) {
  Result<ModelSummary> s = SummaryOf(kSignalModel);
  ASSERT_TRUE(s.ok()) << s.error();
  ExpectRows(*s, {
                     // (100 - 1*(5 - 1) - 1)/1 + 1 = 96; 5*1*16 + 16 = 96
                     {"conv1d", {96, 16}, 96},
                     // pool_size 2, strides 2: (96 - 2)/2 + 1 = 48
                     {"max_pooling1d", {48, 16}, 0},
                     // same, stride 1: ceil(48/1) = 48; 3*16*32 + 32 = 1568
                     {"conv1d_1", {48, 32}, 1568},
                     // same, stride 2: ceil(48/2) = 24
                     {"average_pooling1d", {24, 32}, 0},
                     // causal, stride 1: ceil(24/1) = 24 (pads 4*(2 - 1) = 4 before); 2*32*8 + 8 = 520
                     {"conv1d_2", {24, 8}, 520},
                     // valid, stride 2: floor((24 - 3)/2) + 1 = 11; 3*8*8 + 8 = 200
                     {"conv1d_3", {11, 8}, 200},
                     // the mean over the steps, per channel
                     {"global_average_pooling1d", {8}, 0},
                     // 8*4 + 4 = 36
                     {"dense", {4}, 36},
                 });
  // 96 + 1568 + 520 + 200 + 36 = 2420
  EXPECT_EQ(s->total_params, 2420);
  EXPECT_EQ(s->trainable_params, 2420);
  EXPECT_EQ(s->non_trainable_params, 0);
  const std::string table = FormatKerasSummary(*s);
  EXPECT_NE(table.find("conv1d_2 (Conv1D)"), std::string::npos) << table;
  EXPECT_NE(table.find("(None, 24, 8)"), std::string::npos) << table;
  EXPECT_NE(table.find("global_average_pooling1d (GlobalAveragePooling1D)"), std::string::npos) << table;
  EXPECT_NE(table.find("Total params: 2,420\n"), std::string::npos) << table;
}

TEST(ModelSummary1d, CausalStridedConvWithoutBiasThenBatchNormAndFlatten) {
  Result<ModelSummary> s = SummaryOf(WithLayers(
      {50, 3}, {{{"type", "conv1d"}, {"filters", 4}, {"kernel_size", 3}, {"strides", 3}, {"padding", "causal"},
                 {"use_bias", false}},
                {{"type", "batchnorm"}},
                {{"type", "flatten"}},
                {{"type", "dense"}, {"units", 2}}}));
  ASSERT_TRUE(s.ok()) << s.error();
  ExpectRows(*s, {
                     // causal, stride 3: ceil(50/3) = 17; no bias: 3*3*4 = 36
                     {"conv1d", {17, 4}, 36},
                     // 4 per channel: 4*4 = 16, the moving mean and variance (8) not trained
                     {"batch_normalization", {17, 4}, 16},
                     // 17*4 = 68
                     {"flatten", {68}, 0},
                     // 68*2 + 2 = 138
                     {"dense", {2}, 138},
                 });
  // 36 + 16 + 138 = 190, of which 8 are not trained
  EXPECT_EQ(s->total_params, 190);
  EXPECT_EQ(s->trainable_params, 182);
  EXPECT_EQ(s->non_trainable_params, 8);
  EXPECT_EQ(KerasShapeText(s->layers[0].output_shape), "(None, 17, 4)");
}

TEST(ModelSummary1d, LayersOnTheWrongKindOfInputSayWhich) {
  const Json conv1d = {{"type", "conv1d"}, {"filters", 2}, {"kernel_size", 3}};
  const Json conv2d = {{"type", "conv2d"}, {"filters", 2}, {"kernel_size", 3}};
  EXPECT_EQ(ErrorOf(WithLayers({8, 8, 1}, Json::array({conv1d}))),
            "layer 1, conv1d (Conv1D): needs a steps\u00d7channels input (input_shape [steps, channels]), but gets "
            "the height\u00d7width\u00d7channels 8\u00d78\u00d71 of an image: use its 2-D kin (Conv2D, MaxPooling2D, ...)");
  EXPECT_EQ(ErrorOf(WithLayers({8, 1}, Json::array({conv2d}))),
            "layer 1, conv2d (Conv2D): needs a height\u00d7width\u00d7channels input, but gets the steps\u00d7channels "
            "8\u00d71 of a sequence: use its 1-D kin (Conv1D, MaxPooling1D, ...)");
  EXPECT_EQ(ErrorOf(WithLayers({8, 1}, {{{"type", "flatten"}}, {{"type", "globalavgpool1d"}}})),
            "layer 2, global_average_pooling1d (GlobalAveragePooling1D): needs a steps\u00d7channels input, but gets "
            "the flat 8 values of the layer before: move it before the Flatten layer");
  EXPECT_EQ(ErrorOf(WithLayers({4, 1}, {{{"type", "conv1d"}, {"filters", 2}, {"kernel_size", 5}}})),
            "layer 1, conv1d (Conv1D): the 5-step kernel does not fit in the 4 steps");
  EXPECT_EQ(ErrorOf(WithLayers({4, 1}, {{{"type", "conv1d"}, {"filters", 2}, {"kernel_size", 3}, {"dilation_rate", 2}}})),
            "layer 1, conv1d (Conv1D): the 3-step kernel with dilation 2 spans 5 and does not fit in the 4 steps");
  EXPECT_EQ(ErrorOf(WithLayers({4, 1}, {{{"type", "maxpool1d"}, {"pool_size", 5}}})),
            "layer 1, max_pooling1d (MaxPooling1D): the 5-step pooling window does not fit in the 4 steps");
}

TEST(ModelSummary1d, BadFieldsAreNamed) {
  EXPECT_EQ(ErrorOf(WithLayers({8, 1}, {{{"type", "conv1d"}, {"filters", 2}, {"kernel_size", {3, 3}}}})),
            "layer 1, conv1d (Conv1D): kernel_size must be a whole number or a list of one, e.g. 3 or [3]");
  EXPECT_EQ(ErrorOf(WithLayers({8, 1}, {{{"type", "conv1d"}, {"filters", 2}}})),
            "layer 1, conv1d (Conv1D): needs \"kernel_size\", e.g. 3");
  EXPECT_EQ(ErrorOf(WithLayers({8, 1}, {{{"type", "conv1d"}, {"filters", 2}, {"kernel_size", 3}, {"padding", "full"}}})),
            "layer 1, conv1d (Conv1D): padding must be \"valid\", \"same\" or \"causal\"");
  // Causal padding is Conv1D's only, as in Keras.
  EXPECT_EQ(ErrorOf(WithLayers({8, 1}, {{{"type", "maxpool1d"}, {"padding", "causal"}}})),
            "layer 1, max_pooling1d (MaxPooling1D): padding must be \"valid\" or \"same\"");
  EXPECT_EQ(ErrorOf(WithLayers({8, 8, 1}, {{{"type", "conv2d"}, {"filters", 2}, {"kernel_size", 3}, {"padding", "causal"}}})),
            "layer 1, conv2d (Conv2D): padding must be \"valid\" or \"same\"");
  EXPECT_EQ(ErrorOf(WithLayers({8, 1}, {{{"type", "avgpool1d"}, {"strides", 0}}})),
            "layer 1, average_pooling1d (AveragePooling1D): strides must be at least 1");
  EXPECT_EQ(ErrorOf(WithLayers({0, 1}, Json::array())),
            "input_shape must be two positive whole numbers [steps, channels], e.g. [100, 1]");
  EXPECT_EQ(ErrorOf(WithLayers({8}, Json::array())).rfind("input_shape must be three whole numbers", 0), 0u);

  // A model built in code (the window's) may set what the JSON refuses.
  Model m;
  m.layers.push_back(LayerSpec{});
  m.layers[0].padding = KerasPadding::kCausal;
  Result<ModelSummary> s = SummarizeModel(m);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error(), "layer 1, conv2d (Conv2D): padding \"causal\" is Conv1D's only: Conv2D takes \"valid\" or \"same\"");
}

TEST(ModelSummary1d, ASessionKeepsItsSequenceModel) {
  Result<Model> model = ModelFromJson(kSignalModel);
  ASSERT_TRUE(model.ok()) << model.error();
  EXPECT_TRUE(model->sequence);
  EXPECT_EQ(ModelInputShape(*model), (std::vector<long long>{100, 1}));
  // The convolution and pooling tabs need something to show.
  Session session;
  session.conv.input = Tensor3(1, 4, 4, 1.0);
  session.conv.weight = Tensor4(1, 1, 3, 3, 1.0);
  session.pool.input = Tensor3(1, 4, 4, 2.0);
  session.model = *model;
  const std::string saved = SessionToText(session);
  Result<Session> loaded = SessionFromText(saved);
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  EXPECT_TRUE(loaded->model.sequence);
  EXPECT_EQ(SessionToText(*loaded), saved);
  Result<ModelSummary> again = SummarizeModel(loaded->model);
  ASSERT_TRUE(again.ok()) << again.error();
  EXPECT_EQ(again->total_params, 2420);
  // The layers as they were written: one number per 1-D window, Keras's words.
  const Json written = ModelToJson(loaded->model);
  EXPECT_EQ(written["input_shape"], Json::array({100, 1}));
  EXPECT_EQ(written["layers"][2]["kernel_size"], 3);
  EXPECT_EQ(written["layers"][4]["padding"], "causal");
  EXPECT_EQ(written["layers"][4]["dilation_rate"], 4);
  EXPECT_EQ(written["layers"][3]["strides"], 2);
}

}  // namespace
}  // namespace convstep
