// IDX files built byte by byte, as the MNIST page describes them, for the
// tests of the reader: valid and broken headers without any data set.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace convstep::testing {

// Two zero bytes, the type, the number of dimensions, each dimension as 4
// big-endian bytes, then `data`.
inline std::string Idx(int type, const std::vector<std::uint32_t>& dims, const std::string& data) {
  std::string out = {'\0', '\0', static_cast<char>(type), static_cast<char>(dims.size())};
  for (const std::uint32_t d : dims) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((d >> shift) & 0xFF);
  }
  return out + data;
}

// Unsigned bytes (type 0x08), the only type the reader takes.
inline std::string IdxBytes(const std::vector<std::uint32_t>& dims, const std::string& data) {
  return Idx(0x08, dims, data);
}

}  // namespace convstep::testing
