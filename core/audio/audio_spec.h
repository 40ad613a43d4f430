// What a spectrogram, a mel spectrogram or an MFCC is computed from: the
// parameters of torch.stft / torchaudio.transforms.Spectrogram, MelSpectrogram,
// AmplitudeToDB and MFCC, with PyTorch's names, and the grid they come out as.
// Standard C++ only; the FFT (Eigen) stays inside the .cpp files.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/base/result.h"

namespace convstep::audio {

// rows × cols, row-major. Rows are frequency bins, mel bands or coefficients
// from low to high; columns are frames, as torchaudio's (..., freq, time).
template <typename T>
struct AudioMatrix {
  int rows = 0;
  int cols = 0;
  std::vector<T> data;

  AudioMatrix() = default;
  AudioMatrix(int r, int c) : rows(r), cols(c), data(static_cast<size_t>(r) * static_cast<size_t>(c)) {}
  T& at(int r, int c) { return data[static_cast<size_t>(r) * cols + c]; }
  const T& at(int r, int c) const { return data[static_cast<size_t>(r) * cols + c]; }
};

// torch.stft's pad_mode for center=true (the modes the course uses).
enum class PadMode { kReflect, kConstant };

struct StftSpec {
  int n_fft = 400;
  int hop_length = 200;
  int win_length = 0;  // 0: n_fft (torch's win_length=None)
  bool center = true;  // pad n_fft / 2 samples on both sides first
  PadMode pad_mode = PadMode::kReflect;
  double power = 2.0;  // 1: magnitude |X|, 2: power |X|²

  int WinLength() const { return win_length > 0 ? win_length : n_fft; }
  // The one-sided spectrum: bins 0 to n_fft / 2.
  int NumFreqs() const { return n_fft / 2 + 1; }
};

enum class MelScale { kHtk, kSlaney };
enum class MelNorm { kNone, kSlaney };

// torchaudio.functional.melscale_fbanks's parameters.
struct MelSpec {
  int n_mels = 128;
  double f_min = 0.0;
  std::optional<double> f_max;  // none: sample_rate // 2, as torchaudio
  MelScale mel_scale = MelScale::kHtk;
  MelNorm norm = MelNorm::kNone;

  double FMax(int sample_rate) const { return f_max ? *f_max : static_cast<double>(sample_rate / 2); }
};

// torchaudio.transforms.AmplitudeToDB, with librosa's ref=np.max as an option.
struct DbSpec {
  double amin = 1e-10;
  bool ref_is_max = false;  // true: ref is the spectrogram's own maximum
  double ref = 1.0;
  std::optional<double> top_db;  // none: no clipping
};

enum class AudioOp { kSpectrogram, kMfcc };

// One whole computation: the spectrogram, then optionally the mel filter
// bank and decibels (op spectrogram), or torchaudio's MFCC (op mfcc: mel
// power in dB with ref 1 and top_db 80, then the orthonormal DCT-II).
struct AudioFeatureSpec {
  AudioOp op = AudioOp::kSpectrogram;
  int sample_rate = 16000;
  StftSpec stft;
  std::optional<MelSpec> mel;  // required by op mfcc (torchaudio's defaults when absent)
  std::optional<DbSpec> db;    // op spectrogram only: MFCC's decibels are fixed
  int n_mfcc = 40;
};

// torchaudio.transforms.MFCC's fixed decibel step.
DbSpec MfccDbSpec();

// Limits past which a spec is a typing mistake, not a lesson: every reader
// and every computation checks them before allocating, so a broken spec
// cannot make the program take much memory.
constexpr int kMaxAudioSamples = 48000 * 600;  // ten minutes at 48 kHz
constexpr int kMaxSampleRate = 768000;
constexpr int kMaxNfft = 1 << 16;
constexpr int kMaxMels = 1024;
constexpr long long kMaxAudioValues = 1LL << 24;  // values of any one grid computed on the way

// The number of STFT frames of a signal of `num_samples` (torch.stft's
// 1 + (padded length - n_fft) / hop), or 0 when no frame fits.
long long FrameCount(long long num_samples, const StftSpec& stft);

// Whether `spec` can be computed on `num_samples` samples: every parameter
// within torch's rules and the limits above, the output within
// kMaxAudioValues. The message names the parameter as the JSON spells it.
Result<bool> CheckAudioFeatureSpec(const AudioFeatureSpec& spec, long long num_samples);

}  // namespace convstep::audio
