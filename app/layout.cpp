#include "app/layout.h"

#include <algorithm>

#include "app/panels/panels.h"
#include "imgui.h"

namespace convstep {

namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

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

void ConvolutionTab(AppState& state) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float left_w = std::floor(avail.x * 0.56f);
  const float right_w = avail.x - left_w - gap;
  ImGui::BeginGroup();
  Region("input", ImVec2(left_w, std::floor(avail.y * 0.62f)), DrawInputPanel, state);
  Region("kernels", ImVec2(left_w, 0), DrawKernelsPanel, state);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  Region("output", ImVec2(right_w, std::floor(avail.y * 0.34f)), DrawOutputPanel, state);
  Region("arithmetic", ImVec2(right_w, std::floor(avail.y * 0.27f)), DrawArithmeticPanel, state);
  Region("output_size", ImVec2(right_w, 0), DrawOutputSizePanel, state);
  ImGui::EndGroup();
}

struct TabEntry {
  Tab tab;
  const char* label;
};

}  // namespace

void DrawLayout(AppState& state) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // The menu bar, then two rows of controls.
  const float bar_h = ImGui::GetFrameHeight() + ImGui::GetFrameHeightWithSpacing() * 2.0f +
                      ImGui::GetStyle().WindowPadding.y * 2.0f;
  const float left_w = std::clamp(vp->WorkSize.x * 0.21f, 250.0f, 420.0f);

  BeginFixedWindow("##controls", vp->WorkPos, ImVec2(vp->WorkSize.x, bar_h), ImGuiWindowFlags_MenuBar);
  DrawMenuBar(state);
  DrawControlsPanel(state);
  ImGui::End();

  // The convolution's parameters matter to the views of the convolution;
  // pooling and the summary have their own and get the whole width.
  const bool conv_tab = state.view.tab == Tab::kConvolution || state.view.tab == Tab::kMatrix;
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
  static const TabEntry kTabs[] = {{Tab::kConvolution, "Convolution"},
                                   {Tab::kPooling, "Max pooling"},
                                   {Tab::kMatrix, "Matrix product (im2col)"},
                                   {Tab::kSummary, "Model summary"}};
  if (ImGui::BeginTabBar("views")) {
    for (const TabEntry& entry : kTabs) {
      // A tab chosen from outside (keyboard, script) is selected once.
      const ImGuiTabItemFlags flags = state.view.tab == entry.tab && state.view.tab_requested
                                          ? ImGuiTabItemFlags_SetSelected
                                          : ImGuiTabItemFlags_None;
      if (ImGui::BeginTabItem(entry.label, nullptr, flags)) {
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
}

}  // namespace convstep
