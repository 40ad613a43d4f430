#include "app/widgets/file_dialog.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "app/i18n/i18n.h"
#include "imgui.h"

namespace convstep {

namespace fs = std::filesystem;

namespace {

bool Shown(const fs::path& path, const std::vector<std::string>& extensions) {
  if (extensions.empty()) return true;
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

// The folder's entries, folders first, each group by name. Unreadable
// entries are skipped: the dialog shows what it can.
std::vector<FileDialogEntry> List(const std::string& folder, const std::vector<std::string>& extensions) {
  std::vector<FileDialogEntry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    const bool folder_entry = it->is_directory(type_ec);
    if (folder_entry || Shown(it->path(), extensions)) entries.push_back({name, folder_entry});
  }
  std::sort(entries.begin(), entries.end(), [](const FileDialogEntry& a, const FileDialogEntry& b) {
    return a.folder != b.folder ? a.folder : a.name < b.name;
  });
  return entries;
}

}  // namespace

void OpenFileDialog(FileDialog& dialog, FileDialog::Mode mode, std::string title, std::vector<std::string> extensions,
                    const std::string& suggested_name) {
  dialog.mode = mode;
  dialog.title = std::move(title);
  dialog.extensions = std::move(extensions);
  std::error_code ec;
  if (dialog.folder.empty() || !fs::is_directory(dialog.folder, ec)) dialog.folder = fs::current_path(ec).string();
  std::snprintf(dialog.name, sizeof dialog.name, "%s", suggested_name.c_str());
  dialog.listed_folder.clear();  // list afresh: files may have appeared since
  dialog.visible = true;
}

std::optional<std::string> DrawFileDialog(FileDialog& dialog) {
  if (!dialog.visible) return std::nullopt;
  std::optional<std::string> chosen;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(640.0f, vp->WorkSize.x - 40.0f), std::min(460.0f, vp->WorkSize.y - 40.0f)),
                           ImGuiCond_Appearing);
  // The title is in the language of the moment it opened; the ID stays.
  const std::string id = dialog.title + "###file_dialog";
  ImGui::OpenPopup(id.c_str());
  if (ImGui::BeginPopupModal(id.c_str(), &dialog.visible)) {
    ImGui::TextWrapped("%s", dialog.folder.c_str());
    if (ImGui::Button(TrId("dialog.up").c_str())) dialog.folder = fs::path(dialog.folder).parent_path().string();
    ImGui::SameLine();
    std::string shown;
    for (const std::string& e : dialog.extensions) shown += (shown.empty() ? "" : " ") + e;
    ImGui::TextDisabled("%s", shown.empty() ? Tr("dialog.all_files") : shown.c_str());
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.0f;
    ImGui::BeginChild("entries", ImVec2(0, -footer), true);
    if (dialog.listed_folder != dialog.folder) {
      dialog.entries = List(dialog.folder, dialog.extensions);
      dialog.listed_folder = dialog.folder;
    }
    std::string next_folder;  // entered after the loop, which walks the current listing
    for (const FileDialogEntry& e : dialog.entries) {
      const std::string label = e.folder ? "[" + e.name + "]" : e.name;
      if (ImGui::Selectable(label.c_str(), !e.folder && e.name == dialog.name, ImGuiSelectableFlags_AllowDoubleClick)) {
        if (e.folder) {
          next_folder = (fs::path(dialog.folder) / e.name).string();
        } else {
          std::snprintf(dialog.name, sizeof dialog.name, "%s", e.name.c_str());
          if (ImGui::IsMouseDoubleClicked(0)) chosen = (fs::path(dialog.folder) / e.name).string();
        }
      }
    }
    ImGui::EndChild();
    if (!next_folder.empty()) dialog.folder = next_folder;
    ImGui::SetNextItemWidth(-200.0f);
    const bool enter = ImGui::InputText("##name", dialog.name, sizeof dialog.name, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    const std::string confirm = std::string(Tr(dialog.mode == FileDialog::Mode::kOpen ? "dialog.open" : "dialog.save")) +
                                "###confirm";
    if ((ImGui::Button(confirm.c_str()) || enter) && dialog.name[0] != '\0') {
      // A name may also be a whole path.
      const fs::path typed(dialog.name);
      chosen = typed.is_absolute() ? typed.string() : (fs::path(dialog.folder) / typed).string();
    }
    ImGui::SameLine();
    if (ImGui::Button(TrId("dialog.cancel").c_str())) dialog.visible = false;
    if (chosen) {
      dialog.folder = fs::path(*chosen).parent_path().string();
      dialog.visible = false;
    }
    ImGui::EndPopup();
  }
  return chosen;
}

}  // namespace convstep
