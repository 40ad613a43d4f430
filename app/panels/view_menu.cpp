// The View menu: what an instructor sets before projecting. Presentation
// mode, text size, theme, heatmap palette, and which panels show.
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"

namespace convstep {

namespace {

void PanelsMenu(PanelChoice& p) {
  if (!ImGui::BeginMenu(Tr("view.panels"))) return;
  const struct {
    const char* key;
    bool* shown;
  } items[] = {{"view.panel_parameters", &p.parameters}, {"view.panel_input", &p.input},
               {"view.panel_kernels", &p.kernels},       {"view.panel_output", &p.output},
               {"view.panel_arithmetic", &p.arithmetic}, {"view.panel_output_size", &p.output_size}};
  for (const auto& item : items) ImGui::MenuItem(Tr(item.key), nullptr, item.shown);
  ImGui::Separator();
  if (ImGui::MenuItem(Tr("view.panels_all"))) p = PanelChoice{};
  ImGui::EndMenu();
}

}  // namespace

void DrawViewMenu(AppState& state) {
  if (!ImGui::BeginMenu(Tr("view.menu"))) return;
  Appearance& a = state.view.appearance;
  ImGui::MenuItem(Tr("view.presentation"), "F11", &a.presentation);
  if (ImGui::BeginMenu(Tr("view.text_size"))) {
    for (int percent = kTextPercentMin; percent <= kTextPercentMax; percent += kTextPercentStep) {
      const std::string label = std::to_string(percent) + " %";
      const char* shortcut = percent == kTextPercentMin ? "Ctrl+0" : nullptr;
      if (ImGui::MenuItem(label.c_str(), shortcut, a.text_percent == percent)) a.text_percent = percent;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr("view.theme"))) {
    const struct {
      Theme theme;
      const char* key;
    } themes[] = {{Theme::kDark, "view.theme_dark"},
                  {Theme::kLight, "view.theme_light"},
                  {Theme::kHighContrast, "view.theme_contrast"}};
    for (const auto& t : themes) {
      if (ImGui::MenuItem(Tr(t.key), nullptr, a.theme == t.theme)) a.theme = t.theme;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr("view.palette"))) {
    if (ImGui::MenuItem("viridis", nullptr, a.palette == HeatPalette::kViridis)) a.palette = HeatPalette::kViridis;
    if (ImGui::MenuItem("cividis", nullptr, a.palette == HeatPalette::kCividis)) a.palette = HeatPalette::kCividis;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr("view.input_colors"))) {
    const struct {
      InputColors colors;
      const char* key;
    } choices[] = {{InputColors::kAuto, "view.input_auto"},
                   {InputColors::kSlate, "view.input_slate"},
                   {InputColors::kGrey, "view.input_grey"}};
    for (const auto& c : choices) {
      if (ImGui::MenuItem(Tr(c.key), nullptr, a.input_colors == c.colors)) a.input_colors = c.colors;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(Tr("view.output_colors"))) {
    const struct {
      OutputColors colors;
      const char* key;
    } choices[] = {{OutputColors::kAuto, "view.output_auto"},
                   {OutputColors::kSequential, "view.output_sequential"},
                   {OutputColors::kDiverging, "view.output_diverging"}};
    for (const auto& c : choices) {
      if (ImGui::MenuItem(Tr(c.key), nullptr, a.output_colors == c.colors)) a.output_colors = c.colors;
    }
    ImGui::EndMenu();
  }
  PanelsMenu(a.panels);
  ImGui::EndMenu();
}

}  // namespace convstep
