#include "core/audio/mel.h"

#include <algorithm>
#include <cmath>

namespace convstep::audio {

namespace {

// Slaney's scale (torchaudio's _hz_to_mel): linear up to 1 kHz, where it
// reaches 15 mels, then 27 mels per factor 6.4.
constexpr double kSlaneyHzPerMel = 200.0 / 3.0;
constexpr double kSlaneyLogHz = 1000.0;
constexpr double kSlaneyLogMel = kSlaneyLogHz / kSlaneyHzPerMel;
double SlaneyLogStep() { return std::log(6.4) / 27.0; }

// torch.linspace(start, end, steps): its first half counts up from start,
// its second half down from end, so both ends are exact.
std::vector<double> Linspace(double start, double end, int steps) {
  std::vector<double> v(static_cast<size_t>(steps));
  if (steps == 1) {
    v[0] = start;
    return v;
  }
  const double step = (end - start) / (steps - 1);
  const int halfway = steps / 2;
  for (int i = 0; i < steps; ++i) v[i] = i < halfway ? start + step * i : end - step * (steps - i - 1);
  return v;
}

}  // namespace

double HzToMel(double hz, MelScale scale) {
  if (scale == MelScale::kHtk) return 2595.0 * std::log10(1.0 + hz / 700.0);
  if (hz < kSlaneyLogHz) return hz / kSlaneyHzPerMel;
  return kSlaneyLogMel + std::log(hz / kSlaneyLogHz) / SlaneyLogStep();
}

double MelToHz(double mel, MelScale scale) {
  if (scale == MelScale::kHtk) return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0);
  if (mel < kSlaneyLogMel) return kSlaneyHzPerMel * mel;
  return kSlaneyLogHz * std::exp(SlaneyLogStep() * (mel - kSlaneyLogMel));
}

std::vector<double> MelPoints(const MelSpec& mel, int sample_rate) {
  const double m_min = HzToMel(mel.f_min, mel.mel_scale);
  const double m_max = HzToMel(mel.FMax(sample_rate), mel.mel_scale);
  std::vector<double> points = Linspace(m_min, m_max, mel.n_mels + 2);
  for (double& p : points) p = MelToHz(p, mel.mel_scale);
  return points;
}

AudioMatrix<double> MelscaleFbanks(int n_freqs, const MelSpec& mel, int sample_rate) {
  const std::vector<double> freqs = Linspace(0.0, static_cast<double>(sample_rate / 2), n_freqs);
  const std::vector<double> f = MelPoints(mel, sample_rate);
  AudioMatrix<double> fb(n_freqs, mel.n_mels);
  for (int m = 0; m < mel.n_mels; ++m) {
    // Slaney's norm makes every triangle's area the same (2 / its width).
    const double enorm = mel.norm == MelNorm::kSlaney ? 2.0 / (f[m + 2] - f[m]) : 1.0;
    for (int k = 0; k < n_freqs; ++k) {
      // torchaudio's _create_triangular_filterbank, term for term.
      const double down = (freqs[k] - f[m]) / (f[m + 1] - f[m]);
      const double up = (f[m + 2] - freqs[k]) / (f[m + 2] - f[m + 1]);
      fb.at(k, m) = std::max(0.0, std::min(down, up)) * enorm;
    }
  }
  return fb;
}

AudioMatrix<double> ApplyFilterBank(const AudioMatrix<double>& fbank, const AudioMatrix<double>& spectrogram) {
  AudioMatrix<double> out(fbank.cols, spectrogram.cols);
  for (int m = 0; m < fbank.cols; ++m) {
    for (int t = 0; t < spectrogram.cols; ++t) {
      double sum = 0.0;
      for (int k = 0; k < fbank.rows; ++k) sum += fbank.at(k, m) * spectrogram.at(k, t);
      out.at(m, t) = sum;
    }
  }
  return out;
}

}  // namespace convstep::audio
