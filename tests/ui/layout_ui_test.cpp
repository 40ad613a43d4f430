// The window at every scale: on the lecture's two examples, at 1280×800 and
// 1920×1080, at 100 % text, at 200 % in presentation mode with every panel,
// and at 300 % in presentation mode with input, kernels, output and
// arithmetic, every grid prints all its numbers, lies wholly inside its
// panel, and the step's total is in view.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/ui/ui_harness.h"

namespace convstep {
namespace {

struct Scale {
  const char* name;
  const char* preset;
  bool full_hd;
  std::vector<std::string> args;
  int grids;  // input channels + filters × channels + filters
};

Json DumpAt(const Scale& s) {
  const std::string dump = testing::TestTempPath(std::string("scale_") + s.name + ".json");
  std::vector<std::string> args{"--preset", s.preset, "--step", "6", "--dump-state", dump};
  args.insert(args.end(), s.args.begin(), s.args.end());
  args.push_back("--size");
  args.push_back(s.full_hd ? "1920x1080" : "1280x800");
  const testing::ProcessResult r = s.full_hd ? WindowOnFullHd(args) : Window(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return ReadJsonFile(dump);
}

class EveryScale : public ::testing::TestWithParam<Scale> {};

TEST_P(EveryScale, EveryGridShowsItsNumbersWhollyAndTheTotalIsInView) {
  const Scale& s = GetParam();
  const Json state = DumpAt(s);
  ASSERT_TRUE(state.is_object());
  EXPECT_EQ(state["total_visible"], true);
  int grids = 0;
  for (const auto& [name, grid] : state["grids"].items()) {
    ++grids;
    EXPECT_EQ(grid["values_shown"], true) << name << " cell " << grid["cell"];
    EXPECT_EQ(grid["fully_visible"], true) << name;
    // Numbers are never drawn below the 100 % text size: a cell that
    // prints them is at least 20 pixels.
    EXPECT_GE(grid["cell"].get<double>(), 20.0) << name;
  }
  EXPECT_EQ(grids, s.grids);
}

const std::vector<std::string> kPresent200 = {"--text-size", "200", "--presentation"};
const std::vector<std::string> kPresent300 = {"--text-size", "300", "--presentation", "--panels",
                                              "input,kernels,output,arithmetic"};

INSTANTIATE_TEST_SUITE_P(
    Lecture, EveryScale,
    ::testing::Values(Scale{"ejemplo1_1280_100", "ejemplo1", false, {}, 5},
                      Scale{"ejemplo1_1280_200", "ejemplo1", false, kPresent200, 5},
                      Scale{"ejemplo1_1280_300", "ejemplo1", false, kPresent300, 5},
                      Scale{"ejemplo1_1080_100", "ejemplo1", true, {}, 5},
                      Scale{"ejemplo1_1080_200", "ejemplo1", true, kPresent200, 5},
                      Scale{"ejemplo1_1080_300", "ejemplo1", true, kPresent300, 5},
                      Scale{"conv_1280_100", "ejemplo_convolucion", false, {}, 11},
                      Scale{"conv_1280_200", "ejemplo_convolucion", false, kPresent200, 11},
                      Scale{"conv_1280_300", "ejemplo_convolucion", false, kPresent300, 11},
                      Scale{"conv_1080_100", "ejemplo_convolucion", true, {}, 11},
                      Scale{"conv_1080_200", "ejemplo_convolucion", true, kPresent200, 11},
                      Scale{"conv_1080_300", "ejemplo_convolucion", true, kPresent300, 11}),
    [](const ::testing::TestParamInfo<Scale>& p) { return std::string(p.param.name); });

TEST(Zoom, ALargeInputHidesItsNumbersUntilZoomedAndTheOutputFollows) {
  // A 256×256 input: at the fit its cells are a pixel or two, too small for
  // numbers. Thirteen notches of the wheel over its middle (1.25^13 = 18×)
  // zoom the input and, linked, the output, until the numbers show; 0 gives
  // the whole grid.
  const Json fit = RunScript("zoom_fit", Json::array({Json{{"input_size", {1, 256, 256}}}, Json{{"frames", 2}}}));
  ASSERT_TRUE(fit["grids"].contains("input/0"));
  EXPECT_EQ(fit["grids"]["input/0"]["values_shown"], false);
  EXPECT_EQ(fit["grids"]["input/0"]["fully_visible"], true);
  EXPECT_LT(fit["grids"]["input/0"]["cell"].get<double>(), 4.0);
  // A grid this large is drawn by the heatmap shader; the lecture's small
  // grids by ImGui (a shader pass costs more than they do).
  EXPECT_EQ(fit["grids"]["input/0"]["shaded"], true);
  EXPECT_EQ(fit["grids"]["output/0"]["shaded"], true);
  EXPECT_EQ(fit["grids"]["kernel/0/0"]["shaded"], false);

  const Json zoomed = RunScript(
      "zoom_in", Json::array({Json{{"input_size", {1, 256, 256}}}, Json{{"frames", 2}},
                              Json{{"hover", "input/0"}, {"cell", {128, 128}}, {"wheel", 13}}, Json{{"frames", 2}}}));
  const Json& in = zoomed["grids"]["input/0"];
  EXPECT_GT(in["zoom"].get<double>(), 8.0);
  EXPECT_EQ(in["values_shown"], true);
  EXPECT_EQ(in["fully_visible"], false);  // zoomed in, most of it is out of view
  EXPECT_GE(in["cell"].get<double>(), 20.0);
  EXPECT_DOUBLE_EQ(zoomed["grids"]["output/0"]["zoom"].get<double>(), in["zoom"].get<double>());

  const Json back = RunScript(
      "zoom_back", Json::array({Json{{"input_size", {1, 256, 256}}}, Json{{"frames", 2}},
                                Json{{"hover", "input/0"}, {"cell", {128, 128}}, {"wheel", 13}}, Json{{"frames", 2}},
                                Json{{"key", "0"}}, Json{{"frames", 2}}}));
  EXPECT_DOUBLE_EQ(back["grids"]["input/0"]["zoom"].get<double>(), 1.0);
  EXPECT_EQ(back["grids"]["input/0"]["fully_visible"], true);
}

TEST(Zoom, PlusOverAGridZoomsItAndElsewhereChangesTheSpeed) {
  const Json over = RunScript("zoom_plus", Json::array({Json{{"input_size", {1, 64, 64}}}, Json{{"frames", 2}},
                                                        Json{{"hover", "input/0"}, {"cell", {30, 30}}},
                                                        Json{{"key", "plus"}}, Json{{"frames", 2}}}));
  EXPECT_DOUBLE_EQ(over["grids"]["input/0"]["zoom"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(over["speed"].get<double>(), 2.0);
  // The pooling tab's grids do not zoom: + there is the speed.
  const Json elsewhere = RunScript("zoom_speed", Json::array({Json{{"tab", "pooling"}}, Json{{"frames", 2}},
                                                              Json{{"key", "plus"}}, Json{{"frames", 1}}}));
  EXPECT_NEAR(elsewhere["speed"].get<double>(), 2.0 * 1.4142, 1e-3);
}

}  // namespace
}  // namespace convstep
