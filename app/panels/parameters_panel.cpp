// The convolution's parameters, each changed live, the input's size, and
// the fill tools. Every change is one of the core's edits
// (core/session/edits.h) handed to AppState::Edit, which keeps the session
// as it was and puts the reason in the status line when the edit or its
// result is invalid. The merge key is the control's name, so dragging one
// slider is one undo step.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/state/size_text.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"
#include "core/conv/fill.h"
#include "core/session/edits.h"

namespace convstep {

namespace {

// One row of the parameter table: the name on the left, the widget filling
// the rest, so long names are never cut. The name explains itself on hover;
// the caller puts the same tooltip after the widget.
void Row(const char* name_key, const char* tip_key) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(Tr(name_key));
  ConceptTooltip(tip_key);
  ImGui::TableSetColumnIndex(1);
  ImGui::SetNextItemWidth(-FLT_MIN);
}

bool PairInput(const char* name_key, const char* tip_key, Pair* p, int lo, int hi) {
  int values[2] = {p->h, p->w};
  Row(name_key, tip_key);
  ImGui::PushID(name_key);
  const bool changed = ImGui::SliderInt2("##pair", values, lo, hi);
  ImGui::PopID();
  ConceptTooltip(tip_key);
  if (!changed) return false;
  p->h = std::clamp(values[0], lo, hi);
  p->w = std::clamp(values[1], lo, hi);
  return true;
}

// What a control changed this frame: the edit and its merge key.
struct Change {
  Result<ConvEdit> edit = Error{""};
  std::string control;
};

// Kernel, stride, dilation, padding, filters, groups, bias and activation; the
// activation is the session's, not the convolution's, and is set at once.
std::optional<Change> ConvolutionRows(AppState& state) {
  const Conv2dSpec& spec = state.session.conv;
  std::optional<Change> change;
  Pair kernel{spec.weight.h, spec.weight.w};
  if (PairInput("params.kernel", "tip.kernel", &kernel, 1, kMaxKernelSide)) change = {SetKernelSize(spec, kernel), "kernel"};
  Pair stride = spec.stride;
  if (PairInput("params.stride", "tip.stride", &stride, 1, 6)) change = {SetStride(spec, stride), "stride"};
  Pair dilation = spec.dilation;
  if (PairInput("params.dilation", "tip.dilation", &dilation, 1, 4)) change = {SetDilation(spec, dilation), "dilation"};

  static constexpr const char* kPaddingKinds[] = {"params.padding_number", "params.padding_pair", "params.padding_valid",
                                                  "params.padding_same"};
  const char* padding_kinds[4];
  for (int i = 0; i < 4; ++i) padding_kinds[i] = Tr(kPaddingKinds[i]);
  int kind = spec.padding.kind == PaddingSpec::Kind::kValid ? 2
             : spec.padding.kind == PaddingSpec::Kind::kSame ? 3
             : (spec.padding.top == spec.padding.left && spec.padding.top == spec.padding.bottom &&
                spec.padding.left == spec.padding.right)
                 ? 0
                 : 1;
  Row("params.padding", "tip.padding");
  const bool kind_changed = ImGui::Combo("##padding", &kind, padding_kinds, 4);
  ConceptTooltip("tip.padding");
  if (kind_changed) {
    PaddingSpec padding = spec.padding;
    padding.kind = kind == 2 ? PaddingSpec::Kind::kValid
                   : kind == 3 ? PaddingSpec::Kind::kSame
                               : PaddingSpec::Kind::kExplicit;
    change = {SetPadding(spec, padding), "padding"};
  }
  if (kind == 0) {
    int p = spec.padding.top;
    Row("params.p", "tip.padding_p");
    if (ImGui::SliderInt("##P", &p, 0, 6)) change = {SetPadding(spec, {PaddingSpec::Kind::kExplicit, p, p, p, p}), "P"};
    ConceptTooltip("tip.padding_p");
  } else if (kind == 1) {
    Pair p{spec.padding.top, spec.padding.left};
    if (PairInput("params.p", "tip.padding_p", &p, 0, 6)) {
      change = {SetPadding(spec, {PaddingSpec::Kind::kExplicit, p.h, p.h, p.w, p.w}), "P"};
    }
  }
  static constexpr const char* kModes[] = {"params.mode_zeros", "params.mode_reflect", "params.mode_replicate",
                                           "params.mode_circular"};
  const char* modes[4];
  for (int i = 0; i < 4; ++i) modes[i] = Tr(kModes[i]);
  int mode = static_cast<int>(spec.padding_mode);
  Row("params.padding_mode", "tip.padding_mode");
  if (ImGui::Combo("##mode", &mode, modes, 4)) change = {SetPaddingMode(spec, static_cast<PaddingMode>(mode)), "padding mode"};
  ConceptTooltip("tip.padding_mode");

  int filters = spec.weight.n;
  Row("params.filters", "tip.filters");
  const bool filters_changed = ImGui::SliderInt("##filters", &filters, 1, kMaxFilters);
  ConceptTooltip("tip.filters");
  if (filters_changed) change = {SetFilterCount(spec, std::clamp(filters, 1, kMaxFilters)), "filters"};
  int groups = spec.groups;
  Row("params.groups", "tip.groups");
  // A number, not a slider: few values divide both counts (a slider from 1
  // to 1 is a full bar), and the edit says why one that does not is refused.
  const bool groups_changed = ImGui::InputInt("##groups", &groups);
  ConceptTooltip("tip.groups");
  if (groups_changed) change = {SetGroups(spec, groups), "groups"};
  const std::string groups_text = GroupsSentence(state.conv->geometry());
  if (!groups_text.empty()) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(1);
    ImGui::TextWrapped("%s", groups_text.c_str());
  }
  bool bias = !spec.bias.empty();
  Row("params.bias", "tip.bias");
  const bool bias_changed = ImGui::Checkbox("##bias", &bias);
  ConceptTooltip("tip.bias");
  if (bias_changed) change = {SetBias(spec, bias), "bias"};
  int activation = state.session.activation == Activation::kRelu ? 1 : 0;
  const char* activations[] = {Tr("params.activation_none"), Tr("params.activation_relu")};
  Row("params.activation", "tip.activation");
  if (ImGui::Combo("##activation", &activation, activations, 2)) {
    state.SetActivation(activation == 1 ? Activation::kRelu : Activation::kNone);
  }
  ConceptTooltip("tip.activation");
  return change;
}

// The input's channels, rows and columns; the filters follow the channels.
std::optional<Change> InputSizeRows(const Conv2dSpec& spec) {
  int size[3] = {spec.input.c, spec.input.h, spec.input.w};
  Row("params.input_size", "tip.input_size");
  const bool resized = ImGui::InputInt3("##input_size", size);
  ConceptTooltip("tip.input_size");
  if (!resized) return std::nullopt;
  // Within what the grid panels can show and the core accepts.
  return Change{ResizeInput(spec, std::clamp(size[0], 1, kMaxInputChannels), std::clamp(size[1], 1, kMaxInputSide),
                            std::clamp(size[2], 1, kMaxInputSide)),
                "input size"};
}

// The classic kernels' names in the current language; the core names them
// in English (ClassicKernelNames), which is also how sessions and scripts
// refer to them.
const char* ClassicKernelLabel(const std::string& name) {
  static constexpr std::pair<const char*, const char*> kLabels[] = {
      {"identity", "params.classic_identity"},   {"box blur", "params.classic_box_blur"},
      {"Gaussian blur", "params.classic_gaussian_blur"}, {"sharpen", "params.classic_sharpen"},
      {"Sobel x", "params.classic_sobel_x"},     {"Sobel y", "params.classic_sobel_y"},
      {"Laplacian", "params.classic_laplacian"}, {"emboss", "params.classic_emboss"},
      {"edge detection", "params.classic_edge_detection"}};
  for (const auto& [core_name, key] : kLabels) {
    if (name == core_name) return Tr(key);
  }
  return name.c_str();
}

// Zeros, random integers from a seed, and the classic kernels for the
// current filter (every channel slice gets it).
std::optional<Change> FillTools(AppState& state) {
  ImGui::Spacing();
  // Folded by default: the parameters are what a lecture changes most.
  const bool open = ImGui::CollapsingHeader(TrId("params.fill_tools").c_str());
  ConceptTooltip("tip.fill_tools");
  if (!open) return std::nullopt;
  FillToolsState& tools = state.view.fill_tools;
  const Conv2dSpec& spec = state.session.conv;
  const char* targets[] = {Tr("params.fill_input"), Tr("params.fill_kernels")};
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::Combo("##fill_target", &tools.target, targets, 2);
  ConceptTooltip("tip.fill_target");
  const FillTarget target = tools.target == 0 ? FillTarget::kInput : FillTarget::kKernels;
  std::optional<Change> change;
  if (ImGui::Button(TrId("params.fill_zeros").c_str())) change = {FillZeros(spec, target), "fill zeros"};
  ConceptTooltip("tip.fill_zeros");
  ImGui::SameLine();
  if (ImGui::Button(TrId("params.fill_random").c_str())) {
    change = {FillRandom(spec, target, static_cast<std::uint32_t>(tools.seed), tools.range[0], tools.range[1]),
              "fill random"};
  }
  ConceptTooltip("tip.fill_random");
  ImGui::SetNextItemWidth(Scaled(110));
  ImGui::InputInt2(TrId("params.fill_range").c_str(), tools.range);
  ConceptTooltip("tip.fill_random");
  ImGui::SetNextItemWidth(Scaled(110));
  ImGui::InputInt(TrId("params.fill_seed").c_str(), &tools.seed);
  ConceptTooltip("tip.fill_seed");

  const std::vector<std::string>& names = ClassicKernelNames();
  tools.kernel_choice = std::clamp(tools.kernel_choice, 0, static_cast<int>(names.size()) - 1);
  // The kernel's name and the button on lines of their own: both are long
  // in Spanish ("desenfoque gaussiano", "aplicar al filtro").
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##classic", ClassicKernelLabel(names[static_cast<size_t>(tools.kernel_choice)]))) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (ImGui::Selectable(ClassicKernelLabel(names[i]), static_cast<int>(i) == tools.kernel_choice)) {
        tools.kernel_choice = static_cast<int>(i);
      }
    }
    ImGui::EndCombo();
  }
  ConceptTooltip("tip.classic_kernel");
  if (ImGui::Button(TrId("params.set_filter").c_str())) {
    const int filter = state.conv->Step(state.view.step).out_channel;
    change = {ApplyClassicKernel(spec, filter, names[static_cast<size_t>(tools.kernel_choice)]), "classic kernel"};
  }
  ConceptTooltip("tip.set_filter");
  return change;
}

}  // namespace

void DrawParametersPanel(AppState& state) {
  PanelTitle(Tr("params.title"));
  std::optional<Change> change;
  ImGui::TextDisabled("%s", Tr("params.pairs_note"));
  if (ImGui::BeginTable("parameters", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    change = ConvolutionRows(state);
    if (std::optional<Change> resized = InputSizeRows(state.session.conv)) change = std::move(resized);
    ImGui::EndTable();
  }
  if (std::optional<Change> filled = FillTools(state)) change = std::move(filled);
  if (change) state.Edit(change->edit, "param:" + change->control);
}

}  // namespace convstep
