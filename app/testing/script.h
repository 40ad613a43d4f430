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
//    {"language": "es"}, {"hover_tip": "tip.stride"}, {"wait": 0.6}, {"key": "f1"}]
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
#pragma once

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
  int key = -1;                  // a key pressed for this frame (GLFW key code)
  bool ctrl = false;             // with Ctrl held (Ctrl+Z, Ctrl+V)
  bool shift = false;
  std::string text;              // characters typed in this frame
  std::string screenshot;        // write the frame to this PNG
};

class Script {
 public:
  static Result<Script> Load(const std::string& path);
  bool Done() const {
    return next_ >= actions_.size() && pending_frames_ == 0 && !release_pending_ && !exporting_;
  }
  // Applies actions up to the next one that needs a frame, and says what
  // that frame gets. An impossible action is an error naming it.
  Result<FrameInput> Next(AppState& state);
  // The mouse as the script last left it, for frames after the script.
  std::optional<ImVec2> mouse() const { return mouse_; }

 private:
  Result<bool> Apply(const Json& action, AppState& state, FrameInput* frame);
  std::vector<Json> actions_;
  size_t next_ = 0;
  int pending_frames_ = 0;
  bool release_pending_ = false;
  bool exporting_ = false;  // an export started by the script is running
  int cancel_after_ = -1;   // frames of it to write before pressing Esc, or -1
  std::optional<ImVec2> mouse_;
};

// Applies {"set": NAME, "value": V} to the convolution's parameters: kernel,
// stride, dilation, padding, padding_mode, filters, bias, activation.
Result<bool> SetParameter(AppState& state, const std::string& name, const Json& value);

// Key names the script understands -> GLFW key codes.
std::optional<int> KeyCode(const std::string& name);

}  // namespace convstep
