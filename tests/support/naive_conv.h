// An independent, deliberately plain convolution for sweeps: padding modes
// re-derived from PyTorch's definitions (F.pad), no code shared with the core.
#pragma once

#include <random>
#include <vector>

#include "core/conv/conv_spec.h"

namespace convstep::testing {

struct NaiveConv {
  // PyTorch refuses the spec: no window fits, or reflect padding is not
  // smaller than the input (circular: not larger). Nothing else is filled.
  bool valid = false;
  std::vector<double> output;  // [C_out][H_out][W_out]
  std::vector<int> visits;     // [padded_h][padded_w], windows containing each tap
  int out_h = 0;
  int out_w = 0;
  int padded_h = 0;
  int padded_w = 0;
};

// `pad` is the resolved [top, bottom, left, right]; the spec must be valid.
NaiveConv NaiveConv2d(const Conv2dSpec& spec, const Padding4& pad);

// Position i of channel c of the padded signal (F.pad with `left` samples
// before it): the input inside, and outside what the padding mode reads.
double NaivePadded1d(const Tensor2& in, int c, int left, int i, PaddingMode mode);

// Uniform integers in [lo, hi] as doubles: sums stay exact, ties are common.
std::vector<double> RandomValues(std::mt19937& rng, size_t count, int lo, int hi);

}  // namespace convstep::testing
