// Index of this file:
// [SECTION] One layer
// [SECTION] The network
// [SECTION] Cross-entropy

#include "core/nn/backward.h"

#include <cmath>
#include <utility>

#include "core/conv/conv_spec.h"
#include "core/nn/forward.h"
#include "core/nn/network_shapes.h"

namespace convstep {

namespace {

// [SECTION] One layer
//
// Each function takes the layer's input `in` (the activation the forward
// pass gave it) and `g_out` (d loss / d its output), and gives d loss / d
// its input and, for the layers with parameters, their gradients.

// out[f][oy][ox] = bias[f] + sum over c, ky, kx of w[f][c][ky][kx] *
// padded[c][oy s_h + ky d_h][ox s_w + kx d_w], so each product sends g_out
// times the input to the weight and g_out times the weight to the input;
// taps in the zero padding read no input and send nothing. The windows are
// the forward pass's: the same Conv2dSpec and geometry.
Tensor3 ConvBackward(const Network& net, int layer, const Tensor3& in, const Tensor3& g_out, LayerGrads* grads) {
  const Conv2dSpec spec = LayerConv2dSpec(net, layer, in);
  Tensor3 g_in(in.c, in.h, in.w);
  Result<Conv2dGeometry> resolved = ResolveConv2d(spec);
  if (!resolved) return g_in;  // not for a checked network
  const Conv2dGeometry& geo = *resolved;
  const Tensor4& w = spec.weight;
  grads->weight.assign(w.data.size(), 0.0);
  if (!spec.bias.empty()) grads->bias.assign(spec.bias.size(), 0.0);
  for (int f = 0; f < geo.out_channels; ++f) {
    for (int oy = 0; oy < geo.out_h; ++oy) {
      for (int ox = 0; ox < geo.out_w; ++ox) {
        const double g = g_out.at(f, oy, ox);
        if (!spec.bias.empty()) grads->bias[static_cast<size_t>(f)] += g;
        for (int ci = 0; ci < geo.in_per_group; ++ci) {
          const int c = geo.FirstInputChannel(f) + ci;
          for (int ky = 0; ky < geo.kernel_h; ++ky) {
            for (int kx = 0; kx < geo.kernel_w; ++kx) {
              int y = 0;
              int x = 0;
              if (!SourceOfPadded(geo, oy * geo.stride.h + ky * geo.dilation.h,
                                  ox * geo.stride.w + kx * geo.dilation.w, &y, &x)) {
                continue;
              }
              grads->weight[w.Index(f, ci, ky, kx)] += in.at(c, y, x) * g;
              g_in.at(c, y, x) += w.at(f, ci, ky, kx) * g;
            }
          }
        }
      }
    }
  }
  return g_in;
}

// Each window's gradient goes where its value came from: max pooling's to
// the argmax, average pooling's in equal shares to the inputs it divided.
Tensor3 PoolBackward(const Network& net, int layer, const Tensor3& in, const Tensor3& g_out) {
  Tensor3 g_in(in.c, in.h, in.w);
  const Padding4 pad = LayerPoolPadding(net, layer, in);
  const bool max = net.model.layers[static_cast<size_t>(layer)].type == LayerType::kMaxPool2d ||
                   net.model.layers[static_cast<size_t>(layer)].type == LayerType::kMaxPool1d;
  const size_t plane = static_cast<size_t>(in.h) * in.w;
  for (const PoolStep& s : LayerPoolSteps(net, layer, in)) {
    const double g = g_out.data[static_cast<size_t>(s.step)];
    if (max) {
      g_in.data[s.channel * plane + static_cast<size_t>(s.argmax)] += g;
      continue;
    }
    for (const PoolTap& t : s.taps) {
      if (!t.in_padding) g_in.at(s.channel, t.y - pad.top, t.x - pad.left) += g / s.divisor;
    }
  }
  return g_in;
}

// out[c] = the mean of channel c's H·W values.
Tensor3 GlobalAvgPoolBackward(const Tensor3& in, const Tensor3& g_out) {
  Tensor3 g_in(in.c, in.h, in.w);
  const size_t plane = static_cast<size_t>(in.h) * in.w;
  for (int c = 0; c < in.c; ++c) {
    const double share = g_out.data[static_cast<size_t>(c)] / static_cast<double>(plane);
    for (size_t i = 0; i < plane; ++i) g_in.data[c * plane + i] = share;
  }
  return g_in;
}

// out[u] = bias[u] + sum_i w[u][i] in[i].
Tensor3 DenseBackward(const LayerSpec& layer, const LayerParams& p, const Tensor3& in, const Tensor3& g_out,
                      LayerGrads* grads) {
  const size_t inputs = in.data.size();
  Tensor3 g_in(in.c, in.h, in.w);
  grads->weight.assign(p.weight.size(), 0.0);
  if (!p.bias.empty()) grads->bias.assign(p.bias.size(), 0.0);
  for (size_t u = 0; u < static_cast<size_t>(layer.units); ++u) {
    const double g = g_out.data[u];
    if (!p.bias.empty()) grads->bias[u] = g;
    for (size_t i = 0; i < inputs; ++i) {
      grads->weight[u * inputs + i] = g * in.data[i];
      g_in.data[i] += p.weight[u * inputs + i] * g;
    }
  }
  return g_in;
}

// out = (in - mean) / sd * gamma + beta with sd = sqrt(moving_variance +
// epsilon) a constant in inference mode.
Tensor3 BatchNormBackward(const LayerParams& p, const Tensor3& in, const Tensor3& g_out, LayerGrads* grads) {
  Tensor3 g_in(in.c, in.h, in.w);
  grads->gamma.assign(p.gamma.size(), 0.0);
  grads->beta.assign(p.beta.size(), 0.0);
  const size_t plane = static_cast<size_t>(in.h) * in.w;
  for (size_t c = 0; c < static_cast<size_t>(in.c); ++c) {
    const double sd = std::sqrt(p.moving_variance[c] + p.epsilon);
    for (size_t i = 0; i < plane; ++i) {
      const size_t k = c * plane + i;
      const double g = g_out.data[k];
      grads->gamma[c] += g * ((in.data[k] - p.moving_mean[c]) / sd);
      grads->beta[c] += g;
      g_in.data[k] = g * p.gamma[c] / sd;
    }
  }
  return g_in;
}

// out = max(in, 0): the gradient passes where in > 0, and not at 0.
Tensor3 ReluBackward(const Tensor3& in, const Tensor3& g_out) {
  Tensor3 g_in = g_out;
  for (size_t i = 0; i < in.data.size(); ++i) {
    if (!(in.data[i] > 0)) g_in.data[i] = 0.0;
  }
  return g_in;
}

// d loss / d the input of layer `layer`, its parameters' gradients in
// `grads`.
Tensor3 LayerBackward(const Network& net, int layer, const Tensor3& in, const Tensor3& g_out, LayerGrads* grads) {
  const LayerSpec& l = net.model.layers[static_cast<size_t>(layer)];
  const LayerParams& p = net.params[static_cast<size_t>(layer)];
  switch (l.type) {
    case LayerType::kConv2d:
    case LayerType::kConv1d:
      return ConvBackward(net, layer, in, g_out, grads);
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d:
    case LayerType::kMaxPool1d:
    case LayerType::kAvgPool1d:
      return PoolBackward(net, layer, in, g_out);
    case LayerType::kGlobalAvgPool2d:
    case LayerType::kGlobalAvgPool1d:
      return GlobalAvgPoolBackward(in, g_out);
    case LayerType::kDense:
      return DenseBackward(l, p, in, g_out, grads);
    case LayerType::kBatchNorm:
      return BatchNormBackward(p, in, g_out, grads);
    case LayerType::kReLU:
      return ReluBackward(in, g_out);
    case LayerType::kFlatten: {
      Tensor3 g_in = g_out;  // the same values in the same order, shaped as the input
      g_in.c = in.c;
      g_in.h = in.h;
      g_in.w = in.w;
      return g_in;
    }
    case LayerType::kDropout:
      return g_out;
  }
  return g_out;
}

}  // namespace

// [SECTION] The network

namespace {

template <typename G>
auto GradArrayOf(G& grads, const std::string& name) -> decltype(&grads.weight) {
  if (name == "weight") return &grads.weight;
  if (name == "bias") return &grads.bias;
  if (name == "gamma") return &grads.gamma;
  if (name == "beta") return &grads.beta;
  return nullptr;
}

}  // namespace

std::vector<double>* GradValues(LayerGrads* grads, const std::string& name) { return GradArrayOf(*grads, name); }

const std::vector<double>* GradValues(const LayerGrads& grads, const std::string& name) {
  return GradArrayOf(grads, name);
}

Gradients Backward(const Network& net, const Tensor3& input, const std::vector<Tensor3>& activations,
                   const Tensor3& output_grad) {
  Gradients grads;
  grads.layers.resize(net.model.layers.size());
  Tensor3 g = output_grad;
  for (size_t i = net.model.layers.size(); i-- > 0;) {
    const Tensor3& in = i == 0 ? input : activations[i - 1];
    g = LayerBackward(net, static_cast<int>(i), in, g, &grads.layers[i]);
  }
  grads.input = std::move(g);
  return grads;
}

// [SECTION] Cross-entropy

std::vector<double> CrossEntropyGrad(const std::vector<double>& logits, int target) {
  std::vector<double> g = Softmax(logits);
  g[static_cast<size_t>(target)] -= 1.0;
  return g;
}

std::string CheckTarget(long long target, int classes) {
  if (target >= 0 && target < classes) return "";
  return std::to_string(target) + " is no class: the model gives " + std::to_string(classes) +
         " class scores, so a target is from 0 to " + std::to_string(classes - 1);
}

Result<ExampleGradients> LossGradients(const Network& net, const Tensor3& input, int target) {
  Result<std::vector<Tensor3>> acts = ForwardActivations(net, input);
  if (!acts) return Error{acts.error()};
  Result<int> classes = ClassCount(net);
  if (!classes) return Error{classes.error()};
  const std::string target_problem = CheckTarget(target, *classes);
  if (!target_problem.empty()) return Error{"target " + target_problem};
  ExampleGradients out;
  out.activations = std::move(acts).value();
  out.logits = out.activations.back().data;
  out.probabilities = Softmax(out.logits);
  out.loss = CrossEntropy(out.logits, target);
  Tensor3 g_logits(*classes, 1, 1);
  g_logits.data = CrossEntropyGrad(out.logits, target);
  out.grads = Backward(net, input, out.activations, g_logits);
  return out;
}

}  // namespace convstep
