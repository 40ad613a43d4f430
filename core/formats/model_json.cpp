#include "core/formats/model_json.h"

#include <algorithm>
#include <array>
#include <climits>

#include "core/nn/network_shapes.h"

namespace convstep {

namespace {

bool IsOneD(LayerType type) {
  return type == LayerType::kConv1d || type == LayerType::kMaxPool1d || type == LayerType::kAvgPool1d;
}

bool HasWindow(LayerType type) {
  return IsOneD(type) || type == LayerType::kConv2d || type == LayerType::kMaxPool2d ||
         type == LayerType::kAvgPool2d;
}

// "causal" is Conv1D's only, as in Keras.
Result<KerasPadding> KerasPaddingFromJson(const Json& layer, LayerType type) {
  if (!layer.contains("padding")) return KerasPadding::kValid;
  const Json& v = layer["padding"];
  if (v == "valid") return KerasPadding::kValid;
  if (v == "same") return KerasPadding::kSame;
  if (type == LayerType::kConv1d) {
    if (v == "causal") return KerasPadding::kCausal;
    return Error{"padding must be \"valid\", \"same\" or \"causal\""};
  }
  return Error{"padding must be \"valid\" or \"same\""};
}

// A window size of a 1-D layer: a whole number, or a list of one as Keras
// also takes (kernel_size=(3,)). Both halves of the pair hold it.
Result<Pair> LengthFromJson(const Json& j, const std::string& field, int fallback) {
  if (!j.contains(field)) return Pair{fallback, fallback};
  const Json& v = j[field];
  Json number = Json::object();
  number[field] = v.is_array() && v.size() == 1 ? v[0] : v;
  if (!number[field].is_number_integer()) {
    return Error{field + " must be a whole number or a list of one, e.g. 3 or [3]"};
  }
  Result<int> n = IntFromJson(number, field, fallback);
  if (!n) return Error{n.error()};
  return Pair{*n, *n};
}

// A pair field of a 2-D layer, or a length of a 1-D one.
Result<Pair> WindowFromJson(const Json& j, LayerType type, const std::string& field, Pair fallback) {
  if (IsOneD(type)) return LengthFromJson(j, field, fallback.w);
  return PairFromJson(j, field, fallback);
}

bool Holds(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Fills the fields of `layer` (whose type is set) from its JSON object;
// returns what is wrong, or an empty string. With kNetwork the weight
// fields are let through for the network reader.
std::string ReadLayerFields(const Json& j, LayerFieldSet field_set, LayerSpec* layer) {
  std::vector<std::string> fields = LayerFields(layer->type);
  const std::vector<std::string> weights = LayerWeightFields(layer->type);
  if (field_set == LayerFieldSet::kNetwork) fields.insert(fields.end(), weights.begin(), weights.end());
  for (const auto& item : j.items()) {
    const std::string& key = item.key();
    if (key == "type" || Holds(fields, key)) continue;
    // Keras code often writes Conv2D(32, 3, activation="relu"); this format
    // keeps every activation a layer, as the summary table lists it.
    if (key == "activation") return "activation is a layer of its own here: add {\"type\": \"relu\"} after this one";
    if (Holds(weights, key)) {
      return "\"" + key + "\" is a weight: a model is its layers only (a network file, as convstep-cli "
             "forward reads, carries the weights)";
    }
    std::string takes;
    for (const std::string& f : fields) takes += (takes.empty() ? "" : ", ") + f;
    return "unknown field \"" + key + "\": " + LayerTypeName(layer->type) +
           (takes.empty() ? " takes no other fields" : " takes " + takes);
  }

  switch (layer->type) {
    case LayerType::kConv2d:
    case LayerType::kConv1d: {
      if (!j.contains("filters")) return "needs \"filters\", the number of filters, e.g. 32";
      if (!j.contains("kernel_size")) {
        return layer->type == LayerType::kConv1d ? "needs \"kernel_size\", e.g. 3"
                                                 : "needs \"kernel_size\", e.g. 3 or [3, 3]";
      }
      Result<int> filters = IntFromJson(j, "filters", 0);
      if (!filters) return filters.error();
      layer->filters = *filters;
      Result<Pair> kernel = WindowFromJson(j, layer->type, "kernel_size", Pair{});
      if (!kernel) return kernel.error();
      layer->kernel_size = *kernel;
      Result<Pair> dilation = WindowFromJson(j, layer->type, "dilation_rate", Pair{1, 1});
      if (!dilation) return dilation.error();
      layer->dilation_rate = *dilation;
      if (j.contains("use_bias")) {
        if (!j["use_bias"].is_boolean()) return "use_bias must be true or false";
        layer->use_bias = j["use_bias"].get<bool>();
      }
      break;
    }
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d:
    case LayerType::kMaxPool1d:
    case LayerType::kAvgPool1d: {
      Result<Pair> pool = WindowFromJson(j, layer->type, "pool_size", Pair{2, 2});
      if (!pool) return pool.error();
      layer->pool_size = *pool;
      break;
    }
    case LayerType::kDense: {
      if (!j.contains("units")) return "needs \"units\", the number of outputs, e.g. 10";
      Result<int> units = IntFromJson(j, "units", 0);
      if (!units) return units.error();
      layer->units = *units;
      if (j.contains("use_bias")) {
        if (!j["use_bias"].is_boolean()) return "use_bias must be true or false";
        layer->use_bias = j["use_bias"].get<bool>();
      }
      break;
    }
    case LayerType::kDropout: {
      if (!j.contains("rate") || !j["rate"].is_number()) {
        return "needs \"rate\", the fraction of inputs dropped, e.g. 0.5";
      }
      layer->rate = j["rate"].get<double>();
      break;
    }
    case LayerType::kFlatten:
    case LayerType::kGlobalAvgPool2d:
    case LayerType::kGlobalAvgPool1d:
    case LayerType::kBatchNorm:
    case LayerType::kReLU:
      break;
  }

  if (HasWindow(layer->type)) {
    if (j.contains("strides")) {
      Result<Pair> strides = WindowFromJson(j, layer->type, "strides", Pair{1, 1});
      if (!strides) return strides.error();
      layer->strides = *strides;
    }
    Result<KerasPadding> padding = KerasPaddingFromJson(j, layer->type);
    if (!padding) return padding.error();
    layer->padding = *padding;
  }
  return "";
}

}  // namespace

Result<Model> ModelFromJson(const Json& j, LayerFieldSet fields) {
  if (!j.is_object()) return Error{"the model must be a JSON object with \"input_shape\" and \"layers\""};
  const std::string shape_hint =
      "input_shape must be three whole numbers [height, width, channels], e.g. [32, 32, 3], or two, "
      "[steps, channels], for a sequence, e.g. [100, 1]";
  if (!j.contains("input_shape")) return Error{"the model has no \"input_shape\": " + shape_hint};
  const Json& shape = j["input_shape"];
  if (!shape.is_array() || (shape.size() != 3 && shape.size() != 2)) return Error{shape_hint};
  std::array<int, 3> dims{};
  for (size_t i = 0; i < shape.size(); ++i) {
    if (!shape[i].is_number_integer()) return Error{shape_hint};
    const auto v = shape[i].get<long long>();
    if (v < INT_MIN || v > INT_MAX) return Error{"input_shape[" + std::to_string(i) + "] is out of range"};
    dims[i] = static_cast<int>(v);
  }
  Model model;
  if (shape.size() == 2) {
    // [steps, channels]: a signal is an image one row high.
    model.sequence = true;
    model.height = 1;
    model.width = dims[0];
    model.channels = dims[1];
  } else {
    model.height = dims[0];
    model.width = dims[1];
    model.channels = dims[2];
  }

  if (!j.contains("layers") || !j["layers"].is_array()) {
    return Error{"the model needs \"layers\": a list such as [{\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 10}]"};
  }
  const Json& layers = j["layers"];
  for (size_t i = 0; i < layers.size(); ++i) {
    const std::string position = "layer " + std::to_string(i + 1);
    const Json& lj = layers[i];
    if (!lj.is_object() || !lj.contains("type") || !lj["type"].is_string()) {
      return Error{position + " must be an object with a \"type\", e.g. {\"type\": \"flatten\"}"};
    }
    const std::string type = lj["type"].get<std::string>();
    LayerSpec layer;
    if (!LayerTypeFromName(type, &layer.type)) {
      return Error{position + ": unknown layer type \"" + type + "\": use one of " + LayerTypeNames()};
    }
    model.layers.push_back(layer);
    const std::string problem = ReadLayerFields(lj, fields, &model.layers.back());
    if (!problem.empty()) return Error{LayerLabel(model.layers, i) + ": " + problem};
  }
  return model;
}

Json ToJson(const ModelSummary& summary) {
  Json layers = Json::array();
  for (const LayerSummary& layer : summary.layers) {
    layers.push_back({{"type", LayerTypeName(layer.type)}, {"output_shape", layer.output_shape}, {"params", layer.params}});
  }
  return {{"layers", std::move(layers)},
          {"total_params", summary.total_params},
          {"trainable_params", summary.trainable_params},
          {"non_trainable_params", summary.non_trainable_params}};
}

}  // namespace convstep
