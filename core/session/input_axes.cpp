#include "core/session/input_axes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace convstep {

bool AxesFit(const InputAxes& axes, const Tensor3& input) {
  switch (axes.rows) {
    case InputAxes::Rows::kNone: return true;
    case InputAxes::Rows::kHertz: return input.c == 1 && static_cast<int>(axes.row_hz.size()) == input.h;
    case InputAxes::Rows::kCoefficient: return input.c == 1;
    case InputAxes::Rows::kWaveform: return input.h == 1;
  }
  return false;
}

double ColumnSeconds(const InputAxes& axes, double col) { return axes.start_seconds + col * axes.frame_seconds; }

std::optional<double> RowHertz(const InputAxes& axes, int row) {
  if (axes.rows != InputAxes::Rows::kHertz || row < 0 || row >= static_cast<int>(axes.row_hz.size())) {
    return std::nullopt;
  }
  return axes.row_hz[static_cast<size_t>(row)];
}

AxesSpan SpanOf(const InputAxes& axes, int first_row, int last_row, int first_col, int last_col) {
  AxesSpan span;
  // A column is the centre of a window n_fft long: the span reaches half a
  // window before the first column and after the last.
  span.from_seconds = std::max(0.0, ColumnSeconds(axes, first_col) - axes.window_seconds * 0.5);
  span.to_seconds = ColumnSeconds(axes, last_col) + axes.window_seconds * 0.5;
  const std::optional<double> a = RowHertz(axes, first_row);
  const std::optional<double> b = RowHertz(axes, last_row);
  if (a && b) {
    span.low_hz = std::min(*a, *b);
    span.high_hz = std::max(*a, *b);
  }
  return span;
}

std::string HertzLabel(double hz) {
  char text[32];
  if (std::abs(hz) < 1000.0) {
    std::snprintf(text, sizeof text, "%.0f", hz);
  } else if (std::abs(hz) < 10000.0) {
    std::snprintf(text, sizeof text, "%.1fk", hz / 1000.0);
  } else {
    std::snprintf(text, sizeof text, "%.0fk", hz / 1000.0);
  }
  return text;
}

bool TimesInMilliseconds(const InputAxes& axes) { return axes.frame_seconds < 0.001; }

std::string TimeLabel(const InputAxes& axes, double seconds) {
  return TimesInMilliseconds(axes) ? MillisecondsLabel(seconds) : SecondsLabel(seconds);
}

std::string MillisecondsLabel(double seconds) {
  char text[32];
  const double ms = seconds * 1000.0;
  std::snprintf(text, sizeof text, ms < 100.0 ? "%.1f" : "%.0f", ms);
  return text;
}

std::string SecondsLabel(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, seconds < 10.0 ? "%.2f" : "%.1f", seconds);
  return text;
}

}  // namespace convstep
