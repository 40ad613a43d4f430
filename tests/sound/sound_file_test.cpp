// Sound files written with libsndfile in every sample format and codec,
// read back through ReadSoundFile and ReadSoundFromMemory.
#include "app/sound/sound_file.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "tests/sound/sound_fixtures.h"

namespace convstep {
namespace {

using testing::Interleave;
using testing::Sine;
using testing::SineAmplitude;
using testing::SineFrequency;
using testing::TempDir;
using testing::WriteSound;

constexpr int kRate = 44100;

struct PcmCase {
  const char* name;
  int format;
  double step;  // the format's quantisation step in [-1, 1)
};

class PcmFormats : public ::testing::TestWithParam<PcmCase> {};

// Lossless formats: a sine comes back within libsndfile's quantisation
// (it writes x·(2^(b−1)−1) rounded and reads n/2^(b−1): at most 1.5 steps).
TEST_P(PcmFormats, SineComesBackWithinQuantisation) {
  const PcmCase c = GetParam();
  TempDir dir;
  const std::string path = dir.Path(std::string(c.name) + (c.format & SF_FORMAT_FLAC ? ".flac" : ".wav"));
  const std::vector<double> sine = Sine(440, 0.8, kRate, 0.25);
  WriteSound(path, c.format, kRate, 1, sine);
  const Result<Sound> sound = ReadSoundFile(path);
  ASSERT_TRUE(sound) << sound.error();
  EXPECT_EQ(sound->rate, kRate);
  EXPECT_EQ(sound->file.channels, 1);
  EXPECT_EQ(sound->file.frames, static_cast<long long>(sine.size()));
  EXPECT_NEAR(sound->file.duration_seconds, 0.25, 1e-9);
  EXPECT_FALSE(sound->file.format.empty());
  ASSERT_EQ(sound->samples.size(), sine.size());
  for (std::size_t i = 0; i < sine.size(); ++i) {
    ASSERT_NEAR(sound->samples[i], sine[i], 1.5 * c.step + 1e-12) << c.name << " sample " << i;
    ASSERT_GE(sound->samples[i], -1.0);
    ASSERT_LT(sound->samples[i], 1.0);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Lossless, PcmFormats,
    ::testing::Values(PcmCase{"wav_u8", SF_FORMAT_WAV | SF_FORMAT_PCM_U8, 1.0 / 128},
                      PcmCase{"wav_16", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 1.0 / 32768},
                      PcmCase{"wav_24", SF_FORMAT_WAV | SF_FORMAT_PCM_24, 1.0 / 8388608},
                      PcmCase{"wav_32", SF_FORMAT_WAV | SF_FORMAT_PCM_32, 1.0 / 2147483648.0},
                      PcmCase{"wav_float", SF_FORMAT_WAV | SF_FORMAT_FLOAT, 1e-7},
                      PcmCase{"wav_double", SF_FORMAT_WAV | SF_FORMAT_DOUBLE, 0},
                      PcmCase{"flac_16", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 1.0 / 32768},
                      PcmCase{"flac_24", SF_FORMAT_FLAC | SF_FORMAT_PCM_24, 1.0 / 8388608}),
    [](const ::testing::TestParamInfo<PcmCase>& test) { return std::string(test.param.name); });

// Integers are scaled as libsndfile does, n / 2^(b−1): the extremes of a
// 16-bit file are exactly −1 and 32767/32768, never 1.
TEST(SoundFile, SixteenBitIntegersScaleByOneIn32768) {
  TempDir dir;
  const std::string path = dir.Path("extremes.wav");
  SF_INFO info{};
  info.samplerate = 8000;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
  ASSERT_NE(file, nullptr);
  const std::vector<short> values{-32768, -1, 0, 1, 16384, 32767};
  sf_writef_short(file, values.data(), static_cast<sf_count_t>(values.size()));
  sf_close(file);
  const Result<Sound> sound = ReadSoundFile(path);
  ASSERT_TRUE(sound) << sound.error();
  ASSERT_EQ(sound->samples.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(sound->samples[i], values[i] / 32768.0);
  EXPECT_EQ(sound->file.format, "WAV (Microsoft), Signed 16 bit PCM");
}

struct LossyCase {
  const char* name;
  int format;
  int rate;
  const char* extension;
};

class LossyFormats : public ::testing::TestWithParam<LossyCase> {};

// Lossy codecs keep a sine's frequency and amplitude; their own delay and
// padding make sample-by-sample comparison meaningless.
TEST_P(LossyFormats, SineKeepsFrequencyAndAmplitude) {
  const LossyCase c = GetParam();
  TempDir dir;
  const std::string path = dir.Path(std::string(c.name) + c.extension);
  WriteSound(path, c.format, c.rate, 1, Sine(1000, 0.5, c.rate, 1.0));
  const Result<Sound> sound = ReadSoundFile(path);
  ASSERT_TRUE(sound) << sound.error();
  EXPECT_EQ(sound->rate, c.rate);
  EXPECT_EQ(sound->file.channels, 1);
  EXPECT_NEAR(sound->duration_seconds(), 1.0, 0.1) << c.name;
  const std::size_t skip = static_cast<std::size_t>(c.rate / 20);
  EXPECT_NEAR(SineFrequency(sound->samples, sound->rate, skip), 1000, 2) << c.name;
  EXPECT_NEAR(SineAmplitude(sound->samples, skip), 0.5, 0.05) << c.name;
}

// libsndfile 1.2 on Debian 12 is built with LAME and mpg123, so it writes
// MPEG layer III as well as reading it.
INSTANTIATE_TEST_SUITE_P(
    Lossy, LossyFormats,
    ::testing::Values(LossyCase{"vorbis", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100, ".ogg"},
                      LossyCase{"opus", SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000, ".opus"},
                      LossyCase{"mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 44100, ".mp3"}),
    [](const ::testing::TestParamInfo<LossyCase>& test) { return std::string(test.param.name); });

// Stereo with a different signal in each channel, stored as doubles so that
// the values are exact: 0.625 on the left and −0.25 on the right average to
// 0.1875; a channel picked is that channel alone.
class StereoFile : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<double> left(1000, 0.625);
    const std::vector<double> right(1000, -0.25);
    WriteSound(path_, SF_FORMAT_WAV | SF_FORMAT_DOUBLE, 8000, 2, Interleave(left, right));
  }
  TempDir dir_;
  std::string path_ = dir_.Path("stereo.wav");
};

TEST_F(StereoFile, MixDownAveragesTheChannels) {
  const Result<Sound> sound = ReadSoundFile(path_);
  ASSERT_TRUE(sound) << sound.error();
  EXPECT_EQ(sound->file.channels, 2);
  ASSERT_EQ(sound->samples.size(), 1000u);
  for (double v : sound->samples) ASSERT_DOUBLE_EQ(v, 0.1875);
}

TEST_F(StereoFile, PicksOneChannel) {
  SoundReadOptions options;
  options.channel = 1;
  const Result<Sound> right = ReadSoundFile(path_, options);
  ASSERT_TRUE(right) << right.error();
  for (double v : right->samples) ASSERT_DOUBLE_EQ(v, -0.25);
  options.channel = 0;
  const Result<Sound> left = ReadSoundFile(path_, options);
  ASSERT_TRUE(left) << left.error();
  for (double v : left->samples) ASSERT_DOUBLE_EQ(v, 0.625);
}

TEST_F(StereoFile, AChannelItDoesNotHaveIsRefused) {
  SoundReadOptions options;
  options.channel = 2;
  const Result<Sound> sound = ReadSoundFile(path_, options);
  ASSERT_FALSE(sound);
  EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kBadOptions);
  EXPECT_EQ(sound.error(), "'" + path_ + "': cannot read the sound: there is no channel 2: the sound has 2 (from 0)");
  options.channel = -1;
  EXPECT_FALSE(ReadSoundFile(path_, options));
}

// Eight channels (7.1) are read: mixed down, or one picked.
// A long read reports how far it is, block by block, up to the whole; a
// progress callback that says no stops it with sound.cancelled.
TEST(SoundFile, ALongReadReportsItsProgressAndCanBeCancelled) {
  TempDir dir;
  const std::string path = dir.Path("long.wav");
  WriteSound(path, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 1, Sine(440, 0.5, 8000, 5.0));  // 40,000 frames
  std::vector<double> seen;
  SoundReadOptions options;
  options.progress = [&seen](double done) {
    seen.push_back(done);
    return true;
  };
  Result<Sound> sound = ReadSoundFile(path, options);
  ASSERT_TRUE(sound.ok()) << sound.error();
  EXPECT_EQ(sound->samples.size(), 40000u);
  ASSERT_EQ(seen.size(), 5u);  // blocks of 8192 frames
  EXPECT_NEAR(seen.front(), 8192.0 / 40000.0, 1e-12);
  EXPECT_DOUBLE_EQ(seen.back(), 1.0);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  options.progress = [](double done) { return done < 0.3; };
  sound = ReadSoundFile(path, options);
  ASSERT_FALSE(sound.ok());
  EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kCancelled);
}

TEST(SoundFile, EightChannelsAreRead) {
  TempDir dir;
  const std::string path = dir.Path("eight.wav");
  std::vector<double> frames;
  for (int f = 0; f < 100; ++f) {
    for (int c = 0; c < 8; ++c) frames.push_back(c / 8.0);
  }
  WriteSound(path, SF_FORMAT_WAV | SF_FORMAT_DOUBLE, 8000, 8, frames);
  const Result<Sound> mixed = ReadSoundFile(path);
  ASSERT_TRUE(mixed) << mixed.error();
  EXPECT_DOUBLE_EQ(mixed->samples[50], 3.5 / 8);
  SoundReadOptions last;
  last.channel = 7;
  const Result<Sound> seventh = ReadSoundFile(path, last);
  ASSERT_TRUE(seventh) << seventh.error();
  EXPECT_DOUBLE_EQ(seventh->samples[50], 7 / 8.0);
}

// A ramp whose value is its own frame number makes the part read visible.
class RampFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<double> ramp(8000);
    for (std::size_t i = 0; i < ramp.size(); ++i) ramp[i] = static_cast<double>(i) / 8192;
    WriteSound(path_, SF_FORMAT_WAV | SF_FORMAT_DOUBLE, 8000, 1, ramp);
  }
  TempDir dir_;
  std::string path_ = dir_.Path("ramp.wav");
};

TEST_F(RampFile, SelectionStartsAndLastsAsAsked) {
  SoundReadOptions options;
  options.start_seconds = 0.25;
  options.length_seconds = 0.5;
  const Result<Sound> sound = ReadSoundFile(path_, options);
  ASSERT_TRUE(sound) << sound.error();
  ASSERT_EQ(sound->samples.size(), 4000u);
  EXPECT_EQ(sound->samples.front(), 2000.0 / 8192);
  EXPECT_EQ(sound->samples.back(), 5999.0 / 8192);
  EXPECT_DOUBLE_EQ(sound->start_seconds, 0.25);
  EXPECT_DOUBLE_EQ(sound->duration_seconds(), 0.5);
}

TEST_F(RampFile, SelectionPastTheEndStopsThere) {
  SoundReadOptions options;
  options.start_seconds = 0.75;
  options.length_seconds = 5;
  const Result<Sound> sound = ReadSoundFile(path_, options);
  ASSERT_TRUE(sound) << sound.error();
  ASSERT_EQ(sound->samples.size(), 2000u);
  EXPECT_EQ(sound->samples.back(), 7999.0 / 8192);
}

TEST_F(RampFile, SelectionAfterTheEndIsRefused) {
  SoundReadOptions options;
  options.start_seconds = 1;
  const Result<Sound> sound = ReadSoundFile(path_, options);
  ASSERT_FALSE(sound);
  EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kSelectionOutside);
  EXPECT_EQ(sound.failure().args, (std::vector<std::string>{"1", "1"}));
}

TEST_F(RampFile, NegativeOrNotANumberSelectionIsRefused) {
  for (double bad : {-1.0, std::nan(""), HUGE_VAL}) {
    SoundReadOptions start;
    start.start_seconds = bad;
    EXPECT_EQ(SoundErrorCodeOf(ReadSoundFile(path_, start).failure()), SoundErrorCode::kBadOptions);
    SoundReadOptions length;
    length.length_seconds = bad;
    EXPECT_EQ(SoundErrorCodeOf(ReadSoundFile(path_, length).failure()), SoundErrorCode::kBadOptions);
  }
}

TEST_F(RampFile, ResampledToTheRateAskedFor) {
  SoundReadOptions options;
  options.rate = 16000;
  const Result<Sound> sound = ReadSoundFile(path_, options);
  ASSERT_TRUE(sound) << sound.error();
  EXPECT_EQ(sound->rate, 16000);
  EXPECT_EQ(sound->file.rate, 8000);
  EXPECT_EQ(sound->samples.size(), 16000u);
  options.rate = 384000;
  EXPECT_EQ(SoundErrorCodeOf(ReadSoundFile(path_, options).failure()), SoundErrorCode::kBadOptions);
}

TEST_F(RampFile, MemoryGivesWhatTheFileGives) {
  const std::vector<std::uint8_t> bytes = testing::ReadBytes(path_);
  SoundReadOptions options;
  options.start_seconds = 0.5;
  const Result<Sound> from_memory = ReadSoundFromMemory(bytes.data(), bytes.size(), options);
  const Result<Sound> from_file = ReadSoundFile(path_, options);
  ASSERT_TRUE(from_memory) << from_memory.error();
  ASSERT_TRUE(from_file) << from_file.error();
  EXPECT_EQ(from_memory->samples, from_file->samples);
  EXPECT_EQ(from_memory->file.format, from_file->file.format);
  const Result<SoundFileInfo> info = ReadSoundInfoFromMemory(bytes.data(), bytes.size());
  ASSERT_TRUE(info) << info.error();
  EXPECT_EQ(info->frames, 8000);
  EXPECT_EQ(info->format, "WAV (Microsoft), 64 bit float");
}

TEST_F(RampFile, InfoReadsTheHeaderOnly) {
  const Result<SoundFileInfo> info = ReadSoundFileInfo(path_);
  ASSERT_TRUE(info) << info.error();
  EXPECT_EQ(info->channels, 1);
  EXPECT_EQ(info->rate, 8000);
  EXPECT_EQ(info->frames, 8000);
  EXPECT_DOUBLE_EQ(info->duration_seconds, 1);
}

// Float files may hold any value: beyond ±1 is clipped, NaN is refused.
TEST(SoundFile, FloatBeyondFullScaleIsClipped) {
  TempDir dir;
  const std::string path = dir.Path("loud.wav");
  WriteSound(path, SF_FORMAT_WAV | SF_FORMAT_FLOAT, 8000, 1, std::vector<double>{0.5, 1.5, -3, -1});
  const Result<Sound> sound = ReadSoundFile(path);
  ASSERT_TRUE(sound) << sound.error();
  EXPECT_EQ(sound->samples, (std::vector<double>{0.5, 1, -1, -1}));
}

TEST(SoundFile, NotANumberIsRefused) {
  TempDir dir;
  const std::string path = dir.Path("nan.wav");
  WriteSound(path, SF_FORMAT_WAV | SF_FORMAT_FLOAT, 8000, 1, std::vector<double>{0.5, std::nan(""), 0});
  const Result<Sound> sound = ReadSoundFile(path);
  ASSERT_FALSE(sound);
  EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kNotFinite);
}

// Debian's sound-theme-freedesktop: real Vorbis recordings, the expected
// values read from their Ogg pages (the last granule position) by hand.
struct Recording {
  const char* name;
  int channels;
  int rate;
  long long frames;
};

class FreedesktopSounds : public ::testing::TestWithParam<Recording> {};

TEST_P(FreedesktopSounds, DecodeWithTheirRateChannelsAndDuration) {
  const Recording r = GetParam();
  const std::string path = std::string("/usr/share/sounds/freedesktop/stereo/") + r.name;
  const Result<Sound> sound = ReadSoundFile(path);
  ASSERT_TRUE(sound) << sound.error() << " (is sound-theme-freedesktop installed?)";
  EXPECT_EQ(sound->file.channels, r.channels);
  EXPECT_EQ(sound->rate, r.rate);
  EXPECT_EQ(sound->file.frames, r.frames);
  EXPECT_EQ(sound->samples.size(), static_cast<std::size_t>(r.frames));
  EXPECT_NEAR(sound->file.duration_seconds, static_cast<double>(r.frames) / r.rate, 1e-12);
  EXPECT_EQ(sound->file.format, "OGG (OGG Container format), Vorbis");
  double peak = 0;
  for (double v : sound->samples) peak = std::max(peak, std::abs(v));
  EXPECT_GT(peak, 0.01) << "not silence";
  EXPECT_LE(peak, 1.0);
}

INSTANTIATE_TEST_SUITE_P(Recordings, FreedesktopSounds,
                         ::testing::Values(Recording{"bell.oga", 2, 44100, 6151},
                                           Recording{"complete.oga", 2, 44100, 48022},
                                           Recording{"dialog-warning.oga", 2, 44100, 22009},
                                           Recording{"audio-channel-front-center.oga", 1, 48000, 68545}),
                         [](const ::testing::TestParamInfo<Recording>& test) {
                           std::string name = test.param.name;
                           for (char& ch : name) {
                             if (ch == '-' || ch == '.') ch = '_';
                           }
                           return name;
                         });

// The voice resampled to 16 kHz, as a lesson on speech would ask.
TEST(FreedesktopVoice, ResamplesTo16kHz) {
  SoundReadOptions options;
  options.rate = 16000;
  const Result<Sound> sound =
      ReadSoundFile("/usr/share/sounds/freedesktop/stereo/audio-channel-front-center.oga", options);
  ASSERT_TRUE(sound) << sound.error();
  EXPECT_EQ(sound->rate, 16000);
  EXPECT_NEAR(static_cast<double>(sound->samples.size()), 68545.0 / 3, 1);
}

}  // namespace
}  // namespace convstep
