// The Keras model summary: the input shape and an editable list of layers
// on the left (add, remove, reorder, edit), and on the right the table as
// model.summary() prints it. A layer that cannot follow the previous one is
// marked with the reason.
#include <string>
#include <utility>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"

namespace convstep {

namespace {

// The 1-D layers come last, so that the index of the add combo keeps
// meaning the same type for the 2-D ones.
constexpr LayerType kAllTypes[] = {LayerType::kConv2d,     LayerType::kMaxPool2d,  LayerType::kAvgPool2d,
                                   LayerType::kFlatten,    LayerType::kGlobalAvgPool2d, LayerType::kDense,
                                   LayerType::kBatchNorm,  LayerType::kReLU,       LayerType::kDropout,
                                   LayerType::kConv1d,     LayerType::kMaxPool1d,  LayerType::kAvgPool1d,
                                   LayerType::kGlobalAvgPool1d};

// What each layer type does, for the tooltip on its name.
const char* LayerTipKey(LayerType type) {
  switch (type) {
    case LayerType::kConv2d: return "tip.layer_conv2d";
    case LayerType::kMaxPool2d: return "tip.layer_max_pool";
    case LayerType::kAvgPool2d: return "tip.layer_average_pool";
    case LayerType::kFlatten: return "tip.layer_flatten";
    case LayerType::kGlobalAvgPool2d: return "tip.layer_global_average_pool";
    case LayerType::kDense: return "tip.layer_dense";
    case LayerType::kBatchNorm: return "tip.layer_batch_norm";
    case LayerType::kReLU: return "tip.layer_relu";
    case LayerType::kDropout: return "tip.layer_dropout";
    case LayerType::kConv1d: return "tip.layer_conv1d";
    case LayerType::kMaxPool1d: return "tip.layer_max_pool1d";
    case LayerType::kAvgPool1d: return "tip.layer_average_pool1d";
    case LayerType::kGlobalAvgPool1d: return "tip.layer_global_average_pool1d";
  }
  return "tip.layer_conv2d";
}

bool PairEditor(const char* label_key, const char* tip_key, Pair* p) {
  int v[2] = {p->h, p->w};
  ImGui::SetNextItemWidth(Scaled(110));
  const bool changed = ImGui::InputInt2(TrId(label_key).c_str(), v);
  ConceptTooltip(tip_key);
  if (!changed) return false;
  *p = {v[0], v[1]};
  return true;
}

// A 1-D layer's window length: one number, kept in both halves of the pair
// as the JSON reader keeps it (the 1-D layers read the width).
bool LengthEditor(const char* label_key, const char* tip_key, Pair* p) {
  int v = p->w;
  ImGui::SetNextItemWidth(Scaled(90));
  const bool changed = ImGui::InputInt(TrId(label_key).c_str(), &v);
  ConceptTooltip(tip_key);
  if (!changed) return false;
  *p = {v, v};
  return true;
}

// Keras Conv1D's three paddings, by their Keras names.
bool Padding1dEditor(KerasPadding* padding) {
  static const char* const kNames[] = {"valid", "same", "causal"};
  int index = static_cast<int>(*padding);
  ImGui::SetNextItemWidth(Scaled(90));
  const bool changed = ImGui::Combo("##padding1d", &index, kNames, 3);
  ConceptTooltip("tip.layer_padding_1d");
  if (changed) *padding = static_cast<KerasPadding>(index);
  return changed;
}

// Conv1D's fields: filters, kernel, strides, dilation, padding, bias.
bool Conv1dEditor(LayerSpec& layer) {
  ImGui::SetNextItemWidth(Scaled(90));
  bool changed = ImGui::InputInt(TrId("summary.filters").c_str(), &layer.filters);
  ConceptTooltip("tip.layer_filters");
  ImGui::SameLine();
  changed |= LengthEditor("summary.kernel", "tip.layer_kernel_1d", &layer.kernel_size);
  Pair strides = layer.strides.value_or(Pair{1, 1});
  if (LengthEditor("summary.strides", "tip.layer_strides_1d", &strides)) {
    layer.strides = strides;
    changed = true;
  }
  ImGui::SameLine();
  changed |= LengthEditor("params.dilation", "tip.layer_dilation_1d", &layer.dilation_rate);
  changed |= Padding1dEditor(&layer.padding);
  ImGui::SameLine();
  changed |= ImGui::Checkbox(TrId("summary.bias").c_str(), &layer.use_bias);
  ConceptTooltip("tip.layer_bias");
  return changed;
}

// The fields of one layer that its type reads.
bool LayerEditor(LayerSpec& layer) {
  bool changed = false;
  switch (layer.type) {
    case LayerType::kConv2d: {
      ImGui::SetNextItemWidth(Scaled(90));
      changed |= ImGui::InputInt(TrId("summary.filters").c_str(), &layer.filters);
      ConceptTooltip("tip.layer_filters");
      ImGui::SameLine();
      changed |= PairEditor("summary.kernel", "tip.layer_kernel", &layer.kernel_size);
      Pair strides = layer.strides.value_or(Pair{1, 1});
      if (PairEditor("summary.strides", "tip.layer_strides", &strides)) {
        layer.strides = strides;
        changed = true;
      }
      ImGui::SameLine();
      bool same = layer.padding == KerasPadding::kSame;
      if (ImGui::Checkbox("same", &same)) {
        layer.padding = same ? KerasPadding::kSame : KerasPadding::kValid;
        changed = true;
      }
      ConceptTooltip("tip.layer_same");
      ImGui::SameLine();
      changed |= ImGui::Checkbox(TrId("summary.bias").c_str(), &layer.use_bias);
      ConceptTooltip("tip.layer_bias");
      break;
    }
    case LayerType::kMaxPool2d:
    case LayerType::kAvgPool2d: {
      changed |= PairEditor("summary.pool", "tip.layer_pool", &layer.pool_size);
      ImGui::SameLine();
      Pair strides = layer.strides.value_or(layer.pool_size);
      if (PairEditor("summary.strides", "tip.layer_strides", &strides)) {
        layer.strides = strides;
        changed = true;
      }
      break;
    }
    case LayerType::kConv1d:
      changed = Conv1dEditor(layer);
      break;
    case LayerType::kMaxPool1d:
    case LayerType::kAvgPool1d: {
      changed |= LengthEditor("summary.pool", "tip.layer_pool_1d", &layer.pool_size);
      ImGui::SameLine();
      Pair strides = layer.strides.value_or(layer.pool_size);
      if (LengthEditor("summary.strides", "tip.layer_strides_1d", &strides)) {
        layer.strides = strides;
        changed = true;
      }
      break;
    }
    case LayerType::kDense:
      ImGui::SetNextItemWidth(Scaled(90));
      changed |= ImGui::InputInt(TrId("summary.units").c_str(), &layer.units);
      ConceptTooltip("tip.layer_units");
      ImGui::SameLine();
      changed |= ImGui::Checkbox(TrId("summary.bias").c_str(), &layer.use_bias);
      ConceptTooltip("tip.layer_bias");
      break;
    case LayerType::kDropout: {
      float rate = static_cast<float>(layer.rate);
      ImGui::SetNextItemWidth(Scaled(120));
      if (ImGui::SliderFloat(TrId("summary.rate").c_str(), &rate, 0.0f, 0.9f, "%.2f")) {
        layer.rate = rate;
        changed = true;
      }
      ConceptTooltip("tip.layer_rate");
      break;
    }
    case LayerType::kFlatten:
    case LayerType::kGlobalAvgPool2d:
    case LayerType::kGlobalAvgPool1d:
    case LayerType::kBatchNorm:
    case LayerType::kReLU:
      ImGui::TextDisabled("%s", Tr("summary.no_parameters"));
      break;
  }
  return changed;
}

// The input shape: [H, W, C], or [steps, C] for a sequence model (the steps
// are the width, see Model).
bool InputShapeEditor(Model& model) {
  bool changed = ImGui::Checkbox(TrId("summary.sequence").c_str(), &model.sequence);
  ConceptTooltip("tip.model_sequence");
  ImGui::SameLine();
  if (model.sequence) {
    // A signal is an image one row high.
    if (changed) model.height = 1;
    int shape[2] = {model.width, model.channels};
    ImGui::SetNextItemWidth(Scaled(140));
    if (ImGui::InputInt2(TrId("summary.input_sequence").c_str(), shape)) {
      model.width = shape[0];
      model.channels = shape[1];
      changed = true;
    }
    ConceptTooltip("tip.model_sequence");
    return changed;
  }
  // Back to an image: a square one as wide as the sequence was long.
  if (changed) model.height = model.width;
  int shape[3] = {model.height, model.width, model.channels};
  ImGui::SetNextItemWidth(Scaled(200));
  if (ImGui::InputInt3(TrId("summary.input").c_str(), shape)) {
    model.height = shape[0];
    model.width = shape[1];
    model.channels = shape[2];
    changed = true;
  }
  ConceptTooltip("tip.model_input");
  return changed;
}

}  // namespace

void DrawSummaryPanel(AppState& state) {
  Model model = state.session.model;
  bool changed = false;
  std::string merge_key;  // edits of one layer's fields are one undo step
  const float editor_w = std::max(380.0f, ImGui::GetContentRegionAvail().x * 0.42f);

  ImGui::BeginChild("summary_layers", ImVec2(editor_w, 0), true);
  PanelTitle(Tr("summary.layers"));
  if (InputShapeEditor(model)) {
    changed = true;
    merge_key = "model:input";
  }
  int remove = -1;
  int move_up = -1;
  for (int i = 0; i < static_cast<int>(model.layers.size()); ++i) {
    ImGui::PushID(i);
    ImGui::Separator();
    if (i == state.summary_bad_layer) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(CurrentColors().error), "%d. %s  \u2190 %s", i + 1,
                         KerasClassName(model.layers[static_cast<size_t>(i)].type), Tr("summary.bad_layer"));
    } else {
      ImGui::Text("%d. %s", i + 1, KerasClassName(model.layers[static_cast<size_t>(i)].type));
    }
    const float label_w = ImGui::GetItemRectSize().x;
    ConceptTooltip(LayerTipKey(model.layers[static_cast<size_t>(i)].type));
    // The two buttons at the right edge, however long their words are; on
    // a line of their own when the name leaves no room (large text).
    const float buttons_w = ImGui::CalcTextSize(Tr("summary.up")).x + ImGui::CalcTextSize(Tr("summary.remove")).x +
                            ImGui::GetStyle().FramePadding.x * 4.0f + ImGui::GetStyle().ItemSpacing.x;
    const float width = ImGui::GetContentRegionAvail().x;
    if (label_w + ImGui::GetStyle().ItemSpacing.x + buttons_w <= width) ImGui::SameLine(width - buttons_w);
    if (ImGui::SmallButton(TrId("summary.up").c_str()) && i > 0) move_up = i;
    ConceptTooltip("tip.layer_up");
    ImGui::SameLine();
    if (ImGui::SmallButton(TrId("summary.remove").c_str())) remove = i;
    ConceptTooltip("tip.layer_remove");
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
  int& add_type = state.view.summary_add_type;
  const char* names[std::size(kAllTypes)];
  for (size_t i = 0; i < std::size(kAllTypes); ++i) names[i] = KerasClassName(kAllTypes[i]);
  ImGui::SetNextItemWidth(Scaled(200));
  ImGui::Combo("##add", &add_type, names, static_cast<int>(std::size(kAllTypes)));
  ConceptTooltip(LayerTipKey(kAllTypes[add_type]));
  ImGui::SameLine();
  const bool add = ImGui::Button(TrId("summary.add_layer").c_str());
  ConceptTooltip("tip.add_layer");
  if (add) {
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
    // The table stays as Keras prints it (in English, as in Colab); this
    // says how its Param # column is counted.
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", Tr("summary.params_note"));
    ImGui::PopTextWrapPos();
    DrawReceptiveField(state);
  } else {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(CurrentColors().error), "%s", state.summary.error().c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndChild();
}

}  // namespace convstep
