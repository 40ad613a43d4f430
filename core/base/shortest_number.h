// Numbers written so that reading them back gives the same double: session
// files, CSV output and notebook code all carry exactly what the window shows.
#pragma once

#include <charconv>
#include <string>

namespace convstep {

// The shortest text that reads back as the same double (std::to_chars):
// 1 rather than 1.0, 0.1 rather than 0.10000000000000001.
inline void AppendShortest(double v, std::string* out) {
  char number[32];  // to_chars needs at most 24 characters for a double
  const std::to_chars_result r = std::to_chars(number, number + sizeof number, v);
  out->append(number, r.ptr);
}

}  // namespace convstep
