// The real Fashion-MNIST that Debian's dataset-fashion-mnist installs
// (scripts/install_deps.sh installs it), read through the gzip reader. The
// expected values were read independently with Python's gzip and struct
// modules:
//   b = gzip.open('/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz').read()
//   struct.unpack('>IIII', b[:16]); px = b[16:]; px[i * 784 + y * 28 + x]; sum(px)
// and the same for the labels (struct.unpack('>II', b[:8]); list(b[8:])).
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "app/gzip/gzip_file.h"
#include "core/formats/fashion_mnist.h"

namespace convstep {
namespace {

int Pixel(const IdxImages& images, int i, int y, int x) {
  return images.pixels[(static_cast<std::size_t>(i) * 28 + y) * 28 + x];
}

std::uint64_t Sum(const std::vector<std::uint8_t>& bytes, std::size_t from, std::size_t count) {
  return std::accumulate(bytes.begin() + static_cast<std::ptrdiff_t>(from),
                         bytes.begin() + static_cast<std::ptrdiff_t>(from + count), std::uint64_t{0});
}

std::array<int, 10> ClassCounts(const std::vector<std::uint8_t>& labels) {
  std::array<int, 10> counts{};
  for (const std::uint8_t label : labels) ++counts.at(label);
  return counts;
}

class FashionMnistData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Dataset> loaded = LoadFashionMnist(std::string(kFashionMnistDir), ReadGzipFileAtMost);
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    data_ = new Dataset(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete data_;
    data_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(data_, nullptr) << "the data set did not load"; }

  static const Dataset* data_;
};

const Dataset* FashionMnistData::data_ = nullptr;

TEST_F(FashionMnistData, SixtyThousandToTrainTenThousandToTest) {
  for (const LabelledImages* set : {&data_->train, &data_->test}) {
    EXPECT_EQ(set->images.rows, 28);
    EXPECT_EQ(set->images.cols, 28);
    EXPECT_EQ(set->images.pixels.size(), static_cast<std::size_t>(set->images.count) * 784);
    EXPECT_EQ(set->labels.size(), static_cast<std::size_t>(set->images.count));
  }
  EXPECT_EQ(data_->train.images.count, 60000);
  EXPECT_EQ(data_->test.images.count, 10000);
}

TEST_F(FashionMnistData, LabelsAsPythonReadsThem) {
  const std::vector<std::uint8_t> train_first(data_->train.labels.begin(), data_->train.labels.begin() + 10);
  EXPECT_EQ(train_first, (std::vector<std::uint8_t>{9, 0, 0, 3, 0, 2, 7, 2, 5, 5}));
  EXPECT_EQ(data_->train.labels.back(), 5);
  const std::vector<std::uint8_t> test_first(data_->test.labels.begin(), data_->test.labels.begin() + 10);
  EXPECT_EQ(test_first, (std::vector<std::uint8_t>{9, 2, 1, 1, 6, 1, 4, 6, 5, 7}));
  EXPECT_EQ(data_->test.labels.back(), 5);
  // The data set is balanced: 6,000 and 1,000 of each class.
  std::array<int, 10> train_counts;
  train_counts.fill(6000);
  std::array<int, 10> test_counts;
  test_counts.fill(1000);
  EXPECT_EQ(ClassCounts(data_->train.labels), train_counts);
  EXPECT_EQ(ClassCounts(data_->test.labels), test_counts);
}

TEST_F(FashionMnistData, PixelsAsPythonReadsThem) {
  const IdxImages& train = data_->train.images;
  const IdxImages& test = data_->test.images;
  // Row 14 of the first training image (an ankle boot).
  const std::vector<int> row14 = {0,   0,   1,   4,   6,   7,   2,   0,   0,   0,   0,   0,   237, 226,
                                  217, 223, 222, 219, 222, 221, 216, 223, 229, 215, 218, 255, 77,  0};
  for (int x = 0; x < 28; ++x) EXPECT_EQ(Pixel(train, 0, 14, x), row14[static_cast<std::size_t>(x)]) << x;
  EXPECT_EQ(Pixel(train, 12345, 7, 20), 182);
  EXPECT_EQ(Pixel(train, 59999, 10, 10), 0);
  EXPECT_EQ(Pixel(test, 0, 20, 10), 126);
  EXPECT_EQ(Pixel(test, 9999, 14, 14), 132);
  EXPECT_EQ(Sum(train.pixels, 0, 784), 76247u);
  EXPECT_EQ(Sum(train.pixels, 59999 * 784, 784), 16684u);
  EXPECT_EQ(Sum(test.pixels, 9999 * 784, 784), 24390u);
  // The sums of every pixel: a byte lost or changed shows.
  EXPECT_EQ(Sum(train.pixels, 0, train.pixels.size()), 3431114169u);
  EXPECT_EQ(Sum(test.pixels, 0, test.pixels.size()), 573469082u);
}

}  // namespace
}  // namespace convstep
