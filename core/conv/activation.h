// The activation after a convolution: none, or ReLU (max(0, x)), as the
// lecture's Conv2D(..., activation='relu').
#pragma once

#include <string_view>

#include "core/conv/tensor.h"

namespace convstep {

enum class Activation { kNone, kRelu };

double Activate(Activation activation, double value);
// Every value of `t` through the activation.
Tensor3 Activated(Tensor3 t, Activation activation);
const char* ActivationName(Activation activation);  // "none", "relu"
bool ActivationFromName(std::string_view name, Activation* activation);

}  // namespace convstep
