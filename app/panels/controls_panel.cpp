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

namespace {

// A button as wide as its label (at least square), so large text never cuts it.
bool FitButton(const char* label, float min_w = 0.0f) {
  const float w = std::max({ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f,
                            ImGui::GetFrameHeight() * 1.25f, min_w});
  return ImGui::Button(label, ImVec2(w, 0));
}

float NavigationWidth() {
  const ImGuiStyle& style = ImGui::GetStyle();
  const auto button = [&](const char* label) {
    return std::max(ImGui::CalcTextSize(label).x + style.FramePadding.x * 2.0f, ImGui::GetFrameHeight() * 1.25f);
  };
  const float play = std::max(ImGui::CalcTextSize(Tr("controls.play")).x, ImGui::CalcTextSize(Tr("controls.pause")).x) +
                     style.FramePadding.x * 2.0f;
  return button("|<") + button("<") + play + button(">") + button(">|") + style.ItemSpacing.x * 4.0f;
}

// First, back, play, forward, last: the buttons every form of the bar has.
void Navigation(AppState& state, int step, int total) {
  ViewState& v = state.view;
  if (FitButton("|<")) state.GoToActiveStep(0);
  ConceptTooltip("tip.first_step");
  ImGui::SameLine();
  if (FitButton("<")) state.GoToActiveStep(step - 1);
  ConceptTooltip("tip.previous_step");
  ImGui::SameLine();
  // As wide as the longer of its two words, so it does not jump on a click.
  const float play_w = std::max(ImGui::CalcTextSize(Tr("controls.play")).x, ImGui::CalcTextSize(Tr("controls.pause")).x) +
                       ImGui::GetStyle().FramePadding.x * 2.0f;
  const std::string play = std::string(Tr(v.playing ? "controls.pause" : "controls.play")) + "###play";
  if (FitButton(play.c_str(), play_w)) state.TogglePlay();
  ConceptTooltip("tip.play");
  ImGui::SameLine();
  if (FitButton(">")) state.GoToActiveStep(step + 1);
  ConceptTooltip("tip.next_step");
  ImGui::SameLine();
  if (FitButton(">|")) state.GoToActiveStep(total - 1);
  ConceptTooltip("tip.last_step");
}

float SpeedWidth() { return Scaled(150); }

// The speed, the glide and the visit counts.
void Options(AppState& state, bool same_line) {
  ViewState& v = state.view;
  ImGui::SetNextItemWidth(SpeedWidth());
  ImGui::SliderFloat(TrId("controls.speed").c_str(), &v.speed, 0.5f, 20.0f, "%.1f", ImGuiSliderFlags_Logarithmic);
  ConceptTooltip("tip.speed");
  v.speed = std::clamp(v.speed, 0.5f, 20.0f);
  if (v.tab == Tab::kPooling) return;
  if (same_line) ImGui::SameLine(0, Scaled(16));
  ImGui::Checkbox(TrId("controls.glide").c_str(), &v.glide);
  ConceptTooltip("tip.glide");
  if (same_line) ImGui::SameLine(0, Scaled(16));
  ImGui::Checkbox(TrId("controls.visits").c_str(), &v.show_visits);
  ConceptTooltip("tip.visits");
}

float OptionsWidth(const AppState& state) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const auto labelled = [&](const char* key, float item) {
    return item + style.ItemInnerSpacing.x + ImGui::CalcTextSize(Tr(key)).x;
  };
  float w = labelled("controls.speed", SpeedWidth());
  if (state.view.tab != Tab::kPooling) {
    w += Scaled(16) * 2.0f + labelled("controls.glide", ImGui::GetFrameHeight()) +
         labelled("controls.visits", ImGui::GetFrameHeight());
  }
  return w;
}

std::string StepText(const AppState& state) {
  return TrFormat(state.view.tab == Tab::kPooling ? "controls.pool_step" : "controls.conv_step",
                  {std::to_string(state.ActiveStep() + 1), std::to_string(state.ActiveTotal())});
}

void Timeline(AppState& state, float width) {
  int shown = state.ActiveStep() + 1;
  ImGui::SetNextItemWidth(width);
  const std::string timeline_format = TrFormat("controls.timeline", {"%d"});
  if (ImGui::SliderInt("##timeline", &shown, 1, state.ActiveTotal(), timeline_format.c_str())) {
    state.GoToActiveStep(shown - 1);
  }
  ConceptTooltip("tip.timeline");
}

}  // namespace

bool ControlsFitOneRow(const AppState& state, float width) {
  const float spacing = Scaled(16);
  const float full = NavigationWidth() + spacing + ImGui::CalcTextSize(StepText(state).c_str()).x + spacing +
                     OptionsWidth(state);
  return !state.view.appearance.presentation && full <= width;
}

void DrawControlsPanel(AppState& state) {
  ViewState& v = state.view;
  if (v.tab == Tab::kSummary) {
    TextFitted(Tr("controls.summary_no_steps"));
    return;
  }
  if (v.tab == Tab::kPractice) {
    TextFitted(Tr("practice.no_steps"));
    return;
  }
  if (v.tab == Tab::kNetwork) {
    TextFitted(Tr("network.no_steps"));
    return;
  }
  const int total = state.ActiveTotal();
  const int step = state.ActiveStep();
  Navigation(state, step, total);
  if (!v.compact) {
    // Room for everything: the step in words, the options, then the timeline below.
    ImGui::SameLine(0, Scaled(16));
    ImGui::TextUnformatted(StepText(state).c_str());
    ImGui::SameLine(0, Scaled(16));
    Options(state, true);
    Timeline(state, -1.0f);
    return;
  }
  // Compact: the timeline beside the buttons, the options in a popup.
  const float more_w = ImGui::CalcTextSize("...").x + ImGui::GetStyle().FramePadding.x * 2.0f;
  ImGui::SameLine();
  Timeline(state, std::max(Scaled(60), ImGui::GetContentRegionAvail().x - more_w - ImGui::GetStyle().ItemSpacing.x));
  ImGui::SameLine();
  if (ImGui::Button("...###options")) ImGui::OpenPopup("options");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("controls.options"));
  if (ImGui::BeginPopup("options")) {
    Options(state, false);
    ImGui::EndPopup();
  }
}

}  // namespace convstep
