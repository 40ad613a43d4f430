// Fashion-MNIST (Zalando, github.com/zalandoresearch/fashion-mnist): 70,000
// grey 28 × 28 pictures of clothes in ten classes, 60,000 to train on and
// 10,000 to test, as four gzip-compressed IDX files (core/formats/idx.h).
// Debian ships them in the package dataset-fashion-mnist.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/formats/idx.h"
#include "core/nn/model_summary.h"

namespace convstep {

// Where the Debian package puts the files.
constexpr std::string_view kFashionMnistDir = "/usr/share/datasets/fashion-mnist";
constexpr int kFashionMnistSide = 28;
constexpr int kFashionMnistClassCount = 10;

// Images and their labels, one label (0 to 9) per image.
struct LabelledImages {
  IdxImages images;
  std::vector<std::uint8_t> labels;
};

struct Dataset {
  LabelledImages train;
  LabelledImages test;
};

// A file's bytes as the IDX parser wants them, at most `max_bytes` of them;
// its errors name the path, and a missing file's has the code "file.missing"
// (as ReadFileAtMost's). The core links no zlib: a program passes app/gzip's
// ReadGzipFileAtMost, which decompresses.
using ByteReader = std::function<Result<std::string>(const std::string& path, std::size_t max_bytes)>;

// The four files of `dir` (train-images-idx3-ubyte.gz, train-labels-idx1-
// ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) through
// `read`: 28 × 28 images, as many labels as images, every label 0 to 9. A
// missing folder or file says which Debian package to install.
Result<Dataset> LoadFashionMnist(const std::string& dir, const ByteReader& read);

// Why `model` cannot read Fashion-MNIST's pictures (its input is not
// 28×28×1), in one sentence; nothing when it can.
std::optional<Error> CheckFashionMnistModel(const Model& model);

}  // namespace convstep
