// A file dialog written with ImGui (the Debian packages bring none): folders
// and files of the current folder, a name field, and the folder it was last
// left in. Used for Open, Save as and Export.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace convstep {

struct FileDialogEntry {
  std::string name;
  bool folder = false;
};

struct FileDialog {
  enum class Mode { kOpen, kSave } mode = Mode::kOpen;
  bool visible = false;
  std::string title;                    // "Open", "Save session as", ...
  std::vector<std::string> extensions;  // shown files, e.g. {".json", ".csv"}; empty: all
  std::string folder;                   // where it opens: the last folder used
  char name[256] = {};                  // the file name typed or clicked
  std::string listed_folder;            // what `entries` lists, so the disk is read once per folder
  std::vector<FileDialogEntry> entries;
};

// Shows the dialog in `mode`, starting in its last folder.
void OpenFileDialog(FileDialog& dialog, FileDialog::Mode mode, std::string title,
                    std::vector<std::string> extensions, const std::string& suggested_name = "");

// Draws it while visible; returns the chosen path once, when confirmed.
std::optional<std::string> DrawFileDialog(FileDialog& dialog);

}  // namespace convstep
