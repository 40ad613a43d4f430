// The input channels on the padded plane: values, the padding ring apart
// from the data, the current window on every channel it reads, the visit
// heatmap with the never-reached positions struck through, and hover links.
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

bool InPadding(const Conv2dGeometry& g, int py, int px) {
  return py < g.padding.top || py >= g.padding.top + g.in_h || px < g.padding.left || px >= g.padding.left + g.in_w;
}

// The numbers the grids print: the visit counts, or the input's values
// and the padding's zeros.
std::vector<double> PrintedValues(const AppState& state) {
  const ConvStepper& conv = *state.conv;
  if (state.view.show_visits) return {conv.Visits().begin(), conv.Visits().end()};
  std::vector<double> values = conv.spec().input.data;
  values.push_back(0.0);
  return values;
}

InputLook InputLookOf(const AppState& state) {
  const Conv2dGeometry& g = state.conv->geometry();
  return ResolveInputColors(state.view.appearance.input_colors, g.in_channels, g.in_h, g.in_w,
                            IsSpectrogram(state.session.input_axes));
}

// The colours of channel c's values from the darkest to the lightest.
std::function<ImU32(float)> ValueRamp(InputLook look, HeatPalette palette, int c) {
  switch (look) {
    case InputLook::kHeat: return [palette](float t) { return Heat(palette, t); };
    case InputLook::kGrey: return [](float t) { return GreyFill(t, 0, 1); };
    case InputLook::kRgb: return [tint = ChannelColor(c)](float t) { return TintFill(t, 0, 1, tint); };
    case InputLook::kSlate: break;
  }
  return [](float t) { return InputValueFill(t, 0, 1); };
}

// Fills channel c's cells: values or visit counts, the padding apart, the
// never-visited positions dropped, the rows and columns no window reaches
// struck through.
void FillCells(const AppState& state, int c, GridDraw* grid) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  const Tensor3& input = conv.spec().input;
  const int tail_h = g.axis_h.unvisited_tail.value_or(0);
  const int tail_w = g.axis_w.unvisited_tail.value_or(0);
  const size_t n = static_cast<size_t>(grid->rows) * grid->cols;
  grid->values.resize(n);
  grid->kinds.assign(n, gfx::kHeatmapData);
  grid->dim.assign(n, 0);
  if (state.view.show_visits) {
    const HeatPalette palette = state.view.appearance.palette;
    grid->ramp = [palette](float t) { return Heat(palette, t); };
    grid->lo = 0;
    grid->hi = std::max(*std::max_element(conv.Visits().begin(), conv.Visits().end()), 1);
  } else {
    const auto [lo_it, hi_it] = std::minmax_element(input.data.begin(), input.data.end());
    grid->ramp = ValueRamp(InputLookOf(state), state.view.appearance.palette, c);
    grid->lo = *lo_it;
    grid->hi = *hi_it;
  }
  for (int py = 0; py < g.padded_h; ++py) {
    for (int px = 0; px < g.padded_w; ++px) {
      const size_t i = static_cast<size_t>(py) * g.padded_w + px;
      const bool in_padding = InPadding(g, py, px);
      if (state.view.show_visits) {
        grid->values[i] = conv.VisitsAt(py, px);
        if (grid->values[i] == 0) grid->kinds[i] = gfx::kHeatmapDropped;
      } else {
        grid->values[i] = PaddedValue(input, g, c, py, px);
        if (in_padding) grid->kinds[i] = gfx::kHeatmapPadding;
      }
      grid->dim[i] = in_padding ? 1 : 0;
      // The trailing rows and columns no window reaches: the lecture's
      // "this row and this column are dropped". (Holes between dilated
      // taps are unvisited too; the heatmap shows them as 0×.)
      if (py >= g.padded_h - tail_h || px >= g.padded_w - tail_w) grid->crossed.emplace_back(py, px);
    }
  }
}

// The outlines drawn over channel c: the data's edge, the window (one box
// per tap, so dilation holes show as holes) and the hovered output's window.
void AddOutlines(const AppState& state, int c, const ConvStep& step, const std::optional<ConvStep>& linked,
                 float top, float left, GridDraw* grid) {
  const Conv2dGeometry& g = state.conv->geometry();
  if (g.padded_h != g.in_h || g.padded_w != g.in_w) {
    grid->outlines.push_back({static_cast<float>(g.padding.top), static_cast<float>(g.padding.left),
                              static_cast<float>(g.in_h), static_cast<float>(g.in_w), CurrentColors().data_edge, 1.5f});
  }
  if (std::find(step.channels.begin(), step.channels.end(), c) != step.channels.end()) {
    for (int ky = 0; ky < g.kernel_h; ++ky) {
      for (int kx = 0; kx < g.kernel_w; ++kx) {
        grid->outlines.push_back({top + static_cast<float>(ky * g.dilation.h), left + static_cast<float>(kx * g.dilation.w),
                                  1, 1, ChannelColor(c), 3.0f});
      }
    }
  }
  if (linked) {
    for (const StepTerm& t : linked->terms) {
      if (t.c == c) grid->outlines.push_back({static_cast<float>(t.y), static_cast<float>(t.x), 1, 1, CurrentColors().link, 2.0f});
    }
  }
}

// The colour bar beside the channels: the visit counts' palette, or the
// values' ramp (none for R, G, B, which have a ramp each).
ImU32 (*ColorBarOf(const AppState& state))(HeatPalette, float) {
  if (state.view.show_visits) return Heat;
  switch (InputLookOf(state)) {
    case InputLook::kHeat: return Heat;
    case InputLook::kGrey: return GreyRamp;
    case InputLook::kSlate: return SlateRamp;
    case InputLook::kRgb: break;
  }
  return nullptr;
}

// What a spectrogram's axes measure, above its grid: "mel bands (Hz) ×
// time (s), dB".
std::string AxesCaption(const InputAxes& axes) {
  const char* key = axes.rows == InputAxes::Rows::kWaveform      ? "input.axes_waveform"
                    : axes.rows == InputAxes::Rows::kCoefficient ? "input.axes_mfcc"
                    : axes.mel                                   ? "input.axes_mel"
                                                                 : "input.axes_linear";
  std::string caption = Tr(key);
  if (!axes.unit.empty()) caption += ", " + axes.unit;
  return caption;
}

uint64_t CellsKey(const AppState& state, int c) {
  return FillKey(state.view.appearance, {static_cast<uint64_t>(state.revision), state.view.show_visits ? 1u : 0u,
                                         static_cast<uint64_t>(c)});
}

}  // namespace

GridSet InputGridSet(const AppState& state) {
  const Conv2dGeometry& g = state.conv->geometry();
  GridSet set;
  set.per_group = g.in_channels;
  set.rows = g.padded_h;
  set.cols = g.padded_w;
  for (int c = 0; c < g.in_channels; ++c) set.caption_w = std::max(set.caption_w, GridTextWidth(ChannelName(c)));
  const InputAxes& axes = state.session.input_axes;
  set.label_w = axes.rows == InputAxes::Rows::kNone ? TickLabelsWidth(g.padded_h, g.padded_w, 0)
                                                    : TickLabelsWidth(InputRowTicks(axes, g), g.padded_h);
  if (axes.rows != InputAxes::Rows::kNone) {
    set.caption_w = GridTextWidth(AxesCaption(axes));
    set.extra_h = ImGui::GetTextLineHeightWithSpacing() + (CanPlay(state.session) ? ImGui::GetFrameHeightWithSpacing() : 0.0f);
  }
  const uint64_t key = CellsKey(state, -1);
  set.min_cell = CellForText(WidestCellTextOnce("input", key, [&state] { return PrintedValues(state); },
                                                state.view.show_visits ? "\u00d7" : ""));
  set.max_cell = Scaled(56);
  if (ColorBarOf(state) != nullptr) set.extra_w = ColorBarWidth() + GridGap();
  return set;
}

void DrawInputPanel(AppState& state) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  PanelTitle(Tr(state.view.show_visits ? "input.title_visits" : "input.title"));

  const ConvStep step = conv.Step(state.view.step);
  float top = 0;
  float left = 0;
  state.GlidingWindow(&top, &left);
  const GridSet set = InputGridSet(state);
  const Arrangement arrangement = ArrangeSet(set, ImGui::GetContentRegionAvail());

  std::optional<ConvStep> linked;  // the window of the output cell under the mouse
  if (const std::optional<OutputCell>& o = state.view.hovered_output) linked = conv.Step(conv.StepOf(o->c, o->y, o->x));
  // The zoomed view keeps the window's centre in sight, unless the student
  // moved another grid's view last: then this one shows the same part.
  const std::string leader = LeadingGrid(state.view.zoom, "conv");
  std::optional<std::pair<float, float>> led;
  if (!leader.empty()) {
    const GridZoom& z = state.view.zoom.at(leader);
    if (leader.rfind("output/", 0) == 0) led = InputPointOf(g, z.cy, z.cx);
    else led = std::make_pair(z.cy, z.cx);
  }
  const std::pair<float, float> window_centre(top + static_cast<float>(g.axis_h.span) * 0.5f,
                                              left + static_cast<float>(g.axis_w.span) * 0.5f);
  std::optional<InputCell> hovered;
  ImGui::BeginGroup();
  for (int c = 0; c < g.in_channels; ++c) {
    if (c % arrangement.per_row != 0) ImGui::SameLine(0, GridGap());
    GridDraw grid;
    grid.name = "input/" + std::to_string(c);
    grid.caption = ChannelName(c);
    grid.caption_color = ChannelColor(c);
    if (const InputAxes& axes = state.session.input_axes; axes.rows != InputAxes::Rows::kNone) {
      grid.caption = AxesCaption(axes);
      grid.row_tick = InputRowTicks(axes, g);
      grid.col_tick = InputColTicks(axes, g);
    }
    grid.rows = g.padded_h;
    grid.cols = g.padded_w;
    grid.cell = arrangement.cell;
    grid.labels = true;
    grid.key = CellsKey(state, c);
    if (!GridIsFresh(grid.name, grid.key)) FillCells(state, c, &grid);
    if (state.view.show_visits) grid.suffix = "\u00d7";
    AddOutlines(state, c, step, linked, top, left, &grid);
    // The column a playing sound has reached, as a thin line down the grid.
    if (const InputAxes& axes = state.session.input_axes; state.view.playhead && axes.frame_seconds > 0) {
      const float column = static_cast<float>((*state.view.playhead - axes.start_seconds) / axes.frame_seconds) +
                           static_cast<float>(g.padding.left) + 0.5f;
      grid.outlines.push_back({0, column, static_cast<float>(g.padded_h), 0.05f, ImGui::GetColorU32(ImGuiCol_Text), 2.0f});
    }
    grid.zooms = &state.view.zoom;
    grid.zoom_group = "conv";
    const bool leads = leader.empty() || leader == grid.name;
    grid.follow = leads ? window_centre : *led;
    grid.follow_always = leads ? state.view.playing : true;
    const GridHit hit = DrawGrid(grid);
    if (hit.hovered) hovered = InputCell{c, hit.y, hit.x};
    // Only the data can be typed into: the padding ring follows from it.
    auto is_data = [&g](int py, int px) { return !InPadding(g, py, px); };
    EditGridCells(
        state, grid.name, hit, is_data,
        // The document, not the stepper's copy: a commit replaces the stepper.
        [&](int py, int px) { return state.session.conv.input.at(c, py - g.padding.top, px - g.padding.left); },
        [&](int py, int px, double v) {
          state.Edit(SetCell(state.session.conv, {GridRef::Kind::kInput, c, 0}, py - g.padding.top, px - g.padding.left, v),
                     "cell:" + grid.name + ":" + std::to_string(py) + "," + std::to_string(px));
        });
  }
  ImGui::EndGroup();
  if (const auto ramp = ColorBarOf(state)) {
    const Tensor3& input = conv.spec().input;
    const auto [lo, hi] = std::minmax_element(input.data.begin(), input.data.end());
    const double max_visits = *std::max_element(conv.Visits().begin(), conv.Visits().end());
    ImGui::SameLine(0, GridGap());
    DrawColorBar("input_bar", ramp, state.view.appearance.palette, state.view.show_visits ? 0.0 : *lo,
                 state.view.show_visits ? max_visits : *hi, std::min(ImGui::GetItemRectSize().y, Scaled(200)));
  }
  if (state.session.input_axes.rows != InputAxes::Rows::kNone) {
    const std::string hears = WindowHears(state.session.input_axes, g, step);
    if (!hears.empty()) TextFitted(TrFormat("input.window_hears", {hears}).c_str());
    DrawPlayControls(state);
  }
  state.view.hovered_input = hovered;
}

}  // namespace convstep
