// The feature maps filling in as the steps go: the current cell outlined,
// cells linked to the hovered input position lit, a click jumps to a step.
// Signed maps (edges) diverge around zero; a colour bar gives the range.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/axis_ticks.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"

namespace convstep {

namespace {

// The range of the whole output, activated: colours span it all, so a map
// does not change colour as it fills.
std::pair<double, double> OutputRange(const AppState& state) {
  const Tensor3& out = state.conv->Output();
  const auto [lo_it, hi_it] = std::minmax_element(out.data.begin(), out.data.end());
  return {Activate(state.session.activation, *lo_it), Activate(state.session.activation, *hi_it)};
}

// How many of map f's cells the steps so far have worked out: what its
// cells depend on besides the document, so stepping through one map does
// not fill the seven others again. (Steps go map by map, row by row.)
uint64_t FilledCells(const AppState& state, int f) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  const int first = conv.StepOf(f, 0, 0);
  const int count = g.out_h * g.out_w;
  if (conv.StepOf(f, g.out_h - 1, g.out_w - 1) - first + 1 != count) return static_cast<uint64_t>(state.view.step);
  return static_cast<uint64_t>(std::clamp(state.view.step - first + 1, 0, count));
}

std::string MapCaption(int f) { return TrFormat("output.filter", {std::to_string(f)}); }

// Map f's cells worked out so far; the others stay blank (NaN).
void FillMap(const AppState& state, int f, bool diverging, double lo, double hi, GridDraw* grid) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  grid->values.assign(static_cast<size_t>(g.out_h) * g.out_w, std::nan(""));
  for (int y = 0; y < g.out_h; ++y) {
    for (int x = 0; x < g.out_w; ++x) {
      if (conv.StepOf(f, y, x) <= state.view.step) grid->values[static_cast<size_t>(y) * g.out_w + x] = state.ActivatedOutput(f, y, x);
    }
  }
  // Diverging: zero in the middle, the larger magnitude at both ends.
  const double bound = std::max(std::fabs(lo), std::fabs(hi));
  const HeatPalette palette = state.view.appearance.palette;
  grid->ramp = diverging ? std::function<ImU32(float)>([](float t) { return DivergingRamp(HeatPalette::kViridis, t); })
                         : std::function<ImU32(float)>([palette](float t) { return Heat(palette, t); });
  grid->lo = diverging ? -bound : lo;
  grid->hi = diverging ? bound : hi;
}

}  // namespace

GridSet OutputGridSet(const AppState& state) {
  const Conv2dGeometry& g = state.conv->geometry();
  GridSet set;
  set.per_group = g.out_channels;
  set.rows = g.out_h;
  set.cols = g.out_w;
  for (int f = 0; f < g.out_channels; ++f) set.caption_w = std::max(set.caption_w, GridTextWidth(MapCaption(f)));
  const InputAxes& axes = state.session.input_axes;
  set.label_w = axes.rows == InputAxes::Rows::kNone ? TickLabelsWidth(g.out_h, g.out_w, 0)
                                                    : TickLabelsWidth(OutputRowTicks(axes, g), g.out_h);
  const uint64_t key = FillKey(state.view.appearance, {static_cast<uint64_t>(state.revision)});
  set.min_cell = CellForText(WidestCellTextOnce("output", key, [&state] {
    const Tensor3& out = state.conv->Output();
    std::vector<double> values(out.data.size());
    std::transform(out.data.begin(), out.data.end(), values.begin(),
                   [&](double v) { return Activate(state.session.activation, v); });
    return values;
  }));
  set.max_cell = Scaled(56);
  set.extra_w = ColorBarWidth() + GridGap();
  return set;
}

void DrawOutputPanel(AppState& state) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  const std::string title =
      TrFormat("output.title", {std::to_string(g.out_h), std::to_string(g.out_w), std::to_string(g.out_channels)});
  PanelTitle(title.c_str());

  const auto [lo, hi] = OutputRange(state);
  const bool diverging = UseDiverging(state.view.appearance.output_colors, lo, hi);
  std::vector<OutputCell> linked;
  if (state.view.hovered_input) {
    linked = conv.CoveringOutputs(state.view.hovered_input->c, state.view.hovered_input->y,
                                  state.view.hovered_input->x);
  }
  const Arrangement arrangement = ArrangeSet(OutputGridSet(state), ImGui::GetContentRegionAvail());
  const ConvStep step = conv.Step(state.view.step);
  // Zoomed in, every map shows the part around the current cell, unless the
  // student moved another grid's view last: then the maps show its part.
  const std::string leader = LeadingGrid(state.view.zoom, "conv");
  std::optional<std::pair<float, float>> led;
  if (!leader.empty()) {
    const GridZoom& z = state.view.zoom.at(leader);
    if (leader.rfind("input/", 0) == 0) led = OutputPointOf(g, z.cy, z.cx);
    else led = std::make_pair(z.cy, z.cx);
  }
  const std::pair<float, float> current(static_cast<float>(step.out_y) + 0.5f, static_cast<float>(step.out_x) + 0.5f);
  std::optional<OutputCell> hovered;
  ImGui::BeginGroup();
  for (int f = 0; f < g.out_channels; ++f) {
    if (f % arrangement.per_row != 0) ImGui::SameLine(0, GridGap());
    const std::string name = "output/" + std::to_string(f);
    const uint64_t key = FillKey(state.view.appearance,
                                 {static_cast<uint64_t>(state.revision), FilledCells(state, f), static_cast<uint64_t>(f)});
    GridDraw grid;
    grid.name = name;
    if (!GridIsFresh(name, key)) FillMap(state, f, diverging, lo, hi, &grid);
    grid.key = key;
    grid.caption = MapCaption(f);
    grid.rows = g.out_h;
    grid.cols = g.out_w;
    grid.cell = arrangement.cell;
    grid.labels = true;
    if (const InputAxes& axes = state.session.input_axes; axes.rows != InputAxes::Rows::kNone) {
      grid.row_tick = OutputRowTicks(axes, g);
      grid.col_tick = OutputColTicks(axes, g);
    }
    if (step.out_channel == f) {
      grid.outlines.push_back({static_cast<float>(step.out_y), static_cast<float>(step.out_x), 1, 1, kCurrentColor, 3.0f});
    }
    const bool leads = leader.empty() || leader == name;
    grid.follow = leads ? current : *led;
    grid.follow_always = leads ? state.view.playing : true;
    for (const OutputCell& cell : linked) {
      if (cell.c == f) grid.outlines.push_back({static_cast<float>(cell.y), static_cast<float>(cell.x), 1, 1, CurrentColors().link, 2.0f});
    }
    grid.zooms = &state.view.zoom;
    grid.zoom_group = "conv";
    const GridHit hit = DrawGrid(grid);
    if (hit.hovered) hovered = OutputCell{f, hit.y, hit.x};
    if (hit.clicked) state.GoToStep(conv.StepOf(f, hit.y, hit.x));
  }
  ImGui::EndGroup();
  ImGui::SameLine(0, GridGap());
  const double bound = std::max(std::fabs(lo), std::fabs(hi));
  if (diverging) {
    DrawColorBar("output_bar", DivergingRamp, state.view.appearance.palette, -bound, bound, ImGui::GetItemRectSize().y);
  } else {
    DrawColorBar("output_bar", Heat, state.view.appearance.palette, lo, hi, ImGui::GetItemRectSize().y);
  }
  state.view.hovered_output = hovered;
}

}  // namespace convstep
