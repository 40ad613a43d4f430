// The convolution as a sequence of steps a student can walk through. Step k
// (0-based) is one output value: filters one after another, output rows top
// to bottom, columns left to right. The state of any step is computed from k
// directly, so scrubbing to the last step costs what stepping to the next does.
#pragma once

#include <vector>

#include "core/base/result.h"
#include "core/conv/conv_spec.h"
#include "core/conv/tensor.h"

namespace convstep {

// One product of the step: input channel c at padded position (y, x), times
// the weight at kernel offset (ky, kx).
struct StepTerm {
  int c = 0;
  int y = 0;   // padded coordinates
  int x = 0;
  int ky = 0;  // kernel offset
  int kx = 0;
  double input = 0;   // the input value, or the padding mode's value in the ring
  double weight = 0;
  double product = 0;
  bool in_padding = false;
};

struct ConvStep {
  int step = 0;
  int total_steps = 0;
  int out_channel = 0;
  int out_y = 0;
  int out_x = 0;
  int window_top = 0;   // padded coordinates of the window's first tap
  int window_left = 0;
  std::vector<StepTerm> terms;        // channel by channel, kernel row-major
  std::vector<int> channels;          // the input channels this filter reads
  std::vector<double> channel_sums;   // one per entry of `channels`
  double bias = 0;
  double value = 0;                   // sum of channel_sums plus bias
};

struct OutputCell {
  int c = 0;
  int y = 0;
  int x = 0;
  bool operator==(const OutputCell&) const = default;
};

class ConvStepper {
 public:
  static Result<ConvStepper> Create(Conv2dSpec spec);

  const Conv2dSpec& spec() const { return spec_; }
  const Conv2dGeometry& geometry() const { return geo_; }
  int TotalSteps() const { return geo_.TotalSteps(); }

  // Requires 0 <= k < TotalSteps().
  ConvStep Step(int k) const;
  // The step that computes output cell (c, y, x).
  int StepOf(int c, int y, int x) const { return (c * geo_.out_h + y) * geo_.out_w + x; }

  // The whole output, exact in double precision.
  const Tensor3& Output() const { return output_; }

  // How many windows contain each padded position (dilation holes do not
  // count), padded_h * padded_w values, row-major. Zero means never reached.
  const std::vector<int>& Visits() const { return visits_; }
  int VisitsAt(int py, int px) const { return visits_[static_cast<size_t>(py) * geo_.padded_w + px]; }

  // The output cells whose windows read input channel c at padded (py, px).
  std::vector<OutputCell> CoveringOutputs(int c, int py, int px) const;

 private:
  ConvStepper(Conv2dSpec spec, Conv2dGeometry geo);

  Conv2dSpec spec_;
  Conv2dGeometry geo_;
  Tensor3 output_;
  std::vector<int> visits_;
};

// Output rows (or columns) whose windows touch padded row `p`, along one axis.
std::vector<int> CoveringIndices(const AxisSize& axis, int p);

}  // namespace convstep
