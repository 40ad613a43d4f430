#include "app/state/axis_ticks.h"

#include <algorithm>

namespace convstep {

namespace {

std::string RowText(const InputAxes& axes, int row, int rows) {
  if (row < 0 || row >= rows) return {};
  // Coefficient 0 is the bottom row, as the lowest band is.
  if (axes.rows == InputAxes::Rows::kCoefficient) return std::to_string(rows - 1 - row);
  const std::optional<double> hz = RowHertz(axes, row);
  return hz ? HertzLabel(*hz) : std::string();
}

// The data row or column at the centre of the window of output index o
// along an axis (rounded down for an even span).
int WindowCentre(const AxisSize& a, int o) { return o * a.s - a.pad_before + (a.span - 1) / 2; }

}  // namespace

TickText InputRowTicks(const InputAxes& axes, const Conv2dGeometry& g) {
  return [axes, top = g.padding.top, rows = g.in_h](int py) { return RowText(axes, py - top, rows); };
}

TickText InputColTicks(const InputAxes& axes, const Conv2dGeometry& g) {
  return [axes, left = g.padding.left, cols = g.in_w](int px) {
    const int col = px - left;
    return col < 0 || col >= cols ? std::string() : TimeLabel(axes, ColumnSeconds(axes, col));
  };
}

TickText OutputRowTicks(const InputAxes& axes, const Conv2dGeometry& g) {
  return [axes, a = g.axis_h, rows = g.in_h](int oy) { return RowText(axes, WindowCentre(a, oy), rows); };
}

TickText OutputColTicks(const InputAxes& axes, const Conv2dGeometry& g) {
  return [axes, a = g.axis_w, cols = g.in_w](int ox) {
    const int col = WindowCentre(a, ox);
    return col < 0 || col >= cols ? std::string() : TimeLabel(axes, ColumnSeconds(axes, col));
  };
}

std::string WindowHears(const InputAxes& axes, const Conv2dGeometry& g, const ConvStep& step) {
  const int first_row = std::max(step.window_top - g.padding.top, 0);
  const int last_row = std::min(step.window_top + g.axis_h.span - 1 - g.padding.top, g.in_h - 1);
  const int first_col = std::max(step.window_left - g.padding.left, 0);
  const int last_col = std::min(step.window_left + g.axis_w.span - 1 - g.padding.left, g.in_w - 1);
  if (first_row > last_row || first_col > last_col) return {};
  const AxesSpan span = SpanOf(axes, first_row, last_row, first_col, last_col);
  const bool ms = TimesInMilliseconds(axes);
  std::string text = TimeLabel(axes, span.from_seconds) + "\u2013" + TimeLabel(axes, span.to_seconds) + (ms ? " ms" : " s");
  if (span.low_hz && span.high_hz) {
    text += " \u00b7 " + HertzLabel(*span.low_hz) + "\u2013" + HertzLabel(*span.high_hz) + " Hz";
  }
  return text;
}

}  // namespace convstep
