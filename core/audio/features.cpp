// The float64 path: the teaching steps one after the other.
#include "core/audio/features.h"

#include "core/audio/mel.h"
#include "core/audio/mfcc.h"
#include "core/audio/stft.h"

namespace convstep::audio {

const AudioMatrix<double>& AudioStages::Final() const {
  if (!mfcc.data.empty()) return mfcc;
  if (!decibels.data.empty()) return decibels;
  if (!mel.data.empty()) return mel;
  return spectrogram;
}

Result<AudioStages> ComputeAudioStages(std::span<const double> samples, const AudioFeatureSpec& spec) {
  if (Result<bool> ok = CheckAudioFeatureSpec(spec, static_cast<long long>(samples.size())); !ok) {
    return ok.failure();
  }
  AudioStages stages;
  Result<AudioMatrix<double>> s = Spectrogram(samples, spec.stft);
  if (!s) return s.failure();
  stages.spectrogram = std::move(s).value();
  if (spec.mel) {
    const AudioMatrix<double> fb = MelscaleFbanks(spec.stft.NumFreqs(), *spec.mel, spec.sample_rate);
    stages.mel = ApplyFilterBank(fb, stages.spectrogram);
  }
  const AudioMatrix<double>& before_db = spec.mel ? stages.mel : stages.spectrogram;
  if (spec.op == AudioOp::kMfcc) {
    // torchaudio's MFCC takes its mel spectrogram as power, whatever power is.
    stages.decibels = AmplitudeToDB(before_db, 2.0, MfccDbSpec());
    stages.mfcc = ApplyDct(CreateDct(spec.n_mfcc, spec.mel->n_mels), stages.decibels);
  } else if (spec.db) {
    stages.decibels = AmplitudeToDB(before_db, spec.stft.power, *spec.db);
  }
  return stages;
}

Result<AudioMatrix<double>> ComputeAudioFeatures(std::span<const double> samples, const AudioFeatureSpec& spec) {
  Result<AudioStages> stages = ComputeAudioStages(samples, spec);
  if (!stages) return stages.failure();
  // Final() names one stage; move that one out.
  AudioStages& all = stages.value();
  const AudioMatrix<double>* final = &all.Final();
  for (AudioMatrix<double>* m : {&all.mfcc, &all.decibels, &all.mel, &all.spectrogram}) {
    if (m == final) return std::move(*m);
  }
  return all.spectrogram;
}

}  // namespace convstep::audio
