#include "app/shell/title.h"

#include <filesystem>

#include "app/i18n/i18n.h"

namespace convstep {

void WindowTitle::Loaded(const AppState& state, const std::string& file) {
  file_ = file;
  clean_revision_ = state.revision;
  seen_path_ = state.view.session_path;
  seen_message_ = state.view.message;
}

const std::string& WindowTitle::Update(const AppState& state) {
  const ViewState& v = state.view;
  if (v.session_path != seen_path_ || v.message != seen_message_) {
    seen_path_ = v.session_path;
    seen_message_ = v.message;
    // What SaveSessionTo and OpenPath say when the document and the file
    // agree (the autosave writes elsewhere and says nothing).
    if (!v.session_path.empty() && !v.message_is_error &&
        (v.message == TrFormat("status.saved", {v.session_path}) ||
         v.message == TrFormat("status.opened", {v.session_path}))) {
      file_ = v.session_path;
      clean_revision_ = state.revision;
    }
  }
  const std::string name = file_.empty() ? state.session.title : std::filesystem::path(file_).filename().string();
  title_ = "ConvStep \u2014 " + name + (dirty(state) ? " \u2022" : "");
  return title_;
}

}  // namespace convstep
