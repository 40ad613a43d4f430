// The exact backward pass (issue 12): the gradient of a loss with respect to
// every parameter and to the input, in float64, layer by layer from the last
// to the first, with PyTorch's conventions where the derivative has a choice:
//   relu       the derivative at exactly 0 is 0 (gradient only where x > 0)
//   max pool   the window's gradient goes to its argmax: the first largest
//              input in row-major order, as the forward pass took it
//   avg pool   each input of a window gets the window's gradient over the
//              number the forward pass divided by (with 'valid' windows
//              PyTorch's count_include_pad; Keras's 'same' leaves the
//              padding out, as its forward pass does)
//   batchnorm  inference mode: the moving statistics are constants, so
//              d/dx = gamma / sqrt(moving_variance + epsilon), and gamma and
//              beta get their gradients; the statistics get none
//   dropout    the identity
// Speed is not a concern here (see forward.h): each layer's loops follow
// its formula.
#pragma once

#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/conv/tensor.h"
#include "core/nn/network.h"

namespace convstep {

// The gradient of one layer's trainable parameters, shaped as LayerParams
// holds them: weight and bias for conv2d, conv1d and dense (no bias when
// use_bias is false), gamma and beta for batchnorm; all empty for the layers
// without parameters.
struct LayerGrads {
  std::vector<double> weight;
  std::vector<double> bias;
  std::vector<double> gamma;
  std::vector<double> beta;
};

// The gradient array of `grads` named as the parameter array it belongs to
// ("weight", "bias", "gamma", "beta"), or null for any other name.
std::vector<double>* GradValues(LayerGrads* grads, const std::string& name);
const std::vector<double>* GradValues(const LayerGrads& grads, const std::string& name);

struct Gradients {
  std::vector<LayerGrads> layers;  // one per layer
  Tensor3 input;                   // d loss / d input, shaped as the input
};

// Back-propagates `output_grad` (d loss / d the last layer's output, shaped
// as it) through `net`, given the `input` and the `activations`
// ForwardActivations gave for it. Requires a network CheckNetwork accepts.
Gradients Backward(const Network& net, const Tensor3& input, const std::vector<Tensor3>& activations,
                   const Tensor3& output_grad);

// d CrossEntropy / d logits = softmax(logits) - onehot(target).
std::vector<double> CrossEntropyGrad(const std::vector<double>& logits, int target);

// What one example gives: the forward pass, the loss and every gradient.
struct ExampleGradients {
  std::vector<Tensor3> activations;
  std::vector<double> logits;
  std::vector<double> probabilities;
  double loss = 0;
  Gradients grads;
};

// The cross-entropy of the network's logits on `input` against class
// `target`, and its gradients: ForwardActivations, CrossEntropy,
// CrossEntropyGrad, Backward. An Error for a network that cannot run on the
// input (ForwardActivations), one whose last output is not flat
// (ClassCount), or a target that is not a class index.
Result<ExampleGradients> LossGradients(const Network& net, const Tensor3& input, int target);

// Why `target` is not a class index of `classes` logits, or "": "5 is no
// class: the model gives 4 class scores, so a target is from 0 to 3".
std::string CheckTarget(long long target, int classes);

}  // namespace convstep
