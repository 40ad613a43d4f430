// The Conv2d specification (PyTorch's names and semantics) and its
// validation into a geometry every other part of the core relies on.
#pragma once

#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/conv/output_size.h"
#include "core/conv/tensor.h"

namespace convstep {

// The largest padded side, kernel side or dilation the core accepts: far
// beyond any picture a student steps through, small enough that no size
// arithmetic overflows.
constexpr int kMaxSide = 16384;

enum class PaddingMode { kZeros, kReflect, kReplicate, kCircular };

// Padding as the user wrote it: explicit amounts, Keras's "valid"/"same",
// or Keras Conv1D's "causal": d(K - 1) before along the width (the time
// axis) and nothing after, so an output reads only the present and the past.
struct PaddingSpec {
  enum class Kind { kExplicit, kValid, kSame, kCausal };
  Kind kind = Kind::kExplicit;
  int top = 0;  // the four amounts are used only when kind == kExplicit
  int bottom = 0;
  int left = 0;
  int right = 0;
};

// Padding resolved to amounts, [top, bottom, left, right].
struct Padding4 {
  int top = 0;
  int bottom = 0;
  int left = 0;
  int right = 0;
  bool operator==(const Padding4&) const = default;
};

struct Conv2dSpec {
  Tensor3 input;                                // [C_in][H][W]
  Tensor4 weight;                               // [C_out][C_in/groups][kH][kW]
  std::vector<double> bias;                     // C_out values, or empty for no bias
  Pair stride{1, 1};                            // step between windows
  Pair dilation{1, 1};                          // spacing between kernel taps
  int groups = 1;                               // input and output channels split in this many groups
  PaddingSpec padding;                          // zero padding by default
  PaddingMode padding_mode = PaddingMode::kZeros;  // what the padding ring holds
};

// Everything derived from a valid spec: sizes, resolved padding, and the
// per-axis output-size arithmetic.
struct Conv2dGeometry {
  int in_channels = 0;
  int in_h = 0;
  int in_w = 0;
  int out_channels = 0;
  int kernel_h = 0;
  int kernel_w = 0;
  int groups = 1;
  int in_per_group = 0;   // C_in / groups: channels each filter sees
  int out_per_group = 0;  // C_out / groups
  Pair stride;
  Pair dilation;
  Padding4 padding;
  PaddingMode padding_mode = PaddingMode::kZeros;
  int padded_h = 0;
  int padded_w = 0;
  int out_h = 0;
  int out_w = 0;
  AxisSize axis_h;
  AxisSize axis_w;

  int TotalSteps() const { return out_channels * out_h * out_w; }
  // First input channel seen by filter `oc`.
  int FirstInputChannel(int oc) const { return (oc / out_per_group) * in_per_group; }
};

// Keras/TensorFlow's "same" padding for one axis: out = ceil(n / s), total
// padding max((out - 1)s + d(k - 1) + 1 - n, 0), the smaller half before.
void SamePadding(int n, int k, int s, int d, int* before, int* after);

// Keras Conv1D's "causal" padding before the signal: d(k - 1), so the last
// tap of output t's window is input t and no tap reads the future (none is
// added after).
inline int CausalPadding(int k, int d) { return d * (k - 1); }

// Why the padding mode cannot fill `pad` positions beside an input of `n`
// along one axis (reflect mirrors without repeating the edge, so it needs
// pad < n; circular wraps once, so pad <= n: PyTorch's limits), or "".
// `axis_noun` names what the axis counts: "row", "column", "sample".
std::string CheckPaddingModeFits(PaddingMode mode, int pad, int n, const char* axis_noun);

// Checks the spec and derives its geometry, or says in one sentence what is
// wrong ("the filter has 3 channels but the image has 2: they must match").
Result<Conv2dGeometry> ResolveConv2d(const Conv2dSpec& spec);

// The value at padded position (py, px) of channel c: the input inside, and in
// the padding ring zero or what the padding mode copies there.
double PaddedValue(const Tensor3& input, const Conv2dGeometry& geo, int c, int py, int px);

// The input position a padded position reads from (itself shifted inside, the
// mirrored, clamped or wrapped one in the ring); false for zero padding.
bool SourceOfPadded(const Conv2dGeometry& geo, int py, int px, int* y, int* x);

const char* PaddingModeName(PaddingMode mode);

// A 1-D convolution in the 2-D one's clothes: one input row, kernels one
// row high, no padding above or below. Conv1d is this (see conv1d.h), and
// the window draws it as waveforms rather than strips of cells.
inline bool IsSignal(const Conv2dGeometry& g) {
  return g.in_h == 1 && g.kernel_h == 1 && g.padding.top == 0 && g.padding.bottom == 0;
}

}  // namespace convstep
