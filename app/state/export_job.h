// File ▸ Export: the view as one PNG (at the window's size or twice it, for
// slides), or the whole stepping as an animated GIF or numbered PNGs. An
// export is a job that writes one frame per pass of the main loop, so the
// window stays responsive, shows the progress and can be cancelled. Nothing
// here touches OpenGL: the main loop draws each frame, captures it
// (gfx::Window::RenderCapture) and hands the pixels over.
//
// A cancelled GIF writes nothing (it is assembled in memory, see GifWriter);
// a cancelled PNG sequence keeps the pictures already written, each of them
// complete. Steppings longer than kMaxExportFrames are sampled: every k-th
// step, and the last. A GIF is made for a slide: it shows the tab's panels
// only (the shell gives the rectangle, ExportCrop), its loop lasts at most
// GifExportOptions::loop_seconds, and photos may be dithered.
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

// The GIF's options in File ▸ Export, kept while the window is open.
inline constexpr int kDefaultLoopSeconds = 30;
inline constexpr int kMinLoopSeconds = 1;
inline constexpr int kMaxLoopSeconds = 600;
struct GifExportOptions {
  int loop_seconds = kDefaultLoopSeconds;  // the whole loop at most this long
  GifDither dither = GifDither::kNone;
};

// The shortest frame of a GIF, in hundredths of a second. Browsers and
// slide programs show a delay under 2 as 10, and at 20 frames a second the
// window still reads as moving from cell to cell rather than flickering.
inline constexpr int kMinGifDelay = 5;

// Which steps an export shows and, for a GIF, how long each frame stays.
struct FramePlan {
  std::vector<int> steps;  // every `every`-th step from the first, and the last
  int every = 1;
  int delay = 0;           // centiseconds per frame (GIF only)
};

// Every k-th of `total` steps from step 0, and the last one whether or not
// k divides the way to it.
std::vector<int> EveryKthStep(int total, int k);

// A GIF of `total` steps at `speed` steps a second whose loop lasts at most
// `loop_seconds`: the play speed's delay while the loop fits, else a shorter
// one down to kMinGifDelay, and past that the smallest k that fits (and at
// most kMaxExportFrames frames). A PNG sequence: every step, or every k-th
// to stay within kMaxExportFrames. A PNG: the one step `current`.
FramePlan PlanFrames(ExportKind kind, int total, int current, float speed, int loop_seconds);

// The part of the captured picture a GIF keeps, in its pixels: the tab's
// content, without the menu bar, the controls bar or the status line. The
// shell sets it every frame before the capture; w or h 0 keeps the whole
// picture.
struct ExportCrop {
  int x = 0;
  int y = 0;
  int w = 0;
  int h = 0;
};

// The crop inside a width×height picture (the whole of it when the crop is
// empty or lies outside it).
ExportCrop ClampCrop(const ExportCrop& crop, int width, int height);

struct ExportJob {
  ExportKind kind = ExportKind::kPng1x;
  std::string path;            // as chosen; a sequence numbers it: name_0001.png, ...
  std::vector<int> steps;      // the step each frame shows (of the active stepper)
  int every = 1;               // steps holds every `every`-th step (and the last)
  int delay = 0;               // a GIF's frame, in centiseconds
  GifDither dither = GifDither::kNone;
  ExportCrop crop;             // a GIF's part of each captured picture
  int total_steps = 0;         // how many steps the stepper has
  int next = 0;                // the next frame to write
  bool cancel_requested = false;  // Cancel was pressed: the frame is not captured, StopExport ends the job
  int return_step = 0;         // where the user was: restored at the end
  GifWriter gif;
};

// Starts an export of the active stepper (pooling's on its tab, the
// convolution's elsewhere), a GIF with the view's GifExportOptions. A path
// that cannot be written fails at once: one message in the status line and
// no job.
bool StartExport(AppState& state, ExportKind kind, const std::string& path);

// 2 for the 2× PNG, else 1: the captured picture is this many times the
// window's size.
float ExportScale(const ExportJob& job);

// Before a frame that will be captured: the stepper to the step of the
// job's next frame, with no glide or playback in between.
void ShowExportFrame(AppState& state);

// The pixels of the frame drawn after ShowExportFrame (width×height RGBA,
// top row first; a GIF keeps the job's crop of them). Writes them, moves on, and ends the job after its last
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
