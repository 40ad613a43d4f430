// The window and the document it shows, with what the shell keeps between
// frames (the look applied to the window, the title), and one frame drawn.
#pragma once

#include "app/gfx/window.h"
#include "app/shell/appearance_sync.h"
#include "app/shell/microphone.h"
#include "app/shell/sound_output.h"
#include "app/shell/title.h"
#include "app/state/app_state.h"

namespace convstep {

struct Shell {
  gfx::Window& window;
  AppState& state;
  AppearanceSync appearance;  // what of the Appearance the window has taken on
  WindowTitle title;
  SoundOutput sound;
  Microphone microphone;
};

// One frame: dropped files opened, keys handled, the panels drawn, the
// clipboard handed over, the title kept up, and an export's frame captured.
// `input` (a script's mouse and keys) replaces the devices when given.
void DrawFrame(Shell& shell, const gfx::InjectedInput* input);

}  // namespace convstep
