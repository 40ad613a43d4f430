// convstep-cli summary, run as a subprocess against Keras's numbers.
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

TEST(CliSummary, EveryReferenceCaseAsJson) {
  const Json cases = LoadGolden("summary_cases.json");
  ASSERT_EQ(cases.size(), 11u);
  for (size_t i = 0; i < cases.size(); ++i) {
    const ProcessResult r = Cli({"summary", "-", "--json"}, cases[i]["model"].dump());
    ASSERT_EQ(r.exit_code, 0) << "case " << i << ": " << r.err;
    Result<Json> got = ParseJson(r.out);
    ASSERT_TRUE(got.ok()) << r.out;
    // Same keys and values as the reference: per-layer type, output_shape
    // and params, and the three totals.
    EXPECT_EQ(*got, cases[i]["expect"]) << "case " << i;
  }
}

TEST(CliSummary, LectureModelTable) {
  const Json model = LoadGolden("seed_examples.json")["keras_cifar_summary"]["model"];
  const ProcessResult r = Cli({"summary", "-"}, model.dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.rfind("Model: \"sequential\"\n", 0), 0u) << r.out;
  // Widened by two columns for "max_pooling2d_1 (MaxPooling2D)", which
  // Keras would truncate.
  EXPECT_NE(r.out.find("\nLayer (type)                   Output Shape              Param #   \n"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nconv2d_2 (Conv2D)              (None, 4, 4, 128)         73856     \n"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nTotal params: 113,738\nTrainable params: 113,738\nNon-trainable params: 0\n"),
            std::string::npos) << r.out;
}

// A sequence model: Conv1D on [steps, channels]. Causal, stride 1:
// ceil(16/1) = 16 steps, 2*1*4 + 4 = 12 params; MaxPooling1D 2: (16 - 2)/2 + 1
// = 8; GlobalAveragePooling1D: the 4 channels.
TEST(CliSummary, ASequenceModelAsJson) {
  const Json model = {{"input_shape", {16, 1}},
                      {"layers",
                       {{{"type", "conv1d"}, {"filters", 4}, {"kernel_size", 2}, {"padding", "causal"}},
                        {{"type", "maxpool1d"}},
                        {{"type", "globalavgpool1d"}}}}};
  const ProcessResult r = Cli({"summary", "-", "--json"}, model.dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Result<Json> got = ParseJson(r.out);
  ASSERT_TRUE(got.ok()) << r.out;
  const Json want = {{"layers",
                      {{{"type", "conv1d"}, {"output_shape", {16, 4}}, {"params", 12}},
                       {{"type", "maxpool1d"}, {"output_shape", {8, 4}}, {"params", 0}},
                       {{"type", "globalavgpool1d"}, {"output_shape", {4}}, {"params", 0}}}},
                     {"total_params", 12},
                     {"trainable_params", 12},
                     {"non_trainable_params", 0}};
  EXPECT_EQ(*got, want);
}

TEST(CliSummary, BadInputExitsTwoWithOneLine) {
  ExpectCleanFailure(Cli({"summary", "-"}, "{\"input_shape\": [32, 32, 3], \"layers\": ["), "malformed JSON");
  ExpectCleanFailure(Cli({"summary", "-"}, "{\"input_shape\": [32, 32, 3], \"layers\": [{\"type\": \"conv3d\"}]}"),
                     "layer 1: unknown layer type \"conv3d\"");
  ExpectCleanFailure(Cli({"summary", "-", "--json"},
                         "{\"input_shape\": [6, 6, 1], \"layers\": [{\"type\": \"conv2d\", \"filters\": 4, "
                         "\"kernel_size\": 3}, {\"type\": \"maxpool2d\"}, {\"type\": \"conv2d\", \"filters\": 4, "
                         "\"kernel_size\": 3}]}"),
                     "layer 3, conv2d_1 (Conv2D): the 3\u00d73 kernel does not fit in the 2\u00d72 input");
  ExpectCleanFailure(Cli({"summary", "-"}, "{\"input_shape\": [30, 30, 32], \"layers\": [{\"type\": \"maxpool2d\"}, "
                                           "{\"type\": \"dense\", \"units\": 10}]}"),
                     "layer 2, dense (Dense): needs a flat input, but gets 15\u00d715\u00d732: add a Flatten layer before it");
  // Two numbers are a sequence's [steps, channels]; one is nothing.
  ExpectCleanFailure(Cli({"summary", "-"}, "{\"input_shape\": [32], \"layers\": []}"), "input_shape");
  ExpectCleanFailure(Cli({"summary", "/nonexistent/model.json"}), "cannot open '/nonexistent/model.json'");
  ExpectCleanFailure(Cli({"summary"}), "MODEL");
}

TEST(CliSummary, HasHelp) {
  const ProcessResult r = Cli({"summary", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("summary"), std::string::npos) << r.out;
  EXPECT_NE(Cli({"--help"}).out.find("summary"), std::string::npos);
}

}  // namespace
}  // namespace convstep
