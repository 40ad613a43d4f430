#include "app/sound/player.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/sound/resample.h"
#include "app/sound/sdl_audio.h"
#include "app/sound/sound_error.h"
#include "app/sound/sound_limits.h"
#include "app/sound/sound_text.h"

namespace convstep {

namespace {

constexpr int kBytesPerFrame = sizeof(float);  // float32 mono

Error NoDevice(const std::string& what) { return sdl_audio::NoDevice(SoundErrorCode::kNoAudioDevice, what); }

}  // namespace

Result<SoundPlayer> SoundPlayer::Open(const PlayerOptions& options) {
  if (options.rate < kMinSoundRate || options.rate > kMaxSoundRate) {
    const std::string what = "the output's rate must be from " + std::to_string(kMinSoundRate) + " to " +
                             std::to_string(kMaxSoundRate) + " Hz";
    return SoundError(SoundErrorCode::kBadOptions, {what}, "cannot open the sound output: " + what);
  }
  if (!sdl_audio::Init(options.driver)) return NoDevice("cannot start the sound output");
  SDL_AudioSpec want{};
  want.freq = options.rate;
  want.format = AUDIO_F32SYS;
  want.channels = 1;
  want.samples = 1024;  // about 20 ms at 48 kHz: a playhead that keeps up
  // No changes allowed: SDL converts to whatever the card takes, so the
  // samples queued are always float32 mono at options.rate.
  const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
  if (device == 0) {
    Error error = NoDevice("cannot open the sound output");
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return error;
  }
  SoundPlayer player;
  player.device_ = device;
  player.device_rate_ = options.rate;
  const char* driver = SDL_GetCurrentAudioDriver();
  player.driver_ = driver != nullptr ? driver : "";
  SDL_PauseAudioDevice(device, 0);  // an empty queue plays silence
  return player;
}

SoundPlayer::SoundPlayer(SoundPlayer&& other) noexcept
    : device_(std::exchange(other.device_, 0)),
      device_rate_(other.device_rate_),
      driver_(std::move(other.driver_)),
      volume_(other.volume_),
      sound_(std::move(other.sound_)) {}

SoundPlayer& SoundPlayer::operator=(SoundPlayer&& other) noexcept {
  if (this != &other) {
    SoundPlayer old(std::move(*this));
    device_ = std::exchange(other.device_, 0);
    device_rate_ = other.device_rate_;
    driver_ = std::move(other.driver_);
    volume_ = other.volume_;
    sound_ = std::move(other.sound_);
  }
  return *this;
}

SoundPlayer::~SoundPlayer() {
  if (device_ == 0) return;
  SDL_CloseAudioDevice(device_);
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

Result<bool> SoundPlayer::Play(std::span<const double> samples, int rate, double volume) {
  Stop();
  Result<std::vector<double>> at_device = Resample(samples, rate, device_rate_, ResampleQuality::kMedium);
  if (!at_device) return at_device.failure();
  sound_.assign(at_device->begin(), at_device->end());
  volume_ = std::isfinite(volume) ? std::clamp(volume, 0.0, 1.0) : 0.0;
  if (QueueFrom(0)) return true;
  const std::string why = sound_text::Reason(SDL_GetError());
  return SoundError(SoundErrorCode::kPlaybackFailed, {why}, "cannot play the sound: " + why);
}

// Queues sound_ from `frame` on at the current volume; the volume is applied
// here because a queue cannot be changed once handed to SDL.
bool SoundPlayer::QueueFrom(std::size_t frame) {
  SDL_ClearQueuedAudio(device_);
  const auto from = static_cast<std::ptrdiff_t>(std::min(frame, sound_.size()));
  std::vector<float> scaled(sound_.begin() + from, sound_.end());
  for (float& v : scaled) v = static_cast<float>(v * volume_);
  if (scaled.empty()) return true;
  return SDL_QueueAudio(device_, scaled.data(), static_cast<Uint32>(scaled.size() * kBytesPerFrame)) == 0;
}

void SoundPlayer::Stop() {
  SDL_ClearQueuedAudio(device_);
  sound_.clear();
}

bool SoundPlayer::IsPlaying() const { return device_ != 0 && SDL_GetQueuedAudioSize(device_) > 0; }

std::size_t SoundPlayer::PlayedFrames() const {
  const std::size_t waiting = device_ == 0 ? 0 : SDL_GetQueuedAudioSize(device_) / kBytesPerFrame;
  return sound_.size() - std::min(waiting, sound_.size());  // the queue always ends with sound_
}

double SoundPlayer::PositionSeconds() const {
  return device_rate_ > 0 ? static_cast<double>(PlayedFrames()) / device_rate_ : 0;
}

double SoundPlayer::DurationSeconds() const {
  return device_rate_ > 0 ? static_cast<double>(sound_.size()) / device_rate_ : 0;
}

void SoundPlayer::SetVolume(double volume) {
  volume_ = std::isfinite(volume) ? std::clamp(volume, 0.0, 1.0) : 0.0;
  if (IsPlaying()) QueueFrom(PlayedFrames());
}

}  // namespace convstep
