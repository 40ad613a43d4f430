#include "app/shell/keyboard.h"

#include <algorithm>

#include "app/panels/panels.h"
#include "app/state/document.h"
#include "app/state/network_actions.h"
#include "app/widgets/tooltip.h"
#include "imgui.h"

namespace convstep {

namespace {

constexpr int kKeyEqual = 61;  // GLFW_KEY_EQUAL, '+' without shift on most layouts
constexpr int kKeyMinus = 45;  // GLFW_KEY_MINUS
constexpr int kKeyPadAdd = 334;
constexpr int kKeyPadSubtract = 333;
constexpr int kKeyPad0 = 320;  // GLFW_KEY_KP_0
constexpr int kKeyQ = 81;
constexpr int kKeyO = 79;
constexpr int kKeyS = 83;
constexpr int kKeyV = 86;
constexpr int kKeyY = 89;
constexpr int kKeyZ = 90;
constexpr int kKey0 = 48;
constexpr int kKeyF11 = 300;
constexpr int kKeyF1 = 290;

// '?' is a character, not a key: Shift+/ on a US keyboard, Shift+' on a
// Spanish one. It arrives in the frame's typed characters.
bool QuestionMarkTyped(const ImGuiIO& io) {
  return std::find(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(), ImWchar('?')) !=
         io.InputQueueCharacters.end();
}

// Ctrl with + or − changes the text size; without Ctrl they change the speed.
void ChangeTextSize(Appearance& a, int direction) {
  a.text_percent = direction == 0 ? kTextPercentMin
                                  : std::clamp(a.text_percent + direction * kTextPercentStep, kTextPercentMin,
                                               kTextPercentMax);
}

}  // namespace

bool HandleKeyboard(AppState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyQ, false)) return true;
  // Presentation keys work even while typing: they never touch the text.
  Appearance& look = state.view.appearance;
  if (ImGui::IsKeyPressed(kKeyF11, false)) look.presentation = !look.presentation;
  if (io.KeyCtrl && (ImGui::IsKeyPressed(kKeyEqual) || ImGui::IsKeyPressed(kKeyPadAdd))) ChangeTextSize(look, +1);
  if (io.KeyCtrl && (ImGui::IsKeyPressed(kKeyMinus) || ImGui::IsKeyPressed(kKeyPadSubtract))) ChangeTextSize(look, -1);
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKey0, false)) ChangeTextSize(look, 0);
  // F1 and Esc type nothing: the help opens and closes even from a text
  // field (the practice tab's answer field keeps the focus); '?' is text.
  if (ImGui::IsKeyPressed(kKeyF1, false)) state.view.show_help = !state.view.show_help;
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (state.view.show_help && escape) {
    state.view.show_help = false;
  } else if (escape && look.presentation && !io.WantTextInput &&
             !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
    // Esc leaves presentation mode as it leaves a slide show, unless it
    // is cancelling something (a typed value, a dialog) or closing the help.
    look.presentation = false;
  }
  // A text field has its own undo; the document's waits until it closes.
  if (io.WantTextInput) return false;
  if (QuestionMarkTyped(io)) state.view.show_help = !state.view.show_help;
  // Backspace goes back to the network an activation was opened from.
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false) && state.view.network.opened_from_network &&
      state.view.tab != Tab::kNetwork) {
    BackToNetwork(state);
  }
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyZ)) {
    if (io.KeyShift) state.Redo();
    else state.Undo();
  }
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyY)) state.Redo();
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyO, false)) ShowOpenDialog(state);
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyS, false)) SaveOrAsk(state);
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyV, false)) {
    const char* text = ImGui::GetClipboardText();
    if (text != nullptr) PasteText(state, text);
  }
  ViewState& v = state.view;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) state.TogglePlay();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) state.GoToActiveStep(state.ActiveStep() + 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) state.GoToActiveStep(state.ActiveStep() - 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) state.GoToActiveStep(0);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End), false)) state.GoToActiveStep(state.ActiveTotal() - 1);
  // Over a zoomable grid +, − and 0 zoom it; elsewhere + and − change the
  // speed, in steps of about 1.4x, so 0.5 to 20 takes eleven presses.
  const bool plus = !io.KeyCtrl && (ImGui::IsKeyPressed(kKeyEqual) || ImGui::IsKeyPressed(kKeyPadAdd));
  const bool minus = !io.KeyCtrl && (ImGui::IsKeyPressed(kKeyMinus) || ImGui::IsKeyPressed(kKeyPadSubtract));
  if (plus && !ZoomGridUnderMouse(&v.zoom, 1.5f)) v.speed = std::min(20.0f, v.speed * 1.4142f);
  if (minus && !ZoomGridUnderMouse(&v.zoom, 1.0f / 1.5f)) v.speed = std::max(0.5f, v.speed / 1.4142f);
  if (!io.KeyCtrl && (ImGui::IsKeyPressed(kKey0) || ImGui::IsKeyPressed(kKeyPad0))) FitGridUnderMouse(&v.zoom);
  return false;
}

void Animate(AppState& state, double dt) {
  ViewState& v = state.view;
  if (v.playing) {
    v.play_clock += dt;
    const double period = 1.0 / v.speed;
    while (v.play_clock >= period && v.playing) {
      v.play_clock -= period;
      if (state.ActiveStep() + 1 >= state.ActiveTotal()) v.playing = false;
      else state.GoToActiveStep(state.ActiveStep() + 1);
    }
  }
  if (v.glide_t < 1.0f) {
    // A glide takes at most a quarter second, less when playing fast.
    const double duration = std::min(0.25, 0.8 / v.speed);
    v.glide_t = std::min(1.0f, v.glide_t + static_cast<float>(dt / duration));
  }
}

// A tooltip waiting out its delay needs frames too, or it would appear only
// at the next mouse move; a sound playing moves its playhead, a recording
// its level, a sound being read its progress bar.
bool IsAnimating(const AppState& state) {
  return state.view.playing || state.view.glide_t < 1.0f || TooltipPending() || state.view.playhead.has_value() ||
         state.view.recording.active || state.view.sound_import.job != nullptr;
}

}  // namespace convstep
