// Index of this file:
// [SECTION] Numbers and lists
// [SECTION] Layout
// [SECTION] JSON writers
// [SECTION] Files
// [SECTION] Output as CSV

#include "core/formats/session_io.h"

#include <cmath>
#include <cstdint>
#include <memory>
#include <span>

#include "core/base/shortest_number.h"
#include "core/formats/axes_json.h"
#include "core/formats/file_io.h"
#include "core/formats/model_json.h"
#include "core/formats/network_json.h"

namespace convstep {

namespace {

// [SECTION] Numbers and lists

// The row-major `values` of a block shaped `shape` as nested lists.
OrderedJson NestedList(const double* values, std::span<const int> shape) {
  OrderedJson list = OrderedJson::array();
  if (shape.size() == 1) {
    for (int i = 0; i < shape[0]; ++i) list.push_back(values[i]);
    return list;
  }
  std::size_t block = 1;
  for (int d : shape.subspan(1)) block *= static_cast<std::size_t>(d);
  for (int i = 0; i < shape[0]; ++i) list.push_back(NestedList(values + i * block, shape.subspan(1)));
  return list;
}

OrderedJson ToNestedList(const Tensor3& t) {
  const int shape[] = {t.c, t.h, t.w};
  return NestedList(t.data.data(), shape);
}

// One number when both sides agree, as the readers accept.
OrderedJson PairToJson(Pair p) {
  if (p.h == p.w) return p.h;
  return OrderedJson::array({p.h, p.w});
}

// [SECTION] Layout

// A double in JSON, so that whole numbers read 1, 2, 0 like the slide rather
// than 1.0, 2.0, 0.0. Much faster than nlohmann's dump of each number, which
// matters for an autosave of a 256 × 256 grid.
void AppendJsonDouble(double v, std::string* out) {
  // JSON has no NaN or infinity; nlohmann writes null for them too.
  if (!std::isfinite(v)) *out += "null";
  else if (v == 0 && std::signbit(v)) *out += "-0.0";  // "-0" would read back as the integer 0
  else AppendShortest(v, out);
}

// Scalars as nlohmann writes them, doubles excepted (AppendJsonDouble); text
// that is not UTF-8 is replaced rather than thrown about.
void AppendScalar(const OrderedJson& j, std::string* out) {
  if (j.is_number_float()) AppendJsonDouble(j.get<double>(), out);
  else *out += j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

// Appends `j` at nesting `depth` in the presets' layout (see
// scripts/make_presets.py's dumps): objects and lists of lists one item per
// line, any other list on one line with ", " between items.
void AppendLaidOut(const OrderedJson& j, int depth, std::string* out) {
  const std::string pad(2 * static_cast<std::size_t>(depth), ' ');
  const std::string inner = pad + "  ";
  if (j.is_object() && !j.empty()) {
    *out += "{\n";
    bool first = true;
    for (const auto& [key, value] : j.items()) {
      *out += (first ? "" : ",\n") + inner;
      AppendScalar(key, out);
      *out += ": ";
      AppendLaidOut(value, depth + 1, out);
      first = false;
    }
    *out += "\n" + pad + "}";
  } else if (j.is_array() && !j.empty() && (j[0].is_array() || j[0].is_object())) {
    *out += "[\n";
    for (std::size_t i = 0; i < j.size(); ++i) {
      *out += (i == 0 ? "" : ",\n") + inner;
      AppendLaidOut(j[i], depth + 1, out);
    }
    *out += "\n" + pad + "]";
  } else if (j.is_array()) {
    *out += "[";
    for (std::size_t i = 0; i < j.size(); ++i) {
      if (i > 0) *out += ", ";
      AppendScalar(j[i], out);
    }
    *out += "]";
  } else {
    AppendScalar(j, out);
  }
}

}  // namespace

Result<Session> SessionFromJson(const Json& j) {
  if (!j.is_object()) return Error{"session.not_object", {}, "a session must be a JSON object"};
  // Checked before anything else: a newer file may have changed any part,
  // and "written by a newer ConvStep" is the message that helps.
  if (j.contains("schema_version")) {
    const Json& v = j["schema_version"];
    if (!v.is_number_integer() || v.get<long long>() < 1) {
      return Error{"schema_version must be a whole number, " + std::to_string(kSessionSchemaVersion) +
                   " for this ConvStep"};
    }
    if (v.get<long long>() > kSessionSchemaVersion) {
      const std::vector<std::string> args = {std::to_string(v.get<long long>()), std::to_string(kSessionSchemaVersion)};
      return Error{"session.newer", args,
                   "this session was written by a newer ConvStep (schema " + args[0] + "); this one reads schema " +
                       args[1]};
    }
  }
  for (const char* part : {"conv", "pool", "model"}) {
    if (!j.contains(part)) return Error{"session.missing_part", {part}, std::string("the session has no \"") + part + "\""};
  }
  Session s;
  if (j.contains("title")) {
    if (!j["title"].is_string()) return Error{"title must be text"};
    s.title = j["title"].get<std::string>();
  }
  Result<Conv2dSpec> conv = Conv2dSpecFromJson(j["conv"]);
  if (!conv) return Error{"conv: " + conv.error()};
  Result<Conv2dGeometry> conv_geo = ResolveConv2d(*conv);
  if (!conv_geo) return Error{"conv: " + conv_geo.error()};
  s.conv = std::move(conv).value();
  if (j.contains("input_axes")) {
    Result<InputAxes> axes = InputAxesFromJson(j["input_axes"]);
    if (!axes) return axes.failure();
    if (!AxesFit(*axes, s.conv.input)) {
      return Error{"input_axes: the axes name " + std::to_string(axes->row_hz.size()) +
                   " frequencies for one channel, and the input has " + std::to_string(s.conv.input.c) +
                   " channel(s) of " + std::to_string(s.conv.input.h) + " rows"};
    }
    s.input_axes = std::move(axes).value();
  }
  if (j.contains("activation")) {
    const Json& a = j["activation"];
    if (!a.is_string() || !ActivationFromName(a.get<std::string>(), &s.activation)) {
      return Error{"activation must be \"none\" or \"relu\""};
    }
  }
  Result<Pool2dSpec> pool = Pool2dSpecFromJson(j["pool"]);
  if (!pool) return Error{"pool: " + pool.error()};
  if (Result<Pool2dGeometry> pool_geo = ResolvePool2d(*pool); !pool_geo) return Error{"pool: " + pool_geo.error()};
  s.pool = std::move(pool).value();
  Result<Model> model = ModelFromJson(j["model"]);
  if (!model) return Error{"model: " + model.error()};
  s.model = std::move(model).value();
  if (j.contains("network")) {
    Result<Network> network = NetworkFromJson(j["network"]);
    if (!network) return Prefixed("network: ", network.failure());
    s.network = std::make_shared<const Network>(std::move(network).value());
  }
  Result<int> step = IntFromJson(j, "step", 0);
  if (!step) return Error{step.error()};
  if (*step < 0) return Error{"step must be 0 or more"};
  // A step past the end (a file edited by hand, or saved while the window
  // shrank the convolution) opens at the last step rather than losing the file.
  s.step = std::min(*step, conv_geo->TotalSteps() - 1);
  return s;
}


// [SECTION] JSON writers

OrderedJson Conv2dSpecToJson(const Conv2dSpec& spec) {
  const Conv2dSpec defaults;
  OrderedJson j = OrderedJson::object();
  j["input"] = ToNestedList(spec.input);
  const int weight_shape[] = {spec.weight.n, spec.weight.c, spec.weight.h, spec.weight.w};
  j["weight"] = NestedList(spec.weight.data.data(), weight_shape);
  if (!spec.bias.empty()) {
    const int bias_shape[] = {static_cast<int>(spec.bias.size())};
    j["bias"] = NestedList(spec.bias.data(), bias_shape);
  }
  if (spec.stride != defaults.stride) j["stride"] = PairToJson(spec.stride);
  if (spec.dilation != defaults.dilation) j["dilation"] = PairToJson(spec.dilation);
  if (spec.groups != defaults.groups) j["groups"] = spec.groups;
  const PaddingSpec& p = spec.padding;
  switch (p.kind) {
    case PaddingSpec::Kind::kValid:
      j["padding"] = "valid";
      break;
    case PaddingSpec::Kind::kSame:
      j["padding"] = "same";
      break;
    case PaddingSpec::Kind::kCausal:
      j["padding"] = "causal";
      break;
    case PaddingSpec::Kind::kExplicit:
      if (p.top != p.bottom || p.left != p.right) {
        j["padding"] = OrderedJson::array({p.top, p.bottom, p.left, p.right});
      } else if (p.top != 0 || p.left != 0) {
        j["padding"] = PairToJson(Pair{p.top, p.left});
      }
      break;
  }
  if (spec.padding_mode != defaults.padding_mode) j["padding_mode"] = PaddingModeName(spec.padding_mode);
  return j;
}

OrderedJson Pool2dSpecToJson(const Pool2dSpec& spec) {
  const Pool2dSpec defaults;
  OrderedJson j = OrderedJson::object();
  j["input"] = ToNestedList(spec.input);
  j["mode"] = spec.mode == PoolMode::kMax ? "max" : "avg";
  j["kernel"] = PairToJson(spec.kernel);
  if (spec.stride) j["stride"] = PairToJson(*spec.stride);
  if (spec.padding != defaults.padding) j["padding"] = PairToJson(spec.padding);
  if (spec.dilation != defaults.dilation) j["dilation"] = PairToJson(spec.dilation);
  if (spec.ceil_mode != defaults.ceil_mode) j["ceil_mode"] = spec.ceil_mode;
  return j;
}

namespace {

// A 1-D layer's window is the width of its pair, written as Keras takes it.
OrderedJson WindowToJson(LayerType type, Pair p) {
  const bool one_d = type == LayerType::kConv1d || type == LayerType::kMaxPool1d || type == LayerType::kAvgPool1d;
  return one_d ? OrderedJson(p.w) : PairToJson(p);
}

const char* KerasPaddingName(KerasPadding padding) {
  switch (padding) {
    case KerasPadding::kValid: return "valid";
    case KerasPadding::kSame: return "same";
    case KerasPadding::kCausal: return "causal";
  }
  return "valid";
}

}  // namespace

OrderedJson ModelToJson(const Model& model) {
  const LayerSpec defaults;
  OrderedJson layers = OrderedJson::array();
  for (const LayerSpec& layer : model.layers) {
    OrderedJson j = OrderedJson::object();
    j["type"] = LayerTypeName(layer.type);
    // Each type writes the fields ModelFromJson reads for it, in Keras's
    // argument order.
    switch (layer.type) {
      case LayerType::kConv2d:
      case LayerType::kConv1d:
        j["filters"] = layer.filters;
        j["kernel_size"] = WindowToJson(layer.type, layer.kernel_size);
        break;
      case LayerType::kMaxPool2d:
      case LayerType::kAvgPool2d:
      case LayerType::kMaxPool1d:
      case LayerType::kAvgPool1d:
        j["pool_size"] = WindowToJson(layer.type, layer.pool_size);
        break;
      case LayerType::kDense:
        j["units"] = layer.units;
        break;
      case LayerType::kDropout:
        j["rate"] = layer.rate;
        break;
      case LayerType::kFlatten:
      case LayerType::kGlobalAvgPool2d:
      case LayerType::kGlobalAvgPool1d:
      case LayerType::kBatchNorm:
      case LayerType::kReLU:
        break;
    }
    const bool conv = layer.type == LayerType::kConv2d || layer.type == LayerType::kConv1d;
    const bool pool = layer.type == LayerType::kMaxPool2d || layer.type == LayerType::kAvgPool2d ||
                      layer.type == LayerType::kMaxPool1d || layer.type == LayerType::kAvgPool1d;
    if ((conv || pool) && layer.strides) j["strides"] = WindowToJson(layer.type, *layer.strides);
    if ((conv || pool) && layer.padding != defaults.padding) j["padding"] = KerasPaddingName(layer.padding);
    if (conv && layer.dilation_rate != defaults.dilation_rate) {
      j["dilation_rate"] = WindowToJson(layer.type, layer.dilation_rate);
    }
    if ((conv || layer.type == LayerType::kDense) && layer.use_bias != defaults.use_bias) {
      j["use_bias"] = layer.use_bias;
    }
    layers.push_back(std::move(j));
  }
  OrderedJson j = OrderedJson::object();
  j["input_shape"] = model.sequence ? OrderedJson::array({model.width, model.channels})
                                    : OrderedJson::array({model.height, model.width, model.channels});
  j["layers"] = std::move(layers);
  return j;
}

OrderedJson SessionToJson(const Session& session) {
  OrderedJson j = OrderedJson::object();
  j["schema_version"] = kSessionSchemaVersion;
  j["title"] = session.title;
  j["conv"] = Conv2dSpecToJson(session.conv);
  if (session.input_axes.rows != InputAxes::Rows::kNone) j["input_axes"] = InputAxesToJson(session.input_axes);
  j["activation"] = ActivationName(session.activation);
  j["pool"] = Pool2dSpecToJson(session.pool);
  j["model"] = ModelToJson(session.model);
  if (session.network) j["network"] = NetworkToJson(*session.network);
  j["step"] = session.step;
  return j;
}

std::string SessionToText(const Session& session) {
  std::string text;
  AppendLaidOut(SessionToJson(session), 0, &text);
  text += '\n';
  return text;
}

Result<Session> SessionFromText(const std::string& text) {
  // nlohmann's own message for this case talks about strings and streams.
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error{"session.empty", {}, "the file is empty: a session is a JSON object"};
  }
  Result<Json> json = ParseJson(text);
  if (!json) return json.failure();
  return SessionFromJson(*json);
}

// [SECTION] Files

Result<Session> LoadSessionFile(const std::string& path) {
  Result<std::string> text = ReadFileAtMost(path, kMaxSessionFileBytes);
  if (!text) return text.failure();
  Result<Session> session = SessionFromText(*text);
  if (!session) return Prefixed("'" + path + "': ", session.failure());
  return session;
}

Result<bool> SaveSessionFile(const std::string& path, const Session& session) {
  return WriteFileAtomically(path, SessionToText(session));
}

// [SECTION] Output as CSV

std::string OutputCsv(const Tensor3& output) {
  std::string csv;
  for (int c = 0; c < output.c; ++c) {
    if (c > 0) csv += "\n";
    for (int y = 0; y < output.h; ++y) {
      for (int x = 0; x < output.w; ++x) {
        if (x > 0) csv += ",";
        AppendShortest(output.at(c, y, x), &csv);
      }
      csv += "\n";
    }
  }
  return csv;
}

}  // namespace convstep
