// A paste of another size than the grid it goes into: resize the grid to the
// paste (and, as the dialog says, the other channels or kernels with it), or
// paste into the top-left corner and keep the size.
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
    // A resize changes the grids not pasted into as well: say so before.
    const Conv2dSpec& spec = state.session.conv;
    const bool into_kernel = state.view.selected_grid.rfind("kernel/", 0) == 0;
    const bool others = into_kernel ? spec.weight.n * spec.weight.c > 1 : spec.input.c > 1 && grid.c == 1;
    if (others) {
      ImGui::TextUnformatted(TrFormat(into_kernel ? "paste.resize_all_kernels" : "paste.resize_all_input",
                                      {std::to_string(grid.h), std::to_string(grid.w)})
                                 .c_str());
    }
    if (ImGui::Button(TrId("paste.resize").c_str())) FinishPaste(state, PasteFit::kResize);
    ImGui::SameLine();
    if (ImGui::Button(TrId("paste.top_left").c_str())) FinishPaste(state, PasteFit::kTopLeft);
    ImGui::SameLine();
    if (ImGui::Button(TrId("dialog.cancel").c_str())) state.view.pending_paste.reset();
    ImGui::EndPopup();
  }
}

}  // namespace convstep
