// convstep-cli conv2d, trace, im2col and dims, run as subprocesses against
// PyTorch's reference vectors.
#include <gtest/gtest.h>

#include "core/formats/spec_json.h"
#include "tests/support/cli.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::LoadGolden;
using testing::ProcessResult;
using testing::Cli;
using testing::ExpectCleanFailure;

Json ParseOut(const ProcessResult& r) {
  Result<Json> j = ParseJson(r.out);
  EXPECT_TRUE(j.ok()) << r.out;
  return j ? *j : Json();
}

void ExpectNestedNear(const Json& want, const Json& got, const std::string& where) {
  if (want.is_array()) {
    ASSERT_TRUE(got.is_array()) << where;
    ASSERT_EQ(want.size(), got.size()) << where;
    for (size_t i = 0; i < want.size(); ++i) ExpectNestedNear(want[i], got[i], where + "[" + std::to_string(i) + "]");
  } else {
    ASSERT_TRUE(got.is_number()) << where;
    EXPECT_NEAR(want.get<double>(), got.get<double>(), 1e-9) << where;
  }
}

TEST(CliConv2d, EveryReferenceCaseThroughStdin) {
  const Json cases = LoadGolden("conv2d_cases.json");
  ASSERT_EQ(cases.size(), 40u);
  for (size_t i = 0; i < cases.size(); ++i) {
    const Json& expect = cases[i]["expect"];
    const ProcessResult r = Cli({"conv2d", "-"}, cases[i]["spec"].dump());
    ASSERT_EQ(r.exit_code, 0) << "case " << i << ": " << r.err;
    const Json got = ParseOut(r);
    const std::string where = "case " + std::to_string(i);
    EXPECT_EQ(got["output_shape"], expect["output_shape"]) << where;
    ExpectNestedNear(expect["output"], got["output"], where + " output");
    EXPECT_EQ(got["padding"], expect["padding"]) << where;
    EXPECT_EQ(got["padded_shape"], expect["padded_shape"]) << where;
    EXPECT_EQ(got["visits"], expect["visits"]) << where;
    EXPECT_EQ(got["total_steps"], expect["total_steps"]) << where;
  }
}

TEST(CliIm2col, TheSlidesPatchMatrixAndTheOutputAsAProduct) {
  const Json seeds = LoadGolden("seed_examples.json");
  const ProcessResult r = Cli({"im2col", "-"}, seeds["example1_valid_stride2"]["spec"].dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json got = ParseOut(r);
  EXPECT_EQ(got["rows"].get<int>(), 18);
  EXPECT_EQ(got["cols"].get<int>(), 4);
  // Rows 9 to 17 are the second channel: the slide's matrix.
  const Json& slide = seeds["im2col_channel_b_valid_stride2"];
  for (int r9 = 0; r9 < 9; ++r9) ExpectNestedNear(slide[r9], got["patches"][9 + r9], "row " + std::to_string(r9));
  ExpectNestedNear(Json::array({Json::array({23, 15, 21, 12})}), got["product"], "product");
}

TEST(CliTrace, EveryStepOfEveryReferenceCaseSumsToItsOutput) {
  const Json cases = LoadGolden("conv2d_cases.json");
  // Trace a handful of steps per case (first, middle, last) to keep the
  // subprocess count small; the core tests check every step.
  for (size_t i = 0; i < cases.size(); ++i) {
    const Json& expect = cases[i]["expect"];
    const int total = expect["total_steps"].get<int>();
    const std::vector<int> shape = expect["output_shape"].get<std::vector<int>>();
    for (int k : {0, total / 2, total - 1}) {
      // --step counts from 1: step k + 1 is the step of index k.
      const ProcessResult r = Cli({"trace", "-", "--step", std::to_string(k + 1)}, cases[i]["spec"].dump());
      ASSERT_EQ(r.exit_code, 0) << r.err;
      const Json got = ParseOut(r);
      const int oc = k / (shape[1] * shape[2]);
      const int oy = (k / shape[2]) % shape[1];
      const int ox = k % shape[2];
      EXPECT_EQ(got["out_channel"].get<int>(), oc);
      EXPECT_EQ(got["out_y"].get<int>(), oy);
      EXPECT_EQ(got["out_x"].get<int>(), ox);
      EXPECT_EQ(got["total_steps"].get<int>(), total);
      EXPECT_NEAR(got["value"].get<double>(), expect["output"][oc][oy][ox].get<double>(), 1e-9)
          << "case " << i << " step " << k;
      double sum = got["bias"].get<double>();
      for (const Json& t : got["terms"]) {
        EXPECT_DOUBLE_EQ(t["product"].get<double>(), t["input"].get<double>() * t["weight"].get<double>());
        sum += t["product"].get<double>();
      }
      EXPECT_NEAR(sum, got["value"].get<double>(), 1e-9);
    }
  }
}

TEST(CliTrace, Ejemplo1LastStepWindowAndTerms) {
  const Json spec = LoadGolden("seed_examples.json")["example1_padded_stride2"]["spec"];
  // The last of 9 steps is step 9, as the window's counter says ("step 9 of 9").
  const ProcessResult r = Cli({"trace", "-", "--step", "9"}, spec.dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ParseOut(r)["step"].get<int>(), 9);
  const Json got = ParseOut(r);
  EXPECT_EQ(got["window_top"].get<int>(), 4);
  EXPECT_EQ(got["window_left"].get<int>(), 4);
  EXPECT_EQ(got["terms"].size(), 18u);
  EXPECT_EQ(got["value"].get<double>(), 12.0);
  // Terms are in padded coordinates: the first tap of the last window.
  EXPECT_EQ(got["terms"][0]["y"].get<int>(), 4);
  EXPECT_EQ(got["terms"][0]["x"].get<int>(), 4);
  EXPECT_EQ(got["terms"][0]["c"].get<int>(), 0);
}

TEST(CliDims, EveryReferenceCaseAsJson) {
  const Json cases = LoadGolden("dims_cases.json");
  for (const Json& c : cases) {
    const ProcessResult r =
        Cli({"dims", "--n", std::to_string(c["n"].get<int>()), "--f", std::to_string(c["f"].get<int>()),
             "--p", std::to_string(c["p"].get<int>()), "--s", std::to_string(c["s"].get<int>()), "--d",
             std::to_string(c["d"].get<int>()), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json got = ParseOut(r);
    EXPECT_EQ(got["output"], c["output"]) << c.dump();
    EXPECT_EQ(got["exact"], c["exact"]) << c.dump();
    EXPECT_EQ(got["unvisited_tail"], c["unvisited_tail"]) << c.dump();
  }
}

TEST(CliDims, ExplainsEjemplo1) {
  const ProcessResult r = Cli({"dims", "--n", "6", "--f", "3", "--p", "1", "--s", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(6 - 3 + 2*1)/2 + 1 = 3.5 \u2192 3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("the last padded row is never reached"), std::string::npos) << r.out;
}

TEST(CliDims, WithoutPaddingTheRowLeftOutIsTheInputs) {
  // Windows of 3 at stride 2 over rows 0-5 cover 0-2 and 2-4.
  const ProcessResult r = Cli({"dims", "--n", "6", "--f", "3", "--s", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("; row 5 of the input is never reached"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("padded"), std::string::npos) << r.out;
}

TEST(CliErrors, BadInputExitsTwoWithOneLine) {
  const std::string ejemplo = LoadGolden("seed_examples.json")["example1_padded_stride2"]["spec"].dump();
  ExpectCleanFailure(Cli({"conv2d", "-"}, "{\"input\": [[[1, 2]]"), "malformed JSON");
  ExpectCleanFailure(Cli({"conv2d", "-"}, "{\"input\": [[[1, 2], [3]]], \"weight\": [[[[1]]]]}"), "ragged");
  ExpectCleanFailure(Cli({"conv2d", "-"}, "{\"input\": [[1, 2]], \"weight\": [[[[1]]]]}"), "input");
  ExpectCleanFailure(Cli({"conv2d", "-"}, "{\"input\": [[[1, \"a\"]]], \"weight\": [[[[1]]]]}"),
                     "input[0][0][1] is not a number");
  ExpectCleanFailure(Cli({"conv2d", "-"}, "{\"input\": [[[1, 2]], [[3, 4]]], \"weight\": [[[[1]]]]}"),
                     "the filter has 1 channels but the image has 2: they must match");
  ExpectCleanFailure(Cli({"conv2d", "-"}, "{\"input\": [[[1, 2]]], \"weight\": [[[[1]]]], \"stride\": 0}"),
                     "stride must be at least 1");
  ExpectCleanFailure(
      Cli({"conv2d", "-"}, "{\"input\": [[[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]], \"weight\": [[[[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1]]]]}"),
      "the 5\u00d75 kernel does not fit in the 4\u00d74 padded input");
  ExpectCleanFailure(Cli({"trace", "-", "--step", "10"}, ejemplo),
                     "step 10 is out of range: this convolution has 9 steps, 1 to 9");
  ExpectCleanFailure(Cli({"trace", "-", "--step", "0"}, ejemplo), "out of range");
  ExpectCleanFailure(Cli({"conv2d", "/nonexistent/spec.json"}), "cannot open '/nonexistent/spec.json'");
  ExpectCleanFailure(Cli({"conv2d"}), "SPEC");
  ExpectCleanFailure(Cli({"frobnicate"}), "frobnicate");
  ExpectCleanFailure(Cli({"dims", "--n", "6", "--f", "3", "--s", "0"}), "stride must be at least 1");
  ExpectCleanFailure(Cli({"dims", "--n", "six", "--f", "3"}), "--n");
  ExpectCleanFailure(Cli({"conv2d", "-"}, "{\"input\": [[[1]]], \"weight\": [[[[1]]]], \"padding\": 99999999}"),
                     "padding");
}

TEST(CliHelp, EveryCommandHasHelpAndExitsZero) {
  for (const std::string cmd : {"conv2d", "trace", "dims"}) {
    const ProcessResult r = Cli({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find(cmd), std::string::npos) << r.out;
  }
  const ProcessResult r = Cli({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("conv2d"), std::string::npos);
}

}  // namespace
}  // namespace convstep
