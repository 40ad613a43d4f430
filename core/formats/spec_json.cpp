#include "core/formats/spec_json.h"

#include <cmath>
#include <initializer_list>
#include <utility>

#include "core/formats/grid_file.h"

namespace convstep {

namespace {

// Reads a nested list of numbers whose shape has `rank` levels, checking
// that every level is a list and that no level is ragged.
Result<std::vector<int>> ShapeOf(const Json& j, int rank, const std::string& field) {
  std::vector<int> shape;
  const Json* level = &j;
  for (int r = 0; r < rank; ++r) {
    if (!level->is_array()) {
      return Error{field + " must be a list nested " + std::to_string(rank) +
                   " deep, but level " + std::to_string(r + 1) + " is not a list"};
    }
    if (level->empty()) return Error{field + " has an empty list at level " + std::to_string(r + 1)};
    shape.push_back(static_cast<int>(level->size()));
    level = &(*level)[0];
  }
  return shape;
}

// Walks the nested lists in row-major order, appending numbers to `out`.
std::string Flatten(const Json& j, const std::vector<int>& shape, size_t depth, std::vector<size_t>* index,
                    std::vector<double>* out) {
  // The element's path ("input[0][2][1]") is spelled out only for an error:
  // a 256×256 grid has 65,536 elements that need none.
  auto where = [&] {
    std::string path;
    for (size_t d = 0; d < depth; ++d) path += "[" + std::to_string((*index)[d]) + "]";
    return path;
  };
  if (depth == shape.size()) {
    if (!j.is_number()) return where() + " is not a number";
    const double v = j.get<double>();
    if (!std::isfinite(v)) return where() + " is not a finite number";
    out->push_back(v);
    return "";
  }
  if (!j.is_array()) return where() + " must be a list";
  if (static_cast<int>(j.size()) != shape[depth]) {
    return where() + " has " + std::to_string(j.size()) + " entries but the first one at that level has " +
           std::to_string(shape[depth]) + " (ragged array)";
  }
  for (size_t i = 0; i < j.size(); ++i) {
    (*index)[depth] = i;
    std::string problem = Flatten(j[i], shape, depth + 1, index, out);
    if (!problem.empty()) return problem;
  }
  return "";
}

// Sizes beyond this are typing mistakes, not images: they would only
// overflow the arithmetic downstream.
constexpr long long kMaxInt = 1000000;

Result<int> AsInt(const Json& v, const std::string& what) {
  if (!v.is_number_integer()) return Error{what + " must be a whole number"};
  const auto n = v.get<long long>();
  if (n < -kMaxInt || n > kMaxInt) return Error{what + " is out of range"};
  return static_cast<int>(n);
}

Result<std::vector<double>> Numbers(const Json& j, int rank, const std::string& field,
                                    std::vector<int>* shape) {
  Result<std::vector<int>> s = ShapeOf(j, rank, field);
  if (!s) return Error{s.error()};
  std::vector<double> data;
  std::vector<size_t> index(s->size(), 0);
  std::string problem = Flatten(j, *s, 0, &index, &data);
  if (!problem.empty()) return Error{field + problem};
  *shape = *s;
  return data;
}

// The grid in the file that a string in the spec names, relative paths
// resolved against the current directory.
Result<Tensor3> GridFromFile(const Json& j, const std::string& field) {
  Result<Tensor3> grid = LoadGridFile(j.get<std::string>());
  if (!grid) return Error{field + ": " + grid.error()};
  return grid;
}

// The first of `fields` that `spec` lacks, as an error; "" when it has them
// all (and is an object at all).
std::string MissingField(const Json& spec, std::initializer_list<const char*> fields) {
  if (!spec.is_object()) {
    // "input", "mode" and "kernel"
    std::string names;
    size_t i = 0;
    for (const char* field : fields) {
      names += (i == 0 ? "" : i + 1 == fields.size() ? " and " : ", ") + std::string("\"") + field + "\"";
      ++i;
    }
    return "the spec must be a JSON object with " + names;
  }
  for (const char* field : fields) {
    if (!spec.contains(field)) return std::string("the spec has no \"") + field + "\"";
  }
  return "";
}

// "bias" when present and not null (Python's bias=None), else no bias.
Result<std::vector<double>> OptionalBias(const Json& spec) {
  if (!spec.contains("bias") || spec["bias"].is_null()) return std::vector<double>{};
  return VectorFromJson(spec["bias"], "bias");
}

Result<PoolMode> PoolModeFromJson(const Json& spec) {
  const Json& mode = spec["mode"];
  if (mode == "max") return PoolMode::kMax;
  if (mode == "avg") return PoolMode::kAvg;
  return Error{"mode must be \"max\" or \"avg\""};
}

Result<bool> BoolFromJson(const Json& spec, const std::string& field, bool fallback) {
  if (!spec.contains(field)) return fallback;
  if (!spec[field].is_boolean()) return Error{field + " must be true or false"};
  return spec[field].get<bool>();
}

}  // namespace

Result<Json> ParseJson(const std::string& text) {
  // nlohmann's message says where the text broke; the exception stays here.
  // Not only parse_error: a number too large for a double is out_of_range.
  try {
    return Json::parse(text);
  } catch (const Json::exception& e) {
    return Error{"json.malformed", {e.what()}, std::string("malformed JSON: ") + e.what()};
  }
}

Result<Tensor2> Tensor2FromJson(const Json& j, const std::string& field) {
  std::vector<int> shape;
  Result<std::vector<double>> data = Numbers(j, 2, field, &shape);
  if (!data) return Error{data.error() + " (expected [channels][samples])"};
  Tensor2 t;
  t.c = shape[0];
  t.l = shape[1];
  t.data = std::move(data).value();
  return t;
}

Result<Tensor3> Tensor3FromJson(const Json& j, const std::string& field, const std::string& layout) {
  if (j.is_string()) return GridFromFile(j, field);
  std::vector<int> shape;
  Result<std::vector<double>> data = Numbers(j, 3, field, &shape);
  if (!data) return Error{data.error() + " (expected " + layout + ")"};
  Tensor3 t;
  t.c = shape[0];
  t.h = shape[1];
  t.w = shape[2];
  t.data = std::move(data).value();
  return t;
}

Result<Tensor4> Tensor4FromJson(const Json& j, const std::string& field, const std::string& layout) {
  if (j.is_string()) {
    // A grid file has three levels; it becomes the only entry of the first.
    Result<Tensor3> grid = GridFromFile(j, field);
    if (!grid) return Error{grid.error()};
    Tensor4 t;
    t.n = 1;
    t.c = grid->c;
    t.h = grid->h;
    t.w = grid->w;
    t.data = std::move(grid).value().data;
    return t;
  }
  std::vector<int> shape;
  Result<std::vector<double>> data = Numbers(j, 4, field, &shape);
  if (!data) return Error{data.error() + " (expected " + layout + ")"};
  Tensor4 t;
  t.n = shape[0];
  t.c = shape[1];
  t.h = shape[2];
  t.w = shape[3];
  t.data = std::move(data).value();
  return t;
}

Result<std::vector<double>> VectorFromJson(const Json& j, const std::string& field) {
  std::vector<int> shape;
  return Numbers(j, 1, field, &shape);
}

Result<std::vector<double>> NestedNumbersFromJson(const Json& j, int rank, const std::string& field,
                                                  std::vector<int>* shape) {
  return Numbers(j, rank, field, shape);
}

Result<int> IntFromJson(const Json& spec, const std::string& field, int fallback) {
  if (!spec.contains(field)) return fallback;
  return AsInt(spec[field], field);
}

Result<Pair> PairFromJson(const Json& spec, const std::string& field, Pair fallback) {
  if (!spec.contains(field)) return fallback;
  const Json& v = spec[field];
  if (v.is_number_integer()) {
    Result<int> n = AsInt(v, field);
    if (!n) return Error{n.error()};
    return Pair{*n, *n};
  }
  if (v.is_array() && v.size() == 2) {
    Result<int> h = AsInt(v[0], field + "[0]");
    if (!h) return Error{h.error()};
    Result<int> w = AsInt(v[1], field + "[1]");
    if (!w) return Error{w.error()};
    return Pair{*h, *w};
  }
  return Error{field + " must be a whole number or a list [height, width]"};
}

Result<PaddingSpec> PaddingFromJson(const Json& spec) {
  PaddingSpec p;
  if (!spec.contains("padding")) return p;
  const Json& v = spec["padding"];
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (s == "valid") p.kind = PaddingSpec::Kind::kValid;
    else if (s == "same") p.kind = PaddingSpec::Kind::kSame;
    else if (s == "causal") p.kind = PaddingSpec::Kind::kCausal;
    else return Error{"padding \"" + s + "\" is unknown: use a number, [h, w], [top, bottom, left, right], \"valid\", \"same\" or \"causal\""};
    return p;
  }
  if (v.is_array() && v.size() == 4) {
    std::vector<int> amounts;
    for (size_t i = 0; i < 4; ++i) {
      Result<int> n = AsInt(v[i], "padding[" + std::to_string(i) + "]");
      if (!n) return Error{n.error()};
      amounts.push_back(*n);
    }
    p.top = amounts[0];
    p.bottom = amounts[1];
    p.left = amounts[2];
    p.right = amounts[3];
    return p;
  }
  Result<Pair> pair = PairFromJson(spec, "padding", Pair{0, 0});
  if (!pair) {
    return Error{"padding must be a number, [h, w], [top, bottom, left, right], \"valid\" or \"same\""};
  }
  p.top = p.bottom = pair->h;
  p.left = p.right = pair->w;
  return p;
}

Result<PaddingMode> PaddingModeFromJson(const Json& spec) {
  if (!spec.contains("padding_mode")) return PaddingMode::kZeros;
  const Json& v = spec["padding_mode"];
  const std::string s = v.is_string() ? v.get<std::string>() : "";
  for (PaddingMode m : {PaddingMode::kZeros, PaddingMode::kReflect, PaddingMode::kReplicate,
                        PaddingMode::kCircular}) {
    if (s == PaddingModeName(m)) return m;
  }
  return Error{"padding_mode must be \"zeros\", \"reflect\", \"replicate\" or \"circular\""};
}

Result<Operands> OperandsFromJson(const Json& spec, const std::string& weight_layout) {
  const std::string missing = MissingField(spec, {"input", "weight"});
  if (!missing.empty()) return Error{missing};
  Operands o;
  Result<Tensor3> input = Tensor3FromJson(spec["input"], "input");
  if (!input) return Error{input.error()};
  o.input = std::move(input).value();
  Result<Tensor4> weight = Tensor4FromJson(spec["weight"], "weight", weight_layout);
  if (!weight) return Error{weight.error()};
  o.weight = std::move(weight).value();
  Result<std::vector<double>> bias = OptionalBias(spec);
  if (!bias) return Error{bias.error()};
  o.bias = std::move(bias).value();
  return o;
}

Result<Conv2dSpec> Conv2dSpecFromJson(const Json& spec) {
  Result<Operands> operands = OperandsFromJson(spec, "[filters][channels][rows][columns]");
  if (!operands) return Error{operands.error()};
  Conv2dSpec s;
  s.input = std::move(operands.value().input);
  s.weight = std::move(operands.value().weight);
  s.bias = std::move(operands.value().bias);
  Result<Pair> stride = PairFromJson(spec, "stride", Pair{1, 1});
  if (!stride) return Error{stride.error()};
  s.stride = *stride;
  Result<Pair> dilation = PairFromJson(spec, "dilation", Pair{1, 1});
  if (!dilation) return Error{dilation.error()};
  s.dilation = *dilation;
  Result<int> groups = IntFromJson(spec, "groups", 1);
  if (!groups) return Error{groups.error()};
  s.groups = *groups;
  Result<PaddingSpec> padding = PaddingFromJson(spec);
  if (!padding) return Error{padding.error()};
  s.padding = *padding;
  Result<PaddingMode> mode = PaddingModeFromJson(spec);
  if (!mode) return Error{mode.error()};
  s.padding_mode = *mode;
  return s;
}

Json ToJson(const Tensor3& t) {
  Json channels = Json::array();
  for (int c = 0; c < t.c; ++c) {
    Json rows = Json::array();
    for (int y = 0; y < t.h; ++y) {
      Json row = Json::array();
      for (int x = 0; x < t.w; ++x) {
        const double v = t.at(c, y, x);
        row.push_back(std::isnan(v) ? Json(nullptr) : Json(v));
      }
      rows.push_back(std::move(row));
    }
    channels.push_back(std::move(rows));
  }
  return channels;
}

Json ToJson(const Tensor2& t) {
  Json channels = Json::array();
  for (int c = 0; c < t.c; ++c) {
    Json row = Json::array();
    for (int x = 0; x < t.l; ++x) {
      const double v = t.at(c, x);
      row.push_back(std::isnan(v) ? Json(nullptr) : Json(v));
    }
    channels.push_back(std::move(row));
  }
  return channels;
}

Json ToJson(const Padding2& p) { return Json::array({p.left, p.right}); }

Json ToJson(const Padding4& p) { return Json::array({p.top, p.bottom, p.left, p.right}); }

Result<Pool2dSpec> Pool2dSpecFromJson(const Json& spec) {
  const std::string missing = MissingField(spec, {"input", "mode", "kernel"});
  if (!missing.empty()) return Error{missing};
  Pool2dSpec s;
  Result<Tensor3> input = Tensor3FromJson(spec["input"], "input");
  if (!input) return Error{input.error()};
  s.input = std::move(input).value();
  Result<PoolMode> mode = PoolModeFromJson(spec);
  if (!mode) return Error{mode.error()};
  s.mode = *mode;
  Result<Pair> kernel = PairFromJson(spec, "kernel", s.kernel);
  if (!kernel) return Error{kernel.error()};
  s.kernel = *kernel;
  // Python's stride=None arrives as null and means the same as no stride.
  if (spec.contains("stride") && !spec["stride"].is_null()) {
    Result<Pair> stride = PairFromJson(spec, "stride", s.kernel);
    if (!stride) return Error{stride.error()};
    s.stride = *stride;
  }
  Result<Pair> padding = PairFromJson(spec, "padding", s.padding);
  if (!padding) return Error{padding.error()};
  s.padding = *padding;
  Result<Pair> dilation = PairFromJson(spec, "dilation", s.dilation);
  if (!dilation) return Error{dilation.error()};
  s.dilation = *dilation;
  Result<bool> ceil_mode = BoolFromJson(spec, "ceil_mode", s.ceil_mode);
  if (!ceil_mode) return Error{ceil_mode.error()};
  s.ceil_mode = *ceil_mode;
  return s;
}

Result<Padding1dSpec> Padding1dFromJson(const Json& spec) {
  Padding1dSpec p;
  if (!spec.contains("padding")) return p;
  const Json& v = spec["padding"];
  const std::string hint = "padding must be a number, [left, right], \"valid\", \"same\" or \"causal\"";
  if (v.is_string()) {
    const std::string name = v.get<std::string>();
    if (name == "valid") p.kind = Padding1dSpec::Kind::kValid;
    else if (name == "same") p.kind = Padding1dSpec::Kind::kSame;
    else if (name == "causal") p.kind = Padding1dSpec::Kind::kCausal;
    else return Error{"padding \"" + name + "\" is unknown: use a number, [left, right], \"valid\", \"same\" or \"causal\""};
    return p;
  }
  if (v.is_array() && v.size() == 2) {
    Result<int> left = AsInt(v[0], "padding[0]");
    if (!left) return Error{left.error()};
    Result<int> right = AsInt(v[1], "padding[1]");
    if (!right) return Error{right.error()};
    p.left = *left;
    p.right = *right;
    return p;
  }
  if (!v.is_number_integer()) return Error{hint};
  Result<int> both = AsInt(v, "padding");
  if (!both) return Error{both.error()};
  p.left = p.right = *both;
  return p;
}

Result<Conv1dSpec> Conv1dSpecFromJson(const Json& spec) {
  const std::string missing = MissingField(spec, {"input", "weight"});
  if (!missing.empty()) return Error{missing};
  Conv1dSpec s;
  Result<Tensor2> input = Tensor2FromJson(spec["input"], "input");
  if (!input) return Error{input.error()};
  s.input = std::move(input).value();
  Result<Tensor3> weight = Tensor3FromJson(spec["weight"], "weight", "[filters][channels][taps]");
  if (!weight) return Error{weight.error()};
  s.weight = std::move(weight).value();
  Result<std::vector<double>> bias = OptionalBias(spec);
  if (!bias) return Error{bias.error()};
  s.bias = std::move(bias).value();
  for (auto [field, target] : {std::pair{"stride", &s.stride}, std::pair{"dilation", &s.dilation},
                               std::pair{"groups", &s.groups}}) {
    Result<int> value = IntFromJson(spec, field, *target);
    if (!value) return Error{value.error()};
    *target = *value;
  }
  Result<Padding1dSpec> padding = Padding1dFromJson(spec);
  if (!padding) return Error{padding.error()};
  s.padding = *padding;
  Result<PaddingMode> mode = PaddingModeFromJson(spec);
  if (!mode) return Error{mode.error()};
  s.padding_mode = *mode;
  return s;
}

Result<Pool1dSpec> Pool1dSpecFromJson(const Json& spec) {
  const std::string missing = MissingField(spec, {"input", "mode", "kernel"});
  if (!missing.empty()) return Error{missing};
  Pool1dSpec s;
  Result<Tensor2> input = Tensor2FromJson(spec["input"], "input");
  if (!input) return Error{input.error()};
  s.input = std::move(input).value();
  Result<PoolMode> mode = PoolModeFromJson(spec);
  if (!mode) return Error{mode.error()};
  s.mode = *mode;
  for (auto [field, target] : {std::pair{"kernel", &s.kernel}, std::pair{"padding", &s.padding},
                               std::pair{"dilation", &s.dilation}}) {
    Result<int> value = IntFromJson(spec, field, *target);
    if (!value) return Error{value.error()};
    *target = *value;
  }
  // Python's stride=None arrives as null and means the same as no stride.
  if (spec.contains("stride") && !spec["stride"].is_null()) {
    Result<int> stride = IntFromJson(spec, "stride", s.kernel);
    if (!stride) return Error{stride.error()};
    s.stride = *stride;
  }
  Result<bool> ceil_mode = BoolFromJson(spec, "ceil_mode", s.ceil_mode);
  if (!ceil_mode) return Error{ceil_mode.error()};
  s.ceil_mode = *ceil_mode;
  return s;
}

Result<ConvTranspose2dSpec> ConvTranspose2dSpecFromJson(const Json& spec) {
  Result<Operands> operands = OperandsFromJson(spec, "[in_channels][out_channels/groups][rows][columns]");
  if (!operands) return Error{operands.error()};
  ConvTranspose2dSpec s;
  s.input = std::move(operands.value().input);
  s.weight = std::move(operands.value().weight);
  s.bias = std::move(operands.value().bias);
  for (auto [field, target] : {std::pair{"stride", &s.stride}, std::pair{"padding", &s.padding},
                               std::pair{"output_padding", &s.output_padding},
                               std::pair{"dilation", &s.dilation}}) {
    Result<Pair> value = PairFromJson(spec, field, *target);
    if (!value) return Error{value.error()};
    *target = *value;
  }
  Result<int> groups = IntFromJson(spec, "groups", s.groups);
  if (!groups) return Error{groups.error()};
  s.groups = *groups;
  return s;
}

}  // namespace convstep
