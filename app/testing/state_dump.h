// What the panels show, as JSON (`--dump-state`), so interactions can be
// tested without looking at pixels.
#pragma once

#include "app/state/app_state.h"
#include "core/formats/spec_json.h"

namespace convstep {

Json DumpState(const AppState& state);

}  // namespace convstep
