// The convolution's parameters, each changed live, the input's size, and
// the fill tools. Every change builds a candidate spec and hands it to
// AppState::TryConv, which keeps the session as it was and puts the reason in
// the status line when the candidate is invalid. The merge key is the
// control's name, so dragging one slider is one undo step.
#include <algorithm>
#include <string>
#include <utility>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"
#include "core/conv/fill.h"

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

// Kernel, stride, dilation, padding, filters, bias and activation; returns
// the name of the control that changed `spec`, or nullptr.
const char* ConvolutionRows(AppState& state, Conv2dSpec& spec) {
  const char* changed = nullptr;
  Pair kernel{spec.weight.h, spec.weight.w};
  if (PairInput("params.kernel", "tip.kernel", &kernel, 1, 9)) {
    spec.weight = ResizedWeights(spec.weight, spec.weight.n, spec.weight.c, kernel.h, kernel.w);
    changed = "kernel";
  }
  if (PairInput("params.stride", "tip.stride", &spec.stride, 1, 6)) changed = "stride";
  if (PairInput("params.dilation", "tip.dilation", &spec.dilation, 1, 4)) changed = "dilation";

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
    spec.padding.kind = kind == 2 ? PaddingSpec::Kind::kValid
                        : kind == 3 ? PaddingSpec::Kind::kSame
                                    : PaddingSpec::Kind::kExplicit;
    changed = "padding";
  }
  if (kind == 0) {
    int p = spec.padding.top;
    Row("params.p", "tip.padding_p");
    if (ImGui::SliderInt("##P", &p, 0, 6)) {
      spec.padding = {PaddingSpec::Kind::kExplicit, p, p, p, p};
      changed = "P";
    }
    ConceptTooltip("tip.padding_p");
  } else if (kind == 1) {
    Pair p{spec.padding.top, spec.padding.left};
    if (PairInput("params.p", "tip.padding_p", &p, 0, 6)) {
      spec.padding = {PaddingSpec::Kind::kExplicit, p.h, p.h, p.w, p.w};
      changed = "P";
    }
  }
  static constexpr const char* kModes[] = {"params.mode_zeros", "params.mode_reflect", "params.mode_replicate",
                                           "params.mode_circular"};
  const char* modes[4];
  for (int i = 0; i < 4; ++i) modes[i] = Tr(kModes[i]);
  int mode = static_cast<int>(spec.padding_mode);
  Row("params.padding_mode", "tip.padding_mode");
  if (ImGui::Combo("##mode", &mode, modes, 4)) {
    spec.padding_mode = static_cast<PaddingMode>(mode);
    changed = "padding mode";
  }
  ConceptTooltip("tip.padding_mode");

  int filters = spec.weight.n;
  Row("params.filters", "tip.filters");
  const bool filters_changed = ImGui::SliderInt("##filters", &filters, 1, 8);
  ConceptTooltip("tip.filters");
  if (filters_changed) {
    filters = std::clamp(filters, 1, 8);
    spec.weight = ResizedWeights(spec.weight, filters, spec.weight.c, spec.weight.h, spec.weight.w);
    if (!spec.bias.empty()) spec.bias.resize(static_cast<size_t>(filters), 0.0);
    changed = "filters";
  }
  bool bias = !spec.bias.empty();
  Row("params.bias", "tip.bias");
  const bool bias_changed = ImGui::Checkbox("##bias", &bias);
  ConceptTooltip("tip.bias");
  if (bias_changed) {
    spec.bias = bias ? std::vector<double>(static_cast<size_t>(spec.weight.n), 0.0) : std::vector<double>{};
    changed = "bias";
  }
  int activation = state.session.activation == Activation::kRelu ? 1 : 0;
  const char* activations[] = {Tr("params.activation_none"), Tr("params.activation_relu")};
  Row("params.activation", "tip.activation");
  if (ImGui::Combo("##activation", &activation, activations, 2)) {
    state.SetActivation(activation == 1 ? Activation::kRelu : Activation::kNone);
  }
  ConceptTooltip("tip.activation");
  return changed;
}

// The input's channels, rows and columns; the filters follow the channels.
const char* InputSizeRows(Conv2dSpec& spec) {
  int size[3] = {spec.input.c, spec.input.h, spec.input.w};
  Row("params.input_size", "tip.input_size");
  const bool resized = ImGui::InputInt3("##input_size", size);
  ConceptTooltip("tip.input_size");
  if (!resized) return nullptr;
  // Within what the grid panels can show and the core accepts.
  const int c = std::clamp(size[0], 1, 16);
  const int h = std::clamp(size[1], 1, 256);
  const int w = std::clamp(size[2], 1, 256);
  spec.input = ResizedInput(spec.input, c, h, w);
  if (spec.groups == 1 || c % spec.groups != 0) spec.groups = 1;
  spec.weight = ResizedWeights(spec.weight, spec.weight.n, c / spec.groups, spec.weight.h, spec.weight.w);
  return "input size";
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
const char* FillTools(AppState& state, Conv2dSpec& spec) {
  ImGui::Spacing();
  // Folded by default: the parameters are what a lecture changes most.
  const bool open = ImGui::CollapsingHeader(TrId("params.fill_tools").c_str());
  ConceptTooltip("tip.fill_tools");
  if (!open) return nullptr;
  static int target = 0;
  static int range[2] = {0, 4};
  static int seed = 1;
  static int kernel_choice = 4;
  const char* targets[] = {Tr("params.fill_input"), Tr("params.fill_kernels")};
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::Combo("##fill_target", &target, targets, 2);
  ConceptTooltip("tip.fill_target");
  std::vector<double>& values = target == 0 ? spec.input.data : spec.weight.data;
  const char* changed = nullptr;
  if (ImGui::Button(TrId("params.fill_zeros").c_str())) {
    std::fill(values.begin(), values.end(), 0.0);
    changed = "fill zeros";
  }
  ConceptTooltip("tip.fill_zeros");
  ImGui::SameLine();
  if (ImGui::Button(TrId("params.fill_random").c_str())) {
    Result<bool> filled = FillRandomIntegers(&values, static_cast<std::uint32_t>(seed), range[0], range[1]);
    if (filled) changed = "fill random";
    else state.SetStatus(filled.error(), true);
  }
  ConceptTooltip("tip.fill_random");
  ImGui::SetNextItemWidth(Scaled(110));
  ImGui::InputInt2(TrId("params.fill_range").c_str(), range);
  ConceptTooltip("tip.fill_random");
  ImGui::SetNextItemWidth(Scaled(110));
  ImGui::InputInt(TrId("params.fill_seed").c_str(), &seed);
  ConceptTooltip("tip.fill_seed");

  const std::vector<std::string>& names = ClassicKernelNames();
  // The kernel's name and the button on lines of their own: both are long
  // in Spanish ("desenfoque gaussiano", "aplicar al filtro").
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##classic", ClassicKernelLabel(names[static_cast<size_t>(kernel_choice)]))) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (ImGui::Selectable(ClassicKernelLabel(names[i]), static_cast<int>(i) == kernel_choice)) {
        kernel_choice = static_cast<int>(i);
      }
    }
    ImGui::EndCombo();
  }
  ConceptTooltip("tip.classic_kernel");
  if (ImGui::Button(TrId("params.set_filter").c_str())) {
    // The classic kernels are 3×3: the whole bank becomes 3×3, then the
    // current filter's slices all get the kernel.
    const int f = state.conv->Step(state.view.step).out_channel;
    spec.weight = ResizedWeights(spec.weight, spec.weight.n, spec.weight.c, 3, 3);
    const std::vector<double> k = *ClassicKernel(names[static_cast<size_t>(kernel_choice)]);
    for (int c = 0; c < spec.weight.c; ++c) {
      std::copy(k.begin(), k.end(), spec.weight.data.begin() + static_cast<std::ptrdiff_t>(spec.weight.Index(f, c, 0, 0)));
    }
    changed = "classic kernel";
  }
  ConceptTooltip("tip.set_filter");
  return changed;
}

}  // namespace

void DrawParametersPanel(AppState& state) {
  PanelTitle(Tr("params.title"));
  Conv2dSpec spec = state.session.conv;
  const char* changed = nullptr;

  ImGui::TextDisabled("%s", Tr("params.pairs_note"));
  if (ImGui::BeginTable("parameters", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    changed = ConvolutionRows(state, spec);
    if (const char* resized = InputSizeRows(spec)) changed = resized;
    ImGui::EndTable();
  }
  if (const char* filled = FillTools(state, spec)) changed = filled;
  if (changed != nullptr) state.TryConv(spec, std::string("param:") + changed);
}

}  // namespace convstep
