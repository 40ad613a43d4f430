// Reads back the frame just drawn and writes it as a PNG.
#pragma once

#include <string>

#include "core/base/result.h"

namespace convstep::gfx {

// Call after rendering, before the buffers are swapped.
Result<bool> WriteScreenshot(const std::string& path, int width, int height);

}  // namespace convstep::gfx
