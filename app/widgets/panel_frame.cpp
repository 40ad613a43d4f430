#include "app/widgets/panel_frame.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "app/shell/theme.h"

namespace convstep {

float Scaled(float pixels) {
  // The window's base font is 16 pixels at 100 %.
  return pixels * ImGui::GetFontSize() / 16.0f;
}

void PanelTitle(const char* title) {
  const std::string text = title;
  const size_t aside = text.find(" (");
  const bool shorten = aside != std::string::npos && ImGui::CalcTextSize(title).x > ImGui::GetContentRegionAvail().x;
  ImGui::PushStyleColor(ImGuiCol_Text, CurrentColors().title);
  if (shorten) {
    ImGui::TextUnformatted(text.substr(0, aside).c_str());
  } else {
    ImGui::TextUnformatted(title);
  }
  ImGui::PopStyleColor();
  if (shorten && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", title);
  ImGui::Separator();
}

void TextFitted(const char* text) {
  const std::string whole = text;
  const size_t colon = whole.find(':');
  const bool cut = colon != std::string::npos && ImGui::CalcTextSize(text).x > ImGui::GetContentRegionAvail().x;
  ImGui::TextDisabled("%s", cut ? whole.substr(0, colon).c_str() : text);
  if (cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void PanelTitleWrapped(const char* title) {
  ImGui::PushStyleColor(ImGuiCol_Text, CurrentColors().title);
  ImGui::TextWrapped("%s", title);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

float PanelTitleHeight() {
  return ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.y * 2.0f + 1.0f;
}

// Gaps follow the style's spacing, which grows slower than the text.
float GridGap() { return ImGui::GetStyle().ItemSpacing.x * 1.5f; }
float GroupGap() { return ImGui::GetStyle().ItemSpacing.x * 2.5f; }

float GridTextSize(float cell) { return std::clamp(std::floor(cell * 0.5f), 16.0f, ImGui::GetFontSize()); }

ImVec2 SetFigureSize(const GridSet& set, float cell) {
  // Text in a grid grows with its cells, so captions and labels widen in
  // proportion.
  const float text = GridTextSize(cell);
  const float k = text / 16.0f;
  const float left = set.label_w > 0 ? set.label_w * k + 4.0f : 0.0f;
  const float top = set.label_w > 0 ? text + 2.0f : 0.0f;
  const float caption = set.caption_w > 0 ? text * 1.25f : 0.0f;
  return {std::max(set.caption_w * k, left + cell * static_cast<float>(set.cols)),
          caption + top + cell * static_cast<float>(set.rows)};
}

namespace {

// The size of the whole set laid out with `groups_per_row` groups and
// `per_row` grids a line at `cell`. Lines are ImGui's items, so the item
// spacing separates them; the gaps beside grids are SameLine's.
ImVec2 SetSize(const GridSet& set, int groups_per_row, int per_row, float cell) {
  const ImVec2 fig = SetFigureSize(set, cell);
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const int group_lines = (set.groups + groups_per_row - 1) / groups_per_row;
  const int lines = (set.per_group + per_row - 1) / per_row;
  const float group_w = std::max(set.heading_w, fig.x * static_cast<float>(per_row) +
                                                    GridGap() * static_cast<float>(per_row - 1));
  const float group_h = set.heading_h + fig.y * static_cast<float>(lines) + spacing * static_cast<float>(lines - 1);
  return {group_w * static_cast<float>(groups_per_row) + GroupGap() * static_cast<float>(groups_per_row - 1) + set.extra_w,
          group_h * static_cast<float>(group_lines) + spacing * static_cast<float>(group_lines - 1) + set.extra_h};
}

}  // namespace

float SetHeightAt(const GridSet& set, float width, float cell) {
  float best = FLT_MAX;
  for (int gp = 1; gp <= std::max(set.groups, 1); ++gp) {
    for (int pp = 1; pp <= std::max(set.per_group, 1); ++pp) {
      const ImVec2 size = SetSize(set, gp, pp, cell);
      if (size.x <= width) best = std::min(best, size.y);
    }
  }
  return best;
}

Arrangement ArrangeSet(const GridSet& set, ImVec2 avail) {
  Arrangement best{1, 1, 0.0f};
  for (int gp = 1; gp <= std::max(set.groups, 1); ++gp) {
    for (int pp = 1; pp <= std::max(set.per_group, 1); ++pp) {
      // The set's size grows with the cell: the largest cell that fits, by bisection.
      float lo = 0.0f;
      float hi = set.max_cell;
      for (int i = 0; i < 18; ++i) {
        const float mid = (lo + hi) * 0.5f;
        const ImVec2 size = SetSize(set, gp, pp, mid);
        if (size.x <= avail.x && size.y <= avail.y) lo = mid;
        else hi = mid;
      }
      if (SetSize(set, gp, pp, set.max_cell).x <= avail.x && SetSize(set, gp, pp, set.max_cell).y <= avail.y) {
        lo = set.max_cell;
      }
      if (lo > best.cell + 0.01f) best = {gp, pp, lo};
    }
  }
  best.cell = std::max(std::floor(best.cell * 4.0f) / 4.0f, 0.25f);
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

void PushGridFont() {
  ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  ImGui::PushFont(fonts->Fonts.Size > 3 ? fonts->Fonts[3] : fonts->Fonts[0]);
}

void ColoredText(ImU32 color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

}  // namespace convstep
