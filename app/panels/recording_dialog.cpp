// Recording from the microphone: the seconds so far out of the most, the
// level of the last 50 ms as a bar (a silent microphone shows at once), and
// Stop, which opens the sound import on what was recorded.
#include <cstdio>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"

namespace convstep {

void DrawRecordingDialog(AppState& state) {
  RecordingState& r = state.view.recording;
  if (!r.active) return;
  const std::string id = TrId("audio.recording_title");
  ImGui::OpenPopup(id.c_str());
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  char seconds[16];
  char most[16];
  std::snprintf(seconds, sizeof seconds, "%.1f", r.seconds);
  std::snprintf(most, sizeof most, "%.0f", r.max_seconds);
  ImGui::TextUnformatted(TrFormat("audio.recording_time", {seconds, most}).c_str());
  ImGui::TextUnformatted(Tr("audio.level"));
  ImGui::SameLine();
  ImGui::ProgressBar(static_cast<float>(r.level), ImVec2(Scaled(220), 0), "");
  if (ImGui::Button(TrId("audio.recording_stop").c_str())) r.stop = true;
  ImGui::EndPopup();
}

}  // namespace convstep
