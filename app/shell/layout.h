// Where the panels go. ImGui 1.86 has no docking, so the layout is computed
// from the viewport every frame: a control bar on top, the parameters on the
// left, and tabs for the convolution, pooling, matrix and summary views.
#pragma once

#include "app/state/app_state.h"

namespace convstep {

void DrawLayout(AppState& state);

}  // namespace convstep
