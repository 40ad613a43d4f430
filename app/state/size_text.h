// The output-size arithmetic of one axis as a sentence in the current
// language: core's formula with the numbers put in (AxisSizeFormula), then
// its verdict (JudgeAxisSize), the same one core's ExplainAxisSize writes in
// English, so the two say the same thing.
#pragma once

#include <string>

#include "core/conv/conv_spec.h"
#include "core/conv/output_size.h"

namespace convstep {

// kPositions: the one axis of a 1-D signal.
enum class Axis { kRows, kColumns, kPositions };

// E.g. "(6 - 3 + 2*1)/2 + 1 = 3.5 → 3: not exact, the floor drops the
// remainder; the last padded row is never reached".
std::string AxisSizeSentence(const AxisSize& axis, Axis which);

// "  dropped: padded row 7" (or "rows 6 to 7"; "row 5 of the input" when
// the row dropped is data), or "" when every padded row (or column) is reached.
std::string DroppedText(const AxisSize& axis, Axis which);

// The panel's header: the lecture's "(N - F + 2P)/S + 1" when both axes are
// written in that form, else the general form with P_before + P_after, so
// the header and the formulas under it always agree.
std::string OutputSizeTitle(const AxisSize& h, const AxisSize& w);

// Why padding 'same' chose these amounts and this output, for one axis
// (SamePaddingFormula in a sentence); "" when the padding is not 'same'.
std::string SamePaddingSentence(const AxisSize& axis, Axis which);

// With dilation: how far the kernel reaches, d(F - 1) + 1 with the numbers
// put in for both axes; "" without dilation.
std::string DilationSentence(const AxisSize& h, const AxisSize& w);

// With groups > 1: which input channels feed which filters, e.g. "Each
// filter reads only its group's 1 of the 2 input channels (weight
// [2][1][3][3]): filter 0 ← input channel 0; filter 1 ← input channel 1";
// "" with one group.
std::string GroupsSentence(const Conv2dGeometry& g);

}  // namespace convstep
