// What the window shows: the Session (the document) and the ViewState (how
// it is looked at), plus what the core derives from the session. Panels read
// all of it; they change the session only through the Try* functions, which
// validate first, so a bad edit leaves one message and the session as it was.
#pragma once

#include <optional>
#include <string>

#include "core/im2col.h"
#include "core/model_summary.h"
#include "core/pool2d.h"
#include "core/session.h"
#include "core/stepper.h"

namespace convstep {

enum class Tab { kConvolution, kPooling, kMatrix, kSummary };
const char* TabName(Tab tab);  // "convolution", "pooling", "matrix", "summary"

// An input position: channel and padded coordinates.
struct InputCell {
  int c = 0;
  int y = 0;
  int x = 0;
};

struct ViewState {
  int step = 0;                // current step of the convolution
  bool playing = false;        // the active stepper advances by itself (see AppState::ActiveStep)
  float speed = 2.0f;          // steps per second, 0.5 to 20
  double play_clock = 0;       // seconds accumulated toward the next step
  bool glide = true;           // the window slides between positions
  int glide_from = 0;          // the step the window glides from
  float glide_t = 1.0f;        // 0 at glide_from, 1 at step
  bool show_visits = false;    // the visit-count heatmap over the input
  Tab tab = Tab::kConvolution;
  bool tab_requested = false;  // `tab` was set from outside the tab bar: select it
  std::optional<OutputCell> hovered_output;  // set by the output panel this frame
  std::optional<InputCell> hovered_input;    // set by the input panel this frame
  int pool_step = 0;
  bool pool_from_conv = false;  // pool the convolution's output instead of the session's pool input
  std::string message;          // the last problem, shown until the next change
};

struct AppState {
  Session session;
  ViewState view;

  // Derived from the session, rebuilt when it changes.
  std::optional<ConvStepper> conv;
  std::optional<Pool2dStepper> pool;
  std::optional<Im2Col> matrix;
  Result<ModelSummary> summary = Error{"no model"};
  int summary_bad_layer = -1;  // the first layer that cannot follow the previous one, or -1

  // Replaces the whole session (a preset). Fails, changing nothing, if any
  // part of it is invalid.
  Result<bool> LoadSession(Session session);
  // A changed convolution: applied if valid, else the message is kept.
  bool TryConv(const Conv2dSpec& spec);
  bool TryPool(const Pool2dSpec& spec);
  void SetModel(const Model& model);
  void SetActivation(Activation activation);
  void SetPoolFromConv(bool on);

  // Moves to step k (clamped), gliding from the current step.
  void GoToStep(int k);
  void GoToPoolStep(int k);

  // The stepper that the controls bar, the keys and playback drive:
  // pooling's on its tab, the convolution's everywhere else.
  int ActiveStep() const;
  int ActiveTotal() const;
  void GoToActiveStep(int k);
  void TogglePlay();  // from the last step, playing starts over
  // The window's top-left corner in padded coordinates as drawn this frame:
  // between the previous and the current step while gliding.
  void GlidingWindow(float* top, float* left) const;
  // The value shown for the current step, after the activation.
  double ActivatedOutput(int c, int y, int x) const;

 private:
  void AdoptConv(ConvStepper stepper);
  void Summarize();
  void RebuildPool();
};

}  // namespace convstep
