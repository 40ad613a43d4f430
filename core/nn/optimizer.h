// The two optimizers of torch.optim, written as PyTorch 1.13 computes them
// (single-tensor path, no weight decay, no Nesterov, no AMSGrad), for one
// flat array of parameters at a time. A template over the number type: the
// exact path steps doubles, the fast training path floats, with one copy of
// the arithmetic.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace convstep {

enum class OptimizerType { kSgd, kAdam };

struct OptimizerSpec {
  OptimizerType type = OptimizerType::kAdam;
  double lr = 1e-3;        // torch.optim.Adam's default
  double momentum = 0.0;   // SGD
  double beta1 = 0.9;      // Adam
  double beta2 = 0.999;    // Adam
  double epsilon = 1e-8;   // Adam
};

// What an optimizer remembers about one parameter array between steps.
template <typename T>
struct OptimizerSlot {
  std::vector<T> first;   // SGD: the momentum buffer; Adam: exp_avg
  std::vector<T> second;  // Adam: exp_avg_sq
  long long steps = 0;
};

// One step of `spec` on `param` (n values) with its gradient `grad`.
// SGD:  buf = g on the first step, then buf = momentum * buf + g; p -= lr * buf
//       (momentum 0: p -= lr * g).
// Adam: m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
//       p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
template <typename T>
void OptimizerStep(const OptimizerSpec& spec, T* param, const T* grad, std::size_t n,
                   OptimizerSlot<T>* slot) {
  ++slot->steps;
  if (spec.type == OptimizerType::kSgd) {
    const T lr = static_cast<T>(spec.lr);
    if (spec.momentum == 0.0) {
      for (std::size_t i = 0; i < n; ++i) param[i] -= lr * grad[i];
      return;
    }
    const T momentum = static_cast<T>(spec.momentum);
    if (slot->first.size() != n) {
      slot->first.assign(grad, grad + n);
    } else {
      for (std::size_t i = 0; i < n; ++i) slot->first[i] = momentum * slot->first[i] + grad[i];
    }
    for (std::size_t i = 0; i < n; ++i) param[i] -= lr * slot->first[i];
    return;
  }
  if (slot->first.size() != n) {
    slot->first.assign(n, T(0));
    slot->second.assign(n, T(0));
  }
  const T b1 = static_cast<T>(spec.beta1);
  const T b2 = static_cast<T>(spec.beta2);
  const double t = static_cast<double>(slot->steps);
  const T step_size = static_cast<T>(spec.lr / (1.0 - std::pow(spec.beta1, t)));
  const T correction2_sqrt = static_cast<T>(std::sqrt(1.0 - std::pow(spec.beta2, t)));
  const T eps = static_cast<T>(spec.epsilon);
  for (std::size_t i = 0; i < n; ++i) {
    T& m = slot->first[i];
    T& v = slot->second[i];
    m = b1 * m + (T(1) - b1) * grad[i];
    v = b2 * v + (T(1) - b2) * grad[i] * grad[i];
    param[i] -= step_size * m / (std::sqrt(v) / correction2_sqrt + eps);
  }
}

}  // namespace convstep
