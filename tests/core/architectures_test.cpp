#include "core/nn/architectures.h"

#include <gtest/gtest.h>

namespace convstep {
namespace {

// Parameter counts worked by hand: (kH·kW·C_in + 1)·filters per conv,
// (inputs + 1)·units per dense.
TEST(Architectures, TheLectureModelOn28x28HasTheParametersCountedByHand) {
  const Result<ModelSummary> s = SummarizeModel(ArchitectureModel(Architecture::kLecture));
  ASSERT_TRUE(s.ok()) << s.error();
  // 28 -> 26 -> 13 -> 11 -> 5 -> 3: 3·3·128 = 1152 inputs to the dense layer.
  EXPECT_EQ(s->layers[8].output_shape, (std::vector<long long>{1152}));
  EXPECT_EQ(s->total_params, (9 + 1) * 32 + (9 * 32 + 1) * 64 + (9 * 64 + 1) * 128 + (1152 + 1) * 10);
  EXPECT_EQ(s->total_params, 104202);
}

TEST(Architectures, LeNet5On28x28KeepsThePapersShapes) {
  const Result<ModelSummary> s = SummarizeModel(ArchitectureModel(Architecture::kLeNet5));
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(s->layers[0].output_shape, (std::vector<long long>{28, 28, 6}));   // 'same': C1's 28×28
  EXPECT_EQ(s->layers[3].output_shape, (std::vector<long long>{10, 10, 16}));  // C3
  EXPECT_EQ(s->layers[6].output_shape, (std::vector<long long>{400}));
  EXPECT_EQ(s->total_params, (25 + 1) * 6 + (25 * 6 + 1) * 16 + (400 + 1) * 120 + (120 + 1) * 84 + (84 + 1) * 10);
}

TEST(Architectures, TheTinyModelAndTheNames) {
  const Result<ModelSummary> s = SummarizeModel(ArchitectureModel(Architecture::kTiny));
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(s->total_params, (9 + 1) * 8 + (13 * 13 * 8 + 1) * 10);
  for (Architecture a : kAllArchitectures) {
    Architecture back = Architecture::kTiny;
    ASSERT_TRUE(ArchitectureFromName(ArchitectureName(a), &back));
    EXPECT_EQ(back, a);
  }
  Architecture none = Architecture::kLecture;
  EXPECT_FALSE(ArchitectureFromName("vgg16", &none));
}

}  // namespace
}  // namespace convstep
