#include "core/formats/grid_file.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string_view>

#include "core/formats/file_io.h"
#include "core/formats/grid_text.h"
#include "core/formats/image_grid.h"
#include "core/formats/npy.h"

namespace convstep {

namespace {

std::string LowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return ext;
}

}  // namespace

Result<Tensor3> LoadGridFile(const std::string& path) {
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    if (!ec || ec == std::errc::no_such_file_or_directory) {
      return Error{"file.missing", {path}, "cannot open '" + path + "': no such file"};
    }
    return Error{"cannot open '" + path + "': " + ec.message()};
  }
  if (std::filesystem::is_directory(status)) return Error{"'" + path + "' is a directory, not a grid file"};

  const std::string ext = LowerExtension(path);
  const bool text = ext == ".csv" || ext == ".tsv" || ext == ".txt";
  if (IsImagePath(path)) {
    return Error{"'" + path + "' is an image, not a grid file (.csv, .tsv, .txt or .npy): open it in the "
                 "window, or turn it into numbers with convstep-cli grid"};
  }
  if (!text && ext != ".npy") {
    return Error{"grid.not_grid_file", {path},
                 "'" + path + "' is not a grid file: use .csv, .tsv or .txt (text) or .npy (NumPy)"};
  }

  Result<std::string> bytes = ReadFileAtMost(path, text ? kMaxGridTextBytes : kMaxNpyBytes);
  if (!bytes) return bytes.failure();
  Result<Tensor3> grid = text ? ParseGridText(*bytes) : ParseNpy(*bytes);
  if (!grid) return Prefixed("'" + path + "': ", grid.failure());
  return grid;
}

}  // namespace convstep
