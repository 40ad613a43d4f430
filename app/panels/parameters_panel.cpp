// The convolution's parameters, each changed live. Every change builds a
// candidate spec and hands it to AppState::TryConv, which keeps the session
// as it was and shows the reason when the candidate is invalid.
#include <algorithm>
#include <string>

#include "app/panels/panels.h"
#include "app/widgets/panel_frame.h"

namespace convstep {

namespace {

// One row of the parameter table: the name on the left, the widget filling
// the rest, so long names are never cut.
void Row(const char* name) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(name);
  ImGui::TableSetColumnIndex(1);
  ImGui::SetNextItemWidth(-FLT_MIN);
}

bool PairInput(const char* label, Pair* p, int lo, int hi) {
  int values[2] = {p->h, p->w};
  Row(label);
  ImGui::PushID(label);
  const bool changed = ImGui::SliderInt2("##pair", values, lo, hi);
  ImGui::PopID();
  if (!changed) return false;
  p->h = std::clamp(values[0], lo, hi);
  p->w = std::clamp(values[1], lo, hi);
  return true;
}

}  // namespace

void DrawParametersPanel(AppState& state) {
  PanelTitle("Convolution parameters");
  Conv2dSpec spec = state.session.conv;
  bool changed = false;

  ImGui::TextDisabled("pairs are (height, width)");
  if (!ImGui::BeginTable("parameters", 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  Pair kernel{spec.weight.h, spec.weight.w};
  if (PairInput("kernel", &kernel, 1, 9)) {
    spec.weight = ResizedWeights(spec.weight, spec.weight.n, kernel.h, kernel.w);
    changed = true;
  }
  changed |= PairInput("stride", &spec.stride, 1, 6);
  changed |= PairInput("dilation", &spec.dilation, 1, 4);

  static const char* kPaddingKinds[] = {"number", "[h, w]", "valid", "same"};
  int kind = spec.padding.kind == PaddingSpec::Kind::kValid ? 2
             : spec.padding.kind == PaddingSpec::Kind::kSame ? 3
             : (spec.padding.top == spec.padding.left && spec.padding.top == spec.padding.bottom &&
                spec.padding.left == spec.padding.right)
                 ? 0
                 : 1;
  Row("padding");
  if (ImGui::Combo("##padding", &kind, kPaddingKinds, 4)) {
    spec.padding.kind = kind == 2 ? PaddingSpec::Kind::kValid
                        : kind == 3 ? PaddingSpec::Kind::kSame
                                    : PaddingSpec::Kind::kExplicit;
    changed = true;
  }
  if (kind == 0) {
    int p = spec.padding.top;
    Row("P");
    if (ImGui::SliderInt("##P", &p, 0, 6)) {
      spec.padding = {PaddingSpec::Kind::kExplicit, p, p, p, p};
      changed = true;
    }
  } else if (kind == 1) {
    Pair p{spec.padding.top, spec.padding.left};
    if (PairInput("P", &p, 0, 6)) {
      spec.padding = {PaddingSpec::Kind::kExplicit, p.h, p.h, p.w, p.w};
      changed = true;
    }
  }
  static const char* kModes[] = {"zeros", "reflect", "replicate", "circular"};
  int mode = static_cast<int>(spec.padding_mode);
  Row("padding mode");
  if (ImGui::Combo("##mode", &mode, kModes, 4)) {
    spec.padding_mode = static_cast<PaddingMode>(mode);
    changed = true;
  }

  int filters = spec.weight.n;
  Row("filters");
  if (ImGui::SliderInt("##filters", &filters, 1, 8)) {
    filters = std::clamp(filters, 1, 8);
    spec.weight = ResizedWeights(spec.weight, filters, spec.weight.h, spec.weight.w);
    if (!spec.bias.empty()) spec.bias.resize(static_cast<size_t>(filters), 0.0);
    changed = true;
  }
  bool bias = !spec.bias.empty();
  Row("bias");
  if (ImGui::Checkbox("##bias", &bias)) {
    spec.bias = bias ? std::vector<double>(static_cast<size_t>(spec.weight.n), 0.0) : std::vector<double>{};
    changed = true;
  }
  int activation = state.session.activation == Activation::kRelu ? 1 : 0;
  static const char* kActivations[] = {"none", "ReLU"};
  Row("activation");
  if (ImGui::Combo("##activation", &activation, kActivations, 2)) {
    state.SetActivation(activation == 1 ? Activation::kRelu : Activation::kNone);
  }
  ImGui::EndTable();
  if (changed) state.TryConv(spec);

  if (!state.view.message.empty()) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", state.view.message.c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace convstep
