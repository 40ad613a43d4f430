#include "app/gfx/offscreen.h"

#include <glad/gl.h>

#include <algorithm>
#include <string>

namespace convstep::gfx {

std::vector<uint8_t> ReadPixelsTopDown(int width, int height) {
  const size_t row = static_cast<size_t>(width) * 4;
  std::vector<uint8_t> pixels(row * static_cast<size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  for (int y = 0; y < height / 2; ++y) {
    std::swap_ranges(pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(y)),
                     pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(y + 1)),
                     pixels.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(height - 1 - y)));
  }
  return pixels;
}

Result<std::unique_ptr<Offscreen>> Offscreen::Create(int width, int height) {
  GLint largest = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &largest);
  GLint viewport[2] = {};
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
  largest = std::min({largest, viewport[0], viewport[1]});
  if (width < 1 || height < 1 || width > largest || height > largest) {
    return Error{"cannot draw a " + std::to_string(width) + "\u00d7" + std::to_string(height) +
                 " picture: this graphics driver draws at most " + std::to_string(largest) + " pixels a side"};
  }
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, 0);
  GLuint framebuffer = 0;
  glGenFramebuffers(1, &framebuffer);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    glDeleteFramebuffers(1, &framebuffer);
    glDeleteTextures(1, &texture);
    return Error{"cannot draw offscreen: the graphics driver refused the framebuffer (status " +
                 std::to_string(status) + ")"};
  }
  return std::unique_ptr<Offscreen>(new Offscreen(framebuffer, texture, width, height));
}

Offscreen::~Offscreen() {
  glDeleteFramebuffers(1, &framebuffer_);
  glDeleteTextures(1, &texture_);
}

void Offscreen::Bind() {
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glViewport(0, 0, width_, height_);
}

void Offscreen::Unbind() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

}  // namespace convstep::gfx
