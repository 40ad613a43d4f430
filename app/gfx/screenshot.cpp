#include "app/gfx/screenshot.h"

#include <glad/gl.h>
#include <stb/stb_image_write.h>

#include <vector>

namespace convstep::gfx {

Result<bool> WriteScreenshot(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows start at the bottom; PNG's at the top.
  stbi_flip_vertically_on_write(1);
  if (stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4) == 0) {
    return Error{"cannot write the screenshot '" + path + "'"};
  }
  return true;
}

}  // namespace convstep::gfx
