// Sound in from the microphone through SDL's audio capture (float32 mono),
// for a few seconds: the window polls it each frame, shows its level, and
// hands the samples to the sound import. With no capture device (these
// machines, CI) Open fails with SDL's reason and nothing else changes;
// SDL's disk driver reads a file instead (SDL_DISKAUDIOFILEIN), for tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace convstep {

struct RecorderOptions {
  std::string driver;  // as PlayerOptions::driver
  int rate = 16000;
  double max_seconds = 10;  // recording stops by itself here
};

class SoundRecorder {
 public:
  static Result<SoundRecorder> Open(const RecorderOptions& options = {});

  SoundRecorder(SoundRecorder&& other) noexcept;
  SoundRecorder& operator=(SoundRecorder&& other) noexcept;
  SoundRecorder(const SoundRecorder&) = delete;
  SoundRecorder& operator=(const SoundRecorder&) = delete;
  ~SoundRecorder();

  // Takes what the device captured since the last call (at most up to
  // max_seconds); false once full.
  bool Poll();
  double Seconds() const { return rate_ > 0 ? static_cast<double>(samples_.size()) / rate_ : 0; }
  // The loudest sample of the last 50 ms, 0 to 1: the level meter.
  double Level() const;
  const std::vector<double>& samples() const { return samples_; }
  int rate() const { return rate_; }

 private:
  SoundRecorder() = default;

  std::uint32_t device_ = 0;  // SDL_AudioDeviceID; 0 once moved from
  int rate_ = 0;
  std::size_t max_samples_ = 0;
  std::vector<double> samples_;
};

// Writes mono samples as a 16-bit WAV (what a recording is imported from).
Result<bool> WriteWav(const std::string& path, const std::vector<double>& samples, int rate);

}  // namespace convstep
