// A paste of another size than the grid it goes into: resize the grid to the
// paste, or paste into the top-left corner and keep the size.
#include <string>

#include "app/document.h"
#include "app/panels/panels.h"

namespace convstep {

void DrawPasteDialog(AppState& state) {
  if (!state.view.pending_paste) return;
  const Tensor3& grid = *state.view.pending_paste;
  ImGui::OpenPopup("Paste##size");
  if (ImGui::BeginPopupModal("Paste##size", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("The pasted grid is %d\u00d7%d\u00d7%d, but %s is another size.", grid.c, grid.h, grid.w,
                state.view.selected_grid.c_str());
    if (ImGui::Button("Resize the grid")) FinishPaste(state, PasteFit::kResize);
    ImGui::SameLine();
    if (ImGui::Button("Paste into the top-left corner")) FinishPaste(state, PasteFit::kTopLeft);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) state.view.pending_paste.reset();
    ImGui::EndPopup();
  }
}

}  // namespace convstep
