// What can go wrong with a sound, as a code the window can translate. Each
// error of convstep_sound carries the code's name ("sound.too_long") in
// Error::code, with the values its sentence names in Error::args, and an
// English message for the CLI; SoundErrorCodeOf reads the enum back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace convstep {

enum class SoundErrorCode {
  kCannotOpen,        // the path cannot be read: {0} the system's reason
  kNotSound,          // libsndfile cannot open it: {0} libsndfile's reason
  kEmpty,             // no bytes, or no frames of sound
  kTooManyChannels,   // {0} channels, {1} the most read
  kRateOutOfRange,    // {0} Hz, {1} the least, {2} the most
  kTooLong,           // {0} seconds to decode, {1} the most
  kBadOptions,        // {0} what is wrong with the options
  kSelectionOutside,  // {0} start seconds, {1} the sound's duration
  kDecodeFailed,      // reading the samples failed: {0} libsndfile's reason
  kNotFinite,         // a float file holds NaN or infinity
  kResampleFailed,    // {0} libsamplerate's reason
  kNoAudioDevice,     // {0} SDL's reason
  kPlaybackFailed,    // {0} SDL's reason
  kNoCaptureDevice,   // no microphone: {0} SDL's reason
  kWriteFailed,       // a sound file cannot be written: {0} libsndfile's reason
  kCancelled,         // the user stopped a long read
};

// The code's stable name: "sound.cannot_open", "sound.too_long", ...
std::string_view SoundErrorCodeName(SoundErrorCode code);

// The code of an error made by convstep_sound; nothing for other errors.
std::optional<SoundErrorCode> SoundErrorCodeOf(const Error& error);

// An error with that code, its values and its English message.
Error SoundError(SoundErrorCode code, std::vector<std::string> args, std::string english);

}  // namespace convstep
