// A name for one editable grid of the convolution, as the window and the
// scripts say it: "input/1" (channel 1 of the input) or "kernel/2/0" (the
// channel-0 slice of filter 2). The view keeps such names (the grid last
// clicked, the cell being typed into); an edit may remove what one names, so
// every use asks GridExists first.
#pragma once

#include <optional>
#include <string>

#include "core/conv/conv_spec.h"

namespace convstep {

struct GridRef {
  enum class Kind { kInput, kKernel } kind = Kind::kInput;
  int first = 0;   // the input channel, or the filter
  int second = 0;  // with kKernel: the filter's channel slice
  bool operator==(const GridRef&) const = default;
};

// "input/1" → {kInput, 1}; "kernel/2/0" → {kKernel, 2, 0}; anything else
// (an output grid, a typo, trailing text) → nothing.
std::optional<GridRef> ParseGridRef(const std::string& name);
std::string GridRefName(const GridRef& ref);

// Whether the spec has that grid (channel and filter within its tensors).
bool GridExists(const Conv2dSpec& spec, const GridRef& ref);
// The grid's rows and columns in the spec (unpadded).
int GridRows(const Conv2dSpec& spec, const GridRef& ref);
int GridCols(const Conv2dSpec& spec, const GridRef& ref);

}  // namespace convstep
