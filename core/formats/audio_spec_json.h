// Reading audio specs from JSON (the format of tests/data/audio_cases.json,
// see shared/golden/README.md) and writing their results. Every problem
// with a user's spec becomes an Error naming the field, never an exception.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/audio/audio_spec.h"
#include "core/base/result.h"

namespace convstep {

using Json = nlohmann::json;

// A signal and what to compute from it.
struct AudioSpec {
  std::vector<double> samples;  // mono
  audio::AudioFeatureSpec features;
};

// What a spec asks of its sound file: the fields "file", "sample_rate",
// "channel", "start_seconds" and "length_seconds" as they are, their types
// checked (the reader checks them against the file).
struct SoundRequest {
  std::string path;             // as the spec spells it: relative to the current directory
  int rate = 0;                 // 0: the file's own; else resampled to it
  std::optional<int> channel;   // nothing: the average of all channels; k: channel k (from 0)
  double start_seconds = 0;     // the part read: from here,
  double length_seconds = 0;    // for this long (0: to the end)
};

// A decoded signal: mono samples in [-1, 1] and their rate.
struct LoadedSound {
  std::vector<double> samples;
  int sample_rate = 0;
};

// Reads a spec's sound file. The core reads no sound files itself (it links
// no libsndfile): a program that reads them passes one (convstep-cli builds
// it on app/sound's ReadSoundFile). It should refuse a part of more than
// audio::kMaxAudioSamples samples before decoding it, and its errors name
// the path.
using SoundLoader = std::function<Result<LoadedSound>(const SoundRequest& request)>;

// The signal of a spec, the one place a spec's signal comes from. Either
//   "samples": a list of numbers (mono), whose rate is "sample_rate"; or
//   "file": a sound file's name (any sound libsndfile reads: WAV, FLAC, OGG,
//     MP3, AIFF, ...), relative to the current directory like the grid files
//     of conv specs, decoded by `loader`: channels averaged (or "channel": k,
//     from 0, alone), integers scaled to [-1, 1) (16 bit: n / 32768), at the
//     file's own rate unless "sample_rate" asks for another (then
//     resampled); "start_seconds" and "length_seconds" (0: to the end) read
//     a part of it.
// Without a loader, "file" is refused with a message that says so. The
// result's sample_rate is the signal's: the file's (or the one asked for),
// or "sample_rate" for "samples" (0 when the spec has none).
Result<LoadedSound> SamplesOfSpec(const Json& spec, const SoundLoader& loader = {});

// Everything but the signal: "op" ("spectrogram", the default, or "mfcc"),
// "sample_rate" (required with "samples"; optional with "file", 0 here
// standing for the file's own rate), "n_fft", "hop_length" (default
// win_length // 2, as torchaudio), "win_length" (default or null: n_fft),
// "center" (default true), "pad_mode" ("reflect", the default, or "constant"), "power" (1 or
// 2, default 2), "mel" {"n_mels" 128, "f_min" 0, "f_max" null,
// "mel_scale" "htk" or "slaney", "norm" null or "slaney"}, "db" {"amin"
// 1e-10, "ref" 1 or "max", "top_db" null}, "n_mfcc" (default 40). An mfcc
// spec without "mel" has torchaudio's MFCC defaults. Types are checked here,
// ranges by audio::CheckAudioFeatureSpec.
Result<audio::AudioFeatureSpec> AudioFeatureSpecFromJson(const Json& spec);

// Both, checked together (the signal must be long enough for the frames)
// and within the limits of core/audio/audio_spec.h; with "file", the
// features' sample_rate is the decoded signal's. Everything but the signal
// is read (and its types checked) before the loader is called.
Result<AudioSpec> AudioSpecFromJson(const Json& spec, const SoundLoader& loader = {});

// {"shape": [rows, frames], "values": [[...], ...]}, rows from low to high.
Json AudioMatrixToJson(const audio::AudioMatrix<double>& m);
Json AudioMatrixToJson(const audio::AudioMatrix<float>& m);

}  // namespace convstep
