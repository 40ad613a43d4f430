// The input's axes (core/session/input_axes.h) in a session file:
//   "input_axes": {"rows": "hertz" | "coefficient" | "waveform", "row_hz": [...],
//                  "mel": bool, "frame_seconds", "start_seconds",
//                  "window_seconds", "unit", "source"}
// absent for a plain grid.
#pragma once

#include <nlohmann/json.hpp>

#include "core/base/result.h"
#include "core/session/input_axes.h"

namespace convstep {

Result<InputAxes> InputAxesFromJson(const nlohmann::json& j);
nlohmann::ordered_json InputAxesToJson(const InputAxes& axes);

}  // namespace convstep
