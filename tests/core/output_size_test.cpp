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
            "(6 - 3 + 2*1)/2 + 1 = 3.5 -> 3: not exact, the floor drops the remainder; the last 1 "
            "padded row is never reached");
  EXPECT_EQ(ExplainAxisSize(ComputeAxisSize(32, 3, 0, 0, 1, 1), "column"),
            "(32 - 3 + 2*0)/1 + 1 = 30: exact, every padded column up to the last is reached");
  // Dilation or uneven padding switch to the general form.
  EXPECT_EQ(ExplainAxisSize(ComputeAxisSize(7, 3, 1, 2, 2, 2), "row"),
            "(7 + 1 + 2 - 2*(3 - 1) - 1)/2 + 1 = 3.5 -> 3: not exact, the floor drops the remainder; "
            "the last 1 padded row is never reached");
  EXPECT_EQ(ExplainAxisSize(ComputeAxisSize(2, 7, 3, 3, 1, 2), "row"),
            "(2 + 3 + 3 - 2*(7 - 1) - 1)/1 + 1 = -4: the 13-wide window does not fit in the 8 padded "
            "rows, so there is no output");
}

}  // namespace
}  // namespace convstep
