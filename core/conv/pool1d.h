// 1-D pooling with PyTorch's semantics (F.max_pool1d with return_indices,
// F.avg_pool1d with count_include_pad=True, ceil_mode's rule for the last
// window), run as the 2-D pooling of a signal one row high: the window,
// padding and stride act on the columns only, so Pool2dStepper's arithmetic
// is the whole of it and this file gives 1-D views of its results.
#pragma once

#include <optional>
#include <vector>

#include "core/base/result.h"
#include "core/conv/pool2d.h"
#include "core/conv/tensor.h"

namespace convstep {

struct Pool1dSpec {
  Tensor2 input;                  // [C][L]; every channel is pooled on its own
  PoolMode mode = PoolMode::kMax;
  int kernel = 2;                 // window length
  std::optional<int> stride;      // absent means the kernel size, as in PyTorch
  int padding = 0;                // on both sides, at most half the kernel
  int dilation = 1;               // spacing between window taps; max pooling only
  bool ceil_mode = false;         // round the output length up, keeping a last window that hangs past the end
};

// The same pooling one row high, or why it cannot run, said in 1-D terms
// where the 2-D validation would speak of rows and columns.
Result<Pool2dSpec> LiftPool1d(const Pool1dSpec& spec);

struct PoolStep1d {
  int step = 0;
  int total_steps = 0;
  int channel = 0;
  int out_x = 0;
  int window_left = 0;        // padded position of the window's first tap
  std::vector<int> taps;      // padded positions of the taps inside the padded input
  std::vector<double> inputs; // their values, 0 in the padding
  double value = 0;
  int argmax = -1;            // max: the winner's index into L; -1 for avg
  double sum = 0;             // avg: the sum of the taps
  int divisor = 0;            // avg: how many taps the sum is divided by, padding included
};

class Pool1dStepper {
 public:
  static Result<Pool1dStepper> Create(Pool1dSpec spec);

  const Pool1dSpec& spec() const { return spec_; }
  // The lifted pooling: the same steps, one row high.
  const Pool2dStepper& Lifted() const { return lifted_; }
  PoolMode mode() const { return lifted_.geometry().mode; }
  int OutLength() const { return lifted_.geometry().out_w; }
  int PaddedLength() const { return lifted_.geometry().padded_w; }
  int TotalSteps() const { return lifted_.TotalSteps(); }

  // Requires 0 <= k < TotalSteps().
  PoolStep1d Step(int k) const;

  // The whole output, [C][L_out].
  const Tensor2& Output() const { return output_; }
  // For max pooling, every output's argmax (an index into L) in the order of
  // Output().data; empty for average pooling.
  const std::vector<int>& Argmax() const { return lifted_.Argmax(); }

 private:
  Pool1dStepper(Pool1dSpec spec, Pool2dStepper lifted);

  Pool1dSpec spec_;
  Pool2dStepper lifted_;
  Tensor2 output_;
};

}  // namespace convstep
