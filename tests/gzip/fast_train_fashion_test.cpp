// The fast training path learning the real Fashion-MNIST (Debian's
// dataset-fashion-mnist, read through the gzip reader): the Network tab's
// tiny network (Conv2D 8 - ReLU - MaxPooling 2 - Flatten - Dense 10) trained
// on the first 2,000 training images for three epochs, then judged on the
// first 1,000 test images, which it has never seen. Small enough for the
// sanitizer build (a few seconds there).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "app/gzip/gzip_file.h"
#include "core/formats/fashion_mnist.h"
#include "core/nn/architectures.h"
#include "core/nn/fast_network.h"
#include "core/nn/fast_train.h"
#include "core/nn/init.h"

namespace convstep {
namespace {

constexpr int kPixels = 28 * 28;

// The first `count` images of `set` as the network's input, pixels / 255.
struct Part {
  std::vector<float> images;
  std::vector<std::uint8_t> labels;
};

Part FirstOf(const LabelledImages& set, int count) {
  Part part;
  const auto values = static_cast<std::ptrdiff_t>(count) * kPixels;
  for (auto p = set.images.pixels.begin(); p != set.images.pixels.begin() + values; ++p) {
    part.images.push_back(static_cast<float>(*p) / 255.0f);
  }
  part.labels.assign(set.labels.begin(), set.labels.begin() + count);
  return part;
}

TEST(FastTrainFashionMnist, TheTinyNetworkLearnsFromTwoThousandImages) {
  Result<Dataset> data = LoadFashionMnist(std::string(kFashionMnistDir), ReadGzipFileAtMost);
  ASSERT_TRUE(data.ok()) << data.error();
  const Part train = FirstOf(data->train, 2000);
  const Part test = FirstOf(data->test, 1000);
  Result<Network> net = InitNetwork(ArchitectureModel(Architecture::kTiny), InitScheme::kPyTorch, 1);
  ASSERT_TRUE(net.ok()) << net.error();
  Result<FastNetwork> fast = FastNetwork::Create(*net, 2, 1);
  ASSERT_TRUE(fast.ok()) << fast.error();
  Result<double> before = fast.value().Evaluate(test.images, test.labels);
  ASSERT_TRUE(before.ok()) << before.error();
  EXPECT_LT(*before, 0.25);  // about one in ten: ten balanced classes
  const FastDataSet test_set{test.images, test.labels};
  EpochOptions options;
  options.batch_size = 32;
  std::vector<EpochReport> reports;
  for (int epoch = 0; epoch < 3; ++epoch) {
    options.epoch = epoch;
    Result<EpochReport> report = TrainEpoch(&fast.value(), {train.images, train.labels}, &test_set, options);
    ASSERT_TRUE(report.ok()) << report.error();
    reports.push_back(*report);
  }
  EXPECT_LT(reports.back().mean_loss, reports.front().mean_loss);
  ASSERT_TRUE(reports.back().test_accuracy.has_value());
  // PyTorch 1.13 with the same network, data and schedule (Adam 1e-3,
  // batches of 32, three epochs) gets 75.7 to 77.4 % right over seeds 0 to
  // 4; this seed gives 76.4 % here.
  EXPECT_GE(*reports.back().test_accuracy, 0.72);
}

}  // namespace
}  // namespace convstep
