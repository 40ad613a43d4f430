// convstep-cli conv1d, trace1d and pool1d, run as subprocesses against
// PyTorch's reference vectors; every step's trace against its spec read
// directly (window, taps, padded values, products) and PyTorch's output.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/formats/spec_json.h"
#include "tests/support/cli.h"
#include "tests/support/golden.h"
#include "tests/support/naive_conv.h"

namespace convstep {
namespace {

using testing::Cli;
using testing::ExpectCleanFailure;
using testing::ExpectJsonOutput;
using testing::LoadGolden;
using testing::NaivePadded1d;
using testing::ProcessResult;

void ExpectNestedNear(const Json& want, const Json& got, double tolerance, const std::string& where) {
  if (want.is_array()) {
    ASSERT_TRUE(got.is_array()) << where;
    ASSERT_EQ(want.size(), got.size()) << where;
    for (size_t i = 0; i < want.size(); ++i) {
      ExpectNestedNear(want[i], got[i], tolerance, where + "[" + std::to_string(i) + "]");
    }
  } else {
    ASSERT_TRUE(got.is_number()) << where;
    EXPECT_NEAR(want.get<double>(), got.get<double>(), tolerance) << where;
  }
}

TEST(CliConv1d, EveryReferenceCaseThroughStdin) {
  const Json cases = LoadGolden("conv1d_cases.json");
  ASSERT_EQ(cases.size(), 30u);
  for (size_t i = 0; i < cases.size(); ++i) {
    const std::string where = "case " + std::to_string(i);
    const Json& expect = cases[i]["expect"];
    const Json got = ExpectJsonOutput(Cli({"conv1d", "-"}, cases[i]["spec"].dump()));
    ASSERT_TRUE(got.is_object()) << where;
    EXPECT_EQ(got["output_shape"], expect["output_shape"]) << where;
    ExpectNestedNear(expect["output"], got["output"], 1e-12, where + " output");
    EXPECT_EQ(got["padding"], expect["padding"]) << where;
    EXPECT_EQ(got["padded_length"], expect["padded_length"]) << where;
    EXPECT_EQ(got["visits"], expect["visits"]) << where;
    EXPECT_EQ(got["total_steps"], expect["total_steps"]) << where;
  }
}

// Every step of every case (436 in all): the output position of step k, the
// window at out_x * stride, each tap's padded position and value read from
// the spec, product = input * weight, and the sum plus bias PyTorch's value.
TEST(CliTrace1d, EveryStepOfEveryReferenceCase) {
  const Json cases = LoadGolden("conv1d_cases.json");
  for (size_t i = 0; i < cases.size(); ++i) {
    const Json& spec_json = cases[i]["spec"];
    const Json& expect = cases[i]["expect"];
    Result<Conv1dSpec> spec = Conv1dSpecFromJson(spec_json);
    ASSERT_TRUE(spec.ok()) << spec.error();
    const int total = expect["total_steps"].get<int>();
    const int out_length = expect["output_shape"][1].get<int>();
    const int left = expect["padding"][0].get<int>();
    const int taps = spec->weight.w;
    const int in_per_group = spec->input.c / spec->groups;
    const int out_per_group = spec->weight.c / spec->groups;
    for (int k = 0; k < total; ++k) {
      const std::string where = "case " + std::to_string(i) + " step " + std::to_string(k);
      const Json got = ExpectJsonOutput(Cli({"trace1d", "-", "--step", std::to_string(k + 1)}, spec_json.dump()));
      ASSERT_TRUE(got.is_object()) << where;
      const int oc = k / out_length;
      const int ox = k % out_length;
      EXPECT_EQ(got["step"].get<int>(), k + 1) << where;
      EXPECT_EQ(got["total_steps"].get<int>(), total) << where;
      EXPECT_EQ(got["out_channel"].get<int>(), oc) << where;
      EXPECT_EQ(got["out_x"].get<int>(), ox) << where;
      const int window_left = ox * spec->stride;
      EXPECT_EQ(got["window_left"].get<int>(), window_left) << where;
      ASSERT_EQ(got["terms"].size(), static_cast<size_t>(in_per_group * taps)) << where;
      const int c0 = (oc / out_per_group) * in_per_group;
      double sum = got["bias"].get<double>();
      EXPECT_EQ(sum, spec->bias.empty() ? 0.0 : spec->bias[static_cast<size_t>(oc)]) << where;
      std::vector<double> channel_sums(static_cast<size_t>(in_per_group), 0.0);
      for (size_t j = 0; j < got["terms"].size(); ++j) {
        const Json& t = got["terms"][j];
        const int ci = static_cast<int>(j) / taps;
        const int kx = static_cast<int>(j) % taps;
        const int x = window_left + kx * spec->dilation;
        EXPECT_EQ(t["c"].get<int>(), c0 + ci) << where;
        EXPECT_EQ(t["x"].get<int>(), x) << where;
        EXPECT_EQ(t["input"].get<double>(), NaivePadded1d(spec->input, c0 + ci, left, x, spec->padding_mode))
            << where;
        EXPECT_EQ(t["weight"].get<double>(), spec->weight.at(oc, ci, kx)) << where;
        const double product = t["input"].get<double>() * t["weight"].get<double>();
        EXPECT_EQ(t["product"].get<double>(), product) << where;
        channel_sums[static_cast<size_t>(ci)] += product;
        sum += product;
      }
      ASSERT_EQ(got["channel_sums"].size(), channel_sums.size()) << where;
      for (size_t ci = 0; ci < channel_sums.size(); ++ci) {
        EXPECT_NEAR(got["channel_sums"][ci].get<double>(), channel_sums[ci], 1e-12) << where;
      }
      EXPECT_NEAR(sum, got["value"].get<double>(), 1e-12) << where;
      EXPECT_NEAR(got["value"].get<double>(), expect["output"][oc][ox].get<double>(), 1e-12) << where;
    }
  }
}

TEST(CliPool1d, EveryReferenceCaseThroughStdin) {
  const Json cases = LoadGolden("pool1d_cases.json");
  ASSERT_EQ(cases.size(), 30u);
  for (size_t i = 0; i < cases.size(); ++i) {
    const std::string where = "case " + std::to_string(i);
    const Json& expect = cases[i]["expect"];
    const Json got = ExpectJsonOutput(Cli({"pool1d", "-"}, cases[i]["spec"].dump()));
    ASSERT_TRUE(got.is_object()) << where;
    EXPECT_EQ(got["output_shape"], expect["output_shape"]) << where;
    if (expect.contains("argmax")) {
      ExpectNestedNear(expect["output"], got["output"], 0.0, where + " output");
      EXPECT_EQ(got["argmax"], expect["argmax"]) << where;
    } else {
      ExpectNestedNear(expect["output"], got["output"], 1e-12, where + " output");
      EXPECT_FALSE(got.contains("argmax")) << where;
    }
  }
}

TEST(CliConv1dErrors, BadInputExitsTwoWithOneLine) {
  struct BadRun {
    std::vector<std::string> args;
    std::string stdin_text;
    std::string should_mention;
  };
  const std::string signal = R"("input": [[1, 2, 3]])";
  const std::vector<BadRun> runs = {
      {{"conv1d", "-"}, "{" + signal, "malformed JSON"},
      {{"conv1d", "-"}, "{" + signal + "}", "the spec has no \"weight\""},
      {{"conv1d", "-"}, "{" + signal + R"(, "weight": [[[1, 1, 1, 1]]]})",
       "the 4-tap kernel does not fit in the 3 padded samples"},
      {{"conv1d", "-"}, "{" + signal + R"(, "weight": [[[1]]], "padding": "full"})", "padding \"full\" is unknown"},
      {{"conv1d", "-"}, R"({"input": [[[1]]], "weight": [[[1]]]})", "expected [channels][samples]"},
      {{"trace1d", "-", "--step", "4"}, "{" + signal + R"(, "weight": [[[1]]]})",
       "step 4 is out of range: this convolution has 3 steps, 1 to 3"},
      {{"trace1d", "-", "--step", "0"}, "{" + signal + R"(, "weight": [[[1]]]})", "step 0 is out of range"},
      {{"trace1d", "-"}, "{" + signal + R"(, "weight": [[[1]]]})", "--step"},
      {{"pool1d", "-"}, "{" + signal + R"(, "mode": "max", "kernel": 4})",
       "the 4-sample window does not fit in the 3 padded samples"},
      {{"pool1d", "-"}, "{" + signal + R"(, "mode": "avg", "kernel": 2, "padding": 2})", "more than half"},
      {{"pool1d", "-"}, "{" + signal + R"(, "mode": "mean", "kernel": 2})", "mode must be \"max\" or \"avg\""},
      {{"pool1d", "/nonexistent/spec.json"}, "", "cannot open '/nonexistent/spec.json'"},
      {{"conv1d"}, "", "SPEC"},
  };
  for (const BadRun& run : runs) {
    SCOPED_TRACE(run.args[0] + " on " + run.stdin_text);
    ExpectCleanFailure(Cli(run.args, run.stdin_text), run.should_mention);
  }
}

TEST(CliConv1dHelp, EveryCommandHasHelpAndExitsZero) {
  for (const std::string command : {"conv1d", "trace1d", "pool1d"}) {
    const ProcessResult r = Cli({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find(command), std::string::npos) << r.out;
  }
}

}  // namespace
}  // namespace convstep
