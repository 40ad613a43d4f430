// Reading specs: every accepted form of each field, and a readable error for
// every malformed one.
#include <gtest/gtest.h>

#include "core/formats/spec_json.h"

namespace convstep {
namespace {

Json Base() { return Json::parse(R"({"input": [[[1, 2, 3], [4, 5, 6]]], "weight": [[[[1, 0], [0, 1]]]]})"); }

std::string ErrorOf(const Json& spec) {
  Result<Conv2dSpec> s = Conv2dSpecFromJson(spec);
  return s ? "" : s.error();
}

TEST(SpecJson, ReadsTensorsInTheirNestingOrder) {
  Result<Conv2dSpec> s = Conv2dSpecFromJson(Base());
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(s->input.c, 1);
  EXPECT_EQ(s->input.h, 2);
  EXPECT_EQ(s->input.w, 3);
  EXPECT_EQ(s->input.at(0, 1, 2), 6);
  EXPECT_EQ(s->weight.n, 1);
  EXPECT_EQ(s->weight.at(0, 0, 1, 1), 1);
  EXPECT_TRUE(s->bias.empty());
  EXPECT_EQ(s->stride, (Pair{1, 1}));
  EXPECT_EQ(s->padding.kind, PaddingSpec::Kind::kExplicit);
  EXPECT_EQ(s->padding.top, 0);
  EXPECT_EQ(s->padding_mode, PaddingMode::kZeros);
}

TEST(SpecJson, PaddingForms) {
  Json j = Base();
  j["padding"] = 2;
  Result<Conv2dSpec> s = Conv2dSpecFromJson(j);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((std::vector<int>{s->padding.top, s->padding.bottom, s->padding.left, s->padding.right}),
            (std::vector<int>{2, 2, 2, 2}));
  j["padding"] = {1, 3};
  s = Conv2dSpecFromJson(j);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((std::vector<int>{s->padding.top, s->padding.bottom, s->padding.left, s->padding.right}),
            (std::vector<int>{1, 1, 3, 3}));
  j["padding"] = {1, 2, 3, 4};
  s = Conv2dSpecFromJson(j);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((std::vector<int>{s->padding.top, s->padding.bottom, s->padding.left, s->padding.right}),
            (std::vector<int>{1, 2, 3, 4}));
  j["padding"] = "same";
  s = Conv2dSpecFromJson(j);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->padding.kind, PaddingSpec::Kind::kSame);
  j["padding"] = "valid";
  s = Conv2dSpecFromJson(j);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->padding.kind, PaddingSpec::Kind::kValid);
}

TEST(SpecJson, StrideAndDilationAsIntOrPair) {
  Json j = Base();
  j["stride"] = {2, 3};
  j["dilation"] = 2;
  j["padding_mode"] = "circular";
  j["bias"] = {0.5};
  Result<Conv2dSpec> s = Conv2dSpecFromJson(j);
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(s->stride, (Pair{2, 3}));
  EXPECT_EQ(s->dilation, (Pair{2, 2}));
  EXPECT_EQ(s->padding_mode, PaddingMode::kCircular);
  EXPECT_EQ(s->bias, std::vector<double>{0.5});
}

TEST(SpecJson, MalformedFieldsAreNamed) {
  EXPECT_EQ(ErrorOf(Json::array()), "the spec must be a JSON object with \"input\" and \"weight\"");
  EXPECT_EQ(ErrorOf(Json::parse(R"({"input": [[[1]]]})")), "the spec has no \"weight\"");
  Json j = Base();
  j["input"] = Json::parse("[[[1, 2], [3]]]");
  EXPECT_EQ(ErrorOf(j),
            "input[0][1] has 1 entries but the first one at that level has 2 (ragged array) "
            "(expected [channels][rows][columns])");
  j = Base();
  j["input"] = Json::parse("[[1, 2]]");
  EXPECT_EQ(ErrorOf(j),
            "input must be a list nested 3 deep, but level 3 is not a list (expected "
            "[channels][rows][columns])");
  j = Base();
  j["weight"] = Json::parse("[[[[1, null]]]]");
  EXPECT_EQ(ErrorOf(j), "weight[0][0][0][1] is not a number (expected [filters][channels][rows][columns])");
  j = Base();
  j["input"] = Json::parse("[[[]]]");
  EXPECT_EQ(ErrorOf(j), "input has an empty list at level 3 (expected [channels][rows][columns])");
  j = Base();
  j["stride"] = 1.5;
  EXPECT_EQ(ErrorOf(j), "stride must be a whole number or a list [height, width]");
  j["stride"] = {1, "2"};
  EXPECT_EQ(ErrorOf(j), "stride[1] must be a whole number");
  j = Base();
  j["padding"] = "full";
  EXPECT_NE(ErrorOf(j).find("padding \"full\" is unknown"), std::string::npos);
  j["padding"] = {1, 2, 3};
  EXPECT_NE(ErrorOf(j).find("padding must be a number"), std::string::npos);
  j = Base();
  j["padding_mode"] = "mirror";
  EXPECT_NE(ErrorOf(j).find("padding_mode must be"), std::string::npos);
  j = Base();
  j["groups"] = 9999999999LL;
  EXPECT_EQ(ErrorOf(j), "groups is out of range");
}

TEST(SpecJson, MalformedTextSaysWhere) {
  Result<Json> j = ParseJson("{\"input\": [1, 2");
  ASSERT_FALSE(j.ok());
  EXPECT_NE(j.error().find("malformed JSON"), std::string::npos);
  EXPECT_NE(j.error().find("line 1"), std::string::npos) << j.error();
}

TEST(SpecJson, ANumberTooLargeForADoubleIsAnErrorNotACrash) {
  // Found by the session fuzzer: nlohmann throws out_of_range here, not
  // parse_error.
  Result<Json> j = ParseJson("[1e99999]");
  ASSERT_FALSE(j.ok());
  EXPECT_NE(j.error().find("malformed JSON"), std::string::npos) << j.error();
  EXPECT_NE(j.error().find("number overflow"), std::string::npos) << j.error();
}

TEST(SpecJson, WritesTensorsBackWithNullForUnfilledCells) {
  Tensor3 t(1, 1, 2);
  t.data = {1.5, std::nan("")};
  EXPECT_EQ(ToJson(t).dump(), "[[[1.5,null]]]");
}

}  // namespace
}  // namespace convstep
