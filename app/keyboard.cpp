#include "app/keyboard.h"

#include <algorithm>

#include "app/document.h"
#include "app/panels/panels.h"
#include "imgui.h"

namespace convstep {

namespace {

constexpr int kKeyEqual = 61;  // GLFW_KEY_EQUAL, '+' without shift on most layouts
constexpr int kKeyMinus = 45;  // GLFW_KEY_MINUS
constexpr int kKeyPadAdd = 334;
constexpr int kKeyPadSubtract = 333;
constexpr int kKeyQ = 81;
constexpr int kKeyO = 79;
constexpr int kKeyS = 83;
constexpr int kKeyV = 86;
constexpr int kKeyY = 89;
constexpr int kKeyZ = 90;

}  // namespace

bool HandleKeyboard(AppState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyQ, false)) return true;
  // A text field has its own undo; the document's waits until it closes.
  if (io.WantTextInput) return false;
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
  // Speed moves in steps of about 1.4x, so 0.5 to 20 takes eleven presses.
  if (ImGui::IsKeyPressed(kKeyEqual) || ImGui::IsKeyPressed(kKeyPadAdd)) v.speed = std::min(20.0f, v.speed * 1.4142f);
  if (ImGui::IsKeyPressed(kKeyMinus) || ImGui::IsKeyPressed(kKeyPadSubtract)) v.speed = std::max(0.5f, v.speed / 1.4142f);
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

bool IsAnimating(const AppState& state) { return state.view.playing || state.view.glide_t < 1.0f; }

}  // namespace convstep
