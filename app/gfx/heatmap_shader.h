// One heatmap grid drawn by shaders (shaders/heatmap.vert, heatmap.frag)
// inside Dear ImGui's draw list: the cells' values, their kinds and the
// palette are textures uploaded only when they change; each cell's colour
// is computed on the GPU into a texture when those or the range change;
// each frame then draws one quad over the visible cells (with the 1 px
// borders when cells are 8 px or more) and small quads for the data
// region's edge, the hovered cell and the window's taps. A 256×256 grid
// costs a few quads instead of 65,536 colours computed and compared on the
// CPU every frame.
//
// The shaders are compiled on first use from sources compiled into the
// program. When they cannot be (HeatmapShaderAvailable() is false, the
// reason in HeatmapShaderError()), callers draw as before (GridTexture +
// ImGui lines), with HeatmapCellColor for the same colours.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "imgui.h"

namespace convstep::gfx {

// What a cell shows, one byte per cell in HeatmapGrid::kinds.
enum HeatmapKind : uint8_t {
  kHeatmapData = 0,     // the value, coloured by the palette
  kHeatmapPadding = 1,  // padding_color
  kHeatmapBlank = 2,    // blank_color (an output not computed yet); NaN values too
  kHeatmapDropped = 3,  // dropped_color
};

struct HeatmapGrid {
  // The cells, row-major (rows × cols). Read during DrawHeatmap only, and
  // only when data_revision differs from the one last drawn for this id.
  int rows = 0;
  int cols = 0;
  const float* values = nullptr;   // NaN draws as blank
  const uint8_t* kinds = nullptr;  // HeatmapKind per cell; nullptr: every cell is data
  uint64_t data_revision = 0;      // change it whenever values or kinds change

  // 256 ImU32 colours; a value v takes palette[round(255 t)] with
  // t = clamp((v - lo) / (hi - lo), 0, 1), and t = 0.5 when hi <= lo.
  const uint32_t* palette = nullptr;
  uint64_t palette_revision = 0;  // change it whenever the palette changes
  float lo = 0.0f;
  float hi = 1.0f;

  ImU32 padding_color = IM_COL32(60, 60, 60, 255);
  ImU32 blank_color = IM_COL32(30, 30, 30, 255);
  ImU32 dropped_color = IM_COL32(90, 40, 40, 255);
  ImU32 line_color = IM_COL32(0, 0, 0, 255);  // 1 px cell borders, when cell >= 8 px

  // Placement, in ImGui's screen coordinates: cell (0, 0)'s top-left corner
  // and the side of a cell (either may put cells outside the visible area),
  // and the rectangle (x0, y0, x1, y1) outside which nothing is drawn (also
  // cut to the draw list's clip rectangle; empty: only that one).
  ImVec2 origin;
  float cell = 16.0f;
  ImVec4 clip;

  // The data region inside a padding ring, in cells: a 1.5 px outline.
  bool has_data_edge = false;
  float edge_y = 0, edge_x = 0, edge_h = 0, edge_w = 0;
  ImU32 edge_color = IM_COL32(255, 255, 255, 255);

  // The current window: taps_h × taps_w one-cell boxes, the first at
  // (win_y, win_x) in cells, dil_h and dil_w cells apart (dilation holes
  // are left as they are).
  bool has_window = false;
  float win_y = 0, win_x = 0;
  int taps_h = 1, taps_w = 1;
  int dil_h = 1, dil_w = 1;
  ImU32 win_color = IM_COL32(255, 200, 0, 255);
  float win_thickness = 2.0f;

  // The hovered cell's outline; hover_y < 0 for none.
  int hover_y = -1, hover_x = -1;
  ImU32 hover_color = IM_COL32(255, 255, 255, 255);
  float hover_thickness = 2.0f;
};

// The colour the shader gives cell (row, col), computed on the CPU: for a
// fallback that must look the same (its borders and outlines are the
// caller's).
ImU32 HeatmapCellColor(const HeatmapGrid& grid, int row, int col);

// Compiles and links the shader the first time it is asked (needs the GL
// context current); false when that failed.
bool HeatmapShaderAvailable();
// Why it failed, one line ("heatmap shader: fragment: 0:12(3): error: ..."),
// or empty.
const std::string& HeatmapShaderError();

// Adds `grid` to `draw` as one callback (and ImDrawCallback_ResetRenderState
// after it, so ImGui's OpenGL3 backend restores its state). Textures are
// kept per `id` and uploaded here, when a revision or the size changed.
// True when the shader took the grid (also when none of it is inside
// `clip`: then nothing is added). False, and nothing added, when the shader
// is unavailable or the grid has no cells, no values or no palette, or is
// larger than the driver's textures: the caller draws it the old way.
bool DrawHeatmap(ImDrawList* draw, ImGuiID id, const HeatmapGrid& grid);

// Deletes the textures, the programs and the vertex array (the next use
// builds them again): before the GL context goes away, which Window's
// destructor does itself; never between DrawHeatmap and the frame's render.
void ReleaseHeatmapTextures();

// Tests only: drops the program and compiles these sources at the next use
// (empty: the embedded ones).
void ResetHeatmapShaderForTest(std::string_view vertex_source, std::string_view fragment_source);

}  // namespace convstep::gfx
