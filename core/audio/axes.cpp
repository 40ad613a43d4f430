#include "core/audio/axes.h"

#include <algorithm>

#include "core/audio/mel.h"

namespace convstep::audio {

double BinFrequency(int k, const StftSpec& stft, int sample_rate) {
  return static_cast<double>(k) * sample_rate / stft.n_fft;
}

Interval BinBand(int k, const StftSpec& stft, int sample_rate) {
  const double half_bin = 0.5 * sample_rate / stft.n_fft;
  const double centre = BinFrequency(k, stft, sample_rate);
  return {std::max(0.0, centre - half_bin), std::min(sample_rate / 2.0, centre + half_bin)};
}

std::vector<double> MelCenterFrequencies(const MelSpec& mel, int sample_rate) {
  const std::vector<double> points = MelPoints(mel, sample_rate);
  return {points.begin() + 1, points.end() - 1};
}

Interval MelBand(int m, const MelSpec& mel, int sample_rate) {
  const std::vector<double> points = MelPoints(mel, sample_rate);
  return {points[m], points[m + 2]};
}

double FrameTime(int t, const StftSpec& stft, int sample_rate) {
  const double start = static_cast<double>(t) * stft.hop_length;
  return (stft.center ? start : start + stft.n_fft / 2) / sample_rate;
}

Interval FrameSpan(int t, const StftSpec& stft, int sample_rate) {
  const long long pad = stft.center ? stft.n_fft / 2 : 0;
  const long long first = static_cast<long long>(t) * stft.hop_length - pad + (stft.n_fft - stft.WinLength()) / 2;
  return {static_cast<double>(first) / sample_rate, static_cast<double>(first + stft.WinLength()) / sample_rate};
}

}  // namespace convstep::audio
