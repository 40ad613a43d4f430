// The network's layers at work on one picture: a column per layer with its
// feature maps as small heatmaps (or its units, once flat), every map of a
// layer on one colour scale. A click on any activation steps into its
// arithmetic (network_actions.h).
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/network_actions.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

// How a column lays out `count` maps of rows × cols: maps per row and the
// cell size, the largest cell that fits the column's height without the
// column growing wider than `max_width`.
struct MapColumn {
  int per_row = 1;
  float cell = 1;
  float width = 0;
};

MapColumn ArrangeMaps(int count, int rows, int cols, float height, float max_width, float max_cell) {
  const float gap = Scaled(3);
  MapColumn best;
  for (int per_row = 1; per_row <= count; ++per_row) {
    const int lines = (count + per_row - 1) / per_row;
    const float by_height = (height - gap * static_cast<float>(lines - 1)) / static_cast<float>(lines * rows);
    const float cell = std::min(by_height, max_cell);
    const float width = static_cast<float>(per_row) * (cell * static_cast<float>(cols) + gap) - gap;
    if (cell <= 0.5f) continue;
    if (width > max_width && per_row > 1) break;
    if (cell > best.cell || best.width == 0) best = {per_row, cell, width};
  }
  return best;
}

// A flat layer (dense, flatten) as a block of cells, row-major, about four
// times as tall as wide so long vectors stay in the column's height.
void FlatShape(int n, int* rows, int* cols) {
  *cols = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n) / 4.0))));
  *rows = (n + *cols - 1) / *cols;
}

std::pair<double, double> Range(const Tensor3& t) {
  if (t.data.empty()) return {0, 1};
  const auto [lo, hi] = std::minmax_element(t.data.begin(), t.data.end());
  return {*lo, *hi};
}

// The colours of one layer's maps: every map of the layer on one scale, so
// a map that looks brighter is brighter; signed layers diverge around 0.
void ColourBy(const Tensor3& layer, const Appearance& look, GridDraw* grid) {
  const auto [lo, hi] = Range(layer);
  const HeatPalette palette = look.palette;
  if (lo < 0) {
    const double bound = std::max(std::fabs(lo), std::fabs(hi));
    grid->ramp = [](float t) { return DivergingRamp(HeatPalette::kViridis, t); };
    grid->lo = -bound;
    grid->hi = bound;
  } else {
    grid->ramp = [palette](float t) { return Heat(palette, t); };
    grid->lo = lo;
    grid->hi = hi > lo ? hi : lo + 1;
  }
}

LayerType TypeOf(const AppState& state, int layer) {
  return state.ActiveNetwork().model.layers[static_cast<size_t>(layer)].type;
}

// A ReLU right after a convolution or a dense layer is shown as part of
// it, as Keras's activation='relu' is, unless every layer is asked for.
bool FoldedIntoNext(const AppState& state, int layer) {
  const size_t next = static_cast<size_t>(layer) + 1;
  const LayerType type = TypeOf(state, layer);
  return next < state.ActiveNetwork().model.layers.size() && TypeOf(state, layer + 1) == LayerType::kReLU &&
         (type == LayerType::kConv2d || type == LayerType::kDense || type == LayerType::kConv1d);
}

bool Shown(const AppState& state, int layer) {
  if (state.view.network.every_layer) return true;
  return !FoldedIntoNext(state, layer) && TypeOf(state, layer) != LayerType::kDropout;
}

// The Keras class (with the ReLU folded in) and the output's shape, short
// enough for a narrow column; the full label is the tooltip.
std::string LayerHeading(const AppState& state, int layer, const Tensor3& a) {
  std::string name = std::to_string(layer + 1) + " " + KerasClassName(TypeOf(state, layer));
  if (!state.view.network.every_layer && layer > 0 && FoldedIntoNext(state, layer - 1)) {
    name = std::to_string(layer) + "–" + std::to_string(layer + 1) + " " + KerasClassName(TypeOf(state, layer - 1)) + " + ReLU";
  }
  const std::string shape = a.h == 1 && a.w == 1 ? std::to_string(a.c)
                                                 : std::to_string(a.h) + "×" + std::to_string(a.w) + "×" + std::to_string(a.c);
  return name + "\n" + shape;
}

void ActivationTooltip(const AppState& state, const ActivationRef& ref, double value) {
  const LayerType type = state.ActiveNetwork().model.layers[static_cast<size_t>(ref.layer)].type;
  const bool steps = type == LayerType::kConv2d || type == LayerType::kMaxPool2d || type == LayerType::kAvgPool2d ||
                     (type == LayerType::kReLU && ref.layer > 0 &&
                      state.ActiveNetwork().model.layers[static_cast<size_t>(ref.layer - 1)].type == LayerType::kConv2d);
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(TrFormat("network.activation_tip", {std::to_string(ref.c), std::to_string(ref.y),
                                                             std::to_string(ref.x), FormatValue(value)})
                             .c_str());
  ImGui::TextDisabled("%s", Tr(steps ? "network.click_to_step" : "network.click_for_sum"));
  ImGui::EndTooltip();
}

// One layer's output, `height` tall: its heading, then its maps, or its
// units as one block.
void LayerColumn(AppState& state, int layer, const Tensor3& a, uint64_t run_key, float height) {
  ImGui::BeginGroup();
  PushGridFont();
  ImGui::TextUnformatted(LayerHeading(state, layer, a).c_str());
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", LayerLabel(state.ActiveNetwork().model.layers, static_cast<size_t>(layer)).c_str());
  }
  const float heading_h = ImGui::GetItemRectSize().y + ImGui::GetStyle().ItemSpacing.y;
  const float heading_w = ImGui::GetItemRectSize().x;
  ImGui::PopFont();
  const bool flat = a.h == 1 && a.w == 1;
  int rows = a.h;
  int cols = a.w;
  int count = a.c;
  if (flat) {
    FlatShape(a.c, &rows, &cols);
    count = 1;
  }
  const MapColumn m = ArrangeMaps(count, rows, cols, std::max(height - heading_h, Scaled(40)),
                                   std::max(Scaled(120), heading_w), Scaled(28));
  const uint64_t key = FillKey(state.view.appearance, {run_key, static_cast<uint64_t>(layer)});
  for (int map = 0; map < count; ++map) {
    if (map % m.per_row != 0) ImGui::SameLine(0, Scaled(3));
    GridDraw grid;
    grid.name = "net/" + std::to_string(layer) + "/" + std::to_string(map);
    grid.rows = rows;
    grid.cols = cols;
    grid.cell = m.cell;
    grid.key = key;
    if (!GridIsFresh(grid.name, key)) {
      grid.values.assign(static_cast<size_t>(rows) * cols, std::nan(""));
      const size_t plane = static_cast<size_t>(a.h) * a.w;
      const size_t first = flat ? 0 : static_cast<size_t>(map) * plane;
      const size_t n = flat ? a.data.size() : plane;
      std::copy_n(a.data.begin() + static_cast<std::ptrdiff_t>(first), n, grid.values.begin());
      ColourBy(a, state.view.appearance, &grid);
    }
    const std::optional<ActivationRef>& selected = state.view.network.selected;
    if (selected && selected->layer == layer && (flat || selected->c == map)) {
      const int y = flat ? selected->c / cols : selected->y;
      const int x = flat ? selected->c % cols : selected->x;
      grid.outlines.push_back({static_cast<float>(y), static_cast<float>(x), 1, 1, kCurrentColor, 2.0f});
    }
    const GridHit hit = DrawGrid(grid);
    if (!hit.hovered && !hit.clicked) continue;
    ActivationRef ref{layer, map, hit.y, hit.x};
    if (flat) ref = {layer, hit.y * cols + hit.x, 0, 0};
    if (ref.c >= a.c) continue;  // the blank end of a flat block
    if (hit.hovered) ActivationTooltip(state, ref, a.at(ref.c, ref.y, ref.x));
    if (hit.clicked) OpenActivation(state, ref);
  }
  ImGui::EndGroup();
}

}  // namespace

void DrawNetworkLayersPanel(AppState& state, float height) {
  // Held: a click below may open another tab, which changes the document
  // and so the network's run, while the columns after it still draw this one.
  const std::shared_ptr<const NetworkRun> held = state.CurrentNetworkRun();
  const NetworkRun& run = *held;
  BeginGridLayer();
  bool first = true;
  for (size_t l = 0; l < run.activations.size(); ++l) {
    if (!Shown(state, static_cast<int>(l))) continue;
    if (!first) ImGui::SameLine(0, Scaled(12));
    first = false;
    LayerColumn(state, static_cast<int>(l), run.activations[l], run.key, height);
  }
  EndGridLayer();
}

}  // namespace convstep
