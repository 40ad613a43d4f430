// The user's settings, kept across restarts in StateFolder()/settings.json:
// the language and the appearance (theme, palette, text size, panels), but
// not presentation mode: the window opens as a window. Headless runs
// (tests, screenshots) neither read nor write them.
#pragma once

#include <optional>
#include <string>

#include "app/i18n/i18n.h"
#include "app/state/appearance.h"
#include "core/base/result.h"
#include "core/formats/spec_json.h"

namespace convstep {

struct Settings {
  std::optional<Language> language;  // unset until the user picks one
  Appearance appearance;
  bool operator==(const Settings&) const = default;
};

Json SettingsToJson(const Settings& settings);
// Unknown or invalid fields keep their defaults: a settings file written by
// another version never stops the window from opening.
Settings SettingsFromJson(const Json& json);

// Nothing (no error) when there is no settings file yet.
Result<std::optional<Settings>> LoadSettings();
Result<bool> SaveSettings(const Settings& settings);

// Writes the settings whenever they change, called once a frame by the
// interactive loop. The language is stored only once the user has picked
// one (it differs from the one the window started in, or was stored
// before), so that a window never chosen keeps following the locale.
class SettingsKeeper {
 public:
  SettingsKeeper(const Settings& loaded, Language at_start);
  // Saves when something changed; a failed write is reported once and
  // retried at the next change.
  Result<bool> Update(const Appearance& appearance);

 private:
  Settings settings_;
  Language at_start_;
  Settings saved_;
};

}  // namespace convstep
