// The keyboard: space play/pause, left/right step, Home/End, +/- speed,
// Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo, Ctrl+O open, Ctrl+S save,
// Ctrl+V paste, Ctrl+Q quit, F1 or ? the shortcuts (Esc closes them). ImGui 1.86 names only navigation keys, so the rest are read
// by their GLFW key codes, which index io.KeysDown in this version.
#pragma once

#include "app/state/app_state.h"

namespace convstep {

// Returns true when the user asked to quit.
bool HandleKeyboard(AppState& state);

// Advances playback and gliding by `dt` seconds.
void Animate(AppState& state, double dt);

// True while something moves, so the loop must keep drawing.
bool IsAnimating(const AppState& state);

}  // namespace convstep
