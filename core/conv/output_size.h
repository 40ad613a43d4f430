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
  // Padding 'same' chose pad_before and pad_after (ResolveConv2d sets it):
  // the formula then shows them apart, as the reason for them is shown.
  bool same = false;
  // Trailing rows (or columns) of the padded input that no window reaches;
  // empty when no window fits at all.
  std::optional<int> unvisited_tail;
};

// "h×w", the way sizes are written in messages: "the 5×5 kernel".
std::string SizeText(int h, int w);

// Requires n >= 0, f >= 1, paddings >= 0, s >= 1, d >= 1 (ResolveConv2d checks
// these before calling it).
AxisSize ComputeAxisSize(int n, int f, int pad_before, int pad_after, int s, int d);

// Keras's 'same' for one axis with the numbers put in: why the output is
// ceil(N/S) and why the padding is what it is, e.g. "ceil(6/2) = 3; P =
// max((3 - 1)*2 + 1*(3 - 1) + 1 - 6, 0) = 1; P_before = floor(1/2) = 0,
// P_after = 1 - 0 = 1". The window puts it in a sentence of its language.
std::string SamePaddingFormula(const AxisSize& axis);

// How far one window reaches with the numbers put in: "2*(3 - 1) + 1 = 5".
std::string SpanFormula(const AxisSize& axis);

// Whether AxisSizeFormula writes the lecture's (N - F + 2P)/S + 1 (no
// dilation, even padding not chosen by 'same') or the general form with
// P_before + P_after: the header above the formula must be the same form.
bool UsesLectureForm(const AxisSize& axis);

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
  // Of those, the rows of the input itself (not padding) no window reaches,
  // and the first of them in the input's own numbering: a student told
  // "padded row 5" of an input with no padding looks for a ring that is not there.
  int unvisited_input = 0;
  int first_unvisited_input = 0;
};
AxisVerdict JudgeAxisSize(const AxisSize& axis);

// The formula with the numbers put in and what follows from it, in one
// English line, e.g. "(6 - 3 + 2*1)/2 + 1 = 3.5 → 3: not exact, the floor
// drops the remainder; the last padded row is never reached" (or "row 5 of
// the input is never reached" when the rows dropped are data). `axis_noun`
// is "row" or "column".
std::string ExplainAxisSize(const AxisSize& axis, const std::string& axis_noun);

}  // namespace convstep
