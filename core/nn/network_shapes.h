// What a network's arrays must look like: each layer's input and output as
// PyTorch holds them, the parameter arrays its layer type has with their
// shapes, and the check that a Network (read from a file, or built by an
// initialiser) has exactly those, finite, within the sizes the exact path
// will allocate. Every part of issue 12 that walks a network (the forward
// and backward passes, training, the JSON reader) starts from these.
#pragma once

#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/nn/model_summary.h"
#include "core/nn/network.h"

namespace convstep {

// The most values one activation (a layer's output, or the zero-padded input
// a convolution reads) may hold: 2^22, 32 MiB of doubles. Far beyond the
// networks a student steps through (a 32×32 picture through 64 filters is
// 65,536), small enough that a file cannot make the exact path allocate
// gigabytes.
constexpr long long kMaxLayerValues = 1LL << 22;
// The most values all of a network's activations and parameters may hold
// together (2^24, 128 MiB of doubles): the forward pass keeps every
// activation, for the backward pass and for the window to show.
constexpr long long kMaxNetworkValues = 1LL << 24;

// An activation's shape in PyTorch's order, without the batch: [C][H][W] for
// a picture, [C][1][L] for a signal (one row high), [N][1][1] once flat.
struct ActivationShape {
  int c = 0;
  int h = 1;
  int w = 1;
  long long size() const { return static_cast<long long>(c) * h * w; }
  bool operator==(const ActivationShape&) const = default;
};

// One array of a layer's parameters, as PyTorch names and shapes it.
struct ParamArray {
  std::string name;        // "weight", "bias", "gamma", "beta", "moving_mean", "moving_variance"
  std::vector<int> shape;  // e.g. [filters][C_in][kH][kW] for a conv2d weight
  std::string layout;      // the levels named, e.g. "[filters][channels][rows][columns]"
  bool trainable = true;   // false for batchnorm's moving statistics

  long long size() const;
};

// A layer's place in a network: what it reads, what it gives, what it holds.
struct LayerShapes {
  ActivationShape input;
  ActivationShape output;
  // Keras's output shape, the batch left out ([H, W, C], [steps, C] or [N]):
  // its rank says how the output is written out ([C][H][W], [C][L] or [N]).
  std::vector<long long> keras_output;
  std::vector<ParamArray> params;  // in the order above; empty for relu, pooling, flatten, dropout
};

// The JSON fields of a layer's parameters in a network file, by type:
// weight and bias for conv2d, conv1d and dense; gamma, beta, moving_mean,
// moving_variance and epsilon for batchnorm; none for the others.
std::vector<std::string> LayerWeightFields(LayerType type);

// The model's input as PyTorch holds it: [C][H][W], or [C][1][L] for a
// sequence model.
ActivationShape ModelInputActivation(const Model& model);

// Every layer's shapes, or why the model cannot run: what SummarizeModel
// says, or an activation or a parameter array beyond the limits above
// ("layer 2, conv2d_1 (Conv2D): its output would hold more than 4,194,304
// values, the most the exact path takes in one array").
Result<std::vector<LayerShapes>> NetworkShapes(const Model& model);

// `model` as a network whose every array has the size NetworkShapes gives
// it: weights and biases 0, batchnorm as PyTorch creates it (gamma 1, beta
// 0, moving_mean 0, moving_variance 1, epsilon Keras's 0.001). A model
// without weights is no network file (NetworkFromJson refuses it); this is
// where training starts from one, for an initialiser to fill the weights.
Result<Network> BlankNetwork(const Model& model);

// The values of parameter array `name` of `params` (one of the names
// above), or null for an unknown name.
std::vector<double>* ParamValues(LayerParams* params, const std::string& name);
const std::vector<double>* ParamValues(const LayerParams& params, const std::string& name);

// Checks that `net` can run: NetworkShapes, one LayerParams per layer, each
// layer holding exactly the arrays its shapes call for (no bias when
// use_bias is false) with finite values, and for batchnorm a positive
// epsilon and no negative variance. The error names the layer:
// "layer 1, conv2d (Conv2D): no weights", "layer 4, dense (Dense): weight has
// 30 values but must be [4][8], 32", "... weight[17] is not a finite number".
Result<std::vector<LayerShapes>> CheckNetwork(const Network& net);

// "[3][2][3][3]": a shape as the messages write it.
std::string DimsText(const std::vector<int>& shape);

}  // namespace convstep
