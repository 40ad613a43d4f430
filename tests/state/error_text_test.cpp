// The core's file errors in the window's language: a coded error is said
// from the tables (English there is the core's own message, word for word),
// the file's path kept in front; an error with no code stays English.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/i18n/i18n.h"
#include "app/state/edit_text.h"
#include "core/formats/grid_file.h"
#include "core/formats/grid_text.h"
#include "core/formats/npy.h"
#include "core/formats/session_io.h"

namespace convstep {
namespace {

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const std::string path = (std::filesystem::temp_directory_path() / ("convstep_error_text_" + name)).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
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
  return errors;
}

TEST(ErrorText, EnglishIsTheCoresMessageForEveryCode) {
  SetLanguage(Language::kEnglish);
  for (const Error& e : EveryCodedError()) {
    EXPECT_FALSE(e.code.empty()) << e.message;
    EXPECT_EQ(ErrorText(e), e.message) << e.code;
  }
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
  // A message with no code stays as the core wrote it.
  EXPECT_EQ(ErrorText(Error{"the .npy dtype 'U3' is not supported"}), "the .npy dtype 'U3' is not supported");
  SetLanguage(Language::kEnglish);
}

}  // namespace
}  // namespace convstep
