// The test-set pass (core/nn/test_set.h) against the exact float64 forward
// pass, image by image: each prediction and its probability, the confusion
// matrix as counted from them, and each first-layer filter's strongest
// images against a brute-force ranking of the exact feature maps.
#include "core/nn/test_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "core/nn/architectures.h"
#include "core/nn/forward.h"
#include "core/nn/init.h"

namespace convstep {
namespace {

constexpr int kImages = 60;
constexpr int kSide = 28;

struct Exact {
  int predicted;
  double gap;          // between the two highest logits
  double probability;  // of the predicted class
  Tensor3 conv;        // the first layer's output
};

class TestSet : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Network> net = InitNetwork(ArchitectureModel(Architecture::kTiny), InitScheme::kPyTorch, 5);
    ASSERT_TRUE(net.ok());
    weights = std::move(net).value();
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> pixel(0.0f, 1.0f);
    for (int i = 0; i < kImages * kSide * kSide; ++i) images.push_back(pixel(rng));
    for (int i = 0; i < kImages; ++i) labels.push_back(static_cast<std::uint8_t>(rng() % 10));
    for (int i = 0; i < kImages; ++i) exact.push_back(ExactOf(i));
  }

  Exact ExactOf(int image) const {
    Tensor3 input(1, kSide, kSide);
    std::copy_n(images.begin() + image * kSide * kSide, kSide * kSide, input.data.begin());
    Result<std::vector<Tensor3>> a = ForwardActivations(weights, input);
    EXPECT_TRUE(a.ok());
    const std::vector<double>& z = a->back().data;
    std::vector<double> sorted = z;
    std::sort(sorted.rbegin(), sorted.rend());
    const int best = static_cast<int>(std::max_element(z.begin(), z.end()) - z.begin());
    return {best, sorted[0] - sorted[1], Softmax(z)[static_cast<size_t>(best)], a->front()};
  }

  TestSetReport Run(int top, int batch) {
    Result<FastNetwork> fast = FastNetwork::Create(weights, 2);
    EXPECT_TRUE(fast.ok());
    FastNetwork net = std::move(fast).value();
    Result<TestSetReport> r = ClassifyTestSet(&net, weights, {images, labels}, top, batch);
    EXPECT_TRUE(r.ok()) << (r ? "" : r.error());
    return r ? *r : TestSetReport{};
  }

  double PeakOf(int image, int filter) const {
    const Tensor3& m = exact[static_cast<size_t>(image)].conv;
    const auto first = m.data.begin() + static_cast<std::ptrdiff_t>(m.h * m.w * filter);
    return *std::max_element(first, first + m.h * m.w);
  }

  Network weights;
  std::vector<float> images;
  std::vector<std::uint8_t> labels;
  std::vector<Exact> exact;
};

TEST_F(TestSet, PredictionsAndTheConfusionMatrixAreTheExactPassesCounted) {
  const TestSetReport r = Run(9, 16);
  ASSERT_EQ(r.images, kImages);
  ASSERT_EQ(r.classes, 10);
  ASSERT_EQ(r.predicted.size(), static_cast<size_t>(kImages));
  std::vector<int> counted(100, 0);
  int correct = 0;
  for (int i = 0; i < kImages; ++i) {
    const Exact& e = exact[static_cast<size_t>(i)];
    // float32 may swap two logits closer than its rounding, never others.
    if (e.gap > 1e-4) {
      EXPECT_EQ(r.predicted[static_cast<size_t>(i)], e.predicted) << "image " << i;
    }
    if (r.predicted[static_cast<size_t>(i)] == e.predicted) {
      EXPECT_NEAR(r.confidence[static_cast<size_t>(i)], e.probability, 1e-5) << "image " << i;
    }
    ++counted[static_cast<size_t>(labels[static_cast<size_t>(i)]) * 10 + r.predicted[static_cast<size_t>(i)]];
    correct += r.predicted[static_cast<size_t>(i)] == labels[static_cast<size_t>(i)] ? 1 : 0;
  }
  EXPECT_EQ(r.confusion, counted);
  EXPECT_EQ(r.correct, correct);
  int row3 = 0;
  for (int p = 0; p < 10; ++p) row3 += r.Count(3, p);
  EXPECT_EQ(row3, std::count(labels.begin(), labels.end(), 3));
}

TEST_F(TestSet, EachFirstLayerFilterKeepsTheImagesThatExciteItMost) {
  const TestSetReport r = Run(9, 16);
  ASSERT_EQ(r.first_conv, 0);
  ASSERT_EQ(r.strongest.size(), 8u);  // the tiny model's first convolution has 8 filters
  for (int f = 0; f < 8; ++f) {
    const std::vector<FilterPeak>& top = r.strongest[static_cast<size_t>(f)];
    ASSERT_EQ(top.size(), 9u);
    std::vector<double> all;
    for (int i = 0; i < kImages; ++i) all.push_back(PeakOf(i, f));
    std::sort(all.rbegin(), all.rend());
    const double ninth = all[8];
    for (size_t k = 0; k < top.size(); ++k) {
      const FilterPeak& p = top[k];
      if (k > 0) {
        EXPECT_GE(top[k - 1].value, p.value);
      }
      EXPECT_NEAR(p.value, PeakOf(p.image, f), 1e-5) << "filter " << f << " image " << p.image;
      EXPECT_GE(PeakOf(p.image, f), ninth - 1e-5) << "filter " << f << ": image " << p.image << " is not in the top 9";
      // The position is where the exact map peaks.
      EXPECT_NEAR(exact[static_cast<size_t>(p.image)].conv.at(f, p.y, p.x), PeakOf(p.image, f), 1e-5);
      for (size_t j = 0; j < k; ++j) EXPECT_NE(top[j].image, p.image);
    }
  }
}

TEST_F(TestSet, TheBatchSizeChangesNothing) {
  const TestSetReport a = Run(5, 7);
  const TestSetReport b = Run(5, 256);
  EXPECT_EQ(a.predicted, b.predicted);
  EXPECT_EQ(a.confusion, b.confusion);
  ASSERT_EQ(a.strongest.size(), b.strongest.size());
  for (size_t f = 0; f < a.strongest.size(); ++f) {
    ASSERT_EQ(a.strongest[f].size(), 5u);
    for (size_t k = 0; k < 5; ++k) EXPECT_EQ(a.strongest[f][k].image, b.strongest[f][k].image);
  }
}

TEST_F(TestSet, BadDataAndACancelAreErrorsNotReports) {
  Result<FastNetwork> fast = FastNetwork::Create(weights, 1);
  ASSERT_TRUE(fast.ok());
  FastNetwork net = std::move(fast).value();
  const std::span<const float> short_images(images.data(), images.size() - 1);
  EXPECT_FALSE(ClassifyTestSet(&net, weights, {short_images, labels}).ok());
  std::vector<std::uint8_t> bad = labels;
  bad[4] = 10;
  const Result<TestSetReport> out_of_range = ClassifyTestSet(&net, weights, {images, bad});
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_NE(out_of_range.error().find("out of"), std::string::npos);
  const std::atomic<bool> cancel{true};
  EXPECT_FALSE(ClassifyTestSet(&net, weights, {images, labels}, 9, 256, &cancel).ok());
}

}  // namespace
}  // namespace convstep
