// How a sound becomes the convolution's input: its waveform (a 1-D
// convolution over the samples), or its spectrogram, mel spectrogram or
// MFCC (a 2-D convolution over a grid of bands × frames), with the kernels
// that show something on each and the axes in hertz and seconds. Pure:
// tested without a window; the dialog (app/panels/sound_import_dialog.cpp)
// chooses the options and document.h's ImportSound commits the result.
#pragma once

#include <optional>
#include <string>

#include "app/sound/sound_file.h"
#include "core/audio/audio_spec.h"
#include "core/conv/conv_spec.h"
#include "core/session/input_axes.h"

namespace convstep {

enum class SoundView { kWaveform, kSpectrogram, kMel, kMfcc };

struct SoundImportOptions {
  SoundView view = SoundView::kMel;
  std::optional<int> channel;  // nothing: the channels averaged
  int rate = 16000;            // Hz the sound is resampled to; 0: the file's own
  double start_seconds = 0;
  double length_seconds = 2;   // 0: to the end
  int n_fft = 1024;
  int hop_length = 256;
  int n_mels = 64;
  int n_mfcc = 13;
  double top_db = 80;          // dB below the loudest cell where the grid stops
};

// A waveform holds at most this many samples (the longest padded row the
// core takes), a spectrogram at most this many frames.
constexpr int kMaxWaveformSamples = 16000;
constexpr int kMaxSpectrogramFrames = 2048;

// What the grid holds, e.g. "64 mel bands × 126 frames (2.00 s)".
struct SoundInput {
  Conv2dSpec conv;  // the grid as input, with kernels and padding for it
  InputAxes axes;
};

// The input the options make of a sound already read (its samples at
// options.rate). Spectrogram rows are drawn from the highest band at the
// top to the lowest at the bottom; decibels are against the loudest cell
// (librosa's ref=np.max) and rounded to 0.01, like every value, so the
// arithmetic of a step reads.
Result<SoundInput> SoundToInput(const Sound& sound, const SoundImportOptions& options, const std::string& source);

// The read options that go with the import options.
SoundReadOptions ReadOptionsOf(const SoundImportOptions& options);

// The spectrogram's computation (torchaudio's names) for the options.
audio::AudioFeatureSpec FeatureSpecOf(const SoundImportOptions& options, int rate);

}  // namespace convstep
