// Small drawing helpers every panel shares.
#pragma once

#include "imgui.h"

namespace convstep {

// A size in pixels at 100 % text size, scaled to the current text size, so
// widths and gaps grow with the text in presentation mode.
float Scaled(float pixels);

// A panel's heading: a larger coloured title and a separator.
void PanelTitle(const char* title);

// How `count` grids of rows × cols cells fit in `avail`: how many go side
// by side, and the largest cell size (between min_cell and max_cell) that
// fits. Each grid takes `extra` more pixels each way (labels, captions) and
// `gap` between grids.
struct Arrangement {
  int per_row = 1;
  float cell = 0;
};
Arrangement ArrangeGrids(ImVec2 avail, int count, int rows, int cols, float gap, float extra, float min_cell,
                         float max_cell);

// The monospaced font (the window loads it second), for tables that must
// line up like a terminal's.
void PushMonoFont();
void PopMonoFont();
// The large font (the window loads it third), for the presentation mode's
// step counter.
void PushLargeFont();

// A line of text in colour.
void ColoredText(ImU32 color, const char* text);

}  // namespace convstep
