// An animated GIF built frame by frame with giflib: the stepping of a
// convolution for slides. Every frame stores the rectangle that changed
// since the previous one, in 256 colours of its own (255 and a transparent
// one after the first), optionally dithered; the animation loops forever. The file is assembled in memory and
// written atomically by Finish (core/file_io.h), so a cancelled or failed
// export never leaves half a GIF, and an older file of that name stays as it
// was until the new one is complete.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.h"

struct GifFileType;

namespace convstep {

// How a frame of more colours than its palette is reduced to it. None maps
// each pixel to its palette entry: a photo's smooth shading turns into
// bands. Floyd–Steinberg error diffusion maps each pixel to the nearest
// entry and passes what it missed on to the pixels right and below (7/16,
// 3/16, 5/16, 1/16), so that the bands become a fine grain whose average
// is the photo's shading; flat areas of exact colours stay as they are.
enum class GifDither { kNone, kFloydSteinberg };

class GifWriter {
 public:
  GifWriter() = default;
  ~GifWriter();
  GifWriter(GifWriter&& other) noexcept;
  GifWriter& operator=(GifWriter&& other) noexcept;
  GifWriter(const GifWriter&) = delete;
  GifWriter& operator=(const GifWriter&) = delete;

  // Starts a GIF of width×height pixels showing each frame for
  // `delay_centiseconds` (GIF counts time in hundredths of a second). Fails
  // at once when `path` could not be written at the end: a missing or
  // read-only folder is not discovered after minutes of frames.
  Result<bool> Open(const std::string& path, int width, int height, int delay_centiseconds,
                    GifDither dither = GifDither::kNone);
  // One frame of width×height 8-bit RGBA pixels, top row first; alpha is
  // ignored. Every frame has the size given to Open.
  Result<bool> AddFrame(const uint8_t* rgba, int width, int height);
  // Ends the GIF and writes the file.
  Result<bool> Finish();

  bool is_open() const { return gif_ != nullptr; }
  int frames() const { return frames_; }

 private:
  void Close();
  GifFileType* gif_ = nullptr;
  std::string path_;
  std::string bytes_;  // the GIF so far
  std::vector<uint8_t> previous_;  // the last frame's pixels: the next stores only what differs
  int width_ = 0;
  int height_ = 0;
  int delay_ = 0;
  GifDither dither_ = GifDither::kNone;
  int frames_ = 0;
};

}  // namespace convstep
