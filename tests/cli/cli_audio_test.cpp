// convstep-cli spectrogram, run as a subprocess on torchaudio's reference
// vectors, and its contract on bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/formats/spec_json.h"
#include "tests/support/cli.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::Cli;
using testing::ExpectCleanFailure;
using testing::ExpectJsonOutput;
using testing::LoadGolden;
using testing::ProcessResult;

double LargestMagnitude(const Json& values) {
  double largest = 0.0;
  for (const Json& row : values) {
    for (const Json& v : row) largest = std::max(largest, std::abs(v.get<double>()));
  }
  return largest;
}

// The golden README's rule, as in tests/core/audio_golden_test.cpp.
void ExpectValuesNear(const Json& expect, const Json& got, double relative, const std::string& where) {
  ASSERT_EQ(got["shape"], expect["shape"]) << where;
  const double scale = std::max(1.0, LargestMagnitude(expect["values"]));
  const Json& want = expect["values"];
  ASSERT_EQ(got["values"].size(), want.size()) << where;
  for (size_t r = 0; r < want.size(); ++r) {
    ASSERT_EQ(got["values"][r].size(), want[r].size()) << where;
    for (size_t c = 0; c < want[r].size(); ++c) {
      const double w = want[r][c].get<double>();
      const double diff = std::abs(w - got["values"][r][c].get<double>());
      EXPECT_TRUE(diff <= relative * scale || diff <= relative * std::abs(w))
          << where << " row " << r << ", frame " << c << ": want " << w << ", got " << got["values"][r][c];
    }
  }
}

TEST(CliSpectrogram, EveryReferenceCaseThroughStdin) {
  const Json cases = LoadGolden("audio_cases.json");
  ASSERT_EQ(cases.size(), 30u);
  for (size_t i = 0; i < cases.size(); ++i) {
    const ProcessResult r = Cli({"spectrogram", "-"}, cases[i]["spec"].dump());
    ExpectValuesNear(cases[i]["expect"], ExpectJsonOutput(r), 1e-7, "case " + std::to_string(i));
  }
}

TEST(CliSpectrogram, Float32AndAFilePath) {
  const Json cases = LoadGolden("audio_cases.json");
  const std::string path = ::testing::TempDir() + "convstep_audio_case.json";
  for (size_t i : {0u, 2u, 3u, 10u}) {
    std::ofstream(path) << cases[i]["spec"].dump();
    const ProcessResult r = Cli({"spectrogram", path, "--float32"});
    ExpectValuesNear(cases[i]["expect"], ExpectJsonOutput(r), 1e-3, "case " + std::to_string(i));
  }
  std::remove(path.c_str());
}

TEST(CliSpectrogram, BadInputFailsCleanly) {
  ExpectCleanFailure(Cli({"spectrogram", "-"}, "{"), "malformed JSON");
  ExpectCleanFailure(Cli({"spectrogram", "/nonexistent/spec.json"}), "cannot open");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, R"({"samples": [1, 2, 3], "sample_rate": 8000})"), "n_fft");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, R"({"samples": [1, 2, 3], "sample_rate": 8000, "n_fft": 8,
                                                   "hop_length": 2})"),
                     "pad_mode \"reflect\" needs more than");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, R"({"file": "a.wav", "sample_rate": 8000, "n_fft": 8})"),
                     "reading sound files is not built yet");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, R"({"samples": [1, 2, 3, 4, 5, 6, 7, 8, 9], "sample_rate": 8000,
                                                   "n_fft": 8, "hop_length": 2, "power": 3})"),
                     "power must be 1");
  ExpectCleanFailure(Cli({"spectrogram"}), "SPEC");
}

}  // namespace
}  // namespace convstep
