#include "app/state/presets.h"

#include "core/formats/session_io.h"

namespace convstep {

Result<Session> LoadPreset(const std::string& name) {
  std::string names;
  for (const EmbeddedJson& p : EmbeddedPresets()) {
    if (name == p.name) {
      Result<Json> json = ParseJson(p.json);
      if (!json) return Error{"preset " + name + ": " + json.error()};
      Result<Session> session = SessionFromJson(*json);
      if (!session) return Error{"preset " + name + ": " + session.error()};
      return session;
    }
    names += (names.empty() ? "" : ", ") + std::string(p.name);
  }
  return Error{"there is no preset '" + name + "': choose one of " + names};
}

}  // namespace convstep
