// What the file dialog shows: its mode, folder, listing and the name typed.
// Part of the ViewState; app/widgets/file_dialog draws it.
#pragma once

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

}  // namespace convstep
