// The current step written out: one line per input channel in that
// channel's colour (the colour of its window on the input), then the sum of
// the channels with the bias, then the activation. The total is pinned to
// the bottom of the panel, so it stays in view however many channels there
// are; a channel of more than kFoldTerms products shows its sum on one line
// until a click unfolds it.
#include <string>
#include <vector>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

// A 3×3 kernel's nine products fit a line; a 5×5's twenty-five do not.
constexpr size_t kFoldTerms = 9;

struct ChannelLine {
  int channel;
  std::string text;
  bool foldable;
  bool folded;
};

bool Unfolded(const ViewState& v, int channel) { return channel < 32 && (v.arith_unfolded >> channel & 1u) != 0; }

std::vector<ChannelLine> ChannelLines(const AppState& state, const ConvStep& step) {
  const std::vector<std::string> lines = ChannelArithmetic(step);
  std::vector<ChannelLine> out;
  size_t t = 0;  // the terms come channel by channel, in the channels' order
  for (size_t i = 0; i < lines.size(); ++i) {
    const int c = step.channels[i];
    const size_t from = t;
    while (t < step.terms.size() && step.terms[t].c == c) ++t;
    const size_t terms = t - from;
    const bool foldable = terms > kFoldTerms && c < 32;
    const bool folded = foldable && !Unfolded(state.view, c);
    const std::string text =
        folded ? TrFormat("arith.channel_folded", {ChannelIndex(c), std::to_string(terms), FormatValue(step.channel_sums[i])})
               : TrFormat("arith.channel", {ChannelIndex(c), lines[i]});
    out.push_back({c, text, foldable, folded});
  }
  return out;
}

std::string ActivationLine(const AppState& state, const ConvStep& step) {
  if (state.session.activation != Activation::kRelu) return {};
  const std::string v = FormatValue(step.value);
  return "ReLU(" + v + ") = max(0, " + v + ") = " + FormatValue(Activate(Activation::kRelu, step.value));
}

float WrappedHeight(const std::string& text, float width) {
  return ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y + ImGui::GetStyle().ItemSpacing.y;
}

std::string WindowLine(const ConvStep& step) {
  return TrFormat("arith.window", {std::to_string(step.window_top), std::to_string(step.window_left)});
}

// The pinned lines: the sum of the channels with the bias, and the activation.
std::vector<std::string> FooterLines(const AppState& state, const ConvStep& step) {
  std::vector<std::string> lines{TotalArithmetic(step)};
  std::string activation = ActivationLine(state, step);
  if (!activation.empty()) lines.push_back(std::move(activation));
  return lines;
}

// The separator and the pinned lines.
float FooterHeight(const std::vector<std::string>& footer, float width) {
  float h = ImGui::GetStyle().ItemSpacing.y + 1.0f;
  for (const std::string& line : footer) h += WrappedHeight(line, width);
  return h;
}

void DrawTotal(const std::vector<std::string>& footer) {
  ImGui::PushTextWrapPos(0.0f);
  for (size_t i = 0; i < footer.size(); ++i) {
    ImGui::TextWrapped("%s", footer[i].c_str());
    if (i == 0) NoteItemVisibility("total");
  }
  ImGui::PopTextWrapPos();
}

}  // namespace

ArithmeticText::ArithmeticText(const AppState& state) {
  const ConvStep step = state.conv->Step(state.view.step);
  body_.push_back(WindowLine(step));
  for (ChannelLine& line : ChannelLines(state, step)) body_.push_back(std::move(line.text));
  footer_ = FooterLines(state, step);
}

float ArithmeticText::Height(float width, bool least) const {
  std::vector<std::pair<float, float>>& known = least ? least_ : full_;
  for (const auto& [w, h] : known) {
    if (w == width) return h;
  }
  // The least is the title and the pinned total: the lines above it scroll.
  float h = PanelTitleHeight() + FooterHeight(footer_, width);
  if (!least) {
    for (const std::string& line : body_) h += WrappedHeight(line, width);
  }
  known.emplace_back(width, h);
  return h;
}

void DrawArithmeticPanel(AppState& state) {
  const ConvStep step = state.conv->Step(state.view.step);
  const std::string title =
      TrFormat("arith.title", {std::to_string(step.step + 1), std::to_string(step.total_steps),
                               std::to_string(step.out_channel), std::to_string(step.out_y), std::to_string(step.out_x)});
  PanelTitle(title.c_str());
  const float width = ImGui::GetContentRegionAvail().x;
  const std::vector<std::string> footer = FooterLines(state, step);
  const float body_h = ImGui::GetContentRegionAvail().y - FooterHeight(footer, width);
  // No room for a line: only the total, rather than slivers of text.
  if (body_h < ImGui::GetTextLineHeight()) {
    DrawTotal(footer);
    return;
  }
  ImGui::BeginChild("##arith_lines", ImVec2(0, body_h), false);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", WindowLine(step).c_str());
  for (const ChannelLine& line : ChannelLines(state, step)) {
    ImGui::PushStyleColor(ImGuiCol_Text, ChannelColor(line.channel));
    ImGui::TextWrapped("%s", line.text.c_str());
    ImGui::PopStyleColor();
    if (!line.foldable) continue;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(line.folded ? "arith.unfold" : "arith.fold"));
    if (ImGui::IsItemClicked()) state.view.arith_unfolded ^= 1u << line.channel;
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::Separator();
  DrawTotal(footer);
}

}  // namespace convstep
