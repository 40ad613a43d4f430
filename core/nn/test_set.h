// What a trained network makes of a whole test set, in one pass of the fast
// path: every image's predicted class, the confusion matrix, and for each
// filter of the first convolution the images that excite it most (CNN
// Explainer's and Zeiler & Fergus's "what does this filter look for"), with
// where in the image its strongest response is.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "core/base/result.h"
#include "core/nn/fast_network.h"
#include "core/nn/fast_train.h"

namespace convstep {

// One image's strongest response of one filter: the largest value of the
// filter's output map (before any activation; a ReLU after it keeps the
// order of the positive ones) and its position, the first in row-major
// order among equal ones.
struct FilterPeak {
  int image = 0;
  float value = 0;
  int y = 0;  // in the filter's output map
  int x = 0;
};

struct TestSetReport {
  int images = 0;
  int classes = 0;
  int correct = 0;
  std::vector<std::uint8_t> labels;  // per image: its class, as the test set gives it
  std::vector<int> predicted;       // per image: the highest logit, the first of equal ones (torch.argmax)
  std::vector<float> confidence;    // per image: the softmax probability of the predicted class
  std::vector<int> confusion;       // [true class][predicted class], classes × classes counts
  int first_conv = -1;              // the first conv2d layer's index in the model, -1 when there is none
  std::vector<std::vector<FilterPeak>> strongest;  // per filter of that layer: the top images, strongest first

  int Count(int truth, int predicted_class) const {
    return confusion[static_cast<std::size_t>(truth) * classes + predicted_class];
  }
};

// Runs `test` through `network` (eval mode) `batch_size` images at a time,
// keeping each first-layer filter's `top` strongest images (ties: the
// earlier image first). `cancel`, when set and true, stops it between
// batches with an error.
Result<TestSetReport> ClassifyTestSet(FastNetwork* network, const Network& weights, const FastDataSet& test,
                                      int top = 9, int batch_size = 256, const std::atomic<bool>* cancel = nullptr);

}  // namespace convstep
