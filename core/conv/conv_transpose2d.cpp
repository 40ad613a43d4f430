#include "core/conv/conv_transpose2d.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/conv/conv_spec.h"

namespace convstep {

namespace {

// PyTorch's output_padding only picks among the output sizes a strided (or
// dilated) convolution could have come from, so it must stay below one of them.
std::string CheckOutputPadding(int output_padding, int stride, int dilation, const char* axis_noun) {
  if (output_padding < stride || output_padding < dilation) return "";
  return "output_padding of " + std::to_string(output_padding) + " " + axis_noun +
         "s must be smaller than the stride (" + std::to_string(stride) + ") or the dilation (" +
         std::to_string(dilation) + "), as PyTorch requires";
}

// One axis of the output: (n - 1)s - 2p + d(k - 1) + output_padding + 1, or
// a message when the padding cuts it all away or it grows too large.
Result<int> OutputSide(int n, int k, int s, int p, int d, int output_padding, const char* axis_noun) {
  const long long full = (n - 1LL) * s + static_cast<long long>(d) * (k - 1) + output_padding + 1;
  const long long out = full - 2LL * p;
  if (out < 1) {
    return Error{"padding of " + std::to_string(p) + " " + axis_noun + "s on each side cuts away all " +
                 std::to_string(full) + " " + axis_noun + "s of the transposed output: use at most " +
                 std::to_string((full - 1) / 2)};
  }
  if (out > kMaxSide) {
    return Error{"the output would be larger than " + std::to_string(kMaxSide) + " on a side"};
  }
  return static_cast<int>(out);
}

}  // namespace

Result<Tensor3> ConvTranspose2d(const ConvTranspose2dSpec& spec) {
  const Tensor3& in = spec.input;
  const Tensor4& wt = spec.weight;
  if (in.c < 1 || in.h < 1 || in.w < 1) {
    return Error{"the input is empty: it needs at least one channel, one row and one column"};
  }
  if (wt.n < 1 || wt.c < 1 || wt.h < 1 || wt.w < 1) {
    return Error{"the weight is empty: it needs at least one input channel with one output channel of 1\u00d71"};
  }
  if (spec.groups < 1) return Error{"groups must be at least 1"};
  if (in.c % spec.groups != 0) {
    return Error{"the image has " + std::to_string(in.c) + " channels, which cannot be split into " +
                 std::to_string(spec.groups) + " equal groups"};
  }
  if (wt.n != in.c) {
    return Error{"the weight is laid out for " + std::to_string(wt.n) +
                 " input channels (its first dimension) but the image has " + std::to_string(in.c) +
                 ": they must match"};
  }
  const int out_channels = wt.c * spec.groups;
  if (!spec.bias.empty() && static_cast<int>(spec.bias.size()) != out_channels) {
    return Error{"there are " + std::to_string(out_channels) + " output channels but " +
                 std::to_string(spec.bias.size()) + " bias values: give one per output channel, or none"};
  }
  if (spec.stride.h < 1 || spec.stride.w < 1) return Error{"stride must be at least 1"};
  if (spec.dilation.h < 1 || spec.dilation.w < 1) return Error{"dilation must be at least 1"};
  if (spec.padding.h < 0 || spec.padding.w < 0) return Error{"padding must not be negative"};
  if (spec.output_padding.h < 0 || spec.output_padding.w < 0) {
    return Error{"output_padding must not be negative"};
  }
  if (std::max({wt.h, wt.w, spec.stride.h, spec.stride.w, spec.dilation.h, spec.dilation.w, spec.padding.h,
                spec.padding.w}) > kMaxSide) {
    return Error{"kernel sizes, strides, dilations and paddings above " + std::to_string(kMaxSide) +
                 " are not supported"};
  }
  for (const std::string& problem :
       {CheckOutputPadding(spec.output_padding.h, spec.stride.h, spec.dilation.h, "row"),
        CheckOutputPadding(spec.output_padding.w, spec.stride.w, spec.dilation.w, "column")}) {
    if (!problem.empty()) return Error{problem};
  }
  Result<int> out_h =
      OutputSide(in.h, wt.h, spec.stride.h, spec.padding.h, spec.dilation.h, spec.output_padding.h, "row");
  if (!out_h) return Error{out_h.error()};
  Result<int> out_w = OutputSide(in.w, wt.w, spec.stride.w, spec.padding.w, spec.dilation.w,
                                 spec.output_padding.w, "column");
  if (!out_w) return Error{out_w.error()};

  Tensor3 out(out_channels, *out_h, *out_w);
  for (int oc = 0; oc < out_channels; ++oc) {
    const double bias = spec.bias.empty() ? 0.0 : spec.bias[oc];
    std::fill_n(out.data.begin() + static_cast<std::ptrdiff_t>(out.Index(oc, 0, 0)),
                static_cast<std::ptrdiff_t>(*out_h) * *out_w, bias);
  }
  // Each input value stamps its group's kernels onto the output; the window
  // that the padding cuts off is simply not written.
  const int in_per_group = in.c / spec.groups;
  for (int ic = 0; ic < in.c; ++ic) {
    const int first_out = (ic / in_per_group) * wt.c;
    for (int j = 0; j < wt.c; ++j) {
      for (int iy = 0; iy < in.h; ++iy) {
        for (int ix = 0; ix < in.w; ++ix) {
          const double v = in.at(ic, iy, ix);
          for (int ky = 0; ky < wt.h; ++ky) {
            const int oy = iy * spec.stride.h - spec.padding.h + ky * spec.dilation.h;
            if (oy < 0 || oy >= *out_h) continue;
            for (int kx = 0; kx < wt.w; ++kx) {
              const int ox = ix * spec.stride.w - spec.padding.w + kx * spec.dilation.w;
              if (ox < 0 || ox >= *out_w) continue;
              out.at(first_out + j, oy, ox) += v * wt.at(ic, j, ky, kx);
            }
          }
        }
      }
    }
  }
  return out;
}


}  // namespace convstep
