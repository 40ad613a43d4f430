// The core's file errors in the window's language: a coded error is said
// from the tables (English there is the core's own message, word for word),
// the file's path kept in front; an error with no code stays English.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "app/gzip/gzip_file.h"
#include "app/i18n/i18n.h"
#include "app/state/edit_text.h"
#include "core/formats/grid_file.h"
#include "core/formats/fashion_mnist.h"
#include "core/formats/grid_text.h"
#include "core/formats/idx.h"
#include "core/formats/npy.h"
#include "core/formats/session_io.h"
#include "tests/support/idx_bytes.h"

namespace convstep {
namespace {

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const std::string path = (std::filesystem::temp_directory_path() / ("convstep_error_text_" + name)).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// Fashion-MNIST's folder (the temporary folder) with these files in it, by
// name; any other is missing, as ReadFileAtMost says.
Error FashionMnistError(const std::map<std::string, std::string>& files) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const ByteReader read = [&](const std::string& path, std::size_t) -> Result<std::string> {
    const auto file = files.find(std::filesystem::path(path).filename().string());
    if (file == files.end()) return Error{"file.missing", {path}, "cannot open '" + path + "': no such file"};
    return file->second;
  };
  return LoadFashionMnist(dir.string(), read).failure();
}

// One error of each code of the IDX reader, the gzip reader and the data set.
std::vector<Error> IdxCodedErrors() {
  using testing::Idx;
  using testing::IdxBytes;
  std::vector<Error> errors;
  for (const std::string& bytes : {std::string("\x1f\x8b\x08\x08"), std::string(3, '\0'), Idx(0x0D, {1, 1, 1}, ""),
                                   IdxBytes({1}, "\x01"), IdxBytes({0, 28, 28}, ""), IdxBytes({200000, 28, 28}, ""),
                                   IdxBytes({1, 28, 2000}, ""), IdxBytes({1, 2, 2}, "\x01"),
                                   IdxBytes({1, 1, 1}, "\x01\x02")}) {
    errors.push_back(ParseIdxImages(bytes).failure());
  }
  errors.push_back(ParseIdxLabels(IdxBytes({1, 1, 1}, "\x01")).failure());
  // gzip.compress(b'IDX', mtime=0) cut short, with its CRC-32 broken, and
  // bytes(1000) compressed.
  const std::string idx_gz("\x1f\x8b\x08\0\0\0\0\0\x02\x03\xf3\x74\x89\0\0\x9a\x3c\xaf\x71\x03\0\0\0", 23);
  errors.push_back(Gunzipped(idx_gz.substr(0, 12), 100).failure());
  errors.push_back(Gunzipped(idx_gz.substr(0, 15) + "\x00" + idx_gz.substr(16), 100).failure());
  errors.push_back(Gunzipped(idx_gz, 2).failure());

  const std::string images = IdxBytes({2, 28, 28}, std::string(2 * 28 * 28, '\0'));
  const std::string labels = IdxBytes({2}, "\x01\x02");
  const std::map<std::string, std::string> good = {{"train-images-idx3-ubyte.gz", images},
                                                   {"train-labels-idx1-ubyte.gz", labels},
                                                   {"t10k-images-idx3-ubyte.gz", images},
                                                   {"t10k-labels-idx1-ubyte.gz", labels}};
  errors.push_back(LoadFashionMnist("/nonexistent/convstep/fashion-mnist", ReadFileAtMost).failure());
  errors.push_back(FashionMnistError({}));
  std::map<std::string, std::string> files = good;
  files["t10k-labels-idx1-ubyte.gz"] = IdxBytes({3}, "\x01\x02\x03");
  errors.push_back(FashionMnistError(files));
  files["t10k-labels-idx1-ubyte.gz"] = IdxBytes({2}, "\x01\x0a");
  errors.push_back(FashionMnistError(files));
  files = good;
  files["train-images-idx3-ubyte.gz"] = IdxBytes({1, 2, 2}, std::string(4, '\0'));
  errors.push_back(FashionMnistError(files));
  return errors;
}

// One error of each code the readers give.
std::vector<Error> EveryCodedError() {
  std::vector<Error> errors;
  const std::vector<std::string> texts = {"1,nan,3", "1 abc", "1 1e999", "1;;2", "1,2\n3\n", "1,2\n3,4,5\n", "",
                                         std::string("1\0", 2), "1 2\n\n3\n"};
  for (const std::string& text : texts) {
    errors.push_back(ParseGridText(text).failure());
  }
  errors.push_back(LoadGridFile("/nonexistent/convstep/a.csv").failure());
  errors.push_back(LoadGridFile(WriteTemp("a.json", "[[1]]")).failure());
  errors.push_back(LoadGridFile(WriteTemp("word.txt", "1 2\n3 x\n")).failure());
  errors.push_back(ParseNpy("PK\x03\x04 not numpy").failure());
  errors.push_back(ParseNpy("\x93NUMPY\x01").failure());
  errors.push_back(SessionFromText("  \n").failure());
  errors.push_back(SessionFromText("[1]").failure());
  errors.push_back(SessionFromText("{\"conv\": {}}").failure());
  errors.push_back(SessionFromText("{\"schema_version\": 999}").failure());
  errors.push_back(SessionFromText("{\"conv\": ").failure());
  errors.push_back(LoadSessionFile(std::filesystem::temp_directory_path().string()).failure());
  for (Error& e : IdxCodedErrors()) errors.push_back(std::move(e));
  return errors;
}

TEST(ErrorText, EnglishIsTheCoresMessageForEveryCode) {
  SetLanguage(Language::kEnglish);
  for (const Error& e : EveryCodedError()) {
    EXPECT_FALSE(e.code.empty()) << e.message;
    EXPECT_EQ(ErrorText(e), e.message) << e.code;
  }
}

TEST(ErrorText, EveryCodeOfTheIdxAndGzipReadersAndTheDataSetIsAbove) {
  std::set<std::string> codes;
  for (const Error& e : IdxCodedErrors()) codes.insert(e.code);
  const std::set<std::string> expected = {
      "fashion_mnist.bad_label", "fashion_mnist.count_mismatch", "fashion_mnist.no_file", "fashion_mnist.no_folder",
      "fashion_mnist.not_28x28", "gzip.damaged",     "gzip.too_large",        "gzip.truncated",
      "idx.empty",               "idx.images_rank",  "idx.labels_rank",       "idx.not_idx",
      "idx.not_ubyte",           "idx.too_large",    "idx.too_many",          "idx.trailing_data",
      "idx.truncated_data",      "idx.truncated_header"};
  EXPECT_EQ(codes, expected);
}

TEST(ErrorText, SpanishSaysTheSameInItsWords) {
  SetLanguage(Language::kSpanish);
  for (const Error& e : EveryCodedError()) EXPECT_NE(ErrorText(e), e.message) << e.code;
  EXPECT_EQ(ErrorText(ParseGridText("1,nan,3").failure()),
            "línea 1, columna 2: \"nan\" no es un número finito (no se permiten NaN ni infinito)");
  EXPECT_EQ(ErrorText(LoadGridFile("/nonexistent/convstep/a.csv").failure()),
            "no se puede abrir '/nonexistent/convstep/a.csv': el archivo no existe");
  const std::string word = WriteTemp("word.txt", "1 2\n3 x\n");
  EXPECT_EQ(ErrorText(LoadGridFile(word).failure()), "'" + word + "': línea 2, columna 2: \"x\" no es un número");
  const std::string big = WriteTemp("big.txt", std::string(kMaxGridTextBytes + 1, '1'));
  EXPECT_EQ(ErrorText(LoadGridFile(big).failure()), "'" + big + "' pesa más de 8 MiB");
  std::filesystem::remove(big);
  EXPECT_EQ(ErrorText(LoadFashionMnist("/nonexistent/convstep/fashion-mnist", ReadFileAtMost).failure()),
            "no existe la carpeta '/nonexistent/convstep/fashion-mnist': instala el paquete de Debian "
            "dataset-fashion-mnist (sudo apt install dataset-fashion-mnist)");
  EXPECT_EQ(ErrorText(ParseIdxImages(testing::IdxBytes({1, 28, 2000}, "")).failure()),
            "las imágenes IDX son de 28 × 2000 píxeles: se leen a lo más 1024 × 1024");
  // A message with no code stays as the core wrote it.
  EXPECT_EQ(ErrorText(Error{"the .npy dtype 'U3' is not supported"}), "the .npy dtype 'U3' is not supported");
  SetLanguage(Language::kEnglish);
}

}  // namespace
}  // namespace convstep
