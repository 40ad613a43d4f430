// The Keras model summary: a Sequential-like stack of layers on an input of
// [H, W, C] (Keras's channels_last order), or [steps, C] for a sequence
// model (Conv1D and its kin), each layer's output shape and
// parameter count, and the table model.summary() prints in TF 2.x, so a
// student can check by hand what Keras reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/conv/tensor.h"

namespace convstep {

enum class LayerType {
  kConv2d,
  kMaxPool2d,
  kAvgPool2d,
  kFlatten,
  kGlobalAvgPool2d,
  kDense,
  kBatchNorm,
  kReLU,
  kDropout,
  kConv1d,
  kMaxPool1d,
  kAvgPool1d,
  kGlobalAvgPool1d,
};

// Keras's padding names; explicit amounts do not exist in Keras layers.
// "causal" (d(K - 1) before, nothing after) is Conv1D's only.
enum class KerasPadding { kValid, kSame, kCausal };

// One layer as Keras's constructor takes it. Each type reads only its own
// fields (a dense layer reads units and use_bias). The 1-D layers read the
// width of each pair (kernel_size.w, strides->w, ...); the JSON reader sets
// both halves to the one number Keras takes.
struct LayerSpec {
  LayerType type = LayerType::kConv2d;
  int filters = 1;                              // conv: output channels, one per filter
  Pair kernel_size{3, 3};                       // conv: window height and width
  std::optional<Pair> strides;                  // conv and pooling; Keras's default when empty:
                                                // 1 for conv, pool_size for pooling
  KerasPadding padding = KerasPadding::kValid;  // conv and pooling
  Pair dilation_rate{1, 1};                     // conv: spacing between kernel taps
  bool use_bias = true;                         // conv and dense: one bias per output
  Pair pool_size{2, 2};                         // max and average pooling: window height and width
  int units = 1;                                // dense: outputs
  double rate = 0.0;                            // dropout: fraction of inputs zeroed while training, in [0, 1)
};

struct Model {
  int height = 32;  // input_shape [height, width, channels], the batch left out
  int width = 32;   // as in Keras; the default is a CIFAR image
  int channels = 3;
  // A sequence model's input_shape is [steps, channels]: the steps are
  // `width` (a signal is an image one row high) and `height` is not read.
  bool sequence = false;
  std::vector<LayerSpec> layers;  // applied in order, like keras.Sequential
};

// The input shape without the batch: [height, width, channels], or [steps,
// channels] for a sequence model.
std::vector<long long> ModelInputShape(const Model& model);

struct LayerSummary {
  LayerType type = LayerType::kConv2d;
  std::string name;                     // Keras's automatic name: conv2d, conv2d_1, max_pooling2d, ...
  std::vector<long long> output_shape;  // without the batch: [H, W, C], [steps, C], or [N] once flat
  long long params = 0;                 // all parameters, Keras's "Param #" column
  long long non_trainable_params = 0;   // what the optimiser does not train (batchnorm's moving statistics)
};

struct ModelSummary {
  std::vector<LayerSummary> layers;
  long long total_params = 0;
  long long trainable_params = 0;
  long long non_trainable_params = 0;
};

// The "type" string of the JSON model format ("conv2d", "maxpool2d", ...).
const char* LayerTypeName(LayerType type);
// The type whose LayerTypeName is `name`; false for any other name.
bool LayerTypeFromName(std::string_view name, LayerType* type);
// Every LayerTypeName, comma-separated, for messages.
std::string LayerTypeNames();
// The fields a type takes besides "type", in Keras's names.
std::vector<std::string> LayerFields(LayerType type);
// How errors name a layer: 1-based as a student counts, then the name the
// Keras summary would show, e.g. "layer 3, conv2d_1 (Conv2D)".
std::string LayerLabel(const std::vector<LayerSpec>& layers, size_t i);
// Keras's class name ("Conv2D", "MaxPooling2D", ...).
const char* KerasClassName(LayerType type);
// Keras's output shape column, the batch as None: "(None, 30, 30, 32)".
std::string KerasShapeText(const std::vector<long long>& shape);
// 113738 -> "113,738", as Python's "{:,}" (Keras's totals).
std::string WithThousands(long long n);

// Every layer's output shape and parameters, or an error naming the first
// layer that cannot work, e.g. "layer 3, conv2d_1 (Conv2D): the 3×3 kernel
// does not fit in the 2×2 input".
Result<ModelSummary> SummarizeModel(const Model& model);
// The layer where SummarizeModel stops (its shape cannot follow the one
// before, or the parameters grow past what can be counted), or -1 when the
// model summarises or its input shape is what is wrong.
int FailingLayer(const Model& model);

// The table Keras's model.summary() prints for a Sequential model (TF 2.x,
// line length 65), each line ending in a newline. A column too narrow for a
// name is widened rather than truncated as Keras does.
std::string FormatKerasSummary(const ModelSummary& summary);

}  // namespace convstep
