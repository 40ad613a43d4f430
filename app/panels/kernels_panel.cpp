// Every filter with its channel slices and its bias; the filter of the
// current step framed in the channel colours it is drawn with elsewhere.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"
#include "core/teach/step_text.h"

namespace convstep {

void DrawKernelsPanel(AppState& state) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  const Tensor4& w = conv.spec().weight;
  PanelTitle(Tr("kernels.title"));
  double scale = 0;
  for (double v : w.data) scale = std::max(scale, std::fabs(v));
  if (scale == 0) scale = 1;

  const ConvStep step = conv.Step(state.view.step);
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // Filters are rows, channel slices side by side within a row.
  const Arrangement by_row = ArrangeGrids(ImVec2(avail.x, avail.y / static_cast<float>(g.out_channels)),
                                          g.in_per_group, g.kernel_h, g.kernel_w, 10.0f, line, 12.0f, Scaled(34));
  for (int f = 0; f < g.out_channels; ++f) {
    const bool current = f == step.out_channel;
    std::string heading = TrFormat("kernels.filter", {std::to_string(f)});
    if (current) heading += std::string("   \u25c0 ") + Tr("kernels.current");
    ColoredText(current ? CurrentColors().title : ImGui::GetColorU32(ImGuiCol_Text), heading.c_str());
    if (!conv.spec().bias.empty()) {
      ImGui::SameLine(0, Scaled(20));
      ImGui::PushID(f);
      double bias = conv.spec().bias[static_cast<size_t>(f)];
      ImGui::SetNextItemWidth(Scaled(80));
      ImGui::InputDouble(TrId("kernels.bias").c_str(), &bias, 0.0, 0.0, "%g");
      ConceptTooltip("tip.bias_value");
      if (ImGui::IsItemDeactivatedAfterEdit()) state.Edit(SetBiasValue(state.session.conv, f, bias), "bias:" + std::to_string(f));
      ImGui::PopID();
    }
    for (int ci = 0; ci < g.in_per_group; ++ci) {
      if (ci % by_row.per_row != 0) ImGui::SameLine(0, Scaled(10));
      const int channel = g.FirstInputChannel(f) + ci;
      GridDraw grid;
      grid.name = "kernel/" + std::to_string(f) + "/" + std::to_string(ci);
      grid.rows = g.kernel_h;
      grid.cols = g.kernel_w;
      grid.cell = by_row.cell;
      const size_t n = static_cast<size_t>(g.kernel_h) * g.kernel_w;
      grid.fills.resize(n);
      grid.values.resize(n);
      for (int ky = 0; ky < g.kernel_h; ++ky) {
        for (int kx = 0; kx < g.kernel_w; ++kx) {
          const size_t i = static_cast<size_t>(ky) * g.kernel_w + kx;
          grid.values[i] = w.at(f, ci, ky, kx);
          grid.fills[i] = Diverging(static_cast<float>(grid.values[i] / scale));
        }
      }
      if (current) {
        grid.outlines.push_back({0, 0, static_cast<float>(g.kernel_h), static_cast<float>(g.kernel_w),
                                 ChannelColor(channel), 3.0f});
      }
      ImGui::BeginGroup();
      ColoredText(ChannelColor(channel), TrFormat("kernels.channel", {std::to_string(channel)}).c_str());
      const GridHit hit = DrawGrid(grid);
      EditGridCells(
          state, grid.name, hit, [](int, int) { return true; },
          // The document, not the stepper's copy: a commit replaces the stepper.
          [&](int y, int x) { return state.session.conv.weight.at(f, ci, y, x); },
          [&](int y, int x, double v) {
            state.Edit(SetCell(state.session.conv, {GridRef::Kind::kKernel, f, ci}, y, x, v),
                       "cell:" + grid.name + ":" + std::to_string(y) + "," + std::to_string(x));
          });
      ImGui::EndGroup();
    }
  }
}

}  // namespace convstep
