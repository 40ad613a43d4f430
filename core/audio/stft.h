// The short-time Fourier transform as torch.stft computes it, in float64 and
// written to be read: pad, cut frames, window, DFT (Eigen's FFT), magnitude.
// Every step is a function of its own so a lesson can show it.
#pragma once

#include <complex>
#include <span>
#include <vector>

#include "core/audio/audio_spec.h"
#include "core/base/result.h"

namespace convstep::audio {

// torch.hann_window(n, periodic=True): 0.5 - 0.5·cos(2πi / n), the window a
// spectrogram repeats without a seam from frame to frame.
std::vector<double> HannWindow(int n);

// The Hann window of win_length centred in n_fft samples, zeros on both
// sides ((n_fft - win_length) / 2 on the left), as torch.stft pads it.
std::vector<double> FrameWindow(const StftSpec& stft);

// The signal torch.stft cuts frames from: with center, n_fft / 2 samples
// added on both sides by reflection (x[1], x[2], … mirrored, the edge sample
// not repeated) or zeros; without, the signal itself. The spec is assumed
// checked (CheckAudioFeatureSpec).
std::vector<double> CenterPadded(std::span<const double> samples, const StftSpec& stft);

// Frame t of the padded signal times the window: n_fft samples from t·hop.
std::vector<double> WindowedFrame(std::span<const double> padded, const std::vector<double>& window,
                                  const StftSpec& stft, int t);

// The one-sided complex STFT, n_fft / 2 + 1 bins × frames (torch.stft with
// return_complex=True, onesided, not normalized).
Result<AudioMatrix<std::complex<double>>> Stft(std::span<const double> samples, const StftSpec& stft);

// |X| (power 1) or |X|² (power 2): torchaudio.transforms.Spectrogram.
Result<AudioMatrix<double>> Spectrogram(std::span<const double> samples, const StftSpec& stft);

}  // namespace convstep::audio
