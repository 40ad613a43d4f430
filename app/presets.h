// The sessions shipped in assets/presets, compiled into the program so that
// `--preset NAME` works wherever the binary is.
#pragma once

#include <string>
#include <vector>

#include "core/session.h"

namespace convstep {

struct EmbeddedPreset {
  const char* name;  // the file name without .json
  const char* json;
};

const std::vector<EmbeddedPreset>& EmbeddedPresets();  // generated from assets/presets

// The preset called `name`, parsed and checked.
Result<Session> LoadPreset(const std::string& name);

}  // namespace convstep
