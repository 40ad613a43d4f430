// The exact forward pass of a network (issue 12): every layer in float64, as
// PyTorch computes it in eval mode, with Keras's padding rules. The
// convolutions run through core/conv (Conv2dForward on the layer's
// Conv2dSpec), so each value is bit for bit the one the Convolution tab
// steps through; pooling runs through Pool2dStepper wherever PyTorch's
// pooling is the layer's computation. This is what students see and what
// the fast float32 path is tested against: clarity first, speed never.
//
// Layers, each on the activation before it (network.h's layouts):
//   conv2d, conv1d   the convolution with Keras's 'valid', 'same' or
//                    'causal' padding, strides, dilation_rate and use_bias
//   maxpool*, avgpool*  Keras's pooling: 'valid' windows, or 'same' ones
//                    that hang over the edge; a window's padding is never a
//                    value: max takes the largest input in it (the first in
//                    row-major order when several are), average divides by
//                    the inputs it holds (TensorFlow's rule; with 'valid'
//                    every window is inside, so it is PyTorch's too)
//   relu             max(x, 0)
//   flatten          PyTorch's order: channel, then row, then column
//   dense            bias + weight · input
//   batchnorm        inference: (x - moving_mean) / sqrt(moving_variance +
//                    epsilon) * gamma + beta, per channel
//   dropout          the identity (inference)
//   globalavgpool*   each channel's mean
// The last layer's output are the logits: no softmax layer; Softmax and
// CrossEntropy below turn them into probabilities and a loss.
#pragma once

#include <vector>

#include "core/base/result.h"
#include "core/conv/conv_spec.h"
#include "core/conv/pool2d.h"
#include "core/conv/tensor.h"
#include "core/nn/network.h"
#include "core/nn/network_shapes.h"

namespace convstep {

// The Conv2dSpec a conv2d layer computes on `layer_input` (its input
// activation): that input, the layer's weight and bias, stride, dilation
// and Keras's padding, ready for the Convolution tab. A conv1d layer gives
// its convolution one row high (input [C][1][L], weight [F][C][1][K],
// padding 'valid', 'same' or 'causal' along the width), what Conv1dStepper
// runs. Requires a network CheckNetwork accepts and a conv layer whose
// input has the shape NetworkShapes gives.
Conv2dSpec LayerConv2dSpec(const Network& net, int layer, const Tensor3& layer_input);

// The PyTorch pooling that is exactly a pooling layer's computation on
// `layer_input` (for a 1-D layer, one row high), for the Pooling tab: always
// for 'valid' windows; for 'same' ones only when Keras pads both sides alike
// and, for average pooling, not at all (PyTorch's average counts the
// padding, Keras's does not). Otherwise why not, in one sentence. Same
// requirements as LayerConv2dSpec.
Result<Pool2dSpec> LayerPool2dSpec(const Network& net, int layer, const Tensor3& layer_input);

// The padding Keras's 'same' puts around a pooling layer's input, [top,
// bottom, left, right] (a smaller half before), all 0 for 'valid'. The
// steps below are in the coordinates of the input padded so.
Padding4 LayerPoolPadding(const Network& net, int layer, const Tensor3& layer_input);

// One window of a pooling layer as the Pooling tab's steps list it: step k
// of the layer (channels, then output rows, then columns), its taps in
// padded coordinates, the padding marked. From Pool2dStepper where
// LayerPool2dSpec exists, else from Keras's 'same' windows. `value` is the
// layer's output: for average pooling the sum over the taps inside the
// input divided by their number (`divisor`).
std::vector<PoolStep> LayerPoolSteps(const Network& net, int layer, const Tensor3& layer_input);

// Layer `layer` of `net` applied to `layer_input`. Same requirements as
// LayerConv2dSpec.
Tensor3 LayerForward(const Network& net, int layer, const Tensor3& layer_input);

// Every layer's output, in order (one per layer, shaped as NetworkShapes
// says: [C][H][W], [C][1][L] or [N][1][1]). Checks the network
// (CheckNetwork) and that `input` is the model's input
// (ModelInputActivation); any other input is an Error.
Result<std::vector<Tensor3>> ForwardActivations(const Network& net, const Tensor3& input);

// Why `input` is not the input the model takes, or "": "the input is
// [1][8][8] but the model takes input_shape [8, 8, 2], [2][8][8]
// [channels][rows][columns]".
std::string CheckInput(const Model& model, const Tensor3& input);

// How many class scores the network gives: the size of its last layer's
// output, which must be flat ([N]: a dense layer, or a global pooling),
// else an Error saying so. A network without layers has none.
Result<int> ClassCount(const Network& net);

// softmax(z)_i = exp(z_i - max z) / sum_j exp(z_j - max z): the same as
// exp(z_i) / sum exp(z_j), without overflow for large scores.
std::vector<double> Softmax(const std::vector<double>& logits);

// The cross-entropy of softmax(logits) against class `target`, PyTorch's
// F.cross_entropy for one example: log(sum_j exp(z_j)) - z_target, computed
// as max z + log(sum_j exp(z_j - max z)) - z_target. Requires 0 <= target <
// logits.size().
double CrossEntropy(const std::vector<double>& logits, int target);

}  // namespace convstep
