#include "app/gfx/screenshot.h"

#include <glad/gl.h>

#include <vector>

#include "app/gfx/offscreen.h"
#include "app/image/image_file.h"

namespace convstep::gfx {

Result<bool> WriteScreenshot(const std::string& path, int width, int height) {
  glReadBuffer(GL_BACK);
  const std::vector<uint8_t> pixels = ReadPixelsTopDown(width, height);
  return WritePng(path, width, height, pixels.data());
}

}  // namespace convstep::gfx
