// Practice mode: exercises a student works out by hand (the value of the next
// output cell, an output size, a layer's parameter count), each with its
// answer and its arithmetic written out. A set of exercises is a pure
// function of a seed, so that an instructor can hand a whole class the same
// set on every platform: the generator uses std::mt19937_64 (whose output the
// standard fixes) and its own range mapping, never the <random>
// distributions (whose output each standard library chooses).
//
// Text made here is numbers and math signs only ("1·2 + 0·(-1) = 2"): the
// words around it belong to the window's string tables.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/conv/conv_spec.h"
#include "core/conv/output_size.h"
#include "core/nn/model_summary.h"

namespace convstep {

enum class PracticeKind {
  kOutputCell,  // the value of one output cell of a small convolution
  kOutputSize,  // (N - F + 2P)/S + 1 along one axis
  kParameters,  // the trainable parameters of a Conv2D or Dense layer
};

// "output_cell", "output_size", "parameters".
const char* PracticeKindName(PracticeKind kind);

struct PracticeExercise {
  std::uint64_t seed = 0;
  int index = 0;  // the exercise's place in the seed's set, from 0
  PracticeKind kind = PracticeKind::kOutputCell;

  // kOutputCell: one filter without bias over 1 or 2 integer channels, zero
  // padding, the same stride both ways. Steps before `step` are shown
  // worked out; `step` is the cell asked, at (out_y, out_x).
  Conv2dSpec conv;
  int step = 0;
  int out_y = 0;
  int out_x = 0;

  // kOutputSize: one axis of a square input, the padding the same on both
  // sides; axis.output is the answer.
  AxisSize axis;

  // kParameters: an input and the layers up to the one asked, the last one
  // (a Conv2D, or a Flatten and the Dense it feeds), with Keras's summary rows.
  Model model;
  std::vector<LayerSummary> rows;

  double answer = 0;
  // The arithmetic to the answer, one line each, the last ending in
  // "= answer"; a student who answered wrong reads it.
  std::vector<std::string> worked;
};

// Exercise `index` (from 0) of the set for `seed`: the kinds take turns
// (output cell, output size, parameters), everything else is drawn.
PracticeExercise MakeExercise(std::uint64_t seed, int index);

enum class PracticeVerdict { kRight, kWrong, kUnparseable };

struct PracticeCheck {
  PracticeVerdict verdict = PracticeVerdict::kUnparseable;
  double value = 0;  // the number read, unless kUnparseable
};

// Reads one number the way a student types it ("7", " 7 ", "7.0", "-3",
// a decimal comma "2,5", thousands in groups "131,200" when that is the
// answer) and compares it with the answer, within 1e-9.
PracticeCheck CheckAnswer(const PracticeExercise& exercise, std::string_view typed);

}  // namespace convstep
