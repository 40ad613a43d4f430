// The output size: (N - F + 2P)/S + 1 for height and width with the current
// numbers in, the exact quotient, the floor, the rows and columns dropped,
// and the output shape whose depth is the number of filters.
#include <string>

#include "app/panels/panels.h"
#include "app/widgets/panel_frame.h"
#include "core/output_size.h"

namespace convstep {

namespace {

void AxisLine(const char* label, const AxisSize& axis, const char* noun) {
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  ImGui::TextWrapped("%s", ExplainAxisSize(axis, noun).c_str());
  const int tail = axis.unvisited_tail.value_or(0);
  if (tail > 0) {
    const int first = axis.padded - tail;
    const std::string which = tail == 1 ? std::to_string(first) : std::to_string(first) + " to " + std::to_string(axis.padded - 1);
    ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.4f, 1.0f), "  dropped: padded %s %s",
                       tail == 1 ? noun : (std::string(noun) + "s").c_str(), which.c_str());
  }
}

}  // namespace

void DrawOutputSizePanel(AppState& state) {
  const Conv2dGeometry& g = state.conv->geometry();
  PanelTitle("Output size: (N - F + 2P)/S + 1");
  ImGui::PushTextWrapPos(0.0f);
  AxisLine("height:", g.axis_h, "row");
  AxisLine("width: ", g.axis_w, "column");
  if (g.dilation.h > 1 || g.dilation.w > 1) {
    ImGui::TextWrapped("With dilation d the kernel spans d(F - 1) + 1 = %d\u00d7%d positions: "
                       "floor((N + P_before + P_after - d(F - 1) - 1)/S) + 1.",
                       g.axis_h.span, g.axis_w.span);
  }
  ImGui::Text("Output shape: %d \u00d7 %d \u00d7 %d  (height \u00d7 width \u00d7 depth; depth = %d filter%s)", g.out_h,
              g.out_w, g.out_channels, g.out_channels, g.out_channels == 1 ? "" : "s");
  ImGui::PopTextWrapPos();
}

}  // namespace convstep
