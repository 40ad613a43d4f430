#include "app/state/size_text.h"

#include "app/i18n/i18n.h"

namespace convstep {

namespace {

const char* Noun(Axis which, bool plural) {
  if (which == Axis::kRows) return Tr(plural ? "size.rows" : "size.row");
  return Tr(plural ? "size.columns" : "size.column");
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
  if (v.unvisited_tail == 1) text += TrFormat("size.tail_one", {Noun(which, false)});
  if (v.unvisited_tail > 1) text += TrFormat("size.tail_many", {std::to_string(v.unvisited_tail), Noun(which, true)});
  return text;
}

std::string DroppedText(const AxisSize& a, Axis which) {
  const int tail = a.unvisited_tail.value_or(0);
  if (tail <= 0) return "";
  const int first = a.padded - tail;
  if (tail == 1) return TrFormat("size.dropped_one", {Noun(which, false), std::to_string(first)});
  return TrFormat("size.dropped_many", {Noun(which, true), std::to_string(first), std::to_string(a.padded - 1)});
}

}  // namespace convstep
