// Index of this file:
// [SECTION] Layers: shapes, windows, checks
// [SECTION] Windows: im2col and its transpose
// [SECTION] Forward
// [SECTION] Backward
// [SECTION] Parts of a batch, and each thread's scratch
// [SECTION] Threads
// [SECTION] FastNetwork
//
// Inside, a part of a batch (kPartSamples images) is kept channel-major,
// [C][B][H][W], rather than PyTorch's [B][C][H][W]: im2col then lays every
// window of the part side by side, and a convolution is one matrix product
// W[F][C kH kW] x cols[C kH kW][B H_out W_out] whose result is already the
// next layer's [F][B][H_out][W_out]. Flat values (after flatten, global
// pooling or dense) are [B][N], so that dense is X W^T. Only LayerOutput and
// the image input see PyTorch's order.

#include "core/nn/fast_network.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <system_error>
#include <thread>

#include "core/conv/conv_spec.h"
#include "core/nn/fast_gemm.h"
#include "core/nn/init.h"

namespace convstep {

namespace {

using fast_detail::Gemm;
using fast_detail::GemmArgs;

// [SECTION] Layers: shapes, windows, checks

// One sample's values: a C x H x W map, or N flat values (c = N, h = w = 1).
struct Shape {
  int c = 0;
  int h = 1;
  int w = 1;
  bool flat = false;
  int Plane() const { return h * w; }
  std::size_t Size() const { return static_cast<std::size_t>(c) * h * w; }
};

// A convolution's kernel or a pooling window along both axes, its padding
// resolved to what lies before the first row and column.
struct Window {
  int kh = 1;
  int kw = 1;
  int sh = 1;
  int sw = 1;
  int dh = 1;
  int dw = 1;
  int pad_top = 0;
  int pad_left = 0;
};

// Where one tap of a window reads along one axis: output o reads input
// o s + offset (offset = k d - pad), inside the input for o in [lo, hi) and
// padding elsewhere.
struct TapRange {
  int offset = 0;
  int lo = 0;
  int hi = 0;
};

struct Layer {
  LayerType type = LayerType::kReLU;
  Shape in;
  Shape out;
  Window window;
  std::vector<TapRange> tap_rows;  // conv and pooling: one per window row
  std::vector<TapRange> tap_cols;  // one per window column
  float rate = 0.0f;              // dropout
  int dropout = -1;               // dropout: which of the batch's masks
  std::vector<float> bn_scale;    // batchnorm: gamma / sqrt(var + eps), per channel
  std::vector<float> bn_mean;     // batchnorm: moving mean
  std::vector<float> bn_inv_std;  // batchnorm: 1 / sqrt(var + eps)
  bool needs_input_grad = false;  // some layer before this one has parameters
};

Shape ShapeOf(const std::vector<long long>& keras) {
  if (keras.size() == 1) return {static_cast<int>(keras[0]), 1, 1, true};
  return {static_cast<int>(keras[2]), static_cast<int>(keras[0]), static_cast<int>(keras[1]), false};
}

Window WindowOf(const LayerSpec& spec, const Shape& in) {
  const bool conv = spec.type == LayerType::kConv2d;
  const Pair size = conv ? spec.kernel_size : spec.pool_size;
  const Pair strides = spec.strides.value_or(conv ? Pair{1, 1} : spec.pool_size);
  const Pair dilation = conv ? spec.dilation_rate : Pair{1, 1};
  Window w{size.h, size.w, strides.h, strides.w, dilation.h, dilation.w, 0, 0};
  if (spec.padding == KerasPadding::kSame) {
    int after = 0;
    SamePadding(in.h, w.kh, w.sh, w.dh, &w.pad_top, &after);
    SamePadding(in.w, w.kw, w.sw, w.dw, &w.pad_left, &after);
  }
  return w;
}

// The outputs [*lo, *hi) along one axis whose tap at offset `offset` (k d -
// pad) reads inside the n inputs: 0 <= o s + offset < n. Outside it the tap
// reads padding.
void InsideRange(int outputs, int s, int offset, int n, int* lo, int* hi) {
  *lo = std::min(outputs, offset >= 0 ? 0 : (-offset + s - 1) / s);
  *hi = offset > n - 1 ? 0 : std::min(outputs, (n - 1 - offset) / s + 1);
  *hi = std::max(*hi, *lo);
}

// The ranges of a window's taps along one axis of n inputs.
std::vector<TapRange> TapRanges(int taps, int dilation, int pad, int stride, int n, int outputs) {
  std::vector<TapRange> ranges(static_cast<std::size_t>(taps));
  for (int t = 0; t < taps; ++t) {
    TapRange& r = ranges[static_cast<std::size_t>(t)];
    r.offset = t * dilation - pad;
    InsideRange(outputs, stride, r.offset, n, &r.lo, &r.hi);
  }
  return ranges;
}

std::string Count(std::size_t n) { return WithThousands(static_cast<long long>(n)); }

// Why `values` cannot be this layer's `what` of `want` values, or "".
std::string CheckSize(const std::vector<double>& values, std::size_t want, const char* what) {
  if (values.size() == want) return "";
  return std::string("has ") + Count(values.size()) + " " + what + " values where its shape needs " + Count(want);
}

// Why the parameters of a layer do not fit its shapes, or "".
std::string CheckParams(const LayerSpec& spec, const Shape& in, const Shape& out, const LayerParams& p) {
  std::size_t weights = 0;
  std::size_t outputs = 0;
  switch (spec.type) {
    case LayerType::kConv2d:
      weights = static_cast<std::size_t>(spec.filters) * in.c * spec.kernel_size.h * spec.kernel_size.w;
      outputs = static_cast<std::size_t>(spec.filters);
      break;
    case LayerType::kDense:
      weights = static_cast<std::size_t>(spec.units) * in.Size();
      outputs = static_cast<std::size_t>(spec.units);
      break;
    case LayerType::kBatchNorm: {
      const auto c = static_cast<std::size_t>(out.c);
      for (const std::string& problem :
           {CheckSize(p.gamma, c, "gamma"), CheckSize(p.beta, c, "beta"), CheckSize(p.moving_mean, c, "moving_mean"),
            CheckSize(p.moving_variance, c, "moving_variance")}) {
        if (!problem.empty()) return problem;
      }
      return "";
    }
    default:
      return "";
  }
  for (const std::string& problem :
       {CheckSize(p.weight, weights, "weight"), CheckSize(p.bias, spec.use_bias ? outputs : 0, "bias")}) {
    if (!problem.empty()) return problem;
  }
  return "";
}

bool IsOneDimensional(LayerType type) {
  return type == LayerType::kConv1d || type == LayerType::kMaxPool1d || type == LayerType::kAvgPool1d ||
         type == LayerType::kGlobalAvgPool1d;
}

std::vector<float> ToFloat(const std::vector<double>& v) { return std::vector<float>(v.begin(), v.end()); }
std::vector<double> ToDouble(const std::vector<float>& v) { return std::vector<double>(v.begin(), v.end()); }

// [SECTION] Windows: im2col and its transpose

// Short rows (a few to a few dozen values) copied in fixed-size pieces,
// which compile to single vector moves, where a memcpy of a run-time length
// is a call per row.
void CopyRow(float* dst, const float* src, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) std::memcpy(dst + i, src + i, 4 * sizeof(float));
  for (; i < n; ++i) dst[i] = src[i];
}

void AddRow(float* __restrict dst, const float* __restrict src, int n) {
  for (int i = 0; i < n; ++i) dst[i] += src[i];
}

// Most calls clear nothing (a "valid" window is never in the padding): the
// test keeps them from becoming calls of memset.
void ZeroRow(float* dst, int n) {
  if (n > 0) std::memset(dst, 0, sizeof(float) * static_cast<std::size_t>(n));
}

// The column matrix's row for tap (ky, kx) of channel c holds, for sample b
// and output (oy, ox), the input at (oy sh + ky dh - pad_top, ox sw + kx dw
// - pad_left), zero outside: for one sample, an out_h x out_w plane.
void TapPlane(const Layer& layer, const TapRange& ty, const TapRange& tx, const float* src, float* dst) {
  const int out_w = layer.out.w;
  const int in_w = layer.in.w;
  const int sw = layer.window.sw;
  ZeroRow(dst, ty.lo * out_w);
  for (int oy = ty.lo; oy < ty.hi; ++oy) {
    const float* row = src + (oy * layer.window.sh + ty.offset) * in_w;
    float* d = dst + oy * out_w;
    ZeroRow(d, tx.lo);
    if (sw == 1) {
      CopyRow(d + tx.lo, row + tx.lo + tx.offset, tx.hi - tx.lo);
    } else {
      for (int ox = tx.lo; ox < tx.hi; ++ox) d[ox] = row[ox * sw + tx.offset];
    }
    ZeroRow(d + tx.hi, out_w - tx.hi);
  }
  ZeroRow(dst + ty.hi * out_w, (layer.out.h - ty.hi) * out_w);
}

// The transpose of TapPlane: each value added back to the input it was
// copied from; padding taps are dropped.
void AddTapPlane(const Layer& layer, const TapRange& ty, const TapRange& tx, const float* src, float* dst) {
  const int out_w = layer.out.w;
  const int in_w = layer.in.w;
  const int sw = layer.window.sw;
  for (int oy = ty.lo; oy < ty.hi; ++oy) {
    float* row = dst + (oy * layer.window.sh + ty.offset) * in_w;
    const float* s = src + oy * out_w;
    if (sw == 1) {
      AddRow(row + tx.lo + tx.offset, s + tx.lo, tx.hi - tx.lo);
    } else {
      for (int ox = tx.lo; ox < tx.hi; ++ox) row[ox * sw + tx.offset] += s[ox];
    }
  }
}

// Calls plane(tap row, tap column, input plane, column plane) for every tap
// (c, ky, kx) in the weight's order and every sample: the column matrix is
// [C kH kW][B][H_out W_out], and a plane is given by its first index.
template <typename Plane>
void ForEachTapPlane(const Layer& layer, int n, Plane plane) {
  const std::size_t in_plane = static_cast<std::size_t>(layer.in.Plane());
  const std::size_t out_plane = static_cast<std::size_t>(layer.out.Plane());
  std::size_t col = 0;
  for (int c = 0; c < layer.in.c; ++c) {
    for (const TapRange& ty : layer.tap_rows) {
      for (const TapRange& tx : layer.tap_cols) {
        for (int b = 0; b < n; ++b) {
          plane(ty, tx, (static_cast<std::size_t>(c) * n + b) * in_plane, col);
          col += out_plane;
        }
      }
    }
  }
}

void Im2Col(const Layer& layer, int n, const float* in, float* cols) {
  ForEachTapPlane(layer, n, [&](const TapRange& ty, const TapRange& tx, std::size_t src, std::size_t dst) {
    TapPlane(layer, ty, tx, in + src, cols + dst);
  });
}

// Input plane by input plane: each is cleared, then every tap's plane of
// the columns added to it while it stays in cache.
void Col2Im(const Layer& layer, int n, const float* cols, float* in) {
  const auto in_plane = static_cast<std::size_t>(layer.in.Plane());
  const auto out_plane = static_cast<std::size_t>(layer.out.Plane());
  const std::size_t tap_rows = static_cast<std::size_t>(n) * out_plane;  // one tap's row of the columns
  for (int c = 0; c < layer.in.c; ++c) {
    for (int b = 0; b < n; ++b) {
      float* dst = in + (static_cast<std::size_t>(c) * n + b) * in_plane;
      std::fill_n(dst, in_plane, 0.0f);
      std::size_t tap = static_cast<std::size_t>(c) * layer.tap_rows.size() * layer.tap_cols.size();
      for (const TapRange& ty : layer.tap_rows) {
        for (const TapRange& tx : layer.tap_cols) {
          AddTapPlane(layer, ty, tx, cols + tap++ * tap_rows + b * out_plane, dst);
        }
      }
    }
  }
}

// [SECTION] Forward

// The sum of n values in eight interleaved partial sums, which the compiler
// keeps in one vector register: a single running sum would wait for each
// addition to finish before the next.
float Sum(const float* v, std::size_t n) {
  constexpr std::size_t kLanes = 8;
  float part[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    for (std::size_t j = 0; j < kLanes; ++j) part[j] += v[i + j];
  }
  float sum = 0.0f;
  for (; i < n; ++i) sum += v[i];
  for (float p : part) sum += p;
  return sum;
}

// [B][C][H][W] to [C][B][H][W].
void ToChannelMajor(const Shape& shape, int n, const float* images, float* out) {
  const std::size_t plane = static_cast<std::size_t>(shape.Plane());
  for (int c = 0; c < shape.c; ++c) {
    for (int b = 0; b < n; ++b) {
      std::memcpy(out + (static_cast<std::size_t>(c) * n + b) * plane,
                  images + (static_cast<std::size_t>(b) * shape.c + c) * plane, sizeof(float) * plane);
    }
  }
}

void AddRowBias(const std::vector<float>& bias, std::size_t row_len, float* out) {
  for (std::size_t r = 0; r < bias.size(); ++r) {
    float* row = out + r * row_len;
    const float v = bias[r];
    for (std::size_t i = 0; i < row_len; ++i) row[i] += v;
  }
}

void ConvForward(const Layer& layer, const FastParams& p, int n, const float* in, float* cols, float* out) {
  const int columns = n * layer.out.Plane();
  Im2Col(layer, n, in, cols);
  Gemm({.m = layer.out.c,
        .n = columns,
        .k = static_cast<int>(layer.in.c) * layer.window.kh * layer.window.kw,
        .a = p.weight.data(),
        .b = cols,
        .c = out});
  AddRowBias(p.bias, static_cast<std::size_t>(columns), out);
}

void DenseForward(const Layer& layer, const FastParams& p, int n, const float* in, float* out) {
  const int units = layer.out.c;
  Gemm({.trans_b = true,
        .m = n,
        .n = units,
        .k = static_cast<int>(layer.in.Size()),
        .a = in,
        .b = p.weight.data(),
        .c = out});
  if (p.bias.empty()) return;
  for (int b = 0; b < n; ++b) {
    for (int u = 0; u < units; ++u) out[static_cast<std::size_t>(b) * units + u] += p.bias[static_cast<std::size_t>(u)];
  }
}

// The window of output (oy, ox) clipped to the input: rows [y0, y1), columns [x0, x1).
struct Clip {
  int y0, y1, x0, x1;
  int Count() const { return (y1 - y0) * (x1 - x0); }
};

Clip ClipWindow(const Layer& layer, int oy, int ox) {
  const Window& w = layer.window;
  const int y = oy * w.sh - w.pad_top;
  const int x = ox * w.sw - w.pad_left;
  return {std::max(y, 0), std::min(y + w.kh, layer.in.h), std::max(x, 0), std::min(x + w.kw, layer.in.w)};
}

// Calls tap(dst, plane, at, lo, hi) for every output row of every plane and
// every tap of the window in row-major order: outputs dst + ox, for ox in
// [lo, hi), read the input plane starting at `plane` at index at + ox sw
// (y W + x); outputs outside [lo, hi), or all of them when the tap's row is
// outside the input, see padding for that tap. Taps outermost, so that the
// loop over a row's outputs is independent from one output to the next.
template <typename Tap>
void ForEachPoolTap(const Layer& layer, int n, Tap tap) {
  const int planes = layer.in.c * n;
  for (int pl = 0; pl < planes; ++pl) {
    const std::size_t in_plane = static_cast<std::size_t>(pl) * layer.in.Plane();
    for (int oy = 0; oy < layer.out.h; ++oy) {
      const std::size_t dst = (static_cast<std::size_t>(pl) * layer.out.h + oy) * layer.out.w;
      for (const TapRange& ty : layer.tap_rows) {
        if (oy < ty.lo || oy >= ty.hi) continue;
        const int y = oy * layer.window.sh + ty.offset;
        for (const TapRange& tx : layer.tap_cols) tap(dst, in_plane, y * layer.in.w + tx.offset, tx.lo, tx.hi);
      }
    }
  }
}

// Whether the pooling windows tile the input: as large as their strides
// and never in the padding ("valid"), so each input lies in at most one.
bool Tiles(const Layer& layer) {
  const Window& w = layer.window;
  return w.sh == w.kh && w.sw == w.kw && w.pad_top == 0 && w.pad_left == 0;
}

// The lecture's pooling, 2x2 windows with stride 2, output by output: the
// four values compared in row-major order, so a later one wins only when
// larger.
void MaxPool2x2(const Layer& layer, int n, const float* in, float* out, std::int32_t* argmax) {
  const int in_w = layer.in.w;
  const int planes = layer.in.c * n;
  for (int pl = 0; pl < planes; ++pl) {
    const float* src = in + static_cast<std::size_t>(pl) * layer.in.Plane();
    const std::size_t base = static_cast<std::size_t>(pl) * layer.out.Plane();
    for (int oy = 0; oy < layer.out.h; ++oy) {
      const int top = 2 * oy * in_w;
      for (int ox = 0; ox < layer.out.w; ++ox) {
        // The running maximum stays in a register (comparing against a value
        // loaded through the best index would wait for that load each time),
        // and the index moves by arithmetic: half the comparisons go each
        // way, so a branch would be mispredicted as often.
        int best = top + 2 * ox;
        float value = src[best];
        for (int at : {best + 1, best + in_w, best + in_w + 1}) {
          const float v = src[at];
          const int larger = v > value;
          best += (at - best) * larger;
          value = std::max(value, v);
        }
        const std::size_t o = base + static_cast<std::size_t>(oy) * layer.out.w + ox;
        out[o] = value;
        argmax[o] = best;
      }
    }
  }
}

// Max pooling; `argmax` keeps the input index (y W + x in the plane) of each
// output, the first maximum in row-major order (taps in that order, and a
// later tap wins only when larger). The padding is never picked.
void MaxPoolForward(const Layer& layer, int n, const float* in, float* out, std::int32_t* argmax) {
  const Window& w = layer.window;
  if (Tiles(layer) && w.kh == 2 && w.kw == 2) {
    MaxPool2x2(layer, n, in, out, argmax);
    return;
  }
  std::fill_n(out, layer.out.Size() * n, -std::numeric_limits<float>::infinity());
  std::fill_n(argmax, layer.out.Size() * n, -1);
  ForEachPoolTap(layer, n, [&](std::size_t dst, std::size_t plane, int at, int lo, int hi) {
    float* best = out + dst;
    std::int32_t* arg = argmax + dst;
    const float* src = in + plane;
    for (int ox = lo; ox < hi; ++ox) {
      const int index = at + ox * w.sw;
      const float v = src[index];
      const bool larger = v > best[ox] || arg[ox] < 0;
      best[ox] = larger ? v : best[ox];
      arg[ox] = larger ? index : arg[ox];
    }
  });
}

// Average pooling over the inputs inside each window (all of them for
// "valid"; for "same", TensorFlow's rule: the padding is not counted).
void AvgPoolForward(const Layer& layer, int n, const float* in, float* out) {
  std::fill_n(out, layer.out.Size() * n, 0.0f);
  const int sw = layer.window.sw;
  ForEachPoolTap(layer, n, [&](std::size_t dst, std::size_t plane, int at, int lo, int hi) {
    for (int ox = lo; ox < hi; ++ox) out[dst + ox] += in[plane + static_cast<std::size_t>(at + ox * sw)];
  });
  const int planes = layer.in.c * n;
  for (int pl = 0; pl < planes; ++pl) {
    float* row = out + static_cast<std::size_t>(pl) * layer.out.Plane();
    for (int oy = 0; oy < layer.out.h; ++oy) {
      for (int ox = 0; ox < layer.out.w; ++ox) {
        row[oy * layer.out.w + ox] /= static_cast<float>(ClipWindow(layer, oy, ox).Count());
      }
    }
  }
}

// [C][B][H W] to [B][C H W]: PyTorch's flatten order for each sample.
void FlattenForward(const Layer& layer, int n, const float* in, float* out) {
  if (layer.in.flat) {
    std::copy_n(in, layer.in.Size() * n, out);
    return;
  }
  const std::size_t plane = static_cast<std::size_t>(layer.in.Plane());
  for (int c = 0; c < layer.in.c; ++c) {
    for (int b = 0; b < n; ++b) {
      std::memcpy(out + (static_cast<std::size_t>(b) * layer.in.c + c) * plane,
                  in + (static_cast<std::size_t>(c) * n + b) * plane, sizeof(float) * plane);
    }
  }
}

void GlobalAvgPoolForward(const Layer& layer, int n, const float* in, float* out) {
  const std::size_t plane = static_cast<std::size_t>(layer.in.Plane());
  for (int c = 0; c < layer.in.c; ++c) {
    for (int b = 0; b < n; ++b) {
      const float sum = Sum(in + (static_cast<std::size_t>(c) * n + b) * plane, plane);
      out[static_cast<std::size_t>(b) * layer.in.c + c] = sum / static_cast<float>(plane);
    }
  }
}

// Calls f(i, channel) for the n samples' values of `shape` in this file's
// layouts: [C][B][H W] for maps, [B][N] for flat values (a feature is a
// channel there, as batchnorm normalises it).
template <typename F>
void ForEachValueChannel(const Shape& shape, int n, F f) {
  if (shape.flat) {
    std::size_t i = 0;
    for (int b = 0; b < n; ++b) {
      for (int j = 0; j < shape.c; ++j) f(i++, j);
    }
    return;
  }
  const std::size_t block = static_cast<std::size_t>(n) * shape.Plane();
  for (int c = 0; c < shape.c; ++c) {
    for (std::size_t i = c * block; i < (c + 1) * block; ++i) f(i, c);
  }
}

// The index into a batch's per-sample mask ([B][C H W], PyTorch's order) of
// every value of a part of the batch starting at sample `first`.
template <typename F>
void ForEachValueSample(const Shape& shape, int n, int first, F f) {
  const std::size_t size = shape.Size();
  if (shape.flat) {
    for (std::size_t i = 0; i < size * n; ++i) f(i, static_cast<std::size_t>(first) * size + i);
    return;
  }
  const std::size_t plane = static_cast<std::size_t>(shape.Plane());
  std::size_t i = 0;
  for (int c = 0; c < shape.c; ++c) {
    for (int b = 0; b < n; ++b) {
      const std::size_t sample = (static_cast<std::size_t>(first) + b) * size + c * plane;
      for (std::size_t p = 0; p < plane; ++p) f(i++, sample + p);
    }
  }
}

// [SECTION] Backward

void ConvBackward(const Layer& layer, const FastParams& p, FastParams* g, int n, float* cols, const float* dy,
                  float* dx) {
  const int columns = n * layer.out.Plane();
  const int taps = layer.in.c * layer.window.kh * layer.window.kw;
  const int filters = layer.out.c;
  Gemm({.trans_b = true, .m = filters, .n = taps, .k = columns, .a = dy, .b = cols, .c = g->weight.data()});
  for (std::size_t f = 0; f < g->bias.size(); ++f) {
    g->bias[f] = Sum(dy + f * columns, static_cast<std::size_t>(columns));
  }
  if (dx == nullptr) return;
  // The windows' gradient overwrites the windows, which nothing reads again.
  Gemm({.trans_a = true, .m = taps, .n = columns, .k = filters, .a = p.weight.data(), .b = dy, .c = cols});
  Col2Im(layer, n, cols, dx);
}

void DenseBackward(const Layer& layer, const FastParams& p, FastParams* g, int n, const float* x, const float* dy,
                   float* dx) {
  const int units = layer.out.c;
  const int inputs = static_cast<int>(layer.in.Size());
  Gemm({.trans_a = true, .m = units, .n = inputs, .k = n, .a = dy, .b = x, .c = g->weight.data()});
  if (!g->bias.empty()) {
    std::fill(g->bias.begin(), g->bias.end(), 0.0f);
    for (int b = 0; b < n; ++b) {
      const float* row = dy + static_cast<std::size_t>(b) * units;
      for (int u = 0; u < units; ++u) g->bias[static_cast<std::size_t>(u)] += row[u];
    }
  }
  if (dx != nullptr) Gemm({.m = n, .n = inputs, .k = units, .a = dy, .b = p.weight.data(), .c = dx});
}

// The gradient of a max pool's input, plane by plane (a plane cleared is
// still in cache when its outputs' gradients are added at their argmax).
// With `through_relu`, the pool follows a ReLU and this is the gradient of
// the ReLU's input instead: the ReLU's value at an argmax is the pool's
// output y, so a gradient passes where y > 0, as the two layers' backward
// passes one after the other give, without a pass over the ReLU's values.
void MaxPoolBackward(const Layer& layer, int n, const std::int32_t* argmax, const float* y, bool through_relu,
                     const float* dy, float* dx) {
  const int planes = layer.in.c * n;
  const auto in_plane = static_cast<std::size_t>(layer.in.Plane());
  const auto out_plane = static_cast<std::size_t>(layer.out.Plane());
  for (int pl = 0; pl < planes; ++pl) {
    float* dst = dx + pl * in_plane;
    std::fill_n(dst, in_plane, 0.0f);
    for (std::size_t o = pl * out_plane; o < (pl + 1) * out_plane; ++o) {
      const float g = dy[o];
      dst[argmax[o]] += !through_relu || y[o] > 0.0f ? g : 0.0f;
    }
  }
}

void AvgPoolBackward(const Layer& layer, int n, const float* dy, float* dx) {
  std::fill_n(dx, layer.in.Size() * n, 0.0f);
  const int planes = layer.in.c * n;
  const int in_w = layer.in.w;
  for (int pl = 0; pl < planes; ++pl) {
    float* dst = dx + static_cast<std::size_t>(pl) * layer.in.Plane();
    const float* src = dy + static_cast<std::size_t>(pl) * layer.out.Plane();
    for (int oy = 0; oy < layer.out.h; ++oy) {
      for (int ox = 0; ox < layer.out.w; ++ox) {
        const Clip clip = ClipWindow(layer, oy, ox);
        const float share = src[oy * layer.out.w + ox] / static_cast<float>(clip.Count());
        for (int y = clip.y0; y < clip.y1; ++y) {
          for (int x = clip.x0; x < clip.x1; ++x) dst[y * in_w + x] += share;
        }
      }
    }
  }
}

void FlattenBackward(const Layer& layer, int n, const float* dy, float* dx) {
  if (layer.in.flat) {
    std::copy_n(dy, layer.in.Size() * n, dx);
    return;
  }
  const std::size_t plane = static_cast<std::size_t>(layer.in.Plane());
  for (int c = 0; c < layer.in.c; ++c) {
    for (int b = 0; b < n; ++b) {
      std::memcpy(dx + (static_cast<std::size_t>(c) * n + b) * plane,
                  dy + (static_cast<std::size_t>(b) * layer.in.c + c) * plane, sizeof(float) * plane);
    }
  }
}

void GlobalAvgPoolBackward(const Layer& layer, int n, const float* dy, float* dx) {
  const std::size_t plane = static_cast<std::size_t>(layer.in.Plane());
  for (int c = 0; c < layer.in.c; ++c) {
    for (int b = 0; b < n; ++b) {
      const float share = dy[static_cast<std::size_t>(b) * layer.in.c + c] / static_cast<float>(plane);
      std::fill_n(dx + (static_cast<std::size_t>(c) * n + b) * plane, plane, share);
    }
  }
}

// Batchnorm with its moving statistics: y = (x - mean) inv_std gamma + beta.
void BatchNormForward(const Layer& layer, const FastParams& p, int n, const float* in, float* out) {
  ForEachValueChannel(layer.in, n, [&](std::size_t i, int c) {
    out[i] = (in[i] - layer.bn_mean[c]) * layer.bn_scale[c] + p.beta[c];
  });
}

void BatchNormBackward(const Layer& layer, FastParams* g, int n, const float* x, const float* dy, float* dx) {
  std::fill(g->gamma.begin(), g->gamma.end(), 0.0f);
  std::fill(g->beta.begin(), g->beta.end(), 0.0f);
  ForEachValueChannel(layer.in, n, [&](std::size_t i, int c) {
    g->gamma[c] += dy[i] * (x[i] - layer.bn_mean[c]) * layer.bn_inv_std[c];
    g->beta[c] += dy[i];
    if (dx != nullptr) dx[i] = dy[i] * layer.bn_scale[c];
  });
}

// [SECTION] Parts of a batch, and each thread's scratch

// A batch is cut into parts of this many samples, handed to the threads as
// they come free. Small parts keep a part's activations in the caches: one
// thread trained the lecture's batch of 64 in 22 to 27 ms as four parts of
// 16 against 25 to 36 ms as one (this machine, busy), and 8 was no faster.
// A thread slowed by other work takes fewer parts. Each part's loss and
// gradients are its own and are summed in the parts' order, so the results
// do not depend on the number of threads.
constexpr int kPartSamples = 16;

// The samples [first, first + count) of a batch: their activations (acts[0]
// the input, acts[i + 1] layer i's output) and the parameters' gradients
// and the summed loss of these samples alone.
struct Part {
  int first = 0;
  int count = 0;
  int capacity = 0;  // samples the activation buffers hold
  std::vector<std::vector<float>> acts;
  std::vector<FastParams> grads;
  double loss = 0.0;
  int correct = 0;  // samples whose highest logit is their label
};

// What a thread needs only while it runs one part: each convolution's
// windows and each max pool's argmax (from the forward pass to the
// backward pass of the part), and two gradient buffers used in turn.
struct Scratch {
  int capacity = 0;       // samples the windows and argmax hold
  int grad_capacity = 0;  // samples the gradient buffers hold
  std::vector<std::vector<float>> cols;
  std::vector<std::vector<std::int32_t>> argmax;
  std::vector<float> grad_a;
  std::vector<float> grad_b;
};

void Resize(std::vector<float>* v, std::size_t n) {
  if (v->size() < n) v->resize(n);
}

void ReserveForward(const std::vector<Layer>& layers, int n, Part* w, Scratch* s) {
  if (n > w->capacity) {
    w->capacity = n;
    w->acts.resize(layers.size() + 1);
    Resize(&w->acts[0], layers.front().in.Size() * n);
    for (std::size_t i = 0; i < layers.size(); ++i) Resize(&w->acts[i + 1], layers[i].out.Size() * n);
  }
  if (n <= s->capacity) return;
  s->capacity = n;
  s->cols.resize(layers.size());
  s->argmax.resize(layers.size());
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const Layer& l = layers[i];
    if (l.type == LayerType::kConv2d) {
      Resize(&s->cols[i], static_cast<std::size_t>(l.in.c) * l.window.kh * l.window.kw * l.out.Plane() * n);
    }
    if (l.type == LayerType::kMaxPool2d && s->argmax[i].size() < l.out.Size() * n) {
      s->argmax[i].resize(l.out.Size() * n);
    }
  }
}

void ReserveBackward(const std::vector<Layer>& layers, const std::vector<FastParams>& params, int n, Part* w,
                     Scratch* s) {
  if (w->grads.size() != params.size()) {
    w->grads.resize(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      w->grads[i].weight.resize(params[i].weight.size());
      w->grads[i].bias.resize(params[i].bias.size());
      w->grads[i].gamma.resize(params[i].gamma.size());
      w->grads[i].beta.resize(params[i].beta.size());
    }
  }
  if (n <= s->grad_capacity) return;
  s->grad_capacity = n;
  std::size_t largest = 0;
  for (const Layer& l : layers) largest = std::max({largest, l.in.Size(), l.out.Size()});
  Resize(&s->grad_a, largest * n);
  Resize(&s->grad_b, largest * n);
}

// What a pass over a part of the batch reads besides the part: the
// batch's images and labels, each dropout layer's mask for the batch
// ([B][C H W], 0 or 1 / (1 - rate)), and the batch's size for the mean.
struct Batch {
  const float* images = nullptr;
  const std::uint8_t* labels = nullptr;
  const std::vector<std::vector<float>>* masks = nullptr;  // null: no dropout (eval)
  int total = 0;
};

void ForwardLayer(const Layer& l, const FastParams& p, const Batch& batch, std::size_t i, Part* w, Scratch* s) {
  const int n = w->count;
  const float* in = w->acts[i].data();
  float* out = w->acts[i + 1].data();
  const std::size_t values = l.out.Size() * n;
  switch (l.type) {
    case LayerType::kConv2d:
      ConvForward(l, p, n, in, s->cols[i].data(), out);
      return;
    case LayerType::kDense:
      DenseForward(l, p, n, in, out);
      return;
    case LayerType::kMaxPool2d:
      MaxPoolForward(l, n, in, out, s->argmax[i].data());
      return;
    case LayerType::kAvgPool2d:
      AvgPoolForward(l, n, in, out);
      return;
    case LayerType::kFlatten:
      FlattenForward(l, n, in, out);
      return;
    case LayerType::kGlobalAvgPool2d:
      GlobalAvgPoolForward(l, n, in, out);
      return;
    case LayerType::kReLU:
      for (std::size_t k = 0; k < values; ++k) out[k] = in[k] > 0.0f ? in[k] : 0.0f;
      return;
    case LayerType::kDropout:
      if (batch.masks == nullptr) {
        std::copy_n(in, values, out);
        return;
      }
      ForEachValueSample(l.in, n, w->first, [&, mask = (*batch.masks)[static_cast<std::size_t>(l.dropout)].data()](
                                                std::size_t k, std::size_t m) { out[k] = in[k] * mask[m]; });
      return;
    case LayerType::kBatchNorm:
      BatchNormForward(l, p, n, in, out);
      return;
    default:
      return;  // the 1-D layers: refused by Create
  }
}

void ForwardPart(const std::vector<Layer>& layers, const std::vector<FastParams>& params, const Batch& batch,
                 Part* w, Scratch* s) {
  ReserveForward(layers, w->count, w, s);
  ToChannelMajor(layers.front().in, w->count, batch.images + layers.front().in.Size() * w->first, w->acts[0].data());
  for (std::size_t i = 0; i < layers.size(); ++i) ForwardLayer(layers[i], params[i], batch, i, w, s);
}

// One sample's logits z: exp(z_k - max z) into e, its cross-entropy
// log(sum) + max z - z[label] (the softmax without overflow), and whether
// its highest logit (the first of equal ones) is the label.
struct SampleLoss {
  float sum = 0.0f;  // of e
  double loss = 0.0;
  bool right = false;
};
SampleLoss SoftmaxOf(const float* z, int classes, int label, float* e) {
  const float* top = std::max_element(z, z + classes);
  SampleLoss s;
  for (int k = 0; k < classes; ++k) {
    e[k] = std::exp(z[k] - *top);
    s.sum += e[k];
  }
  s.loss = static_cast<double>(std::log(s.sum) + *top - z[label]);
  s.right = top - z == label;
  return s;
}

// The part's summed cross-entropy into w->loss, its right answers into
// w->correct, and its gradient with respect to the logits, softmax minus
// one-hot over the batch's size, into s->grad_a.
void SoftmaxCrossEntropy(int classes, const Batch& batch, Part* w, Scratch* s) {
  const float* logits = w->acts.back().data();
  float* grad = s->grad_a.data();
  const float scale = 1.0f / static_cast<float>(batch.total);
  w->loss = 0.0;
  w->correct = 0;
  for (int b = 0; b < w->count; ++b) {
    float* g = grad + static_cast<std::size_t>(b) * classes;
    const int label = batch.labels[w->first + b];
    const SampleLoss one = SoftmaxOf(logits + static_cast<std::size_t>(b) * classes, classes, label, g);
    w->loss += one.loss;
    w->correct += one.right ? 1 : 0;
    for (int k = 0; k < classes; ++k) g[k] = (g[k] / one.sum - (k == label ? 1.0f : 0.0f)) * scale;
  }
}

// Layer i's parameter gradients into w->grads[i] and, when a layer before
// needs it, the gradient of its input into dx.
void BackwardLayer(const Layer& l, const FastParams& p, const Batch& batch, std::size_t i, const float* dy,
                   float* dx, Part* w, Scratch* s) {
  const int n = w->count;
  const float* x = w->acts[i].data();
  const float* y = w->acts[i + 1].data();
  FastParams* g = &w->grads[i];
  float* dx_or_null = l.needs_input_grad ? dx : nullptr;
  const std::size_t values = l.out.Size() * n;
  switch (l.type) {
    case LayerType::kConv2d:
      ConvBackward(l, p, g, n, s->cols[i].data(), dy, dx_or_null);
      return;
    case LayerType::kDense:
      DenseBackward(l, p, g, n, x, dy, dx_or_null);
      return;
    case LayerType::kBatchNorm:
      BatchNormBackward(l, g, n, x, dy, dx_or_null);
      return;
    default:
      break;
  }
  if (dx_or_null == nullptr) return;
  switch (l.type) {
    case LayerType::kMaxPool2d:
      MaxPoolBackward(l, n, s->argmax[i].data(), y, false, dy, dx);
      return;
    case LayerType::kAvgPool2d:
      AvgPoolBackward(l, n, dy, dx);
      return;
    case LayerType::kFlatten:
      FlattenBackward(l, n, dy, dx);
      return;
    case LayerType::kGlobalAvgPool2d:
      GlobalAvgPoolBackward(l, n, dy, dx);
      return;
    case LayerType::kReLU:
      // Both loads before the choice, so that the loop is a vector select.
      for (std::size_t k = 0; k < values; ++k) {
        const float grad = dy[k];
        dx[k] = y[k] > 0.0f ? grad : 0.0f;
      }
      return;
    case LayerType::kDropout:
      if (batch.masks == nullptr) {
        std::copy_n(dy, values, dx);
        return;
      }
      ForEachValueSample(l.in, n, w->first, [&, mask = (*batch.masks)[static_cast<std::size_t>(l.dropout)].data()](
                                                std::size_t k, std::size_t m) { dx[k] = dy[k] * mask[m]; });
      return;
    default:
      return;
  }
}

void BackwardPart(const std::vector<Layer>& layers, const std::vector<FastParams>& params, const Batch& batch,
                  Part* w, Scratch* s) {
  float* dy = s->grad_a.data();
  float* dx = s->grad_b.data();
  for (std::size_t i = layers.size(); i-- > 0;) {
    const Layer& l = layers[i];
    if (l.type == LayerType::kMaxPool2d && i > 0 && layers[i - 1].type == LayerType::kReLU && l.needs_input_grad) {
      MaxPoolBackward(l, w->count, s->argmax[i].data(), w->acts[i + 1].data(), true, dy, dx);
      --i;  // the ReLU's gradient is done too
    } else {
      BackwardLayer(l, params[i], batch, i, dy, dx, w, s);
    }
    if (!layers[i].needs_input_grad) return;
    std::swap(dy, dx);
  }
}

// [SECTION] Threads

// Runs part(t) for t in [0, parts), part 0 on this thread and the others on
// threads of their own; a part whose thread cannot be started runs here.
template <typename Work>
void RunThreads(int parts, const Work& part) {
  std::vector<std::thread> threads;
  int started = 1;
  try {
    threads.reserve(static_cast<std::size_t>(parts - 1));
    for (; started < parts; ++started) threads.emplace_back(part, started);
  } catch (const std::system_error&) {
  } catch (const std::bad_alloc&) {
  }
  part(0);
  for (int t = started; t < parts; ++t) part(t);
  for (std::thread& t : threads) t.join();
}

// Cuts `count` samples into parts of kPartSamples (the last one shorter);
// the parts beyond them are left empty. Returns the number of parts used.
int CutBatch(int count, std::vector<Part>* parts) {
  const int used = (count + kPartSamples - 1) / kPartSamples;
  if (static_cast<int>(parts->size()) < used) parts->resize(static_cast<std::size_t>(used));
  for (std::size_t k = 0; k < parts->size(); ++k) {
    Part& part = (*parts)[k];
    part.first = std::min(count, static_cast<int>(k) * kPartSamples);
    part.count = std::min(count, part.first + kPartSamples) - part.first;
  }
  return used;
}

void AddTo(const std::vector<float>& part, std::vector<float>* sum) {
  for (std::size_t i = 0; i < part.size(); ++i) (*sum)[i] += part[i];
}

}  // namespace

// [SECTION] FastNetwork

struct FastNetwork::Impl {
  Network network;  // the source: model, and the statistics training leaves alone
  std::vector<Layer> layers;
  std::vector<FastParams> params;
  std::vector<FastParams> grads;
  std::vector<std::array<OptimizerSlot<float>, 4>> slots;  // weight, bias, gamma, beta
  std::optional<OptimizerType> slots_type;                  // the optimizer the slots belong to
  std::vector<Part> parts;
  std::vector<Scratch> scratch;  // one per thread
  std::vector<std::vector<float>> masks;  // per dropout layer, for the batch being trained
  std::mt19937_64 dropout_rng;
  bool has_batchnorm = false;
  int last_correct = 0;  // of the last ComputeGradients

  // The number of images, or why they are not a batch for this network.
  Result<int> CheckImages(std::span<const float> images) const;
  // The same, and one label below the number of classes per image.
  Result<int> CheckBatch(std::span<const float> images, std::span<const std::uint8_t> labels) const;
  void DrawMasks(int count);
  void RunForward(const Batch& batch, int count, bool backward);
};

Result<int> FastNetwork::Impl::CheckImages(std::span<const float> images) const {
  const std::size_t size = layers.front().in.Size();
  if (images.empty()) return Error("there are no images to run");
  if (images.size() % size != 0) {
    return Error(Count(images.size()) + " values are not a whole number of " + Count(size) + "-value images");
  }
  const std::size_t count = images.size() / size;
  if (count > static_cast<std::size_t>(std::numeric_limits<int>::max() / 2)) return Error("too many images at once");
  return static_cast<int>(count);
}

Result<int> FastNetwork::Impl::CheckBatch(std::span<const float> images, std::span<const std::uint8_t> labels) const {
  Result<int> count = CheckImages(images);
  if (!count) return count;
  if (labels.size() != static_cast<std::size_t>(*count)) {
    return Error(Count(static_cast<std::size_t>(*count)) + " images but " + Count(labels.size()) +
                 " labels: there must be one label per image");
  }
  const int classes = layers.back().out.c;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= classes) {
      return Error("image " + Count(i + 1) + " has label " + std::to_string(labels[i]) + " but the network has " +
                   std::to_string(classes) + " classes (labels 0 to " + std::to_string(classes - 1) + ")");
    }
  }
  return count;
}

// Each dropout layer's mask for `count` samples, as torch's dropout draws
// it: a value is kept with probability 1 - rate and then scaled by
// 1 / (1 - rate). Drawn here, before the batch is cut into parts, so that
// the masks do not depend on which thread runs which part.
void FastNetwork::Impl::DrawMasks(int count) {
  for (const Layer& l : layers) {
    if (l.type != LayerType::kDropout) continue;
    std::vector<float>& mask = masks[static_cast<std::size_t>(l.dropout)];
    mask.resize(l.in.Size() * count);
    const float keep = 1.0f / (1.0f - l.rate);
    for (float& m : mask) m = UnitUniform(dropout_rng()) < l.rate ? 0.0f : keep;
  }
}

void FastNetwork::Impl::RunForward(const Batch& batch, int count, bool backward) {
  const int used = CutBatch(count, &parts);
  std::atomic<int> next{0};
  const int threads = std::min(static_cast<int>(scratch.size()), used);
  RunThreads(threads, [&](int t) {
    Scratch* s = &scratch[static_cast<std::size_t>(t)];
    for (int k = next++; k < used; k = next++) {
      Part* w = &parts[static_cast<std::size_t>(k)];
      ForwardPart(layers, params, batch, w, s);
      if (!backward) continue;
      ReserveBackward(layers, params, w->count, w, s);
      SoftmaxCrossEntropy(layers.back().out.c, batch, w, s);
      BackwardPart(layers, params, batch, w, s);
    }
  });
}

FastNetwork::FastNetwork(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FastNetwork::FastNetwork(FastNetwork&&) noexcept = default;
FastNetwork& FastNetwork::operator=(FastNetwork&&) noexcept = default;
FastNetwork::~FastNetwork() = default;

Result<FastNetwork> FastNetwork::Create(const Network& network, int threads, std::uint64_t seed) {
  const Model& model = network.model;
  if (model.sequence) return Error("the training path runs images only: a sequence model (Conv1D) cannot be trained");
  if (model.layers.empty()) return Error("the model has no layers to train");
  Result<ModelSummary> summary = SummarizeModel(model);
  if (!summary) return summary.failure();
  if (network.params.size() != model.layers.size()) {
    return Error("the network has parameters for " + Count(network.params.size()) + " layers but " +
                 Count(model.layers.size()) + " layers");
  }
  auto impl = std::make_unique<Impl>();
  impl->network = network;
  impl->dropout_rng.seed(seed);
  Shape in{model.channels, model.height, model.width, false};
  bool params_before = false;
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const LayerSpec& spec = model.layers[i];
    const LayerParams& p = network.params[i];
    if (IsOneDimensional(spec.type)) {
      return Error(LayerLabel(model.layers, i) + ": the 1-D layers cannot be trained here yet");
    }
    Layer l;
    l.type = spec.type;
    l.in = in;
    l.out = ShapeOf(summary->layers[i].output_shape);
    l.needs_input_grad = params_before;
    if (spec.type == LayerType::kConv2d || spec.type == LayerType::kMaxPool2d || spec.type == LayerType::kAvgPool2d) {
      l.window = WindowOf(spec, in);
      const Window& w = l.window;
      l.tap_rows = TapRanges(w.kh, w.dh, w.pad_top, w.sh, in.h, l.out.h);
      l.tap_cols = TapRanges(w.kw, w.dw, w.pad_left, w.sw, in.w, l.out.w);
    }
    const std::string problem = CheckParams(spec, in, l.out, p);
    if (!problem.empty()) return Error(LayerLabel(model.layers, i) + ": " + problem);
    if (spec.type == LayerType::kDropout) {
      l.rate = static_cast<float>(spec.rate);
      l.dropout = static_cast<int>(impl->masks.size());
      impl->masks.emplace_back();
    }
    if (spec.type == LayerType::kBatchNorm) {
      impl->has_batchnorm = true;
      for (std::size_t c = 0; c < p.gamma.size(); ++c) {
        const double inv_std = 1.0 / std::sqrt(p.moving_variance[c] + p.epsilon);
        l.bn_inv_std.push_back(static_cast<float>(inv_std));
        l.bn_scale.push_back(static_cast<float>(p.gamma[c] * inv_std));
        l.bn_mean.push_back(static_cast<float>(p.moving_mean[c]));
      }
    }
    impl->params.push_back({ToFloat(p.weight), ToFloat(p.bias), ToFloat(p.gamma), ToFloat(p.beta)});
    params_before = params_before || !p.weight.empty() || !p.gamma.empty();
    impl->layers.push_back(std::move(l));
    in = impl->layers.back().out;
  }
  if (!in.flat) {
    return Error("the last layer gives a " + std::to_string(in.h) + "\u00d7" + std::to_string(in.w) + "\u00d7" +
                 std::to_string(in.c) + " map, but training needs one score per class: end the model with "
                 "Flatten and Dense");
  }
  impl->slots.resize(impl->layers.size());
  FastNetwork net(std::move(impl));
  net.SetThreads(threads);
  return net;
}

int FastNetwork::InputSize() const { return static_cast<int>(impl_->layers.front().in.Size()); }
int FastNetwork::Classes() const { return impl_->layers.back().out.c; }
int FastNetwork::threads() const { return static_cast<int>(impl_->scratch.size()); }

void FastNetwork::SetThreads(int threads) {
  impl_->scratch.resize(static_cast<std::size_t>(std::clamp(threads, 1, kMaxThreads)));
}

Result<std::vector<float>> FastNetwork::Forward(std::span<const float> images) {
  Result<int> checked = impl_->CheckImages(images);
  if (!checked) return checked.failure();
  const int count = *checked;
  impl_->RunForward({images.data(), nullptr, nullptr, count}, count, false);
  const auto classes = static_cast<std::size_t>(Classes());
  std::vector<float> logits;
  logits.reserve(classes * count);
  for (const Part& w : impl_->parts) {
    if (w.count > 0) logits.insert(logits.end(), w.acts.back().data(), w.acts.back().data() + classes * w.count);
  }
  return logits;
}

Result<double> FastNetwork::ComputeGradients(std::span<const float> images, std::span<const std::uint8_t> labels,
                                             FastMode mode) {
  Impl& m = *impl_;
  Result<int> checked = m.CheckBatch(images, labels);
  if (!checked) return checked.failure();
  if (mode == FastMode::kTrain && m.has_batchnorm) {
    return Error("batchnorm cannot be trained here yet (its batch statistics are not computed): remove it to "
                 "train, or evaluate the network as it is");
  }
  const int count = *checked;
  const bool dropout = mode == FastMode::kTrain && !m.masks.empty();
  if (dropout) m.DrawMasks(count);
  m.RunForward({images.data(), labels.data(), dropout ? &m.masks : nullptr, count}, count, true);
  // The parts' sums in their order: the same whichever thread ran which.
  double loss = 0.0;
  m.grads = m.parts.front().grads;
  for (std::size_t k = 1; k < m.parts.size(); ++k) {
    const Part& w = m.parts[k];
    if (w.count == 0) continue;
    for (std::size_t i = 0; i < m.grads.size(); ++i) {
      AddTo(w.grads[i].weight, &m.grads[i].weight);
      AddTo(w.grads[i].bias, &m.grads[i].bias);
      AddTo(w.grads[i].gamma, &m.grads[i].gamma);
      AddTo(w.grads[i].beta, &m.grads[i].beta);
    }
  }
  m.last_correct = 0;
  for (const Part& w : m.parts) {
    loss += w.count > 0 ? w.loss : 0.0;
    m.last_correct += w.count > 0 ? w.correct : 0;
  }
  return loss / count;
}

void FastNetwork::Step(const OptimizerSpec& spec) {
  Impl& m = *impl_;
  if (m.grads.size() != m.params.size()) return;  // no gradients yet
  if (m.slots_type != spec.type) {
    // Another optimizer: its state starts afresh, as a new torch.optim one's.
    m.slots.assign(m.params.size(), {});
    m.slots_type = spec.type;
  }
  for (std::size_t i = 0; i < m.params.size(); ++i) {
    FastParams& p = m.params[i];
    const FastParams& g = m.grads[i];
    std::array<OptimizerSlot<float>, 4>& s = m.slots[i];
    if (!p.weight.empty()) OptimizerStep(spec, p.weight.data(), g.weight.data(), p.weight.size(), &s[0]);
    if (!p.bias.empty()) OptimizerStep(spec, p.bias.data(), g.bias.data(), p.bias.size(), &s[1]);
    if (!p.gamma.empty()) OptimizerStep(spec, p.gamma.data(), g.gamma.data(), p.gamma.size(), &s[2]);
    if (!p.beta.empty()) OptimizerStep(spec, p.beta.data(), g.beta.data(), p.beta.size(), &s[3]);
  }
}

Result<double> FastNetwork::TrainBatch(std::span<const float> images, std::span<const std::uint8_t> labels,
                                       const OptimizerSpec& spec) {
  Result<double> loss = ComputeGradients(images, labels, FastMode::kTrain);
  if (loss) Step(spec);
  return loss;
}

int FastNetwork::LastBatchCorrect() const { return impl_->last_correct; }

Result<double> FastNetwork::Evaluate(std::span<const float> images, std::span<const std::uint8_t> labels,
                                     int batch_size) {
  Result<Evaluation> e = Measure(images, labels, batch_size);
  if (!e) return e.failure();
  return e->accuracy;
}

Result<Evaluation> FastNetwork::Measure(std::span<const float> images, std::span<const std::uint8_t> labels,
                                        int batch_size) {
  Impl& m = *impl_;
  Result<int> checked = m.CheckBatch(images, labels);
  if (!checked) return checked.failure();
  if (batch_size < 1) return Error("the batch size must be at least 1");
  const std::size_t size = m.layers.front().in.Size();
  const int classes = Classes();
  const int total = *checked;
  long long correct = 0;
  double loss = 0.0;
  std::vector<float> e(static_cast<std::size_t>(classes));
  for (int first = 0; first < total; first += batch_size) {
    const int count = std::min(batch_size, total - first);
    m.RunForward({images.data() + size * first, labels.data() + first, nullptr, count}, count, false);
    for (const Part& w : m.parts) {
      for (int b = 0; b < w.count; ++b) {
        const int label = labels[static_cast<std::size_t>(first + w.first + b)];
        const SampleLoss one = SoftmaxOf(w.acts.back().data() + static_cast<std::size_t>(b) * classes, classes, label, e.data());
        correct += one.right ? 1 : 0;
        loss += one.loss;
      }
    }
  }
  return Evaluation{static_cast<double>(correct) / total, loss / total};
}

std::vector<float> FastNetwork::LayerOutput(int layer, int index) const {
  const Impl& m = *impl_;
  if (layer < 0 || static_cast<std::size_t>(layer) >= m.layers.size()) return {};
  for (const Part& w : m.parts) {
    if (index < w.first || index >= w.first + w.count) continue;
    const Shape& s = m.layers[static_cast<std::size_t>(layer)].out;
    const std::vector<float>& act = w.acts[static_cast<std::size_t>(layer) + 1];
    const int b = index - w.first;
    if (s.flat) {
      const auto begin = act.begin() + static_cast<std::ptrdiff_t>(s.Size() * b);
      return std::vector<float>(begin, begin + static_cast<std::ptrdiff_t>(s.Size()));
    }
    std::vector<float> out;
    out.reserve(s.Size());
    const std::size_t plane = static_cast<std::size_t>(s.Plane());
    for (int c = 0; c < s.c; ++c) {
      const auto begin = act.begin() + static_cast<std::ptrdiff_t>((static_cast<std::size_t>(c) * w.count + b) * plane);
      out.insert(out.end(), begin, begin + static_cast<std::ptrdiff_t>(plane));
    }
    return out;
  }
  return {};
}

const FastParams& FastNetwork::Gradients(int layer) const {
  static const FastParams kNone;
  const std::vector<FastParams>& grads = impl_->grads;
  if (layer < 0 || static_cast<std::size_t>(layer) >= grads.size()) return kNone;
  return grads[static_cast<std::size_t>(layer)];
}

const FastParams& FastNetwork::Params(int layer) const {
  static const FastParams kNone;
  const std::vector<FastParams>& params = impl_->params;
  if (layer < 0 || static_cast<std::size_t>(layer) >= params.size()) return kNone;
  return params[static_cast<std::size_t>(layer)];
}

Network FastNetwork::ToNetwork() const {
  Network out = impl_->network;
  for (std::size_t i = 0; i < out.params.size(); ++i) {
    const FastParams& p = impl_->params[i];
    out.params[i].weight = ToDouble(p.weight);
    out.params[i].bias = ToDouble(p.bias);
    out.params[i].gamma = ToDouble(p.gamma);
    out.params[i].beta = ToDouble(p.beta);
  }
  return out;
}

}  // namespace convstep
