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

#include "app/gfx/grid_texture.h"
#include "app/gfx/heatmap_shader_sources.h"  // generated from shaders/ (app/gfx/embed_shaders.cmake)

namespace convstep::gfx {

namespace {

// [SECTION] The program: sources, compiling, the one-line error

// One program per pass of shaders/heatmap.frag (see its opening comment).
enum Pass { kColors, kCells, kCellsLines, kOverlay, kPassCount };
constexpr const char* kPassDefines[kPassCount] = {"HEATMAP_COLORS", "HEATMAP_CELLS", "HEATMAP_CELLS_LINES",
                                                  "HEATMAP_OVERLAY"};

struct Programs {
  bool tried = false;
  GLuint program[kPassCount] = {};
  GLuint vao = 0;
  GLint max_texture_size = 0;
  std::string error;
  std::string vertex_source;    // empty: the embedded one
  std::string fragment_source;  // empty: the embedded one
};
Programs g_programs;

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

// `source` with `#define name` after its #version line, and a #line that
// keeps the driver's line numbers those of the file.
std::string WithDefine(const std::string& source, const char* name) {
  const size_t eol = source.find('\n');
  if (eol == std::string::npos) return source;
  return source.substr(0, eol + 1) + "#define " + name + "\n#line 2\n" + source.substr(eol + 1);
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

GLuint Link(GLuint vs, GLuint fs, std::string* error) {
  const GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDetachShader(program, vs);
  glDetachShader(program, fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok == GL_TRUE) return program;
  GLint size = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &size);
  std::string log(static_cast<size_t>(std::max(size, 1)), '\0');
  glGetProgramInfoLog(program, static_cast<GLsizei>(log.size()), nullptr, log.data());
  glDeleteProgram(program);
  log = OneLine(log);
  *error = "heatmap shader: link: " + (log.empty() ? std::string("error: did not link") : log);
  return 0;
}

void DropPrograms(Programs& p) {
  for (GLuint& program : p.program) {
    if (program != 0) glDeleteProgram(program);
    program = 0;
  }
  if (p.vao != 0) glDeleteVertexArrays(1, &p.vao);
  p.vao = 0;
  p.tried = false;
  p.error.clear();
}

// All the programs, or none and the first error.
bool Build(Programs& p) {
  p.tried = true;
  const std::string vertex = p.vertex_source.empty() ? std::string(kHeatmapVertexSource) : p.vertex_source;
  const std::string fragment = p.fragment_source.empty() ? std::string(kHeatmapFragmentSource) : p.fragment_source;
  const GLuint vs = CompileStage(GL_VERTEX_SHADER, vertex, "vertex", &p.error);
  if (vs == 0) return false;
  for (int pass = 0; pass < kPassCount; ++pass) {
    const GLuint fs = CompileStage(GL_FRAGMENT_SHADER, WithDefine(fragment, kPassDefines[pass]), "fragment", &p.error);
    p.program[pass] = fs != 0 ? Link(vs, fs, &p.error) : 0;
    if (fs != 0) glDeleteShader(fs);
    if (p.program[pass] == 0) {
      glDeleteShader(vs);
      const std::string error = p.error;
      DropPrograms(p);
      p.tried = true;
      p.error = error;
      return false;
    }
  }
  glDeleteShader(vs);
  // Core profiles draw nothing without a vertex array, even one with no
  // buffers (the corners come from gl_VertexID).
  glGenVertexArrays(1, &p.vao);
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &p.max_texture_size);
  p.error.clear();
  return true;
}

// [SECTION] Textures kept per grid

// What the colour texture was last computed from.
struct ColorKey {
  uint64_t data_revision = 0;
  uint64_t palette_revision = 0;
  float lo = 0, hi = 0;
  ImU32 padding = 0, blank = 0, dropped = 0;
  bool operator==(const ColorKey&) const = default;
};

struct Textures {
  GLuint values = 0;   // R32F, the cells' values (NaN as 0, its kind blank)
  GLuint kinds = 0;    // R8
  GLuint palette = 0;  // RGBA8 256 × 1
  GLuint colors = 0;   // RGBA8, each cell's colour: the colour pass's output
  GLuint framebuffer = 0;  // draws into `colors`
  int rows = 0;
  int cols = 0;
  uint64_t data_revision = 0;
  uint64_t palette_revision = 0;
  bool has_data = false;
  bool has_palette = false;
  ColorKey color_key;
  bool colors_valid = false;  // the colour pass has run for color_key
};
std::unordered_map<ImGuiID, Textures> g_textures;

void DeleteTextures(Textures& t) {
  const GLuint names[] = {t.values, t.kinds, t.palette, t.colors};
  for (GLuint name : names) {
    if (name != 0) glDeleteTextures(1, &name);
  }
  if (t.framebuffer != 0) glDeleteFramebuffers(1, &t.framebuffer);
  t = Textures{};
}

// Uploads what changed; false when the colour texture cannot be drawn into.
bool Upload(Textures& t, const HeatmapGrid& grid) {
  GLint bound = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  GLint alignment = 0;
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  bool ok = true;
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
    if (t.values == 0) t.values = NewNearestTexture();
    glBindTexture(GL_TEXTURE_2D, t.values);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, grid.cols, grid.rows, 0, GL_RED, GL_FLOAT, values.data());
    if (t.kinds == 0) t.kinds = NewNearestTexture();
    glBindTexture(GL_TEXTURE_2D, t.kinds);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, grid.cols, grid.rows, 0, GL_RED, GL_UNSIGNED_BYTE, kinds.data());
    if (resized || t.colors == 0) {
      if (t.colors == 0) t.colors = NewNearestTexture();
      glBindTexture(GL_TEXTURE_2D, t.colors);
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, grid.cols, grid.rows, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
      GLint framebuffer = 0;
      glGetIntegerv(GL_FRAMEBUFFER_BINDING, &framebuffer);
      if (t.framebuffer == 0) glGenFramebuffers(1, &t.framebuffer);
      glBindFramebuffer(GL_FRAMEBUFFER, t.framebuffer);
      glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.colors, 0);
      ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
      glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(framebuffer));
    }
    t.rows = grid.rows;
    t.cols = grid.cols;
    t.data_revision = grid.data_revision;
    t.has_data = ok;
    t.colors_valid = false;
  }
  if (!t.has_palette || t.palette_revision != grid.palette_revision) {
    if (t.palette == 0) t.palette = NewNearestTexture();
    glBindTexture(GL_TEXTURE_2D, t.palette);
    // ImU32 is 0xAABBGGRR: in memory on little-endian that is R, G, B, A.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, grid.palette);
    t.palette_revision = grid.palette_revision;
    t.has_palette = true;
    t.colors_valid = false;
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  return ok;
}

// [SECTION] The draw callback

// One rectangle of the overlay pass and what it shows.
struct Overlay {
  ImVec4 rect;  // x0 y0 x1 y1, display coordinates, inside the clip
  int part = 0;  // as u_part: 0 data edge, 1 hovered cell, 2 window
};

// What one callback draws: everything already in display coordinates.
struct Draw {
  Textures* textures = nullptr;
  bool recolor = false;  // run the colour pass first
  ImVec4 cells;          // the cells pass's rectangle (may be empty)
  Overlay overlays[6];
  int overlay_count = 0;
  HeatmapGrid grid;  // its pointers are not read after DrawHeatmap
  ImVec4 edge;       // the data region, x0 y0 x1 y1
};
// The draws of the frame being built; the draw list points into it until
// the next frame (a capture renders the same frame again after Render).
std::deque<Draw> g_draws;
int g_draws_frame = -1;

GLint At(GLuint program, const char* name) { return glGetUniformLocation(program, name); }

void SetColor(GLuint program, const char* name, ImU32 color) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
  glUniform4f(At(program, name), c.x, c.y, c.z, c.w);
}

void SetQuad(GLuint program, const ImVec4& r) { glUniform4f(At(program, "u_quad"), r.x, r.y, r.z, r.w); }

// Each cell's colour into the colour texture: one pixel per cell.
void RunColorPass(const Draw& d) {
  const GLuint program = g_programs.program[kColors];
  const Textures& t = *d.textures;
  GLint framebuffer = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &framebuffer);
  GLint viewport[4] = {};
  glGetIntegerv(GL_VIEWPORT, viewport);
  const GLboolean blend = glIsEnabled(GL_BLEND);
  const GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_FRAMEBUFFER, t.framebuffer);
  glViewport(0, 0, t.cols, t.rows);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glUseProgram(program);
  // Cells (x, y) to pixels (x, y): row y of the texture is row y of the grid.
  const float w = static_cast<float>(t.cols);
  const float h = static_cast<float>(t.rows);
  const float proj[16] = {2.0f / w, 0, 0, 0, 0, 2.0f / h, 0, 0, 0, 0, -1, 0, -1, -1, 0, 1};
  glUniformMatrix4fv(At(program, "u_proj"), 1, GL_FALSE, proj);
  SetQuad(program, ImVec4(0, 0, w, h));
  glUniform2f(At(program, "u_origin"), 0, 0);
  glUniform1f(At(program, "u_cell"), 1);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, t.values);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, t.kinds);
  glActiveTexture(GL_TEXTURE2);
  glBindTexture(GL_TEXTURE_2D, t.palette);
  glUniform1i(At(program, "u_values"), 0);
  glUniform1i(At(program, "u_kinds"), 1);
  glUniform1i(At(program, "u_palette"), 2);
  glUniform2f(At(program, "u_range"), d.grid.lo, d.grid.hi);
  SetColor(program, "u_padding_color", d.grid.padding_color);
  SetColor(program, "u_blank_color", d.grid.blank_color);
  SetColor(program, "u_dropped_color", d.grid.dropped_color);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(framebuffer));
  glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
  if (blend) glEnable(GL_BLEND);
  if (scissor) glEnable(GL_SCISSOR_TEST);
  d.textures->colors_valid = true;
}

void DrawCallback(const ImDrawList*, const ImDrawCmd* cmd) {
  const Draw& d = *static_cast<const Draw*>(cmd->UserCallbackData);
  if (g_programs.vao == 0 || d.textures == nullptr) return;

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
  if (!(display_size.x > 0 && display_size.y > 0)) return;
  const ImVec2 scale(static_cast<float>(viewport[2]) / display_size.x,
                     static_cast<float>(viewport[3]) / display_size.y);

  glBindVertexArray(g_programs.vao);
  if (d.recolor || !d.textures->colors_valid) RunColorPass(d);

  // The draw command's clip rectangle, as the backend turns it into a
  // scissor box (GL counts rows from the bottom).
  const ImVec2 clip_min((cmd->ClipRect.x - display_pos.x) * scale.x, (cmd->ClipRect.y - display_pos.y) * scale.y);
  const ImVec2 clip_max((cmd->ClipRect.z - display_pos.x) * scale.x, (cmd->ClipRect.w - display_pos.y) * scale.y);
  if (clip_max.x > clip_min.x && clip_max.y > clip_min.y) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(clip_min.x), static_cast<GLint>(static_cast<float>(viewport[3]) - clip_max.y),
              static_cast<GLsizei>(clip_max.x - clip_min.x), static_cast<GLsizei>(clip_max.y - clip_min.y));
    const HeatmapGrid& g = d.grid;
    if (d.cells.z > d.cells.x && d.cells.w > d.cells.y) {
      const bool lines = g.cell >= 8.0f;
      const GLuint program = g_programs.program[lines ? kCellsLines : kCells];
      glUseProgram(program);
      glUniformMatrix4fv(At(program, "u_proj"), 1, GL_FALSE, proj);
      SetQuad(program, d.cells);
      glUniform2f(At(program, "u_origin"), g.origin.x, g.origin.y);
      glUniform1f(At(program, "u_cell"), g.cell);
      glActiveTexture(GL_TEXTURE0);
      glBindTexture(GL_TEXTURE_2D, d.textures->colors);
      glUniform1i(At(program, "u_colors"), 0);
      glUniform2i(At(program, "u_size"), g.cols, g.rows);
      if (lines) SetColor(program, "u_line_color", g.line_color);
      glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }
    if (d.overlay_count > 0) {
      const GLuint program = g_programs.program[kOverlay];
      glUseProgram(program);
      glUniformMatrix4fv(At(program, "u_proj"), 1, GL_FALSE, proj);
      glUniform2f(At(program, "u_origin"), g.origin.x, g.origin.y);
      glUniform1f(At(program, "u_cell"), g.cell);
      glUniform1f(At(program, "u_px"), 1.0f / std::max(scale.x, 1e-6f));
      glUniform4f(At(program, "u_edge"), d.edge.x, d.edge.y, d.edge.z, d.edge.w);
      SetColor(program, "u_edge_color", g.edge_color);
      glUniform2i(At(program, "u_hover"), g.hover_x, g.hover_y);
      SetColor(program, "u_hover_color", g.hover_color);
      glUniform1f(At(program, "u_hover_thickness"), g.hover_thickness);
      glUniform2f(At(program, "u_win"), g.win_x, g.win_y);
      glUniform2i(At(program, "u_taps"), g.taps_w, g.taps_h);
      glUniform2i(At(program, "u_dil"), g.dil_w, g.dil_h);
      SetColor(program, "u_win_color", g.win_color);
      glUniform1f(At(program, "u_win_thickness"), g.win_thickness);
      for (int i = 0; i < d.overlay_count; ++i) {
        SetQuad(program, d.overlays[i].rect);
        glUniform1i(At(program, "u_part"), d.overlays[i].part);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
      }
    }
  }
  glBindVertexArray(0);
  // The backend sets its program, vertex array and texture on unit 0 again
  // (ImDrawCallback_ResetRenderState and each command), but not which unit
  // is active.
  glActiveTexture(GL_TEXTURE0);
}

ImVec4 Intersect(const ImVec4& a, const ImVec4& b) {
  return ImVec4(std::max(a.x, b.x), std::max(a.y, b.y), std::min(a.z, b.z), std::min(a.w, b.w));
}
bool Empty(const ImVec4& r) { return !(r.z > r.x && r.w > r.y); }

}  // namespace

// [SECTION] DrawHeatmap and releasing

ImU32 HeatmapCellColor(const HeatmapGrid& grid, int row, int col) {
  const size_t i = static_cast<size_t>(row) * static_cast<size_t>(grid.cols) + static_cast<size_t>(col);
  const float v = grid.values != nullptr ? grid.values[i] : std::nanf("");
  const uint8_t kind = grid.kinds != nullptr ? grid.kinds[i] : static_cast<uint8_t>(kHeatmapData);
  if (kind == kHeatmapPadding) return grid.padding_color;
  if (kind == kHeatmapBlank || std::isnan(v)) return grid.blank_color;
  if (kind == kHeatmapDropped) return grid.dropped_color;
  if (grid.palette == nullptr) return grid.blank_color;
  const bool range = std::isfinite(grid.lo) && std::isfinite(grid.hi) && grid.hi > grid.lo;
  const float t = range ? std::clamp((v - grid.lo) / (grid.hi - grid.lo), 0.0f, 1.0f) : 0.5f;
  return grid.palette[std::clamp(static_cast<int>(std::floor(t * 255.0f + 0.5f)), 0, 255)];
}

bool HeatmapShaderAvailable() {
  if (!g_programs.tried && !Build(g_programs)) std::fprintf(stderr, "%s\n", g_programs.error.c_str());
  return g_programs.vao != 0;
}

const std::string& HeatmapShaderError() { return g_programs.error; }

bool DrawHeatmap(ImDrawList* draw, ImGuiID id, const HeatmapGrid& grid) {
  if (draw == nullptr || !HeatmapShaderAvailable()) return false;
  if (grid.rows <= 0 || grid.cols <= 0 || grid.values == nullptr || grid.palette == nullptr) return false;
  if (!(grid.cell > 0.0f) || !std::isfinite(grid.cell)) return false;
  if (grid.rows > g_programs.max_texture_size || grid.cols > g_programs.max_texture_size) return false;

  // An empty clip (the default) means the draw list's own.
  const ImVec2 list_min = draw->GetClipRectMin();
  const ImVec2 list_max = draw->GetClipRectMax();
  const ImVec4 list_clip(list_min.x, list_min.y, list_max.x, list_max.y);
  const ImVec4 clip = Empty(grid.clip) ? list_clip : Intersect(grid.clip, list_clip);

  Draw d;
  d.grid = grid;
  d.grid.values = nullptr;
  d.grid.kinds = nullptr;
  d.grid.palette = nullptr;
  if (!std::isfinite(d.grid.lo) || !std::isfinite(d.grid.hi)) d.grid.lo = d.grid.hi = 0.0f;
  d.grid.dil_h = std::max(d.grid.dil_h, 1);
  d.grid.dil_w = std::max(d.grid.dil_w, 1);
  const float cell = grid.cell;
  const ImVec2 o = grid.origin;
  const auto cells_rect = [&](float x, float y, float w, float h) {
    return ImVec4(o.x + x * cell, o.y + y * cell, o.x + (x + w) * cell, o.y + (y + h) * cell);
  };
  // The cells, and 1 px more for the last borders.
  const float line = cell >= 8.0f ? 1.0f : 0.0f;
  const ImVec4 all = cells_rect(0, 0, static_cast<float>(grid.cols), static_cast<float>(grid.rows));
  d.cells = Intersect(ImVec4(all.x, all.y, all.z + line, all.w + line), clip);
  const auto add_overlay = [&](ImVec4 rect, int part) {
    rect = Intersect(rect, clip);
    if (!Empty(rect)) d.overlays[d.overlay_count++] = Overlay{rect, part};
  };
  if (grid.has_data_edge) {
    // Four strips along the outline (one box when it is thin): the pixels
    // inside the data region are not visited.
    const ImVec4 e = cells_rect(grid.edge_x, grid.edge_y, grid.edge_w, grid.edge_h);
    d.edge = e;
    const float m = 2.0f;
    if (e.z - e.x <= 2 * m || e.w - e.y <= 2 * m) {
      add_overlay(ImVec4(e.x - m, e.y - m, e.z + m, e.w + m), 0);
    } else {
      add_overlay(ImVec4(e.x - m, e.y - m, e.z + m, e.y + m), 0);
      add_overlay(ImVec4(e.x - m, e.w - m, e.z + m, e.w + m), 0);
      add_overlay(ImVec4(e.x - m, e.y + m, e.x + m, e.w - m), 0);
      add_overlay(ImVec4(e.z - m, e.y + m, e.z + m, e.w - m), 0);
    }
  }
  if (grid.hover_y >= 0 && grid.hover_x >= 0) {
    add_overlay(cells_rect(static_cast<float>(grid.hover_x), static_cast<float>(grid.hover_y), 1, 1), 1);
  }
  if (grid.has_window && grid.taps_h > 0 && grid.taps_w > 0) {
    add_overlay(cells_rect(grid.win_x, grid.win_y, static_cast<float>((grid.taps_w - 1) * d.grid.dil_w + 1),
                           static_cast<float>((grid.taps_h - 1) * d.grid.dil_h + 1)),
                2);
  }
  if (Empty(d.cells) && d.overlay_count == 0) return true;  // nothing of it is visible

  Textures& textures = g_textures[id];
  if (!Upload(textures, grid)) return false;
  const ColorKey key{grid.data_revision, grid.palette_revision, d.grid.lo, d.grid.hi,
                     grid.padding_color, grid.blank_color, grid.dropped_color};
  d.recolor = !textures.colors_valid || !(key == textures.color_key);
  textures.color_key = key;
  d.textures = &textures;

  const int frame = ImGui::GetCurrentContext() != nullptr ? ImGui::GetFrameCount() : 0;
  if (frame != g_draws_frame) {
    g_draws.clear();
    g_draws_frame = frame;
  }
  g_draws.push_back(d);
  draw->AddCallback(DrawCallback, &g_draws.back());
  draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  EndCallbacks(draw);
  return true;
}

void ReleaseHeatmapTextures() {
  for (auto& [id, textures] : g_textures) DeleteTextures(textures);
  g_textures.clear();
  g_draws.clear();
  g_draws_frame = -1;
  const std::string vertex = g_programs.vertex_source;
  const std::string fragment = g_programs.fragment_source;
  DropPrograms(g_programs);
  g_programs.vertex_source = vertex;
  g_programs.fragment_source = fragment;
}

void ResetHeatmapShaderForTest(std::string_view vertex_source, std::string_view fragment_source) {
  DropPrograms(g_programs);
  g_programs.vertex_source = std::string(vertex_source);
  g_programs.fragment_source = std::string(fragment_source);
}

}  // namespace convstep::gfx
