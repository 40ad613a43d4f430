#include "core/teach/cell_text.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace convstep {
namespace {

using Texts = std::vector<std::string>;

TEST(CellText, IntegersHaveOneText) {
  EXPECT_EQ(CellTextCandidates(0), Texts({"0"}));
  EXPECT_EQ(CellTextCandidates(-1), Texts({"-1"}));
  EXPECT_EQ(CellTextCandidates(255), Texts({"255"}));
}

TEST(CellText, TheBlurKernelsNinthShortensToTwoDigitsThenDropsTheZero) {
  EXPECT_EQ(CellTextCandidates(1.0 / 9.0), Texts({"0.1111", "0.111", "0.11", ".11"}));
  EXPECT_EQ(CellTextCandidates(-1.0 / 3.0), Texts({"-0.3333", "-0.333", "-0.33", "-.33"}));
}

TEST(CellText, ShortDecimalsKeepTheirOnlyText) {
  EXPECT_EQ(CellTextCandidates(0.5), Texts({"0.5", ".5"}));
  EXPECT_EQ(CellTextCandidates(-2.5), Texts({"-2.5"}));
}

TEST(CellText, EveryCandidateIsShorterAndReadsBackCloseToTheValue) {
  for (double v : {1.0 / 7.0, -12.345, 98.76, 0.0123, 3.14159, -0.999}) {
    const Texts texts = CellTextCandidates(v);
    for (size_t i = 0; i < texts.size(); ++i) {
      if (i > 0) {
        EXPECT_LT(texts[i].size(), texts[i - 1].size()) << v;
      }
      // Two significant digits: within 5 % of the value.
      EXPECT_NEAR(std::strtod(texts[i].c_str(), nullptr), v, std::abs(v) * 0.05) << texts[i];
    }
  }
}

}  // namespace
}  // namespace convstep
