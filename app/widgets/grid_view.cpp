#include "app/widgets/grid_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "app/gfx/grid_texture.h"
#include "app/gfx/heatmap_shader.h"
#include "app/i18n/i18n.h"
#include "app/shell/theme.h"
#include "app/widgets/panel_frame.h"
#include "core/base/shortest_number.h"
#include "core/teach/cell_text.h"
#include "imgui_internal.h"

namespace convstep {

namespace {

// The interface's text size at 100 %, the smallest a number is drawn.
constexpr float kBaseText = 16.0f;
// Pixels a number keeps clear of its cell's edges.
constexpr float kCellMargin = 4.0f;

// A grid's cells as last filled, and their texture.
struct GridStore {
  uint64_t key = 0;
  // A heatmap's cells as the shader takes them, with their revision.
  bool heat = false;
  gfx::HeatmapGrid heatmap;
  std::vector<float> heat_values;
  std::vector<uint8_t> kinds;
  std::vector<uint32_t> palette;
  uint64_t revision = 0;
  // A heatmap's colours on the CPU are worked out only when something needs
  // them (the fallback texture, the numbers' contrast, the minimap): the
  // shader colours a 256×256 map without them.
  bool colors_ready = true;
  std::vector<uint32_t> fills;
  std::vector<double> values;
  std::vector<uint8_t> dim;
  std::vector<std::pair<int, int>> crossed;
  gfx::GridTexture texture;
};

std::map<std::string, GridPlacement> g_placements;
std::map<std::string, bool> g_visibility;
std::unordered_map<std::string, GridStore> g_store;
std::string g_zoomable_under_mouse;  // set by DrawGrid, read by the keys next frame
bool g_rgb_channels = false;

// A panel's grids: their cell images in channel 0, drawn first and without
// blending; everything else (lines, numbers, outlines) in channel 1.
struct GridLayer {
  ImDrawList* draw = nullptr;
  ImDrawListSplitter splitter;
};
GridLayer g_layer;

ImU32 Lerp(ImU32 a, ImU32 b, float t) {
  const ImVec4 ca = ImGui::ColorConvertU32ToFloat4(a);
  const ImVec4 cb = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(ca.x + (cb.x - ca.x) * t, ca.y + (cb.y - ca.y) * t,
                                               ca.z + (cb.z - ca.z) * t, 1.0f));
}

float Unit(double v, double lo, double hi) { return hi > lo ? static_cast<float>((v - lo) / (hi - lo)) : 0.5f; }

// The grid face (the 100 % size) for small numbers, the interface face
// (drawn smaller) above it, so digits are never blown up from a small atlas.
ImFont* GridFont(float size) {
  ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  if (fonts->Fonts.Size > 3 && size <= kBaseText * 1.3f) return fonts->Fonts[3];
  return fonts->Fonts[0];
}

float TextWidth(float size, const char* text) {
  return GridFont(size)->CalcTextSizeA(size, FLT_MAX, 0.0f, text).x;
}

// The first of the value's texts that fits `room` pixels at `size`, or
// nullptr-like empty when none does.
std::string FittingText(double v, const char* suffix, float size, float room) {
  for (const std::string& text : CellTextCandidates(v)) {
    const std::string shown = text + suffix;
    if (TextWidth(size, shown.c_str()) <= room) return shown;
  }
  return {};
}

// Tick labels every n cells, n chosen so that labels `label_w` wide do
// not touch at `cell` pixels per cell.
int TickEvery(float cell, float label_w) {
  static const int kSteps[] = {1, 2, 5, 10, 20, 25, 50, 100, 200};
  for (int n : kSteps) {
    if (static_cast<float>(n) * cell >= label_w + 6.0f) return n;
  }
  return 500;
}

// The widest index printed along either axis.
float TickLabelWidth(float size, int rows, int cols, int offset) {
  char first[16];
  char last[16];
  std::snprintf(first, sizeof first, "%d", offset);
  std::snprintf(last, sizeof last, "%d", std::max(rows, cols) - 1 + offset);
  return std::max(TextWidth(size, first), TextWidth(size, last));
}

// The widest of n labels given by `tick`, measured on at most 33 of them
// spread over the axis: the grid asks every frame, and a spectrogram's 2,048
// frames would cost as many labels formatted and measured.
float WidestTick(float size, const std::function<std::string(int)>& tick, int n) {
  float widest = 0;
  const int samples = std::min(n, 33);
  for (int k = 0; k < samples; ++k) {
    const int i = samples > 1 ? static_cast<int>(static_cast<long long>(n - 1) * k / (samples - 1)) : 0;
    widest = std::max(widest, TextWidth(size, tick(i).c_str()));
  }
  return widest;
}

// The tick labels along one axis: the text at index i, how wide the widest
// is, and how far apart they must be. Indices are spaced by their width on
// both axes, so rows and columns tick at the same cells; labels of the
// panel's own (hertz, seconds) are spaced by their width along columns and
// by the text's height down rows.
struct AxisTicks {
  std::function<std::string(int)> text;
  float width = 0;
  float spacing = 0;
};

AxisTicks Ticks(const GridDraw& g, float size, bool rows) {
  const std::function<std::string(int)>& own = rows ? g.row_tick : g.col_tick;
  AxisTicks t;
  if (own) {
    t.text = own;
    t.width = WidestTick(size, own, rows ? g.rows : g.cols);
    t.spacing = rows ? size : t.width;
    return t;
  }
  t.text = [offset = g.index_offset](int i) { return std::to_string(i + offset); };
  t.width = TickLabelWidth(size, g.rows, g.cols, g.index_offset);
  t.spacing = t.width;
  return t;
}

// The caption line's and the tick bands' sizes.
struct FrameBands {
  float caption_h = 0;
  float caption_w = 0;
  float left = 0;  // row labels
  float top = 0;   // column labels
};

FrameBands Bands(const GridDraw& g, float size) {
  FrameBands b;
  if (!g.caption.empty()) {
    b.caption_h = size * 1.25f;
    b.caption_w = TextWidth(size, g.caption.c_str());
  }
  if (g.labels) {
    b.left = Ticks(g, size, true).width + 4.0f;
    b.top = size + 2.0f;
  }
  return b;
}

// A heatmap's values, kinds and palette as the shader takes them, and its
// colours worked out on the CPU the same way (for the numbers' contrast,
// and for the texture when the shaders are unavailable).
void StoreHeatmap(GridDraw& g, GridStore* s) {
  static uint64_t revisions = 0;
  const size_t n = static_cast<size_t>(g.rows) * g.cols;
  s->heat = true;
  s->revision = ++revisions;
  s->heat_values.assign(s->values.begin(), s->values.end());
  s->kinds = std::move(g.kinds);
  if (s->kinds.size() != n) s->kinds.assign(n, gfx::kHeatmapData);
  s->palette.resize(256);
  for (int i = 0; i < 256; ++i) s->palette[static_cast<size_t>(i)] = g.ramp(static_cast<float>(i) / 255.0f);
  gfx::HeatmapGrid& h = s->heatmap;
  h.rows = g.rows;
  h.cols = g.cols;
  h.values = s->heat_values.data();
  h.kinds = s->kinds.data();
  h.data_revision = s->revision;
  h.palette = s->palette.data();
  h.palette_revision = s->revision;
  h.lo = static_cast<float>(g.lo);
  h.hi = static_cast<float>(g.hi);
  const ThemeColors& colors = CurrentColors();
  h.padding_color = colors.padding_fill;
  h.blank_color = colors.empty_fill;
  h.dropped_color = colors.dropped_fill;
  h.line_color = colors.grid_line;
  s->colors_ready = false;
}

// The cells' colours and their texture, for a heatmap the same as the
// shader's (HeatmapCellColor).
void EnsureColors(GridStore& s) {
  if (s.colors_ready) return;
  const gfx::HeatmapGrid& h = s.heatmap;
  s.fills.resize(static_cast<size_t>(h.rows) * h.cols);
  for (int y = 0; y < h.rows; ++y) {
    for (int x = 0; x < h.cols; ++x) s.fills[static_cast<size_t>(y) * h.cols + x] = gfx::HeatmapCellColor(h, y, x);
  }
  s.texture.Update(h.rows, h.cols, s.fills);
  s.colors_ready = true;
}

GridStore& Store(GridDraw& g) {
  GridStore& s = g_store[g.name];
  const bool stale = g.key == 0 || s.key != g.key || !g.values.empty();
  if (stale) {
    s.key = g.key;
    s.fills = std::move(g.fills);
    s.values = std::move(g.values);
    s.dim = std::move(g.dim);
    s.crossed = std::move(g.crossed);
    s.heat = false;
    s.colors_ready = true;
    if (g.ramp) StoreHeatmap(g, &s);
    else s.texture.Update(g.rows, g.cols, s.fills);
  }
  return s;
}

// Grids of fewer cells are drawn as before: a shader pass costs a change
// of GL state (about 0.2 ms on llvmpipe), more than ImGui takes for a
// lecture's 7×7 grid with its lines.
constexpr int kShaderMinCells = 1024;

// The cells through the shader; false when it cannot take them.
bool DrawCellsWithShader(ImDrawList* draw, GridStore& s, const std::string& name, const ImVec2& origin, float cell,
                         const ImVec2& lo, const ImVec2& hi) {
  if (!s.heat || s.heatmap.rows * s.heatmap.cols < kShaderMinCells) return false;
  s.heatmap.origin = origin;
  s.heatmap.cell = cell;
  s.heatmap.clip = ImVec4(lo.x, lo.y, hi.x, hi.y);
  return gfx::DrawHeatmap(draw, ImGui::GetID(name.c_str()), s.heatmap);
}

// Screen position of a point in cells.
struct CellMap {
  ImVec2 origin;
  float cell;
  ImVec2 At(float y, float x) const { return {origin.x + x * cell, origin.y + y * cell}; }
};

void DrawTicks(ImDrawList* draw, const CellMap& m, const ImVec2& lo, const ImVec2& hi, const FrameBands& b,
               const GridDraw& g, float size, int y0, int y1, int x0, int x1) {
  ImFont* font = GridFont(size);
  const ImU32 label = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const AxisTicks across = Ticks(g, size, false);
  const AxisTicks down = Ticks(g, size, true);
  // Labels centred on the first and last cells reach past the grid's edges.
  const float half = across.width * 0.5f + 2.0f;
  draw->PushClipRect(ImVec2(lo.x - std::min(half, b.left), lo.y - b.top), ImVec2(hi.x + half, lo.y), true);
  const int every_x = TickEvery(m.cell, across.spacing);
  for (int x = (x0 / every_x) * every_x; x < x1; x += every_x) {
    const std::string text = across.text(x);
    const float tw = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str()).x;
    draw->AddText(font, size, ImVec2(m.At(0, static_cast<float>(x) + 0.5f).x - tw * 0.5f, lo.y - b.top), label,
                  text.c_str());
  }
  draw->PopClipRect();
  draw->PushClipRect(ImVec2(lo.x - b.left, lo.y - size * 0.5f), ImVec2(lo.x, hi.y + size * 0.5f), true);
  const int every_y = TickEvery(m.cell, down.spacing);
  for (int y = (y0 / every_y) * every_y; y < y1; y += every_y) {
    const std::string text = down.text(y);
    const float tw = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str()).x;
    draw->AddText(font, size, ImVec2(lo.x - tw - 4.0f, m.At(static_cast<float>(y) + 0.5f, 0).y - size * 0.5f), label,
                  text.c_str());
  }
  draw->PopClipRect();
}

// Prints the values of the cells in view; false if one did not fit.
bool DrawNumbers(ImDrawList* draw, const CellMap& m, GridStore& s, const GridDraw& g, int y0, int y1, int x0,
                 int x1) {
  if (s.values.empty()) return true;
  const float size = GridTextSize(m.cell);
  if (m.cell < size + 2.0f) {
    // No number fits: shown only if no cell in view has one yet.
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        if (!std::isnan(s.values[static_cast<size_t>(y) * g.cols + x])) return false;
      }
    }
    return true;
  }
  EnsureColors(s);  // for the numbers' contrast
  ImFont* font = GridFont(size);
  bool all = true;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const size_t i = static_cast<size_t>(y) * g.cols + x;
      const double v = s.values[i];
      if (std::isnan(v)) continue;
      const std::string text = FittingText(v, g.suffix, size, m.cell - kCellMargin);
      if (text.empty()) {
        all = false;
        continue;
      }
      const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
      ImU32 color = TextColorOn(s.fills.empty() ? IM_COL32(0, 0, 0, 255) : s.fills[i]);
      if (!s.dim.empty() && s.dim[i] != 0) color = (color & 0x00FFFFFF) | 0xB0000000;
      const ImVec2 c = m.At(static_cast<float>(y) + 0.5f, static_cast<float>(x) + 0.5f);
      draw->AddText(font, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), color, text.c_str());
    }
  }
  return all;
}

// A cell that prints its value shortened (0.11 for 1/9) or not at all
// gives the exact value on hover.
void ExactValueTooltip(const GridStore& s, const GridDraw& g, float cell, int y, int x) {
  if (s.values.empty()) return;
  const double v = s.values[static_cast<size_t>(y) * g.cols + x];
  if (std::isnan(v)) return;
  const float size = GridTextSize(cell);
  const std::string shown = cell >= size + 2.0f ? FittingText(v, g.suffix, size, cell - kCellMargin) : std::string();
  if (shown == CellTextCandidates(v).front() + g.suffix) return;
  std::string exact;
  AppendShortest(v, &exact);
  ImGui::SetTooltip("%s%s", exact.c_str(), g.suffix);
}

// The whole grid small in a corner, with the part in view framed; a click
// or drag in it moves the view there.
void DrawMinimap(ImDrawList* draw, const GridStore& s, const GridDraw& g, const ImVec2& lo, const ImVec2& hi,
                 GridZoom* z, float max_zoom) {
  const float side = std::min(hi.x - lo.x, hi.y - lo.y) * 0.3f;
  const float scale = side / static_cast<float>(std::max(g.rows, g.cols));
  const ImVec2 size(scale * static_cast<float>(g.cols), scale * static_cast<float>(g.rows));
  const ImVec2 a(hi.x - size.x - 4.0f, hi.y - size.y - 4.0f);
  const ImVec2 b(a.x + size.x, a.y + size.y);
  draw->AddRectFilled(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), IM_COL32(0, 0, 0, 200));
  draw->AddImage(s.texture.id(), a, b);
  const float vh = static_cast<float>(g.rows) / z->zoom;
  const float vw = static_cast<float>(g.cols) / z->zoom;
  draw->AddRect(ImVec2(a.x + (z->cx - vw * 0.5f) * scale, a.y + (z->cy - vh * 0.5f) * scale),
                ImVec2(a.x + (z->cx + vw * 0.5f) * scale, a.y + (z->cy + vh * 0.5f) * scale), IM_COL32(255, 255, 255, 255),
                0.0f, 0, 1.5f);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && ImGui::IsItemActive() && mouse.x >= a.x && mouse.y >= a.y &&
      mouse.x < b.x && mouse.y < b.y) {
    z->cy = (mouse.y - a.y) / scale;
    z->cx = (mouse.x - a.x) / scale;
    ClampZoom(z, g.rows, g.cols, max_zoom);
    MarkTouched(g.zooms, g.name);
  }
}

// A line of text on a dark box over the grid's top-left corner, cut at the grid's edge.
void DrawBadge(ImDrawList* draw, const ImVec2& at, const ImVec2& end, const char* text) {
  const float size = kBaseText;
  draw->PushClipRect(at, end, true);
  ImFont* font = GridFont(size);
  const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text);
  draw->AddRectFilled(at, ImVec2(at.x + ts.x + 8.0f, at.y + ts.y + 4.0f), IM_COL32(0, 0, 0, 210), 3.0f);
  draw->AddText(font, size, ImVec2(at.x + 4.0f, at.y + 2.0f), IM_COL32(255, 255, 255, 255), text);
  draw->PopClipRect();
}

}  // namespace

float MaxZoom(float cell) { return std::max(1.0f, Scaled(64) / std::max(cell, 0.01f)); }
void RecordPlacement(const std::string& name, const GridPlacement& placement) { g_placements[name] = placement; }
void NoteZoomableUnderMouse(const std::string& name) { g_zoomable_under_mouse = name; }

const std::map<std::string, GridPlacement>& GridPlacements() { return g_placements; }
void ClearGridPlacements() {
  g_placements.clear();
  g_visibility.clear();
  g_zoomable_under_mouse.clear();
}
void ReleaseGridTextures() {
  g_store.clear();
  gfx::ReleaseHeatmapTextures();
}

void BeginGridLayer() {
  g_layer.draw = ImGui::GetWindowDrawList();
  g_layer.splitter.Split(g_layer.draw, 2);
  g_layer.splitter.SetCurrentChannel(g_layer.draw, 0);
  gfx::AddBlendingSwitch(g_layer.draw, false);
  g_layer.splitter.SetCurrentChannel(g_layer.draw, 1);
}

void EndGridLayer() {
  g_layer.splitter.SetCurrentChannel(g_layer.draw, 0);
  gfx::AddBlendingSwitch(g_layer.draw, true);
  g_layer.splitter.Merge(g_layer.draw);
  g_layer.draw = nullptr;
}

bool GridIsFresh(const std::string& name, uint64_t key) {
  const auto it = g_store.find(name);
  return key != 0 && it != g_store.end() && it->second.key == key;
}

uint64_t FillKey(const Appearance& look, std::initializer_list<uint64_t> parts) {
  // FNV-1a over the parts; 0 is kept for "no key".
  uint64_t h = 1469598103934665603ull;
  const auto mix = [&h](uint64_t v) {
    for (int i = 0; i < 8; ++i) {
      h ^= (v >> (8 * i)) & 0xFF;
      h *= 1099511628211ull;
    }
  };
  mix(static_cast<uint64_t>(look.theme));
  mix(static_cast<uint64_t>(look.palette));
  mix(static_cast<uint64_t>(look.input_colors));
  mix(static_cast<uint64_t>(look.output_colors));
  for (uint64_t part : parts) mix(part);
  return h == 0 ? 1 : h;
}

void NoteItemVisibility(const std::string& name) {
  const ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 lo = ImGui::GetItemRectMin();
  const ImVec2 hi = ImGui::GetItemRectMax();
  const ImVec2 clip_lo = draw->GetClipRectMin();
  const ImVec2 clip_hi = draw->GetClipRectMax();
  g_visibility[name] = lo.x >= clip_lo.x - 0.5f && lo.y >= clip_lo.y - 0.5f && hi.x <= clip_hi.x + 0.5f &&
                       hi.y <= clip_hi.y + 0.5f;
}

const std::map<std::string, bool>& ItemVisibility() { return g_visibility; }

bool ZoomGridUnderMouse(std::map<std::string, GridZoom>* zooms, float factor) {
  const auto p = g_placements.find(g_zoomable_under_mouse);
  // A whole grid that prints its numbers needs no zoom: + is the speed there.
  if (p == g_placements.end() || (p->second.zoom <= 1.0f && p->second.values_shown)) return false;
  GridZoom& z = (*zooms)[p->first];
  const float fit_cell = p->second.cell / z.zoom;
  ZoomAbout(&z, factor, z.cy, z.cx, p->second.rows, p->second.cols, MaxZoom(fit_cell));
  ShareZoom(zooms, p->first);
  return true;
}

bool FitGridUnderMouse(std::map<std::string, GridZoom>* zooms) {
  const auto p = g_placements.find(g_zoomable_under_mouse);
  if (p == g_placements.end()) return false;
  (*zooms)[p->first].zoom = 1.0f;
  ShareZoom(zooms, p->first);
  return true;
}

float WidestCellText(const std::vector<double>& values, const char* suffix) {
  std::unordered_set<double> seen;
  float widest = 0;
  for (double v : values) {
    if (std::isnan(v) || !seen.insert(v).second) continue;
    const std::string text = CellTextCandidates(v).back() + suffix;
    widest = std::max(widest, TextWidth(kBaseText, text.c_str()));
  }
  return widest;
}

float GridTextWidth(const std::string& text) { return TextWidth(kBaseText, text.c_str()); }
float TickLabelsWidth(int rows, int cols, int index_offset) {
  return TickLabelWidth(kBaseText, rows, cols, index_offset);
}
float TickLabelsWidth(const std::function<std::string(int)>& tick, int n) { return WidestTick(kBaseText, tick, n); }

float WidestCellTextOnce(const std::string& id, uint64_t key, const std::function<std::vector<double>()>& values,
                         const char* suffix) {
  static std::unordered_map<std::string, std::pair<uint64_t, float>> measured;
  auto [it, added] = measured.try_emplace(id, key, 0.0f);
  if (added || it->second.first != key) it->second = {key, WidestCellText(values(), suffix)};
  return it->second.second;
}

float CellForText(float text_width) { return std::max(text_width + kCellMargin + 1.0f, kBaseText + 4.0f); }

GridDraw BlankGrid(std::string name, int rows, int cols, float cell, ImU32 fill) {
  GridDraw g;
  g.name = std::move(name);
  g.rows = rows;
  g.cols = cols;
  g.cell = cell;
  const size_t n = static_cast<size_t>(rows) * cols;
  g.fills.assign(n, fill);
  g.values.assign(n, std::nan(""));
  return g;
}

GridHit DrawGrid(GridDraw g) {
  GridHit hit;
  if (g.rows <= 0 || g.cols <= 0) return hit;
  GridStore& s = Store(g);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float size = GridTextSize(g.cell);
  const FrameBands b = Bands(g, size);
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  const ImVec2 lo(cursor.x + b.left, cursor.y + b.caption_h + b.top);
  const ImVec2 hi(lo.x + g.cell * static_cast<float>(g.cols), lo.y + g.cell * static_cast<float>(g.rows));
  const ImVec2 clip_lo = draw->GetClipRectMin();
  const ImVec2 clip_hi = draw->GetClipRectMax();

  if (!g.caption.empty()) {
    draw->AddText(GridFont(size), size, cursor, g.caption_color != 0 ? g.caption_color : ImGui::GetColorU32(ImGuiCol_Text),
                  g.caption.c_str());
  }

  // The view: the whole grid, or the zoomed part around its centre.
  GridZoom* z = nullptr;
  const float max_zoom = MaxZoom(g.cell);
  if (g.zooms != nullptr) {
    z = &(*g.zooms)[g.name];
    z->group = g.zoom_group;
    ClampZoom(z, g.rows, g.cols, max_zoom);
    if (g.follow && z->zoom > 1.0f) {
      Follow(z, g.follow->first, g.follow->second, g.rows, g.cols, max_zoom, g.follow_always);
    } else if (g.follow) {
      // The whole grid in view: only remember the point, so zooming in
      // later stays where the mouse is rather than jumping to it.
      z->followed_y = g.follow->first;
      z->followed_x = g.follow->second;
    }
  }
  const float zoom = z != nullptr ? z->zoom : 1.0f;
  CellMap m{lo, g.cell * zoom};
  if (z != nullptr) {
    m.origin = ImVec2((lo.x + hi.x) * 0.5f - z->cx * m.cell, (lo.y + hi.y) * 0.5f - z->cy * m.cell);
  }
  const auto first = [&](float screen, float origin, int n) {
    return std::clamp(static_cast<int>(std::floor((screen - origin) / m.cell)), 0, n);
  };
  const auto last = [&](float screen, float origin, int n) {
    return std::clamp(static_cast<int>(std::ceil((screen - origin) / m.cell)), 0, n);
  };
  const int x0 = first(lo.x, m.origin.x, g.cols);
  const int x1 = last(hi.x, m.origin.x, g.cols);
  const int y0 = first(lo.y, m.origin.y, g.rows);
  const int y1 = last(hi.y, m.origin.y, g.rows);

  draw->PushClipRect(lo, hi, true);
  // The shader draws the cells with their borders; without it, the texture
  // of their colours and ImGui's lines do.
  const bool shaded = DrawCellsWithShader(draw, s, g.name, m.origin, m.cell, lo, hi);
  if (!shaded) {
    EnsureColors(s);
    const ImVec2 uv0((lo.x - m.origin.x) / (m.cell * static_cast<float>(g.cols)),
                     (lo.y - m.origin.y) / (m.cell * static_cast<float>(g.rows)));
    const ImVec2 uv1((hi.x - m.origin.x) / (m.cell * static_cast<float>(g.cols)),
                     (hi.y - m.origin.y) / (m.cell * static_cast<float>(g.rows)));
    if (g_layer.draw == draw) {
      g_layer.splitter.SetCurrentChannel(draw, 0);
      draw->AddImage(s.texture.id(), lo, hi, uv0, uv1);
      g_layer.splitter.SetCurrentChannel(draw, 1);
    } else {
      draw->AddImage(s.texture.id(), lo, hi, uv0, uv1);
    }
  }
  // Cell borders, only where cells are big enough for lines to help.
  if (!shaded && m.cell >= 8.0f) {
    const ImU32 line = CurrentColors().grid_line;
    for (int y = y0; y <= y1; ++y) {
      const float py = m.At(static_cast<float>(y), 0).y;
      draw->AddLine(ImVec2(lo.x, py), ImVec2(hi.x, py), line);
    }
    for (int x = x0; x <= x1; ++x) {
      const float px = m.At(0, static_cast<float>(x)).x;
      draw->AddLine(ImVec2(px, lo.y), ImVec2(px, hi.y), line);
    }
  }
  // The cross first and light, so the number of a dropped cell reads over
  // it. Cells too small for a cross get a red tint instead: thousands of
  // tiny crosses would cost the software rasteriser milliseconds a frame.
  const bool tiny = m.cell < 6.0f;
  for (const auto& [y, x] : s.crossed) {
    if (y < y0 || y >= y1 || x < x0 || x >= x1) continue;
    if (tiny) {
      draw->AddRectFilled(m.At(static_cast<float>(y), static_cast<float>(x)),
                          m.At(static_cast<float>(y + 1), static_cast<float>(x + 1)), IM_COL32(230, 70, 60, 130));
      continue;
    }
    const float inset = std::min(3.0f, m.cell * 0.2f);
    const ImVec2 a(m.At(static_cast<float>(y), static_cast<float>(x)).x + inset,
                   m.At(static_cast<float>(y), static_cast<float>(x)).y + inset);
    const ImVec2 c(a.x + m.cell - 2 * inset, a.y + m.cell - 2 * inset);
    const ImU32 red = IM_COL32(230, 70, 60, 130);
    draw->AddLine(a, c, red, 1.5f);
    draw->AddLine(ImVec2(a.x, c.y), ImVec2(c.x, a.y), red, 1.5f);
  }
  const bool values_shown = DrawNumbers(draw, m, s, g, y0, y1, x0, x1);
  for (const GridOutline& o : g.outlines) {
    const ImVec2 a = m.At(o.y, o.x);
    draw->AddRect(ImVec2(a.x + 1, a.y + 1), ImVec2(a.x + o.w * m.cell - 1, a.y + o.h * m.cell - 1), o.color, 0.0f, 0,
                  o.thickness);
  }
  draw->PopClipRect();
  if (g.labels) DrawTicks(draw, m, lo, hi, b, g, size, y0, y1, x0, x1);

  ImGui::SetCursorScreenPos(cursor);
  ImGui::PushID(g.name.c_str());
  ImGui::InvisibleButton("cells", ImVec2(std::max(b.caption_w, b.left + (hi.x - lo.x)), hi.y - cursor.y));
  ImGui::PopID();
  if (z != nullptr) {
    ImGui::SetItemUsingMouseWheel();
    if (zoom > 1.0f) {
      EnsureColors(s);
      DrawMinimap(draw, s, g, lo, hi, z, max_zoom);
      char factor[16];
      std::snprintf(factor, sizeof factor, "%.1f", zoom);
      DrawBadge(draw, lo, hi, TrFormat("grid.zoom_level", {factor}).c_str());
    } else if (!values_shown) {
      DrawBadge(draw, lo, hi, Tr("grid.zoom_hint"));
    }
  }
  // Dragging a zoomed grid pans it; a click is then a press and release
  // without a drag, so panning never types into a cell.
  bool dragged = false;
  if (z != nullptr && zoom > 1.0f && ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    const ImVec2 d = ImGui::GetIO().MouseDelta;
    PanBy(z, -d.y / m.cell, -d.x / m.cell, g.rows, g.cols, max_zoom);
    MarkTouched(g.zooms, g.name);
    dragged = true;
  }
  if (ImGui::IsItemHovered()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float fx = (mouse.x - m.origin.x) / m.cell;
    const float fy = (mouse.y - m.origin.y) / m.cell;
    if (z != nullptr) {
      g_zoomable_under_mouse = g.name;
      const float wheel = ImGui::GetIO().MouseWheel;
      if (wheel != 0.0f) {
        ZoomAbout(z, std::pow(1.25f, wheel), fy, fx, g.rows, g.cols, max_zoom);
        ShareZoom(g.zooms, g.name);
      }
      if (zoom > 1.0f && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        z->zoom = 1.0f;
        ShareZoom(g.zooms, g.name);
      }
    }
    const int cx = static_cast<int>(std::floor(fx));
    const int cy = static_cast<int>(std::floor(fy));
    if (mouse.x >= lo.x && mouse.y >= lo.y && mouse.x < hi.x && mouse.y < hi.y && cx >= 0 && cy >= 0 && cx < g.cols &&
        cy < g.rows) {
      hit.hovered = true;
      hit.y = cy;
      hit.x = cx;
      ExactValueTooltip(s, g, m.cell, cy, cx);
      const bool zoomed = zoom > 1.0f;
      hit.clicked = zoomed ? ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !dragged &&
                                 ImGui::GetIO().MouseDragMaxDistanceSqr[0] < 16.0f
                           : ImGui::IsItemClicked(ImGuiMouseButton_Left);
    }
  }
  GridPlacement& p = g_placements[g.name];
  p = GridPlacement{m.origin, m.cell, g.rows, g.cols, zoom, values_shown, false, shaded};
  p.fully_visible = zoom <= 1.0f && lo.x >= clip_lo.x - 0.5f && lo.y >= clip_lo.y - 0.5f &&
                    hi.x <= clip_hi.x + 0.5f && hi.y <= clip_hi.y + 0.5f;
  return hit;
}

// The bar's labels are the grid's: at the 100 % text size, so a bar beside
// small kernels does not take more room than they do.
float ColorBarWidth() { return Scaled(12) * 0.5f + 6.0f + 6.0f + TextWidth(kBaseText, "-0.00"); }

void DrawColorBar(const char* id, ImU32 (*ramp)(HeatPalette, float), HeatPalette palette, double lo, double hi,
                  float height) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* font = GridFont(kBaseText);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float text_h = kBaseText;
  const float bar_w = Scaled(12) * 0.5f + 6.0f;
  const float top = at.y + text_h * 0.5f;
  const float bottom = at.y + std::max(height, text_h * 3.0f) - text_h * 0.5f;
  constexpr int kSegments = 32;
  for (int i = 0; i < kSegments; ++i) {
    const float t0 = static_cast<float>(i) / kSegments;
    const float t1 = static_cast<float>(i + 1) / kSegments;
    const float y0 = bottom - (bottom - top) * t1;
    const float y1 = bottom - (bottom - top) * t0;
    const ImU32 c0 = ramp(palette, t0);
    const ImU32 c1 = ramp(palette, t1);
    draw->AddRectFilledMultiColor(ImVec2(at.x, y0), ImVec2(at.x + bar_w, y1), c1, c1, c0, c0);
  }
  draw->AddRect(ImVec2(at.x, top), ImVec2(at.x + bar_w, bottom), CurrentColors().grid_line);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const auto label = [&](double v, float y) {
    const std::string s = CellTextCandidates(v).back();
    draw->AddText(font, kBaseText, ImVec2(at.x + bar_w + 4.0f, y - text_h * 0.5f), text, s.c_str());
  };
  label(hi, top);
  label(lo, bottom);
  if (lo < 0 && hi > 0 && ramp == DivergingRamp) label(0.0, (top + bottom) * 0.5f);
  ImGui::PushID(id);
  ImGui::Dummy(ImVec2(ColorBarWidth(), bottom + text_h * 0.5f - at.y));
  ImGui::PopID();
}

void UseRgbChannels(bool rgb) { g_rgb_channels = rgb; }

ImU32 ChannelColor(int channel) {
  if (g_rgb_channels && channel < 3) {
    static const ImU32 kRgb[] = {IM_COL32(240, 80, 70, 255), IM_COL32(80, 200, 90, 255), IM_COL32(90, 140, 255, 255)};
    return kRgb[channel];
  }
  // Orange, sky blue, bluish green, reddish purple, yellow: Okabe-Ito, which
  // colour-blind students tell apart.
  static const ImU32 kColors[] = {IM_COL32(230, 159, 0, 255), IM_COL32(86, 180, 233, 255),
                                  IM_COL32(0, 158, 115, 255), IM_COL32(204, 121, 167, 255),
                                  IM_COL32(240, 228, 66, 255)};
  return kColors[channel % 5];
}

std::string ChannelIndex(int channel) {
  static const char* const kRgbNames[] = {"R", "G", "B"};
  if (g_rgb_channels && channel < 3) return kRgbNames[channel];
  return std::to_string(channel);
}

std::string ChannelName(int channel) { return TrFormat("input.channel", {ChannelIndex(channel)}); }

ImU32 Heat(HeatPalette palette, float t) {
  // Five stops of matplotlib's maps, interpolated.
  static const ImU32 kViridis[] = {IM_COL32(68, 1, 84, 255), IM_COL32(59, 82, 139, 255), IM_COL32(33, 145, 140, 255),
                                   IM_COL32(94, 201, 98, 255), IM_COL32(253, 231, 37, 255)};
  static const ImU32 kCividis[] = {IM_COL32(0, 34, 78, 255), IM_COL32(61, 78, 108, 255),
                                   IM_COL32(124, 123, 120, 255), IM_COL32(188, 175, 111, 255),
                                   IM_COL32(254, 232, 56, 255)};
  const ImU32* stops = palette == HeatPalette::kCividis ? kCividis : kViridis;
  t = std::clamp(std::isfinite(t) ? t : 0.0f, 0.0f, 1.0f) * 4.0f;
  const int i = std::min(static_cast<int>(t), 3);
  return Lerp(stops[i], stops[i + 1], t - static_cast<float>(i));
}

ImU32 HeatIn(HeatPalette palette, double v, double lo, double hi) { return Heat(palette, Unit(v, lo, hi)); }

ImU32 InputValueFill(double v, double lo, double hi) {
  return Lerp(IM_COL32(41, 56, 87, 255), IM_COL32(140, 179, 224, 255), Unit(v, lo, hi));
}

ImU32 GreyFill(double v, double lo, double hi) {
  return Lerp(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255), Unit(v, lo, hi));
}

ImU32 SlateRamp(HeatPalette, float t) { return InputValueFill(t, 0, 1); }
ImU32 GreyRamp(HeatPalette, float t) { return GreyFill(t, 0, 1); }

ImU32 TintFill(double v, double lo, double hi, ImU32 tint) {
  return Lerp(IM_COL32(0, 0, 0, 255), tint, Unit(v, lo, hi));
}

ImU32 Diverging(float t) {
  t = std::clamp(std::isfinite(t) ? t : 0.0f, -1.0f, 1.0f);
  const ImU32 white = IM_COL32(235, 235, 235, 255);
  return t < 0 ? Lerp(white, IM_COL32(49, 104, 180, 255), -t) : Lerp(white, IM_COL32(196, 60, 50, 255), t);
}

ImU32 DivergingRamp(HeatPalette, float t) { return Diverging(t * 2.0f - 1.0f); }

ImU32 TextColorOn(ImU32 fill) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(fill);
  const float luminance = 0.299f * c.x + 0.587f * c.y + 0.114f * c.z;
  return luminance > 0.55f ? IM_COL32(15, 15, 15, 255) : IM_COL32(245, 245, 245, 255);
}

}  // namespace convstep
