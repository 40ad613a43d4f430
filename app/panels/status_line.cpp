// The status line at the bottom: the last problem (in red) or news, and
// undo / redo buttons for those who do not know the shortcuts.
#include "app/panels/panels.h"

namespace convstep {

void DrawStatusLine(AppState& state) {
  ImGui::BeginDisabled(!state.history.CanUndo());
  if (ImGui::SmallButton("undo")) state.Undo();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!state.history.CanRedo());
  if (ImGui::SmallButton("redo")) state.Redo();
  ImGui::EndDisabled();
  ImGui::SameLine(0, 16.0f);
  if (state.view.message.empty()) {
    ImGui::TextDisabled("click a cell to type a value");
  } else if (state.view.message_is_error) {
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", state.view.message.c_str());
  } else {
    ImGui::TextUnformatted(state.view.message.c_str());
  }
}

}  // namespace convstep
