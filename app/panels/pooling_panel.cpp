// Pooling with its own stepper: on the lecture's 4×4 slice by default, or on
// the convolution's output with one click. The window, the winner of max
// pooling, the output filling in, and the formula (W - F)/S + 1.
#include <algorithm>
#include <string>

#include "app/panels/panels.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "core/output_size.h"
#include "core/step_text.h"

namespace convstep {

namespace {

constexpr ImU32 kWindowColor = IM_COL32(230, 159, 0, 255);
constexpr ImU32 kWinnerColor = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kEmptyFill = IM_COL32(36, 37, 43, 255);
constexpr ImU32 kPaddingFill = IM_COL32(48, 50, 58, 255);

void PoolParameters(AppState& state) {
  Pool2dSpec spec = state.session.pool;
  bool changed = false;
  int mode = spec.mode == PoolMode::kMax ? 0 : 1;
  static const char* kModes[] = {"max", "average"};
  ImGui::SetNextItemWidth(140.0f);
  if (ImGui::Combo("mode", &mode, kModes, 2)) {
    spec.mode = mode == 0 ? PoolMode::kMax : PoolMode::kAvg;
    changed = true;
  }
  int kernel[2] = {spec.kernel.h, spec.kernel.w};
  ImGui::SetNextItemWidth(140.0f);
  if (ImGui::SliderInt2("kernel", kernel, 1, 6)) {
    spec.kernel = {kernel[0], kernel[1]};
    changed = true;
  }
  const Pair stride_now = spec.stride.value_or(spec.kernel);
  int stride[2] = {stride_now.h, stride_now.w};
  ImGui::SetNextItemWidth(140.0f);
  if (ImGui::SliderInt2("stride", stride, 1, 6)) {
    spec.stride = Pair{stride[0], stride[1]};
    changed = true;
  }
  int padding[2] = {spec.padding.h, spec.padding.w};
  ImGui::SetNextItemWidth(140.0f);
  if (ImGui::SliderInt2("padding", padding, 0, 3)) {
    spec.padding = {padding[0], padding[1]};
    changed = true;
  }
  changed |= ImGui::Checkbox("ceil_mode", &spec.ceil_mode);
  if (changed) state.TryPool(spec, "pool parameters");
  bool from_conv = state.view.pool_from_conv;
  if (ImGui::Checkbox("pool the convolution's output", &from_conv)) state.SetPoolFromConv(from_conv);
}

void PoolFormula(const Pool2dGeometry& g) {
  ImGui::TextUnformatted("Output size: (W - F + 2P)/S + 1");
  const AxisSize h = ComputeAxisSize(g.in_h, g.kernel.h, g.padding.h, g.padding.h, g.stride.h, g.dilation.h);
  const AxisSize w = ComputeAxisSize(g.in_w, g.kernel.w, g.padding.w, g.padding.w, g.stride.w, g.dilation.w);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextWrapped("height: %s", ExplainAxisSize(h, "row").c_str());
  ImGui::TextWrapped("width: %s", ExplainAxisSize(w, "column").c_str());
  if (g.ceil_mode) ImGui::TextWrapped("ceil_mode rounds up instead: %d \u00d7 %d", g.out_h, g.out_w);
  ImGui::Text("Output: %d \u00d7 %d \u00d7 %d (pooling keeps the depth)", g.out_h, g.out_w, g.channels);
  ImGui::PopTextWrapPos();
}

}  // namespace

void DrawPoolingPanel(AppState& state) {
  const Pool2dStepper& pool = *state.pool;
  const Pool2dGeometry& g = pool.geometry();
  const PoolStep step = pool.Step(state.view.pool_step);
  const float side_w = 330.0f;

  ImGui::BeginChild("pool_side", ImVec2(side_w, 0), true);
  PanelTitle(g.mode == PoolMode::kMax ? "Max pooling" : "Average pooling");
  PoolParameters(state);
  ImGui::Separator();
  PoolFormula(g);
  ImGui::Separator();
  // The step written out.
  std::string taps;
  for (const PoolTap& t : step.taps) {
    if (t.in_padding && g.mode == PoolMode::kMax) continue;
    taps += (taps.empty() ? "" : ", ") + FormatValue(t.input);
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::Text("Step %d of %d", state.view.pool_step + 1, pool.TotalSteps());
  if (g.mode == PoolMode::kMax) {
    ImGui::TextWrapped("channel %d, output (%d, %d): max(%s) = %s", step.channel, step.out_y, step.out_x,
                       taps.c_str(), FormatValue(step.value).c_str());
  } else {
    ImGui::TextWrapped("channel %d, output (%d, %d): (%s) / %d = %s", step.channel, step.out_y, step.out_x,
                       taps.c_str(), step.divisor, FormatValue(step.value).c_str());
  }
  ImGui::PopTextWrapPos();
  ColoredText(kWindowColor, "orange: the window");
  if (g.mode == PoolMode::kMax) ColoredText(kWinnerColor, "white: its maximum, the value kept");
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginChild("pool_grids", ImVec2(0, 0), true);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float line = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
  // Input (padded) on the left, output on the right, same cell size.
  const float cell = std::clamp(std::min((avail.x - 40.0f) / static_cast<float>(g.padded_w + g.out_w),
                                         (avail.y - line) / static_cast<float>(std::max(g.padded_h, g.out_h))),
                                4.0f, 90.0f);
  const Tensor3& input = pool.spec().input;
  const auto [lo_it, hi_it] = std::minmax_element(input.data.begin(), input.data.end());
  const double lo = *lo_it;
  const double hi = *hi_it;

  ImGui::BeginGroup();
  ImGui::Text("input, channel %d of %d", step.channel, g.channels);
  GridDraw in = BlankGrid("pool/input", g.padded_h, g.padded_w, cell, kPaddingFill);
  for (int y = 0; y < g.in_h; ++y) {
    for (int x = 0; x < g.in_w; ++x) {
      const size_t i = static_cast<size_t>(y + g.padding.h) * in.cols + (x + g.padding.w);
      in.values[i] = input.at(step.channel, y, x);
      in.fills[i] = ViridisIn(in.values[i], lo, hi);
    }
  }
  for (const PoolTap& t : step.taps) in.outlines.push_back({static_cast<float>(t.y), static_cast<float>(t.x), 1, 1, kWindowColor, 3.0f});
  if (step.argmax >= 0) {
    in.outlines.push_back({static_cast<float>(step.argmax / g.in_w + g.padding.h),
                           static_cast<float>(step.argmax % g.in_w + g.padding.w), 1, 1, kWinnerColor, 3.0f});
  }
  DrawGrid(in);
  ImGui::EndGroup();
  ImGui::SameLine(0, 40.0f);
  ImGui::BeginGroup();
  ImGui::Text("output %d\u00d7%d", g.out_h, g.out_w);
  GridDraw out = BlankGrid("pool/output", g.out_h, g.out_w, cell, kEmptyFill);
  const int plane = g.out_h * g.out_w;
  for (int i = 0; i < plane; ++i) {
    const int k = step.channel * plane + i;
    if (k > state.view.pool_step) break;
    out.values[static_cast<size_t>(i)] = pool.Output().data[static_cast<size_t>(k)];
    out.fills[static_cast<size_t>(i)] = ViridisIn(out.values[static_cast<size_t>(i)], lo, hi);
  }
  out.outlines.push_back({static_cast<float>(step.out_y), static_cast<float>(step.out_x), 1, 1, kWindowColor, 3.0f});
  const GridHit hit = DrawGrid(out);
  if (hit.clicked) state.GoToPoolStep(step.channel * plane + hit.y * g.out_w + hit.x);
  ImGui::EndGroup();
  ImGui::EndChild();
}

}  // namespace convstep
