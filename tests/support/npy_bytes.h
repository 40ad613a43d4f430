// .npy files built byte by byte, as np.save writes them, for the tests of
// the reader: every dtype, version and broken variant without needing NumPy.
#pragma once

#include <bit>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <type_traits>

namespace convstep::testing {

// Values as little-endian bytes, whatever the host's byte order.
template <typename T>
std::string LittleEndian(std::initializer_list<T> values) {
  std::string out;
  for (T v : values) {
    std::uint64_t bits = 0;
    if constexpr (std::is_same_v<T, float>) bits = std::bit_cast<std::uint32_t>(v);
    else if constexpr (std::is_same_v<T, double>) bits = std::bit_cast<std::uint64_t>(v);
    else bits = static_cast<std::uint64_t>(v);  // two's complement for the signed types
    for (std::size_t k = 0; k < sizeof(T); ++k) out += static_cast<char>((bits >> (8 * k)) & 0xFF);
  }
  return out;
}

// Magic, version `major`.0, the header length (2 bytes in version 1, else
// 4), `dict` padded with spaces and ended by '\n' so that the data starts at
// a multiple of 64 bytes, then `data`.
inline std::string Npy(const std::string& dict, const std::string& data, int major = 1) {
  const std::size_t preamble = major == 1 ? 10 : 12;
  std::string header = dict;
  while ((preamble + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::string out = "\x93NUMPY";
  out += static_cast<char>(major);
  out += '\0';
  for (std::size_t k = 0; k < preamble - 8; ++k) out += static_cast<char>((header.size() >> (8 * k)) & 0xFF);
  return out + header + data;
}

// np.save's header for a C-order array of `descr` and `shape`, e.g. "(2, 3)".
inline std::string NpyDict(const std::string& descr, const std::string& shape) {
  return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
}

}  // namespace convstep::testing
