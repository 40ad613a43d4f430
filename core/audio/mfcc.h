// Decibels and MFCCs as torchaudio computes them: AmplitudeToDB, create_dct
// and MFCC's last step.
#pragma once

#include "core/audio/audio_spec.h"

namespace convstep::audio {

// torchaudio.functional.amplitude_to_DB: m·log10(max(S, amin)) −
// m·log10(max(amin, ref)), m = 10 for a power spectrogram (power 2) and 20
// for a magnitude (power 1); then, with top_db, nothing below the largest
// value minus top_db. ref_is_max takes ref = max(S) (librosa's ref=np.max),
// so the loudest cell is 0 dB.
AudioMatrix<double> AmplitudeToDB(const AudioMatrix<double>& s, double power, const DbSpec& db);

// torchaudio.functional.create_dct(n_mfcc, n_mels, norm="ortho"): the
// orthonormal DCT-II, n_mels × n_mfcc as torchaudio lays it out; column k
// is cos(π / n_mels · (n + 0.5) · k), scaled so the columns are orthonormal.
AudioMatrix<double> CreateDct(int n_mfcc, int n_mels);

// dctᵀ · mel_db: the first n_mfcc coefficients of every frame.
AudioMatrix<double> ApplyDct(const AudioMatrix<double>& dct, const AudioMatrix<double>& mel_db);

}  // namespace convstep::audio
