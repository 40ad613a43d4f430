// The PyTorch and Keras snippets a student pastes into Colab. Python with
// torch and tensorflow cannot run here (no network to install them), so the
// tests check the code's text and that the numbers it carries parse back to
// exactly the session's input, weight and bias in the layout each framework
// expects.
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "core/conv/conv_spec.h"
#include "core/formats/session_io.h"
#include "core/teach/notebook_code.h"

namespace convstep {
namespace {

Session Ejemplo1() {
  Result<Session> session = LoadSessionFile(std::string(CONVSTEP_PRESET_DIR) + "/ejemplo1.json");
  EXPECT_TRUE(session.ok()) << session.error();
  return session.ok() ? *session : Session{};
}

bool Has(const std::string& code, const std::string& text) { return code.find(text) != std::string::npos; }

// A Python nested list of numbers, flattened row-major, with its shape.
struct ParsedList {
  std::vector<int> shape;
  std::vector<double> values;
};

// Parses the list starting at code[*pos] == '['; numbers are read with
// std::from_chars, which reads the shortest form back to the same double.
bool ParseList(const std::string& code, std::size_t* pos, std::size_t depth, ParsedList* list) {
  if (code[*pos] != '[') return false;
  ++*pos;
  int count = 0;
  while (true) {
    while (code[*pos] == ' ' || code[*pos] == '\n' || code[*pos] == ',') ++*pos;
    if (code[*pos] == ']') break;
    if (code[*pos] == '[') {
      if (!ParseList(code, pos, depth + 1, list)) return false;
    } else {
      double v = 0;
      const std::from_chars_result r = std::from_chars(code.data() + *pos, code.data() + code.size(), v);
      if (r.ec != std::errc()) return false;
      *pos = static_cast<std::size_t>(r.ptr - code.data());
      list->values.push_back(v);
    }
    ++count;
  }
  ++*pos;
  // Inner lists close first, so a level's size is known once its first list closes.
  if (list->shape.size() <= depth) list->shape.resize(depth + 1, -1);
  if (list->shape[depth] == -1) list->shape[depth] = count;
  return list->shape[depth] == count;  // a ragged list is not a tensor
}

// The list right after `marker` ("w = torch.tensor(") in the code.
ParsedList ListAfter(const std::string& code, const std::string& marker) {
  ParsedList list;
  std::size_t pos = code.find(marker);
  EXPECT_NE(pos, std::string::npos) << marker;
  if (pos == std::string::npos) return list;
  pos += marker.size();
  EXPECT_TRUE(ParseList(code, &pos, 0, &list)) << marker;
  return list;
}

// Bitwise equality, so that -0.0 and 0 differ.
void ExpectSameDoubles(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i], want[i]) << i;
    EXPECT_EQ(std::signbit(got[i]), std::signbit(want[i])) << i;
  }
}

TEST(NotebookCode, PytorchEjemplo1ReadsLikeTheSlide) {
  const std::string code = PytorchCode(Ejemplo1());
  EXPECT_TRUE(Has(code, "import torch\nimport torch.nn.functional as F\n"));
  EXPECT_TRUE(Has(code, "\n        [1, 2, 0, 2, 1, 2],\n"));  // the first input row, on its own line
  EXPECT_TRUE(Has(code, "], dtype=torch.float64).unsqueeze(0)\n"));
  for (const char* row : {"[1, 0, 1],", "[0, 2, 0],", "[1, 1, 1]\n", "[0, 1, 1],", "[1, 0, 1],", "[1, 2, 1]\n"}) {
    EXPECT_TRUE(Has(code, std::string("            ") + row)) << row;
  }
  EXPECT_TRUE(Has(code, "b = None\n"));
  EXPECT_FALSE(Has(code, "F.pad"));
  EXPECT_TRUE(Has(code, "y = F.conv2d(x, w, b, stride=(2, 2), padding=(1, 1), dilation=(1, 1), groups=1)\n"));
  EXPECT_FALSE(Has(code, "relu"));
  EXPECT_TRUE(code.ends_with("print(y)\n"));
}

TEST(NotebookCode, PytorchNumbersParseBackExactly) {
  Session session = Ejemplo1();
  session.conv.input.at(0, 0, 0) = 0.1;
  session.conv.input.at(1, 5, 5) = 1.0 / 3;
  session.conv.input.at(0, 2, 3) = -0.0;
  session.conv.input.at(1, 0, 4) = -2.5e-300;
  session.conv.weight.at(0, 1, 2, 2) = 1e20;
  session.conv.bias = {-1.0 / 7};
  const std::string code = PytorchCode(session);
  EXPECT_TRUE(Has(code, "[0.1, 2, 0, 2, 1, 2]"));
  EXPECT_TRUE(Has(code, "0.3333333333333333]"));
  EXPECT_TRUE(Has(code, "-0.0"));  // Python's -0 would be the integer 0

  const ParsedList x = ListAfter(code, "x = torch.tensor(");
  EXPECT_EQ(x.shape, (std::vector<int>{2, 6, 6}));
  ExpectSameDoubles(x.values, session.conv.input.data);
  const ParsedList w = ListAfter(code, "w = torch.tensor(");
  EXPECT_EQ(w.shape, (std::vector<int>{1, 2, 3, 3}));
  ExpectSameDoubles(w.values, session.conv.weight.data);
  const ParsedList b = ListAfter(code, "b = torch.tensor(");
  ExpectSameDoubles(b.values, session.conv.bias);
}

TEST(NotebookCode, PytorchPadsWithFPadLeftRightTopBottom) {
  Session session = Ejemplo1();
  session.conv.padding = {PaddingSpec::Kind::kExplicit, 1, 2, 3, 0};
  session.conv.padding_mode = PaddingMode::kReflect;
  std::string code = PytorchCode(session);
  EXPECT_TRUE(Has(code, "x = F.pad(x, (3, 0, 1, 2), mode='reflect')\n"));
  EXPECT_TRUE(Has(code, "padding=0,"));

  // Zeros asymmetric: conv2d's padding cannot say it.
  session.conv.padding_mode = PaddingMode::kZeros;
  code = PytorchCode(session);
  EXPECT_TRUE(Has(code, "x = F.pad(x, (3, 0, 1, 2), mode='constant')\n"));

  // Symmetric amounts still go through F.pad for a mode other than zeros.
  session.conv.padding = {PaddingSpec::Kind::kExplicit, 1, 1, 1, 1};
  session.conv.padding_mode = PaddingMode::kReplicate;
  EXPECT_TRUE(Has(PytorchCode(session), "x = F.pad(x, (1, 1, 1, 1), mode='replicate')\n"));
  session.conv.padding_mode = PaddingMode::kCircular;
  EXPECT_TRUE(Has(PytorchCode(session), "x = F.pad(x, (1, 1, 1, 1), mode='circular')\n"));
}

TEST(NotebookCode, PytorchSameWithStrideTwoPadsTheResolvedAmounts) {
  Session session = Ejemplo1();
  session.conv.padding.kind = PaddingSpec::Kind::kSame;
  const Result<Conv2dGeometry> geo = ResolveConv2d(session.conv);
  ASSERT_TRUE(geo.ok());
  const Padding4& p = geo->padding;
  // 6 wide, kernel 3, stride 2: 3 outputs need 1 padding pixel, after.
  EXPECT_EQ(p, (Padding4{0, 1, 0, 1}));
  const std::string code = PytorchCode(session);
  EXPECT_TRUE(Has(code, "x = F.pad(x, (" + std::to_string(p.left) + ", " + std::to_string(p.right) + ", " +
                            std::to_string(p.top) + ", " + std::to_string(p.bottom) + "), mode='constant')\n"));
  EXPECT_TRUE(Has(code, "stride=(2, 2), padding=0,"));

  // With stride 1 conv2d's own 'same' is the spec's.
  session.conv.stride = {1, 1};
  const std::string stride1 = PytorchCode(session);
  EXPECT_FALSE(Has(stride1, "F.pad"));
  EXPECT_TRUE(Has(stride1, "padding='same',"));

  session.conv.padding.kind = PaddingSpec::Kind::kValid;
  EXPECT_TRUE(Has(PytorchCode(session), "stride=(1, 1), padding=0,"));
}

TEST(NotebookCode, KerasEjemplo1HasNhwcInputAndHwioKernel) {
  const Session session = Ejemplo1();
  const std::string code = KerasCode(session);
  EXPECT_TRUE(Has(code, "import numpy as np\nimport tensorflow as tf\nfrom tensorflow.keras import layers\n"));
  // The first image row, each pixel's two channels together.
  EXPECT_TRUE(Has(code, "\n        [[1, 0], [2, 1], [0, 2], [2, 2], [1, 0], [2, 1]],\n"));
  const ParsedList x = ListAfter(code, "x = np.array(");
  EXPECT_EQ(x.shape, (std::vector<int>{1, 6, 6, 2}));
  const Tensor3& input = session.conv.input;
  for (int c = 0; c < input.c; ++c)
    for (int y = 0; y < input.h; ++y)
      for (int xx = 0; xx < input.w; ++xx)
        EXPECT_EQ(x.values[(static_cast<std::size_t>(y) * input.w + xx) * input.c + c], input.at(c, y, xx));

  const ParsedList kernel = ListAfter(code, "kernel = np.array(");
  ASSERT_EQ(kernel.shape, (std::vector<int>{3, 3, 2, 1}));
  // By hand: weight[0][1][2][1] is the 2 in the second channel's last row
  // [1, 2, 1], so kernel[2][1][1][0] must be 2.
  EXPECT_EQ(session.conv.weight.at(0, 1, 2, 1), 2);
  EXPECT_EQ(kernel.values[((2 * 3 + 1) * 2 + 1) * 1 + 0], 2);
  const Tensor4& weight = session.conv.weight;
  for (int f = 0; f < weight.n; ++f)
    for (int c = 0; c < weight.c; ++c)
      for (int ky = 0; ky < weight.h; ++ky)
        for (int kx = 0; kx < weight.w; ++kx)
          EXPECT_EQ(kernel.values[((static_cast<std::size_t>(ky) * weight.w + kx) * weight.c + c) * weight.n + f],
                    weight.at(f, c, ky, kx));

  EXPECT_TRUE(Has(code, "x = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)), mode='constant')\n"));
  EXPECT_TRUE(Has(code, "layer = layers.Conv2D(1, (3, 3), strides=(2, 2), padding='valid', dilation_rate=(1, 1), "
                        "use_bias=False, activation=None, dtype='float64')\n"));
  EXPECT_TRUE(Has(code, "layer.build(x.shape)\nlayer.set_weights([kernel])\n"));
  EXPECT_TRUE(code.ends_with("print(np.transpose(y[0], (2, 0, 1)))\n"));
}

TEST(NotebookCode, KerasPaddingModesGroupsBiasAndRelu) {
  Session session = Ejemplo1();
  session.conv.weight = Tensor4(2, 1, 3, 3, 0.5);
  session.conv.groups = 2;
  session.conv.bias = {0.1, 1.0 / 3};
  session.activation = Activation::kRelu;
  session.conv.padding = {PaddingSpec::Kind::kExplicit, 1, 2, 3, 0};
  session.conv.padding_mode = PaddingMode::kReflect;
  std::string code = KerasCode(session);
  EXPECT_TRUE(Has(code, "x = np.pad(x, ((0, 0), (1, 2), (3, 0), (0, 0)), mode='reflect')\n"));
  EXPECT_TRUE(Has(code, "groups=2, use_bias=True, activation='relu',"));
  EXPECT_TRUE(Has(code, "bias = np.array([0.1, 0.3333333333333333], dtype=np.float64)\n"));
  EXPECT_TRUE(Has(code, "layer.set_weights([kernel, bias])\n"));
  EXPECT_EQ(ListAfter(code, "kernel = np.array(").shape, (std::vector<int>{3, 3, 1, 2}));

  const std::string pytorch = PytorchCode(session);
  EXPECT_TRUE(Has(pytorch, "groups=2)\ny = torch.relu(y)\nprint(y)\n"));
  EXPECT_TRUE(Has(pytorch, "b = torch.tensor([0.1, 0.3333333333333333], dtype=torch.float64)\n"));

  session.conv.padding_mode = PaddingMode::kReplicate;
  EXPECT_TRUE(Has(KerasCode(session), "mode='edge')\n"));
  session.conv.padding_mode = PaddingMode::kCircular;
  EXPECT_TRUE(Has(KerasCode(session), "mode='wrap')\n"));
  session.conv.padding.kind = PaddingSpec::Kind::kValid;
  EXPECT_FALSE(Has(KerasCode(session), "np.pad"));
}

TEST(NotebookCode, KerasStridesByHandWhenDilated) {
  Session session = Ejemplo1();
  session.conv.dilation = {2, 2};
  const std::string code = KerasCode(session);
  EXPECT_TRUE(Has(code, "strides=(1, 1), padding='valid', dilation_rate=(2, 2),"));
  EXPECT_TRUE(Has(code, "y = layer(x).numpy()\ny = y[:, ::2, ::2, :]\n"));
  EXPECT_TRUE(Has(PytorchCode(session), "stride=(2, 2), padding=(1, 1), dilation=(2, 2),"));
}

TEST(NotebookCode, InvalidSpecIsACommentLine) {
  Session session = Ejemplo1();
  session.conv.weight = Tensor4(1, 3, 3, 3);  // 3 channels for a 2-channel image
  const Result<Conv2dGeometry> geo = ResolveConv2d(session.conv);
  ASSERT_FALSE(geo.ok());
  const std::string comment = "# the convolution spec is invalid: " + geo.error() + "\n";
  EXPECT_EQ(PytorchCode(session), comment);
  EXPECT_EQ(KerasCode(session), comment);
}

}  // namespace
}  // namespace convstep
