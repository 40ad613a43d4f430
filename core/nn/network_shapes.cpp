#include "core/nn/network_shapes.h"

#include <cmath>

#include "core/conv/conv_spec.h"

namespace convstep {

namespace {

bool IsConv(LayerType type) { return type == LayerType::kConv2d || type == LayerType::kConv1d; }

// Keras's shape (channels last) as PyTorch's activation. Requires a shape of
// at most kMaxLayerValues values, so every side fits an int.
ActivationShape ToActivation(const std::vector<long long>& keras) {
  if (keras.size() == 3) {
    return {static_cast<int>(keras[2]), static_cast<int>(keras[0]), static_cast<int>(keras[1])};
  }
  if (keras.size() == 2) return {static_cast<int>(keras[1]), 1, static_cast<int>(keras[0])};
  return {static_cast<int>(keras[0]), 1, 1};
}

long long ValuesOf(const std::vector<long long>& keras) {
  long long n = 1;
  // Every side is at most kMaxSide or a count SummarizeModel bounded by
  // 10^18; stop as soon as the product passes the limit, before it can
  // overflow.
  for (long long d : keras) {
    n *= d;
    if (n > kMaxLayerValues) return kMaxLayerValues + 1;
  }
  return n;
}

std::string TooMany(const std::string& what) {
  return what + " would hold more than " + WithThousands(kMaxLayerValues) +
         " values, the most the exact path takes in one array";
}

// One side of the zero-padded input a convolution reads (Keras's padding).
long long PaddedSide(int n, int k, int s, int d, KerasPadding padding) {
  int before = 0;
  int after = 0;
  if (padding == KerasPadding::kSame) SamePadding(n, k, s, d, &before, &after);
  if (padding == KerasPadding::kCausal) before = CausalPadding(k, d);
  return static_cast<long long>(n) + before + after;
}

// The parameter arrays of `layer` on an input of `in` (PyTorch's shapes).
std::vector<ParamArray> ParamsOf(const LayerSpec& layer, const ActivationShape& in, bool flat_input) {
  switch (layer.type) {
    case LayerType::kConv2d: {
      std::vector<ParamArray> arrays{{"weight",
                                      {layer.filters, in.c, layer.kernel_size.h, layer.kernel_size.w},
                                      "[filters][channels][rows][columns]",
                                      true}};
      if (layer.use_bias) arrays.push_back({"bias", {layer.filters}, "[filters]", true});
      return arrays;
    }
    case LayerType::kConv1d: {
      std::vector<ParamArray> arrays{
          {"weight", {layer.filters, in.c, layer.kernel_size.w}, "[filters][channels][taps]", true}};
      if (layer.use_bias) arrays.push_back({"bias", {layer.filters}, "[filters]", true});
      return arrays;
    }
    case LayerType::kDense: {
      std::vector<ParamArray> arrays{{"weight", {layer.units, in.c}, "[units][inputs]", true}};
      if (layer.use_bias) arrays.push_back({"bias", {layer.units}, "[units]", true});
      return arrays;
    }
    case LayerType::kBatchNorm: {
      const std::string layout = flat_input ? "[features]" : "[channels]";
      return {{"gamma", {in.c}, layout, true},
              {"beta", {in.c}, layout, true},
              {"moving_mean", {in.c}, layout, false},
              {"moving_variance", {in.c}, layout, false}};
    }
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d:
    case LayerType::kFlatten:
    case LayerType::kGlobalAvgPool2d:
    case LayerType::kReLU:
    case LayerType::kDropout:
    case LayerType::kMaxPool1d:
    case LayerType::kAvgPool1d:
    case LayerType::kGlobalAvgPool1d:
      break;
  }
  return {};
}

// Why the values of array `name` cannot be the layer's, or "".
std::string CheckValues(const ParamArray& array, const std::vector<double>& values) {
  if (static_cast<long long>(values.size()) != array.size()) {
    return array.name + " has " + WithThousands(static_cast<long long>(values.size())) + " values but must be " +
           DimsText(array.shape) + " " + array.layout + ", " + WithThousands(array.size()) + " values";
  }
  for (size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) return array.name + "[" + std::to_string(i) + "] is not a finite number";
  }
  return "";
}

// Why `params` are not the parameters `shapes` call for, or "".
std::string CheckLayerParams(const LayerSpec& layer, const LayerShapes& shapes, const LayerParams& params) {
  bool any = false;
  for (const ParamArray& array : shapes.params) any = any || !ParamValues(params, array.name)->empty();
  if (!shapes.params.empty() && !any) return "no weights";
  for (const char* name : {"weight", "bias", "gamma", "beta", "moving_mean", "moving_variance"}) {
    const bool wanted = [&] {
      for (const ParamArray& array : shapes.params) {
        if (array.name == name) return true;
      }
      return false;
    }();
    if (wanted || ParamValues(params, name)->empty()) continue;
    if (std::string(name) == "bias" && (IsConv(layer.type) || layer.type == LayerType::kDense)) {
      return "has a bias but use_bias is false";
    }
    return std::string("a ") + LayerTypeName(layer.type) + " layer has no " + name + ", but it is given one";
  }
  for (const ParamArray& array : shapes.params) {
    const std::vector<double>& values = *ParamValues(params, array.name);
    if (values.empty()) return "no " + array.name + ": it must be " + DimsText(array.shape) + " " + array.layout;
    const std::string problem = CheckValues(array, values);
    if (!problem.empty()) return problem;
  }
  if (layer.type == LayerType::kBatchNorm) {
    if (!(std::isfinite(params.epsilon) && params.epsilon > 0)) return "epsilon must be a positive number";
    for (size_t i = 0; i < params.moving_variance.size(); ++i) {
      if (params.moving_variance[i] < 0) {
        return "moving_variance[" + std::to_string(i) + "] is negative: a variance is at least 0";
      }
    }
  }
  return "";
}

}  // namespace

long long ParamArray::size() const {
  long long n = 1;
  for (int d : shape) n *= d;
  return n;
}

std::string DimsText(const std::vector<int>& shape) {
  std::string text;
  for (int d : shape) text += "[" + std::to_string(d) + "]";
  return text;
}

std::vector<std::string> LayerWeightFields(LayerType type) {
  switch (type) {
    case LayerType::kConv2d:
    case LayerType::kConv1d:
    case LayerType::kDense:
      return {"weight", "bias"};
    case LayerType::kBatchNorm:
      return {"gamma", "beta", "moving_mean", "moving_variance", "epsilon"};
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d:
    case LayerType::kFlatten:
    case LayerType::kGlobalAvgPool2d:
    case LayerType::kReLU:
    case LayerType::kDropout:
    case LayerType::kMaxPool1d:
    case LayerType::kAvgPool1d:
    case LayerType::kGlobalAvgPool1d:
      break;
  }
  return {};
}

ActivationShape ModelInputActivation(const Model& model) {
  if (model.sequence) return {model.channels, 1, model.width};
  return {model.channels, model.height, model.width};
}

Result<std::vector<LayerShapes>> NetworkShapes(const Model& model) {
  Result<ModelSummary> summary = SummarizeModel(model);
  if (!summary) return Error{summary.error()};
  const ActivationShape model_input = ModelInputActivation(model);
  if (model_input.size() > kMaxLayerValues) return Error{TooMany("the input")};
  long long total = model_input.size();
  std::vector<LayerShapes> layers;
  std::vector<long long> keras_input = ModelInputShape(model);
  for (size_t i = 0; i < model.layers.size(); ++i) {
    const LayerSpec& layer = model.layers[i];
    const std::string label = LayerLabel(model.layers, i);
    LayerShapes shapes;
    shapes.input = layers.empty() ? model_input : layers.back().output;
    shapes.keras_output = summary->layers[i].output_shape;
    const long long out_values = ValuesOf(shapes.keras_output);
    if (out_values > kMaxLayerValues) return Error{label + ": " + TooMany("its output")};
    shapes.output = ToActivation(shapes.keras_output);
    // A convolution pads its input once, channel by channel.
    if (IsConv(layer.type)) {
      const bool one_d = layer.type == LayerType::kConv1d;
      const Pair s = layer.strides.value_or(Pair{1, 1});
      const long long padded_h =
          one_d ? 1
                : PaddedSide(shapes.input.h, layer.kernel_size.h, s.h, layer.dilation_rate.h, layer.padding);
      const long long padded_w =
          PaddedSide(shapes.input.w, layer.kernel_size.w, s.w, layer.dilation_rate.w, layer.padding);
      const long long padded = shapes.input.c * padded_h * padded_w;
      if (padded > kMaxLayerValues) return Error{label + ": " + TooMany("its padded input")};
    }
    shapes.params = ParamsOf(layer, shapes.input, keras_input.size() == 1);
    total += out_values;
    for (const ParamArray& array : shapes.params) {
      // Each side is at most kMaxSide or a count bounded by SummarizeModel:
      // the product of four is checked as it grows.
      long long n = 1;
      for (int d : array.shape) {
        n *= d;
        if (n > kMaxLayerValues) break;
      }
      if (n > kMaxLayerValues) return Error{label + ": " + TooMany("its " + array.name)};
      total += n;
    }
    if (total > kMaxNetworkValues) {
      return Error{label + ": the network's activations and parameters would hold more than " +
                   WithThousands(kMaxNetworkValues) + " values, the most the exact path takes"};
    }
    keras_input = shapes.keras_output;
    layers.push_back(std::move(shapes));
  }
  return layers;
}

namespace {

// The array of `params` named `name`, const or not as `params` is.
template <typename P>
auto ParamArrayOf(P& params, const std::string& name) -> decltype(&params.weight) {
  if (name == "weight") return &params.weight;
  if (name == "bias") return &params.bias;
  if (name == "gamma") return &params.gamma;
  if (name == "beta") return &params.beta;
  if (name == "moving_mean") return &params.moving_mean;
  if (name == "moving_variance") return &params.moving_variance;
  return nullptr;
}

}  // namespace

std::vector<double>* ParamValues(LayerParams* params, const std::string& name) {
  return ParamArrayOf(*params, name);
}

const std::vector<double>* ParamValues(const LayerParams& params, const std::string& name) {
  return ParamArrayOf(params, name);
}

Result<Network> BlankNetwork(const Model& model) {
  Result<std::vector<LayerShapes>> shapes = NetworkShapes(model);
  if (!shapes) return Error{shapes.error()};
  Network net;
  net.model = model;
  net.params.resize(model.layers.size());
  for (size_t i = 0; i < shapes->size(); ++i) {
    for (const ParamArray& array : (*shapes)[i].params) {
      const bool one = array.name == "gamma" || array.name == "moving_variance";
      ParamValues(&net.params[i], array.name)->assign(static_cast<size_t>(array.size()), one ? 1.0 : 0.0);
    }
  }
  return net;
}

Result<std::vector<LayerShapes>> CheckNetwork(const Network& net) {
  Result<std::vector<LayerShapes>> shapes = NetworkShapes(net.model);
  if (!shapes) return shapes;
  if (net.params.size() != net.model.layers.size()) {
    return Error{"the network has " + std::to_string(net.model.layers.size()) + " layers but parameters for " +
                 std::to_string(net.params.size())};
  }
  for (size_t i = 0; i < shapes->size(); ++i) {
    const std::string problem = CheckLayerParams(net.model.layers[i], (*shapes)[i], net.params[i]);
    if (!problem.empty()) return Error{LayerLabel(net.model.layers, i) + ": " + problem};
  }
  return shapes;
}

}  // namespace convstep
