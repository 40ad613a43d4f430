// The Network tab's Test set page: the network shown classifies the test
// set; the confusion matrix (rows the true class, columns the predicted
// one) with the pictures of the cell chosen, the most confident first —
// off the diagonal, the network's mistakes; and the first layer's filters
// as images, each with the nine test pictures that excite it most and the
// patch of each that its strongest response sees. A click on any picture
// sends it through the network on the Layers page.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/network_actions.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "core/conv/conv_spec.h"
#include "core/nn/forward.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

constexpr int kSide = 28;

// Test picture `index` as a small greyscale grid; a click opens it.
void TestThumbnail(AppState& state, const std::string& name, int index, float cell, const std::string& tip,
                   const std::vector<GridOutline>& outlines = {}) {
  const FashionData& data = *state.view.network.data;
  GridDraw grid;
  grid.name = name;
  grid.rows = kSide;
  grid.cols = kSide;
  grid.cell = cell;
  const auto first = data.test_images.begin() + static_cast<std::ptrdiff_t>(index) * kSide * kSide;
  grid.values.assign(first, first + kSide * kSide);
  grid.ramp = [](float t) { return GreyRamp(HeatPalette::kViridis, t); };
  grid.outlines = outlines;
  const GridHit hit = DrawGrid(grid);
  if (hit.hovered) ImGui::SetTooltip("%s", tip.c_str());
  if (hit.clicked) ShowTestPicture(state, index);
}

std::string ClassLabel(int k) { return std::to_string(k) + " " + Tr(NetworkClassKey(k)); }

// The widest row label of the confusion matrix, in the grids' text.
float ClassLabelsWidth(int classes) {
  PushGridFont();
  float w = 0;
  for (int k = 0; k < classes; ++k) w = std::max(w, ImGui::CalcTextSize(ClassLabel(k).c_str()).x);
  ImGui::PopFont();
  return w;
}

void ConfusionMatrix(AppState& state, float width) {
  NetworkViewState& nv = state.view.network;
  const TestSetReport& r = *nv.test_report;
  PanelTitle(Tr("network.confusion_title"));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", Tr("network.confusion_axes"));
  ImGui::PopStyleColor();
  const float label_w = ClassLabelsWidth(r.classes);
  const std::pair<int, int> shown = ShownTestCell(nv);
  GridDraw grid;
  grid.name = "net/confusion";
  grid.rows = r.classes;
  grid.cols = r.classes;
  grid.cell = std::clamp(std::floor((width - label_w - Scaled(16)) / static_cast<float>(r.classes)), Scaled(12), Scaled(64));
  grid.values.assign(r.confusion.begin(), r.confusion.end());
  // Scaled to the largest mistake, so the mistakes show; the diagonal, far
  // larger, takes the darkest colour.
  int worst = 1;
  for (int t = 0; t < r.classes; ++t) {
    for (int p = 0; p < r.classes; ++p) worst = t == p ? worst : std::max(worst, r.Count(t, p));
  }
  grid.ramp = [palette = state.view.appearance.palette](float t) { return Heat(palette, t); };
  grid.lo = 0;
  grid.hi = worst;
  grid.labels = true;
  grid.row_tick = ClassLabel;
  grid.col_tick = [](int k) { return std::to_string(k); };
  grid.outlines.push_back({static_cast<float>(shown.first), static_cast<float>(shown.second), 1, 1, kCurrentColor, 2.0f});
  const GridHit hit = DrawGrid(grid);
  if (hit.hovered) {
    ImGui::SetTooltip("%s", TrFormat("network.confusion_tip", {std::to_string(r.Count(hit.y, hit.x)),
                                                               Tr(NetworkClassKey(hit.y)), Tr(NetworkClassKey(hit.x))})
                                .c_str());
  }
  if (hit.clicked) nv.test_cell = {hit.y, hit.x};
}

void CellPicturesColumn(AppState& state, float width) {
  NetworkViewState& nv = state.view.network;
  const TestSetReport& r = *nv.test_report;
  const auto [truth, predicted] = ShownTestCell(nv);
  const std::vector<int> pictures = CellPictures(r, truth, predicted);
  PanelTitleWrapped(TrFormat(truth == predicted ? "network.cell_right" : "network.cell_wrong",
                      {Tr(NetworkClassKey(truth)), Tr(NetworkClassKey(predicted)), std::to_string(pictures.size())})
                 .c_str());
  const float cell = std::max(1.0f, std::floor(Scaled(2.5f)));
  const float pitch = cell * kSide + Scaled(4);
  const int per_row = std::max(1, static_cast<int>((width + Scaled(4)) / pitch));
  const int rows = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().y / (pitch + Scaled(2))));
  const size_t shown = std::min(pictures.size(), static_cast<size_t>(per_row * rows));
  for (size_t k = 0; k < shown; ++k) {
    if (k % static_cast<size_t>(per_row) != 0) ImGui::SameLine(0, Scaled(4));
    const int i = pictures[k];
    TestThumbnail(state, "net/test/" + std::to_string(k), i, cell,
                  TrFormat("network.test_tip", {std::to_string(i), FormatValue(r.confidence[static_cast<size_t>(i)])}));
  }
  if (shown < pictures.size()) {
    ImGui::TextDisabled("%s", TrFormat("network.more_pictures", {std::to_string(pictures.size() - shown)}).c_str());
  }
}

// Where output (y, x) of the first convolution looks in its input: its
// window, clipped to the picture (a "same" padding reaches past the edge).
GridOutline FilterWindow(const Conv2dGeometry& g, int y, int x) {
  const int top = std::max(y * g.stride.h - g.padding.top, 0);
  const int left = std::max(x * g.stride.w - g.padding.left, 0);
  const int bottom = std::min(y * g.stride.h - g.padding.top + (g.kernel_h - 1) * g.dilation.h + 1, g.in_h);
  const int right = std::min(x * g.stride.w - g.padding.left + (g.kernel_w - 1) * g.dilation.w + 1, g.in_w);
  return {static_cast<float>(top), static_cast<float>(left), static_cast<float>(bottom - top),
          static_cast<float>(right - left), kCurrentColor, 1.5f};
}

void FiltersColumn(AppState& state, float width) {
  NetworkViewState& nv = state.view.network;
  const TestSetReport& r = *nv.test_report;
  if (r.first_conv < 0) return;
  const Network& net = state.ActiveNetwork();
  const Conv2dSpec spec = LayerConv2dSpec(net, r.first_conv, Tensor3(1, kSide, kSide));
  Result<Conv2dGeometry> geometry = ResolveConv2d(spec);
  if (!geometry) return;
  const Conv2dGeometry& g = *geometry;
  PanelTitleWrapped(TrFormat("network.filters_title", {std::to_string(g.out_channels), std::to_string(g.kernel_h),
                                                std::to_string(g.kernel_w)}).c_str());
  const Tensor4& w = spec.weight;
  double bound = 1e-12;
  for (double v : w.data) bound = std::max(bound, std::fabs(v));
  // Eight to a row, as large as the column allows (a 3×3 filter's taps
  // several pixels each).
  const float gap = Scaled(4);
  const float cell = std::clamp(std::floor((width - 7 * gap) / 8 / static_cast<float>(g.kernel_w)), 2.0f, Scaled(12));
  const float pitch = cell * static_cast<float>(g.kernel_w) + gap;
  const int per_row = std::max(1, static_cast<int>((width + gap) / pitch));
  nv.test_filter = std::clamp(nv.test_filter, 0, g.out_channels - 1);
  for (int f = 0; f < g.out_channels; ++f) {
    if (f % per_row != 0) ImGui::SameLine(0, gap);
    GridDraw grid;
    grid.name = "net/filter/" + std::to_string(f);
    grid.rows = g.kernel_h;
    grid.cols = g.kernel_w;
    grid.cell = cell;
    const size_t size = static_cast<size_t>(g.kernel_h) * g.kernel_w;
    // Channel 0: the first layer reads a greyscale picture.
    const auto first = w.data.begin() + static_cast<std::ptrdiff_t>(size * static_cast<size_t>(w.c) * static_cast<size_t>(f));
    grid.values.assign(first, first + static_cast<std::ptrdiff_t>(size));
    grid.ramp = [](float t) { return DivergingRamp(HeatPalette::kViridis, t); };
    grid.lo = -bound;
    grid.hi = bound;
    if (f == nv.test_filter) {
      grid.outlines.push_back({0, 0, static_cast<float>(g.kernel_h), static_cast<float>(g.kernel_w), kCurrentColor, 2.0f});
    }
    const GridHit hit = DrawGrid(grid);
    if (hit.hovered) ImGui::SetTooltip("%s", TrFormat("network.filter_tip", {std::to_string(f)}).c_str());
    if (hit.clicked) nv.test_filter = f;
  }
  ImGui::Spacing();
  ImGui::TextWrapped("%s", TrFormat("network.strongest_title", {std::to_string(nv.test_filter)}).c_str());
  const std::vector<FilterPeak>& top = r.strongest[static_cast<size_t>(nv.test_filter)];
  // Three by three across the column, large enough that the patch of a
  // 3×3 window shows (the column scrolls when the text is large).
  const float thumb = std::max(1.0f, std::floor((width - 2 * gap) / 3 / kSide));
  for (size_t k = 0; k < top.size(); ++k) {
    if (k % 3 != 0) ImGui::SameLine(0, gap);
    const FilterPeak& p = top[k];
    TestThumbnail(state, "net/top/" + std::to_string(k), p.image, thumb,
                  TrFormat("network.strongest_tip", {std::to_string(p.image), FormatValue(p.value), std::to_string(p.y),
                                                     std::to_string(p.x)}),
                  {FilterWindow(g, p.y, p.x)});
  }
}

}  // namespace

void DrawNetworkTestSetPanel(AppState& state) {
  NetworkViewState& nv = state.view.network;
  if (!nv.test_error.empty()) {
    ColoredText(CurrentColors().error, nv.test_error.c_str());
    return;
  }
  if (ShownTestReport(state) == nullptr || !nv.data) {
    ImGui::TextUnformatted(Tr("network.classifying"));
    return;
  }
  const TestSetReport& r = *nv.test_report;
  ImGui::TextUnformatted(TrFormat("network.test_set_accuracy", {std::to_string(r.correct), std::to_string(r.images),
                                                            FormatValue(100.0 * r.correct / std::max(r.images, 1))})
                             .c_str());
  const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
  const float all = ImGui::GetContentRegionAvail().x;
  // The matrix as wide as its counts need to be read (four digits in the
  // grids' text), at least 42 % of the width and at most 60 %; the two
  // columns of pictures share the rest.
  const float label_w = ClassLabelsWidth(r.classes);
  PushGridFont();
  const float count_w = ImGui::CalcTextSize("0000").x + Scaled(6);
  ImGui::PopFont();
  const float need = label_w + count_w * static_cast<float>(r.classes) + ImGui::GetStyle().WindowPadding.x * 2 + Scaled(24);
  const float matrix_w = std::floor(std::clamp(need, all * 0.42f, all * 0.6f));
  const float cell_w = std::floor((all - matrix_w - 2 * gap) * 0.5f);
  ImGui::BeginChild("##confusion", ImVec2(matrix_w, 0), true);
  ConfusionMatrix(state, ImGui::GetContentRegionAvail().x);
  ImGui::EndChild();
  ImGui::SameLine(0, gap);
  ImGui::BeginChild("##cell_pictures", ImVec2(cell_w, 0), true);
  CellPicturesColumn(state, ImGui::GetContentRegionAvail().x);
  ImGui::EndChild();
  ImGui::SameLine(0, gap);
  ImGui::BeginChild("##first_filters", ImVec2(0, 0), true);
  FiltersColumn(state, ImGui::GetContentRegionAvail().x);
  ImGui::EndChild();
}

}  // namespace convstep
