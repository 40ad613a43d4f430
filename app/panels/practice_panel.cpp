// Practice: the program hides one number (the next output cell, an output
// size, a layer's parameter count) and the student works it out by hand. A
// right answer scores and moves on; a wrong one leaves the worked arithmetic
// on screen until "Next". The exercises come from the seed shown at the top
// (core/practice.h), so a class given one seed works the same set.
//
// Index of this file:
// [SECTION] The pictures that go with each kind of question
// [SECTION] The question, in words
// [SECTION] Seed, exercise and score
// [SECTION] The question and its picture
// [SECTION] The answer
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "core/conv/stepper.h"
#include "core/teach/step_text.h"
#include "imgui_stdlib.h"

namespace convstep {

namespace {

constexpr ImU32 kRightColor = IM_COL32(110, 200, 120, 255);

// A "?" (or the answer, once it is given away) centred on a grid's cell.
void MarkCell(const std::string& grid, int y, int x, const char* text, ImU32 color) {
  const auto it = GridPlacements().find(grid);
  if (it == GridPlacements().end()) return;
  const ImVec2 c = it->second.CellCenter(y, x);
  const ImVec2 size = ImGui::CalcTextSize(text);
  ImGui::GetWindowDrawList()->AddText(ImVec2(c.x - size.x * 0.5f, c.y - size.y * 0.5f), color, text);
}

// [SECTION] The pictures that go with each kind of question

// The padded input with the asked cell's window on every channel, the
// filter's slices, and the output with the cells before it worked out.
void OutputCellPicture(const PracticeState& p, const PracticeExercise& ex, HeatPalette palette) {
  Result<ConvStepper> made = ConvStepper::Create(ex.conv);
  if (!made) return;  // the core made this exercise valid; nothing to draw otherwise
  const ConvStepper& conv = *made;
  const Conv2dGeometry& g = conv.geometry();
  const ConvStep step = conv.Step(ex.step);
  const ThemeColors& colors = CurrentColors();

  // Cells as large as fit: two input channels, two kernel slices and the
  // output side by side, in about half the height that is left.
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const float avail_h = ImGui::GetContentRegionAvail().y;
  const float label = ImGui::CalcTextSize("-00").x + 4.0f;
  const int columns = g.in_channels * (g.padded_w + g.kernel_w) + g.out_w;
  const float by_width = (avail_w - Scaled(24) * static_cast<float>(2 * g.in_channels + 1) -
                          label * static_cast<float>(2 * g.in_channels + 1)) /
                         static_cast<float>(columns);
  const float by_height = avail_h * 0.5f / static_cast<float>(std::max(g.padded_h, 1));
  const float cell = std::clamp(std::min(by_width, by_height), Scaled(18), Scaled(44));

  const Tensor3& input = ex.conv.input;
  const auto [in_lo, in_hi] = std::minmax_element(input.data.begin(), input.data.end());
  for (int c = 0; c < g.in_channels; ++c) {
    if (c > 0) ImGui::SameLine(0, Scaled(24));
    ImGui::BeginGroup();
    ColoredText(ChannelColor(c), TrFormat("practice.input_channel", {std::to_string(c)}).c_str());
    GridDraw grid = BlankGrid("practice/input/" + std::to_string(c), g.padded_h, g.padded_w, cell, 0);
    grid.labels = true;
    grid.dim.assign(grid.fills.size(), 0);
    for (int py = 0; py < g.padded_h; ++py) {
      for (int px = 0; px < g.padded_w; ++px) {
        const size_t i = static_cast<size_t>(py) * g.padded_w + px;
        const bool in_padding = py < g.padding.top || py >= g.padding.top + g.in_h || px < g.padding.left ||
                                px >= g.padding.left + g.in_w;
        grid.values[i] = PaddedValue(input, g, c, py, px);
        grid.fills[i] = in_padding ? colors.padding_fill : InputValueFill(grid.values[i], *in_lo, *in_hi);
        grid.dim[i] = in_padding ? 1 : 0;
      }
    }
    if (g.padded_h != g.in_h || g.padded_w != g.in_w) {
      grid.outlines.push_back({static_cast<float>(g.padding.top), static_cast<float>(g.padding.left),
                               static_cast<float>(g.in_h), static_cast<float>(g.in_w), colors.data_edge, 1.5f});
    }
    grid.outlines.push_back({static_cast<float>(step.window_top), static_cast<float>(step.window_left),
                             static_cast<float>(g.kernel_h), static_cast<float>(g.kernel_w), ChannelColor(c), 3.0f});
    DrawGrid(grid);
    ImGui::EndGroup();
  }

  const Tensor4& w = ex.conv.weight;
  double scale = 1.0;
  for (double v : w.data) scale = std::max(scale, std::fabs(v));
  for (int c = 0; c < g.in_channels; ++c) {
    ImGui::SameLine(0, Scaled(24));
    ImGui::BeginGroup();
    ColoredText(ChannelColor(c), TrFormat("practice.kernel_channel", {std::to_string(c)}).c_str());
    GridDraw grid = BlankGrid("practice/kernel/" + std::to_string(c), g.kernel_h, g.kernel_w, cell, 0);
    grid.labels = true;
    for (int ky = 0; ky < g.kernel_h; ++ky) {
      for (int kx = 0; kx < g.kernel_w; ++kx) {
        const size_t i = static_cast<size_t>(ky) * g.kernel_w + kx;
        grid.values[i] = w.at(0, c, ky, kx);
        grid.fills[i] = Diverging(static_cast<float>(grid.values[i] / scale));
      }
    }
    grid.outlines.push_back({0, 0, static_cast<float>(g.kernel_h), static_cast<float>(g.kernel_w), ChannelColor(c), 3.0f});
    DrawGrid(grid);
    ImGui::EndGroup();
  }

  // The output as it stands before the asked step. Colours span the whole
  // output, the asked cell included, so that none changes once the answer
  // is shown.
  ImGui::SameLine(0, Scaled(24));
  ImGui::BeginGroup();
  ImGui::TextUnformatted(Tr("practice.output"));
  const auto [out_lo, out_hi] = std::minmax_element(conv.Output().data.begin(), conv.Output().data.end());
  GridDraw out = BlankGrid("practice/output", g.out_h, g.out_w, cell, colors.empty_fill);
  out.labels = true;
  for (int y = 0; y < g.out_h; ++y) {
    for (int x = 0; x < g.out_w; ++x) {
      const int k = conv.StepOf(0, y, x);
      if (k > ex.step || (k == ex.step && !p.showing_worked)) continue;
      const size_t i = static_cast<size_t>(y) * g.out_w + x;
      out.values[i] = conv.Output().at(0, y, x);
      out.fills[i] = HeatIn(palette, out.values[i], *out_lo, *out_hi);
    }
  }
  out.outlines.push_back({static_cast<float>(ex.out_y), static_cast<float>(ex.out_x), 1, 1, kCurrentColor, 3.0f});
  DrawGrid(out);
  if (!p.showing_worked) MarkCell(out.name, ex.out_y, ex.out_x, "?", IM_COL32(255, 255, 255, 255));
  ImGui::EndGroup();
}

// N, F, P, S (and D) with what each one is, and one padded row of the input
// with the first two windows on it: how far a window reaches and how far the
// next one moves. Counting the rest is the exercise.
void OutputSizePicture(const PracticeExercise& ex) {
  const AxisSize& a = ex.axis;
  struct Row {
    const char* letter;
    int value;
    const char* meaning;
  };
  const Row rows[] = {{"N", a.n, Tr("practice.size_n")},
                      {"F", a.f, Tr("practice.size_f")},
                      {"P", a.pad_before, Tr("practice.size_p")},
                      {"S", a.s, Tr("practice.size_s")},
                      {"D", a.d, Tr("practice.size_d")}};
  PushMonoFont();
  for (const Row& r : rows) {
    if (r.letter[0] == 'D' && a.d == 1) continue;  // dilation only when it is not 1
    ImGui::Text("  %s = %-3d", r.letter, r.value);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", r.meaning);
  }
  PopMonoFont();

  ImGui::Spacing();
  ImGui::TextDisabled("%s", Tr("practice.size_picture"));
  const ThemeColors& colors = CurrentColors();
  const float label = ImGui::CalcTextSize("-00").x + 4.0f;
  const float cell = std::clamp((ImGui::GetContentRegionAvail().x - label) / static_cast<float>(a.padded), 8.0f, Scaled(32));
  GridDraw strip = BlankGrid("practice/axis", 1, a.padded, cell, colors.padding_fill);
  strip.labels = true;
  for (int x = a.pad_before; x < a.pad_before + a.n; ++x) strip.fills[static_cast<size_t>(x)] = InputValueFill(1, 0, 2);
  if (a.pad_before > 0) {
    strip.outlines.push_back({0, static_cast<float>(a.pad_before), 1, static_cast<float>(a.n), colors.data_edge, 1.5f});
  }
  // The first window in the top half of the row, the second in the bottom
  // half, so that where they overlap both show; with dilation, one box per
  // tap, so that the holes show.
  for (int w = 0; w < 2; ++w) {
    const int start = w * a.s;
    if (start + a.span > a.padded) break;
    if (a.d == 1) {
      strip.outlines.push_back({w * 0.5f, static_cast<float>(start), 0.5f, static_cast<float>(a.f), ChannelColor(w), 3.0f});
      continue;
    }
    for (int k = 0; k < a.f; ++k) {
      strip.outlines.push_back({w * 0.5f, static_cast<float>(start + k * a.d), 0.5f, 1, ChannelColor(w), 3.0f});
    }
  }
  DrawGrid(strip);
  ColoredText(ChannelColor(0), Tr(a.d == 1 ? "practice.first_window" : "practice.first_window_dilated"));
  ImGui::SameLine(0, Scaled(24));
  ColoredText(ChannelColor(1), Tr("practice.second_window"));
}

// The layers in Keras's summary table, the asked row's "Param #" a "?".
void ParametersPicture(const PracticeState& p, const PracticeExercise& ex) {
  PushMonoFont();
  const std::string input = "(None, " + std::to_string(ex.model.height) + ", " + std::to_string(ex.model.width) +
                            ", " + std::to_string(ex.model.channels) + ")";
  ImGui::TextDisabled("%s %s", Tr("practice.keras_input"), input.c_str());
  const std::string rule(65, '_');
  const std::string double_rule(65, '=');
  ImGui::TextUnformatted(rule.c_str());
  ImGui::Text(" %-28s %-25s %s", Tr("practice.keras_layer"), Tr("practice.keras_shape"), Tr("practice.keras_params"));
  ImGui::TextUnformatted(double_rule.c_str());
  for (size_t i = 0; i < ex.rows.size(); ++i) {
    const LayerSummary& row = ex.rows[i];
    const std::string name = row.name + " (" + KerasClassName(row.type) + ")";
    const bool asked = i + 1 == ex.rows.size();
    const std::string params = !asked ? std::to_string(row.params) : p.showing_worked ? FormatValue(ex.answer) : "?";
    ImGui::Text(" %-28s %-25s", name.c_str(), KerasShapeText(row.output_shape).c_str());
    ImGui::SameLine(0, 0);
    ColoredText(asked ? kCurrentColor : ImGui::GetColorU32(ImGuiCol_Text), params.c_str());
  }
  ImGui::TextUnformatted(rule.c_str());
  PopMonoFont();
}

// [SECTION] The question, in words

void Question(const PracticeExercise& ex) {
  switch (ex.kind) {
    case PracticeKind::kOutputCell: {
      const Conv2dSpec& s = ex.conv;
      ImGui::TextWrapped("%s", TrFormat("practice.q_cell", {std::to_string(ex.out_y), std::to_string(ex.out_x)}).c_str());
      const std::string shape = SizeText(s.input.h, s.input.w) + "\u00d7" + std::to_string(s.input.c);
      ImGui::TextDisabled("%s", TrFormat("practice.cell_setup", {shape, std::to_string(s.padding.top),
                                                                  std::to_string(s.stride.h),
                                                                  SizeText(s.weight.h, s.weight.w) + "\u00d7" +
                                                                      std::to_string(s.weight.c)})
                                    .c_str());
      break;
    }
    case PracticeKind::kOutputSize:
      ImGui::TextWrapped("%s", Tr("practice.q_size"));
      ImGui::TextDisabled("%s", Tr(ex.axis.d == 1 ? "practice.size_setup" : "practice.size_setup_dilated"));
      break;
    case PracticeKind::kParameters: {
      const LayerSummary& asked = ex.rows.back();
      const LayerSpec& layer = ex.model.layers.back();
      const std::string name = asked.name + " (" + KerasClassName(asked.type) + ")";
      ImGui::TextWrapped("%s", TrFormat("practice.q_params", {name}).c_str());
      if (layer.type == LayerType::kConv2d) {
        const std::string input = SizeText(ex.model.height, ex.model.width) + "\u00d7" + std::to_string(ex.model.channels);
        ImGui::TextDisabled("%s", TrFormat("practice.conv_setup",
                                           {std::to_string(layer.filters), SizeText(layer.kernel_size.h, layer.kernel_size.w),
                                            layer.padding == KerasPadding::kSame ? "same" : "valid", input})
                                      .c_str());
      } else if (ex.model.layers.size() == 2) {
        const std::string map = SizeText(ex.model.height, ex.model.width) + "\u00d7" + std::to_string(ex.model.channels);
        ImGui::TextDisabled("%s", TrFormat("practice.dense_after_flatten", {std::to_string(layer.units), map}).c_str());
      } else {
        const int before = ex.model.layers[ex.model.layers.size() - 2].units;
        ImGui::TextDisabled("%s", TrFormat("practice.dense_after_dense",
                                           {std::to_string(layer.units), std::to_string(before)})
                                      .c_str());
      }
      break;
    }
  }
}

const char* KindLabel(PracticeKind kind) {
  switch (kind) {
    case PracticeKind::kOutputCell: return Tr("practice.kind_cell");
    case PracticeKind::kOutputSize: return Tr("practice.kind_size");
    case PracticeKind::kParameters: return Tr("practice.kind_params");
  }
  return "";
}

// The worked arithmetic, a channel's line in its colour, as the arithmetic
// panel writes a step.
void Worked(const PracticeExercise& ex) {
  ImGui::TextUnformatted(Tr("practice.worked"));
  ImGui::Indent();
  ImGui::PushTextWrapPos(0.0f);
  for (size_t i = 0; i < ex.worked.size(); ++i) {
    const bool channel_line = ex.kind == PracticeKind::kOutputCell && static_cast<int>(i) < ex.conv.input.c;
    if (channel_line) {
      ImGui::PushStyleColor(ImGuiCol_Text, ChannelColor(static_cast<int>(i)));
      ImGui::TextWrapped("%s", TrFormat("practice.worked_channel", {std::to_string(i), ex.worked[i]}).c_str());
      ImGui::PopStyleColor();
    } else {
      ImGui::TextWrapped("%s", ex.worked[i].c_str());
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::Unindent();
}

}  // namespace

void DrawPracticePanel(AppState& state) {
  PracticeState& p = state.practice;
  const PracticeExercise& ex = p.Exercise();
  const ThemeColors& colors = CurrentColors();

  // [SECTION] Seed, exercise and score
  PanelTitle(Tr("practice.title"));
  // The seed can be typed here too: "everyone type 42" starts the class on
  // one set without the command line.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(Tr("practice.seed"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Scaled(80));
  std::uint64_t seed = p.seed;
  if (ImGui::InputScalar("##seed", ImGuiDataType_U64, &seed, nullptr, nullptr, "%llu",
                         ImGuiInputTextFlags_EnterReturnsTrue) &&
      seed != p.seed) {
    p.StartSet(seed);
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", TrFormat("practice.seed_hint", {std::to_string(p.seed)}).c_str());
  }
  ImGui::SameLine(0, Scaled(24));
  ImGui::Text("%s", TrFormat("practice.exercise", {std::to_string(p.index + 1), KindLabel(ex.kind)}).c_str());
  ImGui::SameLine(0, Scaled(24));
  ImGui::Text("%s", TrFormat("practice.score", {std::to_string(p.right), std::to_string(p.answered)}).c_str());
  if (p.last == PracticeState::Last::kRight) {
    ImGui::SameLine(0, Scaled(24));
    ColoredText(kRightColor,
                TrFormat("practice.right", {FormatValue(p.last_answer), std::to_string(p.last_index + 1)}).c_str());
  }
  ImGui::Spacing();

  // [SECTION] The question and its picture
  Question(ex);
  ImGui::Spacing();
  switch (ex.kind) {
    case PracticeKind::kOutputCell: OutputCellPicture(p, ex, state.view.appearance.palette); break;
    case PracticeKind::kOutputSize: OutputSizePicture(ex); break;
    case PracticeKind::kParameters: ParametersPicture(p, ex); break;
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();

  // [SECTION] The answer
  if (!p.showing_worked) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr("practice.answer"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(Scaled(140));
    if (p.focus_answer) {
      ImGui::SetKeyboardFocusHere();
      p.focus_answer = false;
    }
    ImGui::PushID(p.answer_field);
    const bool enter = ImGui::InputText("##practice_answer", &p.typed, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopID();
    ImGui::SameLine();
    const bool clicked = ImGui::Button(Tr("practice.check"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", Tr("practice.enter_hint"));
    if (enter || clicked) p.Check();
    if (p.last == PracticeState::Last::kUnparseable) {
      ColoredText(colors.error, p.last_typed.find_first_not_of(" \t") == std::string::npos
                                    ? Tr("practice.empty")
                                    : TrFormat("practice.unparseable", {p.last_typed}).c_str());
    }
    return;
  }

  // A wrong answer: what was typed, the answer and how it is worked out,
  // until the student moves on (the button, or Enter once more).
  ColoredText(colors.error, TrFormat("practice.wrong", {p.last_typed, FormatValue(ex.answer)}).c_str());
  ImGui::Spacing();
  Worked(ex);
  ImGui::Spacing();
  const bool next = ImGui::Button(Tr("practice.next"));
  ImGui::SameLine();
  ImGui::TextDisabled("%s", Tr("practice.next_hint"));
  // The Enter that checked the answer is not the one that moves on: only a
  // new press counts.
  if (next || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) p.Next();
}

}  // namespace convstep
