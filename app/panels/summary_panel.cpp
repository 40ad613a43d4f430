// The Keras model summary: the input shape and an editable list of layers
// on the left (add, remove, reorder, edit), and on the right the table as
// model.summary() prints it. A layer that cannot follow the previous one is
// marked with the reason.
#include <string>
#include <utility>

#include "app/panels/panels.h"
#include "app/widgets/panel_frame.h"

namespace convstep {

namespace {

constexpr LayerType kAllTypes[] = {LayerType::kConv2d,  LayerType::kMaxPool2d, LayerType::kAvgPool2d,
                                   LayerType::kFlatten, LayerType::kGlobalAvgPool2d, LayerType::kDense,
                                   LayerType::kBatchNorm, LayerType::kReLU,     LayerType::kDropout};

bool PairEditor(const char* label, Pair* p) {
  int v[2] = {p->h, p->w};
  ImGui::SetNextItemWidth(110.0f);
  if (!ImGui::InputInt2(label, v)) return false;
  *p = {v[0], v[1]};
  return true;
}

// The fields of one layer that its type reads.
bool LayerEditor(LayerSpec& layer) {
  bool changed = false;
  switch (layer.type) {
    case LayerType::kConv2d: {
      ImGui::SetNextItemWidth(90.0f);
      changed |= ImGui::InputInt("filters", &layer.filters);
      ImGui::SameLine();
      changed |= PairEditor("kernel", &layer.kernel_size);
      Pair strides = layer.strides.value_or(Pair{1, 1});
      if (PairEditor("strides", &strides)) {
        layer.strides = strides;
        changed = true;
      }
      ImGui::SameLine();
      bool same = layer.padding == KerasPadding::kSame;
      if (ImGui::Checkbox("same", &same)) {
        layer.padding = same ? KerasPadding::kSame : KerasPadding::kValid;
        changed = true;
      }
      ImGui::SameLine();
      changed |= ImGui::Checkbox("bias", &layer.use_bias);
      break;
    }
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d: {
      changed |= PairEditor("pool", &layer.pool_size);
      ImGui::SameLine();
      Pair strides = layer.strides.value_or(layer.pool_size);
      if (PairEditor("strides", &strides)) {
        layer.strides = strides;
        changed = true;
      }
      break;
    }
    case LayerType::kDense:
      ImGui::SetNextItemWidth(90.0f);
      changed |= ImGui::InputInt("units", &layer.units);
      ImGui::SameLine();
      changed |= ImGui::Checkbox("bias", &layer.use_bias);
      break;
    case LayerType::kDropout: {
      float rate = static_cast<float>(layer.rate);
      ImGui::SetNextItemWidth(120.0f);
      if (ImGui::SliderFloat("rate", &rate, 0.0f, 0.9f, "%.2f")) {
        layer.rate = rate;
        changed = true;
      }
      break;
    }
    case LayerType::kFlatten:
    case LayerType::kGlobalAvgPool2d:
    case LayerType::kBatchNorm:
    case LayerType::kReLU:
      ImGui::TextDisabled("no parameters to set");
      break;
  }
  return changed;
}

}  // namespace

void DrawSummaryPanel(AppState& state) {
  Model model = state.session.model;
  bool changed = false;
  std::string merge_key;  // edits of one layer's fields are one undo step
  const float editor_w = std::max(380.0f, ImGui::GetContentRegionAvail().x * 0.42f);

  ImGui::BeginChild("summary_layers", ImVec2(editor_w, 0), true);
  PanelTitle("Layers");
  int shape[3] = {model.height, model.width, model.channels};
  ImGui::SetNextItemWidth(200.0f);
  if (ImGui::InputInt3("input (H, W, C)", shape)) {
    model.height = shape[0];
    model.width = shape[1];
    model.channels = shape[2];
    changed = true;
    merge_key = "model:input";
  }
  int remove = -1;
  int move_up = -1;
  for (int i = 0; i < static_cast<int>(model.layers.size()); ++i) {
    ImGui::PushID(i);
    ImGui::Separator();
    if (i == state.summary_bad_layer) {
      ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%d. %s  \u2190 cannot follow the layer before", i + 1,
                         KerasClassName(model.layers[static_cast<size_t>(i)].type));
    } else {
      ImGui::Text("%d. %s", i + 1, KerasClassName(model.layers[static_cast<size_t>(i)].type));
    }
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - 90.0f);
    if (ImGui::SmallButton("up") && i > 0) move_up = i;
    ImGui::SameLine();
    if (ImGui::SmallButton("remove")) remove = i;
    if (LayerEditor(model.layers[static_cast<size_t>(i)])) {
      changed = true;
      merge_key = "model:layer" + std::to_string(i);
    }
    ImGui::PopID();
  }
  if (move_up > 0) {
    std::swap(model.layers[static_cast<size_t>(move_up)], model.layers[static_cast<size_t>(move_up - 1)]);
    changed = true;
  }
  if (remove >= 0) {
    model.layers.erase(model.layers.begin() + remove);
    changed = true;
  }
  ImGui::Separator();
  static int add_type = 0;
  const char* names[std::size(kAllTypes)];
  for (size_t i = 0; i < std::size(kAllTypes); ++i) names[i] = KerasClassName(kAllTypes[i]);
  ImGui::SetNextItemWidth(200.0f);
  ImGui::Combo("##add", &add_type, names, static_cast<int>(std::size(kAllTypes)));
  ImGui::SameLine();
  if (ImGui::Button("add layer")) {
    LayerSpec layer;
    layer.type = kAllTypes[add_type];
    model.layers.push_back(layer);
    changed = true;
  }
  ImGui::EndChild();
  if (changed) state.SetModel(model, merge_key);

  ImGui::SameLine();
  ImGui::BeginChild("summary_table", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
  PanelTitle("model.summary()");
  if (state.summary) {
    PushMonoFont();
    ImGui::TextUnformatted(FormatKerasSummary(*state.summary).c_str());
    PopMonoFont();
  } else {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", state.summary.error().c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndChild();
}

}  // namespace convstep
