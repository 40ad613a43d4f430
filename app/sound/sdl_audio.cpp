#include "app/sound/sdl_audio.h"

#include <SDL.h>

#include "app/sound/sound_text.h"

namespace convstep::sdl_audio {

bool Init(const std::string& driver) {
  if (!driver.empty()) SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, driver.c_str(), SDL_HINT_OVERRIDE);
  const bool ok = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0;
  if (!driver.empty()) SDL_ResetHint(SDL_HINT_AUDIODRIVER);
  return ok;
}

Error NoDevice(SoundErrorCode code, const std::string& what) {
  const std::string why = sound_text::Reason(SDL_GetError());
  return SoundError(code, {why}, what + ": " + why);
}

}  // namespace convstep::sdl_audio
