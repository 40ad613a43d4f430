// How the window looks, chosen by the user and kept across restarts:
// theme, heatmap palette, text size, presentation mode and which panels
// show. Part of the ViewState; AppearanceSync (app/shell) carries it to the
// window.
#pragma once

#include <array>
#include <string_view>

namespace convstep {

enum class Theme { kDark, kLight, kHighContrast };
const char* ThemeName(Theme theme);  // "dark", "light", "contrast"
bool ThemeFromName(std::string_view name, Theme* theme);

// Heatmaps (visit counts, outputs) in a colour-blind-safe palette: viridis,
// or cividis, which reads the same to red-green colour-blind eyes.
enum class HeatPalette { kViridis, kCividis };
const char* PaletteName(HeatPalette palette);  // "viridis", "cividis"
bool PaletteFromName(std::string_view name, HeatPalette* palette);

// The panels an instructor may hide to leave more room for the others.
struct PanelChoice {
  bool parameters = true;
  bool input = true;
  bool kernels = true;
  bool output = true;
  bool arithmetic = true;
  bool output_size = true;
  bool operator==(const PanelChoice&) const = default;
};

// The panels' names in settings, the state dump and --panels.
struct PanelName {
  const char* name;
  bool PanelChoice::*shown;
};
constexpr std::array<PanelName, 6> kPanelNames = {{{"parameters", &PanelChoice::parameters},
                                                   {"input", &PanelChoice::input},
                                                   {"kernels", &PanelChoice::kernels},
                                                   {"output", &PanelChoice::output},
                                                   {"arithmetic", &PanelChoice::arithmetic},
                                                   {"output_size", &PanelChoice::output_size}}};

struct Appearance {
  Theme theme = Theme::kDark;
  HeatPalette palette = HeatPalette::kViridis;
  int text_percent = 100;     // 100 to 300, in steps of kTextPercentStep
  bool presentation = false;  // full screen with the large step counter
  PanelChoice panels;
  bool operator==(const Appearance&) const = default;
};
constexpr int kTextPercentMin = 100;
constexpr int kTextPercentMax = 300;
constexpr int kTextPercentStep = 25;

}  // namespace convstep
