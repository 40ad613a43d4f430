#version 330 core
// A heatmap grid in passes (app/gfx/heatmap_shader.h says what each uniform
// means); this file is compiled four times, with one of these defined on
// the line after #version:
//   HEATMAP_COLORS       each cell's colour into a cols x rows RGBA8 texture,
//                        only when the values, kinds, palette or range change
//   HEATMAP_CELLS        the grid on the screen: that texture, cells < 8 px
//   HEATMAP_CELLS_LINES  the same with 1 px cell borders, cells >= 8 px
//   HEATMAP_OVERLAY      the data edge, the hovered cell or the window's taps,
//                        each drawn on a rectangle just around it
// Every pixel of the grid costs one texture read per frame: on Mesa's
// llvmpipe (software) each read costs about as much as the rest together.
// Lengths are display pixels (Dear ImGui's units): a capture at 2x draws
// the same picture with twice the pixels.
#if !defined(HEATMAP_COLORS) && !defined(HEATMAP_CELLS) && !defined(HEATMAP_CELLS_LINES) && \
    !defined(HEATMAP_OVERLAY)
#define HEATMAP_CELLS
#endif

in vec2 v_pos;
in vec2 v_cells;
out vec4 out_color;

#if defined(HEATMAP_COLORS)

uniform sampler2D u_values;   // R32F, cols x rows, one texel per cell
uniform sampler2D u_kinds;    // R8: 0 data, 1 padding, 2 blank (and NaN), 3 dropped
uniform sampler2D u_palette;  // RGBA8, 256 x 1
uniform vec2 u_range;         // lo, hi (hi <= lo: every value has t = 0.5)
uniform vec4 u_padding_color;
uniform vec4 u_blank_color;
uniform vec4 u_dropped_color;

void main() {
  ivec2 cell = ivec2(floor(v_cells));
  int kind = int(texelFetch(u_kinds, cell, 0).r * 255.0 + 0.5);
  float v = texelFetch(u_values, cell, 0).r;
  float t = u_range.y > u_range.x ? clamp((v - u_range.x) / (u_range.y - u_range.x), 0.0, 1.0) : 0.5;
  vec4 color = texelFetch(u_palette, ivec2(clamp(int(floor(t * 255.0 + 0.5)), 0, 255), 0), 0);
  if (kind == 1) color = u_padding_color;
  else if (kind == 2) color = u_blank_color;
  else if (kind == 3) color = u_dropped_color;
  out_color = color;
}

#elif defined(HEATMAP_CELLS)

uniform sampler2D u_colors;  // RGBA8, cols x rows, from the colour pass
uniform ivec2 u_size;        // cols, rows

// Nothing but one nearest-texel read: llvmpipe draws this as fast as
// ImGui's own images.
void main() {
  out_color = texture(u_colors, v_cells / vec2(u_size));
}

#elif defined(HEATMAP_CELLS_LINES)

uniform sampler2D u_colors;  // RGBA8, cols x rows, from the colour pass
uniform ivec2 u_size;        // cols, rows
uniform float u_cell;
uniform vec4 u_line_color;

void main() {
  vec2 n = floor(v_cells);
  vec4 color = texelFetch(u_colors, clamp(ivec2(n), ivec2(0), u_size - 1), 0);
  // As ImGui draws a 1 px line at x: the pixels whose centre is in [x, x + 1).
  // The rectangle reaches 1 px past the last cell for the last borders,
  // where the line is all there is.
  vec2 from_line = (v_cells - n) * u_cell;
  if (min(from_line.x, from_line.y) < 1.0) {
    bool inside = all(lessThan(n, vec2(u_size)));
    color = inside ? vec4(mix(color.rgb, u_line_color.rgb, u_line_color.a), color.a) : u_line_color;
  }
  out_color = color;
}

#else  // HEATMAP_OVERLAY

uniform int u_part;  // 0 the data edge, 1 the hovered cell, 2 the window
uniform float u_cell;
uniform float u_px;  // one framebuffer pixel in display pixels

uniform vec4 u_edge;  // x0, y0, x1, y1 of the data region, display coordinates
uniform vec4 u_edge_color;

uniform ivec2 u_hover;  // x, y in cells
uniform vec4 u_hover_color;
uniform float u_hover_thickness;

uniform vec2 u_win;    // x, y of the first tap, in cells
uniform ivec2 u_taps;  // taps across, down
uniform ivec2 u_dil;   // cells between taps across, down
uniform vec4 u_win_color;
uniform float u_win_thickness;

// True when the pixel lies on the outline of the one-cell box whose
// top-left corner is `box` (cells), drawn inside the box, `thickness` wide.
bool OnBox(vec2 box, float thickness) {
  vec2 local = (v_cells - box) * u_cell;  // display pixels from the box's corner
  if (any(lessThan(local, vec2(0.0))) || any(greaterThanEqual(local, vec2(u_cell)))) return false;
  vec2 far = vec2(u_cell) - local;
  return min(min(local.x, local.y), min(far.x, far.y)) < thickness;
}

void main() {
  vec4 color = vec4(0.0);
  if (u_part == 0) {
    // A 1.5 px line centred on the rectangle's outline, its sides smoothed.
    vec2 centre = (u_edge.xy + u_edge.zw) * 0.5;
    vec2 q = abs(v_pos - centre) - (u_edge.zw - u_edge.xy) * 0.5;
    float d = abs(length(max(q, vec2(0.0))) + min(max(q.x, q.y), 0.0));
    float coverage = clamp((0.75 - d) / u_px + 0.5, 0.0, 1.0);
    color = vec4(u_edge_color.rgb, u_edge_color.a * coverage);
  } else if (u_part == 1) {
    if (OnBox(vec2(u_hover), u_hover_thickness)) color = u_hover_color;
  } else {
    // Only the taps: the cells between them (dilation) stay as they are.
    vec2 tap = floor((v_cells - u_win) / vec2(u_dil));
    if (all(greaterThanEqual(tap, vec2(0.0))) && all(lessThan(tap, vec2(u_taps))) &&
        OnBox(u_win + tap * vec2(u_dil), u_win_thickness)) {
      color = u_win_color;
    }
  }
  if (color.a <= 0.0) discard;
  out_color = color;
}

#endif
