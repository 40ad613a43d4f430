// A 1-D signal drawn as a waveform rather than a strip of cells: a line
// through its samples (their range per pixel when there are more samples
// than pixels), dots on the samples once they are far enough apart to
// tell, the padding faded, the current window as a band with its taps, and
// ticks in samples or seconds. It zooms and pans along time like a grid
// (wheel, drag, +/−/0, double-click) and shares the grids' zoom group, so
// the input's and the output's waveforms stay on one time axis.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/state/grid_zoom.h"
#include "app/widgets/grid_view.h"
#include "imgui.h"

namespace convstep {

// A stretch of positions [from, to) drawn as a band behind the line.
struct WaveBand {
  float from = 0;
  float to = 1;
  ImU32 color = 0;
};

struct WaveformDraw {
  std::string name;                 // as a grid's: "input/0", "output/1"
  std::string caption;
  ImU32 caption_color = 0;
  ImU32 line_color = 0;
  std::vector<double> values;       // one per position; NaN: none yet (an output not reached)
  std::vector<uint8_t> faded;       // 1 marks a padding position
  double lo = -1;                   // the value range drawn, shared by the channels
  double hi = 1;
  float width = 300;                // the plot's size in pixels
  float height = 80;
  std::vector<WaveBand> bands;      // the window, the hovered output's window
  std::vector<int> taps;            // positions the window reads (dilation leaves holes)
  ImU32 tap_color = 0;
  std::optional<int> current;       // an output position being computed, outlined in red
  std::optional<float> playhead;    // the point of the axis a playing sound has reached
  std::function<std::string(int)> tick;  // the label of position i; empty: its index
  int tick_origin = 0;              // ticks fall on positions tick_origin + k·n (the data's first sample)
  // Where the positions sit on the time axis the plots share: position i
  // spans [offset + i·scale, offset + (i + 1)·scale) of an axis `axis`
  // units long. The input's positions are the axis (offset 0, scale 1); an
  // output's are placed under the centres of their windows, so one output
  // sits under what it read.
  double offset = 0;
  double scale = 1;
  int axis = 0;                     // 0: the positions themselves
  std::map<std::string, GridZoom>* zooms = nullptr;
  std::string zoom_key;             // the plots of one axis share one view
  std::optional<float> follow;      // a point of the axis the zoomed view keeps in sight
  bool follow_always = false;
};

// Draws at the cursor and advances past it; the hit's x is the position
// under the mouse (y is 0).
GridHit DrawWaveform(const WaveformDraw& wave);

// The height of the tick labels and caption around a plot.
float WaveformChromeHeight();

}  // namespace convstep
