// convstep-cli forward and train-steps, run as subprocesses on every case of
// nn_cases.json and train_cases.json (PyTorch's float64 numbers, to 1e-9
// scaled by max(1, |value|)), a network file named by the spec, and bad
// input.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/formats/spec_json.h"
#include "tests/support/cli.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::Cli;
using testing::ExpectCleanFailure;
using testing::ExpectJsonOutput;
using testing::JsonNear;
using testing::LoadGolden;
using testing::TestTempPath;

constexpr double kTolerance = 1e-9;

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

TEST(CliNn, ForwardEveryReferenceCaseWithItsGradients) {
  const Json cases = LoadGolden("nn_cases.json");
  ASSERT_EQ(cases.size(), 30u);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    // The case as it is: its "op" and "expect" are let through.
    const Json got = ExpectJsonOutput(Cli({"forward", "-"}, cases[i].dump()));
    EXPECT_TRUE(JsonNear(cases[i]["expect"], got, kTolerance));
  }
}

TEST(CliNn, ForwardWithoutATargetGivesNoLossOrGradients) {
  Json spec = LoadGolden("nn_cases.json")[0];
  const Json expect = spec["expect"];
  spec.erase("target");
  spec.erase("expect");
  const Json got = ExpectJsonOutput(Cli({"forward", "-"}, spec.dump()));
  const Json want = {{"activations", expect["activations"]},
                     {"logits", expect["logits"]},
                     {"probabilities", expect["probabilities"]}};
  EXPECT_TRUE(JsonNear(want, got, kTolerance));
}

TEST(CliNn, TrainStepsEveryReferenceCase) {
  const Json cases = LoadGolden("train_cases.json");
  ASSERT_EQ(cases.size(), 10u);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const Json got = ExpectJsonOutput(Cli({"train-steps", "-"}, cases[i].dump()));
    EXPECT_TRUE(JsonNear(cases[i]["expect"], got, kTolerance));
  }
}

// "model" may name a network file, found beside the spec wherever the CLI
// runs from.
TEST(CliNn, TheModelCanBeAFileBesideTheSpec) {
  const Json c = LoadGolden("nn_cases.json")[3];
  const std::filesystem::path folder = TestTempPath("spec_folder");
  std::filesystem::create_directories(folder / "nets");
  WriteText((folder / "nets" / "small.json").string(), c["model"].dump());
  const Json spec = {{"model", "nets/small.json"}, {"input", c["input"]}, {"target", c["target"]}};
  WriteText((folder / "spec.json").string(), spec.dump());
  EXPECT_TRUE(JsonNear(c["expect"], ExpectJsonOutput(Cli({"forward", (folder / "spec.json").string()})), kTolerance));

  const Json train = LoadGolden("train_cases.json")[1];
  Json train_spec = train;
  WriteText((folder / "nets" / "train.json").string(), train["model"].dump());
  train_spec["model"] = "nets/train.json";
  WriteText((folder / "train.json").string(), train_spec.dump());
  EXPECT_TRUE(JsonNear(train["expect"], ExpectJsonOutput(Cli({"train-steps", (folder / "train.json").string()})),
                       kTolerance));

  ExpectCleanFailure(Cli({"forward", "-"}, Json{{"model", (folder / "none.json").string()}, {"input", c["input"]}}.dump()),
                     "model: ");
}

TEST(CliNn, BadInputExitsTwoWithOneLine) {
  const Json c = LoadGolden("nn_cases.json")[0];  // 8×8×2, conv2d 3×3 with batchnorm, 4 classes
  ExpectCleanFailure(Cli({"forward", "-"}, "{\"model\": "), "malformed JSON");
  // A model that does not fit its input: the input is 6×6 here.
  Json small = c;
  small["model"]["input_shape"] = {2, 2, 2};
  ExpectCleanFailure(Cli({"forward", "-"}, small.dump()),
                     "model: layer 1, conv2d (Conv2D): the 3\u00d73 kernel does not fit in the 2\u00d72 input");
  // JSON has no NaN: a file written by Python's json.dumps with one is malformed.
  std::string nan_text = c.dump();
  nan_text.replace(nan_text.find("\"bias\":[") + 8, 0, "NaN,");
  ExpectCleanFailure(Cli({"forward", "-"}, nan_text), "malformed JSON");
  Json wrong_size = c;
  wrong_size["model"]["layers"][5]["weight"].erase(0);
  ExpectCleanFailure(Cli({"forward", "-"}, wrong_size.dump()),
                     "model: layer 6, dense (Dense): weight is [3][27] but must be [4][27] [units][inputs]");
  Json no_weights = c;
  no_weights["model"]["layers"][0].erase("weight");
  no_weights["model"]["layers"][0].erase("bias");
  ExpectCleanFailure(Cli({"forward", "-"}, no_weights.dump()), "model: layer 1, conv2d (Conv2D): no weights");
  Json target = c;
  target["target"] = 4;
  ExpectCleanFailure(Cli({"forward", "-"}, target.dump()),
                     "target 4 is no class: the model gives 4 class scores, so a target is from 0 to 3");
  Json input = c;
  input["input"].erase(1);
  ExpectCleanFailure(Cli({"forward", "-"}, input.dump()),
                     "input: the input is [1][8][8] but the model takes input_shape [8, 8, 2]: [2][8][8] "
                     "[channels][rows][columns]");
  Json no_input = c;
  no_input.erase("input");
  ExpectCleanFailure(Cli({"forward", "-"}, no_input.dump()), "the spec has no \"input\"");

  const Json t = LoadGolden("train_cases.json")[0];
  Json steps = t;
  steps["steps"] = 0;
  ExpectCleanFailure(Cli({"train-steps", "-"}, steps.dump()), "steps must be a whole number from 1 to 10000");
  Json optimizer = t;
  optimizer["optimizer"] = {{"type", "rmsprop"}, {"lr", 0.1}};
  ExpectCleanFailure(Cli({"train-steps", "-"}, optimizer.dump()), "the optimizer must be");
  Json targets = t;
  targets["targets"] = {1};
  ExpectCleanFailure(Cli({"train-steps", "-"}, targets.dump()), "targets must be a list of 2 class indices");
  // Batchnorm trains otherwise in PyTorch: refused rather than trained
  // differently.
  Json with_bn = t;
  with_bn["model"] = c["model"];
  with_bn["inputs"] = {c["input"]};
  with_bn["targets"] = {0};
  ExpectCleanFailure(Cli({"train-steps", "-"}, with_bn.dump()),
                     "layer 2, batch_normalization (BatchNormalization): the exact path trains in eval mode");
}

}  // namespace
}  // namespace convstep
