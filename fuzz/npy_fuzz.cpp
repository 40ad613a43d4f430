// libFuzzer target: any bytes as a .npy file, checked against the promises
// of grid_invariants.h; a grid that parses also accounts for every byte of
// the file (the reader refuses trailing data), so the data is at least one
// byte a value.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/formats/npy.h"
#include "fuzz/grid_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const convstep::Result<convstep::Tensor3> grid =
      convstep::ParseNpy(std::string_view(reinterpret_cast<const char*>(data), size));
  convstep::CheckGridInvariants(grid);
  if (grid) convstep::Require(size >= 10 + grid->data.size(), "a preamble and a byte a value at least");
  return 0;
}
