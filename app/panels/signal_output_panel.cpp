// A 1-D convolution's outputs as waveforms, one per filter, each sample
// under the centre of the window it read (the input's time axis), filling
// in as the steps go; the current output ringed in red, the outputs that
// read the hovered input lit; a click jumps to an output's step.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/axis_ticks.h"
#include "app/widgets/tooltip.h"
#include "app/widgets/waveform_view.h"

namespace convstep {

namespace {

std::pair<double, double> ActivatedRange(const AppState& state) {
  const Tensor3 out = state.ActivatedOutput();
  const auto [lo, hi] = std::minmax_element(out.data.begin(), out.data.end());
  return {std::min(*lo, 0.0), std::max(*hi, 0.0)};
}

// Output colours cycle through the theme's plot colours: the filters apart.
ImU32 FilterColor(int f) {
  static const ImU32 kColors[] = {IM_COL32(230, 159, 0, 255), IM_COL32(86, 180, 233, 255), IM_COL32(0, 158, 115, 255),
                                  IM_COL32(204, 121, 167, 255), IM_COL32(240, 228, 66, 255), IM_COL32(213, 94, 0, 255)};
  return kColors[f % 6];
}

}  // namespace

void DrawSignalOutputPanel(AppState& state) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  PanelTitle(TrFormat("output.title_signal", {std::to_string(g.out_channels), std::to_string(g.out_w)}).c_str());
  const ConvStep step = conv.Step(state.view.step);
  const auto [lo, hi] = ActivatedRange(state);
  std::vector<OutputCell> linked;
  if (state.view.hovered_input) {
    linked = conv.CoveringOutputs(state.view.hovered_input->c, state.view.hovered_input->y, state.view.hovered_input->x);
  }
  const bool audible = CanPlay(state.session) && !state.view.compact;  // else the sound menu
  // With large text only the filter being stepped has room: one plot.
  const bool one = state.view.compact && g.out_channels > 1;
  const int plots = one ? 1 : g.out_channels;
  const float room = ImGui::GetContentRegionAvail().y - (audible ? ImGui::GetFrameHeightWithSpacing() : 0.0f) -
                     static_cast<float>(plots) * (WaveformChromeHeight() + GridGap());
  const float height = std::clamp(room / static_cast<float>(plots), std::min(Scaled(36), 40.0f), Scaled(220));
  const InputAxes& axes = state.session.input_axes;
  std::optional<float> playhead;
  if (state.view.playhead && axes.frame_seconds > 0) {
    playhead = static_cast<float>((*state.view.playhead - axes.start_seconds) / axes.frame_seconds) +
               static_cast<float>(g.padding.left) + 0.5f;
  }
  std::optional<OutputCell> hovered;
  for (int f = 0; f < g.out_channels; ++f) {
    // Hear what the kernel does: each filter's output, as a sound.
    if (audible) {
      ImGui::PushID(f);
      if (ImGui::SmallButton(TrFormat("audio.play_output", {std::to_string(f)}).c_str())) {
        state.view.play_order = PlayOrder{PlayWhat::kOutput, f};
      }
      ImGui::PopID();
      ConceptTooltip("tip.play_output");
      if (f + 1 < g.out_channels) ImGui::SameLine();
    }
  }
  for (int f = 0; f < g.out_channels; ++f) {
    if (one && f != step.out_channel) continue;
    WaveformDraw w;
    w.name = "output/" + std::to_string(f);
    w.caption = one ? TrFormat("output.filter_of", {std::to_string(f), std::to_string(g.out_channels)})
                    : TrFormat("output.filter", {std::to_string(f)});
    w.line_color = FilterColor(f);
    w.lo = lo;
    w.hi = hi;
    w.width = ImGui::GetContentRegionAvail().x;
    w.height = height;
    w.values.assign(static_cast<size_t>(g.out_w), std::nan(""));
    for (int x = 0; x < g.out_w; ++x) {
      if (conv.StepOf(f, 0, x) <= state.view.step) w.values[static_cast<size_t>(x)] = state.ActivatedOutput(f, 0, x);
    }
    if (step.out_channel == f) w.current = step.out_x;
    for (const OutputCell& cell : linked) {
      if (cell.c == f) w.taps.push_back(cell.x);
    }
    w.tap_color = CurrentColors().link;
    // Output x read padded positions [x·S, x·S + span): it sits under
    // their centre, so the axis is the input's.
    w.scale = g.stride.w;
    w.offset = (g.axis_w.span - g.stride.w) * 0.5;
    w.axis = g.padded_w;
    if (axes.rows == InputAxes::Rows::kWaveform) w.tick = OutputColTicks(axes, g);
    w.playhead = playhead;
    w.zooms = &state.view.zoom;
    w.zoom_key = "conv/wave";
    const GridHit hit = DrawWaveform(w);
    if (hit.hovered) hovered = OutputCell{f, 0, hit.x};
    if (hit.clicked) state.GoToStep(conv.StepOf(f, 0, hit.x));
  }
  state.view.hovered_output = hovered;
}

}  // namespace convstep
