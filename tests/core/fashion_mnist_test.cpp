// LoadFashionMnist on small sets in a folder of its own, read with
// ReadFileAtMost (the files are written uncompressed; the program passes the
// gzip reader, tests/gzip loads the real data set through it): the images and
// labels of both sets, and a message that names the file for each way the
// folder can be wrong, the Debian package when something is missing.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/formats/fashion_mnist.h"
#include "core/formats/file_io.h"
#include "tests/support/idx_bytes.h"

namespace convstep {
namespace {

using testing::IdxBytes;

constexpr int kPixels = 28 * 28;
const std::string kInstall =
    "install the Debian package dataset-fashion-mnist (sudo apt install dataset-fashion-mnist)";

// Image i's pixel k is (7 i + k) mod 256.
std::string ImagesData(int count) {
  std::string data;
  for (int i = 0; i < count; ++i) {
    for (int k = 0; k < kPixels; ++k) data += static_cast<char>((7 * i + k) % 256);
  }
  return data;
}

class FashionMnist : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("convstep_fashion_mnist_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Write("train-images-idx3-ubyte.gz", IdxBytes({3, 28, 28}, ImagesData(3)));
    Write("train-labels-idx1-ubyte.gz", IdxBytes({3}, std::string("\x09\x00\x03", 3)));
    Write("t10k-images-idx3-ubyte.gz", IdxBytes({2, 28, 28}, ImagesData(2)));
    Write("t10k-labels-idx1-ubyte.gz", IdxBytes({2}, "\x07\x05"));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

  Result<Dataset> Load() const { return LoadFashionMnist(dir_.string(), ReadFileAtMost); }
  Error LoadError() const {
    Result<Dataset> data = Load();
    EXPECT_FALSE(data.ok());
    return data ? Error{""} : data.failure();
  }

  std::filesystem::path dir_;
};

TEST_F(FashionMnist, ReadsBothSets) {
  Result<Dataset> data = Load();
  ASSERT_TRUE(data.ok()) << data.error();
  EXPECT_EQ(data->train.images.count, 3);
  EXPECT_EQ(data->train.images.rows, 28);
  EXPECT_EQ(data->train.images.cols, 28);
  EXPECT_EQ(data->train.labels, (std::vector<std::uint8_t>{9, 0, 3}));
  // Train image 2, pixel (1, 3): (7 × 2 + 28 + 3) mod 256.
  EXPECT_EQ(data->train.images.pixels[2 * kPixels + 28 + 3], 45);
  EXPECT_EQ(data->test.images.count, 2);
  EXPECT_EQ(data->test.labels, (std::vector<std::uint8_t>{7, 5}));
  // Test image 1, pixel (27, 27): (7 + 783) mod 256.
  EXPECT_EQ(data->test.images.pixels[2 * kPixels - 1], 22);
}

TEST_F(FashionMnist, AMissingFolderSaysWhichPackageToInstall) {
  const Error e = LoadFashionMnist("/nonexistent/convstep/fashion-mnist", ReadFileAtMost).failure();
  EXPECT_EQ(e.code, "fashion_mnist.no_folder");
  EXPECT_EQ(e.message, "there is no folder '/nonexistent/convstep/fashion-mnist': " + kInstall);
  // A file where the folder should be.
  const std::string file = PathOf("t10k-labels-idx1-ubyte.gz");
  EXPECT_EQ(LoadFashionMnist(file, ReadFileAtMost).error(), "there is no folder '" + file + "': " + kInstall);
}

TEST_F(FashionMnist, AMissingFileSaysWhichPackageToInstall) {
  std::filesystem::remove(dir_ / "t10k-labels-idx1-ubyte.gz");
  const Error e = LoadError();
  EXPECT_EQ(e.code, "fashion_mnist.no_file");
  EXPECT_EQ(e.args, std::vector<std::string>{PathOf("t10k-labels-idx1-ubyte.gz")});
  EXPECT_EQ(e.message, "'" + PathOf("t10k-labels-idx1-ubyte.gz") + "' is missing: " + kInstall);
}

TEST_F(FashionMnist, AsManyLabelsAsImages) {
  Write("train-labels-idx1-ubyte.gz", IdxBytes({2}, std::string("\x09\x00", 2)));
  const Error e = LoadError();
  EXPECT_EQ(e.code, "fashion_mnist.count_mismatch");
  EXPECT_EQ(e.message, "'" + PathOf("train-images-idx3-ubyte.gz") + "' holds 3 images but '" +
                           PathOf("train-labels-idx1-ubyte.gz") + "' holds 2 labels");
}

TEST_F(FashionMnist, LabelsAreZeroToNine) {
  Write("t10k-labels-idx1-ubyte.gz", IdxBytes({2}, "\x09\x0a"));
  const Error e = LoadError();
  EXPECT_EQ(e.code, "fashion_mnist.bad_label");
  EXPECT_EQ(e.args, (std::vector<std::string>{"1", "10"}));
  EXPECT_EQ(e.prefix, "'" + PathOf("t10k-labels-idx1-ubyte.gz") + "': ");
  EXPECT_EQ(e.message, e.prefix + "label 1 is 10: Fashion-MNIST's classes are 0 to 9");
}

TEST_F(FashionMnist, ImagesAre28By28) {
  Write("t10k-images-idx3-ubyte.gz", IdxBytes({2, 28, 27}, std::string(2 * 28 * 27, '\0')));
  const Error e = LoadError();
  EXPECT_EQ(e.code, "fashion_mnist.not_28x28");
  EXPECT_EQ(e.message,
            "'" + PathOf("t10k-images-idx3-ubyte.gz") + "': the images are 28 \u00d7 27 pixels: Fashion-MNIST's are "
            "28 \u00d7 28");
}

TEST_F(FashionMnist, TheParsersErrorsNameTheFile) {
  // The labels where the images should be.
  Write("train-images-idx3-ubyte.gz", IdxBytes({3}, std::string("\x09\x00\x03", 3)));
  const Error e = LoadError();
  EXPECT_EQ(e.code, "idx.images_rank");
  EXPECT_EQ(e.message, "'" + PathOf("train-images-idx3-ubyte.gz") +
                           "': the IDX file is 1-D: images are 3-D (count, rows, columns)");
}

TEST_F(FashionMnist, EachFileIsReadWithinTheLimits) {
  // At most 100,000 images of 28 × 28: a 16-byte header and a byte a pixel,
  // an 8-byte header and a byte a label.
  std::vector<std::size_t> limits;
  const ByteReader recording = [&limits](const std::string& path, std::size_t max_bytes) {
    limits.push_back(max_bytes);
    return ReadFileAtMost(path, max_bytes);
  };
  ASSERT_TRUE(LoadFashionMnist(dir_.string(), recording).ok());
  EXPECT_EQ(limits, (std::vector<std::size_t>{78400016, 100008, 78400016, 100008}));
}

}  // namespace
}  // namespace convstep
