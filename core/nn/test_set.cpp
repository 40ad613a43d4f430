#include "core/nn/test_set.h"

#include <algorithm>
#include <cmath>

#include "core/nn/network_shapes.h"

namespace convstep {

namespace {

int FirstConv(const Model& model) {
  for (size_t l = 0; l < model.layers.size(); ++l) {
    if (model.layers[l].type == LayerType::kConv2d) return static_cast<int>(l);
  }
  return -1;
}

// The image's peak in each of the layer's maps.
void AddPeaks(const std::vector<float>& maps, const ActivationShape& shape, int image, size_t top,
              std::vector<std::vector<FilterPeak>>* strongest) {
  const size_t plane = static_cast<size_t>(shape.h) * shape.w;
  for (int f = 0; f < shape.c; ++f) {
    const float* m = maps.data() + plane * static_cast<size_t>(f);
    const size_t at = static_cast<size_t>(std::max_element(m, m + plane) - m);
    const FilterPeak peak{image, m[at], static_cast<int>(at / static_cast<size_t>(shape.w)),
                          static_cast<int>(at % static_cast<size_t>(shape.w))};
    std::vector<FilterPeak>& best = (*strongest)[static_cast<size_t>(f)];
    // Strongest first; an equal value later in the set goes after (images
    // come in order, so upper_bound keeps the earlier one first).
    const auto place = std::upper_bound(best.begin(), best.end(), peak.value,
                                        [](float v, const FilterPeak& p) { return v > p.value; });
    if (static_cast<size_t>(place - best.begin()) >= top) continue;
    best.insert(place, peak);
    if (best.size() > top) best.pop_back();
  }
}

// The index of the highest logit and its softmax probability.
std::pair<int, float> Prediction(const float* z, int classes) {
  const int best = static_cast<int>(std::max_element(z, z + classes) - z);
  double sum = 0;
  for (int k = 0; k < classes; ++k) sum += std::exp(static_cast<double>(z[k]) - z[best]);
  return {best, static_cast<float>(1.0 / sum)};
}

}  // namespace

Result<TestSetReport> ClassifyTestSet(FastNetwork* network, const Network& weights, const FastDataSet& test, int top,
                                      int batch_size, const std::atomic<bool>* cancel) {
  const size_t size = static_cast<size_t>(network->InputSize());
  if (test.labels.empty() || test.images.size() != test.labels.size() * size) {
    return Error("the test set's images do not match its labels");
  }
  if (batch_size < 1) return Error("the batch size must be at least 1");
  if (top < 0) return Error("the number of strongest images cannot be negative");
  Result<std::vector<LayerShapes>> shapes = CheckNetwork(weights);
  if (!shapes) return shapes.failure();
  TestSetReport r;
  r.images = static_cast<int>(test.labels.size());
  r.classes = network->Classes();
  r.labels.assign(test.labels.begin(), test.labels.end());
  r.confusion.assign(static_cast<size_t>(r.classes) * r.classes, 0);
  r.first_conv = FirstConv(weights.model);
  const ActivationShape conv_out =
      r.first_conv < 0 ? ActivationShape{} : (*shapes)[static_cast<size_t>(r.first_conv)].output;
  r.strongest.resize(static_cast<size_t>(conv_out.c));
  for (int first = 0; first < r.images; first += batch_size) {
    if (cancel != nullptr && cancel->load()) return Error("stopped");
    const int count = std::min(batch_size, r.images - first);
    Result<std::vector<float>> logits = network->Forward(test.images.subspan(size * first, size * count));
    if (!logits) return logits.failure();
    for (int b = 0; b < count; ++b) {
      const int image = first + b;
      const int label = test.labels[static_cast<size_t>(image)];
      if (label >= r.classes) return Error("a label is out of the network's classes");
      const auto [best, p] = Prediction(logits->data() + static_cast<size_t>(b) * r.classes, r.classes);
      r.predicted.push_back(best);
      r.confidence.push_back(p);
      ++r.confusion[static_cast<size_t>(label) * r.classes + best];
      r.correct += best == label ? 1 : 0;
      if (r.first_conv >= 0) {
        AddPeaks(network->LayerOutput(r.first_conv, b), conv_out, image, static_cast<size_t>(top), &r.strongest);
      }
    }
  }
  return r;
}

}  // namespace convstep
