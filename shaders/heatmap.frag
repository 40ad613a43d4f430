#version 330 core
// One heatmap grid (app/gfx/heatmap_shader.h says what each uniform means).
// Everything is measured in display pixels (Dear ImGui's units): a capture
// at 2x draws the same picture with twice the pixels.
// Layers, bottom to top: the cell's colour, cell borders, the edge of the
// data region, the hovered cell, the window's taps.

uniform sampler2D u_values;   // R32F, cols x rows, one texel per cell
uniform sampler2D u_kinds;    // R8, 0 data, 1 padding, 2 blank, 3 dropped
uniform sampler2D u_palette;  // RGBA8, 256 x 1

uniform ivec2 u_size;    // cols, rows
uniform vec2 u_origin;   // where cell (0, 0)'s top-left corner is
uniform float u_cell;    // side of a cell
uniform vec2 u_range;    // lo, hi (lo == hi: every value is t = 0.5)
uniform vec4 u_padding_color;
uniform vec4 u_blank_color;
uniform vec4 u_dropped_color;
uniform vec4 u_line_color;
uniform bool u_lines;    // cell borders (cells of 8 px and more)
uniform float u_px;      // one framebuffer pixel in display pixels

uniform bool u_has_edge;
uniform vec4 u_edge;     // x0, y0, x1, y1 of the data region, display coordinates
uniform vec4 u_edge_color;

uniform bool u_has_window;
uniform vec2 u_win;      // x, y of the first tap, in cells
uniform ivec2 u_taps;    // taps across, down
uniform ivec2 u_dil;     // cells between taps across, down
uniform vec4 u_win_color;
uniform float u_win_thickness;

uniform bool u_has_hover;
uniform ivec2 u_hover;   // x, y in cells
uniform vec4 u_hover_color;
uniform float u_hover_thickness;

in vec2 v_pos;
out vec4 out_color;

vec4 Over(vec4 below, vec4 above) {
  float a = above.a + below.a * (1.0 - above.a);
  if (a <= 0.0) return vec4(0.0);
  return vec4((above.rgb * above.a + below.rgb * below.a * (1.0 - above.a)) / a, a);
}

// True when the pixel lies on the outline of the box of one cell whose
// top-left corner is `box` (cells), drawn inside the box, `thickness` wide.
bool OnBox(vec2 cells, vec2 box, float thickness) {
  vec2 local = (cells - box) * u_cell;  // display pixels from the box's corner
  if (any(lessThan(local, vec2(0.0))) || any(greaterThanEqual(local, vec2(u_cell)))) return false;
  vec2 far = vec2(u_cell) - local;
  return min(min(local.x, local.y), min(far.x, far.y)) < thickness;
}

void main() {
  vec2 cells = (v_pos - u_origin) / u_cell;  // position in cells: x across, y down
  ivec2 cell = ivec2(floor(cells));
  bool inside = all(greaterThanEqual(cell, ivec2(0))) && all(lessThan(cell, u_size));
  vec4 color = vec4(0.0);

  if (inside) {
    int kind = int(texelFetch(u_kinds, cell, 0).r * 255.0 + 0.5);
    if (kind == 1) {
      color = u_padding_color;
    } else if (kind == 2) {
      color = u_blank_color;
    } else if (kind == 3) {
      color = u_dropped_color;
    } else {
      float v = texelFetch(u_values, cell, 0).r;
      float t = u_range.y > u_range.x ? clamp((v - u_range.x) / (u_range.y - u_range.x), 0.0, 1.0) : 0.5;
      int index = clamp(int(floor(t * 255.0 + 0.5)), 0, 255);
      color = texelFetch(u_palette, ivec2(index, 0), 0);
    }
  }

  if (u_lines) {
    // As ImGui draws a 1 px line at x: the pixels whose centre is in [x, x + 1).
    vec2 end = u_origin + vec2(u_size) * u_cell;
    vec2 n = floor(cells);
    vec2 from_line = v_pos - (u_origin + n * u_cell);
    bool within = all(greaterThanEqual(v_pos, u_origin)) && all(lessThan(v_pos, end + vec2(1.0)));
    bool on_x = from_line.x < 1.0 && n.x >= 0.0 && n.x <= float(u_size.x);
    bool on_y = from_line.y < 1.0 && n.y >= 0.0 && n.y <= float(u_size.y);
    if (within && (on_x || on_y)) color = Over(color, u_line_color);
  }

  if (u_has_edge) {
    // A 1.5 px line centred on the rectangle's outline, its ends smoothed.
    vec2 centre = (u_edge.xy + u_edge.zw) * 0.5;
    vec2 q = abs(v_pos - centre) - (u_edge.zw - u_edge.xy) * 0.5;
    float d = abs(length(max(q, vec2(0.0))) + min(max(q.x, q.y), 0.0));
    float coverage = clamp((0.75 - d) / u_px + 0.5, 0.0, 1.0);
    if (coverage > 0.0) color = Over(color, vec4(u_edge_color.rgb, u_edge_color.a * coverage));
  }

  if (u_has_hover && OnBox(cells, vec2(u_hover), u_hover_thickness)) color = Over(color, u_hover_color);

  if (u_has_window) {
    // Only the taps: the cells between them (dilation) stay as they are.
    vec2 tap = floor((cells - u_win) / vec2(u_dil));
    if (all(greaterThanEqual(tap, vec2(0.0))) && all(lessThan(tap, vec2(u_taps))) &&
        OnBox(cells, u_win + tap * vec2(u_dil), u_win_thickness)) {
      color = Over(color, u_win_color);
    }
  }

  if (color.a <= 0.0) discard;
  out_color = color;
}
