// The starting weights of a network, drawn the way its framework draws them,
// from a seed, so that the same seed gives the same network on every machine.
#pragma once

#include <cstdint>

#include "core/base/result.h"
#include "core/nn/network.h"

namespace convstep {

enum class InitScheme {
  // torch.nn's defaults: Conv2d, Conv1d and Linear weights by
  // kaiming_uniform_(a = sqrt(5)), which is U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
  // and their biases from the same range.
  kPyTorch,
  // Keras's defaults: glorot_uniform weights, U(+-sqrt(6 / (fan_in + fan_out))),
  // and zero biases.
  kGlorot,
};

// A layer's fans as both frameworks count them: fan_in = C_in kH kW (inputs
// for a dense layer), fan_out = filters kH kW (units). Zero for a layer
// without weights.
struct Fans {
  long long in = 0;
  long long out = 0;
};

// The fans of `layer` on an input of `input_shape` (SummarizeModel's shape
// of the layer before, or the model's input shape).
Fans LayerFans(const LayerSpec& layer, const std::vector<long long>& input_shape);

// Every weight of `model` drawn by `scheme` from a std::mt19937_64 seeded with
// `seed`, layer by layer, weight then bias, in PyTorch's layouts (network.h).
// Batchnorm starts as the identity: gamma 1, beta 0, moving mean 0, moving
// variance 1, epsilon 1e-3 (Keras's). Fails with SummarizeModel's message
// when the model has no valid shapes.
Result<Network> InitNetwork(const Model& model, InitScheme scheme, std::uint64_t seed);

// A uniform value in [0, 1) from one draw of the generator: the top 53 bits
// as a double. Written out because std::uniform_real_distribution's
// algorithm is left to each standard library, and the same seed must give
// the same network everywhere.
double UnitUniform(std::uint64_t bits);

}  // namespace convstep
