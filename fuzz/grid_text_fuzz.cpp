// libFuzzer target: any bytes as a text grid. Beyond the promises of
// grid_invariants.h, a grid that parses must parse again, equal, from the
// text it prints as (shortest round-trip numbers, spaces, blank lines).
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/formats/grid_text.h"
#include "fuzz/grid_invariants.h"

namespace {

std::string AsText(const convstep::Tensor3& t) {
  std::string text;
  char number[64];
  for (int c = 0; c < t.c; ++c) {
    if (c > 0) text += '\n';
    for (int y = 0; y < t.h; ++y) {
      for (int x = 0; x < t.w; ++x) {
        const auto [end, ec] = std::to_chars(number, number + sizeof number, t.at(c, y, x));
        convstep::Require(ec == std::errc(), "a value prints");
        text.append(number, end);
        text += x + 1 < t.w ? ' ' : '\n';
      }
    }
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const convstep::Result<convstep::Tensor3> grid =
      convstep::ParseGridText(std::string_view(reinterpret_cast<const char*>(data), size));
  convstep::CheckGridInvariants(grid);
  if (grid) {
    const convstep::Result<convstep::Tensor3> again = convstep::ParseGridText(AsText(*grid));
    convstep::Require(again.ok(), "a parsed grid's text parses");
    convstep::Require(again->c == grid->c && again->h == grid->h && again->w == grid->w &&
                          again->data == grid->data,
                      "a parsed grid's text gives the same grid");
  }
  return 0;
}
