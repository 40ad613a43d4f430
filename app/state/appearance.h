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

// How input grids are coloured. Automatic: the lecture's small grids in
// slate blue (the channel colours of the window stand out against it), a
// picture (more than kPictureCells cells a channel) in grey, or in red,
// green and blue when it has three channels; a sound's spectrogram in the
// heat palette, as audio tools draw one.
enum class InputColors { kAuto, kSlate, kGrey };
constexpr int kPictureCells = 400;
// How output maps are coloured. Automatic: signed values (a Sobel output)
// diverging around zero, unsigned ones in the heat palette.
enum class OutputColors { kAuto, kSequential, kDiverging };
const char* InputColorsName(InputColors c);    // "auto", "slate", "grey"
bool InputColorsFromName(std::string_view name, InputColors* c);
const char* OutputColorsName(OutputColors c);  // "auto", "sequential", "diverging"
bool OutputColorsFromName(std::string_view name, OutputColors* c);

// What the automatic choices come to for a document.
enum class InputLook { kSlate, kGrey, kRgb, kHeat };
InputLook ResolveInputColors(InputColors choice, int channels, int height, int width, bool spectrogram);
bool UseDiverging(OutputColors choice, double lo, double hi);

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
  InputColors input_colors = InputColors::kAuto;
  OutputColors output_colors = OutputColors::kAuto;
  int text_percent = 100;     // 100 to 300, in steps of kTextPercentStep
  bool presentation = false;  // full screen with the large step counter
  PanelChoice panels;
  bool operator==(const Appearance&) const = default;
};
constexpr int kTextPercentMin = 100;
constexpr int kTextPercentMax = 300;
constexpr int kTextPercentStep = 25;

}  // namespace convstep
