#include "app/widgets/size_text.h"

#include "app/i18n/i18n.h"

namespace convstep {

namespace {

const char* Noun(Axis which, bool plural) {
  if (which == Axis::kRows) return Tr(plural ? "size.rows" : "size.row");
  return Tr(plural ? "size.columns" : "size.column");
}

}  // namespace

std::string AxisSizeSentence(const AxisSize& a, Axis which) {
  std::string text = AxisSizeFormula(a);
  if (a.output == 0) {
    return text + TrFormat("size.no_fit", {std::to_string(a.span), std::to_string(a.padded), Noun(which, true)});
  }
  if (a.exact) return text + TrFormat("size.exact", {Noun(which, false)});
  text += TrFormat("size.not_exact", {std::to_string(a.output)});
  const int tail = a.unvisited_tail.value_or(0);
  if (tail == 1) text += TrFormat("size.tail_one", {Noun(which, false)});
  if (tail > 1) text += TrFormat("size.tail_many", {std::to_string(tail), Noun(which, true)});
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
