// The whole convolution at once, for the output panel and live image views.
// The stepper explains one value at a time; this computes all of them, fast
// enough to redraw a 512x512 image on every edit: the input is padded once,
// then short runs of output row are summed tap by tap in vector registers,
// several filters at a time (see conv2d.cpp).
#pragma once

#include <cstddef>
#include <vector>

#include "core/base/result.h"
#include "core/conv/conv_spec.h"
#include "core/conv/tensor.h"

namespace convstep {

// A C x H x W image in single precision, row-major like Tensor3: what a live
// image view uploads as a texture.
struct Tensor3F {
  int c = 0;
  int h = 0;
  int w = 0;
  std::vector<float> data;  // c * h * w values

  std::size_t Index(int ci, int y, int x) const {
    return (static_cast<std::size_t>(ci) * h + y) * w + x;
  }
  float at(int ci, int y, int x) const { return data[Index(ci, y, x)]; }
};

// The output in double precision, [C_out][H_out][W_out]: each value is the
// bias plus the products in the stepper's order (channel, kernel row, kernel
// column), so it agrees with the stepper's arithmetic to rounding. `geo` must
// come from ResolveConv2d(spec).
Tensor3 Conv2dForward(const Conv2dSpec& spec, const Conv2dGeometry& geo);
// The same with the weights and bias held elsewhere, as spec.weight.data
// and spec.bias would hold them (`bias` null for none): a network's layers,
// which hold their own, are convolved without copying them.
Tensor3 Conv2dForward(const Tensor3& input, const double* weight, const double* bias, const Conv2dGeometry& geo);

// The same output computed in float32 (input, weights and sums rounded to
// float): twice the values per vector instruction and half the memory, for
// views that redraw a whole image while the user edits the kernel. Each value
// is within about (n + 3) 2^-24 times |bias| + sum |input x weight| of the
// exact one, n being the number of products. `geo` must come from
// ResolveConv2d(spec).
Tensor3F Conv2dForwardF32(const Conv2dSpec& spec, const Conv2dGeometry& geo);

// Validates, then convolves in double precision.
Result<Tensor3> Conv2d(const Conv2dSpec& spec);

}  // namespace convstep
