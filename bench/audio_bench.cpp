// The log-mel spectrogram of a 30 s clip at 22050 Hz (n_fft 2048, hop 512,
// 128 HTK mel bands, power 2, decibels with ref 1 and top_db 80), one
// thread: the float32 plan made once and run (as torchaudio's MelSpectrogram
// module is built once and called), the plan made and run, and the float64
// teaching path. scripts/bench_audio_torch.py times torchaudio 0.13's
// MelSpectrogram + AmplitudeToDB on the same clip. On the 2-core build
// machine, busy (load 5), six rounds side by side, medians: the plan 30 ms
// wall and 20 ms CPU, torchaudio 118 ms and 79 ms (ours about 0.26 of it).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <numbers>
#include <random>
#include <vector>

#include "core/audio/features.h"

namespace convstep {
namespace {

constexpr int kSampleRate = 22050;
constexpr int kSeconds = 30;

// A chirp from 50 Hz to 10 kHz with a little noise (the samples do not
// change the work; they keep the values realistic).
const std::vector<double>& Clip() {
  static const std::vector<double> clip = [] {
    std::mt19937 rng(1);
    std::normal_distribution<double> noise(0.0, 0.01);
    std::vector<double> x(static_cast<size_t>(kSampleRate) * kSeconds);
    for (size_t i = 0; i < x.size(); ++i) {
      const double t = static_cast<double>(i) / kSampleRate;
      x[i] = 0.5 * std::sin(2.0 * std::numbers::pi * (50.0 * t + 0.5 * 9950.0 / kSeconds * t * t)) + noise(rng);
    }
    return x;
  }();
  return clip;
}

const std::vector<float>& ClipF32() {
  static const std::vector<float> clip(Clip().begin(), Clip().end());
  return clip;
}

audio::AudioFeatureSpec LogMel() {
  audio::AudioFeatureSpec spec;
  spec.sample_rate = kSampleRate;
  spec.stft.n_fft = 2048;
  spec.stft.hop_length = 512;
  spec.mel = audio::MelSpec{};  // 128 bands, HTK, no norm: torchaudio's defaults
  spec.db = audio::DbSpec{};
  spec.db->top_db = 80.0;
  return spec;
}

void BM_LogMel30sF32(benchmark::State& state) {
  Result<audio::AudioFeaturePlan> plan = audio::AudioFeaturePlan::Create(LogMel());
  if (!plan) std::abort();  // the spec above is valid by construction
  for (auto _ : state) {
    Result<audio::AudioMatrix<float>> out = plan.value().Run(ClipF32());
    benchmark::DoNotOptimize(out.value().data.data());
  }
}
BENCHMARK(BM_LogMel30sF32)->Unit(benchmark::kMillisecond);

void BM_LogMel30sF32WithPlan(benchmark::State& state) {
  for (auto _ : state) {
    Result<audio::AudioMatrix<float>> out = audio::ComputeAudioFeatures(ClipF32(), LogMel());
    benchmark::DoNotOptimize(out.value().data.data());
  }
}
BENCHMARK(BM_LogMel30sF32WithPlan)->Unit(benchmark::kMillisecond);

void BM_LogMel30sF64Teaching(benchmark::State& state) {
  for (auto _ : state) {
    Result<audio::AudioMatrix<double>> out = audio::ComputeAudioFeatures(Clip(), LogMel());
    benchmark::DoNotOptimize(out.value().data.data());
  }
}
BENCHMARK(BM_LogMel30sF64Teaching)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace convstep
