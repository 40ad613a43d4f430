// The window's colour themes: dark (the default), light (for bright lecture
// halls and printed slides) and high contrast (for projectors that wash
// colours out). ImGui's style carries the widgets' colours; ThemeColors
// carries the ones the panels draw themselves.
#pragma once

#include "app/state/appearance.h"
#include "imgui.h"

namespace convstep {

struct ThemeColors {
  ImU32 padding_fill;   // the padding ring around the input
  ImU32 dropped_fill;   // input cells the kernel never reaches
  ImU32 empty_fill;     // output cells not computed yet
  ImU32 data_edge;      // the frame around the real (unpadded) data
  ImU32 link;           // hover links between input and output
  ImU32 grid_line;      // between cells
  ImU32 title;          // panel titles
  ImU32 error;          // error text
  ImU32 winner;         // the pooling window's maximum
  ImVec4 background;    // behind every window (the clear colour)
};

// The colours of the theme last applied (dark before any).
const ThemeColors& CurrentColors();
// Sets ImGui's style colours and CurrentColors() for `theme`. The window
// clears to `background`, the colour of the windows' own backgrounds.
void ApplyTheme(Theme theme);

}  // namespace convstep
