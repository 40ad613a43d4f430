// A model of the summary tab with its weights: the network that runs.
// Weights are in PyTorch's layouts (what torch.nn stores), so that a network
// trained here and one exported from PyTorch read the same way:
//   conv2d  weight [filters][C_in][kH][kW], bias [filters]
//   conv1d  weight [filters][C_in][K],      bias [filters]
//   dense   weight [units][inputs],         bias [units]
//   batchnorm gamma, beta, moving_mean, moving_variance [C], epsilon
// Activations are PyTorch's too: [C][H][W] for images (one Tensor3), [C][L]
// for signals (a Tensor3 one row high), [N] once flat (a Tensor3 N × 1 × 1).
// Flatten uses PyTorch's order, channel then row then column, where a Keras
// model (channels last) would take row, column, channel.
#pragma once

#include <vector>

#include "core/nn/model_summary.h"

namespace convstep {

// The parameters of one layer; a layer without parameters (relu, pooling,
// flatten, dropout) leaves every vector empty.
struct LayerParams {
  std::vector<double> weight;  // PyTorch's layout, row-major (above)
  std::vector<double> bias;    // empty when use_bias is false
  // batchnorm (inference): (x - moving_mean) / sqrt(moving_variance + epsilon) * gamma + beta
  std::vector<double> gamma;
  std::vector<double> beta;
  std::vector<double> moving_mean;
  std::vector<double> moving_variance;
  double epsilon = 1e-3;  // Keras's default
};

struct Network {
  Model model;
  std::vector<LayerParams> params;  // one per model.layers entry, same order
};

}  // namespace convstep
