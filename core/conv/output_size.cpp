#include "core/conv/output_size.h"

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

std::string AxisSizeFormula(const AxisSize& a) {
  std::ostringstream out;
  // The lecture's form when it applies, the general one otherwise.
  if (a.d == 1 && a.pad_before == a.pad_after) {
    out << "(" << a.n << " - " << a.f << " + 2*" << a.pad_before << ")/" << a.s << " + 1";
  } else {
    out << "(" << a.n << " + " << a.pad_before << " + " << a.pad_after << " - " << a.d << "*("
        << a.f << " - 1) - 1)/" << a.s << " + 1";
  }
  out << " = " << FormatNumber(a.quotient);
  return out.str();
}

std::string ExplainAxisSize(const AxisSize& a, const std::string& axis_noun) {
  std::ostringstream out;
  out << AxisSizeFormula(a);
  if (a.output == 0) {
    out << ": the " << a.span << "-wide window does not fit in the " << a.padded << " padded "
        << axis_noun << "s, so there is no output";
    return out.str();
  }
  if (a.exact) {
    out << ": exact, every padded " << axis_noun << " up to the last is reached";
    return out.str();
  }
  out << " -> " << a.output << ": not exact, the floor drops the remainder";
  const int tail = a.unvisited_tail.value_or(0);
  if (tail > 0) {
    out << "; the last " << tail << " padded " << axis_noun << (tail == 1 ? " is" : "s are")
        << " never reached";
  }
  return out.str();
}

}  // namespace convstep
