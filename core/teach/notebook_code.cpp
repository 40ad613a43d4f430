// Index of this file:
// [SECTION] Python literals
// [SECTION] Keras layouts

#include "core/teach/notebook_code.h"

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

#include "core/base/shortest_number.h"
#include "core/conv/conv_spec.h"

namespace convstep {

namespace {

// [SECTION] Python literals

// A number Python reads back as the same double. -0 is written -0.0 because
// Python's -0 is the integer 0 and would lose the sign.
void AppendPythonNumber(double v, std::string* out) {
  if (v == 0 && std::signbit(v)) *out += "-0.0";
  else AppendShortest(v, out);
}

// The row-major `values` shaped `shape` as a Python nested list: the last
// `inline_dims` dimensions on one line, so that a line is one row of the grid
// as the window shows it; outer levels one item per line, four spaces deeper
// at each `depth`.
void AppendNestedList(const double* values, std::span<const int> shape, int inline_dims, int depth,
                      std::string* out) {
  std::size_t block = 1;
  for (int d : shape.subspan(1)) block *= static_cast<std::size_t>(d);
  *out += "[";
  const bool one_line = static_cast<int>(shape.size()) <= inline_dims;
  const std::string inner(4 * (static_cast<std::size_t>(depth) + 1), ' ');
  for (int i = 0; i < shape[0]; ++i) {
    if (one_line) *out += i == 0 ? "" : ", ";
    else *out += (i == 0 ? "\n" : ",\n") + inner;
    if (shape.size() == 1) AppendPythonNumber(values[i], out);
    else AppendNestedList(values + i * block, shape.subspan(1), inline_dims, depth + 1, out);
  }
  if (!one_line) *out += "\n" + std::string(4 * static_cast<std::size_t>(depth), ' ');
  *out += "]";
}

std::string NestedList(const std::vector<double>& values, std::span<const int> shape, int inline_dims) {
  std::string list;
  AppendNestedList(values.data(), shape, inline_dims, 0, &list);
  return list;
}

std::string PythonPair(int a, int b) { return "(" + std::to_string(a) + ", " + std::to_string(b) + ")"; }
std::string PythonPair(Pair p) { return PythonPair(p.h, p.w); }

std::string InvalidSpecComment(const std::string& error) {
  return "# the convolution spec is invalid: " + error + "\n";
}

// [SECTION] Keras layouts

// The input [C][H][W] as Keras's [1][H][W][C] (NHWC).
std::vector<double> InputNhwc(const Tensor3& input) {
  std::vector<double> nhwc;
  nhwc.reserve(input.data.size());
  for (int y = 0; y < input.h; ++y)
    for (int x = 0; x < input.w; ++x)
      for (int c = 0; c < input.c; ++c) nhwc.push_back(input.at(c, y, x));
  return nhwc;
}

// The weight [C_out][C_in/groups][kH][kW] (OIHW) as Keras's kernel
// [kH][kW][C_in/groups][C_out] (HWIO).
std::vector<double> KernelHwio(const Tensor4& weight) {
  std::vector<double> hwio;
  hwio.reserve(weight.data.size());
  for (int ky = 0; ky < weight.h; ++ky)
    for (int kx = 0; kx < weight.w; ++kx)
      for (int c = 0; c < weight.c; ++c)
        for (int f = 0; f < weight.n; ++f) hwio.push_back(weight.at(f, c, ky, kx));
  return hwio;
}

}  // namespace

std::string PytorchCode(const Session& session) {
  const Conv2dSpec& spec = session.conv;
  const Result<Conv2dGeometry> resolved = ResolveConv2d(spec);
  if (!resolved.ok()) return InvalidSpecComment(resolved.error());
  const Conv2dGeometry& geo = *resolved;
  const Padding4& pad = geo.padding;

  std::string code = "import torch\nimport torch.nn.functional as F\n\n";
  const int input_shape[] = {spec.input.c, spec.input.h, spec.input.w};
  code += "# The input, [1, C, H, W]: one line per image row.\n";
  code += "x = torch.tensor(" + NestedList(spec.input.data, input_shape, 1) +
          ", dtype=torch.float64).unsqueeze(0)\n";
  const int weight_shape[] = {spec.weight.n, spec.weight.c, spec.weight.h, spec.weight.w};
  code += "# The weight, [C_out, C_in/groups, kH, kW].\n";
  code += "w = torch.tensor(" + NestedList(spec.weight.data, weight_shape, 1) + ", dtype=torch.float64)\n";
  if (spec.bias.empty()) {
    code += "b = None\n";
  } else {
    const int bias_shape[] = {static_cast<int>(spec.bias.size())};
    code += "b = torch.tensor(" + NestedList(spec.bias, bias_shape, 1) + ", dtype=torch.float64)\n";
  }

  // conv2d pads only with zeros, only symmetrically, and its 'same' (which
  // puts the odd pixel after, as Keras does) only with stride 1: anything
  // else is padded by F.pad first, with the amounts the window shows.
  const bool zeros = geo.padding_mode == PaddingMode::kZeros;
  std::string conv_padding = "0";  // no padding at all, or F.pad did it
  if (pad == Padding4{}) {
    // "valid", or amounts that are all 0
  } else if (zeros && spec.padding.kind == PaddingSpec::Kind::kSame && geo.stride == Pair{1, 1}) {
    conv_padding = "'same'";
  } else if (zeros && spec.padding.kind == PaddingSpec::Kind::kExplicit && pad.top == pad.bottom &&
             pad.left == pad.right) {
    conv_padding = PythonPair(pad.top, pad.left);
  } else {
    const char* mode = zeros ? "constant" : PaddingModeName(geo.padding_mode);
    code += "# F.pad takes (left, right, top, bottom).\n";
    code += "x = F.pad(x, (" + std::to_string(pad.left) + ", " + std::to_string(pad.right) + ", " +
            std::to_string(pad.top) + ", " + std::to_string(pad.bottom) + "), mode='" + mode + "')\n";
  }
  code += "y = F.conv2d(x, w, b, stride=" + PythonPair(geo.stride) + ", padding=" + conv_padding +
          ", dilation=" + PythonPair(geo.dilation) + ", groups=" + std::to_string(geo.groups) + ")\n";
  if (session.activation == Activation::kRelu) code += "y = torch.relu(y)\n";
  code += "print(y)\n";
  return code;
}

std::string KerasCode(const Session& session) {
  const Conv2dSpec& spec = session.conv;
  const Result<Conv2dGeometry> resolved = ResolveConv2d(spec);
  if (!resolved.ok()) return InvalidSpecComment(resolved.error());
  const Conv2dGeometry& geo = *resolved;
  const Padding4& pad = geo.padding;

  std::string code = "import numpy as np\nimport tensorflow as tf\nfrom tensorflow.keras import layers\n\n";
  const int input_shape[] = {1, geo.in_h, geo.in_w, geo.in_channels};
  code += "# The input in Keras's NHWC layout, [1, H, W, C]: ConvStep's [C][H][W]\n"
          "# transposed, so a line is one image row and [..] one pixel's channels.\n";
  code += "x = np.array(" + NestedList(InputNhwc(spec.input), input_shape, 2) + ", dtype=np.float64)\n";
  if (pad != Padding4{}) {
    // np.pad of the resolved amounts is exact for every padding mode and for
    // asymmetric amounts, which Conv2D's padding argument cannot express.
    const char* mode = "constant";
    if (geo.padding_mode == PaddingMode::kReflect) mode = "reflect";
    else if (geo.padding_mode == PaddingMode::kReplicate) mode = "edge";
    else if (geo.padding_mode == PaddingMode::kCircular) mode = "wrap";
    code += "x = np.pad(x, ((0, 0), " + PythonPair(pad.top, pad.bottom) + ", " +
            PythonPair(pad.left, pad.right) + ", (0, 0)), mode='" + mode + "')\n";
  }
  const int kernel_shape[] = {geo.kernel_h, geo.kernel_w, geo.in_per_group, geo.out_channels};
  code += "# The kernel in Keras's HWIO layout, (kH, kW, C_in/groups, C_out): PyTorch's\n"
          "# [C_out][C_in/groups][kH][kW] weight transposed.\n";
  code += "kernel = np.array(" + NestedList(KernelHwio(spec.weight), kernel_shape, 3) + ", dtype=np.float64)\n";
  const bool use_bias = !spec.bias.empty();
  if (use_bias) {
    const int bias_shape[] = {static_cast<int>(spec.bias.size())};
    code += "bias = np.array(" + NestedList(spec.bias, bias_shape, 1) + ", dtype=np.float64)\n";
  }

  // Conv2D refuses a stride other than 1 together with a dilation other than
  // 1; striding is then done by keeping every stride-th output of stride 1.
  const bool stride_by_slicing = geo.stride != Pair{1, 1} && geo.dilation != Pair{1, 1};
  code += "layer = layers.Conv2D(" + std::to_string(geo.out_channels) + ", " +
          PythonPair(geo.kernel_h, geo.kernel_w) +
          ", strides=" + (stride_by_slicing ? std::string("(1, 1)") : PythonPair(geo.stride)) +
          ", padding='valid', dilation_rate=" + PythonPair(geo.dilation) +
          (geo.groups > 1 ? ", groups=" + std::to_string(geo.groups) : std::string()) +
          ", use_bias=" + (use_bias ? "True" : "False") +
          ", activation=" + (session.activation == Activation::kRelu ? "'relu'" : "None") +
          ", dtype='float64')\n";
  code += "layer.build(x.shape)\n";
  code += use_bias ? "layer.set_weights([kernel, bias])\n" : "layer.set_weights([kernel])\n";
  code += "y = layer(x).numpy()\n";
  if (stride_by_slicing) {
    code += "y = y[:, ::" + std::to_string(geo.stride.h) + ", ::" + std::to_string(geo.stride.w) + ", :]\n";
  }
  code += "# Back to [C, H, W], as the window shows the output.\n";
  code += "print(np.transpose(y[0], (2, 0, 1)))\n";
  return code;
}

}  // namespace convstep
