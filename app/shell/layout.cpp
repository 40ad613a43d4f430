#include "app/shell/layout.h"

#include <algorithm>
#include <cmath>

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

// A bordered child region of the given size, drawing one panel.
void Region(const char* id, ImVec2 size, void (*panel)(AppState&), AppState& state) {
  ImGui::BeginChild(id, size, true);
  panel(state);
  ImGui::EndChild();
}

// A column of panels sharing its height by weight; the panels the
// instructor hid give their room to the others.
struct PanelSlot {
  const char* id;
  void (*draw)(AppState&);
  float weight;
  bool shown;
};

void PanelColumn(AppState& state, const PanelSlot* slots, int count, float width, float height) {
  float total = 0;
  int last = -1;
  for (int i = 0; i < count; ++i) {
    if (!slots[i].shown) continue;
    total += slots[i].weight;
    last = i;
  }
  ImGui::BeginGroup();
  for (int i = 0; i < count; ++i) {
    if (!slots[i].shown) continue;
    // The last panel takes what is left, so rounding never leaves a gap.
    const float h = i == last ? 0.0f : std::floor(height * slots[i].weight / total);
    Region(slots[i].id, ImVec2(width, h), slots[i].draw, state);
  }
  ImGui::EndGroup();
}

void ConvolutionTab(AppState& state) {
  const PanelChoice& shown = state.view.appearance.panels;
  const PanelSlot left[] = {{"input", DrawInputPanel, 0.62f, shown.input},
                            {"kernels", DrawKernelsPanel, 0.38f, shown.kernels}};
  const PanelSlot right[] = {{"output", DrawOutputPanel, 0.34f, shown.output},
                             {"arithmetic", DrawArithmeticPanel, 0.27f, shown.arithmetic},
                             {"output_size", DrawOutputSizePanel, 0.39f, shown.output_size}};
  const bool any_left = shown.input || shown.kernels;
  const bool any_right = shown.output || shown.arithmetic || shown.output_size;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (!any_left && !any_right) {
    ImGui::TextDisabled("%s", Tr("view.all_hidden"));
    return;
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float left_w = !any_right ? avail.x : !any_left ? 0.0f : std::floor(avail.x * 0.56f);
  if (any_left) PanelColumn(state, left, 2, left_w, avail.y);
  if (any_left && any_right) ImGui::SameLine();
  if (any_right) PanelColumn(state, right, 3, any_left ? avail.x - left_w - gap : avail.x, avail.y);
}

struct TabEntry {
  Tab tab;
  const char* label_key;  // also the tab's ID, so the selection survives a language switch
};

}  // namespace

void DrawLayout(AppState& state) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // The menu bar, then two rows of controls.
  const float bar_h = ImGui::GetFrameHeight() + ImGui::GetFrameHeightWithSpacing() * 2.0f +
                      ImGui::GetStyle().WindowPadding.y * 2.0f;
  const float left_w = std::clamp(vp->WorkSize.x * 0.21f, Scaled(250), std::max(Scaled(250), 420.0f));

  BeginFixedWindow("##controls", vp->WorkPos, ImVec2(vp->WorkSize.x, bar_h), ImGuiWindowFlags_MenuBar);
  DrawMenuBar(state);
  const bool stepping = state.view.tab == Tab::kConvolution || state.view.tab == Tab::kPooling ||
                        state.view.tab == Tab::kMatrix;
  if (state.view.appearance.presentation && stepping) {
    // The large step counter, readable from the back of the hall, at the
    // right of the controls.
    PushLargeFont();
    const float counter_w = ImGui::CalcTextSize("888 / 888").x + ImGui::GetStyle().ItemSpacing.x;
    ImGui::PopFont();
    ImGui::BeginChild("##controls_left", ImVec2(ImGui::GetContentRegionAvail().x - counter_w, 0), false,
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
  const bool conv_tab = (state.view.tab == Tab::kConvolution || state.view.tab == Tab::kMatrix) &&
                        state.view.appearance.panels.parameters;
  const ImVec2 below(vp->WorkPos.x, vp->WorkPos.y + bar_h);
  const float params_w = conv_tab ? left_w : 0.0f;
  if (conv_tab) {
    BeginFixedWindow("##parameters", below, ImVec2(params_w, vp->WorkSize.y - bar_h));
    DrawParametersPanel(state);
    ImGui::End();
  }

  const float status_h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2.0f;
  BeginFixedWindow("##views", ImVec2(below.x + params_w, below.y),
                   ImVec2(vp->WorkSize.x - params_w, vp->WorkSize.y - bar_h - status_h));
  static const TabEntry kTabs[] = {{Tab::kConvolution, "tab.convolution"},
                                   {Tab::kPooling, "tab.pooling"},
                                   {Tab::kMatrix, "tab.matrix"},
                                   {Tab::kSummary, "tab.summary"},
                                   {Tab::kPractice, "practice.tab"}};
  if (ImGui::BeginTabBar("views")) {
    for (const TabEntry& entry : kTabs) {
      // A tab chosen from outside (keyboard, script) is selected once.
      const ImGuiTabItemFlags flags = state.view.tab == entry.tab && state.view.tab_requested
                                          ? ImGuiTabItemFlags_SetSelected
                                          : ImGuiTabItemFlags_None;
      if (ImGui::BeginTabItem(TrId(entry.label_key).c_str(), nullptr, flags)) {
        // The request holds until the tab bar has switched to it. Playback
        // stops on a switch: the tabs step through different things.
        if (!state.view.tab_requested) {
          if (state.view.tab != entry.tab) state.view.playing = false;
          state.view.tab = entry.tab;
        }
        else if (entry.tab == state.view.tab) state.view.tab_requested = false;
        switch (entry.tab) {
          case Tab::kConvolution: ConvolutionTab(state); break;
          case Tab::kPooling: DrawPoolingPanel(state); break;
          case Tab::kMatrix: DrawMatrixPanel(state); break;
          case Tab::kSummary: DrawSummaryPanel(state); break;
          case Tab::kPractice: DrawPracticePanel(state); break;
        }
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::End();

  BeginFixedWindow("##status", ImVec2(below.x + params_w, vp->WorkPos.y + vp->WorkSize.y - status_h),
                   ImVec2(vp->WorkSize.x - params_w, status_h));
  DrawStatusLine(state);
  ImGui::End();

  DrawPasteDialog(state);
  DrawImageImportDialog(state);
  DrawExportProgressDialog(state);
  DrawHelpOverlay(state);
}

}  // namespace convstep
