#include "core/grid_file.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "core/grid_text.h"
#include "core/npy.h"

namespace convstep {

namespace {

std::string LowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return ext;
}

// The whole file, refused as soon as it passes `limit` bytes: reading in
// chunks rather than trusting the size on disk also bounds pipes and devices.
Result<std::string> ReadAtMost(const std::string& path, std::size_t limit) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error{"cannot open '" + path + "': " + std::strerror(errno)};
  std::string bytes;
  char chunk[1 << 16];
  while (file.read(chunk, sizeof chunk) || file.gcount() > 0) {
    bytes.append(chunk, static_cast<std::size_t>(file.gcount()));
    if (bytes.size() > limit) {
      return Error{"'" + path + "' is larger than " + std::to_string(limit) +
                   " bytes, too big for a grid (at most " + std::to_string(kMaxGridChannels) + " channels of " +
                   std::to_string(kMaxGridSide) + "\u00d7" + std::to_string(kMaxGridSide) + ")"};
    }
  }
  if (file.bad()) return Error{"cannot read '" + path + "'"};
  return bytes;
}

}  // namespace

Result<Tensor3> LoadGridFile(const std::string& path) {
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    return Error{"cannot open '" + path + "': " + (ec ? ec.message() : "no such file")};
  }
  if (std::filesystem::is_directory(status)) return Error{"'" + path + "' is a directory, not a grid file"};

  const std::string ext = LowerExtension(path);
  const bool text = ext == ".csv" || ext == ".tsv" || ext == ".txt";
  if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp" || ext == ".gif") {
    return Error{"'" + path + "' is an image, not a grid file (.csv, .tsv, .txt or .npy): open it in the "
                 "window, or turn it into numbers with convstep-cli grid"};
  }
  if (!text && ext != ".npy") {
    return Error{"'" + path + "' is not a grid file: use .csv, .tsv or .txt (text) or .npy (NumPy)"};
  }

  Result<std::string> bytes = ReadAtMost(path, text ? kMaxGridTextBytes : kMaxNpyBytes);
  if (!bytes) return Error{bytes.error()};
  Result<Tensor3> grid = text ? ParseGridText(*bytes) : ParseNpy(*bytes);
  if (!grid) return Error{"'" + path + "': " + grid.error()};
  return grid;
}

}  // namespace convstep
