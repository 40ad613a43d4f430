// A file dialog written with ImGui (the Debian packages bring none): folders
// and files of the current folder, a name field, and the folder it was last
// left in. Used for Open, Save as and Export.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/state/file_dialog_state.h"

namespace convstep {

// Shows the dialog in `mode`, starting in its last folder.
void OpenFileDialog(FileDialog& dialog, FileDialog::Mode mode, std::string title,
                    std::vector<std::string> extensions, const std::string& suggested_name = "");

// Draws it while visible; returns the chosen path once, when confirmed.
std::optional<std::string> DrawFileDialog(FileDialog& dialog);

}  // namespace convstep
