// The feature maps filling in as the steps go: the current cell outlined,
// cells linked to the hovered input position lit, a click jumps to a step.
#include <algorithm>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"

namespace convstep {

namespace {


}  // namespace

void DrawOutputPanel(AppState& state) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  const std::string title =
      TrFormat("output.title", {std::to_string(g.out_h), std::to_string(g.out_w), std::to_string(g.out_channels)});
  PanelTitle(title.c_str());

  // Colours span the whole output, so a map does not change colour as it fills.
  const auto [lo_it, hi_it] = std::minmax_element(conv.Output().data.begin(), conv.Output().data.end());
  const double lo = Activate(state.session.activation, *lo_it);
  const double hi = Activate(state.session.activation, *hi_it);

  std::vector<OutputCell> linked;
  if (state.view.hovered_input) {
    linked = conv.CoveringOutputs(state.view.hovered_input->c, state.view.hovered_input->y,
                                  state.view.hovered_input->x);
  }
  const float caption = ImGui::GetTextLineHeightWithSpacing();
  const Arrangement arrangement = ArrangeGrids(ImGui::GetContentRegionAvail(), g.out_channels, g.out_h, g.out_w,
                                               16.0f, caption + ImGui::GetTextLineHeight() + 4.0f, 1.0f, Scaled(44));
  const ConvStep step = conv.Step(state.view.step);
  std::optional<OutputCell> hovered;
  for (int f = 0; f < g.out_channels; ++f) {
    if (f % arrangement.per_row != 0) ImGui::SameLine(0, Scaled(16));
    ImGui::BeginGroup();
    ImGui::TextUnformatted(TrFormat("output.filter", {std::to_string(f)}).c_str());
    GridDraw grid = BlankGrid("output/" + std::to_string(f), g.out_h, g.out_w, arrangement.cell, CurrentColors().empty_fill);
    grid.label_every = arrangement.cell >= 14.0f ? 1 : 0;
    for (int y = 0; y < g.out_h; ++y) {
      for (int x = 0; x < g.out_w; ++x) {
        if (conv.StepOf(f, y, x) > state.view.step) continue;
        const size_t i = static_cast<size_t>(y) * g.out_w + x;
        grid.values[i] = state.ActivatedOutput(f, y, x);
        grid.fills[i] = HeatIn(state.view.appearance.palette, grid.values[i], lo, hi);
      }
    }
    if (step.out_channel == f) {
      grid.outlines.push_back({static_cast<float>(step.out_y), static_cast<float>(step.out_x), 1, 1, kCurrentColor, 3.0f});
    }
    for (const OutputCell& cell : linked) {
      if (cell.c == f) grid.outlines.push_back({static_cast<float>(cell.y), static_cast<float>(cell.x), 1, 1, CurrentColors().link, 2.0f});
    }
    const GridHit hit = DrawGrid(grid);
    if (hit.hovered) hovered = OutputCell{f, hit.y, hit.x};
    if (hit.clicked) state.GoToStep(conv.StepOf(f, hit.y, hit.x));
    ImGui::EndGroup();
  }
  state.view.hovered_output = hovered;
}

}  // namespace convstep
