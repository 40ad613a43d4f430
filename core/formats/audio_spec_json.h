// Reading audio specs from JSON (the format of tests/data/audio_cases.json,
// see shared/golden/README.md) and writing their results. Every problem
// with a user's spec becomes an Error naming the field, never an exception.
#pragma once

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

// The signal of a spec: "samples", a list of numbers (mono). The one place a
// spec's signal comes from: a "file" (a sound file's name, relative to the
// current directory, instead of "samples") will be decoded here; until the
// sound reader is built it is an error that says so.
Result<std::vector<double>> SamplesOfSpec(const Json& spec);

// Everything but the signal: "op" ("spectrogram", the default, or "mfcc"),
// "sample_rate", "n_fft", "hop_length" (default win_length // 2, as
// torchaudio), "win_length" (default or null: n_fft), "center" (default
// true), "pad_mode" ("reflect", the default, or "constant"), "power" (1 or
// 2, default 2), "mel" {"n_mels" 128, "f_min" 0, "f_max" null,
// "mel_scale" "htk" or "slaney", "norm" null or "slaney"}, "db" {"amin"
// 1e-10, "ref" 1 or "max", "top_db" null}, "n_mfcc" (default 40). An mfcc
// spec without "mel" has torchaudio's MFCC defaults. Types are checked here,
// ranges by audio::CheckAudioFeatureSpec.
Result<audio::AudioFeatureSpec> AudioFeatureSpecFromJson(const Json& spec);

// Both, checked together (the signal must be long enough for the frames)
// and within the limits of core/audio/audio_spec.h.
Result<AudioSpec> AudioSpecFromJson(const Json& spec);

// {"shape": [rows, frames], "values": [[...], ...]}, rows from low to high.
Json AudioMatrixToJson(const audio::AudioMatrix<double>& m);
Json AudioMatrixToJson(const audio::AudioMatrix<float>& m);

}  // namespace convstep
