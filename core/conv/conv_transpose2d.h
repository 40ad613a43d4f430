// PyTorch's conv_transpose2d in double precision: every input value stamps
// the kernel, scaled by itself, onto the output at stride spacing, and the
// overlapping stamps add up. It is the gradient of Conv2d with the same
// weight, which is why its weight keeps Conv2d's layout read the other way
// round: [C_in][C_out/groups][kH][kW].
#pragma once

#include <vector>

#include "core/base/result.h"
#include "core/conv/tensor.h"

namespace convstep {

struct ConvTranspose2dSpec {
  Tensor3 input;                // [C_in][H][W]
  Tensor4 weight;               // [C_in][C_out/groups][kH][kW]: Tensor4's n is C_in here, its c is C_out/groups
  std::vector<double> bias;     // C_out values, or empty for no bias
  Pair stride{1, 1};            // spacing of the stamps on the output
  Pair padding{0, 0};           // rows and columns cut from both sides of the full output
  Pair output_padding{0, 0};    // rows and columns added at the bottom and right, smaller than stride or dilation
  Pair dilation{1, 1};          // spacing between kernel taps
  int groups = 1;               // input and output channels split in this many groups
};

// Validates, then computes the output: [C_out][H_out][W_out] with
// H_out = (H - 1)s - 2p + d(kH - 1) + output_padding + 1, and the same for W.
Result<Tensor3> ConvTranspose2d(const ConvTranspose2dSpec& spec);

}  // namespace convstep
