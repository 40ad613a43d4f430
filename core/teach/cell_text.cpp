#include "core/teach/cell_text.h"

#include <cmath>
#include <cstdio>

#include "core/teach/step_text.h"

namespace convstep {

namespace {

std::string Significant(double v, int digits) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
  return buffer;
}

// "0.11" -> ".11", "-0.5" -> "-.5"; other texts unchanged.
std::string WithoutLeadingZero(std::string text) {
  const size_t zero = text[0] == '-' ? 1 : 0;
  if (text.size() > zero + 1 && text[zero] == '0' && text[zero + 1] == '.') text.erase(zero, 1);
  return text;
}

}  // namespace

std::vector<std::string> CellTextCandidates(double v) {
  std::vector<std::string> texts = {FormatValue(v)};
  if (!std::isfinite(v) || std::nearbyint(v) == v) return texts;
  for (std::string text : {Significant(v, 3), Significant(v, 2)}) {
    if (text.size() < texts.back().size()) texts.push_back(std::move(text));
  }
  std::string bare = WithoutLeadingZero(texts.back());
  if (bare.size() < texts.back().size()) texts.push_back(std::move(bare));
  return texts;
}

}  // namespace convstep
