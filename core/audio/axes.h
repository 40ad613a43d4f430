// What the axes of a spectrogram mean, for the window's tick labels and
// tooltips: the frequency of a bin or a mel band, the time of a frame, and
// what stretch of signal or spectrum one cell stands for.
#pragma once

#include <vector>

#include "core/audio/audio_spec.h"

namespace convstep::audio {

// From low to high: Hz for frequencies, seconds for times.
struct Interval {
  double low = 0.0;
  double high = 0.0;
};

// Bin k of the DFT is k cycles per frame: k · sample_rate / n_fft Hz.
double BinFrequency(int k, const StftSpec& stft, int sample_rate);

// The frequencies nearer to bin k than to its neighbours: half a bin on
// either side, kept within 0 to sample_rate / 2.
Interval BinBand(int k, const StftSpec& stft, int sample_rate);

// The peak of each mel band: torchaudio's mel points 1 to n_mels (MelPoints).
std::vector<double> MelCenterFrequencies(const MelSpec& mel, int sample_rate);

// Where band m is nonzero: from mel point m to mel point m + 2.
Interval MelBand(int m, const MelSpec& mel, int sample_rate);

// The centre of frame t's window in the signal's time: t · hop / sample_rate
// with center (the frame was padded to be centred there), and n_fft / 2
// samples later without.
double FrameTime(int t, const StftSpec& stft, int sample_rate);

// The samples frame t's window covers (win_length of them, centred in the
// frame), in seconds of the signal; with center the first and last frames
// reach before 0 and past the end, into the padding.
Interval FrameSpan(int t, const StftSpec& stft, int sample_rate);

}  // namespace convstep::audio
