#include "app/image/image_file.h"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "core/formats/file_io.h"

namespace convstep {

namespace {

struct StbFree {
  void operator()(unsigned char* pixels) const { stbi_image_free(pixels); }
};
using DecodedPixels = std::unique_ptr<unsigned char, StbFree>;

// stb_image's reasons are short ASCII phrases ("bad png sig"), but the
// fuzzer found a corrupt PNG after which Debian's libstb (2022-09) returns
// bytes of the file itself, control characters included. An error message
// must stay one printable line, so anything else reads as "corrupt data".
std::string StbReason() {
  constexpr std::size_t kLongestReason = 64;
  const char* reason = stbi_failure_reason();
  if (reason == nullptr) return "unknown error";
  const std::string text(reason, strnlen(reason, kLongestReason + 1));
  const bool printable = !text.empty() && text.size() <= kLongestReason &&
                         std::all_of(text.begin(), text.end(), [](char ch) { return ch >= 0x20 && ch < 0x7f; });
  return printable ? text : "corrupt data";
}

// What both loaders share once they can ask stb_image for the header
// (`info`) and for the pixels (`load`): nothing is decoded until the options
// and the picture's size are known to be acceptable, so a header claiming
// 30000×30000 pixels costs no allocation. `name` is how messages call it.
template <typename Info, typename Load>
Result<Tensor3> DecodeToGrid(const std::string& name, Info info, Load load, const ImageGridOptions& options) {
  if (std::optional<Error> bad = CheckImageGridOptions(options)) return *bad;
  int width = 0;
  int height = 0;
  int channels = 0;
  if (!info(&width, &height, &channels)) return Error{"cannot decode " + name + ": " + StbReason()};
  if (std::optional<Error> bad = CheckImageSize(width, height)) {
    return Error{"cannot load " + name + ": " + bad->message};
  }
  const DecodedPixels pixels(load(&width, &height, &channels));
  if (!pixels) return Error{"cannot decode " + name + ": " + StbReason()};
  return GridFromPixels(pixels.get(), width, height, channels, options);
}

}  // namespace

Result<Tensor3> LoadImageGrid(const std::string& path, const ImageGridOptions& options) {
  const std::string name = "'" + path + "'";
  if (!IsImagePath(path)) return Error{name + " is not a picture: use a .png, .jpg, .jpeg, .bmp or .gif file"};
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) return Error{name + " is a directory, not a picture"};
  if (!std::ifstream(path, std::ios::binary)) return Error{"cannot open " + name + ": " + std::strerror(errno)};
  return DecodeToGrid(
      name, [&](int* w, int* h, int* n) { return stbi_info(path.c_str(), w, h, n); },
      [&](int* w, int* h, int* n) { return stbi_load(path.c_str(), w, h, n, 0); }, options);
}

Result<ImageSize> ReadImageSize(const std::string& path) {
  ImageSize size;
  int channels = 0;
  if (!stbi_info(path.c_str(), &size.width, &size.height, &channels)) {
    return Error{"cannot decode '" + path + "': " + StbReason()};
  }
  return size;
}

Result<Tensor3> LoadImageGridFromMemory(const unsigned char* bytes, std::size_t size,
                                        const ImageGridOptions& options) {
  if (bytes == nullptr || size == 0) return Error{"cannot decode the picture: it is empty"};
  // stb_image counts bytes in an int.
  if (size > static_cast<std::size_t>(INT_MAX)) return Error{"cannot decode the picture: it is over 2 GB"};
  const int length = static_cast<int>(size);
  return DecodeToGrid(
      "the picture", [&](int* w, int* h, int* n) { return stbi_info_from_memory(bytes, length, w, h, n); },
      [&](int* w, int* h, int* n) { return stbi_load_from_memory(bytes, length, w, h, n, 0); }, options);
}

Result<bool> WritePng(const std::string& path, int width, int height, const unsigned char* rgba) {
  std::string bytes;
  const auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
  };
  if (stbi_write_png_to_func(append, &bytes, width, height, 4, rgba, width * 4) == 0) {
    return Error{"cannot save '" + path + "': the picture could not be encoded"};
  }
  return WriteFileAtomically(path, bytes);
}

}  // namespace convstep
