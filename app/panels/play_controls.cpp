// The play buttons over a sound's input: the whole sound, what the current
// window hears (a spectrogram's frames), stop, and the volume. Pressing one
// leaves an order for the shell's sound output (app/shell/sound_output.h).
#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/widgets/tooltip.h"

namespace convstep {

void DrawPlayControls(AppState& state) {
  // With large text the sound menu of the menu bar plays instead.
  if (!CanPlay(state.session) || state.view.compact) return;
  ViewState& v = state.view;
  if (ImGui::SmallButton(TrId("audio.play_sound").c_str())) v.play_order = PlayOrder{PlayWhat::kSound, 0};
  ConceptTooltip("tip.play");
  if (IsSpectrogram(state.session.input_axes)) {
    ImGui::SameLine();
    if (ImGui::SmallButton(TrId("audio.play_window").c_str())) v.play_order = PlayOrder{PlayWhat::kWindow, 0};
    ConceptTooltip("tip.play");
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!v.playhead);
  if (ImGui::SmallButton(TrId("audio.stop").c_str())) v.stop_sound = true;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Scaled(90));
  ImGui::SliderFloat(TrId("audio.volume").c_str(), &v.volume, 0.0f, 1.0f, "%.1f");
}

}  // namespace convstep
