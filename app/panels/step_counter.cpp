// Presentation mode's step counter: "7 / 25" in large type, so the back
// rows can follow along.
#include <algorithm>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/widgets/panel_frame.h"

namespace convstep {

namespace {

// The large face, drawn smaller when the interface text (the current font,
// before the large one is pushed) is large already:
// 2.5 times the text at 100 %, 1.5 times at 200 % and more.
float CounterScale() {
  const float text = ImGui::GetFontSize() / 16.0f;
  return std::clamp(2.5f - (text - 1.0f), 1.5f, 2.5f) / 2.5f;
}

}  // namespace

ImVec2 StepCounterSize() {
  const float scale = CounterScale();
  PushLargeFont();
  const ImVec2 size = ImGui::CalcTextSize("888 / 888");
  ImGui::PopFont();
  return {size.x * scale, size.y * scale};
}

void DrawStepCounter(AppState& state) {
  const std::string count = std::to_string(state.ActiveStep() + 1) + " / " + std::to_string(state.ActiveTotal());
  ImGui::BeginGroup();
  const float scale = CounterScale();
  PushLargeFont();
  ImGui::SetWindowFontScale(scale);
  const ImVec2 size = ImGui::CalcTextSize(count.c_str());
  // Right-aligned and vertically centred in the controls' height.
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + std::max(0.0f, avail.x - size.x),
                             ImGui::GetCursorPosY() + std::max(0.0f, (avail.y - size.y) * 0.5f)));
  ImGui::PushStyleColor(ImGuiCol_Text, CurrentColors().title);
  ImGui::TextUnformatted(count.c_str());
  ImGui::PopStyleColor();
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", Tr(state.view.tab == Tab::kPooling ? "view.counter_pool" : "view.counter_conv"));
  }
}

}  // namespace convstep
