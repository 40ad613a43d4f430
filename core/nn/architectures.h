// The networks the Network tab offers to train on Fashion-MNIST (28×28×1,
// ten classes), as models of the summary tab (Keras's layers, no weights).
#pragma once

#include "core/nn/model_summary.h"

namespace convstep {

enum class Architecture {
  // The lecture's CIFAR model on 28×28×1: Conv2D 32 - ReLU - MaxPooling 2 -
  // Conv2D 64 - ReLU - MaxPooling 2 - Conv2D 128 - ReLU - Flatten - Dense 10.
  kLecture,
  // LeNet-5 (LeCun et al., 1998) as it is usually rebuilt for 28×28 digits:
  // Conv2D 6 5×5 'same' - ReLU - AveragePooling 2 - Conv2D 16 5×5 - ReLU -
  // AveragePooling 2 - Flatten - Dense 120 - ReLU - Dense 84 - ReLU - Dense 10
  // (ReLU where the paper had tanh).
  kLeNet5,
  // The least that learns: Conv2D 8 - ReLU - MaxPooling 2 - Flatten - Dense 10.
  kTiny,
};

inline constexpr Architecture kAllArchitectures[] = {Architecture::kLecture, Architecture::kLeNet5, Architecture::kTiny};

// "lecture", "lenet5", "tiny".
const char* ArchitectureName(Architecture architecture);
bool ArchitectureFromName(const char* name, Architecture* architecture);

Model ArchitectureModel(Architecture architecture);

}  // namespace convstep
