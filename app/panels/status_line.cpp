// The status line at the bottom: the last problem (in red) or news, and
// undo / redo buttons for those who do not know the shortcuts.
#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"

namespace convstep {

void DrawStatusLine(AppState& state) {
  ImGui::BeginDisabled(!state.history.CanUndo());
  if (ImGui::SmallButton(TrId("status.undo").c_str())) state.Undo();
  ImGui::EndDisabled();
  ConceptTooltip("tip.undo");
  ImGui::SameLine();
  ImGui::BeginDisabled(!state.history.CanRedo());
  if (ImGui::SmallButton(TrId("status.redo").c_str())) state.Redo();
  ImGui::EndDisabled();
  ConceptTooltip("tip.redo");
  ImGui::SameLine(0, Scaled(16));
  if (state.view.message.empty()) {
    // Practice has no cells to edit: its hint is about the answer.
    ImGui::TextDisabled("%s", Tr(state.view.tab == Tab::kPractice ? "status.hint_practice" : "status.hint"));
  } else if (state.view.message_is_error) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(CurrentColors().error), "%s", state.view.message.c_str());
  } else {
    ImGui::TextUnformatted(state.view.message.c_str());
  }
}

}  // namespace convstep
