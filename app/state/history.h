// Undo and redo for the document. Every change to the session is one entry
// holding the session before and after it (apply = after, revert = before)
// and a note of what it did. Whole sessions rather than replayable edits:
// some edits lose data (a smaller kernel drops weights), and redo must give
// back exactly what was there;
// consecutive changes with the same merge key (typing in one cell, dragging
// one slider) are merged into one entry, as ImHex merges edits of one byte.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/session/edits.h"
#include "core/session/session.h"

namespace convstep {

class History {
 public:
  // `merge_key` empty: never merged. A merged entry keeps its first `from`
  // and takes the newest `to` ("stride 1 → 3" after dragging through 2).
  void Record(const Session& before, const Session& after, const std::string& merge_key, const EditNote& note);
  // What Undo and Redo hand back: the session to show and what the entry did.
  struct Step {
    const Session* session;
    const EditNote* note;
  };
  // The session to go back to, or a null session when there is nothing to undo.
  Step Undo();
  Step Redo();
  bool CanUndo() const { return !done_.empty(); }
  bool CanRedo() const { return !undone_.empty(); }
  // Forgets everything (a new document was opened).
  void Clear();

 private:
  struct Entry {
    Session before;
    Session after;
    std::string merge_key;
    EditNote note;
    std::size_t bytes = 0;
  };
  std::vector<Entry> done_;
  std::vector<Entry> undone_;
  std::size_t bytes_ = 0;  // what done_ holds, to keep the history within kMaxBytes
};

// The history keeps the newest entries up to this much memory (grids can be
// 256×256×16 doubles, 8 MB a copy).
constexpr std::size_t kMaxHistoryBytes = 256u << 20;

}  // namespace convstep
