// The player through SDL's disk driver, which plays into a raw file of
// float32 samples at the device's pace; and without a usable device.
#include "app/sound/player.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include "app/sound/sound_error.h"
#include "tests/sound/sound_fixtures.h"

namespace convstep {
namespace {

using testing::TempDir;

// Waits until the player has handed everything to the device, then a little
// more, so that the device's last buffer reaches the file.
void WaitUntilPlayed(const SoundPlayer& player) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (player.IsPlaying() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

std::vector<float> ReadFloats(const std::string& path) {
  const std::vector<std::uint8_t> bytes = testing::ReadBytes(path);
  std::vector<float> floats(bytes.size() / sizeof(float));
  std::memcpy(floats.data(), bytes.data(), floats.size() * sizeof(float));
  return floats;
}

// The played sound within the file: the device writes silence before it
// and after it, and the sine starts with an exact 0.
std::vector<double> Played(const std::vector<float>& raw) {
  std::size_t first = 0;
  while (first < raw.size() && raw[first] == 0) ++first;
  std::size_t last = raw.size();
  while (last > first && raw[last - 1] == 0) --last;
  return std::vector<double>(raw.begin() + static_cast<std::ptrdiff_t>(first > 0 ? first - 1 : 0),
                             raw.begin() + static_cast<std::ptrdiff_t>(last));
}

class DiskPlayer : public ::testing::Test {
 protected:
  void SetUp() override {
    // As a user would choose the driver: through SDL's environment, set
    // before SDL_Init (the player's Open) reads it.
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw_.c_str(), 1);
  }
  void TearDown() override {
    unsetenv("SDL_AUDIODRIVER");
    unsetenv("SDL_DISKAUDIOFILE");
  }
  TempDir dir_;
  std::string raw_ = dir_.Path("out.raw");
};

TEST_F(DiskPlayer, PlaysTheSamplesAskedFor) {
  const std::vector<double> sine = testing::Sine(440, 0.8, 48000, 0.3);
  {
    Result<SoundPlayer> player = SoundPlayer::Open();
    ASSERT_TRUE(player) << player.error();
    EXPECT_EQ(player->driver(), "disk");
    EXPECT_EQ(player->device_rate(), 48000);
    const Result<bool> played = player.value().Play(sine, 48000, 0.5);
    ASSERT_TRUE(played) << played.error();
    EXPECT_TRUE(player->IsPlaying());
    EXPECT_NEAR(player->DurationSeconds(), 0.3, 1e-9);
    EXPECT_LT(player->PositionSeconds(), 0.3);
    WaitUntilPlayed(*player);
    EXPECT_FALSE(player->IsPlaying());
    EXPECT_DOUBLE_EQ(player->PositionSeconds(), 0.3);
  }
  const std::vector<double> out = Played(ReadFloats(raw_));
  ASSERT_EQ(out.size(), sine.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    ASSERT_EQ(out[i], static_cast<float>(static_cast<float>(sine[i]) * 0.5)) << i;
  }
}

TEST_F(DiskPlayer, ResamplesToTheDeviceRate) {
  {
    Result<SoundPlayer> player = SoundPlayer::Open();
    ASSERT_TRUE(player) << player.error();
    ASSERT_TRUE(player.value().Play(testing::Sine(1000, 0.5, 16000, 0.25), 16000));
    EXPECT_NEAR(player->DurationSeconds(), 0.25, 1e-3);
    WaitUntilPlayed(*player);
  }
  const std::vector<double> out = Played(ReadFloats(raw_));
  EXPECT_NEAR(static_cast<double>(out.size()), 12000, 10);
  EXPECT_NEAR(testing::SineFrequency(out, 48000, 500), 1000, 0.5);
  EXPECT_NEAR(testing::SineAmplitude(out, 500), 0.5, 0.01);
}

TEST_F(DiskPlayer, StopAndVolume) {
  Result<SoundPlayer> player = SoundPlayer::Open();
  ASSERT_TRUE(player) << player.error();
  SoundPlayer& p = player.value();
  ASSERT_TRUE(p.Play(testing::Sine(440, 0.5, 48000, 2.0), 48000, 2.0));
  EXPECT_EQ(p.volume(), 1.0) << "clamped to 1";
  p.SetVolume(0.25);
  EXPECT_EQ(p.volume(), 0.25);
  EXPECT_TRUE(p.IsPlaying());
  p.SetVolume(-3);
  EXPECT_EQ(p.volume(), 0.0);
  p.Stop();
  EXPECT_FALSE(p.IsPlaying());
  EXPECT_EQ(p.PositionSeconds(), 0.0);
  // A rate the resampler refuses is an error, not a crash.
  const Result<bool> bad = p.Play(std::vector<double>(10, 0.0), 0);
  ASSERT_FALSE(bad);
  EXPECT_EQ(SoundErrorCodeOf(bad.failure()), SoundErrorCode::kBadOptions);
}

// Moving the player hands its device on; only the last owner closes it.
TEST_F(DiskPlayer, MovesItsDevice) {
  Result<SoundPlayer> opened = SoundPlayer::Open();
  ASSERT_TRUE(opened) << opened.error();
  SoundPlayer player = std::move(opened).value();
  SoundPlayer other = std::move(player);
  EXPECT_TRUE(other.Play(std::vector<double>(480, 0.1), 48000));
  EXPECT_FALSE(player.IsPlaying());  // NOLINT(bugprone-use-after-move): moved from is empty and safe
}

TEST(Player, UnknownDriverIsAnErrorNotACrash) {
  PlayerOptions options;
  options.driver = "no_such_driver";
  const Result<SoundPlayer> player = SoundPlayer::Open(options);
  ASSERT_FALSE(player);
  EXPECT_EQ(SoundErrorCodeOf(player.failure()), SoundErrorCode::kNoAudioDevice);
  EXPECT_EQ(player.error().rfind("cannot start the sound output: ", 0), 0u) << player.error();
}

TEST(Player, RateOutOfRangeIsRefusedBeforeSdlStarts) {
  PlayerOptions options;
  options.driver = "dummy";
  options.rate = 384000;
  const Result<SoundPlayer> player = SoundPlayer::Open(options);
  ASSERT_FALSE(player);
  EXPECT_EQ(SoundErrorCodeOf(player.failure()), SoundErrorCode::kBadOptions);
}

// A sound shorter than the device's buffer may be taken at once: it still
// counts as played, not as a failure.
TEST_F(DiskPlayer, ShortSoundPlays) {
  Result<SoundPlayer> player = SoundPlayer::Open();
  ASSERT_TRUE(player) << player.error();
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(player.value().Play(std::vector<double>(3, 0.1), 48000)) << i;
}

// SDL's dummy driver swallows sound: playing through it works all the same.
TEST(Player, DummyDriverPlaysIntoNothing) {
  PlayerOptions options;
  options.driver = "dummy";
  Result<SoundPlayer> player = SoundPlayer::Open(options);
  ASSERT_TRUE(player) << player.error();
  EXPECT_EQ(player->driver(), "dummy");
  EXPECT_TRUE(player.value().Play(std::vector<double>(4800, 0.1), 48000));
}

// The machine's own device: with no sound card (CI, these machines) SDL
// says why, e.g. "ALSA: Couldn't open audio device", and nothing crashes.
TEST(Player, DefaultDeviceOpensOrSaysWhyNot) {
  unsetenv("SDL_AUDIODRIVER");
  const Result<SoundPlayer> player = SoundPlayer::Open();
  if (player) {
    EXPECT_FALSE(player->driver().empty());
  } else {
    EXPECT_EQ(SoundErrorCodeOf(player.failure()), SoundErrorCode::kNoAudioDevice);
    ASSERT_EQ(player.failure().args.size(), 1u);
    EXPECT_FALSE(player.failure().args[0].empty()) << player.error();
    std::cout << "no sound output here: " << player.error() << "\n";
  }
}

}  // namespace
}  // namespace convstep
