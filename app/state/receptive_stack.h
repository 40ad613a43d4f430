// The stack of 1-D layers at the start of a sequence model, as the
// receptive field sees it (core/conv/receptive_field.h): Conv1D and the
// 1-D poolings, through ReLU, dropout and batchnorm (they move no sample);
// a layer that mixes every step (flatten, dense, global pooling) ends it.
#pragma once

#include <optional>
#include <vector>

#include "core/conv/receptive_field.h"
#include "core/nn/model_summary.h"

namespace convstep {

struct ReceptiveStack {
  std::vector<ReceptiveLayer> layers;
  std::vector<int> model_index;  // the model's layer each entry is
  std::vector<int> steps;        // positions at each level: the input's first, then each layer's output
};

// Nothing unless the model is a sequence model whose summary holds and
// whose first position-moving layer is 1-D.
std::optional<ReceptiveStack> ReceptiveStackOf(const Model& model, const ModelSummary& summary);

}  // namespace convstep
