// The practice tab in the real window, driven by scripts: answers typed and
// checked with Enter, right, wrong and not a number, with each answer worked
// out here from the numbers the window dumped (never from its own answer).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/ui/ui_harness.h"

namespace convstep {
namespace {

// The answer to the dumped question, from its numbers alone.
long long ExpectedAnswer(const Json& practice) {
  const Json& q = practice["question"];
  const std::string kind = practice["kind"].get<std::string>();
  if (kind == "output_cell") {
    // Cross-correlation with zero padding, one filter, no bias, directly.
    const Json& in = q["input"];
    const Json& w = q["weight"];
    const int p = q["padding"].get<int>();
    const int s = q["stride"].get<int>();
    const int oy = q["cell"][0].get<int>();
    const int ox = q["cell"][1].get<int>();
    const int h = static_cast<int>(in[0].size());
    const int wd = static_cast<int>(in[0][0].size());
    double sum = 0;
    for (size_t c = 0; c < in.size(); ++c) {
      for (size_t ky = 0; ky < w[c].size(); ++ky) {
        for (size_t kx = 0; kx < w[c][ky].size(); ++kx) {
          const int y = oy * s + static_cast<int>(ky) - p;
          const int x = ox * s + static_cast<int>(kx) - p;
          if (y < 0 || x < 0 || y >= h || x >= wd) continue;  // a padding zero
          sum += in[c][y][x].get<double>() * w[c][ky][kx].get<double>();
        }
      }
    }
    return static_cast<long long>(sum);
  }
  if (kind == "output_size") {
    const int n = q["n"].get<int>(), f = q["f"].get<int>(), p = q["p"].get<int>(), s = q["s"].get<int>(),
              d = q["d"].get<int>();
    return (n + 2 * p - d * (f - 1) - 1) / s + 1;
  }
  EXPECT_EQ(kind, "parameters");
  const Json& layers = q["layers"];
  const Json& asked = layers.back();
  if (asked["type"] == "conv2d") {
    const long long kh = asked["kernel_size"][0].get<int>();
    const long long kw = asked["kernel_size"][1].get<int>();
    const long long c = q["input_shape"][2].get<int>();
    return (kh * kw * c + 1) * asked["filters"].get<int>();
  }
  const Json& before = layers[layers.size() - 2];
  const long long inputs = before["type"] == "flatten" ? static_cast<long long>(q["input_shape"][0].get<int>()) *
                                                             q["input_shape"][1].get<int>() *
                                                             q["input_shape"][2].get<int>()
                                                       : before["units"].get<int>();
  const long long units = asked["units"].get<int>();
  return inputs * units + units;
}

// Types `text` into the answer field and presses Enter.
void Answer(Json* script, const std::string& text) {
  script->push_back({{"type", text}});
  script->push_back({{"key", "enter"}});
  script->push_back({{"frames", 2}});
}

std::vector<std::string> Seed(int seed) { return {"--practice", "--seed", std::to_string(seed)}; }

TEST(PracticeWindow, TheSeedIsShownAndTheTabOpens) {
  const Json state = RunScript("practice_open", Json::parse(R"([{"frames": 2}])"), Seed(7));
  EXPECT_EQ(state["tab"], "practice");
  const Json& p = state["practice"];
  EXPECT_EQ(p["seed"].get<long long>(), 7);
  EXPECT_EQ(p["index"].get<int>(), 0);
  EXPECT_EQ(p["kind"], "output_cell");
  EXPECT_EQ(p["answered"].get<int>(), 0);
  EXPECT_EQ(p["right"].get<int>(), 0);
  EXPECT_EQ(p["last"], "none");
  EXPECT_FALSE(p["showing_worked"].get<bool>());
  EXPECT_TRUE(p["answer"].is_null()) << "the answer is not given away before it is asked for";
  // The asked cell is on screen, in the output grid.
  EXPECT_TRUE(state["grids"].contains("practice/output"));
  EXPECT_TRUE(state["grids"].contains("practice/input/0"));
  EXPECT_TRUE(state["grids"].contains("practice/kernel/0"));
}

TEST(PracticeWindow, RightAnswersScoreAndMoveOnThroughEveryKind) {
  // Each run answers the exercises the runs before it dumped: output cell,
  // output size, parameters.
  Json script = Json::array({{{"frames", 2}}});
  Json state = RunScript("practice_right_0", script, Seed(7));
  for (int k = 0; k < 3; ++k) {
    const Json& p = state["practice"];
    ASSERT_EQ(p["index"].get<int>(), k);
    const long long answer = ExpectedAnswer(p);
    Answer(&script, std::to_string(answer));
    state = RunScript("practice_right_" + std::to_string(k + 1), script, Seed(7));
    const Json& after = state["practice"];
    EXPECT_EQ(after["last"], "right") << "exercise " << k << " (" << p["kind"] << "), typed " << answer;
    EXPECT_EQ(after["right"].get<int>(), k + 1);
    EXPECT_EQ(after["answered"].get<int>(), k + 1);
    EXPECT_EQ(after["index"].get<int>(), k + 1);
    EXPECT_EQ(after["typed"], "") << "the field is cleared for the next exercise";
    EXPECT_FALSE(after["showing_worked"].get<bool>());
  }
  EXPECT_EQ(state["practice"]["kind"], "output_cell") << "the kinds take turns";
}

TEST(PracticeWindow, AWrongAnswerShowsTheWorkedArithmeticAndDoesNotScore) {
  const Json first = RunScript("practice_wrong_0", Json::parse(R"([{"frames": 2}])"), Seed(7));
  const long long answer = ExpectedAnswer(first["practice"]);
  Json script = Json::array({{{"frames", 2}}});
  Answer(&script, std::to_string(answer + 1));
  const Json state = RunScript("practice_wrong_1", script, Seed(7));
  const Json& p = state["practice"];
  EXPECT_EQ(p["last"], "wrong");
  EXPECT_EQ(p["answered"].get<int>(), 1);
  EXPECT_EQ(p["right"].get<int>(), 0);
  EXPECT_EQ(p["index"].get<int>(), 0) << "a wrong answer stays on its exercise";
  EXPECT_TRUE(p["showing_worked"].get<bool>());
  EXPECT_EQ(p["last_typed"], std::to_string(answer + 1));
  EXPECT_EQ(p["answer"].get<double>(), static_cast<double>(answer));
  ASSERT_FALSE(p["worked"].empty());
  const std::string last = p["worked"].back().get<std::string>();
  EXPECT_TRUE(last.ends_with("= " + std::to_string(answer))) << last;

  // Enter once more (or "Next"): the next exercise, the score as it was.
  script.push_back({{"key", "enter"}});
  script.push_back({{"frames", 2}});
  const Json next = RunScript("practice_wrong_2", script, Seed(7));
  const Json& n = next["practice"];
  EXPECT_EQ(n["index"].get<int>(), 1);
  EXPECT_FALSE(n["showing_worked"].get<bool>());
  EXPECT_EQ(n["answered"].get<int>(), 1);
  EXPECT_EQ(n["right"].get<int>(), 0);
  EXPECT_EQ(n["last"], "none");
}

TEST(PracticeWindow, TextThatIsNotANumberSaysSoAndKeepsEverything) {
  Json script = Json::array({{{"frames", 2}}});
  Answer(&script, "seven");
  const Json state = RunScript("practice_garbage", script, Seed(7));
  const Json& p = state["practice"];
  EXPECT_EQ(p["last"], "unparseable");
  EXPECT_EQ(p["answered"].get<int>(), 0);
  EXPECT_EQ(p["right"].get<int>(), 0);
  EXPECT_EQ(p["index"].get<int>(), 0);
  EXPECT_FALSE(p["showing_worked"].get<bool>());
  EXPECT_EQ(p["typed"], "seven") << "what was typed stays, to be corrected";
}

TEST(PracticeWindow, ADecimalCommaAndSpacesAreRead) {
  const Json first = RunScript("practice_comma_0", Json::parse(R"([{"frames": 2}])"), Seed(11));
  const long long answer = ExpectedAnswer(first["practice"]);
  Json script = Json::array({{{"frames", 2}}});
  Answer(&script, " " + std::to_string(answer) + ",0 ");
  const Json state = RunScript("practice_comma_1", script, Seed(11));
  EXPECT_EQ(state["practice"]["last"], "right");
  EXPECT_EQ(state["practice"]["right"].get<int>(), 1);
}

TEST(PracticeWindow, TheSameSeedGivesTheSameExercisesInTwoRuns) {
  // Two runs that answer the first exercise (wrong, then Next) and stop on
  // the second: the same numbers; another seed, other numbers.
  Json script = Json::array({{{"frames", 2}}});
  Answer(&script, "1000000");
  script.push_back({{"key", "enter"}});
  script.push_back({{"frames", 2}});
  const Json a = RunScript("practice_same_a", script, Seed(42));
  const Json b = RunScript("practice_same_b", script, Seed(42));
  const Json c = RunScript("practice_same_c", script, Seed(43));
  ASSERT_EQ(a["practice"]["index"].get<int>(), 1);
  EXPECT_EQ(a["practice"]["question"], b["practice"]["question"]);
  EXPECT_EQ(a["practice"]["kind"], c["practice"]["kind"]);
  EXPECT_NE(a["practice"]["question"], c["practice"]["question"]);
  EXPECT_EQ(c["practice"]["seed"].get<long long>(), 43);
}

TEST(PracticeWindow, TheTabCanBeChosenAndABadSeedIsRefused) {
  const Json state = RunScript("practice_tab", Json::parse(R"([{"tab": "practice"}, {"frames": 2}])"), {});
  EXPECT_EQ(state["tab"], "practice");
  EXPECT_EQ(state["practice"]["seed"].get<long long>(), 0) << "headless runs without --seed use seed 0";
  const testing::ProcessResult r = Window({"--practice", "--seed", "seven", "--dump-state", "/dev/null"});
  EXPECT_NE(r.exit_code, 0);
}

}  // namespace
}  // namespace convstep
