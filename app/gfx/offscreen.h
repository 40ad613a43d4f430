// Drawing somewhere other than the window: a framebuffer object with a
// colour texture of its own size, for exports larger than the screen (2×),
// and reading pixels back in the order picture files store them.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/base/result.h"

namespace convstep::gfx {

// width×height RGBA pixels of the framebuffer bound for reading, top row
// first (OpenGL's rows start at the bottom, picture files' at the top).
std::vector<uint8_t> ReadPixelsTopDown(int width, int height);

class Offscreen {
 public:
  // Fails with a readable message when the driver cannot make one this large.
  static Result<std::unique_ptr<Offscreen>> Create(int width, int height);
  ~Offscreen();
  Offscreen(const Offscreen&) = delete;
  Offscreen& operator=(const Offscreen&) = delete;

  int width() const { return width_; }
  int height() const { return height_; }
  // Draws and reads go to the texture until Unbind, which returns them to
  // the window.
  void Bind();
  void Unbind();

 private:
  Offscreen(unsigned framebuffer, unsigned texture, int width, int height)
      : framebuffer_(framebuffer), texture_(texture), width_(width), height_(height) {}
  unsigned framebuffer_ = 0;
  unsigned texture_ = 0;
  int width_ = 0;
  int height_ = 0;
};

}  // namespace convstep::gfx
