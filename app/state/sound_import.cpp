#include "app/state/sound_import.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/audio/axes.h"
#include "core/audio/features.h"

namespace convstep {

namespace {

double Rounded(double v) { return std::round(v * 100.0) / 100.0 + 0.0; }  // + 0.0: no "-0"

// Two 9-tap filters: the average keeps the low frequencies, the sample
// minus the average the high ones; 'same' keeps the output as long.
Conv2dSpec WaveformConv(Tensor3 input) {
  Conv2dSpec conv;
  conv.input = std::move(input);
  conv.weight = Tensor4(2, 1, 1, 9, 1.0 / 9.0);
  for (int k = 0; k < 9; ++k) conv.weight.at(1, 0, 0, k) = k == 4 ? 8.0 / 9.0 : -1.0 / 9.0;
  conv.padding.kind = PaddingSpec::Kind::kSame;
  return conv;
}

// Three 3×3 kernels over bands × frames: later minus earlier (onsets),
// higher band minus lower (the edges of harmonics), and the average.
Conv2dSpec SpectrogramConv(Tensor3 input) {
  Conv2dSpec conv;
  conv.input = std::move(input);
  conv.weight = Tensor4(3, 1, 3, 3, 1.0 / 9.0);
  for (int y = 0; y < 3; ++y) {
    for (int x = 0; x < 3; ++x) {
      conv.weight.at(0, 0, y, x) = x - 1;
      conv.weight.at(1, 0, y, x) = 1 - y;  // the top row is the higher band
    }
  }
  conv.padding = {PaddingSpec::Kind::kExplicit, 1, 1, 1, 1};
  // Zeros around decibels would be the loudest cells of all (the grid
  // holds 0 dB at its loudest and -80 dB in silence): the edge repeats.
  conv.padding_mode = PaddingMode::kReplicate;
  return conv;
}

Result<SoundInput> Waveform(const Sound& sound, const std::string& source) {
  const int n = static_cast<int>(sound.samples.size());
  if (n > kMaxWaveformSamples) {
    char most[32];
    std::snprintf(most, sizeof most, "%.2f", static_cast<double>(kMaxWaveformSamples) / sound.rate);
    return Error{"sound.waveform_too_long", {std::to_string(n), std::to_string(kMaxWaveformSamples), most},
                 "the waveform has " + std::to_string(n) + " samples: at most " + std::to_string(kMaxWaveformSamples) +
                     " (" + most + " s at this rate) can be stepped through; choose a shorter part or a lower rate"};
  }
  Tensor3 grid(1, 1, n);
  std::transform(sound.samples.begin(), sound.samples.end(), grid.data.begin(), [](double v) {
    return std::round(v * 1000.0) / 1000.0 + 0.0;  // three decimals: a 16-bit sample to 0.1 %
  });
  SoundInput in{WaveformConv(std::move(grid)), {}};
  in.axes.rows = InputAxes::Rows::kWaveform;
  in.axes.frame_seconds = 1.0 / sound.rate;
  in.axes.start_seconds = sound.start_seconds;
  in.axes.source = source;
  return in;
}

// Each row's centre frequency, lowest first as the features come.
std::vector<double> RowFrequencies(const audio::AudioFeatureSpec& spec, int rows) {
  if (spec.mel) return audio::MelCenterFrequencies(*spec.mel, spec.sample_rate);
  std::vector<double> hz;
  for (int k = 0; k < rows; ++k) hz.push_back(audio::BinFrequency(k, spec.stft, spec.sample_rate));
  return hz;
}

}  // namespace

SoundReadOptions ReadOptionsOf(const SoundImportOptions& o) {
  SoundReadOptions read;
  read.channel = o.channel;
  read.rate = o.rate;
  read.start_seconds = o.start_seconds;
  read.length_seconds = o.length_seconds;
  return read;
}

audio::AudioFeatureSpec FeatureSpecOf(const SoundImportOptions& o, int rate) {
  audio::AudioFeatureSpec spec;
  spec.sample_rate = rate;
  spec.stft.n_fft = o.n_fft;
  spec.stft.hop_length = o.hop_length;
  spec.stft.power = 2.0;
  if (o.view == SoundView::kMel || o.view == SoundView::kMfcc) {
    audio::MelSpec mel;
    mel.n_mels = o.n_mels;
    spec.mel = mel;
  }
  if (o.view == SoundView::kMfcc) {
    spec.op = audio::AudioOp::kMfcc;
    spec.n_mfcc = o.n_mfcc;
  } else {
    audio::DbSpec db;
    db.ref_is_max = true;
    db.top_db = o.top_db;
    spec.db = db;
  }
  return spec;
}

Result<SoundInput> SoundToInput(const Sound& sound, const SoundImportOptions& o, const std::string& source) {
  if (sound.samples.empty() || sound.rate <= 0) return Error{"sound.empty", {}, "the sound is empty"};
  if (o.view == SoundView::kWaveform) return Waveform(sound, source);
  const audio::AudioFeatureSpec spec = FeatureSpecOf(o, sound.rate);
  if (Result<bool> valid = audio::CheckAudioFeatureSpec(spec, static_cast<long long>(sound.samples.size())); !valid) {
    return valid.failure();
  }
  const long long frames = audio::FrameCount(static_cast<long long>(sound.samples.size()), spec.stft);
  if (frames > kMaxSpectrogramFrames) {
    return Error{"sound.too_many_frames", {std::to_string(frames), std::to_string(kMaxSpectrogramFrames)},
                 "the spectrogram would have " + std::to_string(frames) + " frames: at most " +
                     std::to_string(kMaxSpectrogramFrames) + "; choose a shorter part or a longer hop"};
  }
  Result<audio::AudioMatrix<double>> features = audio::ComputeAudioFeatures(sound.samples, spec);
  if (!features) return features.failure();
  const audio::AudioMatrix<double>& m = *features;
  // Drawn as every audio tool draws it: the lowest band at the bottom.
  Tensor3 grid(1, m.rows, m.cols);
  for (int r = 0; r < m.rows; ++r) {
    for (int t = 0; t < m.cols; ++t) grid.at(0, m.rows - 1 - r, t) = Rounded(m.at(r, t));
  }
  SoundInput in{SpectrogramConv(std::move(grid)), {}};
  InputAxes& axes = in.axes;
  if (o.view == SoundView::kMfcc) {
    axes.rows = InputAxes::Rows::kCoefficient;
  } else {
    axes.rows = InputAxes::Rows::kHertz;
    axes.row_hz = RowFrequencies(spec, m.rows);
    std::reverse(axes.row_hz.begin(), axes.row_hz.end());
    axes.unit = "dB";
  }
  axes.mel = spec.mel.has_value();
  axes.frame_seconds = static_cast<double>(spec.stft.hop_length) / sound.rate;
  axes.start_seconds = sound.start_seconds;
  axes.window_seconds = static_cast<double>(spec.stft.WinLength()) / sound.rate;
  axes.source = source;
  return in;
}

}  // namespace convstep
