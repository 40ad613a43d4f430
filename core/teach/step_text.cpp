#include "core/teach/step_text.h"

#include <cmath>
#include <cstdio>

namespace convstep {

std::string FormatValue(double v, bool parenthesise_negative) {
  char buffer[32];
  if (v == 0) v = 0;  // no "-0"
  if (std::nearbyint(v) == v && std::fabs(v) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", v);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
  }
  std::string text = buffer;
  return parenthesise_negative && v < 0 ? "(" + text + ")" : text;
}

std::vector<std::string> ChannelArithmetic(const ConvStep& step) {
  std::vector<std::string> lines;
  size_t t = 0;
  for (size_t i = 0; i < step.channels.size(); ++i) {
    std::string line;
    for (bool first = true; t < step.terms.size() && step.terms[t].c == step.channels[i]; ++t) {
      if (!first) line += " + ";
      first = false;
      line += FormatValue(step.terms[t].input, true) + "\u00b7" + FormatValue(step.terms[t].weight, true);
    }
    line += " = " + FormatValue(step.channel_sums[i]);
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string TotalArithmetic(const ConvStep& step) {
  std::string line;
  for (size_t i = 0; i < step.channel_sums.size(); ++i) {
    if (i > 0) line += " + ";
    line += FormatValue(step.channel_sums[i], true);
  }
  line += " + bias " + FormatValue(step.bias, true) + " = " + FormatValue(step.value);
  return line;
}

std::string PoolArithmetic(const PoolStep& step, PoolMode mode) {
  const bool max = mode == PoolMode::kMax;
  std::string taps;
  for (const PoolTap& t : step.taps) {
    if (t.in_padding && max) continue;
    if (!taps.empty()) taps += max ? ", " : " + ";
    taps += FormatValue(t.input, !max);
  }
  if (max) return "max(" + taps + ") = " + FormatValue(step.value);
  return "(" + taps + ") / " + std::to_string(step.divisor) + " = " + FormatValue(step.value);
}

}  // namespace convstep
