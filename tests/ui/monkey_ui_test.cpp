// The monkey tester on the real window: random actions from fixed seeds on
// several presets and on a file break nothing; a failure is reported with
// its seed, its action and a script that breaks again when replayed; one
// seed always gives the same actions; and every regression script the
// monkey's findings became (tests/monkey/*.json) runs clean under
// --check-invariants.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/ui/ui_harness.h"

namespace convstep {
namespace {

using testing::ProcessResult;

// Fewer actions under the sanitizers, where a frame costs several times
// more: about 20 s a preset there.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kActions = 250;
#else
constexpr int kActions = 600;
#endif

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> Lines(const std::string& text, const std::string& prefix) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with(prefix)) lines.push_back(line);
  }
  return lines;
}

struct MonkeyRun {
  const char* preset;
  int seed;
};

class MonkeyOnPreset : public ::testing::TestWithParam<MonkeyRun> {};

TEST_P(MonkeyOnPreset, BreaksNothing) {
  const MonkeyRun& run = GetParam();
  const std::string failure = testing::TestTempPath("failure.json");
  std::filesystem::remove(failure);
  const ProcessResult r = Window({"--monkey", std::to_string(kActions), "--seed", std::to_string(run.seed), "--preset",
                                  run.preset, "--monkey-out", failure});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Contains(r.out, "monkey: " + std::to_string(kActions) + " actions, ")) << r.out;
  EXPECT_TRUE(Contains(r.out, " checks, 0 broken\n")) << r.out;
  EXPECT_FALSE(std::filesystem::exists(failure));
}

INSTANTIATE_TEST_SUITE_P(Presets, MonkeyOnPreset,
                         ::testing::Values(MonkeyRun{"ejemplo1", 1}, MonkeyRun{"ejemplo_convolucion", 2},
                                           MonkeyRun{"siete_filtros", 3}, MonkeyRun{"large_64x64x3", 4},
                                           MonkeyRun{"imagen_bordes", 5}),
                         [](const ::testing::TestParamInfo<MonkeyRun>& run) { return std::string(run.param.preset); });

TEST(Monkey, RunsOnAFileGivenOnTheCommandLine) {
  const std::string session = testing::TestTempPath("session.json");
  RunScript("save", Json::parse(R"([{"save": ")" + session + R"("}])"), {"--preset", "ejemplo_convolucion"});
  const ProcessResult r = Window({session, "--monkey", std::to_string(kActions / 4), "--seed", "6"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Contains(r.out, " checks, 0 broken\n")) << r.out;
  EXPECT_TRUE(Contains(r.err, "actions on '" + session + "'")) << r.err;
}

TEST(Monkey, AFailureNamesTheSeedAndTheActionAndWritesAScriptThatBreaksAgain) {
  const std::string failure = testing::TestTempPath("failure.json");
  std::filesystem::remove(failure);
  const ProcessResult r = Window({"--monkey", "40", "--seed", "9", "--preset", "ejemplo1", "--break-at", "12",
                                  "--monkey-out", failure});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Contains(r.out, "monkey: action 12 broke (seed 9):\n  --break-at: broken on purpose\n")) << r.out;
  EXPECT_TRUE(Contains(r.out, "monkey: 13 actions, ")) << r.out;
  EXPECT_TRUE(Contains(r.out, ", 1 broken\n")) << r.out;
  EXPECT_TRUE(Contains(r.out, "--preset ejemplo1 --script " + failure + " --check-invariants")) << r.out;
  // The last actions as a script, printed.
  const size_t from = r.out.find("the last 13 actions:\n[");
  ASSERT_NE(from, std::string::npos) << r.out;
  const size_t begin = r.out.find('[', from);
  const size_t end = r.out.find("\n]\n", begin);
  ASSERT_NE(end, std::string::npos);
  const Json printed = Json::parse(r.out.substr(begin, end + 2 - begin));
  ASSERT_EQ(printed.size(), 13u);
  // Every action up to it, in the file: a script that replays the run.
  const Json written = ReadJsonFile(failure);
  ASSERT_TRUE(written.is_array());
  EXPECT_EQ(written, printed);
  const ProcessResult again =
      Window({"--preset", "ejemplo1", "--script", failure, "--check-invariants", "--break-at", "12"});
  EXPECT_EQ(again.exit_code, 1) << again.out << again.err;
  EXPECT_TRUE(Contains(again.out, "script: action 12 broke:\n")) << again.out;
  const ProcessResult clean = Window({"--preset", "ejemplo1", "--script", failure, "--check-invariants"});
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_TRUE(Contains(clean.out, "script: 13 actions, ")) << clean.out;
}

TEST(Monkey, OneSeedGivesTheSameActionsAndTheirScriptTheSameWindow) {
  const std::string dump = testing::TestTempPath("monkey_state.json");
  const std::vector<std::string> args{"--monkey", "80", "--seed", "21", "--preset", "ejemplo_convolucion",
                                      "--monkey-log", "--dump-state", dump};
  const ProcessResult first = Window(args);
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  const ProcessResult second = Window(args);
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  const std::vector<std::string> actions = Lines(first.err, "monkey: action ");
  ASSERT_EQ(actions.size(), 80u) << first.err;
  EXPECT_EQ(actions, Lines(second.err, "monkey: action "));
  // The logged actions, replayed as a script, leave the window the same.
  Json script = Json::array();
  for (const std::string& line : actions) script.push_back(Json::parse(line.substr(line.find(": {") + 2)));
  const std::string script_path = testing::TestTempPath("replay.json");
  std::ofstream(script_path) << script.dump();
  const std::string replay_dump = testing::TestTempPath("replay_state.json");
  const ProcessResult replay = Window({"--preset", "ejemplo_convolucion", "--script", script_path,
                                       "--check-invariants", "--dump-state", replay_dump});
  ASSERT_EQ(replay.exit_code, 0) << replay.out << replay.err;
  // Each run has its own $TMP folder, which messages may name.
  const auto without_tmp = [](const Json& j) {
    return Json::parse(std::regex_replace(j.dump(), std::regex("/[^\"]*/convstep-script-[0-9]+-[0-9]+/"), "$$TMP/"));
  };
  const Json a = without_tmp(ReadJsonFile(dump));
  const Json b = without_tmp(ReadJsonFile(replay_dump));
  for (const char* key : {"input", "weight_shape", "step", "total_steps", "tab", "message", "practice", "language",
                          "appearance", "pending_paste", "pending_image", "window_title"}) {
    EXPECT_EQ(a[key], b[key]) << key;
  }
}

// Each finding of the monkey, kept as the script that showed it.
TEST(MonkeyRegression, EveryScriptRunsClean) {
  std::vector<std::filesystem::path> scripts;
  for (const auto& entry : std::filesystem::directory_iterator(CONVSTEP_MONKEY_SCRIPTS)) {
    if (entry.path().extension() == ".json") scripts.push_back(entry.path());
  }
  std::sort(scripts.begin(), scripts.end());
  ASSERT_FALSE(scripts.empty());
  for (const std::filesystem::path& script : scripts) {
    const ProcessResult r = Window({"--script", script.string(), "--check-invariants"});
    EXPECT_EQ(r.exit_code, 0) << script.filename() << "\n" << r.out << r.err;
    EXPECT_TRUE(Contains(r.out, " checks, 0 broken\n")) << script.filename() << "\n" << r.out;
  }
}

}  // namespace
}  // namespace convstep
