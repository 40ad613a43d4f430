#include "core/formats/model_json.h"

#include <algorithm>
#include <array>
#include <climits>

namespace convstep {

namespace {
Result<KerasPadding> KerasPaddingFromJson(const Json& layer) {
  if (!layer.contains("padding")) return KerasPadding::kValid;
  const Json& v = layer["padding"];
  if (v == "valid") return KerasPadding::kValid;
  if (v == "same") return KerasPadding::kSame;
  return Error{"padding must be \"valid\" or \"same\""};
}

// Fills the fields of `layer` (whose type is set) from its JSON object;
// returns what is wrong, or an empty string.
std::string ReadLayerFields(const Json& j, LayerSpec* layer) {
  const std::vector<std::string> fields = LayerFields(layer->type);
  for (const auto& item : j.items()) {
    const std::string& key = item.key();
    if (key == "type" || std::find(fields.begin(), fields.end(), key) != fields.end()) continue;
    // Keras code often writes Conv2D(32, 3, activation="relu"); this format
    // keeps every activation a layer, as the summary table lists it.
    if (key == "activation") return "activation is a layer of its own here: add {\"type\": \"relu\"} after this one";
    std::string takes;
    for (const std::string& f : fields) takes += (takes.empty() ? "" : ", ") + f;
    return "unknown field \"" + key + "\": " + LayerTypeName(layer->type) +
           (takes.empty() ? " takes no other fields" : " takes " + takes);
  }

  switch (layer->type) {
    case LayerType::kConv2d: {
      if (!j.contains("filters")) return "needs \"filters\", the number of filters, e.g. 32";
      if (!j.contains("kernel_size")) return "needs \"kernel_size\", e.g. 3 or [3, 3]";
      Result<int> filters = IntFromJson(j, "filters", 0);
      if (!filters) return filters.error();
      layer->filters = *filters;
      Result<Pair> kernel = PairFromJson(j, "kernel_size", Pair{});
      if (!kernel) return kernel.error();
      layer->kernel_size = *kernel;
      Result<Pair> dilation = PairFromJson(j, "dilation_rate", Pair{1, 1});
      if (!dilation) return dilation.error();
      layer->dilation_rate = *dilation;
      if (j.contains("use_bias")) {
        if (!j["use_bias"].is_boolean()) return "use_bias must be true or false";
        layer->use_bias = j["use_bias"].get<bool>();
      }
      break;
    }
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d: {
      Result<Pair> pool = PairFromJson(j, "pool_size", Pair{2, 2});
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
    case LayerType::kBatchNorm:
    case LayerType::kReLU:
      break;
  }

  if (layer->type == LayerType::kConv2d || layer->type == LayerType::kMaxPool2d ||
      layer->type == LayerType::kAvgPool2d) {
    if (j.contains("strides")) {
      Result<Pair> strides = PairFromJson(j, "strides", Pair{1, 1});
      if (!strides) return strides.error();
      layer->strides = *strides;
    }
    Result<KerasPadding> padding = KerasPaddingFromJson(j);
    if (!padding) return padding.error();
    layer->padding = *padding;
  }
  return "";
}

}  // namespace

Result<Model> ModelFromJson(const Json& j) {
  if (!j.is_object()) return Error{"the model must be a JSON object with \"input_shape\" and \"layers\""};
  const std::string shape_hint = "input_shape must be three whole numbers [height, width, channels], e.g. [32, 32, 3]";
  if (!j.contains("input_shape")) return Error{"the model has no \"input_shape\": " + shape_hint};
  const Json& shape = j["input_shape"];
  if (!shape.is_array() || shape.size() != 3) return Error{shape_hint};
  std::array<int, 3> dims{};
  for (size_t i = 0; i < 3; ++i) {
    if (!shape[i].is_number_integer()) return Error{shape_hint};
    const auto v = shape[i].get<long long>();
    if (v < INT_MIN || v > INT_MAX) return Error{"input_shape[" + std::to_string(i) + "] is out of range"};
    dims[i] = static_cast<int>(v);
  }
  Model model;
  model.height = dims[0];
  model.width = dims[1];
  model.channels = dims[2];

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
    const std::string problem = ReadLayerFields(lj, &model.layers.back());
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
