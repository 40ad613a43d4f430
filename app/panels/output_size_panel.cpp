// The output size: (N - F + 2P)/S + 1 (or its general form) for height and width with the current
// numbers in, the exact quotient, the floor, the rows and columns dropped,
// why 'same' pads what it does, how far a dilated kernel reaches, and the
// output shape whose depth is the number of filters.
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/widgets/panel_frame.h"
#include "app/state/size_text.h"
#include "app/widgets/tooltip.h"

namespace convstep {

namespace {

void AxisLine(const char* label_key, const AxisSize& axis, Axis which) {
  ImGui::TextUnformatted(Tr(label_key));
  ConceptTooltip("tip.output_size");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", AxisSizeSentence(axis, which).c_str());
  const std::string same = SamePaddingSentence(axis, which);
  if (!same.empty()) ImGui::TextWrapped("%s", same.c_str());
  const std::string dropped = DroppedText(axis, which);
  if (!dropped.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(CurrentColors().error), "%s", dropped.c_str());
}

// A 1-D convolution has one axis: its length, L_out in PyTorch's names.
void SignalSize(const Conv2dGeometry& g) {
  PanelTitleWrapped(Tr("size.title_signal"));
  ImGui::PushTextWrapPos(0.0f);
  AxisLine("size.length", g.axis_w, Axis::kPositions);
  if (g.axis_w.d != 1) ImGui::TextWrapped("%s", TrFormat("size.dilation_signal", {SpanFormula(g.axis_w)}).c_str());
  ImGui::TextWrapped("%s", TrFormat("size.shape_signal", {std::to_string(g.out_channels), std::to_string(g.out_w)}).c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace

void DrawOutputSizePanel(AppState& state) {
  const Conv2dGeometry& g = state.conv->geometry();
  if (IsSignal(g)) return SignalSize(g);
  PanelTitleWrapped(OutputSizeTitle(g.axis_h, g.axis_w).c_str());
  ImGui::PushTextWrapPos(0.0f);
  AxisLine("size.height", g.axis_h, Axis::kRows);
  AxisLine("size.width", g.axis_w, Axis::kColumns);
  const std::string dilation = DilationSentence(g.axis_h, g.axis_w);
  if (!dilation.empty()) ImGui::TextWrapped("%s", dilation.c_str());
  ImGui::TextWrapped("%s", TrFormat(g.out_channels == 1 ? "size.shape_one" : "size.shape_many",
                                    {std::to_string(g.out_h), std::to_string(g.out_w), std::to_string(g.out_channels)})
                               .c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace convstep
