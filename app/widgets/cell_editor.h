// Typing a value into one cell of a grid, in place: click a cell, type,
// Enter accepts, Esc cancels, Tab and the arrows accept and move.
// The panel that drew the grid calls DrawCellEditor right after DrawGrid and
// turns the result into a change of the document.
#pragma once

#include <string>

#include "app/widgets/grid_view.h"

namespace convstep {

struct CellEdit {
  std::string grid;  // the GridDraw name, e.g. "input/0"
  int y = 0;
  int x = 0;
  char text[64] = {};
  int frames = 0;  // frames since the editor opened (focus arrives on the next)
};

struct CellEditResult {
  enum class Action { kNone, kCommit, kCancel } action = Action::kNone;
  double value = 0;   // with kCommit
  int move_y = 0;     // with kCommit: where the editor goes next (0, 0: it closes)
  int move_x = 0;
  std::string error;  // a typed text that is not a number
};

// Opens the editor on a cell showing `value`.
CellEdit StartCellEdit(const std::string& grid, int y, int x, double value);

// Draws the editor over its cell of `placement`.
CellEditResult DrawCellEditor(CellEdit& edit, const GridPlacement& placement);

// A number as students type it: "1.5", "-2", "1,5" (decimal comma), "3e2".
bool ParseCellValue(const std::string& text, double* value);

}  // namespace convstep
