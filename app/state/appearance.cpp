#include "app/state/appearance.h"

namespace convstep {

const char* ThemeName(Theme theme) {
  switch (theme) {
    case Theme::kLight: return "light";
    case Theme::kHighContrast: return "contrast";
    case Theme::kDark: break;
  }
  return "dark";
}

bool ThemeFromName(std::string_view name, Theme* theme) {
  for (Theme t : {Theme::kDark, Theme::kLight, Theme::kHighContrast}) {
    if (name == ThemeName(t)) {
      *theme = t;
      return true;
    }
  }
  return false;
}

const char* PaletteName(HeatPalette palette) { return palette == HeatPalette::kCividis ? "cividis" : "viridis"; }

bool PaletteFromName(std::string_view name, HeatPalette* palette) {
  for (HeatPalette p : {HeatPalette::kViridis, HeatPalette::kCividis}) {
    if (name == PaletteName(p)) {
      *palette = p;
      return true;
    }
  }
  return false;
}

}  // namespace convstep
