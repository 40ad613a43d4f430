#include "core/conv/activation.h"

#include <algorithm>

namespace convstep {

double Activate(Activation activation, double value) {
  return activation == Activation::kRelu ? std::max(0.0, value) : value;
}

Tensor3 Activated(Tensor3 t, Activation activation) {
  for (double& v : t.data) v = Activate(activation, v);
  return t;
}

const char* ActivationName(Activation activation) { return activation == Activation::kRelu ? "relu" : "none"; }

bool ActivationFromName(std::string_view name, Activation* activation) {
  for (Activation a : {Activation::kNone, Activation::kRelu}) {
    if (name == ActivationName(a)) {
      *activation = a;
      return true;
    }
  }
  return false;
}

}  // namespace convstep
