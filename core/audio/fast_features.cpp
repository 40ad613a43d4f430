// The float32 path for long clips. The same computation as features.cpp,
// arranged for speed: everything that depends only on the spec (FFT plan,
// window, filter bank, DCT) is made once in Create; Run allocates only its
// result and reuses its scratch buffers, and each frame goes straight from
// samples to its mel column without storing the linear spectrogram.
#include <algorithm>
#include <cmath>
#include <complex>
#include <vector>

#include <unsupported/Eigen/FFT>

#include "core/audio/features.h"
#include "core/audio/mel.h"
#include "core/audio/mfcc.h"
#include "core/audio/stft.h"

namespace convstep::audio {

namespace {

// A mel filter is nonzero only between two of its points, a few dozen bins
// out of n_fft / 2 + 1: each band keeps its first bin and its weights, and
// the product costs as many multiplications as there are nonzero weights
// (about two per bin) instead of n_freqs × n_mels.
struct SparseFilterBank {
  std::vector<int> first_bin;  // per band
  std::vector<int> offset;     // per band, into weights; one more at the end
  std::vector<float> weights;
};

SparseFilterBank SparseOf(const AudioMatrix<double>& fb) {
  SparseFilterBank s;
  s.offset.push_back(0);
  for (int m = 0; m < fb.cols; ++m) {
    int lo = 0;
    while (lo < fb.rows && fb.at(lo, m) == 0.0) ++lo;
    int hi = fb.rows;
    while (hi > lo && fb.at(hi - 1, m) == 0.0) --hi;
    s.first_bin.push_back(lo);
    for (int k = lo; k < hi; ++k) s.weights.push_back(static_cast<float>(fb.at(k, m)));
    s.offset.push_back(static_cast<int>(s.weights.size()));
  }
  return s;
}

// Reflect (or zero) padding as in stft.cpp, into a buffer that is reused.
void PadInto(std::span<const float> samples, const StftSpec& stft, std::vector<float>* padded) {
  const long long n = static_cast<long long>(samples.size());
  const long long pad = stft.center ? stft.n_fft / 2 : 0;
  padded->assign(static_cast<size_t>(n + 2 * pad), 0.0f);
  std::copy(samples.begin(), samples.end(), padded->begin() + pad);
  if (stft.center && stft.pad_mode == PadMode::kReflect) {
    for (long long i = 1; i <= pad; ++i) {
      (*padded)[pad - i] = samples[i];
      (*padded)[pad + n - 1 + i] = samples[n - 1 - i];
    }
  }
}

}  // namespace

struct AudioFeaturePlan::Impl {
  AudioFeatureSpec spec;
  int n_freqs = 0;
  int win_left = 0;            // where the window starts in the frame
  std::vector<float> window;   // its win_length nonzero-or-not samples
  Eigen::FFT<float> fft;       // holds the plan for n_fft once used
  std::vector<float> frame;    // n_fft; zero outside the window, written once
  std::vector<std::complex<float>> spectrum;
  std::vector<float> bins;     // |X|^power of one frame
  SparseFilterBank mel;
  std::vector<float> dct;      // n_mfcc × n_mels, a coefficient per row
  std::vector<float> padded;

  void Transform(int t);
  void Decibels(AudioMatrix<float>* s, double power, const DbSpec& db) const;
  AudioMatrix<float> Mfcc(const AudioMatrix<float>& mel_db) const;
};

// Frame t's |X|^power into `bins`.
void AudioFeaturePlan::Impl::Transform(int t) {
  const float* x = padded.data() + static_cast<size_t>(t) * spec.stft.hop_length + win_left;
  float* f = frame.data() + win_left;
  for (size_t i = 0; i < window.size(); ++i) f[i] = x[i] * window[i];
  fft.fwd(spectrum.data(), frame.data(), spec.stft.n_fft);
  const bool magnitude = spec.stft.power == 1.0;
  for (int k = 0; k < n_freqs; ++k) {
    const float re = spectrum[k].real();
    const float im = spectrum[k].imag();
    const float p = re * re + im * im;
    bins[k] = magnitude ? std::sqrt(p) : p;
  }
}

void AudioFeaturePlan::Impl::Decibels(AudioMatrix<float>* s, double power, const DbSpec& db) const {
  if (s->data.empty()) return;
  const float multiplier = power == 1.0 ? 20.0f : 10.0f;
  const float amin = static_cast<float>(db.amin);
  // log10 rises with S, so the largest dB value is that of the largest S:
  // the top_db floor is known before the pass, and one pass does it all.
  const float largest = *std::max_element(s->data.begin(), s->data.end());
  const float ref = db.ref_is_max ? largest : static_cast<float>(db.ref);
  const float offset = multiplier * std::log10(std::max(amin, ref));
  float floor = -INFINITY;
  if (db.top_db) floor = multiplier * std::log10(std::max(largest, amin)) - offset - static_cast<float>(*db.top_db);
  for (float& v : s->data) v = std::max(multiplier * std::log10(std::max(v, amin)) - offset, floor);
}

AudioMatrix<float> AudioFeaturePlan::Impl::Mfcc(const AudioMatrix<float>& mel_db) const {
  AudioMatrix<float> out(spec.n_mfcc, mel_db.cols);
  std::vector<float> column(static_cast<size_t>(mel_db.rows));
  for (int t = 0; t < mel_db.cols; ++t) {
    for (int n = 0; n < mel_db.rows; ++n) column[n] = mel_db.at(n, t);
    for (int k = 0; k < spec.n_mfcc; ++k) {
      const float* row = dct.data() + static_cast<size_t>(k) * mel_db.rows;
      float sum = 0.0f;
      for (int n = 0; n < mel_db.rows; ++n) sum += row[n] * column[n];
      out.at(k, t) = sum;
    }
  }
  return out;
}

AudioFeaturePlan::AudioFeaturePlan(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AudioFeaturePlan::AudioFeaturePlan(AudioFeaturePlan&&) noexcept = default;
AudioFeaturePlan& AudioFeaturePlan::operator=(AudioFeaturePlan&&) noexcept = default;
AudioFeaturePlan::~AudioFeaturePlan() = default;

const AudioFeatureSpec& AudioFeaturePlan::spec() const { return impl_->spec; }

Result<AudioFeaturePlan> AudioFeaturePlan::Create(const AudioFeatureSpec& spec) {
  // Checked on the shortest signal that always fits (n_fft samples); Run
  // checks the real one.
  const long long probe = std::clamp<long long>(spec.stft.n_fft, 1, kMaxAudioSamples);
  if (Result<bool> ok = CheckAudioFeatureSpec(spec, probe); !ok) return ok.failure();
  auto impl = std::make_unique<Impl>();
  impl->spec = spec;
  const StftSpec& stft = spec.stft;
  impl->n_freqs = stft.NumFreqs();
  impl->win_left = (stft.n_fft - stft.WinLength()) / 2;
  for (double w : HannWindow(stft.WinLength())) impl->window.push_back(static_cast<float>(w));
  impl->fft.SetFlag(Eigen::FFT<float>::HalfSpectrum);
  impl->frame.assign(static_cast<size_t>(stft.n_fft), 0.0f);
  impl->spectrum.resize(static_cast<size_t>(impl->n_freqs));
  impl->bins.resize(static_cast<size_t>(impl->n_freqs));
  if (spec.mel) impl->mel = SparseOf(MelscaleFbanks(impl->n_freqs, *spec.mel, spec.sample_rate));
  if (spec.op == AudioOp::kMfcc) {
    const AudioMatrix<double> dct = CreateDct(spec.n_mfcc, spec.mel->n_mels);
    for (int k = 0; k < dct.cols; ++k) {
      for (int n = 0; n < dct.rows; ++n) impl->dct.push_back(static_cast<float>(dct.at(n, k)));
    }
  }
  // The first transform makes Eigen's plan and twiddles: done here, not in Run.
  impl->fft.fwd(impl->spectrum.data(), impl->frame.data(), stft.n_fft);
  return AudioFeaturePlan(std::move(impl));
}

Result<AudioMatrix<float>> AudioFeaturePlan::Run(std::span<const float> samples) {
  Impl& p = *impl_;
  const AudioFeatureSpec& spec = p.spec;
  if (Result<bool> ok = CheckAudioFeatureSpec(spec, static_cast<long long>(samples.size())); !ok) {
    return ok.failure();
  }
  PadInto(samples, spec.stft, &p.padded);
  const int frames = static_cast<int>(FrameCount(static_cast<long long>(samples.size()), spec.stft));
  const int n_mels = spec.mel ? spec.mel->n_mels : 0;
  AudioMatrix<float> out(spec.mel ? n_mels : p.n_freqs, frames);
  for (int t = 0; t < frames; ++t) {
    p.Transform(t);
    if (!spec.mel) {
      for (int k = 0; k < p.n_freqs; ++k) out.at(k, t) = p.bins[k];
      continue;
    }
    for (int m = 0; m < n_mels; ++m) {
      const float* w = p.mel.weights.data() + p.mel.offset[m];
      const float* b = p.bins.data() + p.mel.first_bin[m];
      const int count = p.mel.offset[m + 1] - p.mel.offset[m];
      float sum = 0.0f;
      for (int i = 0; i < count; ++i) sum += w[i] * b[i];
      out.at(m, t) = sum;
    }
  }
  if (spec.op == AudioOp::kMfcc) {
    p.Decibels(&out, 2.0, MfccDbSpec());
    return p.Mfcc(out);
  }
  if (spec.db) p.Decibels(&out, spec.stft.power, *spec.db);
  return out;
}

Result<AudioMatrix<float>> ComputeAudioFeatures(std::span<const float> samples, const AudioFeatureSpec& spec) {
  Result<AudioFeaturePlan> plan = AudioFeaturePlan::Create(spec);
  if (!plan) return plan.failure();
  return plan.value().Run(samples);
}

}  // namespace convstep::audio
