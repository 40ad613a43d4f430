// Small drawing helpers every panel shares.
#pragma once

#include "imgui.h"

namespace convstep {

// A size in pixels at 100 % text size, scaled to the current text size, so
// widths and gaps grow with the text in presentation mode.
float Scaled(float pixels);

// A panel's heading in the title colour and a separator. A title too wide
// for its panel drops its explanation in parentheses (shown as a tooltip)
// rather than being cut.
void PanelTitle(const char* title);
// A line of dimmed text; too wide for its room, it keeps its first clause
// (up to ':') and shows the whole as a tooltip.
void TextFitted(const char* text);
// A title that is a formula, so nothing of it may go: wrapped instead.
void PanelTitleWrapped(const char* title);

// The text size of a grid's numbers, ticks and caption at this cell size:
// half the cell, between the interface's 100 % size (16 px) and its
// current size.
float GridTextSize(float cell);

// The grids a panel shows, for the layout to size: `groups` groups of
// `per_group` grids of rows × cols cells (the kernels: a group per filter,
// under a heading line, a grid per channel), each grid with a caption and
// perhaps tick labels. Widths at the 100 % text size; they grow with the
// grid's text (GridTextSize).
struct GridSet {
  int groups = 1;
  int per_group = 1;
  int rows = 1;
  int cols = 1;
  float caption_w = 0;   // the widest caption; 0 for none
  float label_w = 0;     // the widest tick label; 0 for no labels
  float heading_h = 0;   // above each group, at the interface's size, spacing in
  float heading_w = 0;   // a group is at least this wide
  float extra_w = 0;     // beside the grids (a colour bar)
  float extra_h = 0;     // under them (a spectrogram's "this window hears" and play buttons)
  float min_cell = 20;   // the smallest cell whose numbers are readable
  float max_cell = 44;   // cells stop growing here
};
// How a set is laid out: groups per row, grids per row within a group, cell size.
struct Arrangement {
  int groups_per_row = 1;
  int per_row = 1;
  float cell = 0;
};
// The arrangement with the largest cell (at most max_cell) that fits `avail`.
Arrangement ArrangeSet(const GridSet& set, ImVec2 avail);
// The least height the set needs at `cell` within `width` (FLT_MAX when
// it cannot be that wide).
float SetHeightAt(const GridSet& set, float width, float cell);
// The size one grid takes at `cell` pixels per cell, caption and labels in.
ImVec2 SetFigureSize(const GridSet& set, float cell);
// The space between grids and between groups.
float GridGap();
float GroupGap();

// The height of a PanelTitle line, separator in.
float PanelTitleHeight();

// The monospaced font (the window loads it second), for tables that must
// line up like a terminal's.
void PushMonoFont();
void PopMonoFont();
// The large font (the window loads it third), for the presentation mode's
// step counter.
void PushLargeFont();

// The grids' face at the 100 % size (the window loads it fourth), for
// captions that belong to a grid.
void PushGridFont();

// A line of text in colour.
void ColoredText(ImU32 color, const char* text);

}  // namespace convstep
