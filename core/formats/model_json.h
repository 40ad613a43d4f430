// The model of the summary tab as JSON: read (checked field by field) and
// its summary written.
#pragma once

#include "core/base/result.h"
#include "core/formats/spec_json.h"
#include "core/nn/model_summary.h"

namespace convstep {

// Which fields a layer object may have besides its type: the model's own
// (LayerFields), or also its weights (LayerWeightFields), which only the
// network reader (network_json.h) takes, and reads itself.
enum class LayerFieldSet { kModel, kNetwork };

// A model object {"input_shape": [H, W, C], "layers": [{"type": ...}, ...]}
// (the format of tests/data/summary_cases.json). Unknown fields are errors,
// so that PyTorch's "stride" is not silently read as Keras's default.
Result<Model> ModelFromJson(const Json& j, LayerFieldSet fields = LayerFieldSet::kModel);

// {"layers": [{"type", "output_shape", "params"}], "total_params",
//  "trainable_params", "non_trainable_params"}.
Json ToJson(const ModelSummary& summary);

}  // namespace convstep
