// The document a user works on: the convolution being stepped through, the
// pooling panel's own input, and the model of the summary panel. The window
// shows it; presets, saved sessions and the autosave are sessions in JSON
// (written by core/session_io.h).
#pragma once

#include <string>

#include "core/base/result.h"
#include "core/conv/conv_spec.h"
#include "core/conv/pool2d.h"
#include "core/formats/spec_json.h"
#include "core/nn/model_summary.h"

namespace convstep {

enum class Activation { kNone, kRelu };

// The version of the session JSON this build reads and writes. Raise it only
// when an older ConvStep would misread a new file; fields an older reader
// can ignore or default need no new version.
constexpr int kSessionSchemaVersion = 1;

// What the activation does to a convolution's value.
double Activate(Activation activation, double value);

struct Session {
  std::string title;                        // shown in the window title, e.g. "Ejemplo 1"
  Conv2dSpec conv;                          // the convolution stepped through
  Activation activation = Activation::kNone;
  Pool2dSpec pool;                          // the pooling panel's input and parameters
  Model model;                              // the summary panel's layers
  int step = 0;                             // the convolution's current step, so a session reopens where it was left
};

// {"schema_version": 1, "title", "conv": conv2d spec, "activation":
//  "none"|"relu", "pool": pool2d spec, "model": model, "step"}. A file
// without "schema_version" (the shipped presets) is version 1, one without
// "step" starts at step 0 and one past the end at the last step; a newer
// schema is refused rather than misread.
// Every part is checked, so a session that loads is one the window can show.
Result<Session> SessionFromJson(const Json& j);

}  // namespace convstep
