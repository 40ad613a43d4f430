// The document a user works on: the convolution being stepped through, the
// pooling panel's own input, and the model of the summary panel. The window
// shows it; presets are sessions in JSON.
#pragma once

#include <string>

#include "core/conv_spec.h"
#include "core/model_summary.h"
#include "core/pool2d.h"
#include "core/result.h"
#include "core/spec_json.h"

namespace convstep {

enum class Activation { kNone, kRelu };

// What the activation does to a convolution's value.
double Activate(Activation activation, double value);

struct Session {
  std::string title;                        // shown in the window title, e.g. "Ejemplo 1"
  Conv2dSpec conv;                          // the convolution stepped through
  Activation activation = Activation::kNone;
  Pool2dSpec pool;                          // the pooling panel's input and parameters
  Model model;                              // the summary panel's layers
};

// {"title", "conv": conv2d spec, "activation": "none"|"relu",
//  "pool": pool2d spec, "model": model}. Every part is checked, so a session
// that loads is one the window can show.
Result<Session> SessionFromJson(const Json& j);

}  // namespace convstep
