#include "core/conv/receptive_field.h"

#include <algorithm>
#include <string>

#include "core/conv/conv_spec.h"

namespace convstep {

namespace {

// Fields wider than this are typing mistakes: listing them would only fill
// the memory.
constexpr long long kMaxField = 1 << 22;

std::string CheckLayer(const ReceptiveLayer& layer, size_t i) {
  const std::string where = "layer " + std::to_string(i + 1) + ": ";
  if (layer.kernel < 1) return where + "kernel must be at least 1";
  if (layer.stride < 1) return where + "stride must be at least 1";
  if (layer.dilation < 1) return where + "dilation must be at least 1";
  if (std::max({layer.kernel, layer.stride, layer.dilation}) > kMaxSide) {
    return where + "kernel sizes, strides and dilations above " + std::to_string(kMaxSide) + " are not supported";
  }
  return "";
}

int LeftPadding(const ReceptiveLayer& layer) { return layer.causal ? CausalPadding(layer.kernel, layer.dilation) : 0; }

// The input positions `layer` reads to compute the outputs `outputs`
// (sorted), sorted and without repeats.
std::vector<int> ReadPositions(const ReceptiveLayer& layer, const std::vector<int>& outputs) {
  std::vector<int> inputs;
  inputs.reserve(outputs.size() * static_cast<size_t>(layer.kernel));
  const int shift = LeftPadding(layer);
  for (int o : outputs) {
    for (int k = 0; k < layer.kernel; ++k) inputs.push_back(o * layer.stride + k * layer.dilation - shift);
  }
  std::sort(inputs.begin(), inputs.end());
  inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
  return inputs;
}

// The size in closed form, or -1 past kMaxField (so nothing overflows).
long long ClosedFormSize(const std::vector<ReceptiveLayer>& layers) {
  long long size = 1;
  long long jump = 1;  // input samples between neighbouring outputs of the layer below
  for (const ReceptiveLayer& layer : layers) {
    size += static_cast<long long>(layer.dilation) * (layer.kernel - 1) * jump;
    jump *= layer.stride;
    if (size > kMaxField || jump > kMaxField) return -1;
  }
  return size;
}

}  // namespace

Result<ReceptiveField> TraceReceptiveField(const std::vector<ReceptiveLayer>& layers, int out_position) {
  if (layers.empty()) return Error{"the stack has no layers: a receptive field needs at least one"};
  for (size_t i = 0; i < layers.size(); ++i) {
    const std::string problem = CheckLayer(layers[i], i);
    if (!problem.empty()) return Error{problem};
  }
  if (out_position < 0) return Error{"the output position must not be negative"};
  const long long size = ClosedFormSize(layers);
  if (size < 0) {
    return Error{"the receptive field would be wider than " + std::to_string(kMaxField) + " samples"};
  }
  // The traced position times every stride must stay a position.
  long long reach = out_position;
  for (const ReceptiveLayer& layer : layers) reach = reach * layer.stride + size;
  if (reach > kMaxField) {
    return Error{"output position " + std::to_string(out_position) + " lies beyond " +
                 std::to_string(kMaxField) + " samples of the input"};
  }

  ReceptiveField field;
  field.out_position = out_position;
  field.layers.resize(layers.size());
  // From the top down: what a layer reads are outputs of the layer below.
  std::vector<int> wanted{out_position};
  for (size_t i = layers.size(); i-- > 0;) {
    const std::vector<int> read = ReadPositions(layers[i], wanted);
    LayerReach& reach_i = field.layers[i];
    const auto first_sample = std::lower_bound(read.begin(), read.end(), 0);
    reach_i.padding.assign(read.begin(), first_sample);
    reach_i.positions.assign(first_sample, read.end());
    // Every window's last tap is at o*stride >= 0, so some sample is read.
    reach_i.first = reach_i.positions.front();
    reach_i.last = reach_i.positions.back();
    wanted = reach_i.positions;
  }
  field.size = field.layers.front().Span();
  return field;
}

long long ReceptiveFieldSize(const std::vector<ReceptiveLayer>& layers) { return ClosedFormSize(layers); }

std::string ReceptiveFieldFormula(const std::vector<ReceptiveLayer>& layers) {
  std::string text = "1";
  long long jump = 1;
  for (const ReceptiveLayer& layer : layers) {
    text += " + " + std::to_string(layer.dilation) + "*(" + std::to_string(layer.kernel) + " - 1)";
    if (jump > 1) text += "*" + std::to_string(jump);
    jump *= layer.stride;
  }
  return text + " = " + std::to_string(ReceptiveFieldSize(layers));
}

}  // namespace convstep
