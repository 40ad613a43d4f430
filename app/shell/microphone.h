// The window's microphone: File ▸ Record asks for it (state.view.recording),
// the shell opens SDL's capture after the frame, polls it every frame for
// the level meter, and when Stop is pressed or the time is up writes the
// recording to a WAV in the temporary folder and opens the sound import on
// it. With no capture device the status line says so and nothing changes.
#pragma once

#include <optional>

#include "app/sound/recorder.h"
#include "app/state/app_state.h"

namespace convstep {

class Microphone {
 public:
  void Service(AppState& state);
  bool Recording() const { return recorder_.has_value(); }

 private:
  void Finish(AppState& state);
  std::optional<SoundRecorder> recorder_;
};

}  // namespace convstep
