// Resample on its own: a sine keeps its frequency, amplitude and duration.
#include "app/sound/resample.h"

#include <gtest/gtest.h>

#include <vector>

#include "app/sound/sound_error.h"
#include "tests/sound/sound_fixtures.h"

namespace convstep {
namespace {

using testing::Sine;
using testing::SineAmplitude;
using testing::SineFrequency;

struct RateCase {
  int from;
  int to;
  ResampleQuality quality;
};

class Rates : public ::testing::TestWithParam<RateCase> {};

TEST_P(Rates, SineKeepsFrequencyAmplitudeAndDuration) {
  const RateCase c = GetParam();
  const std::vector<double> sine = Sine(1000, 0.5, c.from, 1.0);
  const Result<std::vector<double>> out = Resample(sine, c.from, c.to, c.quality);
  ASSERT_TRUE(out) << out.error();
  EXPECT_EQ(out->size(), static_cast<std::size_t>(c.to));
  const std::size_t skip = static_cast<std::size_t>(c.to / 50);
  EXPECT_NEAR(SineFrequency(*out, c.to, skip), 1000, 0.05);
  EXPECT_NEAR(SineAmplitude(*out, skip), 0.5, 0.001);
}

INSTANTIATE_TEST_SUITE_P(Resample, Rates,
                         ::testing::Values(RateCase{44100, 16000, ResampleQuality::kBest},
                                           RateCase{16000, 48000, ResampleQuality::kBest},
                                           RateCase{44100, 48000, ResampleQuality::kMedium},
                                           RateCase{48000, 8000, ResampleQuality::kFastest}));

// The converter's delay is compensated: a sine resampled lines up in time
// with the same sine computed at the new rate.
TEST(Resample, KeepsTheSignalInTime) {
  const Result<std::vector<double>> out = Resample(Sine(1000, 0.5, 44100, 0.5), 44100, 16000);
  ASSERT_TRUE(out) << out.error();
  const std::vector<double> expected = Sine(1000, 0.5, 16000, 0.5);
  for (std::size_t i = 400; i + 400 < expected.size(); ++i) ASSERT_NEAR((*out)[i], expected[i], 1e-3) << i;
}

TEST(Resample, EqualRatesGiveTheSamplesBack) {
  const std::vector<double> samples{0.1, -0.2, 0.3};
  const Result<std::vector<double>> out = Resample(samples, 8000, 8000);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, samples);
  EXPECT_TRUE(Resample(std::vector<double>{}, 8000, 16000)->empty());
}

// The length is exact, and a sound of one sample is never resampled away.
TEST(Resample, LengthIsTheRatioRoundedAndNeverZero) {
  EXPECT_EQ(Resample(std::vector<double>(1, 0.5), 11025, 8000)->size(), 1u);
  EXPECT_EQ(Resample(std::vector<double>(2, 0.5), 48000, 1000)->size(), 1u);
  EXPECT_EQ(Resample(std::vector<double>(1000, 0.5), 44100, 16000)->size(), 363u);
  EXPECT_EQ(Resample(std::vector<double>(1000, 0.5), 16000, 44100)->size(), 2756u);
}

TEST(Resample, RatesOutOfRangeAreRefused) {
  const std::vector<double> samples(100, 0.0);
  for (const auto& [from, to] : {std::pair{0, 8000}, std::pair{8000, 384000}, std::pair{-1, 8000}}) {
    const Result<std::vector<double>> out = Resample(samples, from, to);
    ASSERT_FALSE(out);
    EXPECT_EQ(SoundErrorCodeOf(out.failure()), SoundErrorCode::kBadOptions);
  }
}

// A full-scale square's sinc overshoot (Gibbs) stays within [-1, 1].
TEST(Resample, OvershootIsClipped) {
  std::vector<double> square(4410);
  for (std::size_t i = 0; i < square.size(); ++i) square[i] = (i / 50) % 2 == 0 ? 1.0 : -1.0;
  const Result<std::vector<double>> out = Resample(square, 44100, 48000);
  ASSERT_TRUE(out);
  for (double v : *out) ASSERT_TRUE(v >= -1 && v <= 1) << v;
}

}  // namespace
}  // namespace convstep
