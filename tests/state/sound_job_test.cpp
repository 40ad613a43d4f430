// The sound import's grid worked out off the UI thread: the drum hits of
// the presets come back as the same grid the direct reading gives, with the
// progress at the whole; a job dropped at once stops and is waited for.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "app/state/document.h"
#include "app/state/sound_job.h"

namespace convstep {
namespace {

const std::string kHits = CONVSTEP_SOURCE_DIR "/assets/sounds/sonido_golpes.wav";

TEST(SoundJob, WorksOutTheSameGridAsTheDirectReading) {
  SoundImportOptions options;  // a 64-band mel spectrogram at 16 kHz
  SoundJob job(kHits, options);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!job.Ready() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(job.Ready());
  Result<SoundInput> off = job.Take();
  ASSERT_TRUE(off.ok()) << off.error();
  EXPECT_DOUBLE_EQ(job.Progress(), 1.0);
  Result<SoundInput> direct = LoadSoundInput(kHits, options);
  ASSERT_TRUE(direct.ok()) << direct.error();
  EXPECT_EQ(off->conv.input.data, direct->conv.input.data);
  EXPECT_EQ(off->axes, direct->axes);
}

TEST(SoundJob, ADroppedJobIsCancelledAndWaitedFor) {
  for (int i = 0; i < 5; ++i) {
    auto job = std::make_unique<SoundJob>(kHits, SoundImportOptions{});
    job.reset();  // cancels; the destructor returns once the thread has stopped
  }
  SoundJob bad("/nonexistent/sound.wav", SoundImportOptions{});
  while (!bad.Ready()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_FALSE(bad.Take().ok());
}

}  // namespace
}  // namespace convstep
