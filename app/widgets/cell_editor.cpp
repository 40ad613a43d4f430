#include "app/widgets/cell_editor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/i18n/i18n.h"
#include "core/teach/step_text.h"

namespace convstep {

CellEditResult DrawCellEditor(CellEdit& edit, const GridPlacement& placement) {
  CellEditResult result;
  const bool tab = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab));
  const bool up = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow));
  const bool down = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow));
  // Left and right move between cells too, as in a spreadsheet: a cell holds
  // one short number, retyped rather than edited inside.
  const bool left = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow));
  const bool right = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow));
  const bool shift = ImGui::GetIO().KeyShift;

  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(placement.origin.x + static_cast<float>(edit.x) * placement.cell,
                                   placement.origin.y + static_cast<float>(edit.y) * placement.cell));
  ImGui::SetNextItemWidth(std::max(placement.cell, 64.0f));
  if (edit.frames == 0) ImGui::SetKeyboardFocusHere();
  // One ID per cell: moving to the next cell opens a new field with that
  // cell's text, rather than keeping the last one's buffer.
  ImGui::PushID(edit.y * placement.cols + edit.x);
  const bool enter = ImGui::InputText("##cell_edit", edit.text, sizeof edit.text,
                                      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  const bool active = ImGui::IsItemActive();
  ImGui::PopID();
  ImGui::SetCursorScreenPos(cursor);
  ++edit.frames;

  const bool moving = active && (tab || up || down || left || right);
  if (enter || moving) {
    if (!ParseCellValue(edit.text, &result.value)) {
      result.error = TrFormat("status.not_a_number", {edit.text});
      result.action = CellEditResult::Action::kCancel;
      return result;
    }
    result.action = CellEditResult::Action::kCommit;
    if (tab) result.move_x = shift ? -1 : 1;
    if (left) result.move_x = -1;
    if (right) result.move_x = 1;
    if (up) result.move_y = -1;
    if (down) result.move_y = 1;
    return result;
  }
  // Esc, or a click elsewhere, closes the editor without a change.
  if (!active && edit.frames > 2) result.action = CellEditResult::Action::kCancel;
  return result;
}

}  // namespace convstep
