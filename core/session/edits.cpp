#include "core/session/edits.h"

#include <algorithm>
#include <cmath>

#include "core/base/shortest_number.h"
#include "core/conv/fill.h"

namespace convstep {

namespace {

std::string Number(double v) {
  std::string s;
  AppendShortest(v, &s);
  return s;
}

std::string PairText(Pair p) { return p.h == p.w ? std::to_string(p.h) : std::to_string(p.h) + "×" + std::to_string(p.w); }

std::string PaddingText(const PaddingSpec& p) {
  switch (p.kind) {
    case PaddingSpec::Kind::kValid: return "valid";
    case PaddingSpec::Kind::kSame: return "same";
    case PaddingSpec::Kind::kCausal: return "causal";
    case PaddingSpec::Kind::kExplicit: break;
  }
  if (p.top == p.bottom && p.left == p.right) return PairText({p.top, p.left});
  return std::to_string(p.top) + "," + std::to_string(p.bottom) + "," + std::to_string(p.left) + "," +
         std::to_string(p.right);
}

std::string ShapeText(int c, int h, int w) { return std::to_string(c) + "×" + std::to_string(h) + "×" + std::to_string(w); }

bool PairAtLeast(Pair p, int lo) { return p.h >= lo && p.w >= lo; }
bool PairWithin(Pair p, int lo, int hi) { return PairAtLeast(p, lo) && p.h <= hi && p.w <= hi; }

// The filters follow the input's channel count (groups fall back to 1 when
// they no longer divide it).
void FollowInputChannels(Conv2dSpec* spec) {
  if (spec->input.c % spec->groups != 0) spec->groups = 1;
  spec->weight = ResizedWeights(spec->weight, spec->weight.n, spec->input.c / spec->groups, spec->weight.h,
                                spec->weight.w);
}

std::vector<double>& FillValues(Conv2dSpec* spec, FillTarget target) {
  return target == FillTarget::kInput ? spec->input.data : spec->weight.data;
}

const char* FillWhere(FillTarget target) { return target == FillTarget::kInput ? "input" : "kernels"; }

}  // namespace

Result<ConvEdit> SetKernelSize(const Conv2dSpec& spec, Pair size) {
  if (!PairWithin(size, 1, kMaxKernelSide)) {
    return Error{"the kernel is 1 to " + std::to_string(kMaxKernelSide) + " cells on a side"};
  }
  ConvEdit e{spec, {"kernel", "", PairText({spec.weight.h, spec.weight.w}), PairText(size)}};
  e.spec.weight = ResizedWeights(spec.weight, spec.weight.n, spec.weight.c, size.h, size.w);
  return e;
}

Result<ConvEdit> SetStride(const Conv2dSpec& spec, Pair stride) {
  if (!PairWithin(stride, 1, kMaxStride)) return Error{"stride must be 1 to " + std::to_string(kMaxStride)};
  ConvEdit e{spec, {"stride", "", PairText(spec.stride), PairText(stride)}};
  e.spec.stride = stride;
  return e;
}

Result<ConvEdit> SetDilation(const Conv2dSpec& spec, Pair dilation) {
  if (!PairWithin(dilation, 1, kMaxDilation)) return Error{"dilation must be 1 to " + std::to_string(kMaxDilation)};
  ConvEdit e{spec, {"dilation", "", PairText(spec.dilation), PairText(dilation)}};
  e.spec.dilation = dilation;
  return e;
}

Result<ConvEdit> SetPadding(const Conv2dSpec& spec, const PaddingSpec& padding) {
  if (padding.kind == PaddingSpec::Kind::kExplicit &&
      (std::min({padding.top, padding.bottom, padding.left, padding.right}) < 0 ||
       std::max({padding.top, padding.bottom, padding.left, padding.right}) > kMaxPadding)) {
    return Error{"padding must be 0 to " + std::to_string(kMaxPadding)};
  }
  ConvEdit e{spec, {"padding", "", PaddingText(spec.padding), PaddingText(padding)}};
  e.spec.padding = padding;
  return e;
}

ConvEdit SetPaddingMode(const Conv2dSpec& spec, PaddingMode mode) {
  ConvEdit e{spec, {"padding_mode", "", PaddingModeName(spec.padding_mode), PaddingModeName(mode)}};
  e.spec.padding_mode = mode;
  return e;
}

Result<ConvEdit> SetGroups(const Conv2dSpec& spec, int groups) {
  if (groups < 1 || spec.input.c % groups != 0 || spec.weight.n % groups != 0) {
    return Error{"groups must divide both the " + std::to_string(spec.input.c) + " input channels and the " +
                 std::to_string(spec.weight.n) + " filters: " + std::to_string(groups) + " does not"};
  }
  ConvEdit e{spec, {"groups", "", std::to_string(spec.groups), std::to_string(groups)}};
  e.spec.groups = groups;
  e.spec.weight = ResizedWeights(spec.weight, spec.weight.n, spec.input.c / groups, spec.weight.h, spec.weight.w);
  return e;
}

Result<ConvEdit> SetFilterCount(const Conv2dSpec& spec, int filters) {
  if (filters < 1 || filters > kMaxFilters) return Error{"filters must be 1 to " + std::to_string(kMaxFilters)};
  ConvEdit e{spec, {"filters", "", std::to_string(spec.weight.n), std::to_string(filters)}};
  e.spec.weight = ResizedWeights(spec.weight, filters, spec.weight.c, spec.weight.h, spec.weight.w);
  if (!e.spec.bias.empty()) e.spec.bias.resize(static_cast<size_t>(filters), 0.0);
  return e;
}

ConvEdit SetBias(const Conv2dSpec& spec, bool on) {
  ConvEdit e{spec, {"bias", "", spec.bias.empty() ? "off" : "on", on ? "on" : "off"}};
  e.spec.bias = on ? std::vector<double>(static_cast<size_t>(spec.weight.n), 0.0) : std::vector<double>{};
  return e;
}

Result<ConvEdit> SetBiasValue(const Conv2dSpec& spec, int filter, double value) {
  if (filter < 0 || static_cast<size_t>(filter) >= spec.bias.size()) return Error{"no bias for that filter"};
  if (!std::isfinite(value)) return Error{"a bias must be a finite number"};
  ConvEdit e{spec, {"bias_value", std::to_string(filter), Number(spec.bias[static_cast<size_t>(filter)]), Number(value)}};
  e.spec.bias[static_cast<size_t>(filter)] = value;
  return e;
}

Result<ConvEdit> ResizeInput(const Conv2dSpec& spec, int channels, int rows, int cols) {
  if (channels < 1 || channels > kMaxInputChannels || rows < 1 || rows > kMaxInputSide || cols < 1 ||
      cols > kMaxInputSide) {
    return Error{"the input has 1 to " + std::to_string(kMaxInputChannels) + " channels of 1 to " +
                 std::to_string(kMaxInputSide) + " rows and columns"};
  }
  ConvEdit e{spec, {"input_size", "", ShapeText(spec.input.c, spec.input.h, spec.input.w), ShapeText(channels, rows, cols)}};
  e.spec.input = ResizedInput(spec.input, channels, rows, cols);
  FollowInputChannels(&e.spec);
  return e;
}

Result<ConvEdit> ReplaceInput(const Conv2dSpec& spec, const Tensor3& input, const std::string& source) {
  if (input.c < 1 || input.h < 1 || input.w < 1 || input.data.size() != static_cast<size_t>(input.c) * input.h * input.w) {
    return Error{"the new input is empty"};
  }
  ConvEdit e{spec, {"input", source, ShapeText(spec.input.c, spec.input.h, spec.input.w), ShapeText(input.c, input.h, input.w)}};
  e.spec.input = input;
  FollowInputChannels(&e.spec);
  return e;
}

Result<ConvEdit> SetCell(const Conv2dSpec& spec, const GridRef& grid, int row, int col, double value) {
  if (!GridExists(spec, grid)) return Error{"there is no grid " + GridRefName(grid)};
  if (row < 0 || col < 0 || row >= GridRows(spec, grid) || col >= GridCols(spec, grid)) {
    return Error{"the cell is outside the grid"};
  }
  if (!std::isfinite(value)) return Error{"a cell must hold a finite number"};
  ConvEdit e{spec, {"cell", GridRefName(grid) + "@" + std::to_string(row) + "," + std::to_string(col), "", Number(value)}};
  double& cell = grid.kind == GridRef::Kind::kKernel ? e.spec.weight.at(grid.first, grid.second, row, col)
                                                      : e.spec.input.at(grid.first, row, col);
  e.note.from = Number(cell);
  cell = value;
  return e;
}

bool PasteFits(const Conv2dSpec& spec, const GridRef& target, const Tensor3& grid) {
  if (target.kind == GridRef::Kind::kKernel) return grid.c == 1 && grid.h == spec.weight.h && grid.w == spec.weight.w;
  return grid.h == spec.input.h && grid.w == spec.input.w && (grid.c == 1 || grid.c == spec.input.c);
}

Result<ConvEdit> PasteGrid(const Conv2dSpec& spec, const GridRef& target, const Tensor3& grid, PasteFit fit) {
  if (!GridExists(spec, target)) return Error{"there is no grid " + GridRefName(target) + " to paste into"};
  if (grid.c < 1 || grid.h < 1 || grid.w < 1) return Error{"the pasted grid is empty"};
  ConvEdit e{spec, {"paste", GridRefName(target), "", ShapeText(grid.c, grid.h, grid.w)}};
  Conv2dSpec& s = e.spec;
  if (target.kind == GridRef::Kind::kKernel) {
    if (fit == PasteFit::kResize) {
      if (grid.h > kMaxKernelSide || grid.w > kMaxKernelSide) {
        return Error{"a kernel is at most " + std::to_string(kMaxKernelSide) + " cells on a side"};
      }
      s.weight = ResizedWeights(s.weight, s.weight.n, s.weight.c, grid.h, grid.w);
      // Every filter's kernel changes size with the one pasted into: said, not silent.
      if (grid.h != spec.weight.h || grid.w != spec.weight.w) {
        e.note = {"paste_resize_kernels", GridRefName(target), SizeText(spec.weight.h, spec.weight.w),
                  SizeText(grid.h, grid.w)};
      }
    }
    for (int y = 0; y < std::min(grid.h, s.weight.h); ++y) {
      for (int x = 0; x < std::min(grid.w, s.weight.w); ++x) s.weight.at(target.first, target.second, y, x) = grid.at(0, y, x);
    }
    return e;
  }
  const int first = grid.c > 1 ? 0 : target.first;
  if (fit == PasteFit::kResize) {
    const int channels = std::max(s.input.c, first + grid.c);
    if (channels > kMaxInputChannels || grid.h > kMaxInputSide || grid.w > kMaxInputSide) {
      return Error{"the pasted grid is larger than an input can be"};
    }
    s.input = ResizedInput(s.input, channels, grid.h, grid.w);
    // The channels not pasted into are cut or padded with zeros the same
    // way: the note says so, with the whole input's shape before and after.
    if (grid.h != spec.input.h || grid.w != spec.input.w) {
      e.note = {"paste_resize", GridRefName(target), ShapeText(spec.input.c, spec.input.h, spec.input.w),
                ShapeText(channels, grid.h, grid.w)};
    }
  }
  for (int c = 0; c < grid.c && first + c < s.input.c; ++c) {
    for (int y = 0; y < std::min(grid.h, s.input.h); ++y) {
      for (int x = 0; x < std::min(grid.w, s.input.w); ++x) s.input.at(first + c, y, x) = grid.at(c, y, x);
    }
  }
  FollowInputChannels(&s);
  return e;
}

ConvEdit FillZeros(const Conv2dSpec& spec, FillTarget target) {
  ConvEdit e{spec, {"fill_zeros", FillWhere(target), "", ""}};
  std::vector<double>& values = FillValues(&e.spec, target);
  std::fill(values.begin(), values.end(), 0.0);
  return e;
}

Result<ConvEdit> FillRandom(const Conv2dSpec& spec, FillTarget target, std::uint32_t seed, int lo, int hi) {
  ConvEdit e{spec, {"fill_random", FillWhere(target), "", std::to_string(lo) + ".." + std::to_string(hi)}};
  Result<bool> filled = FillRandomIntegers(&FillValues(&e.spec, target), seed, lo, hi);
  if (!filled) return Error{filled.error()};
  return e;
}

Result<ConvEdit> ApplyClassicKernel(const Conv2dSpec& spec, int filter, const std::string& name) {
  if (filter < 0 || filter >= spec.weight.n) return Error{"there is no filter " + std::to_string(filter)};
  Result<std::vector<double>> kernel = ClassicKernel(name);
  if (!kernel) return Error{kernel.error()};
  ConvEdit e{spec, {"classic_kernel", std::to_string(filter), "", name}};
  Tensor4& w = e.spec.weight;
  w = ResizedWeights(w, w.n, w.c, 3, 3);
  for (int c = 0; c < w.c; ++c) {
    std::copy(kernel->begin(), kernel->end(), w.data.begin() + static_cast<std::ptrdiff_t>(w.Index(filter, c, 0, 0)));
  }
  return e;
}

}  // namespace convstep
