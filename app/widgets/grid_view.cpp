#include "app/widgets/grid_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "app/gfx/grid_texture.h"
#include "app/shell/theme.h"
#include "app/widgets/panel_frame.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

std::map<std::string, GridPlacement> g_placements;
std::unordered_map<ImGuiID, gfx::GridTexture> g_textures;

ImU32 Lerp(ImU32 a, ImU32 b, float t) {
  const ImVec4 ca = ImGui::ColorConvertU32ToFloat4(a);
  const ImVec4 cb = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(ca.x + (cb.x - ca.x) * t, ca.y + (cb.y - ca.y) * t,
                                               ca.z + (cb.z - ca.z) * t, 1.0f));
}

}  // namespace

const std::map<std::string, GridPlacement>& GridPlacements() { return g_placements; }
void ClearGridPlacements() { g_placements.clear(); }
void ReleaseGridTextures() { g_textures.clear(); }

ImU32 ChannelColor(int channel) {
  // Orange, sky blue, bluish green, reddish purple, yellow: Okabe-Ito, which
  // colour-blind students tell apart.
  static const ImU32 kColors[] = {IM_COL32(230, 159, 0, 255), IM_COL32(86, 180, 233, 255),
                                  IM_COL32(0, 158, 115, 255), IM_COL32(204, 121, 167, 255),
                                  IM_COL32(240, 228, 66, 255)};
  return kColors[channel % 5];
}

namespace {
}  // namespace


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

ImU32 HeatIn(HeatPalette palette, double v, double lo, double hi) {
  return Heat(palette, hi > lo ? static_cast<float>((v - lo) / (hi - lo)) : 0.5f);
}

ImU32 InputValueFill(double v, double lo, double hi) {
  const float t = hi > lo ? static_cast<float>((v - lo) / (hi - lo)) : 0.5f;
  return Lerp(IM_COL32(41, 56, 87, 255), IM_COL32(140, 179, 224, 255), t);
}

ImU32 Diverging(float t) {
  t = std::clamp(std::isfinite(t) ? t : 0.0f, -1.0f, 1.0f);
  const ImU32 white = IM_COL32(235, 235, 235, 255);
  return t < 0 ? Lerp(white, IM_COL32(49, 104, 180, 255), -t) : Lerp(white, IM_COL32(196, 60, 50, 255), t);
}

ImU32 TextColorOn(ImU32 fill) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(fill);
  const float luminance = 0.299f * c.x + 0.587f * c.y + 0.114f * c.z;
  return luminance > 0.55f ? IM_COL32(15, 15, 15, 255) : IM_COL32(245, 245, 245, 255);
}

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

GridHit DrawGrid(const GridDraw& g) {
  GridHit hit;
  if (g.rows <= 0 || g.cols <= 0) return hit;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float label_w = g.label_every > 0 ? ImGui::CalcTextSize("-00").x + 4.0f : 0.0f;
  const float label_h = g.label_every > 0 ? ImGui::GetTextLineHeight() + 2.0f : 0.0f;
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  const ImVec2 origin(cursor.x + label_w, cursor.y + label_h);
  const ImVec2 size(g.cell * static_cast<float>(g.cols), g.cell * static_cast<float>(g.rows));
  const ImVec2 end(origin.x + size.x, origin.y + size.y);

  ImGui::PushID(g.name.c_str());
  const ImGuiID id = ImGui::GetID("grid");
  ImGui::PopID();
  gfx::GridTexture& texture = g_textures[id];
  texture.Update(g.rows, g.cols, g.fills);
  draw->AddImage(texture.id(), origin, end);

  // Cell borders, only where cells are big enough for lines to help.
  if (g.cell >= 8.0f) {
    const ImU32 line = CurrentColors().grid_line;
    for (int y = 0; y <= g.rows; ++y) {
      const float py = origin.y + static_cast<float>(y) * g.cell;
      draw->AddLine(ImVec2(origin.x, py), ImVec2(end.x, py), line);
    }
    for (int x = 0; x <= g.cols; ++x) {
      const float px = origin.x + static_cast<float>(x) * g.cell;
      draw->AddLine(ImVec2(px, origin.y), ImVec2(px, end.y), line);
    }
  }

  if (g.label_every > 0) {
    const ImU32 label = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    char text[16];
    for (int x = 0; x < g.cols; x += g.label_every) {
      std::snprintf(text, sizeof text, "%d", x + g.index_offset);
      const float tw = ImGui::CalcTextSize(text).x;
      draw->AddText(ImVec2(origin.x + (static_cast<float>(x) + 0.5f) * g.cell - tw * 0.5f, cursor.y), label, text);
    }
    for (int y = 0; y < g.rows; y += g.label_every) {
      std::snprintf(text, sizeof text, "%d", y + g.index_offset);
      const float tw = ImGui::CalcTextSize(text).x;
      draw->AddText(ImVec2(origin.x - tw - 4.0f,
                           origin.y + (static_cast<float>(y) + 0.5f) * g.cell - ImGui::GetTextLineHeight() * 0.5f),
                    label, text);
    }
  }

  if (!g.values.empty() && g.cell >= Scaled(kMinTextCell)) {
    for (int y = 0; y < g.rows; ++y) {
      for (int x = 0; x < g.cols; ++x) {
        const size_t i = static_cast<size_t>(y) * g.cols + x;
        const double v = g.values[i];
        if (std::isnan(v)) continue;
        std::string text = FormatValue(v) + g.suffix;
        ImVec2 ts = ImGui::CalcTextSize(text.c_str());
        if (ts.x > g.cell - 2.0f) {
          // Long decimals: fewer digits rather than text spilling over.
          char shorter[16];
          std::snprintf(shorter, sizeof shorter, "%.2g", v);
          text = std::string(shorter) + g.suffix;
          ts = ImGui::CalcTextSize(text.c_str());
        }
        ImU32 color = TextColorOn(g.fills.empty() ? IM_COL32(0, 0, 0, 255) : g.fills[i]);
        if (!g.dim.empty() && g.dim[i] != 0) color = (color & 0x00FFFFFF) | 0x99000000;
        draw->AddText(ImVec2(origin.x + (static_cast<float>(x) + 0.5f) * g.cell - ts.x * 0.5f,
                             origin.y + (static_cast<float>(y) + 0.5f) * g.cell - ts.y * 0.5f),
                      color, text.c_str());
      }
    }
  }

  for (const auto& [y, x] : g.crossed) {
    const ImVec2 a(origin.x + static_cast<float>(x) * g.cell + 3, origin.y + static_cast<float>(y) * g.cell + 3);
    const ImVec2 b(a.x + g.cell - 6, a.y + g.cell - 6);
    const ImU32 red = IM_COL32(230, 70, 60, 170);  // light enough to read the number under it
    draw->AddLine(a, b, red, 1.5f);
    draw->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, a.y), red, 1.5f);
  }

  for (const GridOutline& o : g.outlines) {
    const ImVec2 a(origin.x + o.x * g.cell, origin.y + o.y * g.cell);
    draw->AddRect(ImVec2(a.x + 1, a.y + 1), ImVec2(a.x + o.w * g.cell - 1, a.y + o.h * g.cell - 1), o.color, 0.0f, 0,
                  o.thickness);
  }

  ImGui::SetCursorScreenPos(cursor);
  ImGui::PushID(g.name.c_str());
  ImGui::InvisibleButton("cells", ImVec2(label_w + size.x, label_h + size.y));
  ImGui::PopID();
  if (ImGui::IsItemHovered()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const int cx = static_cast<int>(std::floor((m.x - origin.x) / g.cell));
    const int cy = static_cast<int>(std::floor((m.y - origin.y) / g.cell));
    if (cx >= 0 && cy >= 0 && cx < g.cols && cy < g.rows) {
      hit.hovered = true;
      hit.y = cy;
      hit.x = cx;
      hit.clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    }
  }
  g_placements[g.name] = GridPlacement{origin, g.cell, g.rows, g.cols};
  return hit;
}

}  // namespace convstep
