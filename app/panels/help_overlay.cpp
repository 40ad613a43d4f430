// The keyboard shortcuts, over the window (F1 or ?, or Help > Keyboard
// shortcuts; F1, ? or Esc closes it): the keys on the left, what they do on
// the right, grouped as stepping, editing, files and the window.
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"

namespace convstep {

namespace {

struct Shortcut {
  const char* keys_key;    // the keys, as the keyboard labels them
  const char* action_key;  // what they do
};

// An empty row separates the groups.
constexpr Shortcut kShortcuts[] = {
    {"help.play_keys", "help.play"},
    {"help.step_keys", "help.step"},
    {"help.ends_keys", "help.ends"},
    {"help.back_keys", "help.back"},
    {"help.speed_keys", "help.speed"},
    {nullptr, nullptr},
    {"help.edit_keys", "help.edit"},
    {"help.accept_keys", "help.accept"},
    {"help.move_keys", "help.move"},
    {"help.undo_keys", "help.undo"},
    {"help.redo_keys", "help.redo"},
    {"help.paste_keys", "help.paste"},
    {nullptr, nullptr},
    {"help.open_keys", "help.open"},
    {"help.save_keys", "help.save"},
    {"help.quit_keys", "help.quit"},
    {nullptr, nullptr},
    {"help.help_keys", "help.help"},
    {"help.presentation_keys", "help.presentation"},
    {"help.text_size_keys", "help.text_size"},
    {"help.text_reset_keys", "help.text_reset"},
};

}  // namespace

void DrawHelpOverlay(AppState& state) {
  if (!state.view.show_help) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
  const bool open = ImGui::Begin(TrId("help.title").c_str(), &state.view.show_help, flags);
  if (open) {
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_SizingFixedFit)) {
      for (const Shortcut& s : kShortcuts) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        if (s.keys_key == nullptr) {
          ImGui::Spacing();
          continue;
        }
        ImGui::PushStyleColor(ImGuiCol_Text, CurrentColors().title);
        ImGui::TextUnformatted(Tr(s.keys_key));
        ImGui::PopStyleColor();
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(Tr(s.action_key));
      }
      ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", Tr("help.close_hint"));
  }
  ImGui::End();
}

}  // namespace convstep
