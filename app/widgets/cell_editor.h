// Typing a value into one cell of a grid, in place: click a cell, type,
// Enter accepts, Esc cancels, Tab and the arrows accept and move.
// The panel that drew the grid calls DrawCellEditor right after DrawGrid and
// turns the result into a change of the document.
#pragma once

#include <string>

#include "app/state/cell_edit.h"
#include "app/widgets/grid_view.h"

namespace convstep {

struct CellEditResult {
  enum class Action { kNone, kCommit, kCancel } action = Action::kNone;
  double value = 0;   // with kCommit
  int move_y = 0;     // with kCommit: where the editor goes next (0, 0: it closes)
  int move_x = 0;
  std::string error;  // a typed text that is not a number
};

// Draws the editor over its cell of `placement`.
CellEditResult DrawCellEditor(CellEdit& edit, const GridPlacement& placement);

}  // namespace convstep
