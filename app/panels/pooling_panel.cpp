// Pooling with its own stepper: on the lecture's 4×4 slice by default, or on
// the convolution's output with one click. The window, the winner of max
// pooling, the output filling in, and the formula (W - F)/S + 1.
#include <algorithm>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "app/state/size_text.h"
#include "app/widgets/tooltip.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

constexpr ImU32 kWindowColor = IM_COL32(230, 159, 0, 255);

void PoolParameters(AppState& state) {
  Pool2dSpec spec = state.session.pool;
  bool changed = false;
  int mode = spec.mode == PoolMode::kMax ? 0 : 1;
  const char* modes[] = {Tr("pool.mode_max"), Tr("pool.mode_average")};
  ImGui::SetNextItemWidth(Scaled(140));
  if (ImGui::Combo(TrId("pool.mode").c_str(), &mode, modes, 2)) {
    spec.mode = mode == 0 ? PoolMode::kMax : PoolMode::kAvg;
    changed = true;
  }
  ConceptTooltip("tip.pool_mode");
  int kernel[2] = {spec.kernel.h, spec.kernel.w};
  ImGui::SetNextItemWidth(Scaled(140));
  if (ImGui::SliderInt2(TrId("pool.kernel").c_str(), kernel, 1, 6)) {
    spec.kernel = {kernel[0], kernel[1]};
    changed = true;
  }
  ConceptTooltip("tip.pool_kernel");
  const Pair stride_now = spec.stride.value_or(spec.kernel);
  int stride[2] = {stride_now.h, stride_now.w};
  ImGui::SetNextItemWidth(Scaled(140));
  if (ImGui::SliderInt2(TrId("pool.stride").c_str(), stride, 1, 6)) {
    spec.stride = Pair{stride[0], stride[1]};
    changed = true;
  }
  ConceptTooltip("tip.pool_stride");
  int padding[2] = {spec.padding.h, spec.padding.w};
  ImGui::SetNextItemWidth(Scaled(140));
  if (ImGui::SliderInt2(TrId("pool.padding").c_str(), padding, 0, 3)) {
    spec.padding = {padding[0], padding[1]};
    changed = true;
  }
  ConceptTooltip("tip.pool_padding");
  changed |= ImGui::Checkbox("ceil_mode", &spec.ceil_mode);
  ConceptTooltip("tip.ceil_mode");
  if (changed) state.TryPool(spec, "pool parameters");
  bool from_conv = state.view.pool_from_conv;
  if (ImGui::Checkbox(TrId("pool.from_conv").c_str(), &from_conv)) state.SetPoolFromConv(from_conv);
  ConceptTooltip("tip.pool_from_conv");
}

void PoolFormula(const Pool2dGeometry& g) {
  ImGui::TextUnformatted(Tr("pool.formula"));
  ConceptTooltip("tip.pool_formula");
  const AxisSize& h = g.axis_h;
  const AxisSize& w = g.axis_w;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextWrapped("%s %s", Tr("size.height"), AxisSizeSentence(h, Axis::kRows).c_str());
  ImGui::TextWrapped("%s %s", Tr("size.width"), AxisSizeSentence(w, Axis::kColumns).c_str());
  if (g.ceil_mode) {
    ImGui::TextWrapped("%s", TrFormat("pool.ceil_result", {std::to_string(g.out_h), std::to_string(g.out_w)}).c_str());
  }
  ImGui::TextWrapped("%s", TrFormat("pool.output_shape", {std::to_string(g.out_h), std::to_string(g.out_w),
                                                          std::to_string(g.channels)})
                               .c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace

void DrawPoolingPanel(AppState& state) {
  const Pool2dStepper& pool = *state.pool;
  const Pool2dGeometry& g = pool.geometry();
  const PoolStep step = pool.Step(state.view.pool_step);
  // Wide enough for its longest line, a checkbox, in either language.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float side_w = std::max(330.0f, ImGui::CalcTextSize(Tr("pool.from_conv")).x + ImGui::GetFrameHeight() +
                                            style.ItemInnerSpacing.x + style.WindowPadding.x * 2.0f +
                                            style.ScrollbarSize);

  ImGui::BeginChild("pool_side", ImVec2(side_w, 0), true);
  PanelTitle(Tr(g.mode == PoolMode::kMax ? "pool.title_max" : "pool.title_average"));
  PoolParameters(state);
  ImGui::Separator();
  PoolFormula(g);
  ImGui::Separator();
  // The step written out.
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(
      TrFormat("pool.step", {std::to_string(state.view.pool_step + 1), std::to_string(pool.TotalSteps())}).c_str());
  const std::string where =
      TrFormat("pool.where", {std::to_string(step.channel), std::to_string(step.out_y), std::to_string(step.out_x)});
  ImGui::TextWrapped("%s: %s", where.c_str(), PoolArithmetic(step, g.mode).c_str());
  ImGui::PopTextWrapPos();
  ColoredText(kWindowColor, Tr("pool.legend_window"));
  if (g.mode == PoolMode::kMax) ColoredText(CurrentColors().winner, Tr("pool.legend_max"));
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginChild("pool_grids", ImVec2(0, 0), true);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float line = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
  // Input (padded) on the left, output on the right, same cell size.
  const float cell = std::clamp(std::min((avail.x - 40.0f) / static_cast<float>(g.padded_w + g.out_w),
                                         (avail.y - line) / static_cast<float>(std::max(g.padded_h, g.out_h))),
                                4.0f, Scaled(90));
  const Tensor3& input = pool.spec().input;
  const auto [lo_it, hi_it] = std::minmax_element(input.data.begin(), input.data.end());
  const double lo = *lo_it;
  const double hi = *hi_it;

  ImGui::BeginGroup();
  ImGui::TextUnformatted(TrFormat("pool.input", {std::to_string(step.channel), std::to_string(g.channels)}).c_str());
  GridDraw in = BlankGrid("pool/input", g.padded_h, g.padded_w, cell, CurrentColors().padding_fill);
  for (int y = 0; y < g.in_h; ++y) {
    for (int x = 0; x < g.in_w; ++x) {
      const size_t i = static_cast<size_t>(y + g.padding.h) * in.cols + (x + g.padding.w);
      in.values[i] = input.at(step.channel, y, x);
      in.fills[i] = HeatIn(state.view.appearance.palette, in.values[i], lo, hi);
    }
  }
  for (const PoolTap& t : step.taps) in.outlines.push_back({static_cast<float>(t.y), static_cast<float>(t.x), 1, 1, kWindowColor, 3.0f});
  if (step.argmax >= 0) {
    in.outlines.push_back({static_cast<float>(step.argmax / g.in_w + g.padding.h),
                           static_cast<float>(step.argmax % g.in_w + g.padding.w), 1, 1, CurrentColors().winner, 3.0f});
  }
  DrawGrid(in);
  ImGui::EndGroup();
  ImGui::SameLine(0, Scaled(40));
  ImGui::BeginGroup();
  ImGui::TextUnformatted(TrFormat("pool.output", {std::to_string(g.out_h), std::to_string(g.out_w)}).c_str());
  GridDraw out = BlankGrid("pool/output", g.out_h, g.out_w, cell, CurrentColors().empty_fill);
  // The cells computed so far in this channel.
  for (int y = 0; y < g.out_h; ++y) {
    for (int x = 0; x < g.out_w; ++x) {
      if (pool.StepOf(step.channel, y, x) > state.view.pool_step) continue;
      const size_t i = static_cast<size_t>(y) * g.out_w + x;
      out.values[i] = pool.Output().at(step.channel, y, x);
      out.fills[i] = HeatIn(state.view.appearance.palette, out.values[i], lo, hi);
    }
  }
  out.outlines.push_back({static_cast<float>(step.out_y), static_cast<float>(step.out_x), 1, 1, kWindowColor, 3.0f});
  const GridHit hit = DrawGrid(out);
  if (hit.clicked) state.GoToPoolStep(pool.StepOf(step.channel, hit.y, hit.x));
  ImGui::EndGroup();
  ImGui::EndChild();
}

}  // namespace convstep
