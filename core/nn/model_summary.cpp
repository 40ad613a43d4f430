// Index of this file:
// [SECTION] Layer types and Keras's names
// [SECTION] Shapes and counts
// [SECTION] The Keras table
// [SECTION] Public API

#include "core/nn/model_summary.h"

#include <algorithm>
#include <array>
#include <climits>

#include "core/conv/conv_spec.h"
#include "core/conv/output_size.h"

namespace convstep {

namespace {

// [SECTION] Layer types and Keras's names

struct LayerTypeInfo {
  LayerType type;
  const char* json_name;   // the "type" string of the model format
  const char* class_name;  // Keras's class
  const char* keras_name;  // Keras's snake_case of the class: the base of its automatic names
};

constexpr LayerTypeInfo kLayerTypes[] = {
    {LayerType::kConv2d, "conv2d", "Conv2D", "conv2d"},
    {LayerType::kMaxPool2d, "maxpool2d", "MaxPooling2D", "max_pooling2d"},
    {LayerType::kAvgPool2d, "avgpool2d", "AveragePooling2D", "average_pooling2d"},
    {LayerType::kFlatten, "flatten", "Flatten", "flatten"},
    {LayerType::kGlobalAvgPool2d, "globalavgpool2d", "GlobalAveragePooling2D", "global_average_pooling2d"},
    {LayerType::kDense, "dense", "Dense", "dense"},
    {LayerType::kBatchNorm, "batchnorm", "BatchNormalization", "batch_normalization"},
    {LayerType::kReLU, "relu", "ReLU", "re_lu"},
    {LayerType::kDropout, "dropout", "Dropout", "dropout"},
    {LayerType::kConv1d, "conv1d", "Conv1D", "conv1d"},
    {LayerType::kMaxPool1d, "maxpool1d", "MaxPooling1D", "max_pooling1d"},
    {LayerType::kAvgPool1d, "avgpool1d", "AveragePooling1D", "average_pooling1d"},
    {LayerType::kGlobalAvgPool1d, "globalavgpool1d", "GlobalAveragePooling1D", "global_average_pooling1d"},
};

const LayerTypeInfo& InfoOf(LayerType type) {
  for (const LayerTypeInfo& info : kLayerTypes) {
    if (info.type == type) return info;
  }
  return kLayerTypes[0];
}

// Keras names the second conv2d of a model conv2d_1, the third conv2d_2
// (counting per class in a fresh session).
std::string KerasName(const std::vector<LayerSpec>& layers, size_t i) {
  const auto before = std::count_if(layers.begin(), layers.begin() + static_cast<std::ptrdiff_t>(i),
                                    [&](const LayerSpec& l) { return l.type == layers[i].type; });
  std::string name = InfoOf(layers[i].type).keras_name;
  return before == 0 ? name : name + "_" + std::to_string(before);
}

// [SECTION] Shapes and counts

using Shape = std::vector<long long>;

// Parameter counts beyond this are typing mistakes, not models; the bound
// keeps every product and sum exact in 64 bits.
constexpr long long kMaxCount = 1'000'000'000'000'000;

// a * b, or nothing when it exceeds kMaxCount (a, b >= 0).
std::optional<long long> Product(long long a, long long b) {
  if (b != 0 && a > kMaxCount / b) return std::nullopt;
  return a * b;
}

std::string ShapeText(const Shape& shape) {
  std::string text;
  for (long long d : shape) text += (text.empty() ? "" : "\u00d7") + std::to_string(d);
  return text;
}

std::string PairText(Pair p) { return ShapeText({p.h, p.w}); }

std::string TooManyParams() {
  return "more than " + WithThousands(kMaxCount) + " parameters, beyond what ConvStep counts";
}

// Why a 2-D layer cannot take `input`: it is flat, or a sequence.
std::string NeedsFeatureMap(const Shape& input) {
  if (input.size() == 2) {
    return "needs a height\u00d7width\u00d7channels input, but gets the steps\u00d7channels " + ShapeText(input) +
           " of a sequence: use its 1-D kin (Conv1D, MaxPooling1D, ...)";
  }
  return "needs a height\u00d7width\u00d7channels input, but gets the flat " + ShapeText(input) +
         " values of the layer before: move it before the Flatten layer";
}

// Why a 1-D layer cannot take `input`: it is flat, or an image.
std::string NeedsSequence(const Shape& input) {
  if (input.size() == 3) {
    return "needs a steps\u00d7channels input (input_shape [steps, channels]), but gets the height\u00d7width\u00d7"
           "channels " + ShapeText(input) + " of an image: use its 2-D kin (Conv2D, MaxPooling2D, ...)";
  }
  return "needs a steps\u00d7channels input, but gets the flat " + ShapeText(input) +
         " values of the layer before: move it before the Flatten layer";
}

// One axis of a Keras window: "valid" keeps every window inside, out =
// floor((n - d(k - 1) - 1)/s) + 1; "same" pads so that out = ceil(n/s);
// "causal" pads d(k - 1) before, so out = ceil(n/s) too and each output
// sees only its past.
AxisSize KerasAxis(int n, int k, int s, int d, KerasPadding padding) {
  int before = 0;
  int after = 0;
  if (padding == KerasPadding::kSame) SamePadding(n, k, s, d, &before, &after);
  if (padding == KerasPadding::kCausal) before = CausalPadding(k, d);
  return ComputeAxisSize(n, k, before, after, s, d);
}

// Slides a window over the input's height and width the Keras way. Writes
// the output size, or returns why no window fits.
std::string SlideWindow(const Shape& input, Pair window, Pair strides, Pair dilation, KerasPadding padding,
                        const char* noun, int* out_h, int* out_w) {
  const int h = static_cast<int>(input[0]);
  const int w = static_cast<int>(input[1]);
  const AxisSize axis_h = KerasAxis(h, window.h, strides.h, dilation.h, padding);
  const AxisSize axis_w = KerasAxis(w, window.w, strides.w, dilation.w, padding);
  if (axis_h.output == 0 || axis_w.output == 0) {
    std::string what = "the " + PairText(window) + " " + noun;
    if (dilation.h > 1 || dilation.w > 1) {
      what += " with dilation " + PairText(dilation) + " spans " + PairText({axis_h.span, axis_w.span}) + " and";
    }
    return what + " does not fit in the " + PairText({h, w}) + " input";
  }
  *out_h = axis_h.output;
  *out_w = axis_w.output;
  return "";
}

// The same along a sequence's steps: writes the output length, or returns
// why no window fits ("the 5-step kernel does not fit in the 4 steps").
std::string SlideWindow1d(const Shape& input, int window, int strides, int dilation, KerasPadding padding,
                          const char* noun, int* out_steps) {
  const int steps = static_cast<int>(input[0]);
  const AxisSize axis = KerasAxis(steps, window, strides, dilation, padding);
  if (axis.output == 0) {
    std::string what = "the " + std::to_string(window) + "-step " + noun;
    if (dilation > 1) what += " with dilation " + std::to_string(dilation) + " spans " + std::to_string(axis.span) + " and";
    return what + " does not fit in the " + std::to_string(steps) + " steps";
  }
  *out_steps = axis.output;
  return "";
}

// Keras's causal padding belongs to Conv1D: Conv2D and the pooling layers
// refuse it.
std::string CheckNotCausal(const LayerSpec& layer) {
  if (layer.padding != KerasPadding::kCausal) return "";
  return std::string("padding \"causal\" is Conv1D's only: ") + InfoOf(layer.type).class_name +
         " takes \"valid\" or \"same\"";
}

// One window block of `window` taps over `channels` inputs per filter, plus
// its bias: Keras's Param # of a convolution.
std::optional<long long> ConvParams(long long window, long long channels, int filters, bool use_bias) {
  const std::optional<long long> taps = Product(window, channels);
  if (!taps) return std::nullopt;
  return Product(*taps + (use_bias ? 1 : 0), filters);
}

// Checks a window's sizes: at least 1, and small enough for the size
// arithmetic (the same bound as a Conv2d spec).
std::string CheckWindowPair(Pair p, const char* field) {
  if (p.h < 1 || p.w < 1) return std::string(field) + " must be at least 1";
  if (std::max(p.h, p.w) > kMaxSide) {
    return std::string(field) + " above " + std::to_string(kMaxSide) + " is not supported";
  }
  return "";
}

// Applies one layer to `input`: fills the row's output shape and parameters,
// or returns why the layer cannot take that input.
std::string ApplyLayer(const LayerSpec& layer, const Shape& input, LayerSummary* row) {
  switch (layer.type) {
    case LayerType::kConv2d: {
      if (input.size() != 3) return NeedsFeatureMap(input);
      if (layer.filters < 1) return "filters must be at least 1";
      const Pair strides = layer.strides.value_or(Pair{1, 1});
      for (const std::string& problem : {CheckWindowPair(layer.kernel_size, "kernel_size"),
                                         CheckWindowPair(strides, "strides"),
                                         CheckWindowPair(layer.dilation_rate, "dilation_rate"),
                                         CheckNotCausal(layer)}) {
        if (!problem.empty()) return problem;
      }
      int out_h = 0;
      int out_w = 0;
      std::string problem = SlideWindow(input, layer.kernel_size, strides, layer.dilation_rate, layer.padding,
                                        "kernel", &out_h, &out_w);
      if (!problem.empty()) return problem;
      // One kh×kw×C_in weight block per filter, plus its bias. kh·kw is at
      // most kMaxSide², far inside 64 bits.
      const long long window = static_cast<long long>(layer.kernel_size.h) * layer.kernel_size.w;
      const std::optional<long long> params = ConvParams(window, input[2], layer.filters, layer.use_bias);
      if (!params) return TooManyParams();
      row->output_shape = {out_h, out_w, layer.filters};
      row->params = *params;
      return "";
    }
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d: {
      if (input.size() != 3) return NeedsFeatureMap(input);
      const Pair strides = layer.strides.value_or(layer.pool_size);
      for (const std::string& problem : {CheckWindowPair(layer.pool_size, "pool_size"),
                                         CheckWindowPair(strides, "strides"), CheckNotCausal(layer)}) {
        if (!problem.empty()) return problem;
      }
      int out_h = 0;
      int out_w = 0;
      std::string problem = SlideWindow(input, layer.pool_size, strides, Pair{1, 1}, layer.padding,
                                        "pooling window", &out_h, &out_w);
      if (!problem.empty()) return problem;
      row->output_shape = {out_h, out_w, input[2]};
      return "";
    }
    case LayerType::kFlatten: {
      long long size = 1;
      for (long long d : input) {
        const std::optional<long long> p = Product(size, d);
        if (!p) return "more than " + WithThousands(kMaxCount) + " values, beyond what ConvStep counts";
        size = *p;
      }
      row->output_shape = {size};
      return "";
    }
    case LayerType::kGlobalAvgPool2d:
      if (input.size() != 3) return NeedsFeatureMap(input);
      row->output_shape = {input[2]};
      return "";
    case LayerType::kConv1d: {
      if (input.size() != 2) return NeedsSequence(input);
      if (layer.filters < 1) return "filters must be at least 1";
      // The 1-D layers read the width of each pair (see LayerSpec).
      const int strides = layer.strides.value_or(Pair{1, 1}).w;
      for (const std::string& problem : {CheckWindowPair({1, layer.kernel_size.w}, "kernel_size"),
                                         CheckWindowPair({1, strides}, "strides"),
                                         CheckWindowPair({1, layer.dilation_rate.w}, "dilation_rate")}) {
        if (!problem.empty()) return problem;
      }
      int out_steps = 0;
      std::string problem = SlideWindow1d(input, layer.kernel_size.w, strides, layer.dilation_rate.w,
                                          layer.padding, "kernel", &out_steps);
      if (!problem.empty()) return problem;
      // K·C_in weights per filter, plus its bias.
      const std::optional<long long> params = ConvParams(layer.kernel_size.w, input[1], layer.filters, layer.use_bias);
      if (!params) return TooManyParams();
      row->output_shape = {out_steps, layer.filters};
      row->params = *params;
      return "";
    }
    case LayerType::kMaxPool1d:
    case LayerType::kAvgPool1d: {
      if (input.size() != 2) return NeedsSequence(input);
      const int strides = layer.strides.value_or(layer.pool_size).w;
      for (const std::string& problem : {CheckWindowPair({1, layer.pool_size.w}, "pool_size"),
                                         CheckWindowPair({1, strides}, "strides"), CheckNotCausal(layer)}) {
        if (!problem.empty()) return problem;
      }
      int out_steps = 0;
      std::string problem =
          SlideWindow1d(input, layer.pool_size.w, strides, 1, layer.padding, "pooling window", &out_steps);
      if (!problem.empty()) return problem;
      row->output_shape = {out_steps, input[1]};
      return "";
    }
    case LayerType::kGlobalAvgPool1d:
      if (input.size() != 2) return NeedsSequence(input);
      row->output_shape = {input[1]};
      return "";
    case LayerType::kDense: {
      if (input.size() != 1) {
        return "needs a flat input, but gets " + ShapeText(input) + ": add a Flatten layer before it";
      }
      if (layer.units < 1) return "units must be at least 1";
      // One weight per input and output, plus one bias per output.
      const std::optional<long long> params = Product(input[0] + (layer.use_bias ? 1 : 0), layer.units);
      if (!params) return TooManyParams();
      row->output_shape = {layer.units};
      row->params = *params;
      return "";
    }
    case LayerType::kBatchNorm: {
      // Per channel: gamma and beta are trained, the moving mean and
      // variance are updated by statistics, not by the optimiser.
      const std::optional<long long> params = Product(input.back(), 4);
      if (!params) return TooManyParams();
      row->output_shape = input;
      row->params = *params;
      row->non_trainable_params = *params / 2;
      return "";
    }
    case LayerType::kReLU:
      row->output_shape = input;
      return "";
    case LayerType::kDropout:
      // Written so that NaN fails too.
      if (!(layer.rate >= 0.0 && layer.rate < 1.0)) {
        return "rate must be at least 0 and below 1: it is the fraction of inputs dropped";
      }
      row->output_shape = input;
      return "";
  }
  return "";
}

// [SECTION] The Keras table

// One row of print_summary: each field starts at its column and the line is
// padded to the column's end, as Keras's print_row does.
std::string TableRow(const std::array<std::string, 3>& fields, const std::array<size_t, 3>& widths) {
  std::string line;
  for (size_t c = 0; c < fields.size(); ++c) {
    line += fields[c];
    line += std::string(widths[c] - fields[c].size(), ' ');
  }
  return line + "\n";
}

}  // namespace

// [SECTION] Public API

std::vector<long long> ModelInputShape(const Model& model) {
  if (model.sequence) return {model.width, model.channels};
  return {model.height, model.width, model.channels};
}

const char* LayerTypeName(LayerType type) { return InfoOf(type).json_name; }

const char* KerasClassName(LayerType type) { return InfoOf(type).class_name; }

std::string KerasShapeText(const std::vector<long long>& shape) {
  std::string text = "(None";
  for (long long d : shape) text += ", " + std::to_string(d);
  return text + ")";
}

std::string WithThousands(long long n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return digits;
}

bool LayerTypeFromName(std::string_view name, LayerType* type) {
  for (const LayerTypeInfo& info : kLayerTypes) {
    if (name == info.json_name) {
      *type = info.type;
      return true;
    }
  }
  return false;
}

std::string LayerTypeNames() {
  std::string known;
  for (const LayerTypeInfo& t : kLayerTypes) known += (known.empty() ? "" : ", ") + std::string(t.json_name);
  return known;
}

std::vector<std::string> LayerFields(LayerType type) {
  switch (type) {
    case LayerType::kConv2d:
    case LayerType::kConv1d:
      return {"filters", "kernel_size", "strides", "padding", "dilation_rate", "use_bias"};
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d:
    case LayerType::kMaxPool1d:
    case LayerType::kAvgPool1d:
      return {"pool_size", "strides", "padding"};
    case LayerType::kDense:
      return {"units", "use_bias"};
    case LayerType::kDropout:
      return {"rate"};
    case LayerType::kFlatten:
    case LayerType::kGlobalAvgPool2d:
    case LayerType::kGlobalAvgPool1d:
    case LayerType::kBatchNorm:
    case LayerType::kReLU:
      break;
  }
  return {};
}

std::string LayerLabel(const std::vector<LayerSpec>& layers, size_t i) {
  return "layer " + std::to_string(i + 1) + ", " + KerasName(layers, i) + " (" +
         InfoOf(layers[i].type).class_name + ")";
}

namespace {

// The summary, or the reason it stops and, in `failing`, the layer it stops
// at (-1 when the input shape itself is wrong).
// Why the input shape cannot be, or "".
std::string CheckInputShape(const Model& model) {
  if (model.sequence) {
    if (model.width < 1 || model.channels < 1) {
      return "input_shape must be two positive whole numbers [steps, channels], e.g. [100, 1]";
    }
    if (model.width > kMaxSide) {
      return "input sequences longer than " + std::to_string(kMaxSide) + " steps are not supported";
    }
    return "";
  }
  if (model.height < 1 || model.width < 1 || model.channels < 1) {
    return "input_shape must be three positive whole numbers [height, width, channels], e.g. [32, 32, 3]";
  }
  if (std::max(model.height, model.width) > kMaxSide) {
    return "input images larger than " + std::to_string(kMaxSide) + " on a side are not supported";
  }
  return "";
}

Result<ModelSummary> Summarize(const Model& model, int* failing) {
  *failing = -1;
  const std::string input_problem = CheckInputShape(model);
  if (!input_problem.empty()) return Error{input_problem};
  ModelSummary summary;
  Shape shape = ModelInputShape(model);
  for (size_t i = 0; i < model.layers.size(); ++i) {
    LayerSummary row;
    row.type = model.layers[i].type;
    row.name = KerasName(model.layers, i);
    *failing = static_cast<int>(i);
    const std::string problem = ApplyLayer(model.layers[i], shape, &row);
    if (!problem.empty()) return Error{LayerLabel(model.layers, i) + ": " + problem};
    // Each count is at most kMaxCount, so the sum cannot overflow before the check.
    summary.total_params += row.params;
    summary.non_trainable_params += row.non_trainable_params;
    if (summary.total_params > kMaxCount) return Error{"the model has " + TooManyParams()};
    *failing = -1;
    shape = row.output_shape;
    summary.layers.push_back(std::move(row));
  }
  summary.trainable_params = summary.total_params - summary.non_trainable_params;
  return summary;
}

}  // namespace

Result<ModelSummary> SummarizeModel(const Model& model) {
  int failing = -1;
  return Summarize(model, &failing);
}

int FailingLayer(const Model& model) {
  int failing = -1;
  return Summarize(model, &failing) ? -1 : failing;
}

std::string FormatKerasSummary(const ModelSummary& summary) {
  // Keras's stops for a Sequential model: line_length 65 at positions
  // .45/.85/1.0, so columns end at 29, 55 and 65.
  std::array<size_t, 3> widths{29, 26, 10};
  const std::array<std::string, 3> header{"Layer (type)", "Output Shape", "Param #"};
  std::vector<std::array<std::string, 3>> rows;
  for (const LayerSummary& layer : summary.layers) {
    rows.push_back({layer.name + " (" + KerasClassName(layer.type) + ")", KerasShapeText(layer.output_shape),
                    std::to_string(layer.params)});
  }
  // Keras truncates a field at its column's end (max_pooling2d_1
  // (MaxPooling2 ...); widening keeps the name whole and at least one space
  // before the next column.
  for (const auto& row : rows) {
    widths[0] = std::max(widths[0], row[0].size() + 1);
    widths[1] = std::max(widths[1], row[1].size() + 1);
    widths[2] = std::max(widths[2], row[2].size());
  }
  const size_t line_length = widths[0] + widths[1] + widths[2];
  const std::string thin(line_length, '_');
  const std::string thick(line_length, '=');

  std::string out = "Model: \"sequential\"\n" + thin + "\n" + TableRow(header, widths) + thick + "\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    out += TableRow(rows[i], widths);
    out += (i + 1 == rows.size() ? thick : thin) + "\n";
  }
  out += "Total params: " + WithThousands(summary.total_params) + "\n";
  out += "Trainable params: " + WithThousands(summary.trainable_params) + "\n";
  out += "Non-trainable params: " + WithThousands(summary.non_trainable_params) + "\n";
  return out + thin + "\n";
}


}  // namespace convstep
