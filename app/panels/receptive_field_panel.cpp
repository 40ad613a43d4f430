// The receptive field of a sequence model's last output, drawn back
// through every 1-D layer (WaveNet's causal stack of dilations 1, 2, 4, 8):
// one row of dots per level, the input at the bottom, the positions the
// output depends on lit with the taps that read them, and its size in
// samples and milliseconds with the formula.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/receptive_stack.h"
#include "app/widgets/tooltip.h"

namespace convstep {

namespace {

// Where level l's position p sits across the input: the strides below it
// spread its positions out.
struct LevelMap {
  std::vector<int> spread;  // product of the strides below each level
  int first = 0;            // the first input position drawn
  float x0 = 0;
  float dx = 1;
  float X(int level, int p) const { return x0 + (static_cast<float>(p * spread[static_cast<size_t>(level)] - first) + 0.5f) * dx; }
};

// The taps of output o of layer `r`, in its input's numbering.
std::vector<int> Taps(const ReceptiveLayer& r, int o) {
  std::vector<int> taps;
  const int pad = r.causal ? r.dilation * (r.kernel - 1) : 0;
  for (int k = 0; k < r.kernel; ++k) taps.push_back(o * r.stride + k * r.dilation - pad);
  return taps;
}

// Each level's name at the left: the input, then the layers as Keras names
// them, with their dilation.
std::vector<std::string> LevelNames(const ReceptiveStack& stack, const ModelSummary& summary) {
  std::vector<std::string> names = {Tr("summary.receptive_input")};
  for (size_t i = 0; i < stack.layers.size(); ++i) {
    std::string name = summary.layers[static_cast<size_t>(stack.model_index[i])].name;
    if (stack.layers[i].dilation > 1) name += "  d=" + std::to_string(stack.layers[i].dilation);
    names.push_back(name);
  }
  return names;
}

void DrawStack(const ReceptiveStack& stack, const ReceptiveField& field, const std::vector<std::string>& names) {
  const int levels = static_cast<int>(stack.layers.size()) + 1;
  float label_w = 0;
  for (const std::string& n : names) label_w = std::max(label_w, ImGui::CalcTextSize(n.c_str()).x);
  LevelMap m;
  m.spread.push_back(1);
  for (const ReceptiveLayer& r : stack.layers) m.spread.push_back(m.spread.back() * r.stride);
  // The input positions shown: the field and a few either side, at most 96.
  const int input_n = stack.steps.front();
  const int last = std::min(input_n - 1, field.layers.front().last + 4);
  m.first = std::max(0, std::min(field.layers.front().first - 4, last - 95));
  const float width = ImGui::GetContentRegionAvail().x - Scaled(12) - label_w;
  m.dx = width / static_cast<float>(last - m.first + 1);
  const float row = Scaled(30);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  m.x0 = at.x + label_w + Scaled(8);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float r_dot = std::clamp(m.dx * 0.3f, 1.5f, Scaled(4));
  const ImU32 grey = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 lit = IM_COL32(230, 159, 0, 255);
  const auto Y = [&](int level) { return at.y + static_cast<float>(levels - 1 - level) * row + row * 0.5f; };
  // Level l + 1's lit positions read their taps at level l.
  std::vector<std::vector<int>> reached(static_cast<size_t>(levels));
  for (int l = 0; l < levels - 1; ++l) reached[static_cast<size_t>(l)] = field.layers[static_cast<size_t>(l)].positions;
  reached.back() = {field.out_position};
  for (int l = levels - 1; l >= 1; --l) {
    for (int o : reached[static_cast<size_t>(l)]) {
      for (int t : Taps(stack.layers[static_cast<size_t>(l - 1)], o)) {
        if (t < 0) continue;
        draw->AddLine(ImVec2(m.X(l, o), Y(l)), ImVec2(m.X(l - 1, t), Y(l - 1)), lit, 1.5f);
      }
    }
  }
  for (int l = 0; l < levels; ++l) {
    draw->AddText(ImVec2(at.x, Y(l) - ImGui::GetFontSize() * 0.5f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                  names[static_cast<size_t>(l)].c_str());
    const std::vector<int>& lit_here = reached[static_cast<size_t>(l)];
    for (int p = 0; p < stack.steps[static_cast<size_t>(l)]; ++p) {
      const float x = m.X(l, p);
      if (x < m.x0 - 1.0f || x > m.x0 + width + 1.0f) continue;
      const bool on = std::binary_search(lit_here.begin(), lit_here.end(), p);
      const ImU32 color = l == levels - 1 && on ? kCurrentColor : on ? lit : grey;
      draw->AddCircleFilled(ImVec2(x, Y(l)), on ? r_dot * 1.4f : r_dot, color);
    }
  }
  ImGui::Dummy(ImVec2(label_w + Scaled(8) + width, row * static_cast<float>(levels)));
}

}  // namespace

void DrawReceptiveField(const AppState& state) {
  if (!state.summary) return;
  const std::optional<ReceptiveStack> stack = ReceptiveStackOf(state.session.model, *state.summary);
  if (!stack || stack->steps.back() < 1) return;
  Result<ReceptiveField> field = TraceReceptiveField(stack->layers, stack->steps.back() - 1);
  if (!field) return;
  ImGui::Spacing();
  ImGui::TextUnformatted(Tr("summary.receptive_title"));
  ConceptTooltip("tip.receptive_field");
  const InputAxes& axes = state.session.input_axes;
  const bool timed = axes.rows == InputAxes::Rows::kWaveform && axes.frame_seconds > 0;
  const double seconds = field->size * (timed ? axes.frame_seconds : 1.0 / 16000.0);
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.2f", seconds * 1000.0);
  const std::string rate = timed ? std::to_string(static_cast<int>(std::lround(1.0 / axes.frame_seconds))) : "16000";
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextWrapped("%s", TrFormat("summary.receptive_size", {std::to_string(field->size), ms, rate,
                                                               ReceptiveFieldFormula(stack->layers)})
                               .c_str());
  ImGui::PopTextWrapPos();
  DrawStack(*stack, *field, LevelNames(*stack, *state.summary));
}

}  // namespace convstep
