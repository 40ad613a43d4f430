// One activation of a network written out as the student would work it by
// hand: a dense unit's dot product (its largest terms, then the rest as one
// sum), a ReLU's max, a batchnorm's formula, a flatten's source cell, a
// global average's mean. Convolutions and pooling are stepped through in
// their own tabs instead (they have steppers); this text is for the rest.
#pragma once

#include <string>
#include <vector>

#include "core/conv/tensor.h"
#include "core/nn/network.h"

namespace convstep {

// One activation: the output of layer `layer` (0-based, as in the model) at
// channel c, row y, column x; a flat layer's unit is c = unit, y = x = 0.
struct ActivationRef {
  int layer = 0;
  int c = 0;
  int y = 0;
  int x = 0;
  bool operator==(const ActivationRef&) const = default;
};

// How one activation is computed from its layer's input, with the numbers:
// - dense: the dot product's terms "w·x", the largest in magnitude first
//   (at most `terms` of them), the rest summed, the bias, the value;
// - relu, batchnorm, dropout, global average: `formula` with the numbers
//   in, e.g. "max(0, -0.31) = 0";
// - flatten: the cell of the layer before it that it copies (`source`).
struct ActivationSum {
  bool valid = false;                  // false when `ref` names nothing in the activations
  std::vector<std::string> terms;      // dense: "0.53·1.2", "(-0.4)·2.1", ...
  int rest_count = 0;                  // dense: the terms not written one by one
  double rest_sum = 0;                 // and their sum
  bool has_bias = false;
  double bias = 0;
  int inputs = 0;                      // dense: how many inputs the unit sums
  std::string formula;                 // the other layers' arithmetic
  ActivationRef source;                // flatten: the cell it copies
  double value = 0;                    // the activation, as the forward pass gave it
};

// `input` is the network's input, `activations` every layer's output from
// the forward pass (the layer's own input is the output before it).
ActivationSum ActivationArithmetic(const Network& network, const Tensor3& input,
                                   const std::vector<Tensor3>& activations, const ActivationRef& ref, int terms = 8);

}  // namespace convstep
