// What the player and the recorder share of SDL's audio subsystem: starting
// it with a driver of our choice, and an error carrying SDL's reason.
// Internal to convstep_sound.
#pragma once

#include <string>

#include "app/sound/sound_error.h"

namespace convstep::sdl_audio {

// SDL reads the driver from a hint (or SDL_AUDIODRIVER) when the audio
// subsystem starts; the hint is dropped again so that it cannot leak into a
// later device's choice. Each true return holds one reference to the
// subsystem (SDL_QuitSubSystem gives it back).
bool Init(const std::string& driver);

// `what` failed, with SDL_GetError() as the reason.
Error NoDevice(SoundErrorCode code, const std::string& what);

}  // namespace convstep::sdl_audio
