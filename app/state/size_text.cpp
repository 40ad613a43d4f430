#include "app/state/size_text.h"

#include "app/i18n/i18n.h"

namespace convstep {

namespace {

const char* Noun(Axis which, bool plural) {
  if (which == Axis::kRows) return Tr(plural ? "size.rows" : "size.row");
  if (which == Axis::kPositions) return Tr(plural ? "size.positions" : "size.position");
  return Tr(plural ? "size.columns" : "size.column");
}

// "0" or "0–1": the first and last of `count` numbers from `first`.
std::string RangeText(int first, int count) {
  if (count == 1) return std::to_string(first);
  return std::to_string(first) + "–" + std::to_string(first + count - 1);
}

}  // namespace

std::string AxisSizeSentence(const AxisSize& a, Axis which) {
  const AxisVerdict v = JudgeAxisSize(a);
  std::string text = AxisSizeFormula(a);
  switch (v.kind) {
    case AxisVerdict::Kind::kNoFit:
      return text + TrFormat("size.no_fit", {std::to_string(v.span), std::to_string(v.padded), Noun(which, true)});
    case AxisVerdict::Kind::kExact: return text + TrFormat("size.exact", {Noun(which, false)});
    case AxisVerdict::Kind::kNotExact: break;
  }
  text += TrFormat("size.not_exact", {std::to_string(v.output)});
  if (v.unvisited_input == 0) {
    if (v.unvisited_tail == 1) text += TrFormat("size.tail_one", {Noun(which, false)});
    if (v.unvisited_tail > 1) text += TrFormat("size.tail_many", {std::to_string(v.unvisited_tail), Noun(which, true)});
    return text;
  }
  const std::string last_input = std::to_string(a.n - 1);
  if (v.unvisited_input == 1) {
    text += TrFormat("size.tail_input_one", {Noun(which, false), last_input});
  } else {
    text += TrFormat("size.tail_input_many", {Noun(which, true), std::to_string(v.first_unvisited_input), last_input});
  }
  if (v.unvisited_tail > v.unvisited_input) text += Tr("size.tail_and_padding");
  return text;
}

std::string DroppedText(const AxisSize& a, Axis which) {
  const AxisVerdict v = JudgeAxisSize(a);
  if (v.kind != AxisVerdict::Kind::kNotExact || v.unvisited_tail == 0) return "";
  if (v.unvisited_input == 0) {
    const int first = a.padded - v.unvisited_tail;
    if (v.unvisited_tail == 1) return TrFormat("size.dropped_one", {Noun(which, false), std::to_string(first)});
    return TrFormat("size.dropped_many", {Noun(which, true), std::to_string(first), std::to_string(a.padded - 1)});
  }
  const std::string last_input = std::to_string(a.n - 1);
  std::string text = v.unvisited_input == 1
                         ? TrFormat("size.dropped_input_one", {Noun(which, false), last_input})
                         : TrFormat("size.dropped_input_many",
                                    {Noun(which, true), std::to_string(v.first_unvisited_input), last_input});
  if (v.unvisited_tail > v.unvisited_input) text += Tr("size.dropped_and_padding");
  return text;
}

std::string OutputSizeTitle(const AxisSize& h, const AxisSize& w) {
  return Tr(UsesLectureForm(h) && UsesLectureForm(w) ? "size.title" : "size.title_general");
}

std::string SamePaddingSentence(const AxisSize& a, Axis which) {
  if (!a.same) return "";
  const char* label = which == Axis::kRows ? "size.height" : which == Axis::kPositions ? "size.length" : "size.width";
  return TrFormat("size.same", {Tr(label), SamePaddingFormula(a)});
}

std::string DilationSentence(const AxisSize& h, const AxisSize& w) {
  if (h.d == 1 && w.d == 1) return "";
  return TrFormat("size.dilation", {SpanFormula(h), SpanFormula(w)});
}

std::string GroupsSentence(const Conv2dGeometry& g) {
  if (g.groups <= 1) return "";
  std::string feeds;
  for (int group = 0; group < g.groups; ++group) {
    if (group > 0) feeds += "; ";
    const int first_filter = group * g.out_per_group;
    feeds += TrFormat(g.out_per_group == 1 ? "params.groups_filters_one" : "params.groups_filters_many",
                      {RangeText(first_filter, g.out_per_group)});
    feeds += " ← ";
    feeds += TrFormat(g.in_per_group == 1 ? "params.groups_channels_one" : "params.groups_channels_many",
                      {RangeText(g.FirstInputChannel(first_filter), g.in_per_group)});
  }
  const std::string weight = "[" + std::to_string(g.out_channels) + "][" + std::to_string(g.in_per_group) + "][" +
                             std::to_string(g.kernel_h) + "][" + std::to_string(g.kernel_w) + "]";
  return TrFormat("params.groups_explain",
                  {std::to_string(g.in_per_group), std::to_string(g.in_channels), weight, feeds});
}

}  // namespace convstep
