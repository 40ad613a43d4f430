// How the window looks, chosen by the user and kept across restarts:
// theme, heatmap palette, text size, presentation mode and which panels
// show. Part of the ViewState; AppearanceSync carries it to the window.
#pragma once

#include <array>

#include "app/theme.h"

namespace convstep {

namespace gfx {
class Window;
}

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

// Applies what changed in the Appearance to the window and ImGui's style,
// once per frame before the frame begins.
class AppearanceSync {
 public:
  void Apply(gfx::Window& window, const Appearance& appearance);

 private:
  bool first_ = true;
  Appearance applied_;
};

}  // namespace convstep
