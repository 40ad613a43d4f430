// libFuzzer target: any bytes through Gunzipped with a 1 MiB limit. A
// failure keeps the promises of every reader and has a code for the window
// to translate; bytes that are not gzip come back as they are, and gzip data
// never decompresses to more than the limit.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/gzip/gzip_file.h"
#include "fuzz/grid_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kLimit = std::size_t{1} << 20;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const convstep::Result<std::string> out = convstep::Gunzipped(bytes, kLimit);
  if (!out) {
    convstep::CheckErrorInvariants(out.failure());
    convstep::Require(!out.failure().code.empty(), "a gzip error has a code");
    return 0;
  }
  const bool gzip = size >= 2 && data[0] == 0x1F && data[1] == 0x8B;
  if (gzip) convstep::Require(out->size() <= kLimit, "at most the limit decompressed");
  else convstep::Require(*out == bytes, "bytes that are not gzip as they are");
  return 0;
}
