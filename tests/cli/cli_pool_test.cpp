// convstep-cli pool2d and conv_transpose2d, run as subprocesses against
// PyTorch's reference vectors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/formats/spec_json.h"
#include "tests/support/cli.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::ExpectTensorNear;
using testing::LoadGolden;
using testing::ProcessResult;
using testing::Cli;
using testing::ExpectCleanFailure;

// Runs `command -` on the case's spec and checks the shape and the output
// values printed; returns the whole printed document.
Json RunCase(const std::string& command, const Json& c) {
  const ProcessResult r = Cli({command, "-"}, c["spec"].dump());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  Result<Json> got = ParseJson(r.out);
  EXPECT_TRUE(got.ok()) << r.out;
  if (!got) return Json();
  EXPECT_EQ((*got)["output_shape"], c["expect"]["output_shape"]);
  Result<Tensor3> output = Tensor3FromJson((*got)["output"], "output");
  EXPECT_TRUE(output.ok()) << r.out;
  if (output) ExpectTensorNear(c["expect"]["output"], *output);
  return *got;
}

TEST(CliPool2d, EveryReferenceCaseThroughStdin) {
  const Json cases = LoadGolden("pool2d_cases.json");
  ASSERT_EQ(cases.size(), 40u);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const Json got = RunCase("pool2d", cases[i]);
    if (cases[i]["expect"].contains("argmax")) {
      EXPECT_EQ(got["argmax"], cases[i]["expect"]["argmax"]);
    } else {
      EXPECT_FALSE(got.contains("argmax"));
    }
  }
}

TEST(CliPool2d, LectureMaxPoolSlice) {
  const Json example = LoadGolden("seed_examples.json")["maxpool_2x2_stride2"];
  const Json got = RunCase("pool2d", example);
  EXPECT_EQ(got["argmax"], example["expect"]["argmax"]);
  EXPECT_EQ(got["argmax"], Json::parse("[[[5, 7], [8, 15]]]"));
}

// One step printed: its value and argmax are PyTorch's for that output cell,
// and its arithmetic is the line the window shows.
TEST(CliPool2d, TheLectureSliceStepByStep) {
  const Json example = LoadGolden("seed_examples.json")["maxpool_2x2_stride2"];
  const Json& expect = example["expect"];
  for (int k = 0; k < 4; ++k) {
    SCOPED_TRACE("step " + std::to_string(k));
    const ProcessResult r = Cli({"pool2d", "-", "--step", std::to_string(k + 1)}, example["spec"].dump());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Result<Json> got = ParseJson(r.out);
    ASSERT_TRUE(got) << r.out;
    const int y = k / 2;
    const int x = k % 2;
    EXPECT_EQ((*got)["out_y"], y);
    EXPECT_EQ((*got)["out_x"], x);
    EXPECT_EQ((*got)["value"], expect["output"][0][y][x]);
    EXPECT_EQ((*got)["argmax"], expect["argmax"][0][y][x]);
    EXPECT_EQ((*got)["taps"].size(), 4u);
  }
  // Step 1 of the slide: max(1, 1, 5, 6) = 6.
  const ProcessResult r = Cli({"pool2d", "-", "--step", "1"}, example["spec"].dump());
  Result<Json> got = ParseJson(r.out);
  ASSERT_TRUE(got) << r.out;
  const Json& in = example["spec"]["input"][0];
  const std::string taps = std::to_string(in[0][0].get<int>()) + ", " + std::to_string(in[0][1].get<int>()) + ", " +
                           std::to_string(in[1][0].get<int>()) + ", " + std::to_string(in[1][1].get<int>());
  EXPECT_EQ((*got)["arithmetic"], "max(" + taps + ") = 6");
}

TEST(CliPool2d, EveryStepOfEveryCaseIsPyTorchsValue) {
  const Json cases = LoadGolden("pool2d_cases.json");
  for (size_t i = 0; i < cases.size(); i += 7) {  // a spread of modes, paddings and ceil_mode
    const Json& c = cases[i];
    const Json& shape = c["expect"]["output_shape"];
    const int total = shape[0].get<int>() * shape[1].get<int>() * shape[2].get<int>();
    const int k = total - 1;
    const ProcessResult r = Cli({"pool2d", "-", "--step", std::to_string(k + 1)}, c["spec"].dump());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Result<Json> got = ParseJson(r.out);
    ASSERT_TRUE(got) << r.out;
    const int ch = (*got)["channel"];
    const int y = (*got)["out_y"];
    const int x = (*got)["out_x"];
    EXPECT_EQ(ch, shape[0].get<int>() - 1);
    EXPECT_NEAR((*got)["value"].get<double>(), c["expect"]["output"][ch][y][x].get<double>(), 1e-12) << i;
  }
}

TEST(CliPool2d, AStepPastTheEndIsOneMessage) {
  const Json example = LoadGolden("seed_examples.json")["maxpool_2x2_stride2"];
  ExpectCleanFailure(Cli({"pool2d", "-", "--step", "5"}, example["spec"].dump()),
                     "step 5 is out of range: this pooling has 4 steps, 1 to 4");
  ExpectCleanFailure(Cli({"pool2d", "-", "--step", "0"}, example["spec"].dump()),
                     "step 0 is out of range: this pooling has 4 steps, 1 to 4");
}

TEST(CliConvTranspose2d, EveryReferenceCaseThroughStdin) {
  const Json cases = LoadGolden("conv_transpose2d_cases.json");
  ASSERT_EQ(cases.size(), 20u);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    RunCase("conv_transpose2d", cases[i]);
  }
}

TEST(CliPoolErrors, BadInputExitsTwoWithOneLine) {
  struct BadRun {
    std::vector<std::string> args;
    std::string stdin_text;
    std::string should_mention;
  };
  const std::string one = R"("input": [[[1, 2], [3, 4]]])";
  const std::vector<BadRun> runs = {
      {{"pool2d", "-"}, "{" + one, "malformed JSON"},
      {{"pool2d", "-"}, "{" + one + R"(, "mode": "min", "kernel": 2})", "mode must be \"max\" or \"avg\""},
      {{"pool2d", "-"}, "{" + one + R"(, "mode": "max"})", "the spec has no \"kernel\""},
      {{"pool2d", "-"}, "{" + one + R"(, "mode": "max", "kernel": 3})", "does not fit"},
      {{"pool2d", "-"}, "{" + one + R"(, "mode": "max", "kernel": 2, "padding": 2})", "more than half"},
      {{"pool2d", "-"}, "{" + one + R"(, "mode": "avg", "kernel": 1, "dilation": 2})",
       "average pooling has no dilation"},
      {{"pool2d", "-"}, "{" + one + R"(, "mode": "max", "kernel": 1, "ceil_mode": 1})",
       "ceil_mode must be true or false"},
      {{"conv_transpose2d", "-"}, "{" + one + R"(, "weight": [[[[1]]], [[[1]]]]})",
       "the weight is laid out for 2 input channels (its first dimension) but the image has 1"},
      {{"conv_transpose2d", "-"}, "{" + one + R"(, "weight": [[[[1]]]], "stride": 2, "output_padding": 2})",
       "output_padding of 2 rows must be smaller than the stride (2) or the dilation (1)"},
      {{"conv_transpose2d", "-"}, "{" + one + "}", "the spec has no \"weight\""},
      {{"pool2d", "/nonexistent/spec.json"}, "", "cannot open '/nonexistent/spec.json'"},
      {{"pool2d"}, "", "SPEC"},
      {{"conv_transpose2d"}, "", "SPEC"},
  };
  for (const BadRun& run : runs) {
    SCOPED_TRACE(run.args[0] + " on " + run.stdin_text);
    ExpectCleanFailure(Cli(run.args, run.stdin_text), run.should_mention);
  }
}

TEST(CliPoolHelp, BothCommandsHaveHelpAndExitZero) {
  for (const std::string command : {"pool2d", "conv_transpose2d"}) {
    const ProcessResult r = Cli({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find(command), std::string::npos) << r.out;
  }
}

}  // namespace
}  // namespace convstep
