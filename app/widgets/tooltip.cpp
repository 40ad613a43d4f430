#include "app/widgets/tooltip.h"

#include <map>
#include <string>

#include "app/i18n/i18n.h"

namespace convstep {

namespace {

// The tooltip the mouse rests on and since when; a tooltip key, not an
// item ID, so that a row's label and its widget count as one place.
std::string g_resting_key;
double g_resting_since = 0;
int g_resting_frame = -1;
const char* g_shown = nullptr;
int g_shown_frame = -1;

struct Placement {
  ImVec2 center;
  int frame = 0;
};
std::map<std::string, Placement, std::less<>> g_placements;

}  // namespace

void ConceptTooltip(const char* key) {
  const int frame = ImGui::GetFrameCount();
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const auto found = g_placements.find(std::string_view(key));
  const Placement here{ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f), frame};
  if (found == g_placements.end()) g_placements.emplace(key, here);
  else found->second = here;

  // A disabled control explains itself too: why it might be greyed out.
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) || ImGui::IsItemActive()) return;
  // A rest starts again when the mouse comes from elsewhere: another key,
  // or no tooltip item at all in the previous frame.
  if (g_resting_key != key || g_resting_frame < frame - 1) {
    g_resting_key = key;
    g_resting_since = ImGui::GetTime();
  }
  g_resting_frame = frame;
  if (ImGui::GetTime() - g_resting_since < kTooltipDelay) return;
  ImGui::BeginTooltip();
  // About 60 characters a line: readable, and narrow enough for a laptop.
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
  ImGui::TextUnformatted(Tr(key));
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
  g_shown = key;
  g_shown_frame = frame;
}

bool TooltipPending() {
  return g_resting_frame >= ImGui::GetFrameCount() - 1 && g_shown_frame < g_resting_frame;
}

const char* ShownTooltip() { return g_shown_frame == ImGui::GetFrameCount() ? g_shown : nullptr; }

std::optional<ImVec2> TooltipItemCenter(const char* key) {
  const auto found = g_placements.find(std::string_view(key));
  if (found == g_placements.end() || found->second.frame < ImGui::GetFrameCount() - 1) return std::nullopt;
  return found->second.center;
}

}  // namespace convstep
