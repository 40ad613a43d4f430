// How far a grid is zoomed in and where its view is centred. The window
// fits every grid to its panel; a 256×256 photograph then has cells of a
// pixel or two, so the student zooms in (wheel, drag, +/−/0) to read the
// values. Input and output grids share one zoom factor (their group), so
// the window and its output cell stay side by side at the same scale.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "core/conv/conv_spec.h"

namespace convstep {

struct GridZoom {
  float zoom = 1.0f;   // 1: the whole grid; 4: a quarter of its rows and columns
  float cy = 0.0f;     // the view's centre, in cells
  float cx = 0.0f;
  std::string group;   // grids of one group share `zoom`
  // The point last followed (see Follow): the view follows the window when
  // the step moves it, and otherwise stays where the student zoomed.
  float followed_y = -1.0f;
  float followed_x = -1.0f;
  int touched = 0;     // when the student last zoomed or panned it (a running count); 0: never
};

// Zoom never goes below 1 (the whole grid) nor above `max_zoom`, and the
// view never leaves the grid.
void ClampZoom(GridZoom* z, int rows, int cols, float max_zoom);

// Multiplies the zoom by `factor` keeping the point (py, px), in cells,
// where it is on screen: the cell under the mouse stays under the mouse.
void ZoomAbout(GridZoom* z, float factor, float py, float px, int rows, int cols, float max_zoom);

// Moves the view by (dy, dx) cells.
void PanBy(GridZoom* z, float dy, float dx, int rows, int cols, float max_zoom);

// Centres the view on (py, px) if that point is outside the view's inner
// part, or always when `always` (playing: the view follows the window);
// nothing when the point is the one followed last time.
void Follow(GridZoom* z, float py, float px, int rows, int cols, float max_zoom, bool always);

// The zoom of `name` changed: every grid of its group takes it, and it
// leads the group (MarkTouched).
void ShareZoom(std::map<std::string, GridZoom>* zooms, const std::string& name);
// The student moved the view of `name` (zoom or pan).
void MarkTouched(std::map<std::string, GridZoom>* zooms, const std::string& name);
// The name of the grid of `group` the student moved last, or "" if none.
std::string LeadingGrid(const std::map<std::string, GridZoom>& zooms, const std::string& group);

// Where the input's and the output's views meet: the output cell whose
// window is centred on padded input point (py, px), and back. Zoomed in,
// the grids of the convolution show corresponding parts side by side.
std::pair<float, float> OutputPointOf(const Conv2dGeometry& g, float py, float px);
std::pair<float, float> InputPointOf(const Conv2dGeometry& g, float oy, float ox);

}  // namespace convstep
