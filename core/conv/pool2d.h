// 2-D pooling with PyTorch's semantics (max_pool2d with return_indices,
// avg_pool2d with count_include_pad=True), and the pooling as a sequence of
// steps a student can walk through, like ConvStepper: step k is one output
// value, channels one after another, output rows top to bottom, columns left
// to right, each computed from k directly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/conv/output_size.h"
#include "core/conv/tensor.h"

namespace convstep {

enum class PoolMode { kMax, kAvg };

struct Pool2dSpec {
  Tensor3 input;                  // [C][H][W]; every channel is pooled on its own
  PoolMode mode = PoolMode::kMax;
  Pair kernel{2, 2};              // window size (the lecture's 2x2)
  std::optional<Pair> stride;     // step between windows; absent means the kernel size, as in PyTorch
  Pair padding{0, 0};             // on both sides of each axis, at most half the kernel
  Pair dilation{1, 1};            // spacing between window taps; max pooling only
  bool ceil_mode = false;         // round the output size up, keeping a last window that hangs past the edge
};

// Everything derived from a valid spec. Coordinates called "padded" count from
// the top-left of the padding ring, as ConvStepper's do.
struct Pool2dGeometry {
  int channels = 0;
  int in_h = 0;
  int in_w = 0;
  PoolMode mode = PoolMode::kMax;
  Pair kernel;
  Pair stride;
  Pair padding{0, 0};
  Pair dilation;
  bool ceil_mode = false;
  int padded_h = 0;  // in_h + 2 * padding.h
  int padded_w = 0;
  int out_h = 0;
  int out_w = 0;
  AxisSize axis_h;  // (W − F + 2P)/S + 1 worked out per axis, as the formula panel shows it
  AxisSize axis_w;

  int TotalSteps() const { return channels * out_h * out_w; }
};

// Why `pad` is too much padding for a `kernel`-wide window (PyTorch allows at
// most half the kernel, rounded down), or "". `axis_noun` names what the axis
// counts: "row", "column", "sample".
std::string CheckHalfKernelPadding(int pad, int kernel, const char* axis_noun);

// Checks the spec and derives its geometry, or says in one sentence what is
// wrong.
Result<Pool2dGeometry> ResolvePool2d(const Pool2dSpec& spec);

// One position of a window, in padded coordinates.
struct PoolTap {
  int y = 0;
  int x = 0;
  double input = 0;         // 0 in the padding: average pooling counts it as a zero, max skips it
  bool in_padding = false;
};

struct PoolStep {
  int step = 0;
  int total_steps = 0;
  int channel = 0;
  int out_y = 0;
  int out_x = 0;
  int window_top = 0;  // padded coordinates of the window's first tap
  int window_left = 0;
  // Row-major. In ceil_mode the last window may hang past the padded input;
  // PyTorch cuts it there, so taps beyond the padding are not listed.
  std::vector<PoolTap> taps;
  double value = 0;
  int argmax = -1;   // max: the winner's flat index y*W + x in the input plane (PyTorch's return_indices); -1 for avg
  double sum = 0;    // avg: the sum of the taps
  int divisor = 0;   // avg: how many taps the sum is divided by, padding included
};

class Pool2dStepper {
 public:
  static Result<Pool2dStepper> Create(Pool2dSpec spec);

  const Pool2dSpec& spec() const { return spec_; }
  const Pool2dGeometry& geometry() const { return geo_; }
  int TotalSteps() const { return geo_.TotalSteps(); }

  // Requires 0 <= k < TotalSteps().
  PoolStep Step(int k) const;
  // The step that computes output cell (c, y, x): channel by channel, row by row.
  int StepOf(int c, int y, int x) const { return (c * geo_.out_h + y) * geo_.out_w + x; }

  // The whole output, [C][H_out][W_out].
  const Tensor3& Output() const { return output_; }
  // For max pooling, the argmax of every output cell in the order of
  // Output().data; empty for average pooling.
  const std::vector<int>& Argmax() const { return argmax_; }

 private:
  Pool2dStepper(Pool2dSpec spec, Pool2dGeometry geo);
  // Step(k) into *step, keeping the room its taps had.
  void StepInto(int k, PoolStep* step) const;

  Pool2dSpec spec_;
  Pool2dGeometry geo_;
  Tensor3 output_;
  std::vector<int> argmax_;
};

}  // namespace convstep
