#include "core/conv/stepper.h"

#include <limits>
#include <utility>

#include "core/conv/conv2d.h"

namespace convstep {

namespace {

// How many windows along one axis contain padded index p (taps only, not the
// holes between dilated taps).
std::vector<int> AxisVisits(const AxisSize& axis) {
  std::vector<int> counts(axis.padded, 0);
  for (int o = 0; o < axis.output; ++o) {
    for (int k = 0; k < axis.f; ++k) ++counts[o * axis.s + k * axis.d];
  }
  return counts;
}

}  // namespace

std::vector<int> CoveringIndices(const AxisSize& axis, int p) {
  std::vector<int> result;
  for (int k = 0; k < axis.f; ++k) {
    const int start = p - k * axis.d;
    if (start < 0) break;
    if (start % axis.s == 0 && start / axis.s < axis.output) result.push_back(start / axis.s);
  }
  // Taps were walked from the first, so window indices come out descending.
  return {result.rbegin(), result.rend()};
}

Result<ConvStepper> ConvStepper::Create(Conv2dSpec spec) {
  Result<Conv2dGeometry> geo = ResolveConv2d(spec);
  if (!geo) return Error{geo.error()};
  return ConvStepper(std::move(spec), *geo);
}

ConvStepper::ConvStepper(Conv2dSpec spec, Conv2dGeometry geo)
    : spec_(std::move(spec)), geo_(std::move(geo)) {
  output_ = Conv2dForward(spec_, geo_);
  // A window is a product of a row set and a column set, so the visit count
  // of a position is the row count times the column count.
  const std::vector<int> rows = AxisVisits(geo_.axis_h);
  const std::vector<int> cols = AxisVisits(geo_.axis_w);
  visits_.resize(static_cast<size_t>(geo_.padded_h) * geo_.padded_w);
  for (int py = 0; py < geo_.padded_h; ++py) {
    for (int px = 0; px < geo_.padded_w; ++px) {
      visits_[static_cast<size_t>(py) * geo_.padded_w + px] = rows[py] * cols[px];
    }
  }
}

ConvStep ConvStepper::Step(int k) const {
  const int plane = geo_.out_h * geo_.out_w;
  ConvStep s;
  s.step = k;
  s.total_steps = TotalSteps();
  s.out_channel = k / plane;
  s.out_y = (k % plane) / geo_.out_w;
  s.out_x = k % geo_.out_w;
  s.window_top = s.out_y * geo_.stride.h;
  s.window_left = s.out_x * geo_.stride.w;
  s.bias = spec_.bias.empty() ? 0.0 : spec_.bias[s.out_channel];
  s.terms.reserve(static_cast<size_t>(geo_.in_per_group) * geo_.kernel_h * geo_.kernel_w);
  const int c0 = geo_.FirstInputChannel(s.out_channel);
  double total = 0;
  for (int ci = 0; ci < geo_.in_per_group; ++ci) {
    double channel_sum = 0;
    for (int ky = 0; ky < geo_.kernel_h; ++ky) {
      for (int kx = 0; kx < geo_.kernel_w; ++kx) {
        StepTerm t;
        t.c = c0 + ci;
        t.y = s.window_top + ky * geo_.dilation.h;
        t.x = s.window_left + kx * geo_.dilation.w;
        t.ky = ky;
        t.kx = kx;
        t.in_padding = t.y < geo_.padding.top || t.y >= geo_.padding.top + geo_.in_h ||
                       t.x < geo_.padding.left || t.x >= geo_.padding.left + geo_.in_w;
        t.input = PaddedValue(spec_.input, geo_, t.c, t.y, t.x);
        t.weight = spec_.weight.at(s.out_channel, ci, ky, kx);
        t.product = t.input * t.weight;
        channel_sum += t.product;
        s.terms.push_back(t);
      }
    }
    s.channels.push_back(c0 + ci);
    s.channel_sums.push_back(channel_sum);
    total += channel_sum;
  }
  s.value = total + s.bias;
  return s;
}

std::vector<OutputCell> ConvStepper::CoveringOutputs(int c, int py, int px) const {
  std::vector<OutputCell> cells;
  if (c < 0 || c >= geo_.in_channels) return cells;
  const std::vector<int> rows = CoveringIndices(geo_.axis_h, py);
  const std::vector<int> cols = CoveringIndices(geo_.axis_w, px);
  // Only the filters of the channel's group read it.
  const int first = (c / geo_.in_per_group) * geo_.out_per_group;
  for (int oc = first; oc < first + geo_.out_per_group; ++oc) {
    for (int oy : rows) {
      for (int ox : cols) cells.push_back({oc, oy, ox});
    }
  }
  return cells;
}

}  // namespace convstep
