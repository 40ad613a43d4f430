#include "core/conv/pool2d.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "core/conv/conv_spec.h"
#include "core/conv/output_size.h"

namespace convstep {

namespace {

// PyTorch's pooling_output_shape along one axis: the convolution's floor
// rule, or with ceil_mode the division rounded up, minus a last window that
// would start in the right padding. 0 when no window fits.
int PoolOutputSize(const AxisSize& axis, bool ceil_mode) {
  if (!ceil_mode) return axis.output;
  const int rounded_up = axis.numerator + axis.s - 1;
  if (rounded_up < 0) return 0;
  int out = rounded_up / axis.s + 1;
  if ((out - 1) * axis.s >= axis.n + axis.pad_before) --out;
  return out;
}

// The first output index along one axis whose window taps only padding, or
// -1. PyTorch's limit of half the kernel rules this out without dilation, but
// dilated taps can step over the whole input.
int WindowOfOnlyPadding(int n, int k, int p, int s, int d, int out) {
  for (int o = 0; o < out; ++o) {
    bool reaches_input = false;
    for (int j = 0; j < k && !reaches_input; ++j) {
      const int i = o * s - p + j * d;
      reaches_input = i >= 0 && i < n;
    }
    if (!reaches_input) return o;
  }
  return -1;
}

}  // namespace

std::string CheckHalfKernelPadding(int pad, int kernel, const char* axis_noun) {
  if (pad <= kernel / 2) return "";
  return "padding of " + std::to_string(pad) + " " + axis_noun + "s is more than half the " +
         std::to_string(kernel) + "-" + axis_noun + " kernel: PyTorch allows at most " +
         std::to_string(kernel / 2) + " (half the kernel, rounded down) so that no window is mostly padding";
}

Result<Pool2dGeometry> ResolvePool2d(const Pool2dSpec& spec) {
  const Tensor3& in = spec.input;
  if (in.c < 1 || in.h < 1 || in.w < 1) {
    return Error{"the input is empty: it needs at least one channel, one row and one column"};
  }
  const Pair stride = spec.stride.value_or(spec.kernel);
  if (spec.kernel.h < 1 || spec.kernel.w < 1) return Error{"kernel must be at least 1"};
  if (stride.h < 1 || stride.w < 1) return Error{"stride must be at least 1"};
  if (spec.padding.h < 0 || spec.padding.w < 0) return Error{"padding must not be negative"};
  if (spec.dilation.h < 1 || spec.dilation.w < 1) return Error{"dilation must be at least 1"};
  if (std::max({spec.kernel.h, spec.kernel.w, stride.h, stride.w, spec.dilation.h, spec.dilation.w}) >
      kMaxSide) {
    return Error{"kernel sizes, strides and dilations above " + std::to_string(kMaxSide) +
                 " are not supported"};
  }
  if (spec.mode == PoolMode::kAvg && (spec.dilation.h != 1 || spec.dilation.w != 1)) {
    return Error{"average pooling has no dilation (PyTorch's avg_pool2d takes none): leave dilation at 1"};
  }
  for (const std::string& problem : {CheckHalfKernelPadding(spec.padding.h, spec.kernel.h, "row"),
                                     CheckHalfKernelPadding(spec.padding.w, spec.kernel.w, "column")}) {
    if (!problem.empty()) return Error{problem};
  }
  if (static_cast<long long>(in.h) + 2LL * spec.padding.h > kMaxSide ||
      static_cast<long long>(in.w) + 2LL * spec.padding.w > kMaxSide) {
    return Error{"the padded input would be larger than " + std::to_string(kMaxSide) + " on a side"};
  }

  Pool2dGeometry g;
  g.channels = in.c;
  g.in_h = in.h;
  g.in_w = in.w;
  g.mode = spec.mode;
  g.kernel = spec.kernel;
  g.stride = stride;
  g.padding = spec.padding;
  g.dilation = spec.dilation;
  g.ceil_mode = spec.ceil_mode;
  g.axis_h = ComputeAxisSize(in.h, g.kernel.h, g.padding.h, g.padding.h, g.stride.h, g.dilation.h);
  g.axis_w = ComputeAxisSize(in.w, g.kernel.w, g.padding.w, g.padding.w, g.stride.w, g.dilation.w);
  const AxisSize& axis_h = g.axis_h;
  const AxisSize& axis_w = g.axis_w;
  g.padded_h = axis_h.padded;
  g.padded_w = axis_w.padded;
  g.out_h = PoolOutputSize(axis_h, g.ceil_mode);
  g.out_w = PoolOutputSize(axis_w, g.ceil_mode);
  if (g.out_h < 1 || g.out_w < 1) {
    std::string window = "the " + SizeText(g.kernel.h, g.kernel.w) + " window";
    if (g.dilation.h > 1 || g.dilation.w > 1) {
      window += " with dilation " + SizeText(g.dilation.h, g.dilation.w) + " spans " +
                SizeText(axis_h.span, axis_w.span) + " and";
    }
    return Error{window + " does not fit in the " + SizeText(g.padded_h, g.padded_w) + " padded input"};
  }
  const int empty_row = WindowOfOnlyPadding(g.in_h, g.kernel.h, g.padding.h, g.stride.h, g.dilation.h, g.out_h);
  const int empty_col = WindowOfOnlyPadding(g.in_w, g.kernel.w, g.padding.w, g.stride.w, g.dilation.w, g.out_w);
  if (empty_row >= 0 || empty_col >= 0) {
    const std::string where = empty_row >= 0 ? "output row " + std::to_string(empty_row)
                                             : "output column " + std::to_string(empty_col);
    return Error{"with dilation " + SizeText(g.dilation.h, g.dilation.w) + " and padding " +
                 SizeText(g.padding.h, g.padding.w) + " the window of " + where +
                 " covers only padding, so max pooling has no value to take: use less padding or dilation"};
  }
  return g;
}

Result<Pool2dStepper> Pool2dStepper::Create(Pool2dSpec spec) {
  Result<Pool2dGeometry> geo = ResolvePool2d(spec);
  if (!geo) return Error{geo.error()};
  return Pool2dStepper(std::move(spec), *geo);
}

Pool2dStepper::Pool2dStepper(Pool2dSpec spec, Pool2dGeometry geo)
    : spec_(std::move(spec)), geo_(std::move(geo)), output_(geo_.channels, geo_.out_h, geo_.out_w) {
  if (geo_.mode == PoolMode::kMax) argmax_.resize(output_.data.size());
  // Step k fills output cell k, so the whole output is every step's value;
  // one step's taps are reused for the next (no allocation per step).
  PoolStep s;
  for (int k = 0; k < TotalSteps(); ++k) {
    StepInto(k, &s);
    output_.data[static_cast<size_t>(k)] = s.value;
    if (geo_.mode == PoolMode::kMax) argmax_[static_cast<size_t>(k)] = s.argmax;
  }
}

PoolStep Pool2dStepper::Step(int k) const {
  PoolStep s;
  StepInto(k, &s);
  return s;
}

void Pool2dStepper::StepInto(int k, PoolStep* step) const {
  const Pool2dGeometry& g = geo_;
  const int plane = g.out_h * g.out_w;
  std::vector<PoolTap> taps = std::move(step->taps);
  taps.clear();
  *step = PoolStep{};
  step->taps = std::move(taps);
  PoolStep& s = *step;
  s.step = k;
  s.total_steps = TotalSteps();
  s.channel = k / plane;
  const int in_plane = k - s.channel * plane;
  s.out_y = in_plane / g.out_w;
  s.out_x = in_plane - s.out_y * g.out_w;
  s.window_top = s.out_y * g.stride.h;
  s.window_left = s.out_x * g.stride.w;
  s.taps.reserve(static_cast<size_t>(g.kernel.h) * g.kernel.w);
  for (int ky = 0; ky < g.kernel.h; ++ky) {
    const int y = s.window_top + ky * g.dilation.h;
    if (y >= g.padded_h) break;
    for (int kx = 0; kx < g.kernel.w; ++kx) {
      const int x = s.window_left + kx * g.dilation.w;
      if (x >= g.padded_w) break;
      PoolTap t;
      t.y = y;
      t.x = x;
      t.in_padding = y < g.padding.h || y >= g.padding.h + g.in_h || x < g.padding.w ||
                     x >= g.padding.w + g.in_w;
      if (!t.in_padding) t.input = spec_.input.at(s.channel, y - g.padding.h, x - g.padding.w);
      s.taps.push_back(t);
    }
  }
  if (g.mode == PoolMode::kMax) {
    for (const PoolTap& t : s.taps) {
      if (t.in_padding) continue;
      // Strictly greater keeps the first maximum; a NaN wins, as in PyTorch,
      // so it shows in the output instead of hiding.
      if (s.argmax < 0 || t.input > s.value || std::isnan(t.input)) {
        s.value = t.input;
        s.argmax = (t.y - g.padding.h) * g.in_w + (t.x - g.padding.w);
      }
    }
  } else {
    for (const PoolTap& t : s.taps) s.sum += t.input;
    // count_include_pad: the padding taps count, the part of a ceil_mode
    // window past the padding does not.
    s.divisor = static_cast<int>(s.taps.size());
    s.value = s.sum / s.divisor;
  }
}

}  // namespace convstep
