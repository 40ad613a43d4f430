// 1-D convolution with PyTorch's names and semantics (F.conv1d, with
// padding_mode as nn.Conv1d has it), plus Keras's "same" and Conv1D's
// "causal" padding. A signal is an image one row high: the spec is lifted to
// a Conv2dSpec with H = 1 (input [C][1][L], weight [C_out][C_in/groups][1][K],
// padding [0, 0, left, right]), so the 2-D stepper, its visit counts and the
// output-size arithmetic are the ones the 2-D convolution uses; this file
// only resolves the 1-D padding and gives 1-D views of their results.
#pragma once

#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/conv/conv_spec.h"
#include "core/conv/output_size.h"
#include "core/conv/stepper.h"
#include "core/conv/tensor.h"

namespace convstep {

// Padding as the user wrote it: explicit [left, right], Keras's "valid" or
// "same", or Keras Conv1D's "causal" (d(K - 1) on the left, none on the
// right: output t sees only inputs up to t).
struct Padding1dSpec {
  enum class Kind { kExplicit, kValid, kSame, kCausal };
  Kind kind = Kind::kExplicit;
  int left = 0;  // the amounts are used only when kind == kExplicit
  int right = 0;
};

// Padding resolved to amounts, [left, right].
struct Padding2 {
  int left = 0;
  int right = 0;
  bool operator==(const Padding2&) const = default;
};

struct Conv1dSpec {
  Tensor2 input;                                   // [C_in][L]
  Tensor3 weight;                                  // [C_out][C_in/groups][K] as c × h × w
  std::vector<double> bias;                        // C_out values, or empty for no bias
  int stride = 1;                                  // step between windows
  int dilation = 1;                                // spacing between kernel taps
  int groups = 1;                                  // channels split in this many groups
  Padding1dSpec padding;                           // no padding by default
  PaddingMode padding_mode = PaddingMode::kZeros;  // what the padding holds
};

// The padding amounts the spec asks for, or why they are wrong (negative).
// Requires a non-empty input and weight.
Result<Padding2> ResolvePadding1d(const Conv1dSpec& spec);

// The same convolution one row high, its padding made explicit: what
// Conv1dStepper runs. Checks what the 2-D validation would word in 2-D terms
// (empty operands, a kernel that does not fit, a padding mode that does not
// fit) and says it in 1-D terms.
Result<Conv2dSpec> LiftConv1d(const Conv1dSpec& spec);

// One product of a step: input channel c at padded position x times the
// weight's tap kx.
struct StepTerm1d {
  int c = 0;
  int x = 0;   // padded coordinates
  int kx = 0;  // kernel tap
  double input = 0;  // the input value, or the padding mode's value in the padding
  double weight = 0;
  double product = 0;
  bool in_padding = false;
};

struct ConvStep1d {
  int step = 0;
  int total_steps = 0;
  int out_channel = 0;
  int out_x = 0;
  int window_left = 0;                // padded position of the window's first tap: out_x * stride
  std::vector<StepTerm1d> terms;      // channel by channel, tap by tap
  std::vector<int> channels;          // the input channels this filter reads
  std::vector<double> channel_sums;   // one per entry of `channels`
  double bias = 0;
  double value = 0;                   // sum of channel_sums plus bias
};

// The 1-D convolution as steps: step k (0-based) is one output value,
// filters one after another, positions left to right.
class Conv1dStepper {
 public:
  static Result<Conv1dStepper> Create(Conv1dSpec spec);

  const Conv1dSpec& spec() const { return spec_; }
  // The lifted convolution: the same steps, one row high.
  const ConvStepper& Lifted() const { return lifted_; }

  Padding2 padding() const;
  int PaddedLength() const { return axis_.padded; }
  int OutLength() const { return axis_.output; }
  int TotalSteps() const { return lifted_.TotalSteps(); }
  // L_out = floor((L + P_left + P_right - d(K - 1) - 1)/S) + 1 with its
  // numbers; `same` is set when Keras's 'same' chose the padding.
  const AxisSize& Axis() const { return axis_; }

  // Requires 0 <= k < TotalSteps().
  ConvStep1d Step(int k) const;
  int StepOf(int c, int x) const { return c * OutLength() + x; }

  // The whole output, [C_out][L_out].
  const Tensor2& Output() const { return output_; }
  // How many windows contain each padded position (dilation holes do not
  // count), PaddedLength() values.
  const std::vector<int>& Visits() const { return lifted_.Visits(); }

 private:
  Conv1dStepper(Conv1dSpec spec, ConvStepper lifted);

  Conv1dSpec spec_;
  ConvStepper lifted_;
  AxisSize axis_;
  Tensor2 output_;
};

// Keras Conv1D's causal padding with the numbers put in, e.g.
// "P_left = 2*(3 - 1) = 4, P_right = 0".
std::string CausalPaddingFormula(const AxisSize& axis);

// The output length worked out in one English line, as ExplainAxisSize does
// for a 2-D axis, e.g. "(5 + 1 + 2 - 1*(4 - 1) - 1)/2 + 1 = 3: exact, every
// padded position up to the last is reached".
std::string ExplainOutputLength(const AxisSize& axis);

// Validates, then convolves.
Result<Tensor2> Conv1d(const Conv1dSpec& spec);

}  // namespace convstep
