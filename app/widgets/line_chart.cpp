#include "app/widgets/line_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/widgets/panel_frame.h"

namespace convstep {

namespace {

// About `count` round steps between lo and hi: 1, 2 or 5 times a power of ten.
float TickStep(float lo, float hi, int count) {
  const float raw = (hi - lo) / static_cast<float>(std::max(count, 1));
  if (raw <= 0) return 1;
  const float power = std::pow(10.0f, std::floor(std::log10(raw)));
  for (float m : {1.0f, 2.0f, 5.0f, 10.0f}) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

std::string TickText(float v, float step) {
  char text[32];
  const int decimals = step >= 1 ? 0 : std::min(4, static_cast<int>(std::ceil(-std::log10(step))));
  std::snprintf(text, sizeof text, "%.*f", decimals, static_cast<double>(v));
  return text;
}

// The points of `s` as pixels, one mean per pixel column when they are denser.
std::vector<ImVec2> Polyline(const ChartSeries& s, ImVec2 origin, ImVec2 size, const ChartAxes& a) {
  std::vector<ImVec2> out;
  const float y_span = a.y_hi > a.y_lo ? a.y_hi - a.y_lo : 1;
  int column = -1;
  float sum = 0;
  int n = 0;
  auto flush = [&] {
    if (n == 0) return;
    const float y = std::clamp((sum / static_cast<float>(n) - a.y_lo) / y_span, 0.0f, 1.0f);
    out.emplace_back(origin.x + static_cast<float>(column), origin.y + size.y - y * size.y);
  };
  for (size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
    const int c = static_cast<int>(std::floor(s.x[i] / std::max(a.x_max, 1e-6f) * size.x));
    if (c != column) {
      flush();
      column = c;
      sum = 0;
      n = 0;
    }
    if (std::isfinite(s.y[i])) {
      sum += s.y[i];
      ++n;
    }
  }
  flush();
  return out;
}

}  // namespace

void DrawLineChart(const char* id, const ChartAxes& a, const std::vector<ChartSeries>& series, ImVec2 size) {
  ImGui::PushID(id);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_Border);
  const float line_h = ImGui::GetTextLineHeight();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  draw->AddText(start, text, a.title.c_str());
  const float y_step = TickStep(a.y_lo, a.y_hi, 4);
  float label_w = 0;
  for (float v = std::ceil(a.y_lo / y_step) * y_step; v <= a.y_hi + 1e-6f; v += y_step) {
    label_w = std::max(label_w, ImGui::CalcTextSize(TickText(v, y_step).c_str()).x);
  }
  const ImVec2 origin(start.x + label_w + style.ItemSpacing.x, start.y + line_h + style.ItemSpacing.y);
  // Room on the right for half of the last x tick's label.
  const float right = ImGui::CalcTextSize(TickText(a.x_max, TickStep(0, a.x_max, 5)).c_str()).x * 0.5f + style.ItemSpacing.x;
  const ImVec2 plot(std::max(10.0f, size.x - (origin.x - start.x) - right),
                    std::max(10.0f, size.y - (origin.y - start.y) - 2 * line_h - style.ItemSpacing.y));
  draw->AddRect(origin, ImVec2(origin.x + plot.x, origin.y + plot.y), faint);
  const float y_span = a.y_hi > a.y_lo ? a.y_hi - a.y_lo : 1;
  for (float v = std::ceil(a.y_lo / y_step) * y_step; v <= a.y_hi + 1e-6f; v += y_step) {
    const float y = origin.y + plot.y - (v - a.y_lo) / y_span * plot.y;
    draw->AddLine(ImVec2(origin.x, y), ImVec2(origin.x + plot.x, y), faint);
    const std::string t = TickText(v, y_step);
    draw->AddText(ImVec2(origin.x - style.ItemSpacing.x - ImGui::CalcTextSize(t.c_str()).x, y - line_h / 2), text, t.c_str());
  }
  const float x_step = TickStep(0, a.x_max, 5);
  for (float v = 0; v <= a.x_max + 1e-6f; v += x_step) {
    const float x = origin.x + v / std::max(a.x_max, 1e-6f) * plot.x;
    const std::string t = TickText(v, x_step);
    draw->AddText(ImVec2(x - ImGui::CalcTextSize(t.c_str()).x / 2, origin.y + plot.y + 2), text, t.c_str());
  }
  draw->AddText(ImVec2(origin.x + plot.x - ImGui::CalcTextSize(a.x_label.c_str()).x, origin.y + plot.y + line_h + 2), text,
                a.x_label.c_str());
  draw->PushClipRect(origin, ImVec2(origin.x + plot.x + 1, origin.y + plot.y + 1), true);
  for (const ChartSeries& s : series) {
    const std::vector<ImVec2> line = Polyline(s, origin, plot, a);
    if (line.size() >= 2) draw->AddPolyline(line.data(), static_cast<int>(line.size()), s.color, 0, Scaled(2));
    if (s.points || line.size() == 1) {
      for (const ImVec2& p : line) draw->AddCircleFilled(p, Scaled(3.5f), s.color);
    }
  }
  draw->PopClipRect();
  // The legend, top right inside the plot.
  float y = origin.y + style.ItemSpacing.y;
  for (const ChartSeries& s : series) {
    const float w = ImGui::CalcTextSize(s.label.c_str()).x;
    const ImVec2 at(origin.x + plot.x - w - style.ItemSpacing.x, y);
    draw->AddRectFilled(ImVec2(at.x - line_h, at.y + line_h * 0.3f), ImVec2(at.x - line_h * 0.3f, at.y + line_h * 0.7f), s.color);
    draw->AddText(at, text, s.label.c_str());
    y += line_h;
  }
  ImGui::Dummy(size);
  ImGui::PopID();
}

}  // namespace convstep
