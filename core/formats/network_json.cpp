// Index of this file:
// [SECTION] Nested lists
// [SECTION] Network files
// [SECTION] Specs
// [SECTION] Results

#include "core/formats/network_json.h"

#include <climits>
#include <cmath>
#include <initializer_list>
#include <span>
#include <utility>

#include "core/formats/model_json.h"
#include "core/nn/forward.h"

namespace convstep {

namespace {

// [SECTION] Nested lists

// The row-major `values` of a block shaped `shape` as nested lists (a
// JSON type: Json for results, OrderedJson for network files).
template <typename J>
J NestedList(const double* values, std::span<const int> shape) {
  J list = J::array();
  if (shape.size() == 1) {
    for (int i = 0; i < shape[0]; ++i) list.push_back(values[i]);
    return list;
  }
  std::size_t block = 1;
  for (int d : shape.subspan(1)) block *= static_cast<std::size_t>(d);
  for (int i = 0; i < shape[0]; ++i) list.push_back(NestedList<J>(values + i * block, shape.subspan(1)));
  return list;
}

template <typename J>
J NestedList(const std::vector<double>& values, const std::vector<int>& shape) {
  return NestedList<J>(values.data(), std::span<const int>(shape));
}

// How deep the first elements of `j` nest: 0 for a number, 1 for a list of
// numbers, ...
int Depth(const Json& j) {
  int depth = 0;
  const Json* level = &j;
  while (level->is_array() && !level->empty() && depth < 8) {
    ++depth;
    level = &(*level)[0];
  }
  return depth;
}

// [SECTION] Network files

// "\"weight\" [3][2][3][3] [filters][channels][rows][columns] and \"bias\"
// [3] [filters]": what a layer's arrays must be, for a message.
std::string ArraysText(const std::vector<ParamArray>& arrays) {
  std::string text;
  for (size_t i = 0; i < arrays.size(); ++i) {
    text += i == 0 ? "" : i + 1 == arrays.size() ? " and " : ", ";
    text += "\"" + arrays[i].name + "\" " + DimsText(arrays[i].shape) + " " + arrays[i].layout;
  }
  return text;
}

// Reads the arrays `shapes` calls for from layer object `lj` into `params`;
// returns what is wrong, or "".
std::string ReadLayerParams(const Json& lj, const LayerSpec& layer, const LayerShapes& shapes,
                            LayerParams* params) {
  bool any = false;
  for (const ParamArray& array : shapes.params) any = any || lj.contains(array.name);
  if (!shapes.params.empty() && !any) return "no weights: it needs " + ArraysText(shapes.params);
  if ((layer.type == LayerType::kConv2d || layer.type == LayerType::kConv1d || layer.type == LayerType::kDense) &&
      !layer.use_bias && lj.contains("bias") && !lj["bias"].is_null()) {
    return "has a \"bias\" but use_bias is false";
  }
  for (const ParamArray& array : shapes.params) {
    if (!lj.contains(array.name)) {
      return "no \"" + array.name + "\": it must be " + DimsText(array.shape) + " " + array.layout;
    }
    std::vector<int> shape;
    Result<std::vector<double>> values =
        NestedNumbersFromJson(lj[array.name], static_cast<int>(array.shape.size()), array.name, &shape);
    if (!values) return values.error() + " (expected " + array.layout + ")";
    if (shape != array.shape) {
      return array.name + " is " + DimsText(shape) + " but must be " + DimsText(array.shape) + " " + array.layout;
    }
    *ParamValues(params, array.name) = std::move(values).value();
  }
  if (layer.type == LayerType::kBatchNorm && lj.contains("epsilon")) {
    const Json& eps = lj["epsilon"];
    if (!eps.is_number() || !(eps.get<double>() > 0) || !std::isfinite(eps.get<double>())) {
      return "epsilon must be a positive number, e.g. 0.001 (Keras's) or 1e-05 (PyTorch's)";
    }
    params->epsilon = eps.get<double>();
  }
  return "";
}

// Reads `field` of `spec`: an object, with "model" a network.
Result<Network> NetworkOfSpec(const Json& spec) {
  if (!spec.is_object()) return Error{"the spec must be a JSON object with \"model\""};
  if (!spec.contains("model")) return Error{"the spec has no \"model\": a network, its layers with their weights"};
  Result<Network> net = NetworkFromJson(spec["model"]);
  if (!net) return Error{"model: " + net.error()};
  return net;
}

// Why `spec` has a field not in `known`, or "". A reference case can be
// given as it is: its "op" and "expect" are let through.
std::string UnknownField(const Json& spec, std::initializer_list<const char*> known, const char* what) {
  for (const auto& item : spec.items()) {
    bool ok = item.key() == "op" || item.key() == "expect";
    for (const char* k : known) ok = ok || item.key() == k;
    if (ok) continue;
    std::string names;
    for (const char* k : known) names += (names.empty() ? "" : ", ") + std::string(k);
    return "unknown field \"" + item.key() + "\": " + what + " takes " + names;
  }
  return "";
}

// A finite number field of the optimizer, `fallback` when absent and not required.
Result<double> OptimizerNumber(const Json& j, const char* field, double fallback, bool required) {
  if (!j.contains(field)) {
    if (required) return Error{std::string("the optimizer needs \"") + field + "\", e.g. 0.01"};
    return fallback;
  }
  if (!j[field].is_number() || !std::isfinite(j[field].get<double>())) {
    return Error{std::string("optimizer ") + field + " must be a number"};
  }
  return j[field].get<double>();
}

}  // namespace

Result<Network> NetworkFromJson(const Json& j) {
  Result<Model> model = ModelFromJson(j, LayerFieldSet::kNetwork);
  if (!model) return Error{model.error()};
  Result<std::vector<LayerShapes>> shapes = NetworkShapes(*model);
  if (!shapes) return Error{shapes.error()};
  Network net;
  net.model = std::move(model).value();
  net.params.resize(net.model.layers.size());
  const Json& layers = j["layers"];
  for (size_t i = 0; i < net.model.layers.size(); ++i) {
    const std::string problem = ReadLayerParams(layers[i], net.model.layers[i], (*shapes)[i], &net.params[i]);
    if (!problem.empty()) return Error{LayerLabel(net.model.layers, i) + ": " + problem};
  }
  // The variance and epsilon rules, and anything the reading above could
  // have let through.
  Result<std::vector<LayerShapes>> checked = CheckNetwork(net);
  if (!checked) return Error{checked.error()};
  return net;
}

OrderedJson NetworkToJson(const Network& net) {
  OrderedJson j = ModelToJson(net.model);
  Result<std::vector<LayerShapes>> shapes = NetworkShapes(net.model);
  for (size_t i = 0; i < net.params.size() && i < j["layers"].size(); ++i) {
    OrderedJson& layer = j["layers"][i];
    const LayerParams& p = net.params[i];
    if (shapes) {
      for (const ParamArray& array : (*shapes)[i].params) {
        layer[array.name] = NestedList<OrderedJson>(*ParamValues(p, array.name), array.shape);
      }
    }
    if (net.model.layers[i].type == LayerType::kBatchNorm) layer["epsilon"] = p.epsilon;
  }
  return j;
}

Result<Tensor3> InputFromJson(const Json& j, const Model& model, const std::string& field) {
  const int depth = Depth(j);
  const std::string layout = model.sequence ? "[channels][steps]" : "[channels][rows][columns]";
  // A sequence is [C][L] as PyTorch's Conv1d takes it, or [C][1][L].
  const int rank = model.sequence && depth == 2 ? 2 : 3;
  std::vector<int> shape;
  Result<std::vector<double>> values = NestedNumbersFromJson(j, rank, field, &shape);
  if (!values) return Error{values.error() + " (expected " + layout + ")"};
  Tensor3 t;
  t.c = shape[0];
  t.h = rank == 2 ? 1 : shape[1];
  t.w = shape[static_cast<size_t>(rank) - 1];
  t.data = std::move(values).value();
  const std::string problem = CheckInput(model, t);
  if (!problem.empty()) return Error{field + ": " + problem};
  return t;
}

Result<int> TargetFromJson(const Json& j, int classes, const std::string& field) {
  if (!j.is_number_integer()) {
    return Error{field + " must be a class index, a whole number from 0 to " + std::to_string(classes - 1)};
  }
  const long long target = j.is_number_unsigned() && j.get<unsigned long long>() > LLONG_MAX
                                ? LLONG_MAX
                                : j.get<long long>();
  const std::string problem = CheckTarget(target, classes);
  if (!problem.empty()) return Error{field + " " + problem};
  return static_cast<int>(target);
}

Result<OptimizerSpec> OptimizerFromJson(const Json& j) {
  if (!j.is_object() || !j.contains("type") || !(j["type"] == "sgd" || j["type"] == "adam")) {
    return Error{"the optimizer must be {\"type\": \"sgd\", \"lr\", \"momentum\"} or {\"type\": \"adam\", \"lr\", "
                 "\"beta1\", \"beta2\", \"epsilon\"}"};
  }
  OptimizerSpec spec;
  if (j["type"] == "sgd") {
    const std::string unknown = UnknownField(j, {"type", "lr", "momentum"}, "sgd");
    if (!unknown.empty()) return Error{"optimizer: " + unknown};
    spec.type = OptimizerType::kSgd;
    Result<double> lr = OptimizerNumber(j, "lr", 0, true);  // torch.optim.SGD has no default
    if (!lr) return Error{lr.error()};
    Result<double> momentum = OptimizerNumber(j, "momentum", 0, false);
    if (!momentum) return Error{momentum.error()};
    if (*momentum < 0) return Error{"optimizer momentum must be at least 0"};
    spec.lr = *lr;
    spec.momentum = *momentum;
  } else {
    const std::string unknown = UnknownField(j, {"type", "lr", "beta1", "beta2", "epsilon"}, "adam");
    if (!unknown.empty()) return Error{"optimizer: " + unknown};
    spec.type = OptimizerType::kAdam;
    const OptimizerSpec defaults;
    Result<double> lr = OptimizerNumber(j, "lr", defaults.lr, false);
    if (!lr) return Error{lr.error()};
    Result<double> beta1 = OptimizerNumber(j, "beta1", defaults.beta1, false);
    if (!beta1) return Error{beta1.error()};
    Result<double> beta2 = OptimizerNumber(j, "beta2", defaults.beta2, false);
    if (!beta2) return Error{beta2.error()};
    Result<double> eps = OptimizerNumber(j, "epsilon", defaults.epsilon, false);
    if (!eps) return Error{eps.error()};
    for (const double beta : {*beta1, *beta2}) {
      if (!(beta >= 0 && beta < 1)) return Error{"optimizer beta1 and beta2 must be at least 0 and below 1"};
    }
    if (!(*eps > 0)) return Error{"optimizer epsilon must be above 0"};
    spec.lr = *lr;
    spec.beta1 = *beta1;
    spec.beta2 = *beta2;
    spec.epsilon = *eps;
  }
  if (!(spec.lr > 0)) return Error{"optimizer lr must be above 0"};
  return spec;
}

// [SECTION] Specs

Result<ForwardSpec> ForwardSpecFromJson(const Json& spec) {
  Result<Network> net = NetworkOfSpec(spec);
  if (!net) return Error{net.error()};
  const std::string unknown = UnknownField(spec, {"model", "input", "target"}, "the forward spec");
  if (!unknown.empty()) return Error{unknown};
  if (!spec.contains("input")) return Error{"the spec has no \"input\": the model's input, [channels][rows][columns]"};
  ForwardSpec out;
  out.network = std::move(net).value();
  Result<Tensor3> input = InputFromJson(spec["input"], out.network.model);
  if (!input) return Error{input.error()};
  out.input = std::move(input).value();
  if (spec.contains("target") && !spec["target"].is_null()) {
    Result<int> classes = ClassCount(out.network);
    if (!classes) return Error{classes.error()};
    Result<int> target = TargetFromJson(spec["target"], *classes);
    if (!target) return Error{target.error()};
    out.target = *target;
  }
  return out;
}

Result<TrainStepsSpec> TrainStepsSpecFromJson(const Json& spec) {
  Result<Network> net = NetworkOfSpec(spec);
  if (!net) return Error{net.error()};
  const std::string unknown =
      UnknownField(spec, {"model", "inputs", "targets", "optimizer", "steps"}, "the train-steps spec");
  if (!unknown.empty()) return Error{unknown};
  for (const char* field : {"inputs", "targets", "optimizer", "steps"}) {
    if (!spec.contains(field)) return Error{std::string("the spec has no \"") + field + "\""};
  }
  TrainStepsSpec out;
  out.network = std::move(net).value();
  Result<int> classes = ClassCount(out.network);
  if (!classes) return Error{classes.error()};
  const Json& inputs = spec["inputs"];
  const Json& targets = spec["targets"];
  if (!inputs.is_array() || inputs.empty()) return Error{"inputs must be a list of one input or more (the batch)"};
  if (!targets.is_array() || targets.size() != inputs.size()) {
    return Error{"targets must be a list of " + std::to_string(inputs.size()) + " class indices, one per input"};
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    const std::string at = "[" + std::to_string(i) + "]";
    Result<Tensor3> input = InputFromJson(inputs[i], out.network.model, "inputs" + at);
    if (!input) return Error{input.error()};
    out.inputs.push_back(std::move(input).value());
    Result<int> target = TargetFromJson(targets[i], *classes, "targets" + at);
    if (!target) return Error{target.error()};
    out.targets.push_back(*target);
  }
  Result<OptimizerSpec> optimizer = OptimizerFromJson(spec["optimizer"]);
  if (!optimizer) return Error{optimizer.error()};
  out.optimizer = *optimizer;
  const Json& steps = spec["steps"];
  if (!steps.is_number_integer() || steps.get<long long>() < 1 || steps.get<long long>() > kMaxTrainSteps) {
    return Error{"steps must be a whole number from 1 to " + std::to_string(kMaxTrainSteps)};
  }
  out.steps = steps.get<int>();
  return out;
}

// [SECTION] Results

Json ActivationToJson(const Tensor3& activation, const LayerShapes& shapes) {
  switch (shapes.keras_output.size()) {
    case 1: return NestedList<Json>(activation.data, {activation.c});
    case 2: return NestedList<Json>(activation.data, {activation.c, activation.w});
    default: return NestedList<Json>(activation.data, {activation.c, activation.h, activation.w});
  }
}

Json InputGradToJson(const Tensor3& grad, const Model& model) {
  if (model.sequence) return NestedList<Json>(grad.data, {grad.c, grad.w});
  return NestedList<Json>(grad.data, {grad.c, grad.h, grad.w});
}

Json LayerGradsToJson(const LayerGrads& grads, const LayerShapes& shapes, LayerType type) {
  if (shapes.params.empty()) return nullptr;
  if (type == LayerType::kBatchNorm) {
    return {{"gamma", NestedList<Json>(grads.gamma, shapes.params[0].shape)},
            {"beta", NestedList<Json>(grads.beta, shapes.params[1].shape)}};
  }
  Json j = {{"weight", NestedList<Json>(grads.weight, shapes.params[0].shape)}, {"bias", nullptr}};
  if (shapes.params.size() > 1) j["bias"] = NestedList<Json>(grads.bias, shapes.params[1].shape);
  return j;
}

Json LayerWeightsToJson(const LayerParams& params, const LayerShapes& shapes) {
  if (shapes.params.empty()) return nullptr;
  Json j = Json::object();
  for (const ParamArray& array : shapes.params) {
    j[array.name] = NestedList<Json>(*ParamValues(params, array.name), array.shape);
  }
  if (j.contains("weight") && !j.contains("bias")) j["bias"] = nullptr;
  return j;
}

}  // namespace convstep
