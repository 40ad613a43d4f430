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

namespace {

// The largest weight's magnitude: the ends of the diverging colours.
double WeightScale(const Tensor4& w) {
  double scale = 0;
  for (double v : w.data) scale = std::max(scale, std::fabs(v));
  return scale == 0 ? 1 : scale;
}

float BiasFieldWidth() { return Scaled(48); }

std::string SliceCaption(int channel) { return TrFormat("kernels.channel", {ChannelIndex(channel)}); }

std::string HeadingText(const AppState& state, int f, bool current) {
  std::string heading = TrFormat("kernels.filter", {std::to_string(f)});
  if (current) heading += " \u25c0";
  const std::vector<double>& bias = state.conv->spec().bias;
  if (state.view.compact && !bias.empty()) {
    heading += "  " + TrFormat("kernels.bias_is", {FormatValue(bias[static_cast<size_t>(f)])});
  }
  return heading;
}

void BiasField(AppState& state, int f, const char* label) {
  double bias = state.conv->spec().bias[static_cast<size_t>(f)];
  ImGui::SetNextItemWidth(BiasFieldWidth());
  ImGui::InputDouble(label, &bias, 0.0, 0.0, "%g");
  ConceptTooltip("tip.bias_value");
  if (ImGui::IsItemDeactivatedAfterEdit()) state.Edit(SetBiasValue(state.session.conv, f, bias), "bias:" + std::to_string(f));
}

// A filter's heading: its name (with a mark when it is the current
// step's) and its bias, typed in place. With large text the heading is in
// the grids' text size and the bias opens in a popup on a click, so two
// filters still fit side by side.
void FilterHeading(AppState& state, int f, bool current) {
  const ImU32 color = current ? CurrentColors().title : ImGui::GetColorU32(ImGuiCol_Text);
  const bool bias = !state.conv->spec().bias.empty();
  ImGui::PushID(f);
  if (state.view.compact) {
    PushGridFont();
    ColoredText(color, HeadingText(state, f, current).c_str());
    ImGui::PopFont();
    if (bias && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("kernels.bias_click"));
    if (bias && ImGui::IsItemClicked()) ImGui::OpenPopup("bias");
    if (ImGui::BeginPopup("bias")) {
      BiasField(state, f, TrId("kernels.bias").c_str());
      ImGui::EndPopup();
    }
  } else {
    ColoredText(color, HeadingText(state, f, current).c_str());
    if (current && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("kernels.current"));
    if (bias) {
      ImGui::SameLine(0, Scaled(8));
      BiasField(state, f, TrId("kernels.bias").c_str());
    }
  }
  ImGui::PopID();
}

}  // namespace

GridSet KernelsGridSet(const AppState& state) {
  const Conv2dGeometry& g = state.conv->geometry();
  GridSet set;
  set.groups = g.out_channels;
  set.per_group = g.in_per_group;
  set.rows = g.kernel_h;
  set.cols = g.kernel_w;
  for (int c = 0; c < g.in_channels; ++c) set.caption_w = std::max(set.caption_w, GridTextWidth(SliceCaption(c)));
  const bool bias = !state.conv->spec().bias.empty();
  const std::string widest = HeadingText(state, g.out_channels - 1, true);
  if (state.view.compact) {
    set.heading_h = 16.0f + ImGui::GetStyle().ItemSpacing.y + 3.0f;
    set.heading_w = GridTextWidth(widest);
  } else {
    set.heading_h = (bias ? ImGui::GetFrameHeight() : ImGui::GetTextLineHeight()) + ImGui::GetStyle().ItemSpacing.y;
    set.heading_w = ImGui::CalcTextSize(widest.c_str()).x +
                    (bias ? Scaled(8) + BiasFieldWidth() + ImGui::GetStyle().ItemInnerSpacing.x +
                                ImGui::CalcTextSize(Tr("kernels.bias")).x
                          : 0.0f);
  }
  const uint64_t key = FillKey(state.view.appearance, {static_cast<uint64_t>(state.revision)});
  set.min_cell = CellForText(WidestCellTextOnce("kernels", key, [&state] { return state.conv->spec().weight.data; }));
  set.max_cell = Scaled(48);
  set.extra_w = ColorBarWidth() + GridGap();
  return set;
}

void DrawKernelsPanel(AppState& state) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  const Tensor4& w = conv.spec().weight;
  PanelTitle(Tr("kernels.title"));
  const double scale = WeightScale(w);
  const ConvStep step = conv.Step(state.view.step);
  const Arrangement arrangement = ArrangeSet(KernelsGridSet(state), ImGui::GetContentRegionAvail());
  ImGui::BeginGroup();
  for (int f = 0; f < g.out_channels; ++f) {
    if (f % arrangement.groups_per_row != 0) ImGui::SameLine(0, GroupGap());
    ImGui::BeginGroup();
    const bool current = f == step.out_channel;
    FilterHeading(state, f, current);
    for (int ci = 0; ci < g.in_per_group; ++ci) {
      if (ci % arrangement.per_row != 0) ImGui::SameLine(0, GridGap());
      const int channel = g.FirstInputChannel(f) + ci;
      GridDraw grid;
      grid.name = "kernel/" + std::to_string(f) + "/" + std::to_string(ci);
      grid.caption = SliceCaption(channel);
      grid.caption_color = ChannelColor(channel);
      grid.rows = g.kernel_h;
      grid.cols = g.kernel_w;
      grid.cell = arrangement.cell;
      grid.values.resize(static_cast<size_t>(g.kernel_h) * g.kernel_w);
      for (int ky = 0; ky < g.kernel_h; ++ky) {
        for (int kx = 0; kx < g.kernel_w; ++kx) grid.values[static_cast<size_t>(ky) * g.kernel_w + kx] = w.at(f, ci, ky, kx);
      }
      grid.ramp = [](float t) { return DivergingRamp(HeatPalette::kViridis, t); };
      grid.lo = -scale;
      grid.hi = scale;
      if (current) {
        grid.outlines.push_back({0, 0, static_cast<float>(g.kernel_h), static_cast<float>(g.kernel_w),
                                 ChannelColor(channel), 3.0f});
      }
      const GridHit hit = DrawGrid(grid);
      EditGridCells(
          state, grid.name, hit, [](int, int) { return true; },
          // The document, not the stepper's copy: a commit replaces the stepper.
          [&](int y, int x) { return state.session.conv.weight.at(f, ci, y, x); },
          [&](int y, int x, double v) {
            state.Edit(SetCell(state.session.conv, {GridRef::Kind::kKernel, f, ci}, y, x, v),
                       "cell:" + grid.name + ":" + std::to_string(y) + "," + std::to_string(x));
          });
    }
    ImGui::EndGroup();
  }
  ImGui::EndGroup();
  ImGui::SameLine(0, GridGap());
  DrawColorBar("kernels_bar", DivergingRamp, state.view.appearance.palette, -scale, scale,
               std::min(ImGui::GetItemRectSize().y, Scaled(160)));
}

}  // namespace convstep
