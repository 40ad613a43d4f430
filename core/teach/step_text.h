// A step's arithmetic as text a student reads on a slide:
// "1·0 + 0·1 + 1·2 + … = 5", one line per input channel.
#pragma once

#include <string>
#include <vector>

#include "core/conv/stepper.h"

namespace convstep {

// A number the way a student writes it: integers without a decimal point,
// others with up to four significant digits; negatives in parentheses when
// `parenthesise_negative` (inside a product).
std::string FormatValue(double v, bool parenthesise_negative = false);

// One line per input channel: "input·weight + … = channel sum".
std::vector<std::string> ChannelArithmetic(const ConvStep& step);

// The closing line: "5 + 3 + bias 1 = 9" (channel sums, then the bias).
std::string TotalArithmetic(const ConvStep& step);

}  // namespace convstep
