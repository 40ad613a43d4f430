// The mel filter bank as torchaudio.functional.melscale_fbanks builds it, and
// its use: triangles spaced evenly in mels, applied to a spectrogram.
#pragma once

#include <vector>

#include "core/audio/audio_spec.h"
#include "core/base/result.h"

namespace convstep::audio {

// Hertz to mels and back. HTK: 2595·log10(1 + f / 700). Slaney (librosa's
// default): linear below 1 kHz (3 mels per 200 Hz), logarithmic above.
double HzToMel(double hz, MelScale scale);
double MelToHz(double mel, MelScale scale);

// torchaudio's f_pts: n_mels + 2 frequencies in Hz, evenly spaced in mels
// from f_min to f_max. Band m rises from point m, peaks at point m + 1 and
// falls to zero at point m + 2.
std::vector<double> MelPoints(const MelSpec& mel, int sample_rate);

// melscale_fbanks(n_freqs, f_min, f_max, n_mels, sample_rate, norm,
// mel_scale): n_freqs × n_mels, as torchaudio lays it out (column m is band
// m's weight on each bin). The bins' frequencies are
// linspace(0, sample_rate // 2, n_freqs), as torchaudio takes them.
AudioMatrix<double> MelscaleFbanks(int n_freqs, const MelSpec& mel, int sample_rate);

// fbankᵀ · spectrogram: n_mels × frames (MelScale's forward).
AudioMatrix<double> ApplyFilterBank(const AudioMatrix<double>& fbank, const AudioMatrix<double>& spectrogram);

}  // namespace convstep::audio
