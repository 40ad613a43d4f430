#include "core/audio/audio_spec.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/base/shortest_number.h"

namespace convstep::audio {

namespace {

std::string Text(long long n) { return std::to_string(n); }

Result<bool> CheckRange(long long value, long long lo, long long hi, const std::string& name) {
  if (value < lo || value > hi) {
    return Error{name + " is " + Text(value) + ": it must be from " + Text(lo) + " to " + Text(hi)};
  }
  return true;
}

Result<bool> CheckStft(const StftSpec& s, long long num_samples) {
  for (const Result<bool>& r : {CheckRange(s.n_fft, 2, kMaxNfft, "n_fft"),
                                CheckRange(s.hop_length, 1, kMaxAudioSamples, "hop_length"),
                                CheckRange(s.WinLength(), 1, s.n_fft, "win_length")}) {
    if (!r) return r;
  }
  // Other powers are torch's too, but decibels need to know whether S is a
  // magnitude (20·log10) or a power (10·log10).
  if (s.power != 1.0 && s.power != 2.0) return Error{"power must be 1 (magnitude) or 2 (power)"};
  // torch's reflection needs more samples than it mirrors.
  if (s.center && s.pad_mode == PadMode::kReflect && s.n_fft / 2 >= num_samples) {
    return Error{"pad_mode \"reflect\" needs more than n_fft / 2 = " + Text(s.n_fft / 2) +
                 " samples, and there are " + Text(num_samples) + ": use \"constant\" or a smaller n_fft"};
  }
  if (FrameCount(num_samples, s) < 1) {
    return Error{"the signal has " + Text(num_samples) + " samples, fewer than one frame of n_fft = " +
                 Text(s.n_fft) + (s.center ? "" : " (center is false)")};
  }
  return true;
}

Result<bool> CheckFinite(double value, const std::string& name) {
  if (!std::isfinite(value)) return Error{name + " must be a finite number"};
  return true;
}

Result<bool> CheckMel(const MelSpec& m, int sample_rate) {
  Result<bool> n = CheckRange(m.n_mels, 1, kMaxMels, "n_mels");
  if (!n) return n;
  for (const Result<bool>& r : {CheckFinite(m.f_min, "f_min"), CheckFinite(m.FMax(sample_rate), "f_max")}) {
    if (!r) return r;
  }
  const double nyquist = sample_rate / 2.0;
  if (m.f_min < 0 || m.f_min >= m.FMax(sample_rate) || m.FMax(sample_rate) > nyquist) {
    std::string hz;
    AppendShortest(nyquist, &hz);
    return Error{"the mel bands need 0 <= f_min < f_max <= sample_rate / 2 (" + hz + " Hz here)"};
  }
  return true;
}

Result<bool> CheckDb(const DbSpec& d) {
  if (!std::isfinite(d.amin) || d.amin <= 0) return Error{"amin must be a positive number"};
  if (!d.ref_is_max && (!std::isfinite(d.ref) || d.ref <= 0)) return Error{"ref must be a positive number or \"max\""};
  if (d.top_db && (!std::isfinite(*d.top_db) || *d.top_db < 0)) {
    return Error{"top_db must be a number >= 0, or null for no clipping"};
  }
  return true;
}

// The rows of the result: bins, mel bands or coefficients.
int OutputRows(const AudioFeatureSpec& spec) {
  if (spec.op == AudioOp::kMfcc) return spec.n_mfcc;
  return spec.mel ? spec.mel->n_mels : spec.stft.NumFreqs();
}

}  // namespace

DbSpec MfccDbSpec() {
  DbSpec d;
  d.top_db = 80.0;
  return d;
}

long long FrameCount(long long num_samples, const StftSpec& stft) {
  const long long padded = num_samples + (stft.center ? 2LL * (stft.n_fft / 2) : 0);
  if (padded < stft.n_fft || stft.hop_length < 1) return 0;
  return 1 + (padded - stft.n_fft) / stft.hop_length;
}

Result<bool> CheckAudioFeatureSpec(const AudioFeatureSpec& spec, long long num_samples) {
  for (const Result<bool>& r : {CheckRange(num_samples, 1, kMaxAudioSamples, "the number of samples"),
                                CheckRange(spec.sample_rate, 1, kMaxSampleRate, "sample_rate")}) {
    if (!r) return r;
  }
  if (Result<bool> r = CheckStft(spec.stft, num_samples); !r) return r;
  if (spec.op == AudioOp::kMfcc && !spec.mel) return Error{"mfcc needs the mel bands (\"mel\")"};
  if (spec.mel) {
    if (Result<bool> r = CheckMel(*spec.mel, spec.sample_rate); !r) return r;
  }
  if (spec.op == AudioOp::kMfcc) {
    if (spec.db) return Error{"mfcc's decibels are fixed (ref 1, top_db 80, as torchaudio's MFCC): remove \"db\""};
    if (Result<bool> r = CheckRange(spec.n_mfcc, 1, spec.mel->n_mels, "n_mfcc"); !r) return r;
  }
  if (spec.db) {
    if (Result<bool> r = CheckDb(*spec.db); !r) return r;
  }
  // The linear spectrogram is the largest grid computed on the way.
  const long long frames = FrameCount(num_samples, spec.stft);
  const long long largest = frames * std::max(spec.stft.NumFreqs(), OutputRows(spec));
  if (largest > kMaxAudioValues) {
    return Error{"the spectrogram would have " + Text(frames) + " frames × " + Text(spec.stft.NumFreqs()) +
                 " bins, more than " + Text(kMaxAudioValues) + " values: use a larger hop_length or a shorter signal"};
  }
  return true;
}

}  // namespace convstep::audio
