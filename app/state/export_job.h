// File ▸ Export: the view as one PNG (at the window's size or twice it, for
// slides), or the whole stepping as an animated GIF or numbered PNGs. An
// export is a job that writes one frame per pass of the main loop, so the
// window stays responsive, shows the progress and can be cancelled. Nothing
// here touches OpenGL: the main loop draws each frame, captures it
// (gfx::Window::RenderCapture) and hands the pixels over.
//
// A cancelled GIF writes nothing (it is assembled in memory, see GifWriter);
// a cancelled PNG sequence keeps the pictures already written, each of them
// complete. Steppings longer than kMaxExportFrames are sampled evenly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/image/gif_writer.h"

namespace convstep {

struct AppState;

enum class ExportKind { kPng1x, kPng2x, kGif, kPngSequence };

// At most this many frames. Measured at 1280×800 (llvmpipe, 2 cores): a
// GIF frame takes 13-35 ms and 6-17 kB after the first, a PNG 70 ms and
// 200 kB; so a GIF of 600 frames takes 8-20 s and 4-10 MB, a PNG sequence
// about 45 s and 120 MB. The window draws at most 60 frames a second.
constexpr int kMaxExportFrames = 600;

struct ExportJob {
  ExportKind kind = ExportKind::kPng1x;
  std::string path;            // as chosen; a sequence numbers it: name_0001.png, ...
  std::vector<int> steps;      // the step each frame shows (of the active stepper)
  int total_steps = 0;         // how many steps the stepper has
  int next = 0;                // the next frame to write
  bool cancel_requested = false;  // Cancel was pressed: the frame is not captured, StopExport ends the job
  int return_step = 0;         // where the user was: restored at the end
  GifWriter gif;
};

// Starts an export of the active stepper (pooling's on its tab, the
// convolution's elsewhere). A path that cannot be written fails at once:
// one message in the status line and no job.
bool StartExport(AppState& state, ExportKind kind, const std::string& path);

// 2 for the 2× PNG, else 1: the captured picture is this many times the
// window's size.
float ExportScale(const ExportJob& job);

// Before a frame that will be captured: the stepper to the step of the
// job's next frame, with no glide or playback in between.
void ShowExportFrame(AppState& state);

// The pixels of the frame drawn after ShowExportFrame (width×height RGBA,
// top row first). Writes them, moves on, and ends the job after its last
// frame or on an error, with a message in the status line and the user's
// step restored.
void WriteExportFrame(AppState& state, int width, int height, const uint8_t* rgba);

// Ends a running job, if any: cancelled (Cancel, or the window is closing),
// or failed with `error` (a capture that could not be drawn).
void StopExport(AppState& state, const std::string& error = "");

// Frame `index` (from 0) of a PNG sequence chosen as `path`: "slides.png" →
// "slides_0001.png", four digits or as many as `count` needs.
std::string SequenceFramePath(const std::string& path, int index, int count);

}  // namespace convstep
