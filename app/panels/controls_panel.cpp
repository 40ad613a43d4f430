// Play / pause, step back and forward, first / last, the speed, and a
// timeline that scrubs to any step, of the stepper the current tab shows
// (AppState::ActiveStep).
#include <algorithm>
#include <string>

#include "app/panels/panels.h"

namespace convstep {

void DrawControlsPanel(AppState& state) {
  ViewState& v = state.view;
  if (v.tab == Tab::kSummary) {
    ImGui::TextDisabled("The model summary has no steps: edit the layers and read the table.");
    return;
  }
  const int total = state.ActiveTotal();
  const int step = state.ActiveStep();
  const float button = ImGui::GetFrameHeight() * 1.6f;
  if (ImGui::Button("|<", ImVec2(button, 0))) state.GoToActiveStep(0);
  ImGui::SameLine();
  if (ImGui::Button("<", ImVec2(button, 0))) state.GoToActiveStep(step - 1);
  ImGui::SameLine();
  if (ImGui::Button(v.playing ? "Pause" : "Play", ImVec2(button * 2.0f, 0))) state.TogglePlay();
  ImGui::SameLine();
  if (ImGui::Button(">", ImVec2(button, 0))) state.GoToActiveStep(step + 1);
  ImGui::SameLine();
  if (ImGui::Button(">|", ImVec2(button, 0))) state.GoToActiveStep(total - 1);
  ImGui::SameLine();
  ImGui::Text("%s step %d of %d", v.tab == Tab::kPooling ? "pooling" : "convolution", step + 1, total);
  ImGui::SameLine(0, 24.0f);
  ImGui::SetNextItemWidth(170.0f);
  ImGui::SliderFloat("steps/s", &v.speed, 0.5f, 20.0f, "%.1f", ImGuiSliderFlags_Logarithmic);
  v.speed = std::clamp(v.speed, 0.5f, 20.0f);
  if (v.tab != Tab::kPooling) {
    ImGui::SameLine(0, 24.0f);
    ImGui::Checkbox("glide", &v.glide);
    ImGui::SameLine(0, 24.0f);
    ImGui::Checkbox("visit counts", &v.show_visits);
  }

  int shown = step + 1;
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderInt("##timeline", &shown, 1, total, "step %d")) state.GoToActiveStep(shown - 1);
}

}  // namespace convstep
