// Output-size arithmetic along one axis, with the numbers a student needs to
// follow it: out = floor((N + P_before + P_after - d(F - 1) - 1) / S) + 1,
// which is the lecture's (N - F + 2P)/S + 1 when d = 1 and the padding is
// symmetric.
#pragma once

#include <optional>
#include <string>

namespace convstep {

struct AxisSize {
  int n = 0;            // input size along the axis
  int f = 0;            // kernel size
  int pad_before = 0;   // top or left padding
  int pad_after = 0;    // bottom or right padding
  int s = 1;            // stride
  int d = 1;            // dilation
  int padded = 0;       // n + pad_before + pad_after
  int span = 0;         // d(f - 1) + 1: how far one window reaches
  int numerator = 0;    // padded - span: room the window has to slide
  double quotient = 0;  // numerator / s + 1 as a real number, e.g. 3.5
  int output = 0;       // floor(numerator / s) + 1, or 0 when the kernel does not fit
  bool exact = false;   // the division leaves no remainder (and the kernel fits)
  // Trailing rows (or columns) of the padded input that no window reaches;
  // empty when no window fits at all.
  std::optional<int> unvisited_tail;
};

// "h×w", the way sizes are written in messages: "the 5×5 kernel".
std::string SizeText(int h, int w);

// Requires n >= 0, f >= 1, paddings >= 0, s >= 1, d >= 1 (ResolveConv2d checks
// these before calling it).
AxisSize ComputeAxisSize(int n, int f, int pad_before, int pad_after, int s, int d);

// The formula with the numbers put in and its value, e.g.
// "(6 - 3 + 2*1)/2 + 1 = 3.5": the part of ExplainAxisSize that needs no
// words, for the window to follow with its own in the current language.
std::string AxisSizeFormula(const AxisSize& axis);

// What follows from the formula, one verdict that every sentence about it
// (ExplainAxisSize here, the window's in its language) is written from.
struct AxisVerdict {
  enum class Kind {
    kNoFit,     // the window is wider than the padded input: no output
    kExact,     // the division leaves no remainder: the last padded row is reached
    kNotExact,  // the floor drops a remainder
  };
  Kind kind = Kind::kExact;
  int output = 0;          // the output size
  int span = 0;            // how far one window reaches
  int padded = 0;          // the padded input's size
  int unvisited_tail = 0;  // with kNotExact: trailing padded rows no window reaches (0 or more)
};
AxisVerdict JudgeAxisSize(const AxisSize& axis);

// The formula with the numbers put in and what follows from it, in one
// English line, e.g. "(6 - 3 + 2*1)/2 + 1 = 3.5 → 3: not exact, the floor
// drops the remainder; the last padded row is never reached". `axis_noun`
// is "row" or "column".
std::string ExplainAxisSize(const AxisSize& axis, const std::string& axis_noun);

}  // namespace convstep
