#include "app/sound/sound_error.h"

#include <array>
#include <utility>

namespace convstep {

namespace {

// In the enum's order; the names are part of the string tables' keys, so
// they never change once released.
constexpr std::array<std::pair<SoundErrorCode, std::string_view>, 16> kNames{{
    {SoundErrorCode::kCannotOpen, "sound.cannot_open"},
    {SoundErrorCode::kNotSound, "sound.not_sound"},
    {SoundErrorCode::kEmpty, "sound.empty"},
    {SoundErrorCode::kTooManyChannels, "sound.too_many_channels"},
    {SoundErrorCode::kRateOutOfRange, "sound.rate_out_of_range"},
    {SoundErrorCode::kTooLong, "sound.too_long"},
    {SoundErrorCode::kBadOptions, "sound.bad_options"},
    {SoundErrorCode::kSelectionOutside, "sound.selection_outside"},
    {SoundErrorCode::kDecodeFailed, "sound.decode_failed"},
    {SoundErrorCode::kNotFinite, "sound.not_finite"},
    {SoundErrorCode::kResampleFailed, "sound.resample_failed"},
    {SoundErrorCode::kNoAudioDevice, "sound.no_audio_device"},
    {SoundErrorCode::kPlaybackFailed, "sound.playback_failed"},
    {SoundErrorCode::kNoCaptureDevice, "sound.no_capture_device"},
    {SoundErrorCode::kWriteFailed, "sound.write_failed"},
    {SoundErrorCode::kCancelled, "sound.cancelled"},
}};

}  // namespace

std::string_view SoundErrorCodeName(SoundErrorCode code) {
  for (const auto& [c, name] : kNames) {
    if (c == code) return name;
  }
  return "sound.unknown";
}

std::optional<SoundErrorCode> SoundErrorCodeOf(const Error& error) {
  for (const auto& [c, name] : kNames) {
    if (error.code == name) return c;
  }
  return std::nullopt;
}

Error SoundError(SoundErrorCode code, std::vector<std::string> args, std::string english) {
  return Error{std::string(SoundErrorCodeName(code)), std::move(args), std::move(english)};
}

}  // namespace convstep
