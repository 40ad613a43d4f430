// The Network tab: a whole trained network on one picture. The picture on
// the left, the layers in the middle (scrolling sideways when they do not
// fit), the classes on the right, and under them the arithmetic of the
// activation last clicked when it has no tab of its own (a dense unit).
#include <algorithm>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/network_actions.h"
#include "app/widgets/panel_frame.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

std::string DenseSumText(const ActivationSum& sum) {
  std::string text;
  for (size_t k = 0; k < sum.terms.size(); ++k) text += (k == 0 ? "" : " + ") + sum.terms[k];
  if (sum.rest_count > 0) {
    text += " + " + TrFormat("network.sum_rest", {std::to_string(sum.rest_count), FormatValue(sum.rest_sum)});
  }
  if (sum.has_bias) text += " + " + TrFormat("network.sum_bias", {FormatValue(sum.bias)});
  return text + " = " + FormatValue(sum.value);
}

// What the activation last clicked computes, when it is not a convolution
// or a pooling (those open their own tab).
void SelectedArithmetic(AppState& state) {
  const std::optional<ActivationRef>& ref = state.view.network.selected;
  if (!ref) {
    TextFitted(Tr("network.click_hint"));
    return;
  }
  const std::shared_ptr<const NetworkRun> held = state.CurrentNetworkRun();
  const NetworkRun& run = *held;
  const ActivationSum sum = ActivationArithmetic(state.ActiveNetwork(), run.input, run.activations, *ref);
  if (!sum.valid) return;
  const std::string label = LayerLabel(state.ActiveNetwork().model.layers, static_cast<size_t>(ref->layer));
  ColoredText(CurrentColors().title, TrFormat("network.selected", {label, std::to_string(ref->c), std::to_string(ref->y),
                                                                   std::to_string(ref->x)}).c_str());
  PushMonoFont();
  if (!sum.terms.empty()) {
    ImGui::TextUnformatted(TrFormat("network.sum_header", {std::to_string(sum.inputs)}).c_str());
    ImGui::TextWrapped("%s", DenseSumText(sum).c_str());
  } else if (!sum.formula.empty()) {
    ImGui::TextWrapped("%s", sum.formula.c_str());
  } else {
    const ActivationRef& s = sum.source;
    ImGui::TextWrapped("%s", TrFormat("network.flatten_source", {std::to_string(s.c), std::to_string(s.y),
                                                                 std::to_string(s.x), FormatValue(sum.value)}).c_str());
  }
  PopMonoFont();
}

void LayersPage(AppState& state) {
  const std::shared_ptr<const NetworkRun> held = state.CurrentNetworkRun();
  const NetworkRun& run = *held;
  if (!run.error.empty()) {
    ColoredText(CurrentColors().error, run.error.c_str());
    return;
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  // Two lines for the arithmetic of the activation clicked; the three
  // columns share the width, the layers' scrolling sideways, so that at
  // 300 % text the picture and the classes stay in view beside them.
  const float arithmetic_h = ImGui::GetTextLineHeightWithSpacing() * 2 + style.WindowPadding.y * 2;
  const float height = ImGui::GetContentRegionAvail().y - arithmetic_h - style.ItemSpacing.y;
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const float input_w = std::min(Scaled(230), avail_w * 0.26f);
  const float classes_w = std::min(Scaled(330), avail_w * 0.3f);

  ImGui::BeginChild("##network_input", ImVec2(input_w, height));
  DrawNetworkInputPanel(state, input_w - style.WindowPadding.x);
  ImGui::EndChild();
  ImGui::SameLine();
  const float layers_w = std::max(Scaled(120), ImGui::GetContentRegionAvail().x - classes_w - style.ItemSpacing.x);
  ImGui::BeginChild("##network_layers", ImVec2(layers_w, height), false, ImGuiWindowFlags_HorizontalScrollbar);
  DrawNetworkLayersPanel(state, ImGui::GetContentRegionAvail().y - style.ScrollbarSize);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##network_classes", ImVec2(0, height));
  DrawNetworkClassesPanel(state, ImGui::GetContentRegionAvail().x);
  ImGui::EndChild();

  ImGui::BeginChild("##network_arithmetic", ImVec2(0, 0), true);
  SelectedArithmetic(state);
  ImGui::EndChild();
}

struct Page {
  NetworkPage page;
  const char* key;
};
constexpr Page kPages[] = {{NetworkPage::kLayers, "network.page_layers"},
                           {NetworkPage::kTraining, "network.page_training"},
                           {NetworkPage::kTestSet, "network.page_test_set"}};

}  // namespace

void DrawNetworkPanel(AppState& state) {
  NetworkViewState& nv = state.view.network;
  if (!ImGui::BeginTabBar("network_pages")) return;
  for (const Page& p : kPages) {
    // A page chosen from outside (a script) is selected once.
    const ImGuiTabItemFlags flags = nv.page == p.page && nv.page_requested ? ImGuiTabItemFlags_SetSelected : 0;
    if (!ImGui::BeginTabItem((std::string(Tr(p.key)) + "###" + p.key).c_str(), nullptr, flags)) continue;
    if (!nv.page_requested) nv.page = p.page;
    else if (nv.page == p.page) nv.page_requested = false;
    switch (p.page) {
      case NetworkPage::kLayers: LayersPage(state); break;
      case NetworkPage::kTraining: DrawNetworkTrainingPanel(state); break;
      case NetworkPage::kTestSet: DrawNetworkTestSetPanel(state); break;
    }
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace convstep
