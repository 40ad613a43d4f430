// Index of this file:
// [SECTION] The program: sources, compiling, the one-line error
// [SECTION] Textures kept per grid
// [SECTION] The draw callback
// [SECTION] DrawHeatmap and releasing

#include "app/gfx/heatmap_shader.h"

#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <unordered_map>
#include <vector>

#include "app/gfx/heatmap_shader_sources.h"  // generated from shaders/ (app/gfx/embed_shaders.cmake)

namespace convstep::gfx {

namespace {

// [SECTION] The program: sources, compiling, the one-line error

struct Program {
  bool tried = false;
  GLuint program = 0;
  GLuint vao = 0;
  std::string error;
  std::string vertex_source;    // empty: the embedded one
  std::string fragment_source;  // empty: the embedded one
  // Uniform locations.
  GLint proj, quad, values, kinds, palette, size, origin, cell, range, padding_color, blank_color, dropped_color,
      line_color, lines, px, has_edge, edge, edge_color, has_window, win, taps, dil, win_color, win_thickness,
      has_hover, hover, hover_color, hover_thickness;
};
Program g_program;

// The driver's log as one line: its lines joined with "; ", no trailing
// newline or NUL.
std::string OneLine(std::string log) {
  while (!log.empty() && (log.back() == '\n' || log.back() == '\0' || log.back() == ' ')) log.pop_back();
  std::string out;
  for (char ch : log) {
    if (ch == '\n') out += "; ";
    else if (ch != '\r' && ch != '\0') out += ch;
  }
  return out;
}

GLuint CompileStage(GLenum stage, const std::string& source, const char* name, std::string* error) {
  const GLuint shader = glCreateShader(stage);
  const GLchar* text = source.c_str();
  const GLint length = static_cast<GLint>(source.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == GL_TRUE) return shader;
  GLint size = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &size);
  std::string log(static_cast<size_t>(std::max(size, 1)), '\0');
  glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
  glDeleteShader(shader);
  log = OneLine(log);
  *error = std::string("heatmap shader: ") + name + ": " + (log.empty() ? "error: did not compile" : log);
  return 0;
}

bool Build(Program& p) {
  p.tried = true;
  const std::string vertex = p.vertex_source.empty() ? std::string(kHeatmapVertexSource) : p.vertex_source;
  const std::string fragment = p.fragment_source.empty() ? std::string(kHeatmapFragmentSource) : p.fragment_source;
  const GLuint vs = CompileStage(GL_VERTEX_SHADER, vertex, "vertex", &p.error);
  if (vs == 0) return false;
  const GLuint fs = CompileStage(GL_FRAGMENT_SHADER, fragment, "fragment", &p.error);
  if (fs == 0) {
    glDeleteShader(vs);
    return false;
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDetachShader(program, vs);
  glDetachShader(program, fs);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    GLint size = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &size);
    std::string log(static_cast<size_t>(std::max(size, 1)), '\0');
    glGetProgramInfoLog(program, static_cast<GLsizei>(log.size()), nullptr, log.data());
    glDeleteProgram(program);
    log = OneLine(log);
    p.error = "heatmap shader: link: " + (log.empty() ? std::string("error: did not link") : log);
    return false;
  }
  p.program = program;
  const auto at = [program](const char* name) { return glGetUniformLocation(program, name); };
  p.proj = at("u_proj");
  p.quad = at("u_quad");
  p.values = at("u_values");
  p.kinds = at("u_kinds");
  p.palette = at("u_palette");
  p.size = at("u_size");
  p.origin = at("u_origin");
  p.cell = at("u_cell");
  p.range = at("u_range");
  p.padding_color = at("u_padding_color");
  p.blank_color = at("u_blank_color");
  p.dropped_color = at("u_dropped_color");
  p.line_color = at("u_line_color");
  p.lines = at("u_lines");
  p.px = at("u_px");
  p.has_edge = at("u_has_edge");
  p.edge = at("u_edge");
  p.edge_color = at("u_edge_color");
  p.has_window = at("u_has_window");
  p.win = at("u_win");
  p.taps = at("u_taps");
  p.dil = at("u_dil");
  p.win_color = at("u_win_color");
  p.win_thickness = at("u_win_thickness");
  p.has_hover = at("u_has_hover");
  p.hover = at("u_hover");
  p.hover_color = at("u_hover_color");
  p.hover_thickness = at("u_hover_thickness");
  // Core profiles draw nothing without a vertex array, even one with no
  // buffers (the corners come from gl_VertexID).
  glGenVertexArrays(1, &p.vao);
  p.error.clear();
  return true;
}

void DropProgram(Program& p) {
  if (p.program != 0) glDeleteProgram(p.program);
  if (p.vao != 0) glDeleteVertexArrays(1, &p.vao);
  p.program = 0;
  p.vao = 0;
  p.tried = false;
  p.error.clear();
}

// [SECTION] Textures kept per grid

struct Textures {
  GLuint values = 0;
  GLuint kinds = 0;
  GLuint palette = 0;
  int rows = 0;
  int cols = 0;
  uint64_t data_revision = 0;
  uint64_t palette_revision = 0;
  bool has_data = false;
  bool has_palette = false;
};
std::unordered_map<ImGuiID, Textures> g_textures;

GLuint NewTexture() {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  // No mipmaps: without NEAREST the texture is incomplete and reads as 0.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return texture;
}

void Upload(Textures& t, const HeatmapGrid& grid) {
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  GLint alignment = 0;
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  const bool resized = t.rows != grid.rows || t.cols != grid.cols;
  if (!t.has_data || resized || t.data_revision != grid.data_revision) {
    // NaN becomes a blank cell here, once, rather than trusting isnan() in
    // every driver's shader compiler.
    const size_t n = static_cast<size_t>(grid.rows) * static_cast<size_t>(grid.cols);
    std::vector<float> values(grid.values, grid.values + n);
    std::vector<uint8_t> kinds(n, kHeatmapData);
    if (grid.kinds != nullptr) std::copy(grid.kinds, grid.kinds + n, kinds.begin());
    for (size_t i = 0; i < n; ++i) {
      if (std::isnan(values[i])) {
        values[i] = 0.0f;
        if (kinds[i] == kHeatmapData) kinds[i] = kHeatmapBlank;
      }
    }
    if (t.values == 0) t.values = NewTexture();
    glBindTexture(GL_TEXTURE_2D, t.values);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, grid.cols, grid.rows, 0, GL_RED, GL_FLOAT, values.data());
    if (t.kinds == 0) t.kinds = NewTexture();
    glBindTexture(GL_TEXTURE_2D, t.kinds);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, grid.cols, grid.rows, 0, GL_RED, GL_UNSIGNED_BYTE, kinds.data());
    t.rows = grid.rows;
    t.cols = grid.cols;
    t.data_revision = grid.data_revision;
    t.has_data = true;
  }
  if (!t.has_palette || t.palette_revision != grid.palette_revision) {
    if (t.palette == 0) t.palette = NewTexture();
    glBindTexture(GL_TEXTURE_2D, t.palette);
    // ImU32 is 0xAABBGGRR: in memory on little-endian that is R, G, B, A.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, grid.palette);
    t.palette_revision = grid.palette_revision;
    t.has_palette = true;
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
}

void DeleteTextures(Textures& t) {
  const GLuint names[] = {t.values, t.kinds, t.palette};
  for (GLuint name : names) {
    if (name != 0) glDeleteTextures(1, &name);
  }
  t = Textures{};
}

// [SECTION] The draw callback

// What one callback draws: everything already in display coordinates.
struct Draw {
  const Textures* textures = nullptr;
  ImVec4 quad;  // the visible part, x0 y0 x1 y1
  HeatmapGrid grid;  // its pointers are not read after DrawHeatmap
  ImVec4 edge;  // the data region, x0 y0 x1 y1
};
// The draws of the frame being built; the draw list points into it until
// the next frame (a capture renders the same frame again after Render).
std::deque<Draw> g_draws;
int g_draws_frame = -1;

void SetColor(GLint location, ImU32 color) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
  glUniform4f(location, c.x, c.y, c.z, c.w);
}

void DrawCallback(const ImDrawList*, const ImDrawCmd* cmd) {
  const Draw& d = *static_cast<const Draw*>(cmd->UserCallbackData);
  const Program& p = g_program;
  if (p.program == 0 || d.textures == nullptr) return;

  // ImGui's OpenGL3 backend has set up its program, its projection and a
  // viewport covering the framebuffer: the same projection maps our display
  // coordinates, and the framebuffer's size against the display's gives the
  // scale (FramebufferScale, 2 in a 2x capture) for the scissor.
  float proj[16] = {};
  GLint current = 0;
  glGetIntegerv(GL_CURRENT_PROGRAM, &current);
  const GLint backend_proj = current != 0 ? glGetUniformLocation(static_cast<GLuint>(current), "ProjMtx") : -1;
  ImVec2 display_pos;
  ImVec2 display_size;
  if (backend_proj >= 0) {
    glGetUniformfv(static_cast<GLuint>(current), backend_proj, proj);
    display_size = ImVec2(2.0f / proj[0], -2.0f / proj[5]);
    display_pos = ImVec2(-display_size.x * (1.0f + proj[12]) * 0.5f, display_size.y * (proj[13] - 1.0f) * 0.5f);
  } else {
    const ImDrawData* data = ImGui::GetDrawData();
    if (data == nullptr) return;
    display_pos = data->DisplayPos;
    display_size = data->DisplaySize;
    const float l = display_pos.x, r = display_pos.x + display_size.x;
    const float t = display_pos.y, b = display_pos.y + display_size.y;
    const float ortho[16] = {2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0,
                             (r + l) / (l - r), (t + b) / (b - t), 0, 1};
    std::copy(std::begin(ortho), std::end(ortho), std::begin(proj));
  }
  GLint viewport[4] = {};
  glGetIntegerv(GL_VIEWPORT, viewport);
  if (display_size.x <= 0 || display_size.y <= 0) return;
  const ImVec2 scale(static_cast<float>(viewport[2]) / display_size.x,
                     static_cast<float>(viewport[3]) / display_size.y);

  // The draw command's clip rectangle, as the backend turns it into a
  // scissor box (GL counts rows from the bottom).
  const ImVec2 clip_min((cmd->ClipRect.x - display_pos.x) * scale.x, (cmd->ClipRect.y - display_pos.y) * scale.y);
  const ImVec2 clip_max((cmd->ClipRect.z - display_pos.x) * scale.x, (cmd->ClipRect.w - display_pos.y) * scale.y);
  if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) return;
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<GLint>(clip_min.x), static_cast<GLint>(static_cast<float>(viewport[3]) - clip_max.y),
            static_cast<GLsizei>(clip_max.x - clip_min.x), static_cast<GLsizei>(clip_max.y - clip_min.y));

  const HeatmapGrid& g = d.grid;
  glUseProgram(p.program);
  glUniformMatrix4fv(p.proj, 1, GL_FALSE, proj);
  glUniform4f(p.quad, d.quad.x, d.quad.y, d.quad.z, d.quad.w);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, d.textures->values);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, d.textures->kinds);
  glActiveTexture(GL_TEXTURE2);
  glBindTexture(GL_TEXTURE_2D, d.textures->palette);
  glUniform1i(p.values, 0);
  glUniform1i(p.kinds, 1);
  glUniform1i(p.palette, 2);
  glUniform2i(p.size, g.cols, g.rows);
  glUniform2f(p.origin, g.origin.x, g.origin.y);
  glUniform1f(p.cell, g.cell);
  glUniform2f(p.range, g.lo, g.hi);
  SetColor(p.padding_color, g.padding_color);
  SetColor(p.blank_color, g.blank_color);
  SetColor(p.dropped_color, g.dropped_color);
  SetColor(p.line_color, g.line_color);
  glUniform1i(p.lines, g.cell >= 8.0f ? 1 : 0);
  glUniform1f(p.px, 1.0f / std::max(scale.x, 1e-6f));
  glUniform1i(p.has_edge, g.has_data_edge ? 1 : 0);
  glUniform4f(p.edge, d.edge.x, d.edge.y, d.edge.z, d.edge.w);
  SetColor(p.edge_color, g.edge_color);
  glUniform1i(p.has_window, g.has_window ? 1 : 0);
  glUniform2f(p.win, g.win_x, g.win_y);
  glUniform2i(p.taps, g.taps_w, g.taps_h);
  glUniform2i(p.dil, g.dil_w, g.dil_h);
  SetColor(p.win_color, g.win_color);
  glUniform1f(p.win_thickness, g.win_thickness);
  glUniform1i(p.has_hover, g.hover_y >= 0 && g.hover_x >= 0 ? 1 : 0);
  glUniform2i(p.hover, g.hover_x, g.hover_y);
  SetColor(p.hover_color, g.hover_color);
  glUniform1f(p.hover_thickness, g.hover_thickness);
  glBindVertexArray(p.vao);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  glBindVertexArray(0);
  // The backend sets its program, vertex array and texture on unit 0 again
  // (ImDrawCallback_ResetRenderState and each command), but not which unit
  // is active.
  glActiveTexture(GL_TEXTURE0);
}

}  // namespace

// [SECTION] DrawHeatmap and releasing

bool HeatmapShaderAvailable() {
  if (!g_program.tried && !Build(g_program)) std::fprintf(stderr, "%s\n", g_program.error.c_str());
  return g_program.program != 0;
}

const std::string& HeatmapShaderError() { return g_program.error; }

bool DrawHeatmap(ImDrawList* draw, ImGuiID id, const HeatmapGrid& grid) {
  if (draw == nullptr || !HeatmapShaderAvailable()) return false;
  if (grid.rows <= 0 || grid.cols <= 0 || grid.values == nullptr || grid.palette == nullptr) return false;
  if (!(grid.cell > 0.0f) || !std::isfinite(grid.cell)) return false;
  GLint largest = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &largest);
  if (grid.rows > largest || grid.cols > largest) return false;

  // The quad: the grid and a margin for the lines drawn just outside it (the
  // last cell border, the data edge, outlines), cut to the clip rectangle.
  const float margin = 2.0f;
  const ImVec2 end(grid.origin.x + grid.cell * static_cast<float>(grid.cols),
                   grid.origin.y + grid.cell * static_cast<float>(grid.rows));
  // An empty clip (the default) means the draw list's own.
  const ImVec2 list_min = draw->GetClipRectMin();
  const ImVec2 list_max = draw->GetClipRectMax();
  const bool own_clip = grid.clip.z > grid.clip.x && grid.clip.w > grid.clip.y;
  const ImVec4 clip = own_clip ? ImVec4(std::max(grid.clip.x, list_min.x), std::max(grid.clip.y, list_min.y),
                                        std::min(grid.clip.z, list_max.x), std::min(grid.clip.w, list_max.y))
                               : ImVec4(list_min.x, list_min.y, list_max.x, list_max.y);
  const ImVec4 quad(std::max(grid.origin.x - margin, clip.x), std::max(grid.origin.y - margin, clip.y),
                    std::min(end.x + margin, clip.z), std::min(end.y + margin, clip.w));
  if (!(quad.z > quad.x && quad.w > quad.y)) return true;  // nothing of it is visible

  Textures& textures = g_textures[id];
  Upload(textures, grid);

  const int frame = ImGui::GetCurrentContext() != nullptr ? ImGui::GetFrameCount() : 0;
  if (frame != g_draws_frame) {
    g_draws.clear();
    g_draws_frame = frame;
  }
  Draw& d = g_draws.emplace_back();
  d.textures = &textures;
  d.quad = quad;
  d.grid = grid;
  d.grid.values = nullptr;
  d.grid.kinds = nullptr;
  d.grid.palette = nullptr;
  if (!std::isfinite(d.grid.lo) || !std::isfinite(d.grid.hi)) d.grid.lo = d.grid.hi = 0.0f;
  d.grid.dil_h = std::max(d.grid.dil_h, 1);
  d.grid.dil_w = std::max(d.grid.dil_w, 1);
  d.edge = ImVec4(grid.origin.x + grid.edge_x * grid.cell, grid.origin.y + grid.edge_y * grid.cell,
                  grid.origin.x + (grid.edge_x + grid.edge_w) * grid.cell,
                  grid.origin.y + (grid.edge_y + grid.edge_h) * grid.cell);
  draw->AddCallback(DrawCallback, &d);
  draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  return true;
}

void ReleaseHeatmapTextures() {
  for (auto& [id, textures] : g_textures) DeleteTextures(textures);
  g_textures.clear();
  g_draws.clear();
  g_draws_frame = -1;
  const std::string vertex = g_program.vertex_source;
  const std::string fragment = g_program.fragment_source;
  DropProgram(g_program);
  g_program.vertex_source = vertex;
  g_program.fragment_source = fragment;
}

void ResetHeatmapShaderForTest(std::string_view vertex_source, std::string_view fragment_source) {
  DropProgram(g_program);
  g_program.vertex_source = std::string(vertex_source);
  g_program.fragment_source = std::string(fragment_source);
}

}  // namespace convstep::gfx
