#include "core/conv/output_size.h"

#include <algorithm>
#include <sstream>

namespace convstep {

namespace {

// Floor division that rounds toward minus infinity for negative numerators.
int FloorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

std::string FormatNumber(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace

std::string SizeText(int h, int w) { return std::to_string(h) + "\u00d7" + std::to_string(w); }

AxisSize ComputeAxisSize(int n, int f, int pad_before, int pad_after, int s, int d) {
  AxisSize a;
  a.n = n;
  a.f = f;
  a.pad_before = pad_before;
  a.pad_after = pad_after;
  a.s = s;
  a.d = d;
  a.padded = n + pad_before + pad_after;
  a.span = d * (f - 1) + 1;
  a.numerator = a.padded - a.span;
  a.quotient = static_cast<double>(a.numerator) / s + 1.0;
  if (a.numerator < 0) {
    a.output = 0;
    a.exact = false;
    return a;
  }
  a.output = FloorDiv(a.numerator, s) + 1;
  a.exact = a.numerator % s == 0;
  const int last_reached = (a.output - 1) * s + a.span - 1;
  a.unvisited_tail = a.padded - 1 - last_reached;
  return a;
}

bool UsesLectureForm(const AxisSize& a) { return a.d == 1 && a.pad_before == a.pad_after && !a.same; }

std::string SamePaddingFormula(const AxisSize& a) {
  const int total = a.pad_before + a.pad_after;
  std::ostringstream out;
  out << "ceil(" << a.n << "/" << a.s << ") = " << a.output << "; P = max((" << a.output << " - 1)*" << a.s
      << " + " << a.d << "*(" << a.f << " - 1) + 1 - " << a.n << ", 0) = " << total << "; P_before = floor("
      << total << "/2) = " << a.pad_before << ", P_after = " << total << " - " << a.pad_before << " = "
      << a.pad_after;
  return out.str();
}

std::string SpanFormula(const AxisSize& a) {
  return std::to_string(a.d) + "*(" + std::to_string(a.f) + " - 1) + 1 = " + std::to_string(a.span);
}

std::string AxisSizeFormula(const AxisSize& a) {
  std::ostringstream out;
  if (UsesLectureForm(a)) {
    out << "(" << a.n << " - " << a.f << " + 2*" << a.pad_before << ")/" << a.s << " + 1";
  } else {
    out << "(" << a.n << " + " << a.pad_before << " + " << a.pad_after << " - " << a.d << "*("
        << a.f << " - 1) - 1)/" << a.s << " + 1";
  }
  out << " = " << FormatNumber(a.quotient);
  return out.str();
}

AxisVerdict JudgeAxisSize(const AxisSize& a) {
  AxisVerdict v;
  v.output = a.output;
  v.span = a.span;
  v.padded = a.padded;
  if (a.output == 0) {
    v.kind = AxisVerdict::Kind::kNoFit;
  } else if (a.exact) {
    v.kind = AxisVerdict::Kind::kExact;
  } else {
    v.kind = AxisVerdict::Kind::kNotExact;
    v.unvisited_tail = a.unvisited_tail.value_or(0);
    // The trailing padding is reached first: what the tail has beyond it is data.
    v.unvisited_input = std::max(v.unvisited_tail - a.pad_after, 0);
    v.first_unvisited_input = a.n - v.unvisited_input;
  }
  return v;
}

std::string ExplainAxisSize(const AxisSize& a, const std::string& axis_noun) {
  const AxisVerdict v = JudgeAxisSize(a);
  std::string text = AxisSizeFormula(a);
  switch (v.kind) {
    case AxisVerdict::Kind::kNoFit:
      return text + ": the " + std::to_string(v.span) + "-wide window does not fit in the " +
             std::to_string(v.padded) + " padded " + axis_noun + "s, so there is no output";
    case AxisVerdict::Kind::kExact: return text + ": exact, every padded " + axis_noun + " up to the last is reached";
    case AxisVerdict::Kind::kNotExact: break;
  }
  text += " \u2192 " + std::to_string(v.output) + ": not exact, the floor drops the remainder";
  if (v.unvisited_input == 0) {
    if (v.unvisited_tail == 1) text += "; the last padded " + axis_noun + " is never reached";
    if (v.unvisited_tail > 1) {
      text += "; the last " + std::to_string(v.unvisited_tail) + " padded " + axis_noun + "s are never reached";
    }
    return text;
  }
  const int last_input = a.n - 1;
  if (v.unvisited_input == 1) {
    text += "; " + axis_noun + " " + std::to_string(last_input) + " of the input is never reached";
  } else {
    text += "; " + axis_noun + "s " + std::to_string(v.first_unvisited_input) + " to " + std::to_string(last_input) +
            " of the input are never reached";
  }
  if (v.unvisited_tail > v.unvisited_input) text += ", nor the padding after";
  return text;
}

}  // namespace convstep
