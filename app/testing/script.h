// Scripted interactions for tests and documentation: a JSON list of actions
// applied between frames, with the mouse and keys injected into ImGui the
// way a user's would arrive, so the panels' own hover and click code runs.
//
//   [{"set": "stride", "value": 1}, {"step": 4},
//    {"hover": "input/0", "cell": [2, 3]}, {"click": "output/0", "cell": [2, 1]},
//    {"key": "right"}, {"key": "z", "ctrl": true}, {"type": "1,5"},
//    {"clipboard": "1\t2\n3\t4"}, {"key": "v", "ctrl": true}, {"paste_choice": "resize"},
//    {"drop": "grid.csv"}, {"save": "session.json"}, {"tab": "pooling"}, {"frames": 3},
//    {"screenshot": "out.png"},
//    {"export": "gif", "path": "steps.gif", "cancel_after": 3},
//    {"language": "es"}, {"hover_tip": "tip.stride"}, {"wait": 0.6}, {"key": "f1"},
//    {"preset": "siete_filtros"}, {"input_size": [3, 8, 8]}]
//
// A "hover" with "wheel": n turns the mouse wheel n notches over that cell
// (a zoomable grid zooms in for n > 0).
//
// "language" is Language ▸ English / Español. "hover_tip" rests the mouse
// on the control that carries that tooltip key (and clicks it with
// "press": true); "wait" lets real time pass
// (a tooltip appears after kTooltipDelay seconds).
//
// "export" (png1x, png2x, gif or png_sequence) is File ▸ Export with the
// file dialog's answer: the frames that follow write it, one per frame, as
// the window would, until it is done. With "cancel_after": n, Esc is pressed
// in the progress dialog once n frames are written.
//
// "classic_kernel" with "filter" is the fill tools' classic kernel (as named
// by core/conv/fill.h) on that filter.
//
// "preset" is the Presets menu; "input_size" [C, H, W] the parameter panel's
// input size; "paste_choice" is "resize", "top-left" or "cancel" (the paste
// dialog's buttons); "import_image" takes the import dialog's options, or
// "cancel". "drop" with "as": ".png" drops a copy of the file under that
// extension (the fuzz corpus keeps pictures without one).
//
// {"expect": {"total_steps": 9}} checks fields of the state dump
// (state_dump.h) at that point; a mismatch ends the script with an error.
//
// File paths may start with "$TMP/" (a folder of this run, removed at its
// end) or "$CORPUS/" (fuzz/corpus of the source tree), so that a script the
// monkey wrote runs anywhere.
//
// An action with "may_refuse": true may be refused (a parameter out of
// range, a step that does not exist): the script notes it and goes on, where
// any other refused action ends the script with an error. The monkey marks
// its actions so, and its failure scripts replay the same way.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/state/app_state.h"
#include "core/formats/spec_json.h"
#include "imgui.h"

namespace convstep {

// What the next frame receives from the script.
struct FrameInput {
  std::optional<ImVec2> mouse;   // where the mouse is (kept until moved)
  bool mouse_down = false;
  float wheel = 0;               // mouse wheel notches (up is positive)
  int key = -1;                  // a key pressed for this frame (GLFW key code)
  bool ctrl = false;             // with Ctrl held (Ctrl+Z, Ctrl+V)
  bool shift = false;
  std::string text;              // characters typed in this frame
  std::string screenshot;        // write the frame to this PNG
};

// What a running script carries from one frame to the next.
struct ScriptProgress {
  int pending_frames = 0;        // frames to draw before the next action
  bool release_pending = false;  // a click or key goes up on the next frame
  bool exporting = false;        // an export started by the script is running
  bool training = false;         // a training started by the script, or a test-set pass, is running
  std::vector<ImVec2> drag;      // where a drag's held mouse goes next, a point a frame
  int cancel_after = -1;         // frames of it to write before pressing Esc, or -1
  std::optional<ImVec2> mouse;
};

// Where "$TMP/" and "$CORPUS/" lead.
class ScriptPaths {
 public:
  ScriptPaths() = default;
  ~ScriptPaths();
  ScriptPaths(const ScriptPaths&) = delete;
  ScriptPaths& operator=(const ScriptPaths&) = delete;
  // `path` with its "$TMP/" or "$CORPUS/" prefix replaced (the temporary
  // folder is made on first use); other paths as they are.
  std::string Expand(const std::string& path);
  // The fuzz corpus folder: $CONVSTEP_CORPUS_DIR, else the source tree's.
  static std::string CorpusDir();

 private:
  std::string tmp_;
};

class Script {
 public:
  static Result<Script> Load(const std::string& path);
  // From a JSON list of actions (objects).
  static Result<Script> FromJson(const Json& actions);
  // One more action at the end (the monkey feeds its actions so).
  void Push(Json action) { actions_.push_back(std::move(action)); }
  const std::vector<Json>& actions() const { return actions_; }
  bool Done() const {
    return next_ >= actions_.size() && progress_.pending_frames == 0 && !progress_.release_pending &&
           !progress_.exporting;
  }
  // Applies actions up to the next one that needs a frame, and says what
  // that frame gets. An impossible action is an error naming it.
  Result<FrameInput> Next(AppState& state);
  // The mouse as the script last left it, for frames after the script.
  std::optional<ImVec2> mouse() const { return progress_.mouse; }
  // How many actions have been taken (applied or refused).
  size_t taken() const { return next_; }
  // Why the last action was refused ("may_refuse"), or "" when it was not.
  const std::string& refusal() const { return refusal_; }
  int refusals() const { return refusals_; }

 private:
  Result<bool> Apply(const Json& action, AppState& state, FrameInput* frame);
  std::vector<Json> actions_;
  size_t next_ = 0;
  ScriptProgress progress_;
  std::unique_ptr<ScriptPaths> paths_ = std::make_unique<ScriptPaths>();
  std::string refusal_;
  int refusals_ = 0;
};

// Applies {"set": NAME, "value": V} to the convolution's parameters: kernel,
// stride, dilation, padding, padding_mode, filters, bias, activation.
Result<bool> SetParameter(AppState& state, const std::string& name, const Json& value);

// Key names the script understands -> GLFW key codes.
std::optional<int> KeyCode(const std::string& name);

}  // namespace convstep
