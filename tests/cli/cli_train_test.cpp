// convstep-cli train on Debian's Fashion-MNIST: a bounded run on a 2,000-image
// subset must learn (a stated accuracy on 1,000 test images), its weights
// must be what the exact path reads and classifies as well, and bad input
// gives one line and exit code 2.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "app/gzip/gzip_file.h"
#include "core/formats/fashion_mnist.h"
#include "core/formats/network_json.h"
#include "core/nn/forward.h"
#include "tests/support/cli.h"

namespace convstep {
namespace {

using testing::Cli;
using testing::ExpectCleanFailure;
using testing::TestTempPath;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string LastLine(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::string last;
  while (std::getline(in, line)) {
    if (!line.empty()) last = line;
  }
  return last;
}

// The share of the first `count` test images the exact (float64) forward
// pass of `net` classifies right: an independent check of the fast path's
// training and of the file it wrote.
double ExactAccuracy(const Network& net, int count) {
  Result<Dataset> data = LoadFashionMnist(std::string(kFashionMnistDir), ReadGzipFileAtMost);
  EXPECT_TRUE(data.ok()) << data.error();
  if (!data) return 0;
  int right = 0;
  const size_t plane = 28 * 28;
  for (int i = 0; i < count; ++i) {
    Tensor3 image(1, 28, 28);
    for (size_t p = 0; p < plane; ++p) image.data[p] = data->test.images.pixels[i * plane + p] / 255.0;
    Result<std::vector<Tensor3>> a = ForwardActivations(net, image);
    EXPECT_TRUE(a.ok());
    if (!a) return 0;
    const std::vector<double>& logits = a->back().data;
    right += std::max_element(logits.begin(), logits.end()) - logits.begin() == data->test.labels[i];
  }
  return static_cast<double>(right) / count;
}

// The lecture's model in an optimised build; under the sanitizers (a
// debug build, tens of times slower) the tiny one, on the same images.
#ifdef NDEBUG
constexpr const char* kModel = "lecture";  // measured with seed 1: 0.728 on these 1,000
constexpr int kTestImages = 1000;
#else
constexpr const char* kModel = "tiny";  // measured with seed 1: 0.777 on these 300
constexpr int kTestImages = 300;
#endif

TEST(CliTrain, AModelLearnsFromTwoThousandImages) {
  const std::string out = TestTempPath("trained.json");
  const testing::ProcessResult r =
      Cli({"train", "--model", kModel, "--train-images", "2000", "--test-images", std::to_string(kTestImages), "--epochs",
           "3", "--seed", "1", "--threads", "2", "--json", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("epoch 3/3"), std::string::npos) << r.err;  // progress goes to stderr
  const Json report = Json::parse(LastLine(r.out));
  ASSERT_EQ(report["epochs"].size(), 3u);
  double seconds = 0;
  for (int e = 0; e < 3; ++e) {
    const Json& epoch = report["epochs"][e];
    EXPECT_EQ(epoch["epoch"], e + 1);
    EXPECT_GT(epoch["seconds"].get<double>(), 0);
    seconds += epoch["seconds"].get<double>();
    if (e > 0) {
      EXPECT_LT(epoch["loss"].get<double>(), report["epochs"][e - 1]["loss"].get<double>());
    }
  }
  EXPECT_NEAR(report["seconds"].get<double>(), seconds, 1e-9);
  // 0.10 from ten guesses; a fraction, not a percentage.
  const double accuracy = report["test_accuracy"].get<double>();
  EXPECT_GE(accuracy, 0.70);
  EXPECT_LE(accuracy, 1.0);
  EXPECT_EQ(accuracy, report["epochs"][2]["test_accuracy"].get<double>());
  // Keras's history beside it: the running training accuracy, the test loss.
  const Json& last = report["epochs"][2];
  EXPECT_GT(last["accuracy"].get<double>(), report["epochs"][0]["accuracy"].get<double>());
  EXPECT_LE(last["accuracy"].get<double>(), 1.0);
  EXPECT_GT(last["test_loss"].get<double>(), 0.0);
  EXPECT_LT(last["test_loss"].get<double>(), report["epochs"][0]["test_loss"].get<double>());

  Result<Json> file = ParseJson(ReadText(out));
  ASSERT_TRUE(file.ok()) << file.error();
  Result<Network> net = NetworkFromJson(*file);
  ASSERT_TRUE(net.ok()) << net.error();
  // float32 training against a float64 reading: a few images on a knife's
  // edge may go the other way.
  EXPECT_NEAR(ExactAccuracy(*net, kTestImages), accuracy, 0.01);
}

TEST(CliTrain, BadInputGivesOneLine) {
  ExpectCleanFailure(Cli({"train", "--data", TestTempPath("nowhere"), "--train-images", "10"}), "dataset-fashion-mnist");
  ExpectCleanFailure(Cli({"train", "--optimizer", "rmsprop"}), "--optimizer");
  ExpectCleanFailure(Cli({"train", "--model", "vgg"}), "model");
  // A model that does not take Fashion-MNIST's 28×28×1 pictures.
  const std::string cifar = TestTempPath("cifar.json");
  std::ofstream(cifar) << R"({"input_shape": [32, 32, 3], "layers": [{"type": "flatten"}, {"type": "dense", "units": 10}]})";
  ExpectCleanFailure(Cli({"train", "--model", cifar, "--train-images", "10", "--test-images", "10"}), "[28, 28, 1]");
}

}  // namespace
}  // namespace convstep
