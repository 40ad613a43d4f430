// Files a student may drop on the window that must not be read: each gives
// one clear error, with its code, and nothing is decoded or allocated for
// what the header merely claims.
#include <gtest/gtest.h>
#include <sndfile.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/sound/sound_file.h"
#include "tests/sound/sound_fixtures.h"

namespace convstep {
namespace {

using testing::TempDir;
using testing::WavHeader;
using testing::WriteBytes;
using testing::WriteSound;

std::vector<std::uint8_t> ValidWav(const TempDir& dir) {
  const std::string path = dir.Path("valid.wav");
  WriteSound(path, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 1, testing::Sine(440, 0.5, 8000, 0.1));
  return testing::ReadBytes(path);
}

// The largest resident size of this process so far, in MB.
double PeakMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024;
}

TEST(BadSound, ZeroLengthFileIsEmpty) {
  TempDir dir;
  const std::string path = dir.Path("empty.wav");
  WriteBytes(path, {});
  const Result<Sound> sound = ReadSoundFile(path);
  ASSERT_FALSE(sound);
  EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kEmpty);
  EXPECT_EQ(sound.error(), "'" + path + "': the sound is empty");
  EXPECT_EQ(sound.failure().prefix, "'" + path + "': ");
  EXPECT_EQ(SoundErrorCodeOf(ReadSoundFromMemory(nullptr, 0).failure()), SoundErrorCode::kEmpty);
}

TEST(BadSound, HeaderWithoutFramesIsEmpty) {
  const std::vector<std::uint8_t> header = WavHeader(1, 8000, 16, 0);
  const Result<Sound> sound = ReadSoundFromMemory(header.data(), header.size());
  ASSERT_FALSE(sound);
  EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kEmpty);
}

TEST(BadSound, CorruptBytesGiveLibsndfilesReason) {
  std::vector<std::uint8_t> noise(4096);
  for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<std::uint8_t>(i * 7919 % 251);
  const Result<Sound> sound = ReadSoundFromMemory(noise.data(), noise.size());
  ASSERT_FALSE(sound);
  EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kNotSound);
  EXPECT_EQ(sound.error().rfind("cannot decode the sound: ", 0), 0u) << sound.error();
  ASSERT_EQ(sound.failure().args.size(), 1u);
  EXPECT_FALSE(sound.failure().args[0].empty());
}

TEST(BadSound, TruncatedHeaderIsRefused) {
  TempDir dir;
  const std::vector<std::uint8_t> wav = ValidWav(dir);
  for (std::size_t size : {4, 12, 20, 36}) {
    const Result<Sound> sound = ReadSoundFromMemory(wav.data(), size);
    ASSERT_FALSE(sound) << size << " bytes";
    EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kNotSound) << size << ": " << sound.error();
  }
}

// A data chunk cut short is read up to where it stops, as players do.
TEST(BadSound, TruncatedDataReadsWhatIsThere) {
  TempDir dir;
  const std::vector<std::uint8_t> wav = ValidWav(dir);
  const Result<Sound> sound = ReadSoundFromMemory(wav.data(), 44 + 200);
  ASSERT_TRUE(sound) << sound.error();
  EXPECT_EQ(sound->samples.size(), 100u);
}

TEST(BadSound, CorruptFlacIsRefusedWithoutCrashing) {
  TempDir dir;
  const std::string path = dir.Path("x.flac");
  WriteSound(path, SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 8000, 1, testing::Sine(440, 0.5, 8000, 0.5));
  std::vector<std::uint8_t> flac = testing::ReadBytes(path);
  for (std::size_t i = flac.size() / 2; i < flac.size(); i += 3) flac[i] ^= 0x5a;
  const Result<Sound> sound = ReadSoundFromMemory(flac.data(), flac.size());
  if (sound) {
    for (double v : sound->samples) ASSERT_TRUE(v >= -1 && v <= 1);
  } else {
    EXPECT_TRUE(SoundErrorCodeOf(sound.failure()).has_value()) << sound.error();
  }
}

TEST(BadSound, NineOrMoreChannelsAreRefused) {
  for (int channels : {9, 16}) {
    std::vector<std::uint8_t> wav = WavHeader(channels, 8000, 16, static_cast<std::uint32_t>(channels * 2 * 10));
    wav.resize(wav.size() + static_cast<std::size_t>(channels * 2 * 10));
    const Result<Sound> sound = ReadSoundFromMemory(wav.data(), wav.size());
    ASSERT_FALSE(sound);
    EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kTooManyChannels);
    EXPECT_EQ(sound.error(), "the sound has " + std::to_string(channels) + " channels: at most 8 can be read");
  }
}

TEST(BadSound, RatesOutsideTheRangeAreRefused) {
  TempDir dir;
  for (int rate : {384000, 500}) {
    const std::string path = dir.Path(std::to_string(rate) + ".wav");
    WriteSound(path, SF_FORMAT_WAV | SF_FORMAT_PCM_16, rate, 1, std::vector<double>(100, 0.25));
    const Result<Sound> sound = ReadSoundFile(path);
    ASSERT_FALSE(sound) << rate;
    EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kRateOutOfRange);
    EXPECT_EQ(sound.failure().args, (std::vector<std::string>{std::to_string(rate), "1000", "192000"}));
    EXPECT_EQ(SoundErrorCodeOf(ReadSoundFileInfo(path).failure()), SoundErrorCode::kRateOutOfRange);
  }
}

TEST(BadSound, MissingFileAndDirectoryCannotBeOpened) {
  TempDir dir;
  const Result<Sound> missing = ReadSoundFile(dir.Path("nothing.wav"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(SoundErrorCodeOf(missing.failure()), SoundErrorCode::kCannotOpen);
  EXPECT_NE(missing.error().find("No such file"), std::string::npos) << missing.error();
  const Result<Sound> folder = ReadSoundFile(dir.Path(""));
  EXPECT_EQ(SoundErrorCodeOf(folder.failure()), SoundErrorCode::kCannotOpen);
}

// Two hours of 16-bit 8 kHz sound, 115 MB declared, as a sparse file: the
// header is all that is real, so the test costs no disk and no time. The
// whole is refused before any decoding; a part of it within the limit reads.
class TwoHourFile : public ::testing::Test {
 protected:
  static constexpr std::uint32_t kDataBytes = 2u * 3600 * 8000 * 2;
  void SetUp() override {
    WriteBytes(path_, WavHeader(1, 8000, 16, kDataBytes));
    std::filesystem::resize_file(path_, 44 + std::uintmax_t{kDataBytes});
  }
  TempDir dir_;
  std::string path_ = dir_.Path("two_hours.wav");
};

TEST_F(TwoHourFile, WholeFileIsRefusedBeforeDecoding) {
  const double before = PeakMegabytes();
  const Result<Sound> sound = ReadSoundFile(path_);
  ASSERT_FALSE(sound);
  EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kTooLong);
  EXPECT_EQ(sound.error(), "'" + path_ +
                               "': the part to read lasts 7200 s: at most 600 s are read at once; choose a start "
                               "and a length");
  EXPECT_LT(PeakMegabytes() - before, 20) << "nothing the size of the file was allocated";
  const Result<SoundFileInfo> info = ReadSoundFileInfo(path_);
  ASSERT_TRUE(info) << info.error();
  EXPECT_DOUBLE_EQ(info->duration_seconds, 7200);
}

TEST_F(TwoHourFile, PartWithinTheLimitIsRead) {
  SoundReadOptions options;
  options.start_seconds = 3600;
  options.length_seconds = 2;
  const Result<Sound> sound = ReadSoundFile(path_, options);
  ASSERT_TRUE(sound) << sound.error();
  EXPECT_EQ(sound->samples.size(), 16000u);
  EXPECT_DOUBLE_EQ(sound->start_seconds, 3600);
  options.start_seconds = 7199;
  options.length_seconds = 700;  // only 1 s is left: that is what is read
  const Result<Sound> end = ReadSoundFile(path_, options);
  ASSERT_TRUE(end) << end.error();
  EXPECT_EQ(end->samples.size(), 8000u);
}

TEST_F(TwoHourFile, PartOverTheLimitIsRefused) {
  SoundReadOptions options;
  options.length_seconds = 601;
  const Result<Sound> sound = ReadSoundFile(path_, options);
  ASSERT_FALSE(sound);
  EXPECT_EQ(SoundErrorCodeOf(sound.failure()), SoundErrorCode::kTooLong);
  EXPECT_EQ(sound.failure().args, (std::vector<std::string>{"601", "600"}));
}

TEST(SoundErrorCodes, NamesAreStableAndReadBack) {
  EXPECT_EQ(SoundErrorCodeName(SoundErrorCode::kTooLong), "sound.too_long");
  EXPECT_EQ(SoundErrorCodeName(SoundErrorCode::kNoAudioDevice), "sound.no_audio_device");
  for (int c = 0; c <= static_cast<int>(SoundErrorCode::kCancelled); ++c) {
    const auto code = static_cast<SoundErrorCode>(c);
    EXPECT_EQ(SoundErrorCodeOf(SoundError(code, {}, "x")), code) << SoundErrorCodeName(code);
  }
  EXPECT_FALSE(SoundErrorCodeOf(Error{"grid.not_a_number", {}, "x"}).has_value());
}

}  // namespace
}  // namespace convstep
