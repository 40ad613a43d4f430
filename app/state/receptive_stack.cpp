#include "app/state/receptive_stack.h"

namespace convstep {

std::optional<ReceptiveStack> ReceptiveStackOf(const Model& model, const ModelSummary& summary) {
  if (!model.sequence || summary.layers.size() != model.layers.size()) return std::nullopt;
  ReceptiveStack stack;
  stack.steps.push_back(model.width);
  for (size_t i = 0; i < model.layers.size(); ++i) {
    const LayerSpec& l = model.layers[i];
    ReceptiveLayer r;
    switch (l.type) {
      case LayerType::kConv1d:
        r = {l.kernel_size.w, l.strides ? l.strides->w : 1, l.dilation_rate.w, l.padding == KerasPadding::kCausal};
        break;
      case LayerType::kMaxPool1d:
      case LayerType::kAvgPool1d:
        r = {l.pool_size.w, l.strides ? l.strides->w : l.pool_size.w, 1, false};
        break;
      case LayerType::kReLU:
      case LayerType::kDropout:
      case LayerType::kBatchNorm:
        continue;
      default:
        i = model.layers.size() - 1;  // every step mixed from here on
        continue;
    }
    const std::vector<long long>& shape = summary.layers[i].output_shape;
    if (shape.size() != 2) break;
    stack.layers.push_back(r);
    stack.model_index.push_back(static_cast<int>(i));
    stack.steps.push_back(static_cast<int>(shape[0]));
  }
  if (stack.layers.empty()) return std::nullopt;
  return stack;
}

}  // namespace convstep
