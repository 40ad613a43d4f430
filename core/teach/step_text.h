// A step's arithmetic as text a student reads on a slide:
// "1·0 + 0·1 + 1·2 + … = 5", one line per input channel.
#pragma once

#include <string>
#include <vector>

#include "core/conv/pool2d.h"
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

// A pooling step: "max(1, 3, 2, 6) = 6" (max skips the padding, which holds
// no value), or "(1 + 3 + 0 + 6) / 4 = 2.5" (average counts it as zeros, as
// PyTorch's count_include_pad does).
std::string PoolArithmetic(const PoolStep& step, PoolMode mode);

}  // namespace convstep
