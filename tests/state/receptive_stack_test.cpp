// The 1-D stack the summary tab traces: WaveNet's four causal layers, a
// pooling's stride, the layers that move no sample, and where it ends.
#include <gtest/gtest.h>

#include "app/state/receptive_stack.h"

namespace convstep {
namespace {

LayerSpec Conv1d(int kernel, int dilation) {
  LayerSpec l;
  l.type = LayerType::kConv1d;
  l.filters = 4;
  l.kernel_size = {1, kernel};
  l.dilation_rate = {1, dilation};
  l.padding = KerasPadding::kCausal;
  return l;
}

Model Sequence(std::vector<LayerSpec> layers) {
  Model m;
  m.sequence = true;
  m.width = 64;
  m.channels = 1;
  m.layers = std::move(layers);
  return m;
}

TEST(ReceptiveStack, WaveNetsFourCausalLayersHearSixteenSamples) {
  LayerSpec relu;
  relu.type = LayerType::kReLU;
  LayerSpec global;
  global.type = LayerType::kGlobalAvgPool1d;
  const Model m = Sequence({Conv1d(2, 1), relu, Conv1d(2, 2), Conv1d(2, 4), Conv1d(2, 8), global});
  Result<ModelSummary> summary = SummarizeModel(m);
  ASSERT_TRUE(summary.ok()) << summary.error();
  const std::optional<ReceptiveStack> stack = ReceptiveStackOf(m, *summary);
  ASSERT_TRUE(stack.has_value());
  ASSERT_EQ(stack->layers.size(), 4u);  // the ReLU moves no sample; the global pooling ends the stack
  EXPECT_EQ(stack->model_index, (std::vector<int>{0, 2, 3, 4}));
  EXPECT_EQ(stack->steps, (std::vector<int>{64, 64, 64, 64, 64}));  // causal: as long as the input
  EXPECT_TRUE(stack->layers[3].causal);
  EXPECT_EQ(stack->layers[3].dilation, 8);
  Result<ReceptiveField> field = TraceReceptiveField(stack->layers, 63);
  ASSERT_TRUE(field.ok());
  EXPECT_EQ(field->size, 16);  // 1 + 1 + 2 + 4 + 8
  EXPECT_EQ(field->layers.front().first, 48);
  EXPECT_EQ(field->layers.front().last, 63);
}

TEST(ReceptiveStack, APoolingSpreadsThePositionsBelowIt) {
  LayerSpec pool;
  pool.type = LayerType::kMaxPool1d;
  pool.pool_size = {1, 2};
  LayerSpec k3 = Conv1d(3, 1);
  k3.padding = KerasPadding::kValid;
  const Model m = Sequence({k3, pool, k3});
  Result<ModelSummary> summary = SummarizeModel(m);
  ASSERT_TRUE(summary.ok()) << summary.error();
  const std::optional<ReceptiveStack> stack = ReceptiveStackOf(m, *summary);
  ASSERT_TRUE(stack.has_value());
  EXPECT_EQ(stack->steps, (std::vector<int>{64, 62, 31, 29}));
  EXPECT_EQ(stack->layers[1].stride, 2);  // pool_size by default
  EXPECT_EQ(ReceptiveFieldSize(stack->layers), 1 + 2 + 1 + 2 * 2);  // the top conv's span counts twice
}

TEST(ReceptiveStack, OnlySequenceModelsStartingWithA1DLayer) {
  Model image = Sequence({Conv1d(2, 1)});
  image.sequence = false;
  image.layers = {};
  LayerSpec conv2d;
  conv2d.type = LayerType::kConv2d;
  image.layers.push_back(conv2d);
  Result<ModelSummary> summary = SummarizeModel(image);
  ASSERT_TRUE(summary.ok()) << summary.error();
  EXPECT_FALSE(ReceptiveStackOf(image, *summary).has_value());
  LayerSpec flatten;
  flatten.type = LayerType::kFlatten;
  const Model flat = Sequence({flatten});
  summary = SummarizeModel(flat);
  ASSERT_TRUE(summary.ok()) << summary.error();
  EXPECT_FALSE(ReceptiveStackOf(flat, *summary).has_value());
}

}  // namespace
}  // namespace convstep
