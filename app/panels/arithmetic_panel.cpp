// The current step written out: one line per input channel in that
// channel's colour (the colour of its window on the input), then the sum of
// the channels with the bias, then the activation.
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "core/teach/step_text.h"

namespace convstep {

void DrawArithmeticPanel(AppState& state) {
  const ConvStep step = state.conv->Step(state.view.step);
  const std::string title =
      TrFormat("arith.title", {std::to_string(step.step + 1), std::to_string(step.total_steps),
                               std::to_string(step.out_channel), std::to_string(step.out_y), std::to_string(step.out_x)});
  PanelTitle(title.c_str());
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s",
                      TrFormat("arith.window", {std::to_string(step.window_top), std::to_string(step.window_left)}).c_str());
  const std::vector<std::string> lines = ChannelArithmetic(step);
  for (size_t i = 0; i < lines.size(); ++i) {
    ImGui::PushStyleColor(ImGuiCol_Text, ChannelColor(step.channels[i]));
    ImGui::TextWrapped("%s", TrFormat("arith.channel", {std::to_string(step.channels[i]), lines[i]}).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  ImGui::TextWrapped("%s", TotalArithmetic(step).c_str());
  if (state.session.activation == Activation::kRelu) {
    ImGui::TextWrapped("ReLU(%s) = max(0, %s) = %s", FormatValue(step.value).c_str(), FormatValue(step.value).c_str(),
                       FormatValue(Activate(Activation::kRelu, step.value)).c_str());
  }
  ImGui::PopTextWrapPos();
}

}  // namespace convstep
