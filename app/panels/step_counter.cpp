// Presentation mode's step counter: "7 / 25" in large type, so the back
// rows can follow along.
#include <algorithm>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/widgets/panel_frame.h"

namespace convstep {

void DrawStepCounter(AppState& state) {
  const std::string count = std::to_string(state.ActiveStep() + 1) + " / " + std::to_string(state.ActiveTotal());
  ImGui::BeginGroup();
  PushLargeFont();
  const ImVec2 size = ImGui::CalcTextSize(count.c_str());
  // Right-aligned and vertically centred in the controls' height.
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + std::max(0.0f, avail.x - size.x),
                             ImGui::GetCursorPosY() + std::max(0.0f, (avail.y - size.y) * 0.5f)));
  ImGui::PushStyleColor(ImGuiCol_Text, CurrentColors().title);
  ImGui::TextUnformatted(count.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", Tr(state.view.tab == Tab::kPooling ? "view.counter_pool" : "view.counter_conv"));
  }
}

}  // namespace convstep
