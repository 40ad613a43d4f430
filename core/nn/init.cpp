#include "core/nn/init.h"

#include <cmath>
#include <random>

namespace convstep {

namespace {

// Fills `values` from U(-bound, bound).
void FillUniform(std::vector<double>* values, std::size_t n, double bound, std::mt19937_64* rng) {
  values->resize(n);
  for (double& v : *values) v = (2.0 * UnitUniform((*rng)()) - 1.0) * bound;
}

// The weight's and the bias's bounds for the scheme and the fans (a bias
// bound of 0: zeros, no draws).
struct Bounds {
  double weight = 0.0;
  double bias = 0.0;
};

Bounds BoundsOf(InitScheme scheme, Fans fans) {
  if (scheme == InitScheme::kGlorot) {
    return {std::sqrt(6.0 / static_cast<double>(fans.in + fans.out)), 0.0};
  }
  // kaiming_uniform_(a = sqrt(5)): gain sqrt(2 / (1 + 5)), bound gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in).
  const double bound = 1.0 / std::sqrt(static_cast<double>(fans.in));
  return {bound, bound};
}

}  // namespace

double UnitUniform(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

Fans LayerFans(const LayerSpec& layer, const std::vector<long long>& input_shape) {
  const long long channels = input_shape.empty() ? 0 : input_shape.back();
  switch (layer.type) {
    case LayerType::kConv2d: {
      const long long window = static_cast<long long>(layer.kernel_size.h) * layer.kernel_size.w;
      return {channels * window, layer.filters * window};
    }
    case LayerType::kConv1d:
      return {channels * layer.kernel_size.w, static_cast<long long>(layer.filters) * layer.kernel_size.w};
    case LayerType::kDense:
      return {channels, layer.units};
    default:
      return {};
  }
}

Result<Network> InitNetwork(const Model& model, InitScheme scheme, std::uint64_t seed) {
  Result<ModelSummary> summary = SummarizeModel(model);
  if (!summary) return summary.failure();
  std::mt19937_64 rng(seed);
  Network network{model, std::vector<LayerParams>(model.layers.size())};
  std::vector<long long> input = ModelInputShape(model);
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const LayerSpec& layer = model.layers[i];
    LayerParams& p = network.params[i];
    const Fans fans = LayerFans(layer, input);
    if (layer.type == LayerType::kBatchNorm) {
      const auto channels = static_cast<std::size_t>(input.back());
      p.gamma.assign(channels, 1.0);
      p.beta.assign(channels, 0.0);
      p.moving_mean.assign(channels, 0.0);
      p.moving_variance.assign(channels, 1.0);
    } else if (fans.in > 0) {
      const Bounds bounds = BoundsOf(scheme, fans);
      const int outputs = layer.type == LayerType::kDense ? layer.units : layer.filters;
      FillUniform(&p.weight, static_cast<std::size_t>(fans.in) * outputs, bounds.weight, &rng);
      if (layer.use_bias && bounds.bias > 0.0) {
        FillUniform(&p.bias, static_cast<std::size_t>(outputs), bounds.bias, &rng);
      } else if (layer.use_bias) {
        p.bias.assign(static_cast<std::size_t>(outputs), 0.0);
      }
    }
    input = summary->layers[i].output_shape;
  }
  return network;
}

}  // namespace convstep
