// Grids from files, chosen by extension (any case): .csv, .tsv and .txt are
// text (core/grid_text.h), .npy is NumPy's format (core/npy.h). A relative
// path is resolved against the current directory. Images (.png, .jpg, .jpeg,
// .bmp, .gif) are not read here, since the core decodes no images (app/image
// does, for the window and convstep-cli grid): the error says so.
#pragma once

#include <string>

#include "core/base/result.h"
#include "core/conv/tensor.h"

namespace convstep {

// Every error names the file: missing, a directory, unreadable, too big, an
// unsupported extension, or the parser's own message (line and column).
Result<Tensor3> LoadGridFile(const std::string& path);

}  // namespace convstep
