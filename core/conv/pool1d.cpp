#include "core/conv/pool1d.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/conv/conv_spec.h"
#include "core/conv/output_size.h"

namespace convstep {

namespace {

// Sizes the 2-D validation checks first in words that suit a signal as well
// (at least 1, not negative, not huge); only past them do the 1-D checks
// below have numbers they can work with.
bool SizesInRange(const Pool1dSpec& spec, int stride) {
  return spec.kernel >= 1 && stride >= 1 && spec.padding >= 0 && spec.dilation >= 1 &&
         std::max({spec.kernel, stride, spec.dilation, spec.padding}) <= kMaxSide;
}

// What the 2-D validation would say with rows and columns ("padding of 2
// columns", "the 1×3 window"), said of samples.
std::string CheckSignalWindow(const Pool1dSpec& spec, int stride) {
  if (spec.input.c < 1 || spec.input.l < 1) {
    return "the input is empty: it needs at least one channel of one sample";
  }
  if (!SizesInRange(spec, stride)) return "";
  const std::string padding_problem = CheckHalfKernelPadding(spec.padding, spec.kernel, "sample");
  if (!padding_problem.empty()) return padding_problem;
  const AxisSize axis =
      ComputeAxisSize(spec.input.l, spec.kernel, spec.padding, spec.padding, stride, spec.dilation);
  // ceil_mode rounds a fitting window count up but cannot make one fit.
  if (axis.numerator < 0) {
    std::string window = "the " + std::to_string(spec.kernel) + "-sample window";
    if (spec.dilation > 1) {
      window += " with dilation " + std::to_string(spec.dilation) + " spans " + std::to_string(axis.span) + " and";
    }
    return window + " does not fit in the " + std::to_string(axis.padded) + " padded samples";
  }
  return "";
}

}  // namespace

Result<Pool2dSpec> LiftPool1d(const Pool1dSpec& spec) {
  const int stride = spec.stride.value_or(spec.kernel);
  const std::string problem = CheckSignalWindow(spec, stride);
  if (!problem.empty()) return Error{problem};
  // One row, one tap high, stride 1 and no padding along it: every window
  // covers the row, and the columns do what the 1-D spec says.
  Pool2dSpec lifted;
  lifted.input = AsImage(spec.input);
  lifted.mode = spec.mode;
  lifted.kernel = {1, spec.kernel};
  lifted.stride = Pair{1, stride};
  lifted.padding = {0, spec.padding};
  lifted.dilation = {1, spec.dilation};
  lifted.ceil_mode = spec.ceil_mode;
  return lifted;
}

Result<Pool1dStepper> Pool1dStepper::Create(Pool1dSpec spec) {
  Result<Pool2dSpec> lifted = LiftPool1d(spec);
  if (!lifted) return Error{lifted.error()};
  Result<Pool2dStepper> stepper = Pool2dStepper::Create(std::move(lifted).value());
  if (!stepper) return Error{stepper.error()};
  return Pool1dStepper(std::move(spec), std::move(stepper).value());
}

Pool1dStepper::Pool1dStepper(Pool1dSpec spec, Pool2dStepper lifted)
    : spec_(std::move(spec)), lifted_(std::move(lifted)) {
  // [C][1][L_out] holds the values of [C][L_out] in the same order; the
  // argmax, a flat index y*W + x with y = 0, is already an index into L.
  output_ = AsSignal(lifted_.Output());
}

PoolStep1d Pool1dStepper::Step(int k) const {
  const PoolStep s = lifted_.Step(k);
  PoolStep1d step;
  step.step = s.step;
  step.total_steps = s.total_steps;
  step.channel = s.channel;
  step.out_x = s.out_x;
  step.window_left = s.window_left;
  for (const PoolTap& t : s.taps) {
    step.taps.push_back(t.x);
    step.inputs.push_back(t.input);
  }
  step.value = s.value;
  step.argmax = s.argmax;
  step.sum = s.sum;
  step.divisor = s.divisor;
  return step;
}

}  // namespace convstep
