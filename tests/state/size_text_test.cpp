// The output-size sentence of the window and the core's English one are
// written from one verdict: in English they are the same text.
#include <gtest/gtest.h>

#include "app/i18n/i18n.h"
#include "app/state/size_text.h"
#include "core/conv/output_size.h"

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

}  // namespace
}  // namespace convstep
