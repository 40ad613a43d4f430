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

namespace {

template <typename E, size_t N>
bool FromName(std::string_view name, const E (&all)[N], const char* (*to_name)(E), E* out) {
  for (E e : all) {
    if (name == to_name(e)) {
      *out = e;
      return true;
    }
  }
  return false;
}

}  // namespace

const char* InputColorsName(InputColors c) {
  switch (c) {
    case InputColors::kSlate: return "slate";
    case InputColors::kGrey: return "grey";
    case InputColors::kAuto: break;
  }
  return "auto";
}

bool InputColorsFromName(std::string_view name, InputColors* c) {
  static const InputColors kAll[] = {InputColors::kAuto, InputColors::kSlate, InputColors::kGrey};
  return FromName(name, kAll, InputColorsName, c);
}

const char* OutputColorsName(OutputColors c) {
  switch (c) {
    case OutputColors::kSequential: return "sequential";
    case OutputColors::kDiverging: return "diverging";
    case OutputColors::kAuto: break;
  }
  return "auto";
}

bool OutputColorsFromName(std::string_view name, OutputColors* c) {
  static const OutputColors kAll[] = {OutputColors::kAuto, OutputColors::kSequential, OutputColors::kDiverging};
  return FromName(name, kAll, OutputColorsName, c);
}

InputLook ResolveInputColors(InputColors choice, int channels, int height, int width, bool spectrogram) {
  if (choice == InputColors::kSlate) return InputLook::kSlate;
  if (choice == InputColors::kAuto && spectrogram) return InputLook::kHeat;
  const bool picture = height * width > kPictureCells;
  if (choice == InputColors::kGrey || picture) return channels == 3 && picture ? InputLook::kRgb : InputLook::kGrey;
  return InputLook::kSlate;
}

bool UseDiverging(OutputColors choice, double lo, double hi) {
  if (choice != OutputColors::kAuto) return choice == OutputColors::kDiverging;
  return lo < 0 && hi > 0;
}

}  // namespace convstep
