#include "tests/support/golden.h"

#include <algorithm>
#include <cmath>
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

namespace {

// The first place where `actual` is not `expected`, or "".
std::string JsonDifference(const Json& expected, const Json& actual, double tolerance, const std::string& path) {
  if (expected.is_number()) {
    if (!actual.is_number()) return path + ": " + expected.dump() + " vs " + actual.dump();
    const double want = expected.get<double>();
    const double got = actual.get<double>();
    if (std::abs(want - got) <= tolerance * std::max(1.0, std::abs(want))) return "";
    std::ostringstream text;
    text.precision(17);
    text << path << ": " << want << " vs " << got;
    return text.str();
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) {
      return path + ": a list of " + std::to_string(expected.size()) + " vs " + actual.dump().substr(0, 80);
    }
    for (size_t i = 0; i < expected.size(); ++i) {
      std::string d = JsonDifference(expected[i], actual[i], tolerance, path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return "";
  }
  if (expected.is_object()) {
    if (!actual.is_object() || actual.size() != expected.size()) {
      return path + ": an object with " + std::to_string(expected.size()) + " keys vs " +
             actual.dump().substr(0, 80);
    }
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) return path + ": no key \"" + key + "\"";
      std::string d = JsonDifference(value, actual[key], tolerance, path + "." + key);
      if (!d.empty()) return d;
    }
    return "";
  }
  return expected == actual ? "" : path + ": " + expected.dump() + " vs " + actual.dump().substr(0, 80);
}

}  // namespace

::testing::AssertionResult JsonNear(const Json& expected, const Json& actual, double tolerance) {
  const std::string d = JsonDifference(expected, actual, tolerance, "");
  if (d.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << d;
}

Conv2dSpec GoldenConv2dSpec(const Json& spec) {
  Result<Conv2dSpec> s = Conv2dSpecFromJson(spec);
  EXPECT_TRUE(s.ok()) << (s ? "" : s.error());
  return s ? *s : Conv2dSpec{};
}

}  // namespace convstep::testing
