// The window title: the file the document came from (or the session's
// title), with a mark while there are changes not yet saved to it.
//
//   ConvStep — ejemplo.json        as opened or saved
//   ConvStep — ejemplo.json •      changed since
#pragma once

#include <string>

#include "app/state/app_state.h"

namespace convstep {

class WindowTitle {
 public:
  // A document was loaded as it is on disk (or as a preset): clean. `file`
  // names it (its base name is shown); empty: the session's title.
  void Loaded(const AppState& state, const std::string& file);
  // The title for this frame. Notices a save or an open of a session file
  // (the path Ctrl+S writes to, with its "saved"/"opened" news) and takes
  // that file's name and revision as the clean one.
  const std::string& Update(const AppState& state);
  const std::string& current() const { return title_; }
  bool dirty(const AppState& state) const { return state.revision != clean_revision_; }

 private:
  std::string file_;
  int clean_revision_ = 0;
  std::string seen_path_;
  std::string seen_message_;
  std::string title_;
};

}  // namespace convstep
