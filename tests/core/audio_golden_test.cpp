// Every audio reference case of torchaudio 0.13 (tests/data/audio_cases.json)
// through the float64 path; the float32 path against the float64 one on a
// long chirp; and small checks that need no reference: a naive DFT, the
// Hann window, the mel filters' sums, the DCT's orthonormality, decibels
// worked by hand, the axes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <random>
#include <vector>

#include "core/audio/axes.h"
#include "core/audio/features.h"
#include "core/audio/mel.h"
#include "core/audio/mfcc.h"
#include "core/audio/stft.h"
#include "core/formats/audio_spec_json.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using audio::AudioFeatureSpec;
using audio::AudioMatrix;
using testing::LoadGolden;

constexpr size_t kCases = 30;

double LargestMagnitude(const Json& values) {
  double largest = 0.0;
  for (const Json& row : values) {
    for (const Json& v : row) largest = std::max(largest, std::abs(v.get<double>()));
  }
  return largest;
}

AudioSpec GoldenAudioSpec(const Json& spec) {
  Result<AudioSpec> s = AudioSpecFromJson(spec);
  EXPECT_TRUE(s.ok()) << (s ? "" : s.error());
  return s ? *s : AudioSpec{};
}

// The golden README's rule: within 1e-7 × max(1, the case's largest |value|),
// or within 1e-7 of the value itself.
template <typename T>
void ExpectCaseNear(const Json& expect, const AudioMatrix<T>& got, double relative) {
  ASSERT_EQ(got.rows, expect["shape"][0].get<int>());
  ASSERT_EQ(got.cols, expect["shape"][1].get<int>());
  const double scale = std::max(1.0, LargestMagnitude(expect["values"]));
  for (int r = 0; r < got.rows; ++r) {
    for (int c = 0; c < got.cols; ++c) {
      const double want = expect["values"][r][c].get<double>();
      const double diff = std::abs(want - static_cast<double>(got.at(r, c)));
      EXPECT_TRUE(diff <= relative * scale || diff <= relative * std::abs(want))
          << "row " << r << ", frame " << c << ": want " << want << ", got " << got.at(r, c);
    }
  }
}

TEST(AudioGolden, EveryReferenceCaseInFloat64) {
  const Json cases = LoadGolden("audio_cases.json");
  ASSERT_EQ(cases.size(), kCases);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const AudioSpec spec = GoldenAudioSpec(cases[i]["spec"]);
    Result<AudioMatrix<double>> got = audio::ComputeAudioFeatures(spec.samples, spec.features);
    ASSERT_TRUE(got.ok()) << got.error();
    ExpectCaseNear(cases[i]["expect"], *got, 1e-7);
  }
}

// float32 carries 7 digits; a cell far below the loudest is noise in the
// last of them, so the same rule at 1e-3 holds for every case.
TEST(AudioGolden, EveryReferenceCaseInFloat32) {
  const Json cases = LoadGolden("audio_cases.json");
  ASSERT_EQ(cases.size(), kCases);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const AudioSpec spec = GoldenAudioSpec(cases[i]["spec"]);
    const std::vector<float> samples(spec.samples.begin(), spec.samples.end());
    Result<AudioMatrix<float>> got = audio::ComputeAudioFeatures(samples, spec.features);
    ASSERT_TRUE(got.ok()) << got.error();
    ExpectCaseNear(cases[i]["expect"], *got, 1e-3);
  }
}

// The op of every case, and the options the cases cover, so a smaller file
// would be noticed.
TEST(AudioGolden, TheCasesCoverEveryOption) {
  const Json cases = LoadGolden("audio_cases.json");
  int mfcc = 0, mel = 0, db = 0, constant = 0, uncentred = 0, short_window = 0, magnitude = 0;
  for (const Json& c : cases) {
    const AudioFeatureSpec f = GoldenAudioSpec(c["spec"]).features;
    mfcc += f.op == audio::AudioOp::kMfcc;
    mel += f.mel.has_value();
    db += f.db.has_value();
    constant += f.stft.pad_mode == audio::PadMode::kConstant;
    uncentred += !f.stft.center;
    short_window += f.stft.WinLength() < f.stft.n_fft;
    magnitude += f.stft.power == 1.0;
  }
  EXPECT_EQ(mfcc, 4);
  EXPECT_GT(mel, 10);
  EXPECT_GT(db, 3);
  EXPECT_GT(constant, 0);
  EXPECT_GT(uncentred, 0);
  EXPECT_GT(short_window, 0);
  EXPECT_GT(magnitude, 0);
}

// A 30 s linear chirp from 50 Hz to 10 kHz with a little noise at 22050 Hz.
std::vector<double> Chirp(int seconds, int sample_rate) {
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0.0, 0.01);
  const int n = seconds * sample_rate;
  std::vector<double> x(static_cast<size_t>(n));
  const double f0 = 50.0, f1 = 10000.0, duration = seconds;
  for (int i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / sample_rate;
    const double phase = 2.0 * std::numbers::pi * (f0 * t + 0.5 * (f1 - f0) / duration * t * t);
    x[i] = 0.5 * std::sin(phase) + noise(rng);
  }
  return x;
}

double MaxAbsDifference(const AudioMatrix<double>& want, const AudioMatrix<float>& got) {
  double diff = 0.0;
  for (size_t i = 0; i < want.data.size(); ++i) {
    diff = std::max(diff, std::abs(want.data[i] - static_cast<double>(got.data[i])));
  }
  return diff;
}

double MaxAbs(const AudioMatrix<double>& m) {
  double largest = 0.0;
  for (double v : m.data) largest = std::max(largest, std::abs(v));
  return largest;
}

AudioFeatureSpec LogMelSpec() {
  AudioFeatureSpec spec;
  spec.sample_rate = 22050;
  spec.stft.n_fft = 2048;
  spec.stft.hop_length = 512;
  spec.mel = audio::MelSpec{};
  spec.db = audio::DbSpec{};
  spec.db->top_db = 80.0;
  return spec;
}

// Tolerances, stated (measured: 2.9e-7, 0.0005 dB, 0.00008): the power
// spectrogram within 2e-6 of its largest value; the log-mel spectrogram
// (top_db 80) within 0.005 dB; the MFCCs within 0.001.
TEST(AudioFloat32, MatchesFloat64OnALongChirp) {
  const std::vector<double> x = Chirp(30, 22050);
  const std::vector<float> xf(x.begin(), x.end());
  AudioFeatureSpec power = LogMelSpec();
  power.mel.reset();
  power.db.reset();
  AudioFeatureSpec mfcc = LogMelSpec();
  mfcc.op = audio::AudioOp::kMfcc;
  mfcc.db.reset();
  mfcc.n_mfcc = 20;
  struct Case {
    const char* name;
    AudioFeatureSpec spec;
    bool relative;
    double tolerance;
  };
  for (const Case& c : {Case{"power", power, true, 2e-6}, Case{"log-mel", LogMelSpec(), false, 0.005},
                        Case{"mfcc", mfcc, false, 0.001}}) {
    SCOPED_TRACE(c.name);
    Result<AudioMatrix<double>> want = audio::ComputeAudioFeatures(x, c.spec);
    Result<AudioMatrix<float>> got = audio::ComputeAudioFeatures(xf, c.spec);
    ASSERT_TRUE(want.ok()) << want.error();
    ASSERT_TRUE(got.ok()) << got.error();
    ASSERT_EQ(got->rows, want->rows);
    ASSERT_EQ(got->cols, want->cols);
    const double diff = MaxAbsDifference(*want, *got);
    const double bound = c.relative ? c.tolerance * MaxAbs(*want) : c.tolerance;
    EXPECT_LE(diff, bound) << "largest |value| " << MaxAbs(*want);
    std::cout << c.name << ": max |float32 - float64| = " << diff << " (bound " << bound << ")\n";
  }
}

TEST(AudioFloat32, APlanRunsOnClipsOfAnyLength) {
  Result<audio::AudioFeaturePlan> plan = audio::AudioFeaturePlan::Create(LogMelSpec());
  ASSERT_TRUE(plan.ok()) << plan.error();
  for (int n : {1025, 5000, 22050}) {
    const std::vector<double> x = Chirp(1, 22050);
    const std::vector<double> part(x.begin(), x.begin() + n);
    const std::vector<float> partf(part.begin(), part.end());
    Result<AudioMatrix<float>> got = plan.value().Run(partf);
    Result<AudioMatrix<double>> want = audio::ComputeAudioFeatures(part, LogMelSpec());
    ASSERT_TRUE(got.ok() && want.ok());
    EXPECT_EQ(got->cols, 1 + n / 512);
    EXPECT_LE(MaxAbsDifference(*want, *got), 0.01);
  }
  // A clip too short to reflect is refused by Run as by the float64 path.
  EXPECT_FALSE(plan.value().Run(std::vector<float>(1024, 0.0f)).ok());
}

// The DFT written out: X[k] = Σ x[n]·e^(−2πi·kn/N), for sizes Eigen does in
// its real-input way (a multiple of 4) and in its general one.
TEST(AudioStft, MatchesANaiveDft) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<double> x(300);
  for (double& v : x) v = u(rng);
  for (int n_fft : {16, 12, 9, 30}) {
    SCOPED_TRACE("n_fft " + std::to_string(n_fft));
    audio::StftSpec stft;
    stft.n_fft = n_fft;
    stft.hop_length = 7;
    stft.win_length = n_fft - 2;
    Result<AudioMatrix<std::complex<double>>> got = audio::Stft(x, stft);
    ASSERT_TRUE(got.ok()) << got.error();
    const std::vector<double> padded = audio::CenterPadded(x, stft);
    const std::vector<double> window = audio::FrameWindow(stft);
    for (int t : {0, 1, got->cols / 2, got->cols - 1}) {
      const std::vector<double> frame = audio::WindowedFrame(padded, window, stft, t);
      for (int k = 0; k < got->rows; ++k) {
        std::complex<double> sum = 0.0;
        for (int i = 0; i < n_fft; ++i) sum += frame[i] * std::polar(1.0, -2.0 * std::numbers::pi * k * i / n_fft);
        EXPECT_NEAR(std::abs(sum - got->at(k, t)), 0.0, 1e-12) << "bin " << k << ", frame " << t;
      }
    }
  }
}

TEST(AudioStft, PeriodicHannWindowCentredInTheFrame) {
  const std::vector<double> hann = audio::HannWindow(8);
  const std::vector<double> want{0.0, 0.5 - std::sqrt(0.125), 0.5, 0.5 + std::sqrt(0.125),
                                 1.0, 0.5 + std::sqrt(0.125), 0.5, 0.5 - std::sqrt(0.125)};
  ASSERT_EQ(hann.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(hann[i], want[i], 1e-15) << i;
  audio::StftSpec stft;
  stft.n_fft = 9;
  stft.win_length = 4;
  const std::vector<double> framed = audio::FrameWindow(stft);
  const std::vector<double> framed_want{0, 0, 0, 0.5, 1, 0.5, 0, 0, 0};
  ASSERT_EQ(framed.size(), framed_want.size());
  for (size_t i = 0; i < framed.size(); ++i) EXPECT_NEAR(framed[i], framed_want[i], 1e-15) << i;
}

TEST(AudioStft, CentrePaddingReflectsWithoutRepeatingTheEdge) {
  const std::vector<double> x{1, 2, 3, 4, 5};
  audio::StftSpec stft;
  stft.n_fft = 4;
  EXPECT_EQ(audio::CenterPadded(x, stft), (std::vector<double>{3, 2, 1, 2, 3, 4, 5, 4, 3}));
  stft.pad_mode = audio::PadMode::kConstant;
  EXPECT_EQ(audio::CenterPadded(x, stft), (std::vector<double>{0, 0, 1, 2, 3, 4, 5, 0, 0}));
  stft.center = false;
  EXPECT_EQ(audio::CenterPadded(x, stft), x);
  EXPECT_EQ(audio::FrameCount(5, stft), 1);  // hop 200: 1 + (5 - 4) / 200
  EXPECT_EQ(audio::FrameCount(3, stft), 0);
}

// HTK triangles without a norm overlap so that, between the first and the
// last peak, every bin's weights add up to 1.
TEST(AudioMel, UnnormalisedFiltersSumToOneBetweenTheOuterPeaks) {
  for (audio::MelScale scale : {audio::MelScale::kHtk, audio::MelScale::kSlaney}) {
    audio::MelSpec mel;
    mel.n_mels = 40;
    mel.mel_scale = scale;
    const int sr = 16000, n_freqs = 1025;
    const AudioMatrix<double> fb = audio::MelscaleFbanks(n_freqs, mel, sr);
    const std::vector<double> peaks = audio::MelCenterFrequencies(mel, sr);
    int checked = 0;
    for (int k = 0; k < n_freqs; ++k) {
      const double f = k * (sr / 2.0) / (n_freqs - 1);
      if (f < peaks.front() || f > peaks.back()) continue;
      double sum = 0.0;
      for (int m = 0; m < mel.n_mels; ++m) sum += fb.at(k, m);
      EXPECT_NEAR(sum, 1.0, 1e-12) << "bin " << k;
      ++checked;
    }
    EXPECT_GT(checked, 900);
  }
}

// Slaney's norm gives every triangle (height 2 / width) an area of 1 Hz⁻¹·Hz.
TEST(AudioMel, SlaneyNormGivesEveryFilterUnitArea) {
  audio::MelSpec mel;
  mel.n_mels = 20;
  mel.norm = audio::MelNorm::kSlaney;
  const int sr = 16000, n_freqs = 4097;
  const AudioMatrix<double> fb = audio::MelscaleFbanks(n_freqs, mel, sr);
  const double bin_hz = (sr / 2.0) / (n_freqs - 1);
  for (int m = 0; m < mel.n_mels; ++m) {
    double area = 0.0;
    for (int k = 0; k < n_freqs; ++k) area += fb.at(k, m) * bin_hz;
    EXPECT_NEAR(area, 1.0, 0.02) << "band " << m;
  }
}

TEST(AudioMel, ScalesAndTheirInverses) {
  EXPECT_NEAR(audio::HzToMel(700.0, audio::MelScale::kHtk), 2595.0 * std::log10(2.0), 1e-12);
  EXPECT_NEAR(audio::HzToMel(1000.0, audio::MelScale::kSlaney), 15.0, 1e-12);
  EXPECT_NEAR(audio::HzToMel(6400.0, audio::MelScale::kSlaney), 42.0, 1e-12);
  for (double hz : {0.0, 50.0, 999.0, 1000.0, 4321.0, 11025.0}) {
    for (audio::MelScale s : {audio::MelScale::kHtk, audio::MelScale::kSlaney}) {
      EXPECT_NEAR(audio::MelToHz(audio::HzToMel(hz, s), s), hz, 1e-9);
    }
  }
}

TEST(AudioMfcc, TheDctIsOrthonormal) {
  const AudioMatrix<double> dct = audio::CreateDct(16, 16);
  for (int a = 0; a < 16; ++a) {
    for (int b = 0; b < 16; ++b) {
      double dot = 0.0;
      for (int n = 0; n < 16; ++n) dot += dct.at(n, a) * dct.at(n, b);
      EXPECT_NEAR(dot, a == b ? 1.0 : 0.0, 1e-12) << a << ", " << b;
    }
  }
}

void ExpectValuesNear(const AudioMatrix<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.data.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got.data[i], want[i], 1e-12) << i;
}

TEST(AudioMfcc, DecibelsWorkedByHand) {
  AudioMatrix<double> s(2, 2);
  s.data = {1.0, 0.1, 1e-12, 100.0};
  audio::DbSpec db;
  ExpectValuesNear(audio::AmplitudeToDB(s, 2.0, db), {0.0, -10.0, -100.0, 20.0});
  ExpectValuesNear(audio::AmplitudeToDB(s, 1.0, db), {0.0, -20.0, -200.0, 40.0});
  db.top_db = 30.0;
  ExpectValuesNear(audio::AmplitudeToDB(s, 2.0, db), {0.0, -10.0, -10.0, 20.0});
  db.ref_is_max = true;
  ExpectValuesNear(audio::AmplitudeToDB(s, 2.0, db), {-20.0, -30.0, -30.0, 0.0});
}

TEST(AudioAxes, HertzAndSeconds) {
  audio::StftSpec stft;
  stft.n_fft = 512;
  stft.hop_length = 128;
  stft.win_length = 256;
  const int sr = 16000;
  EXPECT_DOUBLE_EQ(audio::BinFrequency(0, stft, sr), 0.0);
  EXPECT_DOUBLE_EQ(audio::BinFrequency(32, stft, sr), 1000.0);
  EXPECT_DOUBLE_EQ(audio::BinFrequency(256, stft, sr), 8000.0);
  EXPECT_DOUBLE_EQ(audio::BinBand(32, stft, sr).low, 984.375);
  EXPECT_DOUBLE_EQ(audio::BinBand(32, stft, sr).high, 1015.625);
  EXPECT_DOUBLE_EQ(audio::BinBand(0, stft, sr).low, 0.0);
  EXPECT_DOUBLE_EQ(audio::BinBand(256, stft, sr).high, 8000.0);
  EXPECT_DOUBLE_EQ(audio::FrameTime(10, stft, sr), 0.08);
  // Frame 10 of a centred STFT: its window's 256 samples around 1280.
  EXPECT_DOUBLE_EQ(audio::FrameSpan(10, stft, sr).low, 1152.0 / sr);
  EXPECT_DOUBLE_EQ(audio::FrameSpan(10, stft, sr).high, 1408.0 / sr);
  stft.center = false;
  EXPECT_DOUBLE_EQ(audio::FrameTime(10, stft, sr), 1536.0 / sr);
  EXPECT_DOUBLE_EQ(audio::FrameSpan(10, stft, sr).low, 1408.0 / sr);

  audio::MelSpec mel;
  mel.n_mels = 8;
  const std::vector<double> points = audio::MelPoints(mel, sr);
  const std::vector<double> centres = audio::MelCenterFrequencies(mel, sr);
  ASSERT_EQ(points.size(), 10u);
  ASSERT_EQ(centres.size(), 8u);
  EXPECT_DOUBLE_EQ(points.front(), 0.0);
  EXPECT_NEAR(points.back(), 8000.0, 1e-9);
  for (int m = 0; m < 8; ++m) {
    EXPECT_EQ(centres[m], points[m + 1]);
    EXPECT_EQ(audio::MelBand(m, mel, sr).low, points[m]);
    EXPECT_EQ(audio::MelBand(m, mel, sr).high, points[m + 2]);
  }
}

}  // namespace
}  // namespace convstep
