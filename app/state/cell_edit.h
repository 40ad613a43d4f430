// The cell being typed into: which grid, which cell and the text so far.
// Part of the ViewState; app/widgets/cell_editor draws it.
#pragma once

#include <string>

namespace convstep {

struct CellEdit {
  std::string grid;  // the GridDraw name, e.g. "input/0"
  int y = 0;
  int x = 0;
  char text[64] = {};
  int frames = 0;  // frames since the editor opened (focus arrives on the next)
};

// Opens the editor on a cell showing `value`.
CellEdit StartCellEdit(const std::string& grid, int y, int x, double value);

// A number as students type it: "1.5", "-2", "1,5" (decimal comma), "3e2".
bool ParseCellValue(const std::string& text, double* value);

}  // namespace convstep
