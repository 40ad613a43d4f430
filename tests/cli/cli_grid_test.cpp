// convstep-cli grid FILE, and grid files named in specs in place of the
// numbers, run as subprocesses on files written to the test's temporary
// folder.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>

#include "core/formats/spec_json.h"
#include "tests/support/cli.h"
#include "tests/support/npy_bytes.h"

namespace convstep {
namespace {

using testing::Cli;
using testing::ExpectCleanFailure;
using testing::ExpectJsonOutput;
using testing::LittleEndian;
using testing::Npy;
using testing::NpyDict;
using testing::ProcessResult;
using testing::TestTempPath;

// ctest runs the tests in parallel: each test writes files of its own.

std::string WriteFile(const std::string& name, const std::string& bytes) {
  const std::string path = TestTempPath(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}


// The input 1..9 as a 3 × 3 CSV grid.
std::string NineCsv() { return WriteFile("nine.csv", "1,2,3\n4,5,6\n7,8,9\n"); }
// The weight [[1, 2], [3, 4]] as a 2-D float64 .npy.
std::string WeightNpy() {
  return WriteFile("weight.npy", Npy(NpyDict("<f8", "(2, 2)"), LittleEndian<double>({1, 2, 3, 4})));
}

TEST(CliGrid, PrintsShapeAndDataNestedChannelsRowsColumns) {
  const std::string path = WriteFile("chile.csv", "1,5;2,25\n3;4\n\n5;6\n7;8,5\n");
  const ProcessResult r = Cli({"grid", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "{\"data\":[[[1.5,2.25],[3.0,4.0]],[[5.0,6.0],[7.0,8.5]]],\"shape\":[2,2,2]}\n");
}

TEST(CliGrid, EverySupportedExtension) {
  EXPECT_EQ(ExpectJsonOutput(Cli({"grid", WriteFile("a.tsv", "1\t2\n3\t4\n")}))["data"], Json::parse("[[[1,2],[3,4]]]"));
  EXPECT_EQ(ExpectJsonOutput(Cli({"grid", WriteFile("a.txt", "0.5 1\n")}))["data"], Json::parse("[[[0.5,1]]]"));
  EXPECT_EQ(ExpectJsonOutput(Cli({"grid", WriteFile("upper.TXT", "7\n")}))["shape"], Json::parse("[1,1,1]"));
  const std::string rgb = WriteFile(
      "rgb.npy", Npy(NpyDict("|u1", "(3, 1, 2)"), LittleEndian<std::uint8_t>({255, 0, 10, 20, 0, 128})));
  const Json j = ExpectJsonOutput(Cli({"grid", rgb}));
  EXPECT_EQ(j["shape"], Json::parse("[3,1,2]"));
  EXPECT_EQ(j["data"], Json::parse("[[[255,0]],[[10,20]],[[0,128]]]"));
}

TEST(CliGrid, ARelativePathIsResolvedAgainstTheCurrentDirectory) {
  const std::string relative = std::filesystem::relative(NineCsv()).string();
  ASSERT_FALSE(std::filesystem::path(relative).is_absolute());
  EXPECT_EQ(ExpectJsonOutput(Cli({"grid", relative}))["shape"], Json::parse("[1,3,3]"));
}

TEST(CliGrid, EveryFailureIsOneLineOnStderrAndExitCode2) {
  const std::string missing = TestTempPath("missing.csv");
  ExpectCleanFailure(Cli({"grid", missing}), "cannot open '" + missing + "'");
  ExpectCleanFailure(Cli({"grid", ::testing::TempDir()}), "is a directory, not a grid file");
  ExpectCleanFailure(Cli({"grid", WriteFile("a.json", "[[1]]")}),
                     "a.json' is not a grid file: use .csv, .tsv or .txt (text) or .npy (NumPy)");
  const std::string ragged = WriteFile("ragged.csv", "1,2\n3\n");
  ExpectCleanFailure(Cli({"grid", ragged}), "'" + ragged + "': line 2 has 1 value but line 1 has 2");
  ExpectCleanFailure(Cli({"grid", WriteFile("word.txt", "1 2\n3 x\n")}),
                     "word.txt': line 2, column 2: \"x\" is not a number");
  ExpectCleanFailure(Cli({"grid", WriteFile("nan.tsv", "1\tNaN\n")}), "\"NaN\" is not a finite number");
  ExpectCleanFailure(Cli({"grid", WriteFile("binary.txt", std::string("1\0 2", 4))}), "this is not a text grid");
  ExpectCleanFailure(Cli({"grid", WriteFile("empty.csv", "")}), "the text has no numbers");
  ExpectCleanFailure(Cli({"grid", WriteFile("channels.txt", "1 2\n\n3\n")}),
                     "channel 2 (lines 3 to 3) is 1\u00d71 but channel 1 is 1\u00d72");
  const std::string npy = Npy(NpyDict("<f8", "(2, 2)"), LittleEndian<double>({1, 2, 3, 4}));
  ExpectCleanFailure(Cli({"grid", WriteFile("short.npy", npy.substr(0, npy.size() - 3))}),
                     "the .npy file is truncated");
  ExpectCleanFailure(Cli({"grid", WriteFile("big.npy", Npy(NpyDict(">f8", "(1, 1)"), LittleEndian<double>({1})))}),
                     "big-endian");
  ExpectCleanFailure(Cli({"grid", WriteFile("text.npy", "1,2\n")}), "this is not a .npy file");
  ExpectCleanFailure(Cli({"grid", WriteFile("huge.txt", std::string(8 * 1024 * 1024 + 1, '1'))}),
                     "huge.txt' is larger than 8 MiB");
  ExpectCleanFailure(Cli({"grid"}), "FILE is required");
}

TEST(CliGrid, SpecsNameGridFilesForInputAndWeight) {
  const Json spec = {{"input", NineCsv()}, {"weight", WeightNpy()}};
  const Json conv = ExpectJsonOutput(Cli({"conv2d", "-"}, spec.dump()));
  EXPECT_EQ(conv["output_shape"], Json::parse("[1,2,2]"));
  EXPECT_EQ(conv["output"], Json::parse("[[[37,47],[67,77]]]"));

  const Json step = ExpectJsonOutput(Cli({"trace", "-", "--step", "4"}, spec.dump()));
  EXPECT_EQ(step["value"], 77);
  EXPECT_EQ(step["terms"].size(), 4u);
  EXPECT_EQ(step["terms"][3]["weight"], 4);
  EXPECT_EQ(step["terms"][3]["input"], 9);

  const Json pool_spec = {{"input", NineCsv()}, {"mode", "max"}, {"kernel", 2}, {"stride", 1}};
  const Json pool = ExpectJsonOutput(Cli({"pool2d", "-"}, pool_spec.dump()));
  EXPECT_EQ(pool["output"], Json::parse("[[[5,6],[8,9]]]"));

  // In a transposed convolution the file is one input channel's kernels.
  const Json transpose_spec = {{"input", {{{2}}}}, {"weight", WeightNpy()}};
  const Json transpose = ExpectJsonOutput(Cli({"conv_transpose2d", "-"}, transpose_spec.dump()));
  EXPECT_EQ(transpose["output"], Json::parse("[[[2,4],[6,8]]]"));
}

TEST(CliGrid, AThreeDimensionalWeightFileIsOneFilterOverEveryChannel) {
  const std::string input = WriteFile("two_channels.txt", "1 2\n3 4\n\n10 20\n30 40\n");
  const std::string weight = WriteFile(
      "two_channels.npy", Npy(NpyDict("|i1", "(2, 2, 2)"), LittleEndian<std::int8_t>({1, 0, 0, 1, -1, 0, 0, 0})));
  const Json conv = ExpectJsonOutput(Cli({"conv2d", "-"}, Json{{"input", input}, {"weight", weight}}.dump()));
  EXPECT_EQ(conv["output"], Json::parse("[[[-5]]]"));  // 1 + 4 - 10
}

TEST(CliGrid, ABadFileInASpecNamesTheFieldAndTheFile) {
  const std::string missing = TestTempPath("nowhere.csv");
  ExpectCleanFailure(Cli({"conv2d", "-"}, Json{{"input", missing}, {"weight", WeightNpy()}}.dump()),
                     "input: cannot open '" + missing + "'");
  const std::string ragged = WriteFile("ragged_weight.csv", "1,2\n3\n");
  ExpectCleanFailure(Cli({"conv2d", "-"}, Json{{"input", NineCsv()}, {"weight", ragged}}.dump()),
                     "weight: '" + ragged + "': line 2 has 1 value but line 1 has 2");
  ExpectCleanFailure(Cli({"pool2d", "-"}, Json{{"input", "grid.csv"}, {"mode", "max"}, {"kernel", 2}}.dump()),
                     "input: cannot open 'grid.csv'");
  // Specs take numbers, not pictures: `convstep-cli grid` turns one into numbers.
  const std::string photo = WriteFile("photo.png", "\x89PNG\r\n");
  ExpectCleanFailure(Cli({"conv2d", "-"}, Json{{"input", photo}, {"weight", WeightNpy()}}.dump()),
                     "input: '" + photo + "' is an image, not a grid file (.csv, .tsv, .txt or .npy)");
}

}  // namespace
}  // namespace convstep
