#include "tests/support/golden.h"

#include <fstream>
#include <sstream>

namespace convstep::testing {

Json LoadGolden(const std::string& file) {
  std::ifstream in(std::string(CONVSTEP_TEST_DATA) + "/" + file);
  EXPECT_TRUE(in.good()) << "cannot open " << file;
  std::stringstream text;
  text << in.rdbuf();
  Result<Json> j = ParseJson(text.str());
  EXPECT_TRUE(j.ok()) << file << ": " << (j ? "" : j.error());
  return j ? *j : Json();
}

void ExpectTensorNear(const Json& expected, const Tensor3& actual, double tolerance) {
  Result<Tensor3> want = Tensor3FromJson(expected, "expected");
  ASSERT_TRUE(want.ok()) << want.error();
  ASSERT_EQ(want->c, actual.c);
  ASSERT_EQ(want->h, actual.h);
  ASSERT_EQ(want->w, actual.w);
  for (int c = 0; c < actual.c; ++c) {
    for (int y = 0; y < actual.h; ++y) {
      for (int x = 0; x < actual.w; ++x) {
        EXPECT_NEAR(want->at(c, y, x), actual.at(c, y, x), tolerance)
            << "at channel " << c << ", row " << y << ", column " << x;
      }
    }
  }
}

void ExpectSignalNear(const Json& expected, const Tensor2& actual, double tolerance) {
  Result<Tensor2> want = Tensor2FromJson(expected, "expected");
  ASSERT_TRUE(want.ok()) << want.error();
  ASSERT_EQ(want->c, actual.c);
  ASSERT_EQ(want->l, actual.l);
  for (int c = 0; c < actual.c; ++c) {
    for (int x = 0; x < actual.l; ++x) {
      EXPECT_NEAR(want->at(c, x), actual.at(c, x), tolerance) << "at channel " << c << ", position " << x;
    }
  }
}

Conv2dSpec GoldenConv2dSpec(const Json& spec) {
  Result<Conv2dSpec> s = Conv2dSpecFromJson(spec);
  EXPECT_TRUE(s.ok()) << (s ? "" : s.error());
  return s ? *s : Conv2dSpec{};
}

}  // namespace convstep::testing
