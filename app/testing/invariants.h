// What must hold after every user action, whatever it was: the monkey
// (`--monkey`) checks these after each of its actions, and a script run with
// --check-invariants after each of its own.
//
// - the session validates: it serialises, reads back to the same bytes and
//   steps (SessionToJson → SessionFromJson, ConvStepper::Create);
// - the step and the pooling step are inside their ranges;
// - no reference of the view names something the session lacks
//   (DanglingReferences);
// - undo followed by redo gives back a session that serialises to the same
//   bytes (done on the state itself, whose view is put back afterwards);
// - the state dump (--dump-state) is well-formed JSON;
// - the session changes only through AppState's commits, undo and redo
//   (which count it in `revision`).
//
// The checks of the session and of undo and redo, the costly ones, run again
// only when the revision (or the step) moved since the last check: an
// action that changed nothing in the document has nothing new to show.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/state/app_state.h"

namespace convstep {

struct InvariantReport {
  int checks = 0;                   // how many were checked
  std::vector<std::string> broken;  // what did not hold, one line each
};

class InvariantChecker {
 public:
  InvariantReport Check(AppState& state);

 private:
  int revision_ = -1;  // the revision whose session and history were last checked
  int step_ = -1;
  std::uint64_t fingerprint_ = 0;  // of that session, to see changes that bypass Commit
};

}  // namespace convstep
