#include "tests/support/naive_conv.h"

#include <algorithm>

namespace convstep::testing {

namespace {

// PyTorch's F.pad: reflect mirrors about the edge sample, replicate repeats
// it, circular wraps around; zeros reads nothing (returns -1).
int Source(PaddingMode mode, int i, int n) {
  if (i >= 0 && i < n) return i;
  if (mode == PaddingMode::kZeros) return -1;
  if (mode == PaddingMode::kReplicate) return i < 0 ? 0 : n - 1;
  if (mode == PaddingMode::kCircular) return i < 0 ? i + n : i - n;
  return i < 0 ? -i : (n - 1) - (i - (n - 1));
}

}  // namespace

double NaivePadded1d(const Tensor2& in, int c, int left, int i, PaddingMode mode) {
  const int x = Source(mode, i - left, in.l);
  return x < 0 ? 0.0 : in.data[static_cast<size_t>(c) * in.l + x];
}

NaiveConv NaiveConv2d(const Conv2dSpec& spec, const Padding4& pad) {
  const Tensor3& in = spec.input;
  const Tensor4& w = spec.weight;
  NaiveConv r;
  r.padded_h = in.h + pad.top + pad.bottom;
  r.padded_w = in.w + pad.left + pad.right;
  const int span_h = spec.dilation.h * (w.h - 1) + 1;
  const int span_w = spec.dilation.w * (w.w - 1) + 1;
  for (int y = 0; y + span_h <= r.padded_h; y += spec.stride.h) ++r.out_h;
  for (int x = 0; x + span_w <= r.padded_w; x += spec.stride.w) ++r.out_w;
  const int pad_h = std::max(pad.top, pad.bottom);
  const int pad_w = std::max(pad.left, pad.right);
  const bool ring_fillable =
      (spec.padding_mode != PaddingMode::kReflect || (pad_h < in.h && pad_w < in.w)) &&
      (spec.padding_mode != PaddingMode::kCircular || (pad_h <= in.h && pad_w <= in.w));
  r.valid = r.out_h > 0 && r.out_w > 0 && ring_fillable;
  if (!r.valid) return r;
  r.output.assign(static_cast<size_t>(w.n) * r.out_h * r.out_w, 0.0);
  r.visits.assign(static_cast<size_t>(r.padded_h) * r.padded_w, 0);
  const int per_group_out = w.n / spec.groups;
  for (int f = 0; f < w.n; ++f) {
    const int first_channel = (f / per_group_out) * w.c;
    for (int oy = 0; oy < r.out_h; ++oy) {
      for (int ox = 0; ox < r.out_w; ++ox) {
        double sum = spec.bias.empty() ? 0.0 : spec.bias[f];
        for (int c = 0; c < w.c; ++c) {
          for (int ky = 0; ky < w.h; ++ky) {
            for (int kx = 0; kx < w.w; ++kx) {
              const int py = oy * spec.stride.h + ky * spec.dilation.h;
              const int px = ox * spec.stride.w + kx * spec.dilation.w;
              if (f == 0 && c == 0) ++r.visits[static_cast<size_t>(py) * r.padded_w + px];
              const int sy = Source(spec.padding_mode, py - pad.top, in.h);
              const int sx = Source(spec.padding_mode, px - pad.left, in.w);
              if (sy < 0 || sx < 0) continue;
              sum += in.at(first_channel + c, sy, sx) * w.at(f, c, ky, kx);
            }
          }
        }
        r.output[(static_cast<size_t>(f) * r.out_h + oy) * r.out_w + ox] = sum;
      }
    }
  }
  return r;
}

std::vector<double> RandomValues(std::mt19937& rng, size_t count, int lo, int hi) {
  std::uniform_int_distribution<int> dist(lo, hi);
  std::vector<double> v(count);
  for (double& x : v) x = dist(rng);
  return v;
}

}  // namespace convstep::testing
