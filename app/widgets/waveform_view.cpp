#include "app/widgets/waveform_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/i18n/i18n.h"
#include "app/shell/theme.h"
#include "app/widgets/panel_frame.h"
#include "core/base/shortest_number.h"
#include "imgui_internal.h"

namespace convstep {

namespace {

// Samples at least this many pixels apart get a dot each.
constexpr float kDotSpacing = 6.0f;

// Screen position of a position and a value.
struct WaveMap {
  ImVec2 lo;
  ImVec2 hi;
  float origin_x = 0;  // the screen x of the axis' start
  float unit = 1;      // pixels per unit of the axis
  float offset = 0;    // the positions on the axis
  float scale = 1;
  float step = 1;      // pixels per position: unit × scale
  double v_lo = -1;
  double v_hi = 1;
  float X(float position) const { return origin_x + (offset + position * scale) * unit; }
  float Position(float screen_x) const { return ((screen_x - origin_x) / unit - offset) / scale; }
  float Y(double v) const {
    const double t = v_hi > v_lo ? (v - v_lo) / (v_hi - v_lo) : 0.5;
    return hi.y - static_cast<float>(std::clamp(t, 0.0, 1.0)) * (hi.y - lo.y);
  }
};

float LabelHeight() { return ImGui::GetFontSize() + 2.0f; }

// Ticks every 1, 2, 5, 10… positions, as many as their labels leave room for.
void DrawTicks(ImDrawList* draw, const WaveformDraw& w, const WaveMap& m, int x0, int x1) {
  const auto text_of = [&w](int i) { return w.tick ? w.tick(i) : std::to_string(i); };
  // The labels' widths vary (padding has none, times grow digits): a few
  // across the view stand for all of them.
  float widest = 0;
  for (int k = 0; k <= 16; ++k) {
    const int i = x0 + (std::max(x1 - 1, x0) - x0) * k / 16;
    widest = std::max(widest, ImGui::CalcTextSize(text_of(i).c_str()).x);
  }
  static const int kSteps[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000};
  int every = 100000;
  for (int n : kSteps) {
    if (static_cast<float>(n) * m.step >= widest * 1.6f + 8.0f) {
      every = n;
      break;
    }
  }
  const ImU32 color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  int first = w.tick_origin + static_cast<int>(std::floor(static_cast<double>(x0 - w.tick_origin) / every)) * every;
  while (first < 0) first += every;
  for (int i = first; i < x1; i += every) {
    const std::string text = text_of(i);
    if (text.empty()) continue;
    const float x = m.X(static_cast<float>(i) + 0.5f);
    draw->AddLine(ImVec2(x, m.hi.y), ImVec2(x, m.hi.y + 3.0f), color);
    // Labels at the ends stay inside the plot's width rather than being cut.
    const float tw = ImGui::CalcTextSize(text.c_str()).x;
    const float at = std::clamp(x - tw * 0.5f, m.lo.x, std::max(m.lo.x, m.hi.x - tw));
    draw->AddText(ImVec2(at, m.hi.y + 2.0f), color, text.c_str());
  }
}

// The line: through every sample when they are further apart than a
// pixel, else each pixel column's lowest to highest sample (a long
// recording stays a few thousand segments). NaN breaks the line.
void DrawLine(ImDrawList* draw, const WaveformDraw& w, const WaveMap& m, int x0, int x1) {
  const ImU32 faded = CurrentColors().grid_line;
  if (m.step >= 1.0f) {
    for (int i = std::max(x0, 1); i < x1; ++i) {
      const double a = w.values[static_cast<size_t>(i - 1)];
      const double b = w.values[static_cast<size_t>(i)];
      if (std::isnan(a) || std::isnan(b)) continue;
      const bool pad = !w.faded.empty() && (w.faded[static_cast<size_t>(i - 1)] || w.faded[static_cast<size_t>(i)]);
      draw->AddLine(ImVec2(m.X(static_cast<float>(i) - 0.5f), m.Y(a)), ImVec2(m.X(static_cast<float>(i) + 0.5f), m.Y(b)),
                    pad ? faded : w.line_color, 1.5f);
    }
    return;
  }
  const int columns = static_cast<int>(m.hi.x - m.lo.x);
  for (int c = 0; c < columns; ++c) {
    const int from = std::max(x0, static_cast<int>(std::floor(m.Position(m.lo.x + static_cast<float>(c)))));
    const int to = std::min(x1, static_cast<int>(std::ceil(m.Position(m.lo.x + static_cast<float>(c) + 1.0f))));
    double lo = INFINITY;
    double hi = -INFINITY;
    for (int i = from; i < to; ++i) {
      const double v = w.values[static_cast<size_t>(i)];
      if (std::isnan(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    if (lo > hi) continue;
    const float x = m.lo.x + static_cast<float>(c) + 0.5f;
    draw->AddLine(ImVec2(x, m.Y(hi) - 0.5f), ImVec2(x, m.Y(lo) + 0.5f), w.line_color, 1.0f);
  }
}

void DrawDots(ImDrawList* draw, const WaveformDraw& w, const WaveMap& m, int x0, int x1) {
  if (m.step < kDotSpacing) return;
  const float r = std::min(3.5f, m.step * 0.25f);
  for (int i = x0; i < x1; ++i) {
    const double v = w.values[static_cast<size_t>(i)];
    if (std::isnan(v)) continue;
    const bool pad = !w.faded.empty() && w.faded[static_cast<size_t>(i)];
    draw->AddCircleFilled(ImVec2(m.X(static_cast<float>(i) + 0.5f), m.Y(v)), r,
                          pad ? CurrentColors().grid_line : w.line_color);
  }
  for (int t : w.taps) {
    if (t < x0 || t >= x1 || std::isnan(w.values[static_cast<size_t>(t)])) continue;
    draw->AddCircle(ImVec2(m.X(static_cast<float>(t) + 0.5f), m.Y(w.values[static_cast<size_t>(t)])), r + 2.5f,
                    w.tap_color, 0, 2.0f);
  }
}

// The padding's positions in the padding ring's colour, as on a grid.
void DrawPadding(ImDrawList* draw, const WaveformDraw& w, const WaveMap& m, int x0, int x1) {
  if (w.faded.empty()) return;
  for (int i = x0; i < x1;) {
    if (!w.faded[static_cast<size_t>(i)]) {
      ++i;
      continue;
    }
    int j = i;
    while (j < x1 && w.faded[static_cast<size_t>(j)]) ++j;
    draw->AddRectFilled(ImVec2(m.X(static_cast<float>(i)), m.lo.y), ImVec2(m.X(static_cast<float>(j)), m.hi.y),
                        CurrentColors().padding_fill);
    i = j;
  }
}

void DrawBands(ImDrawList* draw, const WaveformDraw& w, const WaveMap& m) {
  for (const WaveBand& b : w.bands) {
    draw->AddRectFilled(ImVec2(std::max(m.lo.x, m.X(b.from)), m.lo.y), ImVec2(std::min(m.hi.x, m.X(b.to)), m.hi.y),
                        b.color);
  }
  // Taps too close together for circles: a tick each along the bottom.
  if (m.step < kDotSpacing) {
    for (int t : w.taps) {
      const float x = m.X(static_cast<float>(t) + 0.5f);
      draw->AddLine(ImVec2(x, m.hi.y - 6.0f), ImVec2(x, m.hi.y), w.tap_color, 2.0f);
    }
  }
  if (w.current) {
    const float a = m.X(static_cast<float>(*w.current));
    draw->AddRect(ImVec2(a, m.lo.y), ImVec2(std::max(a + m.step, a + 2.0f), m.hi.y), kCurrentColor, 0.0f, 0, 2.0f);
  }
}

// The exact value and the tick's label of the position under the mouse.
void PositionTooltip(const WaveformDraw& w, int i) {
  const double v = w.values[static_cast<size_t>(i)];
  std::string text = w.tick ? w.tick(i) : std::string();
  text = text.empty() ? std::to_string(i) : std::to_string(i) + " (" + text + ")";
  if (!std::isnan(v)) {
    text += ": ";
    AppendShortest(v, &text);
  }
  ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace

float WaveformChromeHeight() { return LabelHeight() * 2.0f + 4.0f; }

GridHit DrawWaveform(const WaveformDraw& w) {
  GridHit hit;
  const int n = static_cast<int>(w.values.size());
  if (n == 0) return hit;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  if (!w.caption.empty()) {
    draw->AddText(cursor, w.caption_color != 0 ? w.caption_color : ImGui::GetColorU32(ImGuiCol_Text), w.caption.c_str());
  }
  WaveMap m;
  m.lo = ImVec2(cursor.x, cursor.y + (w.caption.empty() ? 0.0f : LabelHeight()));
  m.hi = ImVec2(m.lo.x + w.width, m.lo.y + w.height);
  m.v_lo = w.lo;
  m.v_hi = w.hi;
  const int axis = w.axis > 0 ? w.axis : n;
  const float fit = w.width / static_cast<float>(axis);
  GridZoom* z = nullptr;
  const float max_zoom = MaxZoom(fit);
  if (w.zooms != nullptr) {
    z = &(*w.zooms)[w.zoom_key.empty() ? w.name : w.zoom_key];
    ClampZoom(z, 1, axis, max_zoom);
    if (w.follow && z->zoom > 1.0f) Follow(z, 0.5f, *w.follow, 1, axis, max_zoom, w.follow_always);
    else if (w.follow) z->followed_x = *w.follow;
  }
  const float zoom = z != nullptr ? z->zoom : 1.0f;
  m.unit = fit * zoom;
  m.offset = static_cast<float>(w.offset);
  m.scale = static_cast<float>(w.scale);
  m.step = m.unit * m.scale;
  m.origin_x = z != nullptr && zoom > 1.0f ? (m.lo.x + m.hi.x) * 0.5f - z->cx * m.unit : m.lo.x;
  const int x0 = std::clamp(static_cast<int>(std::floor(m.Position(m.lo.x))), 0, n);
  const int x1 = std::clamp(static_cast<int>(std::ceil(m.Position(m.hi.x))), 0, n);

  draw->AddRectFilled(m.lo, m.hi, ImGui::GetColorU32(ImGuiCol_FrameBg));
  draw->PushClipRect(m.lo, m.hi, true);
  DrawPadding(draw, w, m, x0, x1);
  DrawBands(draw, w, m);
  if (w.lo < 0 && w.hi > 0) draw->AddLine(ImVec2(m.lo.x, m.Y(0)), ImVec2(m.hi.x, m.Y(0)), CurrentColors().grid_line);
  DrawLine(draw, w, m, x0, x1);
  DrawDots(draw, w, m, x0, x1);
  if (w.playhead) {
    const float x = m.origin_x + *w.playhead * m.unit;
    draw->AddLine(ImVec2(x, m.lo.y), ImVec2(x, m.hi.y), ImGui::GetColorU32(ImGuiCol_Text), 2.0f);
  }
  draw->PopClipRect();
  draw->AddRect(m.lo, m.hi, CurrentColors().grid_line);
  DrawTicks(draw, w, m, x0, x1);

  ImGui::SetCursorScreenPos(cursor);
  ImGui::PushID(w.name.c_str());
  ImGui::InvisibleButton("wave", ImVec2(w.width, m.hi.y - cursor.y + LabelHeight() + 4.0f));
  ImGui::PopID();
  bool dragged = false;
  if (z != nullptr) {
    ImGui::SetItemUsingMouseWheel();
    if (zoom > 1.0f && ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
      PanBy(z, 0.0f, -ImGui::GetIO().MouseDelta.x / m.unit, 1, axis, max_zoom);
      dragged = true;
    }
  }
  if (ImGui::IsItemHovered()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float fx = m.Position(mouse.x);
    if (z != nullptr) {
      NoteZoomableUnderMouse(w.zoom_key.empty() ? w.name : w.zoom_key);
      if (const float wheel = ImGui::GetIO().MouseWheel; wheel != 0.0f) {
        ZoomAbout(z, std::pow(1.25f, wheel), 0.5f, (mouse.x - m.origin_x) / m.unit, 1, axis, max_zoom);
      }
      if (zoom > 1.0f && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) z->zoom = 1.0f;
    }
    const int i = static_cast<int>(std::floor(fx));
    if (mouse.x >= m.lo.x && mouse.x < m.hi.x && i >= 0 && i < n) {
      hit.hovered = true;
      hit.y = 0;
      hit.x = i;
      PositionTooltip(w, i);
      hit.clicked = zoom > 1.0f ? ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !dragged &&
                                      ImGui::GetIO().MouseDragMaxDistanceSqr[0] < 16.0f
                                : ImGui::IsItemClicked(ImGuiMouseButton_Left);
    }
  }
  // Placed like a one-row grid, so scripts aim at a position as at a cell.
  GridPlacement p{ImVec2(m.X(0), (m.lo.y + m.hi.y) * 0.5f - m.step * 0.5f), m.step, 1, n, zoom, true, false, false};
  p.fully_visible = zoom <= 1.0f;
  RecordPlacement(w.name, p);
  // The keys +, − and 0 zoom the shared view: it is placed as the axis.
  if (z != nullptr && !w.zoom_key.empty()) {
    RecordPlacement(w.zoom_key,
                    GridPlacement{ImVec2(m.origin_x, m.lo.y), m.unit, 1, axis, zoom, m.step >= kDotSpacing, false, false});
  }
  return hit;
}

}  // namespace convstep
