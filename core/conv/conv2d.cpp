// Index of this file:
// [SECTION] Padding
// [SECTION] Convolution kernel

#include "core/conv/conv2d.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/base/cpu.h"

namespace convstep {

namespace {

// [SECTION] Padding

// The padded input with each padded row split by column phase: a row is
// `split` sub-rows, and sub-row p holds padded columns p, p + split,
// p + 2 split, ... With split = stride_w, output column ox of kernel column
// kx reads padded column ox s + kx d, which sits at index ox + (kx d) / s of
// sub-row (kx d) % s: every tap reads a contiguous slice whatever the stride,
// so neighbouring outputs load as one vector. With split = 1 it is the plain
// padded image.
struct PaddedLayout {
  int split = 1;
  int sub_len = 0;        // ceil(padded_w / split)
  int row_len = 0;        // split * sub_len
  std::size_t plane = 0;  // padded_h * row_len
};

PaddedLayout MakeLayout(const Conv2dGeometry& geo, int split) {
  PaddedLayout layout;
  layout.split = split;
  layout.sub_len = (geo.padded_w + split - 1) / split;
  layout.row_len = split * layout.sub_len;
  layout.plane = static_cast<std::size_t>(geo.padded_h) * layout.row_len;
  return layout;
}

// Writes in_channels planes of `layout` to `out`. Where each padded position
// reads from comes from SourceOfPadded, so the padding modes have one
// definition in the core; the mapping is taken once per row and per column
// because a padded position's source row depends only on its row.
template <typename T>
void FillPadded(const Tensor3& input, const Conv2dGeometry& geo, const PaddedLayout& layout, T* out) {
  int y = 0;
  int x = 0;
  // The input column each slot of a padded row copies; -1 for zero padding
  // and for the unused tails of short sub-rows.
  std::vector<int> columns(static_cast<std::size_t>(layout.row_len), -1);
  for (int p = 0; p < layout.split; ++p) {
    for (int j = 0; j < layout.sub_len; ++j) {
      const int px = p + j * layout.split;
      if (px < geo.padded_w && SourceOfPadded(geo, geo.padding.top, px, &y, &x)) {
        columns[static_cast<std::size_t>(p) * layout.sub_len + j] = x;
      }
    }
  }
  for (int c = 0; c < geo.in_channels; ++c) {
    for (int py = 0; py < geo.padded_h; ++py) {
      T* dst = out + c * layout.plane + static_cast<std::size_t>(py) * layout.row_len;
      if (!SourceOfPadded(geo, py, geo.padding.left, &y, &x)) {
        std::fill_n(dst, layout.row_len, T(0));
        continue;
      }
      const double* src = &input.data[input.Index(c, y, 0)];
      for (int i = 0; i < layout.row_len; ++i) {
        dst[i] = columns[i] < 0 ? T(0) : static_cast<T>(src[columns[i]]);
      }
    }
  }
}

// [SECTION] Convolution kernel

// Everything the hot loops read, in the working precision T.
template <typename T>
struct ConvJob {
  const Conv2dGeometry* geo = nullptr;
  PaddedLayout layout;
  const T* padded = nullptr;  // in_channels planes of `layout`
  const T* weight = nullptr;  // [C_out][C_in/groups][kH][kW]
  const T* bias = nullptr;    // C_out values, or null for no bias
  T* out = nullptr;           // [C_out][H_out][W_out]
  std::vector<std::size_t> taps;  // TapOffsets
};

// Where each tap's slice starts, in the weight's order (channel, kernel row,
// kernel column), relative to output (oy, 0)'s window in the group's first
// channel; in the column-phase-split layout a tap's column offset kx d is
// index (kx d) / s of sub-row (kx d) % s.
std::vector<std::size_t> TapOffsets(const Conv2dGeometry& geo, const PaddedLayout& layout) {
  std::vector<std::size_t> taps;
  taps.reserve(static_cast<std::size_t>(geo.in_per_group) * geo.kernel_h * geo.kernel_w);
  for (int ci = 0; ci < geo.in_per_group; ++ci) {
    for (int ky = 0; ky < geo.kernel_h; ++ky) {
      for (int kx = 0; kx < geo.kernel_w; ++kx) {
        const int col = kx * geo.dilation.w;
        taps.push_back(ci * layout.plane + static_cast<std::size_t>(ky) * geo.dilation.h * layout.row_len +
                       static_cast<std::size_t>(col % layout.split) * layout.sub_len + col / layout.split);
      }
    }
  }
  return taps;
}

// A GCC vector of kBytes / sizeof(T) values of T (an attribute on a
// dependent type needs a typedef inside a class template). A scalar weight
// times a vector multiplies every element.
template <typename T, int kBytes>
struct VecOf {
  typedef T type __attribute__((vector_size(kBytes)));
};
template <typename T, int kBytes>
using Vec = typename VecOf<T, kBytes>::type;

// Output row oy, columns [x, x + kVecs * lanes), of filters oc0 .. oc0 +
// kBlock - 1 (one group); Lane is a Vec, or T itself for single columns at
// the end of a row. The kBlock x kVecs sums stay in registers while
// every tap is added, so each input vector loaded feeds kBlock multiply-adds
// and the sums are stored once. Each value is the bias plus the products in
// the stepper's order (channel, kernel row, kernel column).
template <typename T, typename Lane, int kBlock, int kVecs>
[[gnu::always_inline]] inline void ConvolveTile(const ConvJob<T>& job, int oc0, int oy, int x) {
  constexpr int kLanes = sizeof(Lane) / sizeof(T);
  const Conv2dGeometry& geo = *job.geo;
  const std::size_t taps = job.taps.size();
  const T* window = job.padded + geo.FirstInputChannel(oc0) * job.layout.plane +
                    static_cast<std::size_t>(oy) * geo.stride.h * job.layout.row_len + x;
  const T* weights = job.weight + oc0 * taps;
  Lane acc[kBlock][kVecs];
  for (int b = 0; b < kBlock; ++b) {
    for (int v = 0; v < kVecs; ++v) acc[b][v] = Lane{} + (job.bias ? job.bias[oc0 + b] : T(0));
  }
  for (std::size_t t = 0; t < taps; ++t) {
    const T* src = window + job.taps[t];
    Lane in[kVecs];
    for (int v = 0; v < kVecs; ++v) std::memcpy(&in[v], src + v * kLanes, sizeof(Lane));  // unaligned
    for (int b = 0; b < kBlock; ++b) {
      const T w = weights[b * taps + t];
      for (int v = 0; v < kVecs; ++v) acc[b][v] += w * in[v];
    }
  }
  for (int b = 0; b < kBlock; ++b) {
    std::memcpy(job.out + (static_cast<std::size_t>(oc0 + b) * geo.out_h + oy) * geo.out_w + x, acc[b],
                sizeof acc[b]);
  }
}

// One output row of kBlock filters: wide tiles, then single vectors, then
// single values for the last columns. Fewer filters per tile get more
// vectors, so there are always about 8 independent sums to hide the latency
// of the multiply-adds.
template <typename T, int kBytes, int kBlock>
[[gnu::always_inline]] inline void ConvolveRow(const ConvJob<T>& job, int oc0, int oy) {
  constexpr int kLanes = kBytes / static_cast<int>(sizeof(T));
  constexpr int kVecs = 8 / kBlock;
  const int out_w = job.geo->out_w;
  int x = 0;
  for (; x + kVecs * kLanes <= out_w; x += kVecs * kLanes) {
    ConvolveTile<T, Vec<T, kBytes>, kBlock, kVecs>(job, oc0, oy, x);
  }
  for (; x + kLanes <= out_w; x += kLanes) ConvolveTile<T, Vec<T, kBytes>, kBlock, 1>(job, oc0, oy, x);
  for (; x < out_w; ++x) ConvolveTile<T, T, kBlock, 1>(job, oc0, oy, x);
}

// Filters convolved together: each input vector loaded feeds this many
// multiply-adds; 4 x 2 sums fill half the AVX2 registers, leaving room for
// the inputs and weights.
constexpr int kFilterBlock = 4;

// Row by row, so the few padded input rows a row of windows reads stay in
// cache while every filter of the group passes over them. kBytes is the
// vector width of the instruction set the caller is compiled for.
template <typename T, int kBytes>
[[gnu::always_inline]] inline void ConvolveAll(const ConvJob<T>& job) {
  const Conv2dGeometry& geo = *job.geo;
  for (int g = 0; g < geo.groups; ++g) {
    const int first = g * geo.out_per_group;
    const int end = first + geo.out_per_group;
    for (int oy = 0; oy < geo.out_h; ++oy) {
      int oc = first;
      for (; oc + kFilterBlock <= end; oc += kFilterBlock) ConvolveRow<T, kBytes, kFilterBlock>(job, oc, oy);
      for (; oc < end; ++oc) ConvolveRow<T, kBytes, 1>(job, oc, oy);
    }
  }
}

// The library is built for baseline x86-64 (SSE2) so that it runs on any PC.
// Machines with AVX2 and FMA (nearly all since 2013) get a copy of the loops
// compiled for them: twice the vector width, and fused multiply-adds, which
// round once instead of twice.
// CONVSTEP_BASELINE_KERNELS (the sanitizer preset sets it) keeps the
// baseline copy, so the test command runs both copies on an AVX2 machine.
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && !defined(CONVSTEP_BASELINE_KERNELS)
#define CONVSTEP_DISPATCH_AVX2 1

[[gnu::target("avx2,fma")]] void ConvolveAvx2(const ConvJob<double>& job) { ConvolveAll<double, 32>(job); }
[[gnu::target("avx2,fma")]] void ConvolveAvx2(const ConvJob<float>& job) { ConvolveAll<float, 32>(job); }
#endif

// Pads once (converting to T), then convolves the padded planes.
template <typename T>
void Convolve(const Tensor3& input, const Conv2dGeometry& geo, const T* weight, const T* bias, T* out) {
  ConvJob<T> job;
  job.geo = &geo;
  job.layout = MakeLayout(geo, geo.stride.w);
  // Every slot is written by FillPadded, so the buffer is not zeroed first.
  const std::unique_ptr<T[]> padded = std::make_unique_for_overwrite<T[]>(job.layout.plane * geo.in_channels);
  FillPadded(input, geo, job.layout, padded.get());
  job.padded = padded.get();
  job.weight = weight;
  job.bias = bias;
  job.out = out;
  job.taps = TapOffsets(geo, job.layout);
#ifdef CONVSTEP_DISPATCH_AVX2
  if (HasAvx2Fma()) {
    ConvolveAvx2(job);
    return;
  }
#endif
  ConvolveAll<T, 16>(job);
}

}  // namespace

Tensor3 Conv2dForward(const Conv2dSpec& spec, const Conv2dGeometry& geo) {
  return Conv2dForward(spec.input, spec.weight.data.data(), spec.bias.empty() ? nullptr : spec.bias.data(), geo);
}

Tensor3 Conv2dForward(const Tensor3& input, const double* weight, const double* bias, const Conv2dGeometry& geo) {
  Tensor3 out(geo.out_channels, geo.out_h, geo.out_w);
  Convolve(input, geo, weight, bias, out.data.data());
  return out;
}

Tensor3F Conv2dForwardF32(const Conv2dSpec& spec, const Conv2dGeometry& geo) {
  const std::vector<float> weight(spec.weight.data.begin(), spec.weight.data.end());
  const std::vector<float> bias(spec.bias.begin(), spec.bias.end());
  Tensor3F out{geo.out_channels, geo.out_h, geo.out_w,
               std::vector<float>(static_cast<std::size_t>(geo.out_channels) * geo.out_h * geo.out_w)};
  Convolve(spec.input, geo, weight.data(), bias.empty() ? nullptr : bias.data(), out.data.data());
  return out;
}

Result<Tensor3> Conv2d(const Conv2dSpec& spec) {
  Result<Conv2dGeometry> geo = ResolveConv2d(spec);
  if (!geo) return Error{geo.error()};
  return Conv2dForward(spec, *geo);
}

}  // namespace convstep
