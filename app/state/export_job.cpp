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

// Every step when they fit, else kMaxExportFrames of them evenly spaced,
// the first and the last included.
std::vector<int> FrameSteps(int total) {
  const int frames = std::min(total, kMaxExportFrames);
  std::vector<int> steps(static_cast<size_t>(frames));
  for (int i = 0; i < frames; ++i) {
    steps[static_cast<size_t>(i)] =
        frames == total ? i : static_cast<int>(std::lround(static_cast<double>(i) * (total - 1) / (frames - 1)));
  }
  return steps;
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
      return sampled ? TrFormat("export.done_gif_sampled", {frames, total, job.path, Kilobytes(job.path)})
                     : TrFormat("export.done_gif", {frames, job.path, Kilobytes(job.path)});
    case ExportKind::kPngSequence: {
      const int count = static_cast<int>(job.steps.size());
      const std::string first = SequenceFramePath(job.path, 0, count);
      const std::string last = SequenceFramePath(job.path, count - 1, count);
      return sampled ? TrFormat("export.done_sequence_sampled", {frames, total, first, last})
                     : TrFormat("export.done_sequence", {frames, first, last});
    }
  }
  return {};
}

}  // namespace

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
  job.steps = IsStepping(kind) ? FrameSteps(job.total_steps) : std::vector<int>{job.return_step};
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
    case ExportKind::kGif:
      if (!job.gif.is_open()) {
        // The play speed's pace: `speed` steps a second, in hundredths.
        const int delay = static_cast<int>(std::lround(100.0 / state.view.speed));
        written = job.gif.Open(job.path, width, height, delay);
      }
      if (written) written = job.gif.AddFrame(rgba, width, height);
      break;
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
