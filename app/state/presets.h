// The sessions shipped in assets/presets, compiled into the program so that
// `--preset NAME` works wherever the binary is.
#pragma once

#include <string>
#include <vector>

#include "app/embed/embedded_json.h"
#include "core/session/session.h"

namespace convstep {

// The preset called `name`, parsed and checked.
Result<Session> LoadPreset(const std::string& name);

}  // namespace convstep
