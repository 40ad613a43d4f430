// The edits a user makes to the convolution, each a pure function from a
// spec to the edited spec and a note of what changed ("filters 2 → 1"). The
// parameter panel, the cell editors, the paste, the fill tools, the file
// actions and the script runner all call these, so every edit has one
// implementation. An edit refuses arguments that name nothing in the spec
// (a filter that does not exist, a cell outside the grid, a size below 1);
// whether the edited spec is a convolution that can run is checked after,
// by ConvStepper::Create, in the state that commits it.
#pragma once

#include <cstdint>
#include <string>

#include "core/base/result.h"
#include "core/conv/conv_spec.h"
#include "core/conv/tensor.h"
#include "core/session/grid_ref.h"

namespace convstep {

// What an edit changed, in parts a window can translate: `what` is a fixed
// name ("filters", "stride", "cell", "paste", ...), `where` a grid name
// (GridRefName) or empty, `from` and `to` the values as text (either may be
// empty when there is no single value, as for a paste).
struct EditNote {
  std::string what;
  std::string where;
  std::string from;
  std::string to;
  bool operator==(const EditNote&) const = default;
};

struct ConvEdit {
  Conv2dSpec spec;
  EditNote note;
};

// The limits of the parameter panel's controls, which scripts and the
// monkey share: the window shows grids up to these sizes.
constexpr int kMaxKernelSide = 9;
constexpr int kMaxFilters = 8;
constexpr int kMaxInputChannels = 16;
constexpr int kMaxInputSide = 256;
// Stride, dilation and padding beyond these make a plane no panel can draw
// (padding 1000 pads a 6×6 input to 2006×2006) or an output of one cell;
// PyTorch allows them, a lesson does not need them.
constexpr int kMaxStride = 32;
constexpr int kMaxDilation = 32;
constexpr int kMaxPadding = 32;

// Kernel height and width (1 to kMaxKernelSide); weights that still fit are kept.
Result<ConvEdit> SetKernelSize(const Conv2dSpec& spec, Pair size);
Result<ConvEdit> SetStride(const Conv2dSpec& spec, Pair stride);      // 1 to kMaxStride
Result<ConvEdit> SetDilation(const Conv2dSpec& spec, Pair dilation);  // 1 to kMaxDilation
// Explicit amounts 0 to kMaxPadding, or Keras's "valid" and "same".
Result<ConvEdit> SetPadding(const Conv2dSpec& spec, const PaddingSpec& padding);
ConvEdit SetPaddingMode(const Conv2dSpec& spec, PaddingMode mode);
// Input and output channels split into `groups` groups, each filter seeing
// only its group's C_in/groups channels (PyTorch's weight [C_out][C_in/groups]
// [kH][kW]: the filters' channel slices follow, weights that still fit are
// kept); refused unless groups divides both the input channels and the filters.
Result<ConvEdit> SetGroups(const Conv2dSpec& spec, int groups);
// 1 to kMaxFilters filters; new filters start at 0, and so do their biases.
Result<ConvEdit> SetFilterCount(const Conv2dSpec& spec, int filters);
// A bias per filter (all 0) or none.
ConvEdit SetBias(const Conv2dSpec& spec, bool on);
Result<ConvEdit> SetBiasValue(const Conv2dSpec& spec, int filter, double value);
// The input resized to channels × rows × columns (new cells 0); the filters
// follow the channel count, and groups fall back to 1 when they no longer divide it.
Result<ConvEdit> ResizeInput(const Conv2dSpec& spec, int channels, int rows, int cols);
// A whole new input (an opened grid or picture), the filters following its channels.
Result<ConvEdit> ReplaceInput(const Conv2dSpec& spec, const Tensor3& input, const std::string& source);
// One value of a grid, at (row, col) of the unpadded grid.
Result<ConvEdit> SetCell(const Conv2dSpec& spec, const GridRef& grid, int row, int col, double value);

// A grid pasted into `target`. kResize first makes the target the pasted
// size (a kernel's whole bank; the input's rows and columns); kTopLeft
// writes what overlaps from the top-left corner. Several channels replace
// the input from channel 0; into a kernel only the first channel goes. A
// resize changes every channel of the input (or every filter's kernel) the
// same way, and its note says so: "paste_resize" ("paste_resize_kernels"),
// from and to the whole input's (the kernels') size.
enum class PasteFit { kResize, kTopLeft };
Result<ConvEdit> PasteGrid(const Conv2dSpec& spec, const GridRef& target, const Tensor3& grid, PasteFit fit);
// Whether the pasted grid already has the target's size (no question to ask).
bool PasteFits(const Conv2dSpec& spec, const GridRef& target, const Tensor3& grid);

// The fill tools, on the whole input or on every filter.
enum class FillTarget { kInput, kKernels };
ConvEdit FillZeros(const Conv2dSpec& spec, FillTarget target);
Result<ConvEdit> FillRandom(const Conv2dSpec& spec, FillTarget target, std::uint32_t seed, int lo, int hi);
// A classic 3×3 kernel (ClassicKernelNames) into every channel slice of one
// filter; the bank becomes 3×3 first.
Result<ConvEdit> ApplyClassicKernel(const Conv2dSpec& spec, int filter, const std::string& name);

}  // namespace convstep
