// Play / pause, step back and forward, first / last, the speed, and a
// timeline that scrubs to any step.
#include <algorithm>
#include <string>

#include "app/panels/panels.h"

namespace convstep {

void DrawControlsPanel(AppState& state) {
  ViewState& v = state.view;
  const int total = state.conv->TotalSteps();
  const float button = ImGui::GetFrameHeight() * 1.6f;
  if (ImGui::Button("|<", ImVec2(button, 0))) state.GoToStep(0);
  ImGui::SameLine();
  if (ImGui::Button("<", ImVec2(button, 0))) state.GoToStep(v.step - 1);
  ImGui::SameLine();
  if (ImGui::Button(v.playing ? "Pause" : "Play", ImVec2(button * 2.0f, 0))) {
    // Playing from the last step starts over.
    if (!v.playing && v.step == total - 1) state.GoToStep(0);
    v.playing = !v.playing;
    v.play_clock = 0;
  }
  ImGui::SameLine();
  if (ImGui::Button(">", ImVec2(button, 0))) state.GoToStep(v.step + 1);
  ImGui::SameLine();
  if (ImGui::Button(">|", ImVec2(button, 0))) state.GoToStep(total - 1);
  ImGui::SameLine();
  ImGui::Text("step %d of %d", v.step + 1, total);
  ImGui::SameLine(0, 24.0f);
  ImGui::SetNextItemWidth(170.0f);
  ImGui::SliderFloat("steps/s", &v.speed, 0.5f, 20.0f, "%.1f", ImGuiSliderFlags_Logarithmic);
  v.speed = std::clamp(v.speed, 0.5f, 20.0f);
  ImGui::SameLine(0, 24.0f);
  ImGui::Checkbox("glide", &v.glide);
  ImGui::SameLine(0, 24.0f);
  ImGui::Checkbox("visit counts", &v.show_visits);

  int shown = v.step + 1;
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderInt("##timeline", &shown, 1, total, "step %d")) state.GoToStep(shown - 1);
}

}  // namespace convstep
