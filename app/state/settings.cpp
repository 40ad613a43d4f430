#include "app/state/settings.h"

#include <filesystem>

#include "core/formats/file_io.h"
#include "core/platform/autosave.h"

namespace convstep {

namespace {

constexpr std::size_t kMaxSettingsBytes = 64 * 1024;

Result<std::string> SettingsPath() {
  Result<std::string> folder = StateFolder();
  if (!folder) return folder;
  return *folder + "/settings.json";
}

template <typename T>
void ReadIf(const Json& object, const char* key, T* out) {
  const auto found = object.find(key);
  if (found != object.end() && found->is_primitive()) {
    try {
      *out = found->get<T>();
    } catch (const Json::exception&) {
      // A value of the wrong type keeps the default.
    }
  }
}

}  // namespace

Json SettingsToJson(const Settings& s) {
  const Appearance& a = s.appearance;
  Json json = {{"theme", ThemeName(a.theme)},
               {"palette", PaletteName(a.palette)},
               {"input_colors", InputColorsName(a.input_colors)},
               {"output_colors", OutputColorsName(a.output_colors)},
               {"text_percent", a.text_percent}};
  for (const PanelName& p : kPanelNames) json["panels"][p.name] = a.panels.*p.shown;
  if (s.language) json["language"] = LanguageCode(*s.language);
  return json;
}

Settings SettingsFromJson(const Json& json) {
  Settings s;
  if (!json.is_object()) return s;
  std::string text;
  ReadIf(json, "language", &text);
  Language language = Language::kEnglish;
  if (LanguageFromCode(text, &language)) s.language = language;
  Appearance& a = s.appearance;
  text.clear();
  ReadIf(json, "theme", &text);
  ThemeFromName(text, &a.theme);
  text.clear();
  ReadIf(json, "palette", &text);
  PaletteFromName(text, &a.palette);
  text.clear();
  ReadIf(json, "input_colors", &text);
  InputColorsFromName(text, &a.input_colors);
  text.clear();
  ReadIf(json, "output_colors", &text);
  OutputColorsFromName(text, &a.output_colors);
  int percent = a.text_percent;
  ReadIf(json, "text_percent", &percent);
  if (percent >= kTextPercentMin && percent <= kTextPercentMax) a.text_percent = percent;
  if (const auto panels = json.find("panels"); panels != json.end() && panels->is_object()) {
    for (const PanelName& p : kPanelNames) ReadIf(*panels, p.name, &(a.panels.*p.shown));
  }
  return s;
}

Result<std::optional<Settings>> LoadSettings() {
  Result<std::string> path = SettingsPath();
  if (!path) return Error{path.error()};
  std::error_code ec;
  if (!std::filesystem::exists(*path, ec)) return std::optional<Settings>();
  Result<std::string> text = ReadFileAtMost(*path, kMaxSettingsBytes);
  if (!text) return Error{text.error()};
  Result<Json> json = ParseJson(*text);
  if (!json) return Error{"the settings in '" + *path + "' are not JSON (" + json.error() + "): using the defaults"};
  return std::optional<Settings>(SettingsFromJson(*json));
}

Result<bool> SaveSettings(const Settings& settings) {
  Result<std::string> path = SettingsPath();
  if (!path) return Error{path.error()};
  return WriteFileAtomically(*path, SettingsToJson(settings).dump(2) + "\n");
}

SettingsKeeper::SettingsKeeper(const Settings& loaded, Language at_start)
    : settings_(loaded), at_start_(at_start), saved_(loaded) {}

Result<bool> SettingsKeeper::Update(const Appearance& appearance) {
  settings_.appearance = appearance;
  settings_.appearance.presentation = false;
  if (settings_.language || CurrentLanguage() != at_start_) settings_.language = CurrentLanguage();
  // Compared as structs: this runs every frame of the interactive loop.
  if (settings_ == saved_) return true;
  saved_ = settings_;
  return SaveSettings(settings_);
}

}  // namespace convstep
