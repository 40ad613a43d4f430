// The input channels on the padded plane: values, the padding ring apart
// from the data, the current window on every channel it reads, the visit
// heatmap with the never-reached positions struck through, and hover links.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"

namespace convstep {

void DrawInputPanel(AppState& state) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  const Tensor3& input = conv.spec().input;
  PanelTitle(Tr(state.view.show_visits ? "input.title_visits" : "input.title"));

  const auto [lo_it, hi_it] = std::minmax_element(input.data.begin(), input.data.end());
  const double lo = *lo_it;
  const double hi = *hi_it;
  const int max_visits = *std::max_element(conv.Visits().begin(), conv.Visits().end());
  const ConvStep step = conv.Step(state.view.step);
  float top = 0;
  float left = 0;
  state.GlidingWindow(&top, &left);

  const float caption = ImGui::GetTextLineHeightWithSpacing();
  const float labels = ImGui::GetTextLineHeight() + 4.0f;
  const Arrangement arrangement = ArrangeGrids(ImGui::GetContentRegionAvail(), g.in_channels, g.padded_h,
                                               g.padded_w, 16.0f, caption + labels, 1.0f, Scaled(44));
  const int label_every = arrangement.cell >= 14.0f ? 1 : (arrangement.cell >= 5.0f ? 8 : 0);

  std::optional<ConvStep> linked;  // the window of the output cell under the mouse
  if (const std::optional<OutputCell>& o = state.view.hovered_output) linked = conv.Step(conv.StepOf(o->c, o->y, o->x));
  const int tail_h = g.axis_h.unvisited_tail.value_or(0);
  const int tail_w = g.axis_w.unvisited_tail.value_or(0);
  std::optional<InputCell> hovered;
  for (int c = 0; c < g.in_channels; ++c) {
    if (c % arrangement.per_row != 0) ImGui::SameLine(0, Scaled(16));
    ImGui::BeginGroup();
    ColoredText(ChannelColor(c), TrFormat("input.channel", {std::to_string(c)}).c_str());

    GridDraw grid;
    grid.name = "input/" + std::to_string(c);
    grid.rows = g.padded_h;
    grid.cols = g.padded_w;
    grid.cell = arrangement.cell;
    grid.label_every = label_every;
    const size_t n = static_cast<size_t>(grid.rows) * grid.cols;
    grid.fills.resize(n);
    grid.values.resize(n);
    grid.dim.assign(n, 0);
    for (int py = 0; py < g.padded_h; ++py) {
      for (int px = 0; px < g.padded_w; ++px) {
        const size_t i = static_cast<size_t>(py) * g.padded_w + px;
        const bool in_padding = py < g.padding.top || py >= g.padding.top + g.in_h || px < g.padding.left ||
                                px >= g.padding.left + g.in_w;
        const int visits = conv.VisitsAt(py, px);
        if (state.view.show_visits) {
          grid.values[i] = visits;
          grid.fills[i] = visits == 0 ? CurrentColors().dropped_fill : Heat(state.view.appearance.palette, static_cast<float>(visits) / static_cast<float>(std::max(max_visits, 1)));
        } else {
          grid.values[i] = PaddedValue(input, g, c, py, px);
          grid.fills[i] = in_padding ? CurrentColors().padding_fill : InputValueFill(grid.values[i], lo, hi);
        }
        grid.dim[i] = in_padding ? 1 : 0;
        // The trailing rows and columns no window reaches: the lecture's
        // "this row and this column are dropped". (Holes between dilated
        // taps are unvisited too; the heatmap shows them as 0×.)
        if (py >= g.padded_h - tail_h || px >= g.padded_w - tail_w) grid.crossed.emplace_back(py, px);
      }
    }
    if (state.view.show_visits) grid.suffix = "\u00d7";
    // The data region's edge: the padding ring is everything outside it.
    if (g.padded_h != g.in_h || g.padded_w != g.in_w) {
      grid.outlines.push_back({static_cast<float>(g.padding.top), static_cast<float>(g.padding.left),
                               static_cast<float>(g.in_h), static_cast<float>(g.in_w), CurrentColors().data_edge, 1.5f});
    }
    // The window: one box per tap, so dilation holes show as holes.
    const bool read_by_filter =
        std::find(step.channels.begin(), step.channels.end(), c) != step.channels.end();
    if (read_by_filter) {
      const ImU32 color = ChannelColor(c);
      for (int ky = 0; ky < g.kernel_h; ++ky) {
        for (int kx = 0; kx < g.kernel_w; ++kx) {
          grid.outlines.push_back({top + static_cast<float>(ky * g.dilation.h),
                                   left + static_cast<float>(kx * g.dilation.w), 1, 1, color, 3.0f});
        }
      }
    }
    // The window of the output cell under the mouse, in white.
    if (linked) {
      for (const StepTerm& t : linked->terms) {
        if (t.c == c) grid.outlines.push_back({static_cast<float>(t.y), static_cast<float>(t.x), 1, 1, CurrentColors().link, 2.0f});
      }
    }
    const GridHit hit = DrawGrid(grid);
    if (hit.hovered) hovered = InputCell{c, hit.y, hit.x};
    // Only the data can be typed into: the padding ring follows from it.
    auto is_data = [&g](int py, int px) {
      return py >= g.padding.top && py < g.padding.top + g.in_h && px >= g.padding.left && px < g.padding.left + g.in_w;
    };
    EditGridCells(
        state, grid.name, hit, is_data,
        // The document, not the stepper's copy: a commit replaces the stepper.
        [&](int py, int px) { return state.session.conv.input.at(c, py - g.padding.top, px - g.padding.left); },
        [&](int py, int px, double v) {
          state.Edit(SetCell(state.session.conv, {GridRef::Kind::kInput, c, 0}, py - g.padding.top, px - g.padding.left, v),
                     "cell:" + grid.name + ":" + std::to_string(py) + "," + std::to_string(px));
        });
    ImGui::EndGroup();
  }
  state.view.hovered_input = hovered;
}

}  // namespace convstep
