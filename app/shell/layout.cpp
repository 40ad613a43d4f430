#include "app/shell/layout.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/widgets/panel_frame.h"
#include "imgui.h"

namespace convstep {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                    // They tile the screen, so the clear colour is their background: with
                                    // Mesa's software rasteriser every shaded pixel costs CPU, and a
                                    // full-screen background quad is a million of them per frame. Dialogs
                                    // and the help keep their own opaque background.
                                    ImGuiWindowFlags_NoBackground;

void BeginFixedWindow(const char* name, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin(name, nullptr, kFixed | extra);
}

// The convolution tab's panels and how its layout finds them room.
enum PanelId { kInput, kKernels, kOutput, kArithmetic, kOutputSize, kPanelCount };

struct Rect {
  ImVec2 pos;   // from the tab's content origin
  ImVec2 size;
};

struct TabPlan {
  Rect rects[kPanelCount] = {};
  bool shown[kPanelCount] = {};
  float score = -1;
};

// What the panels need, measured once per frame.
struct Needs {
  bool shown[kPanelCount] = {};
  GridSet sets[3];            // input, kernels, output
  const AppState* state = nullptr;
  std::optional<ArithmeticText> arithmetic;  // when its panel is shown
};

float Gap() { return ImGui::GetStyle().ItemSpacing.x; }

// Splits r at `frac` of its width (row) or height (column); a side whose
// panels are all hidden gives the other side everything.
std::pair<Rect, Rect> Split(const Rect& r, bool row, float frac, bool first, bool second) {
  if (!second) return {r, Rect{}};
  if (!first) return {Rect{}, r};
  const float gap = Gap();
  if (row) {
    const float w = std::floor((r.size.x - gap) * frac);
    return {Rect{r.pos, ImVec2(w, r.size.y)},
            Rect{ImVec2(r.pos.x + w + gap, r.pos.y), ImVec2(r.size.x - w - gap, r.size.y)}};
  }
  const float h = std::floor((r.size.y - gap) * frac);
  return {Rect{r.pos, ImVec2(r.size.x, h)}, Rect{ImVec2(r.pos.x, r.pos.y + h + gap), ImVec2(r.size.x, r.size.y - h - gap)}};
}

// The room inside a bordered child under its title.
ImVec2 ContentOf(const Rect& r) {
  const ImVec2 pad = ImGui::GetStyle().WindowPadding;
  return {r.size.x - pad.x * 2.0f, r.size.y - pad.y * 2.0f - PanelTitleHeight()};
}

float TextPanelHeight(const Needs& n, PanelId id, float width, bool least) {
  const float pad = ImGui::GetStyle().WindowPadding.y * 2.0f;
  if (id == kArithmetic) return n.arithmetic->Height(width - ImGui::GetStyle().WindowPadding.x * 2.0f, least) + pad;
  // The output size: height, width, the shape, a note; at least one line
  // of them (it scrolls), so the arithmetic comes first.
  return PanelTitleHeight() + ImGui::GetTextLineHeightWithSpacing() * (least ? 1.0f : 5.0f) + pad;
}

// A column with the output's grids over the arithmetic and the output size:
// the text panels take their full height while the output keeps room.
void TextColumn(const Needs& n, const Rect& r, PanelId grid, TabPlan* plan) {
  const bool has_grid = grid != kPanelCount && n.shown[grid];
  const PanelId texts[] = {kArithmetic, kOutputSize};
  float want[2] = {0, 0};
  float least[2] = {0, 0};
  for (int i = 0; i < 2; ++i) {
    if (!n.shown[texts[i]]) continue;
    want[i] = TextPanelHeight(n, texts[i], r.size.x, false);
    least[i] = TextPanelHeight(n, texts[i], r.size.x, true);
  }
  const float gap = Gap();
  const int count = (n.shown[kArithmetic] ? 1 : 0) + (n.shown[kOutputSize] ? 1 : 0) + (has_grid ? 1 : 0);
  if (count == 0) return;
  const float room = r.size.y - gap * static_cast<float>(count - 1);
  float heights[2] = {want[0], want[1]};
  // The text shrinks toward its least only as far as the grids need to
  // read their numbers with some room to spare.
  float text_room = room;
  if (has_grid) {
    const GridSet& set = n.sets[grid];
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    const float need = SetHeightAt(set, r.size.x - pad.x * 2.0f, std::min(set.max_cell, set.min_cell * 1.25f)) +
                       PanelTitleHeight() + pad.y * 2.0f;
    text_room = std::max(room - need, 0.0f);
  }
  if (heights[0] + heights[1] > text_room) {
    const float over = heights[0] + heights[1] - text_room;
    const float slack = (want[0] - least[0]) + (want[1] - least[1]);
    const float k = slack > 0 ? std::min(1.0f, over / slack) : 1.0f;
    for (int i = 0; i < 2; ++i) heights[i] = want[i] - (want[i] - least[i]) * k;
  }
  if (!has_grid) {
    // No grid: the arithmetic first (its total is the step's answer), the
    // output size what is left.
    if (!n.shown[kOutputSize]) heights[0] = room;
    else if (!n.shown[kArithmetic]) heights[1] = room;
    else {
      heights[0] = std::max(least[0], std::min(want[0], room - least[1]));
      heights[1] = room - heights[0];
    }
  }
  float y = r.pos.y;
  if (has_grid) {
    const float h = room - heights[0] - heights[1];
    plan->rects[grid] = Rect{r.pos, ImVec2(r.size.x, h)};
    y += h + gap;
  }
  for (int i = 0; i < 2; ++i) {
    if (!n.shown[texts[i]]) continue;
    plan->rects[texts[i]] = Rect{ImVec2(r.pos.x, y), ImVec2(r.size.x, heights[i])};
    y += heights[i] + gap;
  }
}

// How well a plan shows its grids: the smallest ratio of a grid panel's
// cell to the cell its numbers need (1 or more: every number readable).
// Among plans where some grid cannot show its numbers, the one that comes
// closest overall (the mean) wins.
float Score(const Needs& n, const TabPlan& plan) {
  float least = 1.5f;
  float sum = 0.0f;
  float growth = 0.0f;  // beyond readable: larger cells still help, a little
  int grids = 0;
  for (int id = kInput; id <= kOutput; ++id) {
    if (!n.shown[id]) continue;
    const GridSet& set = n.sets[id];
    const Arrangement a = ArrangeSet(set, ContentOf(plan.rects[id]));
    const float ratio = std::min(a.cell, set.max_cell) / set.min_cell;
    least = std::min(least, std::min(ratio, 1.5f));
    sum += std::min(ratio, 1.5f);
    growth += std::min(ratio, 3.0f);
    ++grids;
  }
  float score = least;
  if (grids > 0) score += (0.25f * sum + 0.1f * growth) / static_cast<float>(grids);
  // Text squeezed into a narrow column wraps every few words; text cut
  // below its least height loses the pinned total.
  const float narrow = ImGui::CalcTextSize("channel 0: 1·1 + 0·0 + 0·(-1) +").x;
  for (PanelId id : {kArithmetic, kOutputSize}) {
    if (!n.shown[id]) continue;
    const Rect& r = plan.rects[id];
    if (r.size.y + 0.5f < TextPanelHeight(n, id, r.size.x, true)) score *= 0.5f;
    if (r.size.x < narrow) score *= 0.7f;
    if (id == kArithmetic) score *= 0.6f + 0.4f * std::min(1.0f, r.size.y / TextPanelHeight(n, id, r.size.x, false));
  }
  return score;
}

// Two rows: the first two grid panels side by side over the third beside
// the text. g splits the height, f the first row, h the second.
struct Fractions {
  float f;
  float g;
  float h;
};
struct RowOrder {
  PanelId top_left;
  PanelId top_right;
  PanelId bottom_left;
};
TabPlan TwoRows(const Needs& n, const Rect& all, Fractions k, RowOrder o) {
  TabPlan plan;
  const bool text = n.shown[kArithmetic] || n.shown[kOutputSize];
  const auto [top, bottom] =
      Split(all, false, k.g, n.shown[o.top_left] || n.shown[o.top_right], n.shown[o.bottom_left] || text);
  const auto [a, b] = Split(top, true, k.f, n.shown[o.top_left], n.shown[o.top_right]);
  plan.rects[o.top_left] = a;
  plan.rects[o.top_right] = b;
  const auto [c, rest] = Split(bottom, true, k.h, n.shown[o.bottom_left], text);
  plan.rects[o.bottom_left] = c;
  TextColumn(n, rest, kPanelCount, &plan);
  return plan;
}

// Three ways to place the panels, each with its splits searched:
// columns (input over kernels | output over the text), rows (input beside
// output over kernels beside the text), and rows (input beside kernels
// over output beside the text).
TabPlan BestPlan(const Needs& n, ImVec2 avail) {
  TabPlan best;
  const bool left = n.shown[kInput] || n.shown[kKernels];
  const bool right = n.shown[kOutput] || n.shown[kArithmetic] || n.shown[kOutputSize];
  const Rect all{ImVec2(0, 0), avail};
  static const float kFracs[] = {0.3f, 0.36f, 0.42f, 0.48f, 0.54f, 0.6f, 0.66f, 0.72f};
  const auto consider = [&](TabPlan plan) {
    std::copy(std::begin(n.shown), std::end(n.shown), std::begin(plan.shown));
    plan.score = Score(n, plan);
    // A later layout must be clearly better to replace an earlier one, so
    // the familiar columns win ties.
    if (plan.score > best.score * 1.02f) best = plan;
  };
  // f splits the first way, g the other, h the second row or column on its own.
  for (float f : kFracs) {
    for (float g : kFracs) {
      TabPlan columns;
      const auto [l, r] = Split(all, true, f, left, right);
      const auto [in, ker] = Split(l, false, g, n.shown[kInput], n.shown[kKernels]);
      columns.rects[kInput] = in;
      columns.rects[kKernels] = ker;
      TextColumn(n, r, kOutput, &columns);
      consider(columns);
      for (float h : kFracs) {
        consider(TwoRows(n, all, {f, g, h}, {kInput, kOutput, kKernels}));
        consider(TwoRows(n, all, {f, g, h}, {kInput, kKernels, kOutput}));
      }
    }
  }
  return best;
}

// A 1-D convolution: the input's waveforms across the whole width, the
// outputs' under them on the same time axis, the kernels beside the text
// at the bottom. Hidden panels give their share to the others.
TabPlan SignalPlan(const Needs& n, ImVec2 avail) {
  TabPlan plan;
  std::copy(std::begin(n.shown), std::end(n.shown), std::begin(plan.shown));
  const bool bottom = n.shown[kKernels] || n.shown[kArithmetic] || n.shown[kOutputSize];
  // The bottom row takes at most a third, and no more than the
  // arithmetic's least (its window line and pinned total) when the text is
  // large; the waveforms share the rest by how many each panel draws.
  // Compact (large text), the output draws only the filter being stepped.
  const Conv2dGeometry& g = n.state->conv->geometry();
  const int out_plots = n.state->view.compact ? 1 : g.out_channels;
  const float waves = static_cast<float>(g.in_channels + out_plots);
  const float least = n.shown[kArithmetic] ? TextPanelHeight(n, kArithmetic, avail.x * 0.7f, true) : avail.y * 0.25f;
  const float bottom_share = std::clamp(least / std::max(avail.y, 1.0f), 0.2f, 0.34f);
  const float wave_share = 1.0f - bottom_share;
  const float shares[3] = {n.shown[kInput] ? wave_share * static_cast<float>(g.in_channels) / waves : 0.0f,
                           n.shown[kOutput] ? wave_share * static_cast<float>(out_plots) / waves : 0.0f,
                           bottom ? bottom_share : 0.0f};
  const float total = shares[0] + shares[1] + shares[2];
  const int rows = (shares[0] > 0) + (shares[1] > 0) + (shares[2] > 0);
  const float room = avail.y - Gap() * static_cast<float>(std::max(rows - 1, 0));
  float y = 0;
  Rect row_rects[3];
  for (int i = 0; i < 3; ++i) {
    if (shares[i] <= 0) continue;
    const float h = std::floor(room * shares[i] / total);
    row_rects[i] = Rect{ImVec2(0, y), ImVec2(avail.x, h)};
    y += h + Gap();
  }
  plan.rects[kInput] = row_rects[0];
  plan.rects[kOutput] = row_rects[1];
  const bool text = n.shown[kArithmetic] || n.shown[kOutputSize];
  const auto [kernels, rest] = Split(row_rects[2], true, 0.3f, n.shown[kKernels], text);
  plan.rects[kKernels] = kernels;
  TextColumn(n, rest, kPanelCount, &plan);
  return plan;
}

// The plan is searched again only when what it depends on changes.
const TabPlan& CachedPlan(const AppState& state, ImVec2 avail) {
  static TabPlan plan;
  static uint64_t plan_key = 0;
  const PanelChoice& shown = state.view.appearance.panels;
  const uint64_t key = FillKey(state.view.appearance,
                               {static_cast<uint64_t>(state.revision), static_cast<uint64_t>(avail.x),
                                static_cast<uint64_t>(avail.y), static_cast<uint64_t>(ImGui::GetFontSize() * 4.0f),
                                state.view.show_visits ? 1u : 0u,
                                state.view.arith_unfolded, static_cast<uint64_t>(shown.input) << 1 | shown.kernels,
                                static_cast<uint64_t>(shown.output) << 2 | shown.arithmetic << 1 | shown.output_size});
  if (key != plan_key) {
    Needs n;
    n.state = &state;
    n.shown[kInput] = shown.input;
    n.shown[kKernels] = shown.kernels;
    n.shown[kOutput] = shown.output;
    n.shown[kArithmetic] = shown.arithmetic;
    n.shown[kOutputSize] = shown.output_size;
    n.sets[kInput] = InputGridSet(state);
    n.sets[kKernels] = KernelsGridSet(state);
    n.sets[kOutput] = OutputGridSet(state);
    if (shown.arithmetic) n.arithmetic.emplace(state);
    plan = IsSignal(state.conv->geometry()) ? SignalPlan(n, avail) : BestPlan(n, avail);
    plan_key = key;
  }
  return plan;
}

void ConvolutionTab(AppState& state) {
  const PanelChoice& shown = state.view.appearance.panels;
  if (!shown.input && !shown.kernels && !shown.output && !shown.arithmetic && !shown.output_size) {
    ImGui::TextDisabled("%s", Tr("view.all_hidden"));
    return;
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const TabPlan& plan = CachedPlan(state, ImGui::GetContentRegionAvail());
  static const struct {
    const char* id;
    void (*draw)(AppState&);
  } kPanels[kPanelCount] = {{"input", DrawInputPanel},
                            {"kernels", DrawKernelsPanel},
                            {"output", DrawOutputPanel},
                            {"arithmetic", DrawArithmeticPanel},
                            {"output_size", DrawOutputSizePanel}};
  // A 1-D convolution draws waveforms; its visit counts stay cells.
  const bool signal = IsSignal(state.conv->geometry());
  for (int id = 0; id < kPanelCount; ++id) {
    if (!plan.shown[id]) continue;
    const Rect& r = plan.rects[id];
    ImGui::SetCursorScreenPos(ImVec2(origin.x + r.pos.x, origin.y + r.pos.y));
    ImGui::BeginChild(kPanels[id].id, r.size, true);
    BeginGridLayer();
    if (signal && id == kInput && !state.view.show_visits) DrawSignalInputPanel(state);
    else if (signal && id == kOutput) DrawSignalOutputPanel(state);
    else kPanels[id].draw(state);
    EndGridLayer();
    ImGui::EndChild();
  }
}

struct TabEntry {
  Tab tab;
  const char* label_key;  // also the tab's ID, so the selection survives a language switch
  const char* short_key;  // when the full names do not fit
};

}  // namespace

void DrawLayout(AppState& state) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ViewState& v = state.view;
  const Conv2dGeometry& geometry = state.conv->geometry();
  UseRgbChannels(ResolveInputColors(v.appearance.input_colors, geometry.in_channels, geometry.in_h, geometry.in_w,
                                     IsSpectrogram(state.session.input_axes)) ==
                 InputLook::kRgb);
  const ImGuiStyle& style = ImGui::GetStyle();
  const bool stepping = v.tab == Tab::kConvolution || v.tab == Tab::kPooling || v.tab == Tab::kMatrix;
  const bool counter = v.appearance.presentation && stepping;
  const float counter_w = counter ? StepCounterSize().x + style.ItemSpacing.x : 0.0f;
  // Large text on a small window: one row of controls, the parameters in a
  // drawer, no status line unless it has news; the grids get the room.
  v.compact = v.appearance.presentation || v.appearance.text_percent >= 200 ||
              !ControlsFitOneRow(state, vp->WorkSize.x - style.WindowPadding.x * 2.0f - counter_w);
  if (!v.compact) v.parameters_open = false;
  const float row_h = std::max(ImGui::GetFrameHeight(), counter ? StepCounterSize().y : 0.0f);
  const float rows = v.compact ? row_h : ImGui::GetFrameHeightWithSpacing() + ImGui::GetFrameHeight();
  const float bar_h = ImGui::GetFrameHeight() + rows + style.WindowPadding.y * 2.0f;
  const float left_w = std::clamp(vp->WorkSize.x * 0.21f, Scaled(250), std::max(Scaled(250), 420.0f));

  BeginFixedWindow("##controls", vp->WorkPos, ImVec2(vp->WorkSize.x, bar_h), ImGuiWindowFlags_MenuBar);
  DrawMenuBar(state);
  if (counter) {
    // The large step counter, readable from the back of the hall, at the
    // right of the controls.
    ImGui::BeginChild("##controls_left", ImVec2(ImGui::GetContentRegionAvail().x - counter_w, row_h), false,
                      ImGuiWindowFlags_NoScrollbar);
    DrawControlsPanel(state);
    ImGui::EndChild();
    ImGui::SameLine();
    DrawStepCounter(state);
  } else {
    DrawControlsPanel(state);
  }
  ImGui::End();

  // The convolution's parameters matter to the views of the convolution;
  // pooling and the summary have their own and get the whole width.
  const bool conv_tab = (v.tab == Tab::kConvolution || v.tab == Tab::kMatrix) && v.appearance.panels.parameters;
  const ImVec2 below(vp->WorkPos.x, vp->WorkPos.y + bar_h);
  const float params_w = conv_tab && !v.compact ? left_w : 0.0f;
  if (params_w > 0) {
    BeginFixedWindow("##parameters", below, ImVec2(params_w, vp->WorkSize.y - bar_h));
    DrawParametersPanel(state);
    ImGui::End();
  }

  const bool status = !v.compact || !v.message.empty();
  const float status_h = status ? ImGui::GetFrameHeight() + style.WindowPadding.y * 2.0f : 0.0f;
  BeginFixedWindow("##views", ImVec2(below.x + params_w, below.y),
                   ImVec2(vp->WorkSize.x - params_w, vp->WorkSize.y - bar_h - status_h));
  static const TabEntry kTabs[] = {{Tab::kConvolution, "tab.convolution", "tab.convolution_short"},
                                   {Tab::kPooling, "tab.pooling", "tab.pooling_short"},
                                   {Tab::kMatrix, "tab.matrix", "tab.matrix_short"},
                                   {Tab::kSummary, "tab.summary", "tab.summary_short"},
                                   {Tab::kNetwork, "tab.network", "tab.network_short"},
                                   {Tab::kPractice, "practice.tab", "practice.tab_short"}};
  // The tabs' full names, or their short ones when the full ones would not
  // fit: a tab bar never cuts a name to "Convolu…".
  float full_w = 0;
  for (const TabEntry& entry : kTabs) {
    full_w += ImGui::CalcTextSize(Tr(entry.label_key)).x + style.FramePadding.x * 2.0f + style.ItemInnerSpacing.x;
  }
  const bool short_tabs = full_w > ImGui::GetContentRegionAvail().x;
  if (ImGui::BeginTabBar("views", ImGuiTabBarFlags_FittingPolicyScroll)) {
    for (const TabEntry& entry : kTabs) {
      // A tab chosen from outside (keyboard, script) is selected once.
      const ImGuiTabItemFlags flags =
          v.tab == entry.tab && v.tab_requested ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
      // The ID stays the full name's key, so the selection survives a
      // language switch and a change of length.
      const std::string label = std::string(Tr(short_tabs ? entry.short_key : entry.label_key)) + "###" + entry.label_key;
      const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
      if (short_tabs && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(entry.label_key));
      if (open) {
        // The request holds until the tab bar has switched to it. Playback
        // stops on a switch: the tabs step through different things.
        if (!v.tab_requested) {
          if (v.tab != entry.tab) v.playing = false;
          v.tab = entry.tab;
        } else if (entry.tab == v.tab) {
          v.tab_requested = false;
        }
        switch (entry.tab) {
          case Tab::kConvolution: ConvolutionTab(state); break;
          case Tab::kPooling: DrawPoolingPanel(state); break;
          case Tab::kMatrix: DrawMatrixPanel(state); break;
          case Tab::kSummary: DrawSummaryPanel(state); break;
          case Tab::kNetwork: DrawNetworkPanel(state); break;
          case Tab::kPractice: DrawPracticePanel(state); break;
        }
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::End();

  if (status) {
    BeginFixedWindow("##status", ImVec2(below.x + params_w, vp->WorkPos.y + vp->WorkSize.y - status_h),
                     ImVec2(vp->WorkSize.x - params_w, status_h));
    DrawStatusLine(state);
    ImGui::End();
  }

  // The drawer last, so it lies over the views it was opened from.
  if (v.compact && v.parameters_open && conv_tab) {
    ImGui::SetNextWindowPos(below);
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.6f, std::max(left_w, Scaled(330))), vp->WorkSize.y - bar_h));
    ImGui::Begin("##parameters_drawer", nullptr, (kFixed & ~ImGuiWindowFlags_NoBackground) | ImGuiWindowFlags_NoBringToFrontOnFocus);
    DrawParametersPanel(state);
    ImGui::End();
  }

  DrawPasteDialog(state);
  DrawImageImportDialog(state);
  DrawSoundImportDialog(state);
  DrawRecordingDialog(state);
  DrawExportProgressDialog(state);
  DrawHelpOverlay(state);
}

}  // namespace convstep
