// The words the window shows, in English and Spanish. The strings live in
// assets/lang/<code>.json (flat {"key": "text"}), compiled into the program;
// the code names them by key. A key missing from a table shows as the key
// itself, and a test checks that both tables hold every key the code uses.
#pragma once

#include <vector>
#include <string>
#include <string_view>

namespace convstep {

enum class Language { kEnglish, kSpanish };

// "en" or "es"; and back (nullopt-like: false when the code is unknown).
const char* LanguageCode(Language language);
bool LanguageFromCode(std::string_view code, Language* language);
// The language of a POSIX locale, given $LC_ALL, $LC_MESSAGES and $LANG in
// that order of precedence (null or empty when unset): es_* is Spanish,
// anything else English.
Language LanguageFromLocale(const char* lc_all, const char* lc_messages, const char* lang);

void SetLanguage(Language language);
Language CurrentLanguage();

// The text of `key` in the current language (UTF-8), valid until the
// program ends.
const char* Tr(const char* key);
// Tr(key) followed by "###key": an ImGui label whose ID is the key, so that
// a widget keeps its identity (the selected tab, an open menu or popup, a
// button being pressed) when the language changes.
std::string TrId(const char* key);
// Tr(key) with {0}, {1}, ... replaced by the arguments in order.
std::string TrFormat(const char* key, const std::vector<std::string>& args);

}  // namespace convstep
