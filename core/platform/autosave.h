// The autosave: the window writes the session to the state folder a moment
// after each change and offers it back at the next start, so closing the
// window (or a crash) loses at most the last second of work.
#pragma once

#include <optional>
#include <string>

#include "core/base/result.h"
#include "core/session/session.h"

namespace convstep {

// $XDG_STATE_HOME/convstep, or $HOME/.local/state/convstep when
// XDG_STATE_HOME is unset, empty or relative (the XDG Base Directory
// specification says to ignore a relative one); created when missing.
Result<std::string> StateFolder();
// StateFolder()/autosave.json.
Result<std::string> AutosavePath();

// The autosaved session; nothing (no error) when there is no autosave yet.
// An autosave that is not a session (cut short by a full disk, edited by
// hand, written by a newer ConvStep) is renamed to
// autosave.corrupt-<UTC time>.json beside it, so that it is neither lost nor
// offered again, and the error says so and where it went: the window shows
// it and starts on a preset.
Result<std::optional<Session>> LoadAutosave();
// Writes the session to AutosavePath() atomically (WriteFileAtomically).
Result<bool> SaveAutosave(const Session& session);

// When the window writes the autosave: kQuietSeconds after the last change,
// so that a burst of edits (typing a number, dragging a slider) costs one
// write, and never later than kMaxWaitSeconds after the first unsaved change,
// so that a long drag is saved along the way. Pure logic over the time the
// caller passes (seconds on any steady clock, e.g. ImGui::GetTime()).
class AutosaveClock {
 public:
  static constexpr double kQuietSeconds = 1.0;
  static constexpr double kMaxWaitSeconds = 5.0;

  // The document changed at `now`.
  void Changed(double now);
  // A save should be written now.
  bool Due(double now) const;
  // A save was attempted. Called after a failed one too, so that it is
  // retried at the next change rather than on every frame.
  void Saved();
  // Changes not yet saved: worth a save when the window closes.
  bool Pending() const { return pending_; }

 private:
  bool pending_ = false;
  double first_change_ = 0;  // of the changes since the last save
  double last_change_ = 0;
};

}  // namespace convstep
