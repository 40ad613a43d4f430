// A paste of another size than the grid it goes into: resize the grid to the
// paste, or paste into the top-left corner and keep the size.
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/state/document.h"

namespace convstep {

void DrawPasteDialog(AppState& state) {
  if (!state.view.pending_paste) return;
  const Tensor3& grid = *state.view.pending_paste;
  const std::string id = TrId("paste.title");
  ImGui::OpenPopup(id.c_str());
  if (ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(TrFormat("paste.question", {std::to_string(grid.c), std::to_string(grid.h),
                                                       std::to_string(grid.w), GridDisplayName(state.view.selected_grid)})
                               .c_str());
    if (ImGui::Button(TrId("paste.resize").c_str())) FinishPaste(state, PasteFit::kResize);
    ImGui::SameLine();
    if (ImGui::Button(TrId("paste.top_left").c_str())) FinishPaste(state, PasteFit::kTopLeft);
    ImGui::SameLine();
    if (ImGui::Button(TrId("dialog.cancel").c_str())) state.view.pending_paste.reset();
    ImGui::EndPopup();
  }
}

}  // namespace convstep
