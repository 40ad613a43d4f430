// A sound made into the input: the waveform as one row with its time axis
// and the low-pass / high-pass pair, a mel spectrogram flipped so the
// highest band is the top row with each row's frequency, MFCC rows as
// coefficients, values rounded to 0.01, and the limits said before
// anything is computed.
#include <cmath>

#include <gtest/gtest.h>

#include "app/state/sound_import.h"
#include "core/audio/axes.h"
#include "core/audio/features.h"

namespace convstep {
namespace {

// One second of a 1 kHz sine at 8 kHz, as if read from a file's 0.5 s on.
Sound Sine() {
  Sound s;
  s.rate = 8000;
  s.start_seconds = 0.5;
  for (int i = 0; i < 8000; ++i) s.samples.push_back(0.5 * std::sin(2 * M_PI * 1000.0 * i / 8000.0));
  return s;
}

TEST(SoundImport, AWaveformIsOneRowWithItsTimes) {
  SoundImportOptions o;
  o.view = SoundView::kWaveform;
  Result<SoundInput> in = SoundToInput(Sine(), o, "/tmp/sine.wav");
  ASSERT_TRUE(in.ok()) << in.error();
  const Tensor3& x = in->conv.input;
  EXPECT_EQ(x.c, 1);
  EXPECT_EQ(x.h, 1);
  EXPECT_EQ(x.w, 8000);
  EXPECT_DOUBLE_EQ(x.at(0, 0, 2), 0.5);   // sin(π/2), three decimals
  EXPECT_DOUBLE_EQ(x.at(0, 0, 1), 0.354);  // 0.5·sin(π/4) = 0.35355
  EXPECT_EQ(in->axes.rows, InputAxes::Rows::kWaveform);
  EXPECT_DOUBLE_EQ(in->axes.frame_seconds, 1.0 / 8000);
  EXPECT_DOUBLE_EQ(in->axes.start_seconds, 0.5);
  EXPECT_EQ(in->axes.source, "/tmp/sine.wav");
  // Two 9-tap filters with 'same' padding: a 1-D convolution as long as the sound.
  EXPECT_EQ(in->conv.weight.n, 2);
  EXPECT_EQ(in->conv.weight.h, 1);
  EXPECT_EQ(in->conv.weight.w, 9);
  EXPECT_DOUBLE_EQ(in->conv.weight.at(1, 0, 0, 4), 8.0 / 9.0);
  Result<Conv2dGeometry> g = ResolveConv2d(in->conv);
  ASSERT_TRUE(g.ok()) << g.error();
  EXPECT_TRUE(IsSignal(*g));
  EXPECT_EQ(g->out_w, 8000);
}

TEST(SoundImport, AWaveformTooLongToStepThroughIsRefused) {
  Sound s = Sine();
  s.samples.resize(kMaxWaveformSamples + 1, 0.0);
  SoundImportOptions o;
  o.view = SoundView::kWaveform;
  Result<SoundInput> in = SoundToInput(s, o, "long.wav");
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.failure().code, "sound.waveform_too_long");
  EXPECT_EQ(in.failure().args, (std::vector<std::string>{"16001", "16000", "2.00"}));
}

TEST(SoundImport, AMelSpectrogramHasItsHighestBandOnTop) {
  SoundImportOptions o;  // mel, n_fft 1024, hop 256, 64 bands
  o.n_fft = 256;
  o.hop_length = 128;
  o.n_mels = 20;
  Result<SoundInput> in = SoundToInput(Sine(), o, "sine.wav");
  ASSERT_TRUE(in.ok()) << in.error();
  const Tensor3& x = in->conv.input;
  const audio::AudioFeatureSpec spec = FeatureSpecOf(o, 8000);
  Result<audio::AudioMatrix<double>> m = audio::ComputeAudioFeatures(Sine().samples, spec);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(x.h, 20);
  ASSERT_EQ(x.w, m->cols);  // 1 + 8000 / 128 = 63 frames
  EXPECT_EQ(x.w, 63);
  for (int r = 0; r < 20; ++r) {
    for (int t = 0; t < x.w; t += 7) EXPECT_NEAR(x.at(0, 19 - r, t), m->at(r, t), 0.005 + 1e-12);
  }
  // The row holding 1 kHz is the loudest: 0 dB against the maximum.
  const std::vector<double> centres = audio::MelCenterFrequencies(*spec.mel, 8000);
  ASSERT_EQ(in->axes.row_hz.size(), 20u);
  EXPECT_DOUBLE_EQ(in->axes.row_hz.front(), centres.back());
  EXPECT_DOUBLE_EQ(in->axes.row_hz.back(), centres.front());
  EXPECT_GT(in->axes.row_hz.front(), in->axes.row_hz.back());
  EXPECT_TRUE(in->axes.mel);
  EXPECT_EQ(in->axes.unit, "dB");
  EXPECT_DOUBLE_EQ(in->axes.frame_seconds, 128.0 / 8000);
  EXPECT_DOUBLE_EQ(in->axes.window_seconds, 256.0 / 8000);
  // Every value to 0.01 dB, none above the maximum nor below it - 80 dB.
  for (double v : x.data) {
    EXPECT_DOUBLE_EQ(v, std::round(v * 100) / 100);
    EXPECT_LE(v, 0.0);
    EXPECT_GE(v, -80.0);
  }
  EXPECT_EQ(in->conv.weight.n, 3);
  EXPECT_EQ(in->conv.weight.h, 3);
  EXPECT_EQ(in->conv.padding_mode, PaddingMode::kReplicate);  // no 0 dB ring around the decibels
  EXPECT_DOUBLE_EQ(in->conv.weight.at(1, 0, 0, 1), 1.0);  // higher band minus lower
  EXPECT_DOUBLE_EQ(in->conv.weight.at(1, 0, 2, 1), -1.0);
}

TEST(SoundImport, MfccRowsAreCoefficients) {
  SoundImportOptions o;
  o.view = SoundView::kMfcc;
  o.n_fft = 256;
  o.hop_length = 128;
  o.n_mels = 20;
  o.n_mfcc = 8;
  Result<SoundInput> in = SoundToInput(Sine(), o, "sine.wav");
  ASSERT_TRUE(in.ok()) << in.error();
  EXPECT_EQ(in->conv.input.h, 8);
  EXPECT_EQ(in->axes.rows, InputAxes::Rows::kCoefficient);
  EXPECT_TRUE(in->axes.row_hz.empty());
}

TEST(SoundImport, BadSpectrogramOptionsAreRefusedNotComputed) {
  SoundImportOptions o;
  o.hop_length = 0;
  EXPECT_FALSE(SoundToInput(Sine(), o, "sine.wav").ok());
  o = SoundImportOptions{};
  o.n_fft = 0;
  EXPECT_FALSE(SoundToInput(Sine(), o, "sine.wav").ok());
  o = SoundImportOptions{};
  o.hop_length = 1;  // 8001 frames of 1 s at 8 kHz: more than the grid takes
  o.n_fft = 256;
  Result<SoundInput> in = SoundToInput(Sine(), o, "sine.wav");
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.failure().code, "sound.too_many_frames");
  EXPECT_FALSE(SoundToInput(Sound{}, SoundImportOptions{}, "empty.wav").ok());
}

}  // namespace
}  // namespace convstep
