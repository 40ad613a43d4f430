#include "core/formats/fashion_mnist.h"

#include <filesystem>
#include <utility>

namespace convstep {

namespace {

constexpr std::string_view kInstall =
    "install the Debian package dataset-fashion-mnist (sudo apt install dataset-fashion-mnist)";

// The largest files a set of kMaxIdxItems 28 × 28 images can have: the IDX
// header (4 bytes, then 4 a dimension) and a byte a pixel or label.
constexpr std::size_t kMaxImagesBytes = 16 + std::size_t{kMaxIdxItems} * kFashionMnistSide * kFashionMnistSide;
constexpr std::size_t kMaxLabelsBytes = 8 + std::size_t{kMaxIdxItems};

Error InFile(const std::string& path, Error e) { return Prefixed("'" + path + "': ", std::move(e)); }

// The file's bytes, a missing one told how to get.
Result<std::string> ReadPart(const ByteReader& read, const std::string& path, std::size_t max_bytes) {
  Result<std::string> bytes = read(path, max_bytes);
  if (!bytes && bytes.failure().code == "file.missing") {
    return Error{"fashion_mnist.no_file", {path}, "'" + path + "' is missing: " + std::string(kInstall)};
  }
  return bytes;
}

Result<IdxImages> ReadImages(const ByteReader& read, const std::string& path) {
  Result<std::string> bytes = ReadPart(read, path, kMaxImagesBytes);
  if (!bytes) return bytes.failure();
  Result<IdxImages> images = ParseIdxImages(*bytes);
  if (!images) return InFile(path, images.failure());
  if (images->rows != kFashionMnistSide || images->cols != kFashionMnistSide) {
    const std::vector<std::string> args = {std::to_string(images->rows), std::to_string(images->cols)};
    return InFile(path, Error{"fashion_mnist.not_28x28", args,
                              "the images are " + args[0] + " \u00d7 " + args[1] +
                                  " pixels: Fashion-MNIST's are 28 \u00d7 28"});
  }
  return images;
}

Result<std::vector<std::uint8_t>> ReadLabels(const ByteReader& read, const std::string& path) {
  Result<std::string> bytes = ReadPart(read, path, kMaxLabelsBytes);
  if (!bytes) return bytes.failure();
  Result<std::vector<std::uint8_t>> labels = ParseIdxLabels(*bytes);
  if (!labels) return InFile(path, labels.failure());
  for (std::size_t i = 0; i < labels->size(); ++i) {
    if ((*labels)[i] >= kFashionMnistClassCount) {
      const std::vector<std::string> args = {std::to_string(i), std::to_string((*labels)[i])};
      return InFile(path, Error{"fashion_mnist.bad_label", args,
                                "label " + args[0] + " is " + args[1] + ": Fashion-MNIST's classes are 0 to 9"});
    }
  }
  return labels;
}

// One set, "train" or "t10k" as the files are named.
Result<LabelledImages> ReadSet(const ByteReader& read, const std::filesystem::path& dir, const std::string& set) {
  const std::string images_path = (dir / (set + "-images-idx3-ubyte.gz")).string();
  const std::string labels_path = (dir / (set + "-labels-idx1-ubyte.gz")).string();
  Result<IdxImages> images = ReadImages(read, images_path);
  if (!images) return images.failure();
  Result<std::vector<std::uint8_t>> labels = ReadLabels(read, labels_path);
  if (!labels) return labels.failure();
  if (labels->size() != static_cast<std::size_t>(images->count)) {
    const std::vector<std::string> args = {images_path, std::to_string(images->count), labels_path,
                                           std::to_string(labels->size())};
    return Error{"fashion_mnist.count_mismatch", args,
                 "'" + args[0] + "' holds " + args[1] + " images but '" + args[2] + "' holds " + args[3] +
                     " labels"};
  }
  return LabelledImages{std::move(images).value(), std::move(labels).value()};
}

}  // namespace

Result<Dataset> LoadFashionMnist(const std::string& dir, const ByteReader& read) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Error{"fashion_mnist.no_folder", {dir}, "there is no folder '" + dir + "': " + std::string(kInstall)};
  }
  Result<LabelledImages> train = ReadSet(read, dir, "train");
  if (!train) return train.failure();
  Result<LabelledImages> test = ReadSet(read, dir, "t10k");
  if (!test) return test.failure();
  return Dataset{std::move(train).value(), std::move(test).value()};
}

std::optional<Error> CheckFashionMnistModel(const Model& model) {
  if (!model.sequence && model.height == kFashionMnistSide && model.width == kFashionMnistSide && model.channels == 1) {
    return std::nullopt;
  }
  std::string shape;
  for (long long n : ModelInputShape(model)) shape += (shape.empty() ? "" : ", ") + std::to_string(n);
  return Error{"fashion_mnist.model_input", {shape},
               "the model's input_shape is [" + shape + "] but Fashion-MNIST's pictures are [28, 28, 1]"};
}

}  // namespace convstep
