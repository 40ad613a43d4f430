// The output-size arithmetic of one axis as a sentence in the current
// language: core's formula with the numbers put in (AxisSizeFormula), then
// its verdict (JudgeAxisSize), the same one core's ExplainAxisSize writes in
// English, so the two say the same thing.
#pragma once

#include <string>

#include "core/conv/output_size.h"

namespace convstep {

enum class Axis { kRows, kColumns };

// E.g. "(6 - 3 + 2*1)/2 + 1 = 3.5 → 3: not exact, the floor drops the
// remainder; the last padded row is never reached".
std::string AxisSizeSentence(const AxisSize& axis, Axis which);

// "  dropped: padded row 7" (or "rows 6 to 7"), or "" when every padded
// row (or column) is reached.
std::string DroppedText(const AxisSize& axis, Axis which);

}  // namespace convstep
