#version 330 core
// One rectangle of a heatmap grid (app/gfx/heatmap_shader.cpp). The four
// corners come from gl_VertexID (a triangle strip), so no vertex buffer is
// needed. Positions are in Dear ImGui's display coordinates, turned into
// clip space by the orthographic matrix ImGui's OpenGL3 backend uses (for
// the colour pass: cells into the colour texture's pixels).

uniform mat4 u_proj;    // display coordinates -> clip space
uniform vec4 u_quad;    // x0, y0, x1, y1 of the rectangle, display coordinates
uniform vec2 u_origin;  // where cell (0, 0)'s top-left corner is
uniform float u_cell;   // side of a cell

out vec2 v_pos;    // display coordinates, interpolated to each pixel's centre
out vec2 v_cells;  // the same point in cells: x across, y down

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
  v_pos = mix(u_quad.xy, u_quad.zw, corner);
  v_cells = (v_pos - u_origin) / u_cell;
  gl_Position = u_proj * vec4(v_pos, 0.0, 1.0);
}
