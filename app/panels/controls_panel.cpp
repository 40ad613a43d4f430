// Play / pause, step back and forward, first / last, the speed, and a
// timeline that scrubs to any step, of the stepper the current tab shows
// (AppState::ActiveStep).
#include <algorithm>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"

namespace convstep {

void DrawControlsPanel(AppState& state) {
  ViewState& v = state.view;
  if (v.tab == Tab::kSummary) {
    ImGui::TextDisabled("%s", Tr("controls.summary_no_steps"));
    return;
  }
  if (v.tab == Tab::kPractice) {
    ImGui::TextDisabled("%s", Tr("practice.no_steps"));
    return;
  }
  const int total = state.ActiveTotal();
  const int step = state.ActiveStep();
  const float button = ImGui::GetFrameHeight() * 1.6f;
  if (ImGui::Button("|<", ImVec2(button, 0))) state.GoToActiveStep(0);
  ConceptTooltip("tip.first_step");
  ImGui::SameLine();
  if (ImGui::Button("<", ImVec2(button, 0))) state.GoToActiveStep(step - 1);
  ConceptTooltip("tip.previous_step");
  ImGui::SameLine();
  // As wide as the longer of its two words, so it does not jump on a click.
  const float play_w = std::max(ImGui::CalcTextSize(Tr("controls.play")).x, ImGui::CalcTextSize(Tr("controls.pause")).x) +
                       ImGui::GetStyle().FramePadding.x * 2.0f;
  const std::string play = std::string(Tr(v.playing ? "controls.pause" : "controls.play")) + "###play";
  if (ImGui::Button(play.c_str(), ImVec2(std::max(button * 2.0f, play_w), 0))) state.TogglePlay();
  ConceptTooltip("tip.play");
  ImGui::SameLine();
  if (ImGui::Button(">", ImVec2(button, 0))) state.GoToActiveStep(step + 1);
  ConceptTooltip("tip.next_step");
  ImGui::SameLine();
  if (ImGui::Button(">|", ImVec2(button, 0))) state.GoToActiveStep(total - 1);
  ConceptTooltip("tip.last_step");
  // In presentation mode the large counter beside the controls says it.
  if (!v.appearance.presentation) {
    ImGui::SameLine();
    ImGui::TextUnformatted(TrFormat(v.tab == Tab::kPooling ? "controls.pool_step" : "controls.conv_step",
                                    {std::to_string(step + 1), std::to_string(total)})
                               .c_str());
  }
  ImGui::SameLine(0, Scaled(24));
  ImGui::SetNextItemWidth(Scaled(170));
  ImGui::SliderFloat(TrId("controls.speed").c_str(), &v.speed, 0.5f, 20.0f, "%.1f",
                     ImGuiSliderFlags_Logarithmic);
  ConceptTooltip("tip.speed");
  v.speed = std::clamp(v.speed, 0.5f, 20.0f);
  if (v.tab != Tab::kPooling) {
    ImGui::SameLine(0, Scaled(24));
    ImGui::Checkbox(TrId("controls.glide").c_str(), &v.glide);
    ConceptTooltip("tip.glide");
    ImGui::SameLine(0, Scaled(24));
    ImGui::Checkbox(TrId("controls.visits").c_str(), &v.show_visits);
    ConceptTooltip("tip.visits");
  }

  int shown = step + 1;
  ImGui::SetNextItemWidth(-1.0f);
  const std::string timeline_format = TrFormat("controls.timeline", {"%d"});
  if (ImGui::SliderInt("##timeline", &shown, 1, total, timeline_format.c_str())) state.GoToActiveStep(shown - 1);
  ConceptTooltip("tip.timeline");
}

}  // namespace convstep
