#include "app/i18n/i18n.h"

#include <algorithm>
#include <map>

#include "app/embed/embedded_json.h"
#include "core/formats/spec_json.h"

namespace convstep {

namespace {

using Table = std::map<std::string, std::string, std::less<>>;

Language g_language = Language::kEnglish;

// Both tables, parsed once. A table that does not parse is empty, so every
// string shows as its key: loud in every screenshot and caught by the tests.
const Table& TableFor(Language language) {
  static const std::map<std::string, Table> tables = [] {
    std::map<std::string, Table> parsed;
    for (const EmbeddedJson& file : EmbeddedStringTables()) {
      Table& table = parsed[file.name];
      Result<Json> json = ParseJson(file.json);
      if (!json || !json->is_object()) continue;
      for (const auto& [key, value] : json->items()) {
        if (value.is_string()) table[key] = value.get<std::string>();
      }
    }
    return parsed;
  }();
  static const Table empty;
  const auto found = tables.find(LanguageCode(language));
  return found == tables.end() ? empty : found->second;
}

bool StartsWith(const char* text, const char* prefix) {
  return text != nullptr && std::string_view(text).substr(0, std::string_view(prefix).size()) == prefix;
}

}  // namespace

const char* LanguageCode(Language language) { return language == Language::kSpanish ? "es" : "en"; }

bool LanguageFromCode(std::string_view code, Language* language) {
  if (code == "en") *language = Language::kEnglish;
  else if (code == "es") *language = Language::kSpanish;
  else return false;
  return true;
}

Language LanguageFromLocale(const char* lc_all, const char* lc_messages, const char* lang) {
  for (const char* value : {lc_all, lc_messages, lang}) {
    if (value == nullptr || *value == '\0') continue;
    // The first one set decides, as for setlocale(LC_MESSAGES, "").
    return StartsWith(value, "es_") || std::string_view(value) == "es" || StartsWith(value, "es.")
               ? Language::kSpanish
               : Language::kEnglish;
  }
  return Language::kEnglish;
}

void SetLanguage(Language language) { g_language = language; }
Language CurrentLanguage() { return g_language; }

const char* Tr(const char* key) {
  const Table& table = TableFor(g_language);
  const auto found = table.find(std::string_view(key));
  return found == table.end() ? key : found->second.c_str();
}

std::string TrId(const char* key) { return std::string(Tr(key)) + "###" + key; }

std::string TrFormat(const char* key, const std::vector<std::string>& args) {
  // One pass over the template, so that an argument holding "{1}" (a file
  // name, a user's text) is never substituted in turn.
  const std::string_view pattern = Tr(key);
  std::string text;
  text.reserve(pattern.size() + 32);
  for (size_t at = 0; at < pattern.size();) {
    const size_t close = pattern[at] == '{' ? pattern.find('}', at) : std::string_view::npos;
    const std::string_view inside = close == std::string_view::npos ? "" : pattern.substr(at + 1, close - at - 1);
    const bool digits = !inside.empty() && inside.size() <= 2 &&
                        std::all_of(inside.begin(), inside.end(), [](char c) { return c >= '0' && c <= '9'; });
    const size_t index = digits ? static_cast<size_t>(std::stoi(std::string(inside))) : args.size();
    if (index < args.size()) {
      text += args[index];
      at = close + 1;
    } else {
      text += pattern[at++];
    }
  }
  return text;
}

}  // namespace convstep
