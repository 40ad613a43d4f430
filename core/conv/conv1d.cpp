#include "core/conv/conv1d.h"

#include <algorithm>
#include <string>
#include <utility>

namespace convstep {

namespace {

// "the 3-tap kernel with dilation 2 spans 5 and": the start of the sentence
// saying that the kernel does not fit.
std::string KernelText(const AxisSize& axis) {
  std::string text = "the " + std::to_string(axis.f) + "-tap kernel";
  if (axis.d > 1) text += " with dilation " + std::to_string(axis.d) + " spans " + std::to_string(axis.span) + " and";
  return text;
}

// The checks the 2-D validation would phrase with rows and columns, made
// here first in the words of a signal. Everything else (groups, channels,
// bias) reads the same in 1-D and is left to ResolveConv2d.
std::string CheckSignalShape(const Conv1dSpec& spec) {
  if (spec.input.c < 1 || spec.input.l < 1) {
    return "the input is empty: it needs at least one channel of one sample";
  }
  if (spec.weight.c < 1 || spec.weight.h < 1 || spec.weight.w < 1) {
    return "the weight is empty: it needs at least one filter with one channel of one tap";
  }
  if (spec.stride < 1) return "stride must be at least 1";
  if (spec.dilation < 1) return "dilation must be at least 1";
  if (std::max(spec.weight.w, spec.dilation) > kMaxSide) {
    return "kernel sizes and dilations above " + std::to_string(kMaxSide) + " are not supported";
  }
  return "";
}

std::string CheckPaddedSignal(const Conv1dSpec& spec, const Padding2& pad) {
  const int length = spec.input.l;
  const std::string mode_problem =
      CheckPaddingModeFits(spec.padding_mode, std::max(pad.left, pad.right), length, "sample");
  if (!mode_problem.empty()) return mode_problem;
  if (static_cast<long long>(length) + pad.left + pad.right > kMaxSide) {
    return "the padded input would be longer than " + std::to_string(kMaxSide) + " samples: use less padding";
  }
  const AxisSize axis = ComputeAxisSize(length, spec.weight.w, pad.left, pad.right, spec.stride, spec.dilation);
  if (axis.output == 0) {
    return KernelText(axis) + " does not fit in the " + std::to_string(axis.padded) + " padded samples";
  }
  return "";
}

// [C_out][C_in/groups][K] as [C_out][C_in/groups][1][K].
Tensor4 AsFilterBank(const Tensor3& weight) {
  Tensor4 bank;
  bank.n = weight.c;
  bank.c = weight.h;
  bank.h = 1;
  bank.w = weight.w;
  bank.data = weight.data;
  return bank;
}

}  // namespace

Result<Padding2> ResolvePadding1d(const Conv1dSpec& spec) {
  const Padding1dSpec& p = spec.padding;
  switch (p.kind) {
    case Padding1dSpec::Kind::kValid:
      return Padding2{};
    case Padding1dSpec::Kind::kSame: {
      Padding2 pad;
      SamePadding(spec.input.l, spec.weight.w, spec.stride, spec.dilation, &pad.left, &pad.right);
      return pad;
    }
    case Padding1dSpec::Kind::kCausal:
      return Padding2{CausalPadding(spec.weight.w, spec.dilation), 0};
    case Padding1dSpec::Kind::kExplicit:
      break;
  }
  if (p.left < 0 || p.right < 0) return Error{"padding must not be negative"};
  return Padding2{p.left, p.right};
}

Result<Conv2dSpec> LiftConv1d(const Conv1dSpec& spec) {
  const std::string shape_problem = CheckSignalShape(spec);
  if (!shape_problem.empty()) return Error{shape_problem};
  Result<Padding2> pad = ResolvePadding1d(spec);
  if (!pad) return Error{pad.error()};
  const std::string pad_problem = CheckPaddedSignal(spec, *pad);
  if (!pad_problem.empty()) return Error{pad_problem};

  Conv2dSpec lifted;
  lifted.input = AsImage(spec.input);
  lifted.weight = AsFilterBank(spec.weight);
  lifted.bias = spec.bias;
  lifted.stride = {1, spec.stride};
  lifted.dilation = {1, spec.dilation};
  lifted.groups = spec.groups;
  lifted.padding.kind = PaddingSpec::Kind::kExplicit;
  lifted.padding.left = pad->left;
  lifted.padding.right = pad->right;
  lifted.padding_mode = spec.padding_mode;
  return lifted;
}

Result<Conv1dStepper> Conv1dStepper::Create(Conv1dSpec spec) {
  Result<Conv2dSpec> lifted = LiftConv1d(spec);
  if (!lifted) return Error{lifted.error()};
  Result<ConvStepper> stepper = ConvStepper::Create(std::move(lifted).value());
  if (!stepper) return Error{stepper.error()};
  return Conv1dStepper(std::move(spec), std::move(stepper).value());
}

Conv1dStepper::Conv1dStepper(Conv1dSpec spec, ConvStepper lifted)
    : spec_(std::move(spec)), lifted_(std::move(lifted)), axis_(lifted_.geometry().axis_w) {
  // The lift wrote 'same' as explicit amounts; the formula still shows why
  // they are what they are.
  axis_.same = spec_.padding.kind == Padding1dSpec::Kind::kSame;
  output_ = AsSignal(lifted_.Output());
}

Padding2 Conv1dStepper::padding() const {
  const Padding4& p = lifted_.geometry().padding;
  return {p.left, p.right};
}

ConvStep1d Conv1dStepper::Step(int k) const {
  const ConvStep s = lifted_.Step(k);
  ConvStep1d step;
  step.step = s.step;
  step.total_steps = s.total_steps;
  step.out_channel = s.out_channel;
  step.out_x = s.out_x;
  step.window_left = s.window_left;
  step.terms.reserve(s.terms.size());
  for (const StepTerm& t : s.terms) {
    step.terms.push_back({t.c, t.x, t.kx, t.input, t.weight, t.product, t.in_padding});
  }
  step.channels = s.channels;
  step.channel_sums = s.channel_sums;
  step.bias = s.bias;
  step.value = s.value;
  return step;
}

std::string CausalPaddingFormula(const AxisSize& axis) {
  return "P_left = " + std::to_string(axis.d) + "*(" + std::to_string(axis.f) + " - 1) = " +
         std::to_string(axis.pad_before) + ", P_right = " + std::to_string(axis.pad_after);
}

std::string ExplainOutputLength(const AxisSize& axis) { return ExplainAxisSize(axis, "position"); }

Result<Tensor2> Conv1d(const Conv1dSpec& spec) {
  Result<Conv1dStepper> stepper = Conv1dStepper::Create(spec);
  if (!stepper) return Error{stepper.error()};
  return stepper->Output();
}

}  // namespace convstep
