// NumPy's .npy files, as np.save writes them (format versions 1.0, 2.0 and
// 3.0): a 2-D array is one channel (rows × columns), a 3-D array is
// channels × rows × columns, the layout Tensor3 has.
//
// Read: float32, float64, int8, int16, int32, int64 and uint8, little-endian
// ('<', or '|' and '<' for the 1-byte types), C order. int64 values past
// 2^53 round to the nearest double. Everything else is an Error saying what
// and how to fix it in NumPy: big-endian or other dtypes, fortran_order
// True, a header that does not parse, data shorter or longer than the shape,
// other ranks, empty shapes, NaN or infinity, and shapes over the limits of
// core/grid_limits.h (checked before anything is allocated).
//
// The input is a byte buffer rather than a file, so that it can be fuzzed.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/base/result.h"
#include "core/conv/tensor.h"
#include "core/formats/grid_limits.h"

namespace convstep {

// np.save writes headers of a few hundred bytes; NumPy itself refuses
// headers over 10000 bytes unless told otherwise.
constexpr std::size_t kMaxNpyHeaderBytes = 65535;
// The largest .npy file a grid can come from: the 12-byte preamble of
// versions 2.0 and 3.0, the header, and 16 × 256 × 256 float64 values.
constexpr std::size_t kMaxNpyBytes =
    12 + kMaxNpyHeaderBytes + std::size_t{kMaxGridChannels} * kMaxGridSide * kMaxGridSide * 8;

Result<Tensor3> ParseNpy(std::string_view bytes);

}  // namespace convstep
