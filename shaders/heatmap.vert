#version 330 core
// One heatmap grid as one quad (app/gfx/heatmap_shader.cpp). The four
// corners come from gl_VertexID (a triangle strip), so no vertex buffer is
// needed; positions are Dear ImGui's display coordinates, turned into clip
// space by the same orthographic matrix ImGui's OpenGL3 backend uses.

uniform mat4 u_proj;  // display coordinates -> clip space
uniform vec4 u_quad;  // x0, y0, x1, y1 of the visible part, display coordinates

out vec2 v_pos;  // display coordinates, interpolated to each pixel's centre

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
  v_pos = mix(u_quad.xy, u_quad.zw, corner);
  gl_Position = u_proj * vec4(v_pos, 0.0, 1.0);
}
