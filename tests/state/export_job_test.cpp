// Export jobs without a window: which steps a GIF shows and how long each
// stays (a 5488-step stepping in a 30 s loop), every k-th step with the
// last, the crop of each captured picture to the tab's content, decoded
// again with giflib for its size, frames and delays.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/i18n/i18n.h"
#include "app/state/app_state.h"
#include "app/state/export_job.h"
#include "app/state/presets.h"
#include "tests/support/gif_frames.h"

namespace convstep {
namespace {

// The smallest k whose every-k-th steps (from 0, and the last) number at
// most `budget`, counted one step at a time.
int NaiveEvery(int total, int budget) {
  for (int k = 1;; ++k) {
    int frames = 0;
    for (int s = 0; s < total; ++s) frames += s % k == 0 || s == total - 1 ? 1 : 0;
    if (frames <= budget) return k;
  }
}

void ExpectEveryKth(const std::vector<int>& steps, int total, int k) {
  ASSERT_FALSE(steps.empty());
  for (size_t i = 0; i + 1 < steps.size(); ++i) EXPECT_EQ(steps[i], static_cast<int>(i) * k) << i;
  EXPECT_EQ(steps.back(), total - 1) << "the last step is always shown";
}

// siete_filtros: 28×28 outputs × 7 filters. At the default 2 steps a second
// the loop would last 2744 s; at the shortest frame, 0.05 s, 30 s hold 600
// frames, and one step in 10 gives 5488 / 10 → 549 steps from 0 to 5480
// plus the last, 550 frames: 27.5 s.
TEST(ExportPlan, A5488StepSteppingFitsA30SecondLoop) {
  const FramePlan plan = PlanFrames(ExportKind::kGif, 5488, 0, 2.0f, 30);
  EXPECT_EQ(plan.every, NaiveEvery(5488, 600));
  EXPECT_EQ(plan.every, 10);
  EXPECT_EQ(plan.steps.size(), 550u);
  ExpectEveryKth(plan.steps, 5488, 10);
  EXPECT_EQ(plan.delay, 5);
  EXPECT_LE(plan.delay * static_cast<int>(plan.steps.size()), 30 * 100);
  EXPECT_GE(plan.delay, 2) << "browsers show shorter delays as 0.1 s";
}

TEST(ExportPlan, TheLoopLengthIsAdjustable) {
  // 10 s: 1000 / 5 = 200 frames at most.
  const FramePlan ten = PlanFrames(ExportKind::kGif, 5488, 0, 2.0f, 10);
  EXPECT_EQ(ten.every, NaiveEvery(5488, 200));
  ExpectEveryKth(ten.steps, 5488, ten.every);
  EXPECT_LE(ten.steps.size(), 200u);
  EXPECT_LE(ten.delay * static_cast<int>(ten.steps.size()), 10 * 100);
  // Out of range: clamped to 1 s (20 frames) and 600 s.
  const FramePlan one = PlanFrames(ExportKind::kGif, 5488, 0, 2.0f, -4);
  EXPECT_LE(one.delay * static_cast<int>(one.steps.size()), 100);
  EXPECT_EQ(one.every, NaiveEvery(5488, 20));
  const FramePlan long_loop = PlanFrames(ExportKind::kGif, 5488, 0, 2.0f, 100000);
  EXPECT_LE(long_loop.delay * static_cast<int>(long_loop.steps.size()), 600 * 100);
}

TEST(ExportPlan, AShortSteppingKeepsEveryStepAtThePlaySpeed) {
  // Ejemplo 1: 9 steps at 2 a second, 4.5 s.
  const FramePlan ejemplo = PlanFrames(ExportKind::kGif, 9, 4, 2.0f, 30);
  EXPECT_EQ(ejemplo.every, 1);
  EXPECT_EQ(ejemplo.steps, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(ejemplo.delay, 50);
  // 100 steps would last 50 s at the play speed: every step, 0.3 s each.
  const FramePlan hundred = PlanFrames(ExportKind::kGif, 100, 0, 2.0f, 30);
  EXPECT_EQ(hundred.every, 1);
  EXPECT_EQ(hundred.steps.size(), 100u);
  EXPECT_EQ(hundred.delay, 30);
  // 20 steps a second is 5 centiseconds, under any cap that holds them.
  EXPECT_EQ(PlanFrames(ExportKind::kGif, 9, 0, 20.0f, 30).delay, 5);
}

TEST(ExportPlan, SequencesAndPicturesHaveNoLoop) {
  const FramePlan sequence = PlanFrames(ExportKind::kPngSequence, 5488, 0, 2.0f, 1);
  EXPECT_EQ(sequence.every, NaiveEvery(5488, kMaxExportFrames));
  ExpectEveryKth(sequence.steps, 5488, sequence.every);
  EXPECT_EQ(PlanFrames(ExportKind::kPng2x, 5488, 17, 2.0f, 30).steps, std::vector<int>{17});
}

TEST(ExportPlan, EveryKthStepEndsOnTheLast) {
  EXPECT_EQ(EveryKthStep(10, 3), (std::vector<int>{0, 3, 6, 9}));
  EXPECT_EQ(EveryKthStep(11, 3), (std::vector<int>{0, 3, 6, 9, 10}));
  EXPECT_EQ(EveryKthStep(1, 5), std::vector<int>{0});
  EXPECT_EQ(EveryKthStep(4, 1), (std::vector<int>{0, 1, 2, 3}));
}

TEST(ExportPlan, ACropStaysInsideThePicture) {
  const ExportCrop inside = ClampCrop({5, 4, 20, 10}, 40, 30);
  EXPECT_EQ(inside.x, 5);
  EXPECT_EQ(inside.w, 20);
  const ExportCrop over = ClampCrop({30, 20, 20, 20}, 40, 30);
  EXPECT_EQ(over.x, 30);
  EXPECT_EQ(over.y, 20);
  EXPECT_EQ(over.w, 10);
  EXPECT_EQ(over.h, 10);
  const ExportCrop none = ClampCrop({}, 40, 30);
  EXPECT_EQ(none.w, 40);
  EXPECT_EQ(none.h, 30);
  const ExportCrop outside = ClampCrop({50, 0, 10, 10}, 40, 30);
  EXPECT_EQ(outside.w, 40);
  EXPECT_EQ(outside.h, 30);
}

// A captured picture of `w`×`h` whose pixel (y, x) tells its place and the
// frame: red x·6, green y·8, blue frame·20.
std::vector<uint8_t> Capture(int w, int h, int frame) {
  std::vector<uint8_t> rgba;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      rgba.insert(rgba.end(), {static_cast<uint8_t>(6 * x), static_cast<uint8_t>(8 * y),
                               static_cast<uint8_t>(20 * frame), 255});
    }
  }
  return rgba;
}

class ExportGif : public ::testing::Test {
 protected:
  void Start(const char* preset) {
    SetLanguage(Language::kEnglish);
    Result<Session> session = LoadPreset(preset);
    ASSERT_TRUE(session) << session.error();
    ASSERT_TRUE(state.LoadSession(std::move(session).value())) << state.view.message;
    path = ::testing::TempDir() + "convstep_export_" + preset + ".gif";
    std::filesystem::remove(path);
    ASSERT_TRUE(StartExport(state, ExportKind::kGif, path)) << state.view.message;
  }
  // Every frame as the shell hands it over: the picture, the crop set first.
  void WriteAll(int w, int h, const ExportCrop& crop) {
    for (int frame = 0; state.view.export_job; ++frame) {
      ShowExportFrame(state);
      state.view.export_job->crop = crop;
      const std::vector<uint8_t> rgba = Capture(w, h, frame);
      WriteExportFrame(state, w, h, rgba.data());
    }
  }
  AppState state;
  std::string path;
};

TEST_F(ExportGif, EachFrameIsTheCropOfThePicture) {
  Start("ejemplo1");
  const ExportCrop crop{5, 4, 20, 10};
  WriteAll(40, 30, crop);
  EXPECT_FALSE(state.view.message_is_error) << state.view.message;
  const testing::DecodedGif gif = testing::DecodeGif(path);
  ASSERT_NE(gif, nullptr);
  EXPECT_EQ(gif->SWidth, crop.w);
  EXPECT_EQ(gif->SHeight, crop.h);
  ASSERT_EQ(gif->ImageCount, 9);
  const std::vector<std::vector<uint8_t>> shown = testing::ShownFrames(gif.get());
  for (int frame : {0, 8}) {
    const std::vector<uint8_t>& f = shown[static_cast<size_t>(frame)];
    for (int y = 0; y < crop.h; ++y) {
      for (int x = 0; x < crop.w; ++x) {
        const size_t i = 3 * (static_cast<size_t>(y) * crop.w + static_cast<size_t>(x));
        EXPECT_EQ(f[i], 6 * (crop.x + x)) << frame << ": " << y << "," << x;
        EXPECT_EQ(f[i + 1], 8 * (crop.y + y)) << frame << ": " << y << "," << x;
        EXPECT_EQ(f[i + 2], 20 * frame) << frame << ": " << y << "," << x;
      }
    }
  }
}

TEST_F(ExportGif, The5488StepsOfSieteFiltrosLoopIn30Seconds) {
  Start("siete_filtros");
  WriteAll(16, 12, ExportCrop{});
  EXPECT_EQ(state.view.message.rfind("Exported 550 of the 5488 steps (one in 10, and the last) as " + path, 0), 0u)
      << state.view.message;
  const testing::DecodedGif gif = testing::DecodeGif(path);
  ASSERT_NE(gif, nullptr);
  EXPECT_EQ(gif->SWidth, 16);
  EXPECT_EQ(gif->SHeight, 12);
  ASSERT_EQ(gif->ImageCount, 550);
  int total = 0;
  for (int i = 0; i < gif->ImageCount; ++i) {
    GraphicsControlBlock control{};
    ASSERT_EQ(DGifSavedExtensionToGCB(gif.get(), i, &control), GIF_OK);
    EXPECT_EQ(control.DelayTime, 5) << i;
    total += control.DelayTime;
  }
  EXPECT_LE(total, 30 * 100);
}

}  // namespace
}  // namespace convstep
