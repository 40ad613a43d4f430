// The output-size arithmetic against the reference vectors, and the
// explanation a student reads.
#include <gtest/gtest.h>

#include "core/conv/output_size.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

TEST(OutputSize, EveryReferenceCase) {
  const Json cases = testing::LoadGolden("dims_cases.json");
  ASSERT_EQ(cases.size(), 40u);
  for (const Json& c : cases) {
    const int p = c["p"].get<int>();
    const AxisSize a = ComputeAxisSize(c["n"].get<int>(), c["f"].get<int>(), p, p, c["s"].get<int>(),
                                       c["d"].get<int>());
    EXPECT_EQ(a.output, c["output"].get<int>()) << c.dump();
    EXPECT_EQ(a.exact, c["exact"].get<bool>()) << c.dump();
    if (c["unvisited_tail"].is_null()) {
      EXPECT_FALSE(a.unvisited_tail.has_value()) << c.dump();
    } else {
      ASSERT_TRUE(a.unvisited_tail.has_value()) << c.dump();
      EXPECT_EQ(*a.unvisited_tail, c["unvisited_tail"].get<int>()) << c.dump();
    }
  }
}

TEST(OutputSize, ExplainsTheLecturesFormulaWithTheNumbersPutIn) {
  EXPECT_EQ(ExplainAxisSize(ComputeAxisSize(6, 3, 1, 1, 2, 1), "row"),
            "(6 - 3 + 2*1)/2 + 1 = 3.5 \u2192 3: not exact, the floor drops the remainder; the last "
            "padded row is never reached");
  EXPECT_EQ(ExplainAxisSize(ComputeAxisSize(32, 3, 0, 0, 1, 1), "column"),
            "(32 - 3 + 2*0)/1 + 1 = 30: exact, every padded column up to the last is reached");
  // Dilation or uneven padding switch to the general form.
  EXPECT_EQ(ExplainAxisSize(ComputeAxisSize(7, 3, 1, 2, 2, 2), "row"),
            "(7 + 1 + 2 - 2*(3 - 1) - 1)/2 + 1 = 3.5 \u2192 3: not exact, the floor drops the remainder; "
            "the last padded row is never reached");
  EXPECT_EQ(ExplainAxisSize(ComputeAxisSize(2, 7, 3, 3, 1, 2), "row"),
            "(2 + 3 + 3 - 2*(7 - 1) - 1)/1 + 1 = -4: the 13-wide window does not fit in the 8 padded "
            "rows, so there is no output");
}

// Without padding the rows no window reaches are the input's own: windows of
// 3 at stride 2 over 6 rows cover 0-2 and 2-4, so row 5 is left out.
TEST(OutputSize, RowsLeftOutOfTheInputAreNotCalledPadded) {
  EXPECT_EQ(ExplainAxisSize(ComputeAxisSize(6, 3, 0, 0, 2, 1), "row"),
            "(6 - 3 + 2*0)/2 + 1 = 2.5 \u2192 2: not exact, the floor drops the remainder; row 5 of the "
            "input is never reached");
  // Windows of 2 at stride 3 over 7 columns cover 0-1 and 3-4.
  EXPECT_EQ(ExplainAxisSize(ComputeAxisSize(7, 2, 0, 0, 3, 1), "column"),
            "(7 - 2 + 2*0)/3 + 1 = 2.66667 \u2192 2: not exact, the floor drops the remainder; columns 5 "
            "to 6 of the input are never reached");
  // Padded rows 0-7 with windows 0-1 and 4-5: padded row 6 is input row 5, row 7 is padding.
  EXPECT_EQ(ExplainAxisSize(ComputeAxisSize(6, 2, 1, 1, 4, 1), "row"),
            "(6 - 2 + 2*1)/4 + 1 = 2.5 \u2192 2: not exact, the floor drops the remainder; row 5 of the "
            "input is never reached, nor the padding after");
  const AxisVerdict v = JudgeAxisSize(ComputeAxisSize(6, 2, 1, 1, 4, 1));
  EXPECT_EQ(v.unvisited_tail, 2);
  EXPECT_EQ(v.unvisited_input, 1);
  EXPECT_EQ(v.first_unvisited_input, 5);
}

TEST(OutputSize, TheVerdictNamesTheCase) {
  const AxisVerdict no_fit = JudgeAxisSize(ComputeAxisSize(2, 7, 3, 3, 1, 2));
  EXPECT_EQ(no_fit.kind, AxisVerdict::Kind::kNoFit);
  EXPECT_EQ(no_fit.span, 13);
  EXPECT_EQ(no_fit.padded, 8);
  const AxisVerdict ejemplo1 = JudgeAxisSize(ComputeAxisSize(6, 3, 1, 1, 2, 1));
  EXPECT_EQ(ejemplo1.kind, AxisVerdict::Kind::kNotExact);
  EXPECT_EQ(ejemplo1.output, 3);
  EXPECT_EQ(ejemplo1.unvisited_tail, 1);
  EXPECT_EQ(JudgeAxisSize(ComputeAxisSize(32, 3, 0, 0, 1, 1)).kind, AxisVerdict::Kind::kExact);
}

}  // namespace
}  // namespace convstep
