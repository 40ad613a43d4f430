// Specs for the benchmarks: sizes as a user would pick them, values from a
// fixed seed so every run convolves the same numbers.
#pragma once

#include <random>

#include "core/conv/conv_spec.h"

namespace convstep::bench {

// A channels x size x size image and `filters` k x k filters with bias, all
// values uniform in [-1, 1], explicit padding `pad` on every side.
inline Conv2dSpec RandomSquareSpec(int channels, int size, int filters, int k, int pad) {
  std::mt19937 rng(1234);
  std::uniform_real_distribution<double> value(-1.0, 1.0);
  Conv2dSpec spec;
  spec.input = Tensor3(channels, size, size);
  for (double& v : spec.input.data) v = value(rng);
  spec.weight = Tensor4(filters, channels, k, k);
  for (double& v : spec.weight.data) v = value(rng);
  spec.bias.resize(static_cast<size_t>(filters));
  for (double& v : spec.bias) v = value(rng);
  spec.padding = {PaddingSpec::Kind::kExplicit, pad, pad, pad, pad};
  return spec;
}

}  // namespace convstep::bench
