// Convolution as a matrix product in PyTorch's view: W with one row per
// filter (drawn turned, a column per filter, so its taps line up with the
// patch rows), the patch matrix X_col (one column per window), and
// W·X_col + b, which is the output.
// Patch cells are coloured by how many windows read the same input position,
// as the lecture's slide does; the current window's column is outlined.
#include <algorithm>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"

namespace convstep {

namespace {

// How many windows read an input position, as the slide's legend: 1×, 2×, 4×.
void VisitLegend(HeatPalette palette, const std::vector<int>& counts, int max_visits) {
  ImGui::TextUnformatted(Tr("matrix.legend"));
  for (int v : counts) {
    ImGui::SameLine();
    const ImU32 fill = Heat(palette, static_cast<float>(v) / static_cast<float>(max_visits));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + h * 2.2f, p.y + h), fill);
    const std::string label = std::to_string(v) + "\u00d7";
    ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + 4, p.y), TextColorOn(fill), label.c_str());
    ImGui::Dummy(ImVec2(h * 2.2f, h));
  }
}

}  // namespace

void DrawMatrixPanel(AppState& state) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  if (!state.matrix) {
    // Too large to draw, but its shapes are still what the lesson is about.
    const Im2ColShape shape = ShapeOfIm2Col(g);
    PanelTitle(Tr("matrix.title_plain"));
    ImGui::TextWrapped("%s", TrFormat("matrix.too_large", {std::to_string(shape.filters), std::to_string(shape.rows),
                                                           std::to_string(shape.cols)})
                                 .c_str());
    return;
  }
  const Im2Col& m = *state.matrix;
  const ConvStep step = conv.Step(state.view.step);
  const int column = PatchColumn(g, step.out_y, step.out_x);
  const std::string title =
      TrFormat("matrix.title", {std::to_string(m.filters), std::to_string(m.rows), std::to_string(m.cols)});
  PanelTitle(title.c_str());
  const std::string explain =
      TrFormat("matrix.explain", {std::to_string(g.kernel_h), std::to_string(g.kernel_w), std::to_string(g.in_channels)});
  if (state.view.compact) {
    // Large text: the explanation waits under the mouse, the matrices get the room.
    ImGui::TextDisabled("%s", Tr("matrix.explain_hint"));
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
      ImGui::TextUnformatted(explain.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  } else {
    ImGui::TextWrapped("%s", explain.c_str());
  }
  if (g.groups > 1) {
    const Im2ColShape shape = ShapeOfIm2Col(g);
    ImGui::TextWrapped("%s", TrFormat("matrix.groups", {std::to_string(g.groups), std::to_string(shape.filters),
                                                        std::to_string(shape.taps_per_filter)})
                                 .c_str());
  }

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // The legend's line, and two captions in the grids' text size above P
  // and the product.
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float captions = 2.0f * (GridTextSize(20.0f) * 1.25f + ImGui::GetStyle().ItemSpacing.y);
  // W sits left of P (it multiplies from the left); the product sits under P.
  const float cell = std::clamp(std::min((avail.x - Scaled(16) - 8.0f) / static_cast<float>(m.rows + m.cols),
                                         (avail.y - line - captions - 4.0f) / static_cast<float>(m.rows + m.filters)),
                                4.0f, Scaled(40));
  int max_visits = 1;
  std::vector<int> counts;
  for (int v : conv.Visits()) {
    max_visits = std::max(max_visits, v);
    if (v > 0 && std::find(counts.begin(), counts.end(), v) == counts.end()) counts.push_back(v);
  }
  std::sort(counts.begin(), counts.end());
  VisitLegend(state.view.appearance.palette, counts, max_visits);

  // W transposed on screen (taps down, filters across) so its rows line up
  // with P's rows, tap by tap.
  ImGui::BeginGroup();
  GridDraw w;
  w.caption = TrFormat("matrix.weights", {std::to_string(m.rows), std::to_string(m.filters)});
  w.name = "matrix/weights";
  w.rows = m.rows;
  w.cols = m.filters;
  w.cell = cell;
  double scale = 1e-12;
  for (double x : m.weights) scale = std::max(scale, std::abs(x));
  for (int r = 0; r < m.rows; ++r) {
    for (int f = 0; f < m.filters; ++f) {
      w.values.push_back(m.Weight(f, r));
      w.fills.push_back(Diverging(static_cast<float>(m.Weight(f, r) / scale)));
    }
  }
  w.outlines.push_back({0, static_cast<float>(step.out_channel), static_cast<float>(m.rows), 1, kCurrentColor, 2.5f});
  DrawGrid(w);
  ImGui::EndGroup();
  ImGui::SameLine(0, Scaled(16));

  ImGui::BeginGroup();
  GridDraw p;
  p.caption = Tr("matrix.patches");
  p.name = "matrix/patches";
  p.rows = m.rows;
  p.cols = m.cols;
  p.cell = cell;
  for (int r = 0; r < m.rows; ++r) {
    for (int c = 0; c < m.cols; ++c) {
      const PatchSource src = SourceOfPatch(g, r, c);
      p.values.push_back(m.Patch(r, c));
      p.fills.push_back(Heat(state.view.appearance.palette, static_cast<float>(conv.VisitsAt(src.y, src.x)) / static_cast<float>(max_visits)));
    }
  }
  // Each channel's block of rows framed in its colour, then the current column.
  const int taps = g.kernel_h * g.kernel_w;
  for (int c = 0; c < g.in_channels; ++c) {
    p.outlines.push_back({static_cast<float>(c * taps), 0, static_cast<float>(taps), static_cast<float>(m.cols),
                          ChannelColor(c), 1.5f});
  }
  p.outlines.push_back({0, static_cast<float>(column), static_cast<float>(m.rows), 1, kCurrentColor, 3.0f});
  const GridHit hit = DrawGrid(p);
  if (hit.clicked) {
    const OutputPosition at = OutputOfColumn(g, hit.x);
    state.GoToStep(conv.StepOf(step.out_channel, at.y, at.x));
  }

  GridDraw o;
  o.caption = Tr("matrix.product");
  o.name = "matrix/product";
  o.rows = m.filters;
  o.cols = m.cols;
  o.cell = cell;
  const auto [lo_it, hi_it] = std::minmax_element(m.product.begin(), m.product.end());
  for (double v : m.product) {
    o.values.push_back(v);
    o.fills.push_back(HeatIn(state.view.appearance.palette, v, *lo_it, *hi_it));
  }
  o.outlines.push_back({static_cast<float>(step.out_channel), static_cast<float>(column), 1, 1, kCurrentColor, 2.5f});
  DrawGrid(o);
  ImGui::EndGroup();
}

}  // namespace convstep
