// Index of this file:
// [SECTION] Windows: Keras's layers as core/conv specs
// [SECTION] One layer
// [SECTION] The network
// [SECTION] Softmax and cross-entropy

#include "core/nn/forward.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "core/conv/conv2d.h"

namespace convstep {

namespace {

// [SECTION] Windows: Keras's layers as core/conv specs

bool IsOneD(LayerType type) {
  return type == LayerType::kConv1d || type == LayerType::kMaxPool1d || type == LayerType::kAvgPool1d;
}

// A window pair of a layer as the 2-D arithmetic takes it: a 1-D layer
// reads the width of its pairs (LayerSpec), one row high.
Pair AsTwoD(const LayerSpec& layer, Pair p) { return IsOneD(layer.type) ? Pair{1, p.w} : p; }

// Keras's pooling window on one input: its size, stride and the padding
// 'same' puts before and after along each axis (none for 'valid').
struct PoolWindow {
  PoolMode mode = PoolMode::kMax;
  Pair kernel;
  Pair stride;
  Padding4 padding;
};

PoolWindow PoolWindowOf(const LayerSpec& layer, const Tensor3& input) {
  PoolWindow win;
  win.mode = layer.type == LayerType::kMaxPool2d || layer.type == LayerType::kMaxPool1d ? PoolMode::kMax
                                                                                        : PoolMode::kAvg;
  win.kernel = AsTwoD(layer, layer.pool_size);
  // Keras's default stride of a pooling layer is its pool size.
  win.stride = AsTwoD(layer, layer.strides.value_or(layer.pool_size));
  if (layer.padding == KerasPadding::kSame) {
    SamePadding(input.h, win.kernel.h, win.stride.h, 1, &win.padding.top, &win.padding.bottom);
    SamePadding(input.w, win.kernel.w, win.stride.w, 1, &win.padding.left, &win.padding.right);
  }
  return win;
}

// The max of a window, as Pool2dStepper takes it: the first largest input
// in row-major order, padding skipped; a NaN wins so that it shows.
void TakeMax(PoolStep* s, int in_w, const Padding4& pad) {
  for (const PoolTap& t : s->taps) {
    if (t.in_padding) continue;
    if (s->argmax < 0 || t.input > s->value || std::isnan(t.input)) {
      s->value = t.input;
      s->argmax = (t.y - pad.top) * in_w + (t.x - pad.left);
    }
  }
}

// Keras's 'same' windows where PyTorch has no pooling for them: output
// (oy, ox) starts at (oy s_h, ox s_w) in padded coordinates, i.e. the
// padding before it above and to the left of the input; its taps outside
// the input are padding, never a value.
std::vector<PoolStep> KerasSameSteps(const PoolWindow& win, const Tensor3& input) {
  const Padding4& pad = win.padding;
  const int out_h = (input.h + pad.top + pad.bottom - win.kernel.h) / win.stride.h + 1;
  const int out_w = (input.w + pad.left + pad.right - win.kernel.w) / win.stride.w + 1;
  const int total = input.c * out_h * out_w;
  std::vector<PoolStep> steps;
  steps.reserve(static_cast<size_t>(total));
  for (int c = 0; c < input.c; ++c) {
    for (int oy = 0; oy < out_h; ++oy) {
      for (int ox = 0; ox < out_w; ++ox) {
        PoolStep s;
        s.step = static_cast<int>(steps.size());
        s.total_steps = total;
        s.channel = c;
        s.out_y = oy;
        s.out_x = ox;
        s.window_top = oy * win.stride.h;
        s.window_left = ox * win.stride.w;
        for (int ky = 0; ky < win.kernel.h; ++ky) {
          for (int kx = 0; kx < win.kernel.w; ++kx) {
            PoolTap t;
            t.y = s.window_top + ky;
            t.x = s.window_left + kx;
            const int y = t.y - pad.top;
            const int x = t.x - pad.left;
            t.in_padding = !(y >= 0 && y < input.h && x >= 0 && x < input.w);
            if (!t.in_padding) t.input = input.at(c, y, x);
            s.taps.push_back(t);
          }
        }
        if (win.mode == PoolMode::kMax) {
          TakeMax(&s, input.w, pad);
        } else {
          for (const PoolTap& t : s.taps) {
            if (t.in_padding) continue;
            s.sum += t.input;
            ++s.divisor;
          }
          s.value = s.sum / s.divisor;
        }
        steps.push_back(std::move(s));
      }
    }
  }
  return steps;
}

// [SECTION] One layer

// The layer's spec without its numbers: the shapes of its input and
// weights, its options. Enough for ResolveConv2d.
Conv2dSpec LayerConv2dShape(const Network& net, int layer, const Tensor3& layer_input) {
  const LayerSpec& l = net.model.layers[static_cast<size_t>(layer)];
  const Pair kernel = AsTwoD(l, l.kernel_size);
  Conv2dSpec spec;
  spec.input.c = layer_input.c;
  spec.input.h = layer_input.h;
  spec.input.w = layer_input.w;
  spec.weight.n = l.filters;
  spec.weight.c = layer_input.c;
  spec.weight.h = kernel.h;
  spec.weight.w = kernel.w;
  spec.stride = AsTwoD(l, l.strides.value_or(Pair{1, 1}));
  spec.dilation = AsTwoD(l, l.dilation_rate);
  switch (l.padding) {
    case KerasPadding::kValid: spec.padding.kind = PaddingSpec::Kind::kValid; break;
    case KerasPadding::kSame: spec.padding.kind = PaddingSpec::Kind::kSame; break;
    case KerasPadding::kCausal: spec.padding.kind = PaddingSpec::Kind::kCausal; break;
  }
  return spec;
}

Tensor3 ConvForward(const Network& net, int layer, const Tensor3& input) {
  // The same convolution as LayerConv2dSpec's (the one a click opens), on
  // the network's own weights rather than a copy of them.
  Result<Conv2dGeometry> geo = ResolveConv2d(LayerConv2dShape(net, layer, input));
  if (!geo) return Tensor3();  // not for a checked network; ForwardActivations reports it
  const LayerParams& p = net.params[static_cast<size_t>(layer)];
  return Conv2dForward(input, p.weight.data(), p.bias.empty() ? nullptr : p.bias.data(), *geo);
}

Tensor3 PoolForward(const Network& net, int layer, const Tensor3& input) {
  // PyTorch's pooling: the Pooling tab's stepper, whose output is every
  // step's value (taken once, not step by step again).
  if (Result<Pool2dSpec> spec = LayerPool2dSpec(net, layer, input)) {
    Result<Pool2dStepper> stepper = Pool2dStepper::Create(std::move(spec).value());
    return stepper ? stepper->Output() : Tensor3();  // a checked network always has one
  }
  const std::vector<PoolStep> steps = LayerPoolSteps(net, layer, input);
  if (steps.empty()) return Tensor3();
  const PoolStep& last = steps.back();
  // Step k computes output value k: channels, rows, columns.
  Tensor3 out(input.c, last.out_y + 1, last.out_x + 1);
  for (const PoolStep& s : steps) out.data[static_cast<size_t>(s.step)] = s.value;
  return out;
}

Tensor3 GlobalAvgPoolForward(const Tensor3& input) {
  Tensor3 out(input.c, 1, 1);
  const int plane = input.h * input.w;
  for (int c = 0; c < input.c; ++c) {
    double sum = 0;
    for (int i = 0; i < plane; ++i) sum += input.data[static_cast<size_t>(c) * plane + i];
    out.data[static_cast<size_t>(c)] = sum / plane;
  }
  return out;
}

Tensor3 DenseForward(const LayerSpec& layer, const LayerParams& p, const Tensor3& input) {
  const int inputs = static_cast<int>(input.data.size());
  Tensor3 out(layer.units, 1, 1);
  for (int u = 0; u < layer.units; ++u) {
    // The bias plus the products in order, as a convolution sums.
    double sum = p.bias.empty() ? 0.0 : p.bias[static_cast<size_t>(u)];
    for (int i = 0; i < inputs; ++i) {
      sum += p.weight[static_cast<size_t>(u) * inputs + i] * input.data[static_cast<size_t>(i)];
    }
    out.data[static_cast<size_t>(u)] = sum;
  }
  return out;
}

Tensor3 BatchNormForward(const LayerParams& p, const Tensor3& input) {
  Tensor3 out = input;
  const int plane = input.h * input.w;
  for (int c = 0; c < input.c; ++c) {
    const double mean = p.moving_mean[static_cast<size_t>(c)];
    const double sd = std::sqrt(p.moving_variance[static_cast<size_t>(c)] + p.epsilon);
    const double gamma = p.gamma[static_cast<size_t>(c)];
    const double beta = p.beta[static_cast<size_t>(c)];
    for (int i = 0; i < plane; ++i) {
      double& v = out.data[static_cast<size_t>(c) * plane + i];
      v = (v - mean) / sd * gamma + beta;
    }
  }
  return out;
}

std::string TensorText(const Tensor3& t, bool signal) {
  if (signal && t.h == 1) return DimsText({t.c, t.w});
  return DimsText({t.c, t.h, t.w});
}

}  // namespace


Conv2dSpec LayerConv2dSpec(const Network& net, int layer, const Tensor3& layer_input) {
  const LayerParams& p = net.params[static_cast<size_t>(layer)];
  Conv2dSpec spec = LayerConv2dShape(net, layer, layer_input);
  spec.input = layer_input;
  spec.weight.data = p.weight;  // [filters][C_in][kH][kW]; a conv1d's [F][C][K] is the same values
  spec.bias = p.bias;           // empty when use_bias is false
  return spec;
}

Result<Pool2dSpec> LayerPool2dSpec(const Network& net, int layer, const Tensor3& layer_input) {
  const LayerSpec& l = net.model.layers[static_cast<size_t>(layer)];
  const PoolWindow win = PoolWindowOf(l, layer_input);
  const Padding4& pad = win.padding;
  if (pad.top != pad.bottom || pad.left != pad.right) {
    const bool rows = pad.top != pad.bottom;
    return Error{std::string("Keras's 'same' pads this window ") + std::to_string(rows ? pad.top : pad.left) +
                 (rows ? " rows above and " : " columns before and ") +
                 std::to_string(rows ? pad.bottom : pad.right) + (rows ? " below" : " after") +
                 ": PyTorch's pooling pads both sides alike"};
  }
  if (win.mode == PoolMode::kAvg && (pad.top > 0 || pad.left > 0)) {
    return Error{"Keras's 'same' average leaves the padding out of each window's mean; PyTorch's "
                 "(count_include_pad) counts it as zeros"};
  }
  Pool2dSpec spec;
  spec.input = layer_input;
  spec.mode = win.mode;
  spec.kernel = win.kernel;
  spec.stride = win.stride;
  spec.padding = {pad.top, pad.left};
  return spec;
}

Padding4 LayerPoolPadding(const Network& net, int layer, const Tensor3& layer_input) {
  return PoolWindowOf(net.model.layers[static_cast<size_t>(layer)], layer_input).padding;
}

std::vector<PoolStep> LayerPoolSteps(const Network& net, int layer, const Tensor3& layer_input) {
  Result<Pool2dSpec> spec = LayerPool2dSpec(net, layer, layer_input);
  if (!spec) return KerasSameSteps(PoolWindowOf(net.model.layers[static_cast<size_t>(layer)], layer_input),
                                   layer_input);
  Result<Pool2dStepper> stepper = Pool2dStepper::Create(std::move(spec).value());
  if (!stepper) return {};  // not for a checked network
  std::vector<PoolStep> steps;
  steps.reserve(static_cast<size_t>(stepper->TotalSteps()));
  // An average here has no padding in its windows: the stepper's divisor
  // is the number of inputs.
  for (int k = 0; k < stepper->TotalSteps(); ++k) steps.push_back(stepper->Step(k));
  return steps;
}

Tensor3 LayerForward(const Network& net, int layer, const Tensor3& layer_input) {
  const LayerSpec& l = net.model.layers[static_cast<size_t>(layer)];
  const LayerParams& p = net.params[static_cast<size_t>(layer)];
  switch (l.type) {
    case LayerType::kConv2d:
    case LayerType::kConv1d:
      return ConvForward(net, layer, layer_input);
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d:
    case LayerType::kMaxPool1d:
    case LayerType::kAvgPool1d:
      return PoolForward(net, layer, layer_input);
    case LayerType::kGlobalAvgPool2d:
    case LayerType::kGlobalAvgPool1d:
      return GlobalAvgPoolForward(layer_input);
    case LayerType::kFlatten: {
      Tensor3 out = layer_input;  // [C][H][W] read in order is PyTorch's flatten
      out.c = static_cast<int>(layer_input.data.size());
      out.h = out.w = 1;
      return out;
    }
    case LayerType::kDense:
      return DenseForward(l, p, layer_input);
    case LayerType::kBatchNorm:
      return BatchNormForward(p, layer_input);
    case LayerType::kReLU: {
      Tensor3 out = layer_input;
      for (double& v : out.data) v = v > 0 ? v : 0.0;
      return out;
    }
    case LayerType::kDropout:
      return layer_input;
  }
  return layer_input;
}

std::string CheckInput(const Model& model, const Tensor3& input) {
  const ActivationShape want = ModelInputActivation(model);
  if (input.c == want.c && input.h == want.h && input.w == want.w &&
      static_cast<long long>(input.data.size()) == want.size()) {
    return "";
  }
  const std::vector<long long> keras = ModelInputShape(model);
  std::string shape;
  for (long long d : keras) shape += (shape.empty() ? "" : ", ") + std::to_string(d);
  const std::string expected = model.sequence ? DimsText({want.c, want.w}) + " [channels][steps]"
                                              : DimsText({want.c, want.h, want.w}) + " [channels][rows][columns]";
  return "the input is " + TensorText(input, model.sequence) + " but the model takes input_shape [" + shape +
         "]: " + expected;
}

Result<std::vector<Tensor3>> ForwardActivations(const Network& net, const Tensor3& input) {
  Result<std::vector<LayerShapes>> shapes = CheckNetwork(net);
  if (!shapes) return Error{shapes.error()};
  const std::string input_problem = CheckInput(net.model, input);
  if (!input_problem.empty()) return Error{input_problem};
  std::vector<Tensor3> activations;
  activations.reserve(net.model.layers.size());
  for (size_t i = 0; i < net.model.layers.size(); ++i) {
    const Tensor3& in = i == 0 ? input : activations.back();
    Tensor3 out = LayerForward(net, static_cast<int>(i), in);
    const ActivationShape& want = (*shapes)[i].output;
    if (out.c != want.c || out.h != want.h || out.w != want.w) {
      // The shapes NetworkShapes derives and the core/conv arithmetic agree
      // for every layer a model can have; this says so if they ever do not.
      return Error{LayerLabel(net.model.layers, i) + ": the layer gave " + DimsText({out.c, out.h, out.w}) +
                   " where the summary says " + DimsText({want.c, want.h, want.w}) + " (a bug in ConvStep)"};
    }
    activations.push_back(std::move(out));
  }
  return activations;
}

Result<int> ClassCount(const Network& net) {
  if (net.model.layers.empty()) return Error{"the model has no layers, so it gives no class scores"};
  Result<ModelSummary> summary = SummarizeModel(net.model);
  if (!summary) return Error{summary.error()};
  const std::vector<long long>& last = summary->layers.back().output_shape;
  if (last.size() != 1) {
    return Error{"the last layer, " + LayerLabel(net.model.layers, net.model.layers.size() - 1) + ", gives " +
                 KerasShapeText(last) + ", not a list of class scores: end the model with a flat output "
                 "(Flatten and Dense, or a global pooling)"};
  }
  return static_cast<int>(last[0]);
}

// [SECTION] Softmax and cross-entropy

std::vector<double> Softmax(const std::vector<double>& logits) {
  if (logits.empty()) return {};
  const double top = *std::max_element(logits.begin(), logits.end());
  std::vector<double> p(logits.size());
  double sum = 0;
  for (size_t i = 0; i < logits.size(); ++i) {
    p[i] = std::exp(logits[i] - top);
    sum += p[i];
  }
  for (double& v : p) v /= sum;
  return p;
}

double CrossEntropy(const std::vector<double>& logits, int target) {
  const double top = *std::max_element(logits.begin(), logits.end());
  double sum = 0;
  for (double z : logits) sum += std::exp(z - top);
  return top + std::log(sum) - logits[static_cast<size_t>(target)];
}

}  // namespace convstep
