#include "app/state/cell_edit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/teach/step_text.h"

namespace convstep {

CellEdit StartCellEdit(const std::string& grid, int y, int x, double value) {
  CellEdit edit;
  edit.grid = grid;
  edit.y = y;
  edit.x = x;
  std::snprintf(edit.text, sizeof edit.text, "%s", FormatValue(value).c_str());
  return edit;
}

bool ParseCellValue(const std::string& text, double* value) {
  std::string t = text;
  std::replace(t.begin(), t.end(), ',', '.');
  const size_t first = t.find_first_not_of(" \t");
  if (first == std::string::npos) return false;
  const char* begin = t.c_str() + first;
  char* end = nullptr;
  const double v = std::strtod(begin, &end);
  if (end == begin) return false;
  while (*end == ' ' || *end == '\t') ++end;
  if (*end != '\0' || !std::isfinite(v)) return false;
  *value = v;
  return true;
}

}  // namespace convstep
