// The window's one sound output: what the play buttons ask for this frame
// (state.view.play_order, stop_sound, volume) is played through SDL's audio
// (app/sound/player.h), opened at the first press; the time being heard
// goes back into state.view.playhead for the panels to draw. With no sound
// card the press says so in the status line and nothing else changes.
#pragma once

#include <optional>

#include "app/sound/player.h"
#include "app/state/app_state.h"
#include "app/state/playback.h"

namespace convstep {

class SoundOutput {
 public:
  // After the panels of a frame.
  void Service(AppState& state);

 private:
  void Start(AppState& state, const PlayOrder& order);

  std::optional<SoundPlayer> player_;
  PlayRequest playing_;
};

}  // namespace convstep
