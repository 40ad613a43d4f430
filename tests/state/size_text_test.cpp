// The output-size sentence of the window and the core's English one are
// written from one verdict: in English they are the same text.
#include <gtest/gtest.h>

#include "app/i18n/i18n.h"
#include "app/state/size_text.h"
#include "core/conv/output_size.h"
#include "core/conv/conv_spec.h"

namespace convstep {
namespace {

TEST(SizeText, TheWindowsEnglishSentenceIsTheCoresForEveryAxis) {
  SetLanguage(Language::kEnglish);
  int cases = 0;
  for (int n = 1; n <= 9; ++n) {
    for (int f = 1; f <= 5; ++f) {
      for (int p = 0; p <= 2; ++p) {
        for (int s = 1; s <= 3; ++s) {
          for (int d = 1; d <= 2; ++d) {
            const AxisSize a = ComputeAxisSize(n, f, p, p, s, d);
            EXPECT_EQ(AxisSizeSentence(a, Axis::kRows), ExplainAxisSize(a, "row"));
            EXPECT_EQ(AxisSizeSentence(a, Axis::kColumns), ExplainAxisSize(a, "column"));
            ++cases;
          }
        }
      }
    }
  }
  EXPECT_EQ(cases, 9 * 5 * 3 * 3 * 2);
}

TEST(SizeText, SpanishSaysTheSameNumbersInItsOwnWords) {
  SetLanguage(Language::kSpanish);
  const AxisSize a = ComputeAxisSize(6, 3, 1, 1, 2, 1);  // Ejemplo 1: 3.5 → 3, the last padded row dropped
  const std::string es = AxisSizeSentence(a, Axis::kRows);
  SetLanguage(Language::kEnglish);
  EXPECT_NE(es, ExplainAxisSize(a, "row"));
  EXPECT_EQ(es.rfind("(6 - 3 + 2*1)/2 + 1 = 3.5", 0), 0u) << es;
  EXPECT_NE(es.find("\u2192 3"), std::string::npos) << es;
  EXPECT_NE(es.find("fila"), std::string::npos) << es;
}

// The window's lines for an input row no window reaches (no padding: windows
// of 3 at stride 2 over rows 0-5 cover 0-2 and 2-4) and for a data row with
// the padding after it (padded rows 0-7, windows 0-1 and 4-5).
TEST(SizeText, ARowLeftOutOfTheInputIsNotCalledPadded) {
  SetLanguage(Language::kEnglish);
  const AxisSize valid = ComputeAxisSize(6, 3, 0, 0, 2, 1);
  EXPECT_EQ(DroppedText(valid, Axis::kRows), "  dropped: row 5 of the input");
  EXPECT_EQ(DroppedText(ComputeAxisSize(7, 2, 0, 0, 3, 1), Axis::kColumns), "  dropped: columns 5 to 6 of the input");
  const AxisSize mixed = ComputeAxisSize(6, 2, 1, 1, 4, 1);
  EXPECT_EQ(AxisSizeSentence(mixed, Axis::kRows), ExplainAxisSize(mixed, "row"));
  EXPECT_EQ(DroppedText(mixed, Axis::kRows), "  dropped: row 5 of the input and the padding after");
  EXPECT_EQ(DroppedText(ComputeAxisSize(6, 3, 1, 1, 2, 1), Axis::kRows), "  dropped: padded row 7");
  SetLanguage(Language::kSpanish);
  EXPECT_EQ(DroppedText(valid, Axis::kRows), "  descartada: fila 5 de la entrada");
  const std::string es = AxisSizeSentence(valid, Axis::kRows);
  SetLanguage(Language::kEnglish);
  EXPECT_NE(es.find("; la fila 5 de la entrada nunca se alcanza"), std::string::npos) << es;
}

// The header names the form the formulas under it are written in: 'same'
// (here [0, 1] for 6 rows, F = 3, S = 2) and dilation use P_before + P_after.
TEST(SizeText, TheHeaderAgreesWithTheFormulasUnderIt) {
  SetLanguage(Language::kEnglish);
  const AxisSize lecture = ComputeAxisSize(6, 3, 1, 1, 2, 1);
  EXPECT_EQ(OutputSizeTitle(lecture, lecture), "Output size: (N - F + 2P)/S + 1");
  EXPECT_EQ(SamePaddingSentence(lecture, Axis::kRows), "");
  EXPECT_EQ(DilationSentence(lecture, lecture), "");
  AxisSize same = ComputeAxisSize(6, 3, 0, 1, 2, 1);
  same.same = true;
  EXPECT_EQ(OutputSizeTitle(same, lecture), "Output size: (N + P_before + P_after - d(F - 1) - 1)/S + 1");
  EXPECT_EQ(SamePaddingSentence(same, Axis::kRows),
            "height: padding 'same' (Keras) keeps ceil(N/S) outputs and pads what they need, the smaller half "
            "before: ceil(6/2) = 3; P = max((3 - 1)*2 + 1*(3 - 1) + 1 - 6, 0) = 1; P_before = floor(1/2) = 0, "
            "P_after = 1 - 0 = 1");
  const AxisSize dilated = ComputeAxisSize(7, 3, 0, 0, 1, 2);
  EXPECT_EQ(OutputSizeTitle(dilated, dilated), "Output size: (N + P_before + P_after - d(F - 1) - 1)/S + 1");
  EXPECT_EQ(DilationSentence(dilated, lecture),
            "With dilation d the kernel reaches d(F - 1) + 1 cells: 2*(3 - 1) + 1 = 5 rows, 1*(3 - 1) + 1 = 3 "
            "columns.");
  SetLanguage(Language::kSpanish);
  const std::string es = SamePaddingSentence(same, Axis::kColumns);
  SetLanguage(Language::kEnglish);
  EXPECT_EQ(es.rfind("ancho: el relleno 'same'", 0), 0u) << es;
}

// 4 input channels, 4 filters, 2 groups: filters 0 and 1 read channels 0
// and 1, filters 2 and 3 channels 2 and 3 (PyTorch's grouping).
TEST(SizeText, GroupsSayWhichChannelsFeedWhichFilters) {
  Conv2dSpec s;
  s.input = Tensor3(4, 5, 5);
  s.weight = Tensor4(4, 2, 3, 3);
  s.groups = 2;
  Result<Conv2dGeometry> g = ResolveConv2d(s);
  ASSERT_TRUE(g.ok()) << g.error();
  SetLanguage(Language::kEnglish);
  EXPECT_EQ(GroupsSentence(*g),
            "Each filter reads only its group's 2 of the 4 input channels (weight [4][2][3][3]): filters 0–1 "
            "← input channels 0–1; filters 2–3 ← input channels 2–3");
  s.weight = Tensor4(2, 1, 3, 3);
  s.input = Tensor3(2, 5, 5);
  g = ResolveConv2d(s);
  ASSERT_TRUE(g.ok()) << g.error();
  SetLanguage(Language::kSpanish);
  const std::string es = GroupsSentence(*g);
  SetLanguage(Language::kEnglish);
  EXPECT_NE(es.find("filtro 0 ← canal de entrada 0; filtro 1 ← canal de entrada 1"), std::string::npos) << es;
  s.groups = 1;
  s.weight = Tensor4(2, 2, 3, 3);
  g = ResolveConv2d(s);
  ASSERT_TRUE(g.ok()) << g.error();
  EXPECT_EQ(GroupsSentence(*g), "");
}

}  // namespace
}  // namespace convstep
