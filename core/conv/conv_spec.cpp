#include "core/conv/conv_spec.h"

#include <algorithm>
#include <string>

namespace convstep {

namespace {

// Maps an out-of-range coordinate into [0, n) the way the padding mode does.
int SourceIndex(PaddingMode mode, int i, int n) {
  if (i >= 0 && i < n) return i;
  switch (mode) {
    case PaddingMode::kReflect:
      return i < 0 ? -i : 2 * (n - 1) - i;
    case PaddingMode::kReplicate:
      return std::clamp(i, 0, n - 1);
    case PaddingMode::kCircular:
      return ((i % n) + n) % n;
    case PaddingMode::kZeros:
      break;
  }
  return -1;
}

}  // namespace

std::string CheckPaddingModeFits(PaddingMode mode, int pad, int n, const char* axis_noun) {
  if (mode == PaddingMode::kReflect && pad >= n) {
    return "reflect padding of " + std::to_string(pad) + " needs more than " + std::to_string(pad) +
           " input " + axis_noun + "s, but the input has " + std::to_string(n);
  }
  if (mode == PaddingMode::kCircular && pad > n) {
    return "circular padding of " + std::to_string(pad) + " needs at least " + std::to_string(pad) +
           " input " + axis_noun + "s, but the input has " + std::to_string(n);
  }
  return "";
}

const char* PaddingModeName(PaddingMode mode) {
  switch (mode) {
    case PaddingMode::kZeros: return "zeros";
    case PaddingMode::kReflect: return "reflect";
    case PaddingMode::kReplicate: return "replicate";
    case PaddingMode::kCircular: return "circular";
  }
  return "zeros";
}

void SamePadding(int n, int k, int s, int d, int* before, int* after) {
  const int out = (n + s - 1) / s;
  const int total = std::max((out - 1) * s + d * (k - 1) + 1 - n, 0);
  *before = total / 2;
  *after = total - *before;
}

Result<Conv2dGeometry> ResolveConv2d(const Conv2dSpec& spec) {
  const Tensor3& in = spec.input;
  const Tensor4& wt = spec.weight;
  if (in.c < 1 || in.h < 1 || in.w < 1) {
    return Error{"the input is empty: it needs at least one channel, one row and one column"};
  }
  if (wt.n < 1 || wt.c < 1 || wt.h < 1 || wt.w < 1) {
    return Error{"the weight is empty: it needs at least one filter with one channel of 1\u00d71"};
  }
  if (spec.groups < 1) return Error{"groups must be at least 1"};
  if (in.c % spec.groups != 0) {
    return Error{"the image has " + std::to_string(in.c) + " channels, which cannot be split into " +
                 std::to_string(spec.groups) + " equal groups"};
  }
  if (wt.n % spec.groups != 0) {
    return Error{"there are " + std::to_string(wt.n) + " filters, which cannot be split into " +
                 std::to_string(spec.groups) + " equal groups"};
  }
  if (spec.groups == 1 && wt.c != in.c) {
    return Error{"the filter has " + std::to_string(wt.c) + " channels but the image has " +
                 std::to_string(in.c) + ": they must match"};
  }
  if (wt.c != in.c / spec.groups) {
    return Error{"each filter has " + std::to_string(wt.c) + " channels, but with " +
                 std::to_string(spec.groups) + " groups it must have C_in/groups = " +
                 std::to_string(in.c / spec.groups)};
  }
  if (!spec.bias.empty() && static_cast<int>(spec.bias.size()) != wt.n) {
    return Error{"there are " + std::to_string(wt.n) + " filters but " +
                 std::to_string(spec.bias.size()) + " bias values: give one per filter, or none"};
  }
  if (spec.stride.h < 1 || spec.stride.w < 1) return Error{"stride must be at least 1"};
  if (spec.dilation.h < 1 || spec.dilation.w < 1) return Error{"dilation must be at least 1"};
  if (std::max({wt.h, wt.w, spec.dilation.h, spec.dilation.w}) > kMaxSide) {
    return Error{"kernel sizes and dilations above " + std::to_string(kMaxSide) + " are not supported"};
  }

  Conv2dGeometry g;
  g.in_channels = in.c;
  g.in_h = in.h;
  g.in_w = in.w;
  g.out_channels = wt.n;
  g.kernel_h = wt.h;
  g.kernel_w = wt.w;
  g.groups = spec.groups;
  g.in_per_group = in.c / spec.groups;
  g.out_per_group = wt.n / spec.groups;
  g.stride = spec.stride;
  g.dilation = spec.dilation;
  g.padding_mode = spec.padding_mode;

  switch (spec.padding.kind) {
    case PaddingSpec::Kind::kValid:
      break;
    case PaddingSpec::Kind::kSame:
      SamePadding(in.h, wt.h, spec.stride.h, spec.dilation.h, &g.padding.top, &g.padding.bottom);
      SamePadding(in.w, wt.w, spec.stride.w, spec.dilation.w, &g.padding.left, &g.padding.right);
      break;
    case PaddingSpec::Kind::kCausal:
      g.padding.left = CausalPadding(wt.w, spec.dilation.w);
      break;
    case PaddingSpec::Kind::kExplicit:
      if (spec.padding.top < 0 || spec.padding.bottom < 0 || spec.padding.left < 0 ||
          spec.padding.right < 0) {
        return Error{"padding must not be negative"};
      }
      g.padding = {spec.padding.top, spec.padding.bottom, spec.padding.left, spec.padding.right};
      break;
  }
  for (const std::string& problem :
       {CheckPaddingModeFits(g.padding_mode, std::max(g.padding.top, g.padding.bottom), in.h, "row"),
        CheckPaddingModeFits(g.padding_mode, std::max(g.padding.left, g.padding.right), in.w,
                             "column")}) {
    if (!problem.empty()) return Error{problem};
  }

  if (static_cast<long long>(in.h) + g.padding.top + g.padding.bottom > kMaxSide ||
      static_cast<long long>(in.w) + g.padding.left + g.padding.right > kMaxSide) {
    return Error{"the padded input would be larger than " + std::to_string(kMaxSide) +
                 " on a side: use less padding"};
  }
  g.axis_h = ComputeAxisSize(in.h, wt.h, g.padding.top, g.padding.bottom, g.stride.h, g.dilation.h);
  g.axis_w = ComputeAxisSize(in.w, wt.w, g.padding.left, g.padding.right, g.stride.w, g.dilation.w);
  g.axis_h.same = g.axis_w.same = spec.padding.kind == PaddingSpec::Kind::kSame;
  g.padded_h = g.axis_h.padded;
  g.padded_w = g.axis_w.padded;
  g.out_h = g.axis_h.output;
  g.out_w = g.axis_w.output;
  if (g.out_h == 0 || g.out_w == 0) {
    std::string kernel = "the " + SizeText(wt.h, wt.w) + " kernel";
    if (g.dilation.h > 1 || g.dilation.w > 1) {
      kernel += " with dilation " + SizeText(g.dilation.h, g.dilation.w) + " spans " +
                SizeText(g.axis_h.span, g.axis_w.span) + " and";
    }
    return Error{kernel + " does not fit in the " + SizeText(g.padded_h, g.padded_w) + " padded input"};
  }
  return g;
}

bool SourceOfPadded(const Conv2dGeometry& geo, int py, int px, int* y, int* x) {
  const int sy = SourceIndex(geo.padding_mode, py - geo.padding.top, geo.in_h);
  const int sx = SourceIndex(geo.padding_mode, px - geo.padding.left, geo.in_w);
  if (sy < 0 || sx < 0) return false;
  *y = sy;
  *x = sx;
  return true;
}

double PaddedValue(const Tensor3& input, const Conv2dGeometry& geo, int c, int py, int px) {
  int y = 0;
  int x = 0;
  return SourceOfPadded(geo, py, px, &y, &x) ? input.at(c, y, x) : 0.0;
}

}  // namespace convstep
