// Numbers and library reasons as they appear in convstep_sound's messages
// (internal to the library and its fuzzer).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "core/base/shortest_number.h"

namespace convstep::sound_text {

// Seconds to the millisecond, shortest: "7200", "1.5", "0.001".
inline std::string Seconds(double seconds) {
  std::string text;
  AppendShortest(std::round(seconds * 1000) / 1000, &text);
  return text;
}

// A library's reason as one printable line: libsndfile's and SDL's are
// short English phrases, but a message must never carry control bytes from
// a corrupt file, nor run on for lines.
inline std::string Reason(const char* reason) {
  constexpr std::size_t kLongest = 160;
  if (reason == nullptr || *reason == '\0') return "unknown error";
  std::string text(reason, strnlen(reason, kLongest));
  for (char& ch : text) {
    if (ch < 0x20 || ch >= 0x7f) ch = ' ';
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text.empty() ? "unknown error" : text;
}

}  // namespace convstep::sound_text
