// A 1-D input (one row, kernels one row high) as waveforms, one per
// channel: the padding faded, the window as a band in the channel's colour
// with its taps ringed, the hovered output's window lit, ticks in seconds
// when the signal is a sound. Visit counts stay a strip of cells (the grid
// input panel), where each count has room for its number.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/axis_ticks.h"
#include "app/widgets/waveform_view.h"

namespace convstep {

namespace {

ImU32 Translucent(ImU32 color, int alpha) { return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT); }

// The value range every channel is drawn in, zero (the padding) included.
std::pair<double, double> SignalRange(const Tensor3& input) {
  const auto [lo, hi] = std::minmax_element(input.data.begin(), input.data.end());
  return {std::min(*lo, 0.0), std::max(*hi, 0.0)};
}

// The room each channel's plot gets, under the line saying what the window
// hears.
float PlotHeight(int plots, bool compact) {
  const float room = ImGui::GetContentRegionAvail().y - (compact ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 2.0f) -
                     static_cast<float>(plots) * (WaveformChromeHeight() + GridGap());
  return std::clamp(room / static_cast<float>(plots), std::min(Scaled(36), 40.0f), Scaled(220));
}

}  // namespace

void DrawSignalInputPanel(AppState& state) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  PanelTitle(Tr("input.title_signal"));
  const ConvStep step = conv.Step(state.view.step);
  float top = 0;
  float left = 0;
  state.GlidingWindow(&top, &left);
  std::optional<ConvStep> linked;
  if (const std::optional<OutputCell>& o = state.view.hovered_output) linked = conv.Step(conv.StepOf(o->c, o->y, o->x));
  const auto [lo, hi] = SignalRange(conv.spec().input);
  const float height = PlotHeight(g.in_channels, state.view.compact);
  const InputAxes& axes = state.session.input_axes;
  DrawPlayControls(state);
  std::optional<float> playhead;
  if (state.view.playhead && axes.frame_seconds > 0) {
    playhead = static_cast<float>((*state.view.playhead - axes.start_seconds) / axes.frame_seconds) +
               static_cast<float>(g.padding.left) + 0.5f;
  }
  std::optional<InputCell> hovered;
  for (int c = 0; c < g.in_channels; ++c) {
    WaveformDraw w;
    w.name = "input/" + std::to_string(c);
    // One channel with large text: the panel's title says enough.
    if (!state.view.compact || g.in_channels > 1) w.caption = ChannelName(c);
    w.caption_color = ChannelColor(c);
    w.line_color = ChannelColor(c);
    w.lo = lo;
    w.hi = hi;
    w.width = ImGui::GetContentRegionAvail().x;
    w.height = height;
    for (int px = 0; px < g.padded_w; ++px) {
      w.values.push_back(PaddedValue(conv.spec().input, g, c, 0, px));
      w.faded.push_back(px < g.padding.left || px >= g.padding.left + g.in_w ? 1 : 0);
    }
    if (std::find(step.channels.begin(), step.channels.end(), c) != step.channels.end()) {
      w.bands.push_back({left, left + static_cast<float>(g.axis_w.span), Translucent(ChannelColor(c), 60)});
      for (int k = 0; k < g.kernel_w; ++k) w.taps.push_back(step.window_left + k * g.dilation.w);
      w.tap_color = ChannelColor(c);
    }
    if (linked) {
      w.bands.push_back({static_cast<float>(linked->window_left),
                         static_cast<float>(linked->window_left + g.axis_w.span), Translucent(CurrentColors().link, 70)});
    }
    if (axes.rows == InputAxes::Rows::kWaveform) w.tick = InputColTicks(axes, g);
    w.tick_origin = g.padding.left;
    w.playhead = playhead;
    w.zooms = &state.view.zoom;
    w.zoom_key = "conv/wave";
    w.follow = left + static_cast<float>(g.axis_w.span) * 0.5f;
    w.follow_always = state.view.playing;
    const GridHit hit = DrawWaveform(w);
    if (hit.hovered) hovered = InputCell{c, 0, hit.x};
  }
  if (axes.rows == InputAxes::Rows::kWaveform && !state.view.compact) {
    const std::string hears = WindowHears(axes, g, step);
    if (!hears.empty()) TextFitted(TrFormat("input.window_hears", {hears}).c_str());
  }
  state.view.hovered_input = hovered;
}

}  // namespace convstep
