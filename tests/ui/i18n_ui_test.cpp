// The window's two languages: the locale chooses the first (es_* Spanish,
// anything else English), --lang overrides it, the Language menu's action
// switches at once without losing the tab; the help overlay (F1, ?, Esc)
// and a concept tooltip after its delay.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "tests/support/process.h"
#include "tests/ui/ui_harness.h"

namespace convstep {
namespace {

// How many colours a screenshot has: a blank or failed frame has a handful.
size_t Colours(const Image& img) {
  std::set<uint32_t> colours;
  for (size_t i = 0; i < img.rgba.size(); i += 4 * 7) {
    colours.insert(static_cast<uint32_t>(img.rgba[i]) << 16 | img.rgba[i + 1] << 8 | img.rgba[i + 2]);
  }
  return colours.size();
}

Json DumpIn(const std::string& name, const std::string& lang, const std::vector<std::string>& extra = {}) {
  const std::string dump = testing::TestTempPath(name + "_state.json");
  std::vector<std::string> args{"--dump-state", dump};
  args.insert(args.end(), extra.begin(), extra.end());
  const testing::ProcessResult r = Window(args, lang);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return ReadJsonFile(dump);
}

TEST(Language, TheLocaleChoosesTheFirstLanguage) {
  EXPECT_EQ(DumpIn("es_cl", "es_CL.UTF-8")["language"], "es");
  EXPECT_EQ(DumpIn("en_us", "en_US.UTF-8")["language"], "en");
  EXPECT_EQ(DumpIn("c", "C")["language"], "en");
  // --lang wins over the locale.
  EXPECT_EQ(DumpIn("lang_es", "en_US.UTF-8", {"--lang", "es"})["language"], "es");
  EXPECT_EQ(DumpIn("lang_en", "es_CL.UTF-8", {"--lang", "en"})["language"], "en");
  const testing::ProcessResult r = Window({"--lang", "fr", "--dump-state", testing::TestTempPath("fr.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--lang must be en or es"), std::string::npos) << r.err;
}

TEST(Language, ASpanishScreenshotIsDrawnAndDiffersFromTheEnglishOne) {
  const std::string es = testing::TestTempPath("es.png");
  const std::string en = testing::TestTempPath("en.png");
  ASSERT_EQ(Window({"--screenshot", es}, "es_CL.UTF-8").exit_code, 0);
  ASSERT_EQ(Window({"--screenshot", en}, "C").exit_code, 0);
  const Image es_img = ReadPng(es);
  const Image en_img = ReadPng(en);
  ASSERT_EQ(es_img.w, 1280);
  ASSERT_EQ(es_img.h, 800);
  EXPECT_GT(Colours(es_img), 100u);
  // Same grids, other words: the pictures differ, but not everywhere.
  size_t different = 0;
  for (size_t i = 0; i < es_img.rgba.size() && i < en_img.rgba.size(); ++i) different += es_img.rgba[i] != en_img.rgba[i];
  EXPECT_GT(different, 1000u);
  EXPECT_LT(different, es_img.rgba.size() / 2);
}

TEST(Language, SwitchingIsImmediateAndKeepsTheTab) {
  // Typing text that is not a number: the message comes in the language of
  // the moment.
  const std::string bad_cell = R"([{"click": "input/0", "cell": [1, 1]}, {"frames": 2}, {"type": "abc"},
                                   {"key": "enter"}, {"frames": 1}])";
  EXPECT_EQ(RunScript("msg_en", Json::parse(bad_cell))["message"], "'abc' is not a number");
  Json state = RunScript("msg_es", Json::parse(R"([{"language": "es"}, )" + bad_cell.substr(1)));
  EXPECT_EQ(state["message"], "'abc' no es un número");
  // The tab bar keeps the pooling tab selected through the switch (its
  // tabs' IDs do not change with their words), and back.
  state = RunScript("switch", Json::parse(R"([{"tab": "pooling"}, {"language": "es"}, {"frames": 3}])"));
  EXPECT_EQ(state["language"], "es");
  EXPECT_EQ(state["tab"], "pooling");
  state = RunScript("switch_back", Json::parse(R"([{"tab": "summary"}, {"language": "es"}, {"frames": 2},
                                                  {"language": "en"}, {"frames": 2}])"),
                    {"--lang", "es"});
  EXPECT_EQ(state["language"], "en");
  EXPECT_EQ(state["tab"], "summary");
}

TEST(Help, F1OrQuestionMarkOpensTheShortcutsAndEscClosesThem) {
  EXPECT_TRUE(RunScript("f1", Json::parse(R"([{"key": "f1"}, {"frames": 1}])"))["show_help"].get<bool>());
  EXPECT_FALSE(RunScript("f1_twice", Json::parse(R"([{"key": "f1"}, {"key": "f1"}, {"frames": 1}])"))["show_help"]
                   .get<bool>());
  EXPECT_TRUE(RunScript("question", Json::parse(R"([{"type": "?"}, {"frames": 1}])"))["show_help"].get<bool>());
  EXPECT_FALSE(RunScript("escape", Json::parse(R"([{"type": "?"}, {"frames": 1}, {"key": "escape"}, {"frames": 1}])"))
                   ["show_help"]
                       .get<bool>());
  // A '?' typed into a cell is text, not a request for help; F1 is not.
  const std::string typing = R"([{"click": "input/0", "cell": [1, 1]}, {"frames": 2}, {"type": "?"}, {"frames": 1})";
  EXPECT_FALSE(RunScript("typed", Json::parse(typing + "]"))["show_help"].get<bool>());
  EXPECT_TRUE(RunScript("typed_f1", Json::parse(typing + R"(, {"key": "f1"}, {"frames": 1}])"))["show_help"].get<bool>());
}

TEST(Tooltip, StrideExplainsItselfAfterAShortRest) {
  // At once: nothing (moving across the window must not flash tooltips).
  Json state = RunScript("tip_now", Json::parse(R"([{"frames": 1}, {"hover_tip": "tip.stride"}, {"frames": 1}])"));
  EXPECT_TRUE(state["tooltip"].is_null()) << state["tooltip"];
  state = RunScript("tip_later",
                    Json::parse(R"([{"frames": 1}, {"hover_tip": "tip.stride"}, {"frames": 1}, {"wait": 0.6}])"));
  EXPECT_EQ(state["tooltip"], "tip.stride");
  // A control that is not on screen cannot be hovered.
  const std::string script = testing::TestTempPath("tip_missing.json");
  std::ofstream(script) << R"([{"tab": "summary"}, {"hover_tip": "tip.stride"}])";
  const testing::ProcessResult r = Window({"--script", script});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no control with the tooltip"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace convstep
