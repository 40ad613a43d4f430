// The convolution's parameters, each changed live, the input's size, and
// the fill tools. Every change builds a candidate spec and hands it to
// AppState::TryConv, which keeps the session as it was and puts the reason in
// the status line when the candidate is invalid. The merge key is the
// control's name, so dragging one slider is one undo step.
#include <algorithm>
#include <string>

#include "app/panels/panels.h"
#include "app/widgets/panel_frame.h"
#include "core/fill.h"

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

// Kernel, stride, dilation, padding, filters, bias and activation; returns
// the name of the control that changed `spec`, or nullptr.
const char* ConvolutionRows(AppState& state, Conv2dSpec& spec) {
  const char* changed = nullptr;
  Pair kernel{spec.weight.h, spec.weight.w};
  if (PairInput("kernel", &kernel, 1, 9)) {
    spec.weight = ResizedWeights(spec.weight, spec.weight.n, spec.weight.c, kernel.h, kernel.w);
    changed = "kernel";
  }
  if (PairInput("stride", &spec.stride, 1, 6)) changed = "stride";
  if (PairInput("dilation", &spec.dilation, 1, 4)) changed = "dilation";

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
    changed = "padding";
  }
  if (kind == 0) {
    int p = spec.padding.top;
    Row("P");
    if (ImGui::SliderInt("##P", &p, 0, 6)) {
      spec.padding = {PaddingSpec::Kind::kExplicit, p, p, p, p};
      changed = "P";
    }
  } else if (kind == 1) {
    Pair p{spec.padding.top, spec.padding.left};
    if (PairInput("P", &p, 0, 6)) {
      spec.padding = {PaddingSpec::Kind::kExplicit, p.h, p.h, p.w, p.w};
      changed = "P";
    }
  }
  static const char* kModes[] = {"zeros", "reflect", "replicate", "circular"};
  int mode = static_cast<int>(spec.padding_mode);
  Row("padding mode");
  if (ImGui::Combo("##mode", &mode, kModes, 4)) {
    spec.padding_mode = static_cast<PaddingMode>(mode);
    changed = "padding mode";
  }

  int filters = spec.weight.n;
  Row("filters");
  if (ImGui::SliderInt("##filters", &filters, 1, 8)) {
    filters = std::clamp(filters, 1, 8);
    spec.weight = ResizedWeights(spec.weight, filters, spec.weight.c, spec.weight.h, spec.weight.w);
    if (!spec.bias.empty()) spec.bias.resize(static_cast<size_t>(filters), 0.0);
    changed = "filters";
  }
  bool bias = !spec.bias.empty();
  Row("bias");
  if (ImGui::Checkbox("##bias", &bias)) {
    spec.bias = bias ? std::vector<double>(static_cast<size_t>(spec.weight.n), 0.0) : std::vector<double>{};
    changed = "bias";
  }
  int activation = state.session.activation == Activation::kRelu ? 1 : 0;
  static const char* kActivations[] = {"none", "ReLU"};
  Row("activation");
  if (ImGui::Combo("##activation", &activation, kActivations, 2)) {
    state.SetActivation(activation == 1 ? Activation::kRelu : Activation::kNone);
  }
  return changed;
}

// The input's channels, rows and columns; the filters follow the channels.
const char* InputSizeRows(Conv2dSpec& spec) {
  int size[3] = {spec.input.c, spec.input.h, spec.input.w};
  Row("input C, H, W");
  if (!ImGui::InputInt3("##input_size", size)) return nullptr;
  // Within what the grid panels can show and the core accepts.
  const int c = std::clamp(size[0], 1, 16);
  const int h = std::clamp(size[1], 1, 256);
  const int w = std::clamp(size[2], 1, 256);
  spec.input = ResizedInput(spec.input, c, h, w);
  if (spec.groups == 1 || c % spec.groups != 0) spec.groups = 1;
  spec.weight = ResizedWeights(spec.weight, spec.weight.n, c / spec.groups, spec.weight.h, spec.weight.w);
  return "input size";
}

// Zeros, random integers from a seed, and the classic kernels for the
// current filter (every channel slice gets it).
const char* FillTools(AppState& state, Conv2dSpec& spec) {
  ImGui::Spacing();
  // Folded by default: the parameters are what a lecture changes most.
  if (!ImGui::CollapsingHeader("Fill tools")) return nullptr;
  static int target = 0;
  static int range[2] = {0, 4};
  static int seed = 1;
  static int kernel_choice = 4;
  const char* targets[] = {"input", "kernels"};
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::Combo("##fill_target", &target, targets, 2);
  std::vector<double>& values = target == 0 ? spec.input.data : spec.weight.data;
  const char* changed = nullptr;
  if (ImGui::Button("zeros")) {
    std::fill(values.begin(), values.end(), 0.0);
    changed = "fill zeros";
  }
  ImGui::SameLine();
  if (ImGui::Button("random")) {
    Result<bool> filled = FillRandomIntegers(&values, static_cast<std::uint32_t>(seed), range[0], range[1]);
    if (filled) changed = "fill random";
    else state.SetStatus(filled.error(), true);
  }
  ImGui::SetNextItemWidth(110.0f);
  ImGui::InputInt2("from, to", range);
  ImGui::SetNextItemWidth(110.0f);
  ImGui::InputInt("seed", &seed);

  const std::vector<std::string>& names = ClassicKernelNames();
  ImGui::SetNextItemWidth(150.0f);
  if (ImGui::BeginCombo("##classic", names[static_cast<size_t>(kernel_choice)].c_str())) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (ImGui::Selectable(names[i].c_str(), static_cast<int>(i) == kernel_choice)) kernel_choice = static_cast<int>(i);
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button("set filter")) {
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
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Sets every channel of the current filter to this 3\u00d73 kernel");
  return changed;
}

}  // namespace

void DrawParametersPanel(AppState& state) {
  PanelTitle("Convolution parameters");
  Conv2dSpec spec = state.session.conv;
  const char* changed = nullptr;

  ImGui::TextDisabled("pairs are (height, width)");
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
