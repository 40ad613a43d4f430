// The session's convolution as a Python snippet a student pastes into a
// Colab cell, to see PyTorch or Keras compute the output the window steps
// through: same input, weights, bias, stride, dilation, groups, padding and
// activation, every number written exactly.
#pragma once

#include <string>

#include "core/session/session.h"

namespace convstep {

// torch.nn.functional.conv2d in float64 on the [1, C, H, W] input and the
// [C_out, C_in/groups, kH, kW] weight. Padding is conv2d's own argument when
// it can be (zero padding, symmetric amounts, or "same" with stride 1), and
// otherwise an F.pad of the resolved amounts before an unpadded conv2d.
std::string PytorchCode(const Session& session);

// A float64 keras.layers.Conv2D on the input in NHWC layout, with the
// weights set in Keras's HWIO layout and the padding done first by np.pad of
// the resolved amounts; the output is printed back in [C, H, W].
std::string KerasCode(const Session& session);

}  // namespace convstep
