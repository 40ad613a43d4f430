// The whole computation an audio spec describes (tests/data/audio_cases.json):
// spectrogram, then mel bands, decibels or MFCCs. Two paths with one shape:
// float64 built from the teaching steps (stft.h, mel.h, mfcc.h), every stage
// kept for a lesson to show; float32 for long clips (AudioFeaturePlan), with
// the FFT plan, window, filter bank and DCT computed once and reused.
#pragma once

#include <memory>
#include <span>

#include "core/audio/audio_spec.h"
#include "core/base/result.h"

namespace convstep::audio {

// Every stage of the float64 path; the stages a spec does not ask for stay
// empty (0 × 0).
struct AudioStages {
  AudioMatrix<double> spectrogram;  // n_fft / 2 + 1 bins × frames, |X|^power
  AudioMatrix<double> mel;          // n_mels × frames
  AudioMatrix<double> decibels;     // of mel when there is one, else of the spectrogram
  AudioMatrix<double> mfcc;         // n_mfcc × frames
  // The last stage computed: what the spec's op asks for.
  const AudioMatrix<double>& Final() const;
};

Result<AudioStages> ComputeAudioStages(std::span<const double> samples, const AudioFeatureSpec& spec);

// The spec's result in float64 (the last of its stages).
Result<AudioMatrix<double>> ComputeAudioFeatures(std::span<const double> samples, const AudioFeatureSpec& spec);

// The float32 path. A plan is made once per spec and run on any number of
// clips; it keeps scratch buffers, so one plan serves one thread at a time.
class AudioFeaturePlan {
 public:
  static Result<AudioFeaturePlan> Create(const AudioFeatureSpec& spec);
  AudioFeaturePlan(AudioFeaturePlan&&) noexcept;
  AudioFeaturePlan& operator=(AudioFeaturePlan&&) noexcept;
  ~AudioFeaturePlan();

  const AudioFeatureSpec& spec() const;
  Result<AudioMatrix<float>> Run(std::span<const float> samples);

 private:
  struct Impl;
  explicit AudioFeaturePlan(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The spec's result in float32: a plan made and run once.
Result<AudioMatrix<float>> ComputeAudioFeatures(std::span<const float> samples, const AudioFeatureSpec& spec);

}  // namespace convstep::audio
