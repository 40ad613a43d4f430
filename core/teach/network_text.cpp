#include "core/teach/network_text.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/teach/step_text.h"

namespace convstep {

namespace {

void Dense(const LayerParams& p, const Tensor3& in, const ActivationRef& ref, int terms, ActivationSum* sum) {
  const int n = static_cast<int>(in.data.size());
  const double* w = p.weight.data() + static_cast<size_t>(ref.c) * static_cast<size_t>(n);
  std::vector<int> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  // The largest products first: they are what decides the unit.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return std::fabs(w[a] * in.data[static_cast<size_t>(a)]) > std::fabs(w[b] * in.data[static_cast<size_t>(b)]);
  });
  const int shown = std::min(terms, n);
  for (int k = 0; k < shown; ++k) {
    const size_t i = static_cast<size_t>(order[static_cast<size_t>(k)]);
    sum->terms.push_back(FormatValue(w[i], true) + "·" + FormatValue(in.data[i], true));
  }
  for (int k = shown; k < n; ++k) {
    const size_t i = static_cast<size_t>(order[static_cast<size_t>(k)]);
    sum->rest_sum += w[i] * in.data[i];
  }
  sum->rest_count = n - shown;
  sum->inputs = n;
  sum->has_bias = !p.bias.empty();
  if (sum->has_bias) sum->bias = p.bias[static_cast<size_t>(ref.c)];
}

// Flatten copies (channel, row, column) in PyTorch's order.
ActivationRef FlattenSource(const Tensor3& in, const ActivationRef& ref) {
  const int plane = in.h * in.w;
  return {ref.layer - 1, ref.c / plane, (ref.c % plane) / in.w, ref.c % in.w};
}

std::string BatchNormFormula(const LayerParams& p, double x, int c, double value) {
  const size_t i = static_cast<size_t>(c);
  return "(" + FormatValue(x) + " - " + FormatValue(p.moving_mean[i], true) + ") / √(" +
         FormatValue(p.moving_variance[i]) + " + " + FormatValue(p.epsilon) + ") · " + FormatValue(p.gamma[i], true) +
         " + " + FormatValue(p.beta[i], true) + " = " + FormatValue(value);
}

std::string MeanFormula(const Tensor3& in, int c, double value) {
  const int n = in.h * in.w;
  return "(" + FormatValue(in.at(c, 0, 0)) + (n > 1 ? " + … + " + FormatValue(in.at(c, in.h - 1, in.w - 1)) : "") +
         ") / " + std::to_string(n) + " = " + FormatValue(value);
}

}  // namespace

ActivationSum ActivationArithmetic(const Network& network, const Tensor3& input,
                                   const std::vector<Tensor3>& activations, const ActivationRef& ref, int terms) {
  ActivationSum sum;
  if (ref.layer < 0 || static_cast<size_t>(ref.layer) >= activations.size() ||
      activations.size() != network.model.layers.size()) {
    return sum;
  }
  const Tensor3& out = activations[static_cast<size_t>(ref.layer)];
  if (!out.Contains(ref.c, ref.y, ref.x)) return sum;
  const Tensor3& in = ref.layer == 0 ? input : activations[static_cast<size_t>(ref.layer - 1)];
  const LayerParams& p = network.params[static_cast<size_t>(ref.layer)];
  sum.valid = true;
  sum.value = out.at(ref.c, ref.y, ref.x);
  switch (network.model.layers[static_cast<size_t>(ref.layer)].type) {
    case LayerType::kDense: Dense(p, in, ref, terms, &sum); break;
    case LayerType::kFlatten: sum.source = FlattenSource(in, ref); break;
    case LayerType::kReLU:
      sum.formula = "max(0, " + FormatValue(in.at(ref.c, ref.y, ref.x)) + ") = " + FormatValue(sum.value);
      break;
    case LayerType::kBatchNorm: sum.formula = BatchNormFormula(p, in.at(ref.c, ref.y, ref.x), ref.c, sum.value); break;
    case LayerType::kDropout: sum.formula = FormatValue(in.at(ref.c, ref.y, ref.x)) + " = " + FormatValue(sum.value); break;
    case LayerType::kGlobalAvgPool2d:
    case LayerType::kGlobalAvgPool1d: sum.formula = MeanFormula(in, ref.c, sum.value); break;
    default: break;  // convolutions and pooling have their own tabs
  }
  return sum;
}

}  // namespace convstep
