// The grid every panel draws: cell colours as one texture, numbers where a
// cell is large enough to read them, outlines for windows and links, and the
// cell under the mouse. Every grid drawn in a frame is recorded by name, so
// scripted runs can aim the mouse at a cell and tests can find it on screen.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/shell/theme.h"
#include "imgui.h"

namespace convstep {

// A rectangle in cell units (fractional while gliding), with its colour.
struct GridOutline {
  float y = 0;
  float x = 0;
  float h = 1;
  float w = 1;
  ImU32 color = 0;
  float thickness = 2;
};

struct GridDraw {
  std::string name;                     // unique per frame, e.g. "input/0"
  int rows = 0;
  int cols = 0;
  float cell = 24;                      // pixels per cell
  std::vector<uint32_t> fills;          // rows*cols colours (ImU32)
  std::vector<double> values;           // rows*cols numbers, NaN for blank; empty for none
  std::vector<uint8_t> dim;             // rows*cols: 1 draws the number faded (padding)
  const char* suffix = "";              // after each number, e.g. "×" for visit counts
  std::vector<GridOutline> outlines;
  std::vector<std::pair<int, int>> crossed;  // cells struck through (never reached)
  int label_every = 0;                  // row/column indices every N cells (0: none)
  int index_offset = 0;                 // the index printed for row/column 0 (e.g. -padding)
};

// A rows × cols grid whose cells all start as `fill` with no number.
GridDraw BlankGrid(std::string name, int rows, int cols, float cell, ImU32 fill);

struct GridHit {
  bool hovered = false;
  bool clicked = false;
  int y = -1;
  int x = -1;
};

// Draws at the cursor and advances it. Numbers appear when the cell is at
// least kMinTextCell pixels wide at 100 % text size (more for larger text).
GridHit DrawGrid(const GridDraw& grid);
constexpr float kMinTextCell = 18.0f;

// Where grids were drawn in the last frame: name -> screen geometry.
struct GridPlacement {
  ImVec2 origin;
  float cell = 0;
  int rows = 0;
  int cols = 0;
  ImVec2 CellCenter(int y, int x) const {
    return {origin.x + (static_cast<float>(x) + 0.5f) * cell, origin.y + (static_cast<float>(y) + 0.5f) * cell};
  }
};
const std::map<std::string, GridPlacement>& GridPlacements();
void ClearGridPlacements();  // at the start of each frame

// Frees the grid textures; call before the GL context goes away.
void ReleaseGridTextures();

// Colours with a meaning shared by every panel.
// The current step's cell, column or window frame: red stands out against
// every viridis colour.
constexpr ImU32 kCurrentColor = IM_COL32(255, 70, 70, 255);
ImU32 ChannelColor(int channel);          // the window and arithmetic of channel c
// Heatmaps (visit counts, outputs) in the palette chosen (see theme.h).
ImU32 Heat(HeatPalette palette, float t);  // t in [0, 1]
ImU32 HeatIn(HeatPalette palette, double v, double lo, double hi);  // v placed in [lo, hi]; the middle when lo == hi
// Input values from dark to light slate blue, so numbers stay readable and
// the channel colours of the window stand out against them.
ImU32 InputValueFill(double v, double lo, double hi);
ImU32 Diverging(float t);                 // t in [-1, 1]: blue, white, red
ImU32 TextColorOn(ImU32 fill);            // black or white, whichever reads

}  // namespace convstep
