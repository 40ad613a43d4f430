// Network files (issue 12): a model in the summary's format
// (model_json.h) whose layers also carry their weights in PyTorch's layouts
// (core/nn/network.h), as tests/data/nn_cases.json's "model" is:
//   {"input_shape": [8, 8, 2], "layers": [
//     {"type": "conv2d", "filters": 3, "kernel_size": 3,
//      "weight": [[[[...]]]] (filters, channels, rows, columns), "bias": [...]},
//     {"type": "batchnorm", "gamma": [...], "beta": [...], "moving_mean": [...],
//      "moving_variance": [...], "epsilon": 0.001},
//     {"type": "relu"}, {"type": "maxpool2d", "pool_size": 2}, {"type": "flatten"},
//     {"type": "dense", "units": 4, "weight": [[...]] (units, inputs), "bias": [...]}]}
// conv1d's weight is [filters][channels][taps]. Every array is checked
// against the shapes the model gives it (NetworkShapes), within its limits,
// so a file cannot make the exact path allocate more than they allow. Also
// the readers of the forward and train-steps specs and the writers of their
// results.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/conv/tensor.h"
#include "core/formats/session_io.h"
#include "core/formats/spec_json.h"
#include "core/nn/backward.h"
#include "core/nn/network.h"
#include "core/nn/network_shapes.h"
#include "core/nn/optimizer.h"
#include "core/nn/train_steps.h"

namespace convstep {

// 64 MiB: a network file at the exact path's limits is about this size in
// text (2^22 parameters of ~16 characters); a larger one is the wrong file.
constexpr std::size_t kMaxNetworkFileBytes = std::size_t{64} << 20;

// The network, or an Error naming the layer and what is wrong: "layer 1,
// conv2d (Conv2D): no weights: it needs \"weight\" [3][2][3][3]
// [filters][channels][rows][columns] and \"bias\" [3] [filters]", "layer 6,
// dense (Dense): weight is [4][20] but must be [4][12] [units][inputs]",
// "... weight[0][3] is not a number". A batchnorm's "epsilon" is optional
// (Keras's 0.001).
Result<Network> NetworkFromJson(const Json& j);

// The network in the same format (NetworkFromJson reads it back to the same
// doubles: JSON's numbers are written in the shortest form that reads back
// exactly). Requires a network CheckNetwork accepts.
OrderedJson NetworkToJson(const Network& net);

// The input of `model`: [channels][rows][columns], or for a sequence model
// [channels][steps] (or [channels][1][steps]), of the shape its input_shape
// gives (CheckInput's message otherwise).
Result<Tensor3> InputFromJson(const Json& j, const Model& model, const std::string& field = "input");

// A class index: a whole number from 0 to classes - 1.
Result<int> TargetFromJson(const Json& j, int classes, const std::string& field = "target");

// torch.optim's two: {"type": "sgd", "lr", "momentum" (default 0)} or
// {"type": "adam", "lr" (default 0.001), "beta1" (0.9), "beta2" (0.999),
// "epsilon" (1e-8)}.
Result<OptimizerSpec> OptimizerFromJson(const Json& j);

// The spec of convstep-cli forward: {"model": network, "input", "target"
// (optional)}.
struct ForwardSpec {
  Network network;
  Tensor3 input;
  int target = -1;  // -1 when the spec has none
};
Result<ForwardSpec> ForwardSpecFromJson(const Json& spec);

// The spec of convstep-cli train-steps, tests/data/train_cases.json's
// format: {"model": network, "inputs": [input, ...], "targets": [...],
// "optimizer", "steps"}.
Result<TrainStepsSpec> TrainStepsSpecFromJson(const Json& spec);

// An activation as nn_cases.json writes it: [C][H][W], [C][L] for a signal,
// [N] once flat (the rank of `shapes.keras_output` says which).
Json ActivationToJson(const Tensor3& activation, const LayerShapes& shapes);
// The input's gradient shaped as the input was read: [C][H][W], or [C][L]
// for a sequence model.
Json InputGradToJson(const Tensor3& grad, const Model& model);
// One layer's gradients as nn_cases.json's "grads" lists them: {"weight",
// "bias"} for conv2d, conv1d and dense (bias null without use_bias),
// {"gamma", "beta"} for batchnorm, null for the others.
Json LayerGradsToJson(const LayerGrads& grads, const LayerShapes& shapes, LayerType type);
// One layer's weights as train_cases.json's "weights_after" lists them:
// {"weight", "bias"} for the layers that have them, null for the others
// (batchnorm: {"gamma", "beta", "moving_mean", "moving_variance"}).
Json LayerWeightsToJson(const LayerParams& params, const LayerShapes& shapes);

}  // namespace convstep
