// The tick labels and the "what this window hears" line of a spectrogram
// input (core/session/input_axes.h), for the input and output grids. Grids
// are indexed in their drawn coordinates: the input's padded plane, the
// output's cells. Padding has no time or frequency, so its labels are empty.
#pragma once

#include <functional>
#include <string>

#include "core/conv/conv_spec.h"
#include "core/conv/stepper.h"
#include "core/session/input_axes.h"

namespace convstep {

using TickText = std::function<std::string(int)>;

// Hertz (or the coefficient's number) for a padded row, seconds for a
// padded column.
TickText InputRowTicks(const InputAxes& axes, const Conv2dGeometry& g);
TickText InputColTicks(const InputAxes& axes, const Conv2dGeometry& g);
// An output cell is labelled with what the centre of its window reads.
TickText OutputRowTicks(const InputAxes& axes, const Conv2dGeometry& g);
TickText OutputColTicks(const InputAxes& axes, const Conv2dGeometry& g);

// The stretch of sound and band of frequencies the step's window reads
// (its part on the data), e.g. "0.58–0.64 s · 1.0k–2.0k Hz"; empty when the
// window lies wholly on the padding.
std::string WindowHears(const InputAxes& axes, const Conv2dGeometry& g, const ConvStep& step);

}  // namespace convstep
