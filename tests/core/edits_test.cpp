// The pure edits of the convolution: each changes what it says, keeps the
// rest, refuses what names nothing, and notes what it did.
#include <gtest/gtest.h>

#include "core/conv/fill.h"
#include "core/session/edits.h"
#include "core/session/grid_ref.h"

namespace convstep {
namespace {

// Ejemplo-convolucion-like: 3 channels of 5×5 (values 0..74), two 3×3×3
// filters with bias; every value distinct so a moved value shows.
Conv2dSpec TwoFilters() {
  Conv2dSpec s;
  s.input = Tensor3(3, 5, 5);
  for (size_t i = 0; i < s.input.data.size(); ++i) s.input.data[i] = static_cast<double>(i);
  s.weight = Tensor4(2, 3, 3, 3);
  for (size_t i = 0; i < s.weight.data.size(); ++i) s.weight.data[i] = 100.0 + static_cast<double>(i);
  s.bias = {1, 0};
  s.stride = {2, 2};
  s.padding = {PaddingSpec::Kind::kExplicit, 1, 1, 1, 1};
  return s;
}

Tensor3 Grid(int c, int h, int w, double first) {
  Tensor3 t(c, h, w);
  for (size_t i = 0; i < t.data.size(); ++i) t.data[i] = first + static_cast<double>(i);
  return t;
}

TEST(GridRef, NamesRoundTripAndJunkIsNothing) {
  EXPECT_EQ(ParseGridRef("input/2"), (GridRef{GridRef::Kind::kInput, 2, 0}));
  EXPECT_EQ(ParseGridRef("kernel/1/0"), (GridRef{GridRef::Kind::kKernel, 1, 0}));
  EXPECT_EQ(GridRefName({GridRef::Kind::kKernel, 3, 2}), "kernel/3/2");
  for (const char* junk : {"", "output/0", "input/", "kernel/1", "input/1x", "kernel/1/2/3"}) {
    EXPECT_FALSE(ParseGridRef(junk)) << junk;
  }
  const Conv2dSpec s = TwoFilters();
  EXPECT_TRUE(GridExists(s, {GridRef::Kind::kKernel, 1, 2}));
  EXPECT_FALSE(GridExists(s, {GridRef::Kind::kKernel, 2, 0}));
  EXPECT_FALSE(GridExists(s, {GridRef::Kind::kKernel, 0, 3}));
  EXPECT_FALSE(GridExists(s, {GridRef::Kind::kInput, -1, 0}));
  EXPECT_FALSE(GridExists(s, {GridRef::Kind::kInput, 3, 0}));
}

TEST(Edits, FilterCountKeepsTheFirstFiltersAndTheirBias) {
  const Conv2dSpec s = TwoFilters();
  Result<ConvEdit> one = SetFilterCount(s, 1);
  ASSERT_TRUE(one) << one.error();
  EXPECT_EQ(one->spec.weight.n, 1);
  EXPECT_EQ(one->spec.bias, std::vector<double>{1});
  EXPECT_EQ(one->spec.weight.at(0, 2, 2, 2), s.weight.at(0, 2, 2, 2));
  EXPECT_EQ(one->note, (EditNote{"filters", "", "2", "1"}));
  Result<ConvEdit> three = SetFilterCount(s, 3);
  ASSERT_TRUE(three);
  EXPECT_EQ(three->spec.bias, (std::vector<double>{1, 0, 0}));
  EXPECT_EQ(three->spec.weight.at(2, 0, 0, 0), 0.0);
  EXPECT_FALSE(SetFilterCount(s, 0));
  EXPECT_FALSE(SetFilterCount(s, kMaxFilters + 1));
  EXPECT_FALSE(SetFilterCount(s, -3));
}

// The bug the monkey exists for: a kernel slice selected, its filter
// removed, then a paste. The paste must be refused, not written past the
// end of the weights.
TEST(Edits, APasteIntoAFilterThatIsGoneIsRefused) {
  const Conv2dSpec s = TwoFilters();
  const GridRef slice{GridRef::Kind::kKernel, 1, 0};
  Result<ConvEdit> fewer = SetFilterCount(s, 1);
  ASSERT_TRUE(fewer);
  const Tensor3 nine = Grid(1, 3, 3, 1);
  Result<ConvEdit> pasted = PasteGrid(fewer->spec, slice, nine, PasteFit::kTopLeft);
  EXPECT_FALSE(pasted);
  EXPECT_FALSE(PasteGrid(fewer->spec, slice, nine, PasteFit::kResize));
}

TEST(Edits, PasteIntoAKernelSliceWritesThatSliceOnly) {
  const Conv2dSpec s = TwoFilters();
  Result<ConvEdit> e = PasteGrid(s, {GridRef::Kind::kKernel, 1, 2}, Grid(1, 3, 3, -9), PasteFit::kTopLeft);
  ASSERT_TRUE(e) << e.error();
  for (int f = 0; f < 2; ++f) {
    for (int c = 0; c < 3; ++c) {
      for (int y = 0; y < 3; ++y) {
        for (int x = 0; x < 3; ++x) {
          const double expected = (f == 1 && c == 2) ? -9.0 + y * 3 + x : s.weight.at(f, c, y, x);
          EXPECT_EQ(e->spec.weight.at(f, c, y, x), expected) << f << c << y << x;
        }
      }
    }
  }
  EXPECT_EQ(e->note.what, "paste");
  EXPECT_EQ(e->note.where, "kernel/1/2");
}

TEST(Edits, PasteResizeMakesTheKernelBankThePastedSize) {
  const Conv2dSpec s = TwoFilters();
  Result<ConvEdit> e = PasteGrid(s, {GridRef::Kind::kKernel, 0, 0}, Grid(1, 2, 4, 7), PasteFit::kResize);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->spec.weight.h, 2);
  EXPECT_EQ(e->spec.weight.w, 4);
  EXPECT_EQ(e->spec.weight.n, 2);
  EXPECT_EQ(e->spec.weight.at(0, 0, 1, 3), 14.0);
  // The other filter keeps what overlaps and is 0 where it grew.
  EXPECT_EQ(e->spec.weight.at(1, 0, 0, 0), s.weight.at(1, 0, 0, 0));
  EXPECT_EQ(e->spec.weight.at(1, 0, 0, 3), 0.0);
  EXPECT_EQ(e->note, (EditNote{"paste_resize_kernels", "kernel/0/0", "3×3", "2×4"}));
  EXPECT_FALSE(PasteGrid(s, {GridRef::Kind::kKernel, 0, 0}, Grid(1, 10, 2, 0), PasteFit::kResize));
}

// A 3×3 grid into channel 0 of the 3×5×5 input: every channel becomes 3×3,
// the other two keep their top-left corner, and the note says the whole
// input changed, not only the channel pasted into.
TEST(Edits, PasteResizeIntoOneChannelResizesEveryChannelAndSaysSo) {
  const Conv2dSpec s = TwoFilters();
  Result<ConvEdit> e = PasteGrid(s, {GridRef::Kind::kInput, 0, 0}, Grid(1, 3, 3, 900), PasteFit::kResize);
  ASSERT_TRUE(e) << e.error();
  EXPECT_EQ(e->spec.input.c, 3);
  EXPECT_EQ(e->spec.input.h, 3);
  EXPECT_EQ(e->spec.input.w, 3);
  EXPECT_EQ(e->spec.input.at(0, 2, 2), 908.0);
  for (int c = 1; c < 3; ++c) {
    for (int y = 0; y < 3; ++y) {
      for (int x = 0; x < 3; ++x) EXPECT_EQ(e->spec.input.at(c, y, x), 25.0 * c + 5 * y + x);
    }
  }
  EXPECT_EQ(e->note, (EditNote{"paste_resize", "input/0", "3×5×5", "3×3×3"}));
  // The same size is a plain paste.
  e = PasteGrid(s, {GridRef::Kind::kInput, 0, 0}, Grid(1, 5, 5, 0), PasteFit::kResize);
  ASSERT_TRUE(e) << e.error();
  EXPECT_EQ(e->note.what, "paste");
}

TEST(Edits, PasteTopLeftIntoAnInputChannelKeepsTheRest) {
  const Conv2dSpec s = TwoFilters();
  Result<ConvEdit> e = PasteGrid(s, {GridRef::Kind::kInput, 1, 0}, Grid(1, 2, 7, 500), PasteFit::kTopLeft);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->spec.input.h, 5);
  EXPECT_EQ(e->spec.input.at(1, 0, 0), 500.0);
  EXPECT_EQ(e->spec.input.at(1, 1, 4), 500.0 + 7 + 4);  // columns past 5 are cut
  EXPECT_EQ(e->spec.input.at(1, 2, 0), s.input.at(1, 2, 0));
  EXPECT_EQ(e->spec.input.at(0, 0, 0), s.input.at(0, 0, 0));
}

TEST(Edits, SeveralPastedChannelsReplaceTheInputAndTheFiltersFollow) {
  const Conv2dSpec s = TwoFilters();
  Result<ConvEdit> e = PasteGrid(s, {GridRef::Kind::kInput, 2, 0}, Grid(4, 6, 6, 0), PasteFit::kResize);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->spec.input.c, 4);
  EXPECT_EQ(e->spec.input.h, 6);
  EXPECT_EQ(e->spec.weight.c, 4);
  EXPECT_EQ(e->spec.input.at(3, 5, 5), 4.0 * 36 - 1);
  EXPECT_TRUE(PasteFits(s, {GridRef::Kind::kInput, 0, 0}, Grid(3, 5, 5, 0)));
  EXPECT_TRUE(PasteFits(s, {GridRef::Kind::kInput, 0, 0}, Grid(1, 5, 5, 0)));
  EXPECT_FALSE(PasteFits(s, {GridRef::Kind::kInput, 0, 0}, Grid(2, 5, 5, 0)));
  EXPECT_FALSE(PasteFits(s, {GridRef::Kind::kKernel, 0, 0}, Grid(1, 3, 2, 0)));
}

TEST(Edits, GroupsMustDivideBothTheChannelsAndTheFilters) {
  const Conv2dSpec s = TwoFilters();  // 3 input channels, 2 filters
  Result<ConvEdit> e = SetGroups(s, 2);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error(), "groups must divide both the 3 input channels and the 2 filters: 2 does not");
  EXPECT_FALSE(SetGroups(s, 0).ok());
  Conv2dSpec four = s;
  four.input = Grid(4, 5, 5, 0);
  four.weight = Tensor4(2, 4, 3, 3, 1.0);
  e = SetGroups(four, 2);
  ASSERT_TRUE(e.ok()) << e.error();
  EXPECT_EQ(e->spec.groups, 2);
  // weight [C_out][C_in/groups][kH][kW]: 2 filters of 2 slices of 3×3.
  EXPECT_EQ(e->spec.weight.n, 2);
  EXPECT_EQ(e->spec.weight.c, 2);
  EXPECT_EQ(e->spec.weight.h, 3);
  EXPECT_EQ(e->spec.input.data, four.input.data);
  EXPECT_EQ(e->spec.bias, four.bias);
  EXPECT_EQ(SetGroups(four, 3).error(), "groups must divide both the 4 input channels and the 2 filters: 3 does not");
}

TEST(Edits, SetCellChecksTheGridAndTheCell) {
  const Conv2dSpec s = TwoFilters();
  Result<ConvEdit> e = SetCell(s, {GridRef::Kind::kInput, 2, 0}, 4, 0, 2.5);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->spec.input.at(2, 4, 0), 2.5);
  EXPECT_EQ(e->note, (EditNote{"cell", "input/2@4,0", "70", "2.5"}));
  EXPECT_FALSE(SetCell(s, {GridRef::Kind::kInput, 2, 0}, 5, 0, 1));
  EXPECT_FALSE(SetCell(s, {GridRef::Kind::kInput, 0, 0}, 0, -1, 1));
  EXPECT_FALSE(SetCell(s, {GridRef::Kind::kKernel, 2, 0}, 0, 0, 1));
  EXPECT_FALSE(SetCell(s, {GridRef::Kind::kKernel, 0, 0}, 0, 0, 1.0 / 0.0));
}

TEST(Edits, ParametersChangeOnlyThemselves) {
  const Conv2dSpec s = TwoFilters();
  Result<ConvEdit> stride = SetStride(s, {1, 3});
  ASSERT_TRUE(stride);
  EXPECT_EQ(stride->spec.stride, (Pair{1, 3}));
  EXPECT_EQ(stride->spec.input.data, s.input.data);
  EXPECT_EQ(stride->note, (EditNote{"stride", "", "2", "1×3"}));
  EXPECT_FALSE(SetStride(s, {0, 1}));
  EXPECT_FALSE(SetStride(s, {1, kMaxStride + 1}));
  EXPECT_TRUE(SetStride(s, {kMaxStride, 1}));
  EXPECT_FALSE(SetDilation(s, {kMaxDilation + 1, 1}));
  EXPECT_FALSE(SetPadding(s, {PaddingSpec::Kind::kExplicit, 0, 0, 0, kMaxPadding + 1}));
  EXPECT_TRUE(SetPadding(s, {PaddingSpec::Kind::kExplicit, kMaxPadding, 0, 0, 0}));
  EXPECT_FALSE(SetDilation(s, {1, -1}));
  EXPECT_FALSE(SetKernelSize(s, {0, 3}));
  EXPECT_FALSE(SetKernelSize(s, {3, kMaxKernelSide + 1}));
  Result<ConvEdit> kernel = SetKernelSize(s, {2, 2});
  ASSERT_TRUE(kernel);
  EXPECT_EQ(kernel->spec.weight.at(1, 2, 1, 1), s.weight.at(1, 2, 1, 1));
  EXPECT_FALSE(SetPadding(s, {PaddingSpec::Kind::kExplicit, 1, -1, 0, 0}));
  Result<ConvEdit> same = SetPadding(s, {PaddingSpec::Kind::kSame, 0, 0, 0, 0});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->note, (EditNote{"padding", "", "1", "same"}));
  EXPECT_EQ(SetPaddingMode(s, PaddingMode::kReflect).note, (EditNote{"padding_mode", "", "zeros", "reflect"}));
  EXPECT_TRUE(SetBias(s, false).spec.bias.empty());
  EXPECT_EQ(SetBias(s, true).spec.bias, (std::vector<double>{0, 0}));
  Result<ConvEdit> bias = SetBiasValue(s, 1, -0.5);
  ASSERT_TRUE(bias);
  EXPECT_EQ(bias->spec.bias, (std::vector<double>{1, -0.5}));
  EXPECT_FALSE(SetBiasValue(s, 2, 1));
  EXPECT_FALSE(SetBiasValue(SetBias(s, false).spec, 0, 1));
}

TEST(Edits, ResizeInputKeepsTheCornerAndTheFiltersFollowTheChannels) {
  Conv2dSpec s = TwoFilters();
  Result<ConvEdit> e = ResizeInput(s, 1, 4, 6);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->spec.input.c, 1);
  EXPECT_EQ(e->spec.weight.c, 1);
  EXPECT_EQ(e->spec.input.at(0, 3, 4), s.input.at(0, 3, 4));
  EXPECT_EQ(e->spec.input.at(0, 3, 5), 0.0);
  EXPECT_EQ(e->note, (EditNote{"input_size", "", "3×5×5", "1×4×6"}));
  EXPECT_FALSE(ResizeInput(s, 0, 4, 4));
  EXPECT_FALSE(ResizeInput(s, 1, kMaxInputSide + 1, 4));
  s.groups = 3;
  s.weight = Tensor4(3, 1, 3, 3);
  Result<ConvEdit> grouped = ResizeInput(s, 2, 5, 5);  // 3 groups no longer divide 2 channels
  ASSERT_TRUE(grouped);
  EXPECT_EQ(grouped->spec.groups, 1);
  EXPECT_EQ(grouped->spec.weight.c, 2);
}

TEST(Edits, FillsAndTheClassicKernel) {
  const Conv2dSpec s = TwoFilters();
  const ConvEdit zeros = FillZeros(s, FillTarget::kKernels);
  for (double v : zeros.spec.weight.data) EXPECT_EQ(v, 0.0);
  EXPECT_EQ(zeros.spec.input.data, s.input.data);
  Result<ConvEdit> random = FillRandom(s, FillTarget::kInput, 7, -2, 2);
  ASSERT_TRUE(random);
  for (double v : random->spec.input.data) {
    EXPECT_GE(v, -2.0);
    EXPECT_LE(v, 2.0);
    EXPECT_EQ(v, static_cast<int>(v));
  }
  EXPECT_FALSE(FillRandom(s, FillTarget::kInput, 7, 3, 2));
  Result<ConvEdit> sobel = ApplyClassicKernel(SetKernelSize(s, {5, 5})->spec, 1, "Sobel x");
  ASSERT_TRUE(sobel) << sobel.error();
  EXPECT_EQ(sobel->spec.weight.h, 3);
  const std::vector<double> k = *ClassicKernel("Sobel x");
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < 9; ++i) EXPECT_EQ(sobel->spec.weight.at(1, c, i / 3, i % 3), k[static_cast<size_t>(i)]);
  }
  EXPECT_EQ(sobel->spec.weight.at(0, 0, 0, 0), s.weight.at(0, 0, 0, 0));
  EXPECT_FALSE(ApplyClassicKernel(s, 2, "Sobel x"));
  EXPECT_FALSE(ApplyClassicKernel(s, 0, "no such kernel"));
}

TEST(Edits, ReplaceInputRefusesAnEmptyGrid) {
  const Conv2dSpec s = TwoFilters();
  EXPECT_FALSE(ReplaceInput(s, Tensor3(), "x.csv"));
  Result<ConvEdit> e = ReplaceInput(s, Grid(1, 28, 28, 0), "shirt.png");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->spec.weight.c, 1);
  EXPECT_EQ(e->note.where, "shirt.png");
}

}  // namespace
}  // namespace convstep
