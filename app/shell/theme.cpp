#include "app/shell/theme.h"

namespace convstep {

namespace {

const ThemeColors kDark{IM_COL32(48, 50, 58, 255),    IM_COL32(96, 40, 40, 255),   IM_COL32(36, 37, 43, 255),
                            IM_COL32(240, 240, 240, 255), IM_COL32(255, 255, 255, 255), IM_COL32(20, 20, 24, 255),
                            IM_COL32(250, 200, 90, 255),  IM_COL32(255, 115, 102, 255), IM_COL32(255, 255, 255, 255),
                            ImVec4(0.06f, 0.06f, 0.06f, 1.0f)};
const ThemeColors kLight{IM_COL32(200, 203, 212, 255), IM_COL32(236, 188, 188, 255), IM_COL32(222, 224, 230, 255),
                             IM_COL32(20, 20, 20, 255),    IM_COL32(0, 0, 0, 255),       IM_COL32(250, 250, 250, 255),
                             IM_COL32(150, 80, 0, 255),    IM_COL32(190, 30, 30, 255),   IM_COL32(0, 0, 0, 255),
                             ImVec4(0.94f, 0.94f, 0.94f, 1.0f)};
// The padding's zeros are drawn dimmed: on this dark grey they keep WCAG's
// enhanced contrast of 7:1 (on the former grey 72, under 5:1).
const ThemeColors kContrast{IM_COL32(32, 32, 32, 255),   IM_COL32(150, 0, 0, 255),   IM_COL32(24, 24, 24, 255),
                                IM_COL32(255, 255, 0, 255),  IM_COL32(0, 255, 255, 255), IM_COL32(170, 170, 170, 255),
                                IM_COL32(255, 255, 0, 255),  IM_COL32(255, 110, 110, 255), IM_COL32(255, 255, 255, 255),
                                ImVec4(0.0f, 0.0f, 0.0f, 1.0f)};

const ThemeColors* g_colors = &kDark;

// Pure black and white, yellow marks, and blue buttons with white text:
// what survives a washed-out projector.
void StyleColorsHighContrast(ImGuiStyle& style) {
  ImGui::StyleColorsDark(&style);
  ImVec4* c = style.Colors;
  const ImVec4 white(1, 1, 1, 1);
  const ImVec4 yellow(1, 1, 0, 1);
  const ImVec4 blue(0.0f, 0.32f, 0.75f, 1.0f);
  const ImVec4 bright_blue(0.0f, 0.48f, 1.0f, 1.0f);
  c[ImGuiCol_Text] = white;
  c[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1.0f);
  c[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 1);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = ImVec4(0, 0, 0, 1);
  c[ImGuiCol_Border] = white;
  c[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.12f, 0.12f, 1.0f);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.25f, 0.25f, 0.25f, 1.0f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.35f, 0.35f, 0.35f, 1.0f);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.1f, 0.1f, 0.1f, 1.0f);
  for (ImGuiCol id : {ImGuiCol_Button, ImGuiCol_Header, ImGuiCol_Tab, ImGuiCol_TabUnfocused}) c[id] = blue;
  for (ImGuiCol id : {ImGuiCol_ButtonHovered, ImGuiCol_HeaderHovered, ImGuiCol_TabHovered, ImGuiCol_ButtonActive,
                      ImGuiCol_HeaderActive, ImGuiCol_TabActive, ImGuiCol_TabUnfocusedActive}) {
    c[id] = bright_blue;
  }
  for (ImGuiCol id : {ImGuiCol_CheckMark, ImGuiCol_SliderGrab, ImGuiCol_SliderGrabActive, ImGuiCol_Separator,
                      ImGuiCol_PlotHistogram, ImGuiCol_NavHighlight}) {
    c[id] = yellow;
  }
}

}  // namespace

const ThemeColors& CurrentColors() { return *g_colors; }

void ApplyTheme(Theme theme) {
  ImGuiStyle& style = ImGui::GetStyle();
  switch (theme) {
    case Theme::kDark: ImGui::StyleColorsDark(&style); g_colors = &kDark; break;
    case Theme::kLight: ImGui::StyleColorsLight(&style); g_colors = &kLight; break;
    case Theme::kHighContrast: StyleColorsHighContrast(style); g_colors = &kContrast; break;
  }
  // ImGui's own themes leave popups and menus slightly see-through (0.94,
  // 0.98): over a grid their items were hard to read.
  style.Colors[ImGuiCol_PopupBg].w = 1.0f;
  style.Colors[ImGuiCol_MenuBarBg].w = 1.0f;
}

}  // namespace convstep
