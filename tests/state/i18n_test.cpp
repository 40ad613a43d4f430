// The string tables and the code that uses them: both tables parse, hold the
// same keys with the same {n} placeholders and no empty text, the Spanish
// one is translated, and every key the window's code names exists in both;
// the locale decides the first language; TrFormat fills placeholders once.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "app/i18n/i18n.h"
#include "app/state/network_view.h"
#include "core/formats/spec_json.h"

namespace convstep {
namespace {

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path SourceDir() { return CONVSTEP_SOURCE_DIR; }

std::map<std::string, std::string> Table(const std::string& code) {
  const std::filesystem::path path = SourceDir() / "assets" / "lang" / (code + ".json");
  Result<Json> json = ParseJson(ReadText(path));
  EXPECT_TRUE(json.ok()) << path << ": " << (json ? "" : json.error());
  std::map<std::string, std::string> table;
  if (!json || !json->is_object()) return table;
  for (const auto& [key, value] : json->items()) {
    EXPECT_TRUE(value.is_string()) << code << ": " << key;
    if (value.is_string()) table[key] = value.get<std::string>();
  }
  return table;
}

std::set<std::string> Placeholders(const std::string& text) {
  static const std::regex mark(R"(\{[0-9]+\})");
  std::set<std::string> found;
  for (std::sregex_iterator it(text.begin(), text.end(), mark), end; it != end; ++it) found.insert(it->str());
  return found;
}

// Every key the code under app/ names: the first argument of Tr, TrId and
// TrFormat when it is a literal, and every literal shaped like a key of one
// of the tables' areas (keys routed through arrays, ternaries and tables of
// pairs), with the file it is in.
std::map<std::string, std::string> KeysInCode() {
  static const std::regex call(R"re(\bTr(?:Id|Format)?\(\s*"([^"]+)")re");
  static const std::regex keyish(
      R"re("((?:arith|controls|dialog|edit|error|export|help|image|input|kernels|language|matrix|menu|output|params|paste|pool|practice|size|status|summary|tab|tip|view|audio|network)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)")re");
  // File names such as "view.png" look like keys; no key ends in one of
  // these.
  static const std::regex file_name(R"re(.*\.(png|gif|jpg|bmp|json|csv|tsv|txt|npy|md|tex)$)re");
  std::map<std::string, std::string> keys;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourceDir() / "app")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cpp" && ext != ".h") continue;
    const std::string text = ReadText(entry.path());
    for (const std::regex* pattern : {&call, &keyish}) {
      for (std::sregex_iterator it(text.begin(), text.end(), *pattern), end; it != end; ++it) {
        if (!std::regex_match((*it)[1].str(), file_name)) keys.emplace((*it)[1].str(), entry.path().filename().string());
      }
    }
  }
  return keys;
}

class I18n : public ::testing::Test {
 protected:
  void TearDown() override { SetLanguage(Language::kEnglish); }
};

TEST_F(I18n, BothTablesHaveTheSameKeysAndNoEmptyText) {
  const auto en = Table("en");
  const auto es = Table("es");
  EXPECT_GT(en.size(), 300u);
  for (const auto& [key, text] : en) {
    EXPECT_EQ(es.count(key), 1u) << "missing from es.json: " << key;
    EXPECT_FALSE(text.empty()) << "en: " << key;
  }
  for (const auto& [key, text] : es) {
    EXPECT_EQ(en.count(key), 1u) << "missing from en.json: " << key;
    EXPECT_FALSE(text.empty()) << "es: " << key;
  }
}

TEST_F(I18n, EveryKeyIsWrittenOnceInEachTable) {
  // A JSON parser keeps the last of two equal keys without a word; two
  // helpers adding the same key would lose one text.
  static const std::regex key_line(R"re(^\s*"([^"]+)"\s*:)re");
  for (const char* code : {"en", "es"}) {
    std::ifstream in(SourceDir() / "assets" / "lang" / (std::string(code) + ".json"));
    std::set<std::string> seen;
    std::smatch m;
    for (std::string line; std::getline(in, line);) {
      if (std::regex_search(line, m, key_line)) {
        EXPECT_TRUE(seen.insert(m[1].str()).second) << code << ": " << m[1];
      }
    }
  }
}

TEST_F(I18n, TranslationsKeepTheSamePlaceholders) {
  const auto en = Table("en");
  const auto es = Table("es");
  for (const auto& [key, text] : en) {
    const auto other = es.find(key);
    if (other == es.end()) continue;
    EXPECT_EQ(Placeholders(text), Placeholders(other->second)) << key;
  }
}

TEST_F(I18n, EveryKeyTheCodeUsesExistsInBothTables) {
  const auto en = Table("en");
  const auto es = Table("es");
  const auto keys = KeysInCode();
  // The scan finds what it should: a direct call, a key of an array, one
  // from a ternary.
  EXPECT_EQ(keys.count("tab.pooling"), 1u);
  EXPECT_EQ(keys.count("params.mode_reflect"), 1u);
  EXPECT_EQ(keys.count("controls.pause"), 1u);
  for (const auto& [key, file] : keys) {
    EXPECT_EQ(en.count(key), 1u) << key << " (" << file << ") is not in en.json";
    EXPECT_EQ(es.count(key), 1u) << key << " (" << file << ") is not in es.json";
  }
}

TEST_F(I18n, EveryKeyOfTheTablesIsUsedByTheCode) {
  // A text nothing shows is dead weight that translators would still keep
  // up to date.
  const auto keys = KeysInCode();
  for (const auto& [key, text] : Table("en")) EXPECT_EQ(keys.count(key), 1u) << key << " is used nowhere in app/";
}

TEST_F(I18n, EveryTextIsTranslated) {
  // A text copied into es.json and never translated shows English in the
  // Spanish window. Only these read the same in both languages: key names
  // (keys ending in _keys), each language's own name, Keras's column heads
  // (the summary stays as Keras prints it), and the terms and symbols the
  // lecture keeps in English.
  static const std::set<std::string> kSameInBothLanguages = {
      "English", "Español", "Layer (type)", "Output Shape", "Param #", "ReLU",  "Sobel x", "Sobel y",
      "kernel",  "kernels", "Kernels",      "circular",     "P",       "[h, w]", "same",   "valid",
  };
  const auto es = Table("es");
  int translated = 0;
  for (const auto& [key, english] : Table("en")) {
    const auto spanish = es.find(key);
    if (spanish == es.end()) continue;  // BothTablesHaveTheSameKeysAndNoEmptyText says so
    if (kSameInBothLanguages.count(english) == 1 || key.ends_with("_keys")) continue;
    EXPECT_NE(spanish->second, english) << key << " reads \"" << english
                                        << "\" in Spanish too; translate it, or list the text in kSameInBothLanguages";
    ++translated;
  }
  EXPECT_GT(translated, 300);
}

TEST_F(I18n, TheFashionMnistClassesAreTheDataSetsTenInOrder) {
  // The table "Labels" of the data set's README (zalandoresearch/fashion-mnist,
  // also /usr/share/doc/dataset-fashion-mnist/README.md.gz).
  const char* const published[] = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                   "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  for (int k = 0; k < 10; ++k) EXPECT_STREQ(Tr(NetworkClassKey(k)), published[k]) << k;
  SetLanguage(Language::kSpanish);
  EXPECT_STREQ(Tr(NetworkClassKey(2)), "Suéter");  // Chile's word for a pullover
  EXPECT_STREQ(Tr(NetworkClassKey(9)), "Botín");
}

TEST_F(I18n, SpanishTermsFollowTheLecture) {
  SetLanguage(Language::kSpanish);
  EXPECT_STREQ(Tr("params.padding"), "relleno (padding)");
  EXPECT_STREQ(Tr("params.stride"), "paso (stride)");
  EXPECT_STREQ(Tr("tab.pooling"), "Agrupación máxima");
  EXPECT_NE(std::string(Tr("tip.stride")).find("(N \u2212 F + 2P)/S + 1"), std::string::npos);
  EXPECT_NE(std::string(Tr("tip.layer_dense")).find("totalmente conectada"), std::string::npos);
  EXPECT_NE(std::string(Tr("summary.params_note")).find("parámetros entrenables"), std::string::npos);
  SetLanguage(Language::kEnglish);
  EXPECT_STREQ(Tr("params.padding"), "padding");
}

TEST_F(I18n, AMissingKeyShowsAsItself) {
  EXPECT_STREQ(Tr("no.such_key"), "no.such_key");
  EXPECT_EQ(TrId("no.such_key"), "no.such_key###no.such_key");
  SetLanguage(Language::kSpanish);
  EXPECT_EQ(TrId("tab.summary"), "Resumen del modelo###tab.summary");
}

TEST_F(I18n, TrFormatFillsEachPlaceholderOnce) {
  EXPECT_EQ(TrFormat("arith.title", {"6", "9", "0", "1", "2"}), "Step 6 of 9: filter 0, output (1, 2)");
  SetLanguage(Language::kSpanish);
  EXPECT_EQ(TrFormat("arith.title", {"6", "9", "0", "1", "2"}), "Paso 6 de 9: filtro 0, salida (1, 2)");
  // A placeholder used twice, and arguments that look like placeholders.
  EXPECT_EQ(TrFormat("size.shape_many", {"3", "3", "2"}),
            "Forma de la salida: 3 \u00d7 3 \u00d7 2  (alto \u00d7 ancho \u00d7 profundidad; profundidad = 2 filtros)");
  EXPECT_EQ(TrFormat("status.saved", {"/tmp/{0}{1}.json"}), "se guardó /tmp/{0}{1}.json");
  // Too few arguments leave the mark; braces that are not marks stay.
  EXPECT_EQ(TrFormat("status.saved", {}), "se guardó {0}");
  EXPECT_EQ(TrFormat("no {x} key {", {"a"}), "no {x} key {");
}

TEST_F(I18n, LanguageFromLocaleFollowsPosixPrecedence) {
  EXPECT_EQ(LanguageFromLocale(nullptr, nullptr, "es_CL.UTF-8"), Language::kSpanish);
  EXPECT_EQ(LanguageFromLocale(nullptr, nullptr, "es"), Language::kSpanish);
  EXPECT_EQ(LanguageFromLocale(nullptr, nullptr, "es_ES@euro"), Language::kSpanish);
  EXPECT_EQ(LanguageFromLocale(nullptr, nullptr, "en_US.UTF-8"), Language::kEnglish);
  EXPECT_EQ(LanguageFromLocale(nullptr, nullptr, "C"), Language::kEnglish);
  EXPECT_EQ(LanguageFromLocale(nullptr, nullptr, "C.UTF-8"), Language::kEnglish);
  EXPECT_EQ(LanguageFromLocale(nullptr, nullptr, nullptr), Language::kEnglish);
  // LC_ALL overrides LC_MESSAGES, which overrides LANG.
  EXPECT_EQ(LanguageFromLocale("C", nullptr, "es_CL.UTF-8"), Language::kEnglish);
  EXPECT_EQ(LanguageFromLocale("es_CL.UTF-8", "en_US.UTF-8", "en_US.UTF-8"), Language::kSpanish);
  EXPECT_EQ(LanguageFromLocale(nullptr, "es_MX.UTF-8", "en_US.UTF-8"), Language::kSpanish);
  // Empty values count as unset.
  EXPECT_EQ(LanguageFromLocale("", "", "es_CL.UTF-8"), Language::kSpanish);
  EXPECT_EQ(LanguageFromLocale("", nullptr, ""), Language::kEnglish);
}

TEST_F(I18n, LanguageCodesGoBothWays) {
  for (Language language : {Language::kEnglish, Language::kSpanish}) {
    Language back = language == Language::kEnglish ? Language::kSpanish : Language::kEnglish;
    EXPECT_TRUE(LanguageFromCode(LanguageCode(language), &back));
    EXPECT_EQ(back, language);
  }
  Language unchanged = Language::kSpanish;
  EXPECT_FALSE(LanguageFromCode("fr", &unchanged));
  EXPECT_EQ(unchanged, Language::kSpanish);
  SetLanguage(Language::kSpanish);
  EXPECT_EQ(CurrentLanguage(), Language::kSpanish);
}

}  // namespace
}  // namespace convstep
