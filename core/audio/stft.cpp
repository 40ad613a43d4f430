#include "core/audio/stft.h"

#include <cmath>
#include <numbers>

#include <unsupported/Eigen/FFT>

namespace convstep::audio {

namespace {

// Where padded position i (before the signal when negative) reads from, for
// torch's "reflect": about the first and last samples, which are not repeated.
long long Reflected(long long i, long long n) {
  if (i < 0) return -i;
  if (i >= n) return 2 * (n - 1) - i;
  return i;
}

// A checked spec is enough: the teaching path's only failure is a bad spec.
Result<bool> CheckStftOnly(const StftSpec& stft, size_t num_samples) {
  AudioFeatureSpec spec;
  spec.stft = stft;
  return CheckAudioFeatureSpec(spec, static_cast<long long>(num_samples));
}

}  // namespace

std::vector<double> HannWindow(int n) {
  std::vector<double> w(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) w[i] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / n);
  return w;
}

std::vector<double> FrameWindow(const StftSpec& stft) {
  const std::vector<double> hann = HannWindow(stft.WinLength());
  std::vector<double> w(static_cast<size_t>(stft.n_fft), 0.0);
  const int left = (stft.n_fft - stft.WinLength()) / 2;
  for (size_t i = 0; i < hann.size(); ++i) w[left + i] = hann[i];
  return w;
}

std::vector<double> CenterPadded(std::span<const double> samples, const StftSpec& stft) {
  if (!stft.center) return {samples.begin(), samples.end()};
  const long long pad = stft.n_fft / 2;
  const long long n = static_cast<long long>(samples.size());
  std::vector<double> padded(static_cast<size_t>(n + 2 * pad), 0.0);
  for (long long i = -pad; i < n + pad; ++i) {
    const bool inside = i >= 0 && i < n;
    if (inside || stft.pad_mode == PadMode::kReflect) padded[i + pad] = samples[Reflected(i, n)];
  }
  return padded;
}

std::vector<double> WindowedFrame(std::span<const double> padded, const std::vector<double>& window,
                                  const StftSpec& stft, int t) {
  std::vector<double> frame(static_cast<size_t>(stft.n_fft));
  const size_t start = static_cast<size_t>(t) * stft.hop_length;
  for (int i = 0; i < stft.n_fft; ++i) frame[i] = padded[start + i] * window[i];
  return frame;
}

Result<AudioMatrix<std::complex<double>>> Stft(std::span<const double> samples, const StftSpec& stft) {
  if (Result<bool> ok = CheckStftOnly(stft, samples.size()); !ok) return ok.failure();
  const std::vector<double> padded = CenterPadded(samples, stft);
  const std::vector<double> window = FrameWindow(stft);
  const int frames = static_cast<int>(FrameCount(static_cast<long long>(samples.size()), stft));
  AudioMatrix<std::complex<double>> out(stft.NumFreqs(), frames);
  // One FFT object: Eigen keeps the plan (twiddles, factors) per size in it.
  Eigen::FFT<double> fft;
  fft.SetFlag(Eigen::FFT<double>::HalfSpectrum);
  std::vector<std::complex<double>> spectrum(static_cast<size_t>(stft.NumFreqs()));
  for (int t = 0; t < frames; ++t) {
    const std::vector<double> frame = WindowedFrame(padded, window, stft, t);
    fft.fwd(spectrum.data(), frame.data(), stft.n_fft);
    for (int k = 0; k < out.rows; ++k) out.at(k, t) = spectrum[k];
  }
  return out;
}

Result<AudioMatrix<double>> Spectrogram(std::span<const double> samples, const StftSpec& stft) {
  Result<AudioMatrix<std::complex<double>>> x = Stft(samples, stft);
  if (!x) return x.failure();
  AudioMatrix<double> s(x->rows, x->cols);
  for (size_t i = 0; i < s.data.size(); ++i) {
    const double magnitude = std::abs(x->data[i]);
    s.data[i] = stft.power == 1.0 ? magnitude : magnitude * magnitude;
  }
  return s;
}

}  // namespace convstep::audio
