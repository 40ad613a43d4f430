// The grid every panel draws: a caption, axis ticks, cell colours as one
// texture, numbers where a cell is large enough to read them, outlines for
// windows and links, and the cell under the mouse. A zoomable grid zooms and
// pans (wheel, drag, +/−/0) with a minimap once zoomed in. Every grid drawn
// in a frame is recorded by name with what it showed, so scripted runs can
// aim the mouse at a cell and tests can check that nothing was hidden.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/gfx/heatmap_shader.h"
#include "app/state/appearance.h"
#include "app/state/grid_zoom.h"
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
  std::string caption;                  // above the grid, in the grid's text size
  ImU32 caption_color = 0;              // 0: the text colour
  int rows = 0;
  int cols = 0;
  float cell = 24;                      // pixels per cell, the whole grid in view
  // The cells. A grid with a non-zero `key` keeps them from the last frame
  // whose key was the same: the panel fills them only when GridIsFresh says
  // no, so a 256×256 input costs nothing while it does not change.
  uint64_t key = 0;
  std::vector<uint32_t> fills;          // rows*cols colours (ImU32); left empty for a heatmap
  // A heatmap: each cell's value placed in [lo, hi] and coloured by
  // ramp(t), t in [0, 1]; `kinds` (gfx::HeatmapKind per cell, empty: all
  // data) marks the padding, the cells without a value yet and the dropped
  // ones, which take the theme's flat colours. The shaders in shaders/ draw
  // it, or the CPU when they are unavailable.
  std::function<ImU32(float)> ramp;
  double lo = 0;
  double hi = 1;
  std::vector<uint8_t> kinds;
  std::vector<double> values;           // rows*cols numbers, NaN for blank; empty for none
  std::vector<uint8_t> dim;             // rows*cols: 1 draws the number faded (padding)
  std::vector<std::pair<int, int>> crossed;  // cells struck through (never reached)
  const char* suffix = "";              // after each number, e.g. "×" for visit counts
  std::vector<GridOutline> outlines;
  bool labels = false;                  // row and column indices, every n cells as room allows
  int index_offset = 0;                 // the index printed for row/column 0 (e.g. -padding)
  // Ticks other than indices (a spectrogram's hertz and seconds): the label
  // of row or column i, empty for none (the padding).
  std::function<std::string(int)> row_tick;
  std::function<std::string(int)> col_tick;
  std::map<std::string, GridZoom>* zooms = nullptr;  // zoomable when set: state.view.zoom
  std::string zoom_group;               // grids of one group zoom together (input and output)
  std::optional<std::pair<float, float>> follow;  // a point (cells) the zoomed view keeps in sight
  bool follow_always = false;           // centre on `follow` every frame (while playing)
};

// True when the grid `name` was last drawn with this non-zero key: its
// cells need not be filled again.
bool GridIsFresh(const std::string& name, uint64_t key);
// A key for GridIsFresh from what a grid's cells depend on: the colours
// chosen and the panel's own numbers (the document's revision, the step).
uint64_t FillKey(const Appearance& look, std::initializer_list<uint64_t> parts);

// A rows × cols grid whose cells all start as `fill` with no number.
GridDraw BlankGrid(std::string name, int rows, int cols, float cell, ImU32 fill);

struct GridHit {
  bool hovered = false;
  bool clicked = false;
  int y = -1;
  int x = -1;
};

// Draws at the cursor and advances it past the grid and its caption.
GridHit DrawGrid(GridDraw grid);

// Around a panel full of grids: their cells are drawn first, in one batch
// without blending (cheaper on a software rasteriser), then the rest.
void BeginGridLayer();
void EndGridLayer();

// The keys +, − and 0 over a zoomable grid: zoom in, out, or back to the
// whole grid. False when the mouse was over no zoomable grid last frame,
// or over one shown whole with its numbers (the keys then change the speed).
bool ZoomGridUnderMouse(std::map<std::string, GridZoom>* zooms, float factor);
bool FitGridUnderMouse(std::map<std::string, GridZoom>* zooms);

// The widest number of `values` at the 100 % text size, in its shortest
// readable form (core/teach/cell_text.h), plus the suffix.
float WidestCellText(const std::vector<double>& values, const char* suffix = "");
// The same, measured again only when `key` changes for `id`: a 256×256
// input is measured once per edit, not once per frame.
float WidestCellTextOnce(const std::string& id, uint64_t key, const std::function<std::vector<double>()>& values,
                         const char* suffix = "");
// The smallest cell that prints a number this wide (at 100 % text size).
float CellForText(float text_width);
// Text widths at the 100 % size, for a GridSet: a caption, and the widest
// tick label of a grid with this many rows and columns.
float GridTextWidth(const std::string& text);
float TickLabelsWidth(int rows, int cols, int index_offset);
float TickLabelsWidth(const std::function<std::string(int)>& tick, int n);

// A vertical colour bar from lo (bottom) to hi (top) with its values, for
// the heatmap beside it; `ramp(t)` gives the colour at t in [0, 1].
void DrawColorBar(const char* id, ImU32 (*ramp)(HeatPalette, float), HeatPalette palette, double lo, double hi,
                  float height);
float ColorBarWidth();

// Where grids were drawn in the last frame: name -> screen geometry and
// what a reader could see of it.
struct GridPlacement {
  ImVec2 origin;   // the screen position of cell (0, 0), off the frame when zoomed in
  float cell = 0;  // pixels per cell at the current zoom
  int rows = 0;
  int cols = 0;
  float zoom = 1;
  bool values_shown = false;   // every cell in view prints its value (or has none yet)
  bool fully_visible = false;  // every cell is in view and inside its panel's visible area
  bool shaded = false;         // its cells were drawn by the shaders in shaders/
  ImVec2 CellCenter(int y, int x) const {
    return {origin.x + (static_cast<float>(x) + 0.5f) * cell, origin.y + (static_cast<float>(y) + 0.5f) * cell};
  }
};
const std::map<std::string, GridPlacement>& GridPlacements();
void ClearGridPlacements();  // at the start of each frame
// For widgets drawn like a grid (the waveform): where it was, and that the
// mouse is over it, so that +, − and 0 zoom it.
void RecordPlacement(const std::string& name, const GridPlacement& placement);
void NoteZoomableUnderMouse(const std::string& name);
// The most a grid (or waveform) whose whole fits at `cell` pixels per cell
// may be zoomed in.
float MaxZoom(float cell);

// Whether a named item drawn this frame (e.g. the step's total line) lay
// inside its panel's visible area.
void NoteItemVisibility(const std::string& name);
const std::map<std::string, bool>& ItemVisibility();

// Frees the grid textures; call before the GL context goes away.
void ReleaseGridTextures();

// Colours with a meaning shared by every panel.
// The current step's cell, column or window frame: red stands out against
// every viridis colour.
constexpr ImU32 kCurrentColor = IM_COL32(255, 70, 70, 255);
// The input channels' colours (the window and arithmetic of channel c) and
// names: Okabe-Ito colours and "channel c", or for a colour picture red,
// green and blue named R, G and B.
void UseRgbChannels(bool rgb);  // once a frame, from the document
ImU32 ChannelColor(int channel);
std::string ChannelIndex(int channel);  // "2", or "B" for a colour picture
std::string ChannelName(int channel);   // "channel 2", "channel B"
// Heatmaps (visit counts, outputs) in the palette chosen (see theme.h).
ImU32 Heat(HeatPalette palette, float t);  // t in [0, 1]
ImU32 HeatIn(HeatPalette palette, double v, double lo, double hi);  // v placed in [lo, hi]; the middle when lo == hi
// Signed values: blue below zero, light grey at zero, red above; the
// palette argument is unused (it lets a colour bar take either ramp).
ImU32 DivergingRamp(HeatPalette palette, float t);  // t in [0, 1], zero at 0.5
ImU32 Diverging(float t);                 // t in [-1, 1]: blue, white, red
// Input values from dark to light slate blue, so numbers stay readable and
// the channel colours of the window stand out against them; a photograph
// in grey, or tinted by its channel (R, G, B) when it has three.
ImU32 InputValueFill(double v, double lo, double hi);
ImU32 GreyFill(double v, double lo, double hi);
ImU32 SlateRamp(HeatPalette palette, float t);  // InputValueFill and GreyFill as colour bar ramps
ImU32 GreyRamp(HeatPalette palette, float t);
ImU32 TintFill(double v, double lo, double hi, ImU32 tint);
ImU32 TextColorOn(ImU32 fill);            // black or white, whichever reads

}  // namespace convstep
