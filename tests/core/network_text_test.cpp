#include "core/teach/network_text.h"

#include <gtest/gtest.h>

namespace convstep {
namespace {

LayerSpec Layer(LayerType type) {
  LayerSpec l;
  l.type = type;
  return l;
}

// input 1×2×2 -> flatten (4) -> dense 2 -> relu, with the activations
// worked out by hand.
struct Small {
  Network net;
  Tensor3 input{1, 2, 2};
  std::vector<Tensor3> activations;
  Small() {
    net.model.height = 2;
    net.model.width = 2;
    net.model.channels = 1;
    net.model.layers = {Layer(LayerType::kFlatten), Layer(LayerType::kDense), Layer(LayerType::kReLU)};
    net.model.layers[1].units = 2;
    net.params.resize(3);
    net.params[1].weight = {1, -2, 0.5, 3,    // unit 0
                            -1, 0, 0, 0.25};  // unit 1
    net.params[1].bias = {0.5, -1};
    input.data = {2, 1, 4, -1};
    Tensor3 flat(4, 1, 1);
    flat.data = input.data;
    Tensor3 dense(2, 1, 1);
    dense.data = {2 - 2 + 2 - 3 + 0.5, -2 - 0.25 - 1};  // -0.5, -3.25
    Tensor3 relu(2, 1, 1);
    relu.data = {0, 0};
    activations = {flat, dense, relu};
  }
};

TEST(NetworkText, ADenseUnitListsItsLargestProductsFirstThenTheRestAndTheBias) {
  Small s;
  const ActivationSum sum = ActivationArithmetic(s.net, s.input, s.activations, {1, 0, 0, 0}, 2);
  ASSERT_TRUE(sum.valid);
  EXPECT_EQ(sum.inputs, 4);
  // |1·2| = 2, |-2·1| = 2, |0.5·4| = 2, |3·-1| = 3: 3 first, then the first 2 in input order.
  ASSERT_EQ(sum.terms.size(), 2u);
  EXPECT_EQ(sum.terms[0], "3·(-1)");
  EXPECT_EQ(sum.terms[1], "1·2");
  EXPECT_EQ(sum.rest_count, 2);
  EXPECT_DOUBLE_EQ(sum.rest_sum, -2 + 2);
  EXPECT_TRUE(sum.has_bias);
  EXPECT_DOUBLE_EQ(sum.bias, 0.5);
  EXPECT_DOUBLE_EQ(sum.value, -0.5);
}

TEST(NetworkText, FlattenNamesTheCellItCopiesInPyTorchsOrder) {
  Small s;
  Tensor3 maps(2, 2, 3);  // a flatten of 2 maps of 2×3: unit 10 is channel 1, row 1, column 1
  s.activations[0] = Tensor3(12, 1, 1);
  const ActivationSum sum = ActivationArithmetic(s.net, maps, s.activations, {0, 10, 0, 0});
  ASSERT_TRUE(sum.valid);
  EXPECT_EQ(sum.source, (ActivationRef{-1, 1, 1, 1}));
}

TEST(NetworkText, ReluWritesItsMaxAndANameOutsideTheLayersIsNotValid) {
  Small s;
  const ActivationSum relu = ActivationArithmetic(s.net, s.input, s.activations, {2, 1, 0, 0});
  ASSERT_TRUE(relu.valid);
  EXPECT_EQ(relu.formula, "max(0, -3.25) = 0");
  EXPECT_FALSE(ActivationArithmetic(s.net, s.input, s.activations, {3, 0, 0, 0}).valid);
  EXPECT_FALSE(ActivationArithmetic(s.net, s.input, s.activations, {1, 2, 0, 0}).valid);
  EXPECT_FALSE(ActivationArithmetic(s.net, s.input, s.activations, {-1, 0, 0, 0}).valid);
}

}  // namespace
}  // namespace convstep
