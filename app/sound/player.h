// Sound out through SDL 2's audio subsystem alone (GLFW stays the window):
// a float32 mono device fed with SDL_QueueAudio, so no thread of ours runs.
// With no sound card (CI, these machines) Open fails with SDL's reason,
// "ALSA: Couldn't open audio device", and the program carries on silent.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace convstep {

struct PlayerOptions {
  // SDL's audio driver ("alsa", "pulseaudio", "disk", ...); empty: SDL's
  // own choice, which the SDL_AUDIODRIVER environment variable can set.
  std::string driver;
  // The rate asked of the device (kMinSoundRate to kMaxSoundRate); SDL
  // converts to the card's if it differs.
  int rate = 48000;
};

class SoundPlayer {
 public:
  // SDL_Init(SDL_INIT_AUDIO) and the default output device; each player
  // holds one reference to SDL's audio subsystem, dropped when destroyed.
  static Result<SoundPlayer> Open(const PlayerOptions& options = {});

  SoundPlayer(SoundPlayer&& other) noexcept;
  SoundPlayer& operator=(SoundPlayer&& other) noexcept;
  SoundPlayer(const SoundPlayer&) = delete;
  SoundPlayer& operator=(const SoundPlayer&) = delete;
  ~SoundPlayer();

  // Stops whatever plays and plays `samples` (mono, [-1, 1], at `rate` Hz,
  // resampled to the device's) at `volume` (0 to 1, clamped). Returns at
  // once: the device takes the queued samples at its own pace.
  Result<bool> Play(std::span<const double> samples, int rate, double volume = 1.0);
  void Stop();
  bool IsPlaying() const;
  // Seconds of the sound handed to the device so far (for a playhead); the
  // whole duration once it has played.
  double PositionSeconds() const;
  double DurationSeconds() const;
  // A new volume applies at once: the rest of the sound is queued again.
  void SetVolume(double volume);
  double volume() const { return volume_; }
  int device_rate() const { return device_rate_; }
  const std::string& driver() const { return driver_; }

 private:
  SoundPlayer() = default;
  bool QueueFrom(std::size_t frame);
  std::size_t PlayedFrames() const;

  std::uint32_t device_ = 0;  // SDL_AudioDeviceID; 0 once moved from
  int device_rate_ = 0;
  std::string driver_;
  double volume_ = 1;
  std::vector<float> sound_;  // what Play was given, at the device rate
};

}  // namespace convstep
