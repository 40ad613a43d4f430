// The document a user works on: the convolution being stepped through, the
// pooling panel's own input, the model of the summary panel and the network
// the Network tab shows. The window
// shows it; presets, saved sessions and the autosave are sessions in JSON
// (read and written by core/formats/session_io.h).
#pragma once

#include <memory>
#include <string>

#include "core/conv/activation.h"
#include "core/conv/conv_spec.h"
#include "core/conv/pool2d.h"
#include "core/nn/model_summary.h"
#include "core/nn/network.h"
#include "core/session/input_axes.h"

namespace convstep {

// The version of the session JSON this build reads and writes. Raise it only
// when an older ConvStep would misread a new file; fields an older reader
// can ignore or default need no new version.
constexpr int kSessionSchemaVersion = 1;

struct Session {
  std::string title;                        // shown in the window title, e.g. "Ejemplo 1"
  Conv2dSpec conv;                          // the convolution stepped through
  InputAxes input_axes;                     // hertz and seconds when the input is a spectrogram
  Activation activation = Activation::kNone;
  Pool2dSpec pool;                          // the pooling panel's input and parameters
  Model model;                              // the summary panel's layers
  // The Network tab's trained network; none: the one that ships with the
  // program. Shared and never changed in place (training makes a new one),
  // so copying a session for undo copies no weights.
  std::shared_ptr<const Network> network;
  int step = 0;                             // the convolution's current step, so a session reopens where it was left
};

}  // namespace convstep
