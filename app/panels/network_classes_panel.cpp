// The Network tab's last column: the ten class probabilities as bars, the
// network's answer marked, and the softmax written out — each logit, its
// exponential, their sum and each one's share of it.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/network_actions.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

int Argmax(const std::vector<double>& v) {
  return static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
}

// The true class, when the picture is an example with one.
int TrueClass(const AppState& state) {
  if (state.view.network.drawing) return -1;
  if (state.view.network.test_picture) return state.view.network.test_picture->label;
  return ShippedExamples()[static_cast<size_t>(state.view.network.example)].label;
}

void ProbabilityBars(const AppState& state, float width) {
  const std::shared_ptr<const NetworkRun> run = state.CurrentNetworkRun();
  const std::vector<double>& p = run->probabilities;
  const int answer = Argmax(p);
  const int truth = TrueClass(state);
  float name_w = 0;
  for (size_t k = 0; k < p.size(); ++k) name_w = std::max(name_w, ImGui::CalcTextSize(Tr(NetworkClassKey(static_cast<int>(k)))).x);
  for (size_t k = 0; k < p.size(); ++k) {
    const int label = static_cast<int>(k);
    const ImU32 colour = label == answer ? CurrentColors().title : ImGui::GetColorU32(ImGuiCol_Text);
    ColoredText(colour, Tr(NetworkClassKey(label)));
    ImGui::SameLine(name_w + Scaled(12));
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.1f %%", 100.0 * p[k]);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, label == answer ? CurrentColors().title : ImGui::GetColorU32(ImGuiCol_PlotHistogram));
    ImGui::ProgressBar(static_cast<float>(p[k]), ImVec2(std::max(Scaled(30), width - name_w - Scaled(40)), 0), percent);
    ImGui::PopStyleColor();
    if (label == truth) {
      ImGui::SameLine();
      ImGui::TextUnformatted("←");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("network.true_class"));
    }
  }
  if (truth >= 0) {
    ImGui::TextUnformatted(Tr(answer == truth ? "network.right" : "network.wrong"));
  }
}

// p_k = e^(z_k) / Σ e^(z_j), with the numbers in: a row per class with its
// logit, its exponential and its share of their sum. The exponentials are
// of the logits as they are; the core's softmax subtracts the largest
// first so nothing overflows, which changes none of the shares.
void SoftmaxWrittenOut(const AppState& state) {
  const std::shared_ptr<const NetworkRun> held = state.CurrentNetworkRun();
  const NetworkRun& run = *held;
  ImGui::Spacing();
  PanelTitle(Tr("network.softmax_title"));
  PushMonoFont();
  ImGui::TextUnformatted("p_k = exp(z_k) / Σ_j exp(z_j)");
  double sum = 0;
  for (double z : run.logits) sum += std::exp(z);
  if (ImGui::BeginTable("softmax", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    for (const char* head : {"k", "z_k", "exp(z_k)", "p_k"}) ImGui::TableSetupColumn(head);
    ImGui::TableHeadersRow();
    for (size_t k = 0; k < run.logits.size(); ++k) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", static_cast<int>(k));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(FormatValue(run.logits[k]).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(FormatValue(std::exp(run.logits[k])).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(FormatValue(run.probabilities[k]).c_str());
    }
    ImGui::EndTable();
  }
  ImGui::TextUnformatted(TrFormat("network.softmax_sum", {FormatValue(sum)}).c_str());
  PopMonoFont();
}

}  // namespace

void DrawNetworkClassesPanel(AppState& state, float width) {
  ImGui::BeginGroup();
  PushGridFont();
  ImGui::TextUnformatted(Tr("network.classes_title"));
  ImGui::PopFont();
  ProbabilityBars(state, width);
  SoftmaxWrittenOut(state);
  ImGui::EndGroup();
}

}  // namespace convstep
