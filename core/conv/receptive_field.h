// The receptive field of a stack of 1-D convolutions: which samples of the
// network's input (and of every layer's input on the way) one output
// position of the top layer depends on. WaveNet's stack of causal layers with
// K = 2 and dilations 1, 2, 4, 8 sees 16 samples; with dilation the positions
// a layer reads need not be contiguous, so each layer's set is listed as well
// as the range it spans.
#pragma once

#include <string>
#include <vector>

#include "core/base/result.h"

namespace convstep {

// One layer as far as dependencies go: the weights do not matter, only where
// the taps fall. Output o reads inputs o*stride + k*dilation - P_left,
// k = 0 .. kernel - 1, with P_left = dilation*(kernel - 1) when causal (Keras
// Conv1D's padding="causal") and 0 otherwise (the field is the same for any
// symmetric padding, shifted; positions here count from the first sample).
struct ReceptiveLayer {
  int kernel = 2;
  int stride = 1;
  int dilation = 1;
  bool causal = false;
};

// What one layer reads of its input for the traced output, in that input's
// numbering, sorted. Near the start a causal layer also reads its padding
// (negative positions, before the signal begins): zeros that depend on
// nothing, so the trace does not follow them down.
struct LayerReach {
  std::vector<int> positions;  // samples of the layer's input, 0 or more
  std::vector<int> padding;    // causal padding read, below 0
  int first = 0;               // positions.front() and .back()
  int last = 0;
  int Span() const { return last - first + 1; }
};

struct ReceptiveField {
  int out_position = 0;            // the top layer's output position traced back
  std::vector<LayerReach> layers;  // one per layer, in the order of the stack (layers[0] reads the network's input)
  // Samples of the network's input from the first position the output
  // depends on to the last: ReceptiveFieldSize(layers), less the part that
  // falls before the signal when the output is near its start.
  int size = 0;
};

// The field of `out_position` of the last layer of `layers` (given bottom to
// top, as a Keras Sequential lists them), or why it cannot be traced.
Result<ReceptiveField> TraceReceptiveField(const std::vector<ReceptiveLayer>& layers, int out_position);

// The field's size in closed form, 1 + sum over layers of d_i(K_i - 1) times
// the product of the strides below layer i; requires valid layers.
long long ReceptiveFieldSize(const std::vector<ReceptiveLayer>& layers);

// That sum with the numbers put in: "1 + 1*(2 - 1) + 2*(2 - 1) + 4*(2 - 1) +
// 8*(2 - 1) = 16"; a stride below a layer shows as a factor, "3*(3 - 1)*2".
std::string ReceptiveFieldFormula(const std::vector<ReceptiveLayer>& layers);

}  // namespace convstep
