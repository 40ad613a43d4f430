#include "app/state/export_job.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <utility>

#include "app/i18n/i18n.h"
#include "app/image/image_file.h"
#include "app/state/app_state.h"
#include "core/formats/file_io.h"

namespace convstep {

namespace {

bool IsStepping(ExportKind kind) { return kind == ExportKind::kGif || kind == ExportKind::kPngSequence; }

// How many frames every k-th of `total` steps makes, the last one included.
int FrameCount(int total, int k) { return total <= 1 ? total : (total - 2) / k + 2; }

// The smallest k whose frames are at most `budget` (at least 2). Past the
// first branch total > budget, so the first guess (a lower bound, as
// FrameCount > (total - 2) / k + 1) is at least 1.
int SmallestEvery(int total, int budget) {
  if (total <= budget) return 1;
  int k = (total - 2) / (budget - 1);
  while (FrameCount(total, k) > budget) ++k;
  return k;
}

std::string Kilobytes(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  return ec ? "?" : std::to_string((bytes + 512) / 1024);
}

// Ends the job: the user's step back, and `message` in the status line.
void EndJob(AppState& state, const std::string& message, bool is_error) {
  const int step = state.view.export_job->return_step;
  state.view.export_job.reset();
  state.GoToActiveStep(step);
  state.view.glide_t = 1.0f;
  state.SetStatus(message, is_error);
}

std::string DoneMessage(const ExportJob& job, int width, int height) {
  const std::string frames = std::to_string(job.steps.size());
  const std::string total = std::to_string(job.total_steps);
  const bool sampled = static_cast<int>(job.steps.size()) < job.total_steps;
  switch (job.kind) {
    case ExportKind::kPng1x:
    case ExportKind::kPng2x:
      return TrFormat("export.done_png", {job.path, std::to_string(width), std::to_string(height)});
    case ExportKind::kGif:
      return sampled ? TrFormat("export.done_gif_sampled",
                                {frames, total, std::to_string(job.every), job.path, Kilobytes(job.path)})
                     : TrFormat("export.done_gif", {frames, job.path, Kilobytes(job.path)});
    case ExportKind::kPngSequence: {
      const int count = static_cast<int>(job.steps.size());
      const std::string first = SequenceFramePath(job.path, 0, count);
      const std::string last = SequenceFramePath(job.path, count - 1, count);
      return sampled ? TrFormat("export.done_sequence_sampled", {frames, total, std::to_string(job.every), first, last})
                     : TrFormat("export.done_sequence", {frames, first, last});
    }
  }
  return {};
}

}  // namespace

std::vector<int> EveryKthStep(int total, int k) {
  std::vector<int> steps;
  k = std::max(k, 1);  // a k of 0 would never end
  for (int step = 0; step < total; step += k) steps.push_back(step);
  if (total > 0 && steps.back() != total - 1) steps.push_back(total - 1);
  return steps;
}

FramePlan PlanFrames(ExportKind kind, int total, int current, float speed, int loop_seconds) {
  FramePlan plan;
  if (!IsStepping(kind)) {
    plan.steps = {current};
    return plan;
  }
  if (kind == ExportKind::kPngSequence) {
    plan.every = SmallestEvery(total, kMaxExportFrames);
    plan.steps = EveryKthStep(total, plan.every);
    return plan;
  }
  // The play speed's pace: `speed` steps a second, in hundredths.
  const int play_delay = std::max(kMinGifDelay, static_cast<int>(std::lround(100.0 / speed)));
  const int loop = 100 * std::clamp(loop_seconds, kMinLoopSeconds, kMaxLoopSeconds);
  const int budget = std::min(kMaxExportFrames, loop / kMinGifDelay);
  plan.every = SmallestEvery(total, budget);
  plan.steps = EveryKthStep(total, plan.every);
  // At most `budget` frames, so loop / frames is kMinGifDelay or more.
  plan.delay = std::min(play_delay, loop / std::max(1, static_cast<int>(plan.steps.size())));
  return plan;
}

ExportCrop ClampCrop(const ExportCrop& crop, int width, int height) {
  const int x0 = std::clamp(crop.x, 0, width);
  const int y0 = std::clamp(crop.y, 0, height);
  const int x1 = std::clamp(crop.x + crop.w, 0, width);
  const int y1 = std::clamp(crop.y + crop.h, 0, height);
  if (crop.w <= 0 || crop.h <= 0 || x1 <= x0 || y1 <= y0) return {0, 0, width, height};
  return {x0, y0, x1 - x0, y1 - y0};
}

std::string SequenceFramePath(const std::string& path, int index, int count) {
  const std::filesystem::path p(path);
  const int digits = std::max(4, static_cast<int>(std::to_string(count).size()));
  std::string number = std::to_string(index + 1);
  number.insert(0, static_cast<size_t>(std::max(0, digits - static_cast<int>(number.size()))), '0');
  const std::string extension = p.has_extension() ? p.extension().string() : ".png";
  return (p.parent_path() / (p.stem().string() + "_" + number + extension)).string();
}

bool StartExport(AppState& state, ExportKind kind, const std::string& path) {
  ExportJob job;
  job.kind = kind;
  job.path = path;
  job.return_step = state.ActiveStep();
  job.total_steps = state.ActiveTotal();
  FramePlan plan = PlanFrames(kind, job.total_steps, job.return_step, state.view.speed,
                              state.view.gif_options.loop_seconds);
  job.steps = std::move(plan.steps);
  job.every = plan.every;
  job.delay = plan.delay;
  job.dither = state.view.gif_options.dither;
  // Asked now rather than learnt after the first frame (or, for a GIF,
  // after the last).
  const std::string first =
      kind == ExportKind::kPngSequence ? SequenceFramePath(path, 0, static_cast<int>(job.steps.size())) : path;
  if (Result<bool> savable = CheckSavable(first); !savable) {
    state.SetStatus(savable.error(), true);
    return false;
  }
  state.view.playing = false;
  state.view.export_job = std::move(job);
  return true;
}

float ExportScale(const ExportJob& job) { return job.kind == ExportKind::kPng2x ? 2.0f : 1.0f; }

void ShowExportFrame(AppState& state) {
  const ExportJob& job = *state.view.export_job;
  state.view.playing = false;
  state.GoToActiveStep(job.steps[static_cast<size_t>(job.next)]);
  state.view.glide_t = 1.0f;
}

void WriteExportFrame(AppState& state, int width, int height, const uint8_t* rgba) {
  ExportJob& job = *state.view.export_job;
  Result<bool> written = true;
  const int count = static_cast<int>(job.steps.size());
  switch (job.kind) {
    case ExportKind::kPng1x:
    case ExportKind::kPng2x: written = WritePng(job.path, width, height, rgba); break;
    case ExportKind::kPngSequence: written = WritePng(SequenceFramePath(job.path, job.next, count), width, height, rgba); break;
    case ExportKind::kGif: {
      const ExportCrop crop = ClampCrop(job.crop, width, height);
      std::vector<uint8_t> part(4 * static_cast<size_t>(crop.w) * static_cast<size_t>(crop.h));
      for (int y = 0; y < crop.h; ++y) {
        const uint8_t* row = rgba + 4 * (static_cast<size_t>(crop.y + y) * static_cast<size_t>(width) +
                                         static_cast<size_t>(crop.x));
        std::copy(row, row + 4 * static_cast<size_t>(crop.w), part.data() + 4 * static_cast<size_t>(y) * crop.w);
      }
      if (!job.gif.is_open()) written = job.gif.Open(job.path, crop.w, crop.h, job.delay, job.dither);
      if (written) written = job.gif.AddFrame(part.data(), crop.w, crop.h);
      break;
    }
  }
  if (!written) return EndJob(state, written.error(), true);
  if (++job.next < count) return;
  if (job.kind == ExportKind::kGif) {
    if (Result<bool> finished = job.gif.Finish(); !finished) return EndJob(state, finished.error(), true);
  }
  EndJob(state, DoneMessage(job, width, height), false);
}

void StopExport(AppState& state, const std::string& error) {
  if (!state.view.export_job) return;
  if (!error.empty()) return EndJob(state, error, true);
  const ExportJob& job = *state.view.export_job;
  if (job.kind != ExportKind::kPngSequence || job.next == 0) return EndJob(state, Tr("export.cancelled_nothing"), false);
  const int count = static_cast<int>(job.steps.size());
  EndJob(state,
         TrFormat("export.cancelled_sequence", {std::to_string(job.next), std::to_string(count),
                                                SequenceFramePath(job.path, 0, count),
                                                SequenceFramePath(job.path, job.next - 1, count)}),
         false);
}

}  // namespace convstep
