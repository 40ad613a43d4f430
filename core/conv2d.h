// The whole convolution at once, for the output panel and live image views.
// The stepper explains one value at a time; this computes all of them.
#pragma once

#include <vector>

#include "core/conv_spec.h"
#include "core/result.h"
#include "core/tensor.h"

namespace convstep {

// The padded input, padded_h x padded_w per channel, with the ring filled as
// the padding mode says.
Tensor3 PadInput(const Tensor3& input, const Conv2dGeometry& geo);

// The exact output in double precision, [C_out][H_out][W_out]. `geo` must come
// from ResolveConv2d(spec).
Tensor3 Conv2dForward(const Conv2dSpec& spec, const Conv2dGeometry& geo);

// Validates, then convolves.
Result<Tensor3> Conv2d(const Conv2dSpec& spec);

}  // namespace convstep
