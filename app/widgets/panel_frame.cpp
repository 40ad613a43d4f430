#include "app/widgets/panel_frame.h"

#include <algorithm>

#include "app/shell/theme.h"

namespace convstep {

float Scaled(float pixels) {
  // The window's base font is 16 pixels at 100 %.
  return pixels * ImGui::GetFontSize() / 16.0f;
}

void PanelTitle(const char* title) {
  ImGui::PushStyleColor(ImGuiCol_Text, CurrentColors().title);
  ImGui::TextUnformatted(title);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

Arrangement ArrangeGrids(ImVec2 avail, int count, int rows, int cols, float gap, float extra, float min_cell,
                         float max_cell) {
  Arrangement best{1, 0.0f};
  for (int per_row = 1; per_row <= std::max(count, 1); ++per_row) {
    const int lines = (count + per_row - 1) / per_row;
    const float w = (avail.x - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row) - extra;
    const float h = (avail.y - gap * static_cast<float>(lines - 1)) / static_cast<float>(lines) - extra;
    const float cell = std::min(w / static_cast<float>(cols), h / static_cast<float>(rows));
    if (cell > best.cell) best = {per_row, cell};
  }
  best.cell = std::clamp(best.cell, min_cell, max_cell);
  return best;
}

void PushMonoFont() {
  ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  ImGui::PushFont(fonts->Fonts.Size > 1 ? fonts->Fonts[1] : fonts->Fonts[0]);
}

void PopMonoFont() { ImGui::PopFont(); }

void PushLargeFont() {
  ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  ImGui::PushFont(fonts->Fonts.Size > 2 ? fonts->Fonts[2] : fonts->Fonts[0]);
}

void ColoredText(ImU32 color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

}  // namespace convstep
