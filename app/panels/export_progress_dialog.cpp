// While an export is being written: which frame, a progress bar, and Cancel
// (or Esc). Modal, so that nothing changes the document or the step under
// the export; the capture leaves it out of the pictures.
#include <algorithm>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/widgets/panel_frame.h"

namespace convstep {

void DrawExportProgressDialog(AppState& state) {
  if (!state.view.export_job) return;
  const std::string title = TrId("export.progress_title");
  ExportJob& job = *state.view.export_job;
  ImGui::OpenPopup(title.c_str());
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const int count = static_cast<int>(job.steps.size());
  const int frame = std::min(job.next, count - 1);
  ImGui::TextUnformatted(TrFormat("export.progress", {std::to_string(frame + 1), std::to_string(count)}).c_str());
  if (count < job.total_steps) {
    // Sampled: which of the steps this frame shows.
    ImGui::TextDisabled("%s", TrFormat("export.progress_step", {std::to_string(job.steps[static_cast<size_t>(frame)] + 1),
                                                               std::to_string(job.total_steps)})
                                  .c_str());
  }
  ImGui::ProgressBar(static_cast<float>(job.next) / static_cast<float>(count), ImVec2(Scaled(360), 0));
  if (ImGui::Button(TrId("export.cancel").c_str()) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    job.cancel_requested = true;
  }
  // The job ends after this frame (its last picture, or Cancel): so does
  // the dialog. A modal that is merely no longer drawn stays in ImGui's
  // popup stack for two more frames, and clicks on the window are lost
  // until it goes (as after an error, which ends the job early).
  if (job.cancel_requested || job.next + 1 >= count) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace convstep
