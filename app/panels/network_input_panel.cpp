// The Network tab's first column: the picture the network sees — one of the
// examples, chosen with ◀ ▶, or the student's drawing, painted here with the
// mouse (brush, eraser, clear) and classified as it is drawn, or a
// photograph put on the canvas to paint over.
#include <algorithm>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/state/network_actions.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"

namespace convstep {

namespace {

constexpr const char* kCanvasGrid = "net/input";

void ExampleChooser(AppState& state) {
  NetworkViewState& nv = state.view.network;
  const int count = static_cast<int>(ShippedExamples().size());
  ImGui::BeginDisabled(nv.drawing);
  // From a test picture, the arrows come back to the examples where they were.
  if (ImGui::ArrowButton("##previous_example", ImGuiDir_Left)) {
    nv.example = nv.test_picture ? nv.example : (nv.example + count - 1) % count;
    nv.test_picture.reset();
  }
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next_example", ImGuiDir_Right)) {
    nv.example = nv.test_picture ? nv.example : (nv.example + 1) % count;
    nv.test_picture.reset();
  }
  ImGui::SameLine();
  const NetworkExample& e = nv.test_picture ? *nv.test_picture : ShippedExamples()[static_cast<size_t>(nv.example)];
  const std::string which = nv.test_picture
                                ? TrFormat("network.test_picture", {std::to_string(e.test_index)})
                                : TrFormat("network.example", {std::to_string(nv.example + 1), std::to_string(count)});
  ImGui::TextUnformatted(which.c_str());
  ImGui::EndDisabled();
  if (!nv.drawing) ImGui::TextUnformatted(TrFormat("network.example_class", {Tr(NetworkClassKey(e.label))}).c_str());
}

// Paints along the mouse's path while the button is held over the canvas.
void Paint(AppState& state) {
  NetworkViewState& nv = state.view.network;
  const auto found = GridPlacements().find(kCanvasGrid);
  if (found == GridPlacements().end() || !ImGui::IsMouseDown(0) ||
      !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
    nv.last_paint.reset();
    return;
  }
  const GridPlacement& p = found->second;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float y = (mouse.y - p.origin.y) / p.cell;
  const float x = (mouse.x - p.origin.x) / p.cell;
  const bool inside = y >= -1 && x >= -1 && y <= kCanvasSide + 1 && x <= kCanvasSide + 1;
  if (!inside && !nv.last_paint) return;
  const std::pair<float, float> from = nv.last_paint.value_or(std::make_pair(y, x));
  if (PaintStroke({from.first, from.second, y, x, nv.brush, nv.eraser}, &nv.canvas)) ++nv.canvas_revision;
  nv.last_paint = std::make_pair(y, x);
}

void CanvasTools(AppState& state) {
  NetworkViewState& nv = state.view.network;
  ImGui::SetNextItemWidth(Scaled(110));
  ImGui::SliderFloat(TrId("network.brush").c_str(), &nv.brush, 0.5f, 3.0f, "%.1f");
  ConceptTooltip("tip.network_brush");
  ImGui::Checkbox(TrId("network.eraser").c_str(), &nv.eraser);
  ImGui::SameLine();
  if (ImGui::Button(TrId("network.clear").c_str())) {
    nv.canvas = BlankCanvas();
    ++nv.canvas_revision;
  }
  if (ImGui::Button(TrId("network.from_example").c_str())) {
    nv.canvas = ShippedExamples()[static_cast<size_t>(nv.example)].image;
    ++nv.canvas_revision;
  }
  ConceptTooltip("tip.network_from_example");
}

}  // namespace

void DrawNetworkInputPanel(AppState& state, float width) {
  NetworkViewState& nv = state.view.network;
  ImGui::BeginGroup();
  PushGridFont();
  const Tensor3& input = NetworkInput(state);
  ImGui::TextUnformatted(TrFormat("network.input", {std::to_string(input.h), std::to_string(input.w),
                                                    std::to_string(input.c)}).c_str());
  ImGui::PopFont();
  GridDraw grid;
  grid.name = kCanvasGrid;
  grid.rows = input.h;
  grid.cols = input.w;
  grid.cell = std::max(1.0f, std::floor(width / static_cast<float>(std::max(input.w, 1))));
  grid.values.assign(input.data.begin(), input.data.begin() + static_cast<std::ptrdiff_t>(input.h) * input.w);
  grid.ramp = [](float t) { return GreyRamp(HeatPalette::kViridis, t); };
  grid.lo = 0;
  grid.hi = 1;
  DrawGrid(grid);
  ExampleChooser(state);
  if (ImGui::Checkbox(TrId("network.draw").c_str(), &nv.drawing)) nv.last_paint.reset();
  ConceptTooltip("tip.network_draw");
  ImGui::SameLine();
  if (ImGui::Button(TrId("network.photo").c_str())) ShowOpenPhotoDialog(state);
  ConceptTooltip("tip.network_photo");
  ImGui::Checkbox(TrId("network.every_layer").c_str(), &nv.every_layer);
  ConceptTooltip("tip.network_every_layer");
  if (nv.drawing) {
    Paint(state);
    CanvasTools(state);
  }
  ImGui::EndGroup();
}

}  // namespace convstep
