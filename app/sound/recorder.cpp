#include "app/sound/recorder.h"

#include <SDL.h>
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/sound/sdl_audio.h"
#include "app/sound/sound_limits.h"
#include "app/sound/sound_text.h"

namespace convstep {

Result<SoundRecorder> SoundRecorder::Open(const RecorderOptions& options) {
  if (options.rate < kMinSoundRate || options.rate > kMaxSoundRate || !(options.max_seconds > 0) ||
      options.max_seconds > kMaxSoundSeconds) {
    const std::string what = "the recording's rate or length is out of range";
    return SoundError(SoundErrorCode::kBadOptions, {what}, "cannot record: " + what);
  }
  if (!sdl_audio::Init(options.driver)) {
    return sdl_audio::NoDevice(SoundErrorCode::kNoCaptureDevice, "cannot start the sound input");
  }
  SDL_AudioSpec want{};
  want.freq = options.rate;
  want.format = AUDIO_F32SYS;
  want.channels = 1;
  want.samples = 512;
  const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 1, &want, nullptr, 0);
  if (device == 0) {
    Error error = sdl_audio::NoDevice(SoundErrorCode::kNoCaptureDevice, "cannot open the microphone");
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return error;
  }
  SoundRecorder r;
  r.device_ = device;
  r.rate_ = options.rate;
  r.max_samples_ = static_cast<std::size_t>(options.max_seconds * options.rate);
  r.samples_.reserve(r.max_samples_);
  SDL_PauseAudioDevice(device, 0);
  return r;
}

SoundRecorder::SoundRecorder(SoundRecorder&& other) noexcept
    : device_(std::exchange(other.device_, 0)),
      rate_(other.rate_),
      max_samples_(other.max_samples_),
      samples_(std::move(other.samples_)) {}

SoundRecorder& SoundRecorder::operator=(SoundRecorder&& other) noexcept {
  if (this != &other) {
    SoundRecorder old(std::move(*this));
    device_ = std::exchange(other.device_, 0);
    rate_ = other.rate_;
    max_samples_ = other.max_samples_;
    samples_ = std::move(other.samples_);
  }
  return *this;
}

SoundRecorder::~SoundRecorder() {
  if (device_ == 0) return;
  SDL_CloseAudioDevice(device_);
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool SoundRecorder::Poll() {
  if (device_ == 0 || samples_.size() >= max_samples_) return false;
  float block[1024];
  while (samples_.size() < max_samples_) {
    const Uint32 bytes = SDL_DequeueAudio(device_, block, sizeof block);
    if (bytes == 0) break;
    const std::size_t n = std::min<std::size_t>(bytes / sizeof(float), max_samples_ - samples_.size());
    for (std::size_t i = 0; i < n; ++i) samples_.push_back(std::clamp(static_cast<double>(block[i]), -1.0, 1.0));
  }
  return samples_.size() < max_samples_;
}

double SoundRecorder::Level() const {
  const std::size_t window = static_cast<std::size_t>(rate_ / 20);
  double peak = 0;
  for (std::size_t i = samples_.size() > window ? samples_.size() - window : 0; i < samples_.size(); ++i) {
    peak = std::max(peak, std::fabs(samples_[i]));
  }
  return peak;
}

Result<bool> WriteWav(const std::string& path, const std::vector<double>& samples, int rate) {
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
  if (file == nullptr) {
    const std::string why = sound_text::Reason(sf_strerror(nullptr));
    return SoundError(SoundErrorCode::kWriteFailed, {why}, "cannot write the recording: " + why);
  }
  const sf_count_t n = static_cast<sf_count_t>(samples.size());
  const bool written = sf_writef_double(file, samples.data(), n) == n;
  const std::string why = sound_text::Reason(sf_strerror(file));
  sf_close(file);
  if (!written) return SoundError(SoundErrorCode::kWriteFailed, {why}, "cannot write the recording: " + why);
  return true;
}

}  // namespace convstep
