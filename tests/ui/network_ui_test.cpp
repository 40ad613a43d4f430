// The Network tab in the real window, driven by scripts: a network trained
// there for a few batches, an activation of its second convolution clicked
// open in the Convolution tab on exactly that computation, Backspace back,
// a picture painted on the canvas changing what the network says, and the
// Test set page's confusion matrix leading to its pictures, and a photo
// dropped on the tab going onto the canvas as the network's pictures are.
#include <gtest/gtest.h>
#include <stb/stb_image_write.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "tests/ui/ui_harness.h"

namespace convstep {
namespace {

TEST(NetworkTab, TrainedHereThenAnActivationOfTheSecondConvolutionOpensItsArithmetic) {
  // Two batches of 64 (the lecture's model), tested on 64 pictures, then
  // the second convolution's column (its ReLU, layer 5) at filter 5, row 4,
  // column 6.
  const Json state = RunScript("net_click", Json::parse(R"([
    {"tab": "network"}, {"frames": 2},
    {"train": "lecture", "images": 128, "test_images": 64, "epochs": 1, "seed": 3}, {"frames": 2},
    {"click": "net/4/5", "cell": [4, 6]}, {"frames": 2}])"));
  const Json& net = state["network"];
  EXPECT_EQ(net["trained_here"], true);
  EXPECT_EQ(net["error"], "");
  ASSERT_TRUE(net["selected"].is_object()) << state.dump();
  EXPECT_EQ(net["selected"]["layer"], 4);
  EXPECT_EQ(state["tab"], "convolution");
  EXPECT_EQ(net["opened_from_network"], true);
  // That layer's input (the first pooling's 32 maps of 13×13) and that one
  // filter, at the step of the cell clicked, giving the value the network
  // view showed.
  EXPECT_EQ(state["weight_shape"], Json::parse("[1, 32, 3, 3]"));
  ASSERT_EQ(state["input"].size(), 32u);
  EXPECT_EQ(state["input"][0].size(), 13u);
  EXPECT_EQ(state["current"]["out_y"], 4);
  EXPECT_EQ(state["current"]["out_x"], 6);
  EXPECT_NEAR(state["current"]["shown_value"].get<double>(), net["selected"]["value"].get<double>(), 1e-12);
  EXPECT_TRUE(state["can_undo"].get<bool>());
}

TEST(NetworkTab, BackspaceGoesBackToTheNetwork) {
  const Json state = RunScript("net_back", Json::parse(R"([
    {"tab": "network"}, {"frames": 2},
    {"click": "net/2/1", "cell": [3, 3]}, {"frames": 2},
    {"key": "backspace"}, {"frames": 2}])"));
  EXPECT_EQ(state["tab"], "network");
  EXPECT_EQ(state["network"]["opened_from_network"], false);
  EXPECT_EQ(state["pool"]["step"], ((1 * 13) + 3) * 13 + 3);  // channel 1, output (3, 3)
}

TEST(NetworkTab, PaintingOnTheCanvasIsWhatTheNetworkClassifies) {
  // Two wide legs down a black canvas, joined at the waist, which the
  // shipped network should call trousers.
  const Json state = RunScript("net_paint", Json::parse(R"([
    {"tab": "network"}, {"frames": 2},
    {"network": {"draw": true, "brush": 2}}, {"frames": 2},
    {"drag": "net/input", "from": [3, 10], "to": [25, 9]},
    {"drag": "net/input", "from": [3, 17], "to": [25, 18]},
    {"drag": "net/input", "from": [3, 10], "to": [3, 17]}, {"frames": 2},
    {"screenshot": "$TMP/paint.png"}])"));
  const Json& net = state["network"];
  EXPECT_EQ(net["drawing"], true);
  EXPECT_GT(net["canvas_sum"].get<double>(), 40.0);
  EXPECT_EQ(net["answer"], 1) << net.dump();  // Trouser
}

TEST(NetworkTab, TheTestSetsConfusionMatrixLeadsToItsPicturesAndOneThroughTheNetwork) {
  // The shipped network on the first 300 test pictures; the cell of the
  // dresses classified right, then its first (most confident) picture.
  const Json state = RunScript("net_test_set", Json::parse(R"([
    {"tab": "network"}, {"frames": 2},
    {"network": {"test_images": 300, "page": "test_set"}}, {"frames": 2},
    {"screenshot": "$TMP/test_set.png"},
    {"click": "net/confusion", "cell": [3, 3]}, {"frames": 2},
    {"click": "net/test/0", "cell": [14, 14]}, {"frames": 2}])"));
  const Json& net = state["network"];
  const Json& t = net["test_set"];
  ASSERT_EQ(t["error"], "") << t.dump();
  ASSERT_EQ(t["images"], 300) << t.dump();
  const std::vector<int> confusion = t["confusion"].get<std::vector<int>>();
  ASSERT_EQ(confusion.size(), 100u);
  int total = 0;
  int diagonal = 0;
  for (int k = 0; k < 100; ++k) {
    total += confusion[static_cast<size_t>(k)];
    diagonal += k % 11 == 0 ? confusion[static_cast<size_t>(k)] : 0;
  }
  EXPECT_EQ(total, 300);
  EXPECT_EQ(t["correct"], diagonal);
  EXPECT_GE(diagonal, 240);  // 90 % on the whole test set
  EXPECT_EQ(t["cell"], Json::parse("[3, 3]"));
  const std::vector<int> pictures = t["cell_pictures"].get<std::vector<int>>();
  ASSERT_EQ(pictures.size(), static_cast<size_t>(confusion[33]));
  ASSERT_FALSE(pictures.empty());
  // The picture clicked goes through the network on the Layers page: a
  // dress the exact pass classifies as a dress too.
  EXPECT_EQ(net["test_picture"], pictures[0]);
  EXPECT_EQ(net["answer"], 3) << net.dump();
  // Filter 0's strongest pictures, strongest first.
  ASSERT_EQ(t["strongest"].size(), 9u);
  for (size_t k = 1; k < 9; ++k) {
    EXPECT_GE(t["strongest"][k - 1]["value"].get<double>(), t["strongest"][k]["value"].get<double>());
  }
}

TEST(NetworkTab, APhotoDroppedOnTheTabGoesOnTheCanvasInvertedAsFashionMnistsPictures) {
  // A dark T on a white page, 56×56 (twice the canvas): the bar rows 8–15
  // and columns 8–47, the stem rows 16–47 and columns 24–31. Halved and
  // inverted, 20×4 + 4×16 = 144 pixels of full ink on black.
  std::vector<unsigned char> pixels(56 * 56, 255);
  for (int y = 8; y < 48; ++y) {
    for (int x = 8; x < 48; ++x) {
      if ((y < 16) || (x >= 24 && x < 32)) pixels[static_cast<size_t>(y * 56 + x)] = 0;
    }
  }
  const std::string png = testing::TestTempPath("dark_t.png");
  ASSERT_NE(stbi_write_png(png.c_str(), 56, 56, 1, pixels.data(), 56), 0);
  const Json state = RunScript("net_photo", Json::parse(R"([{"tab": "network"}, {"frames": 2}, {"drop": ")" + png +
                                                        R"("}, {"frames": 2}])"));
  const Json& net = state["network"];
  EXPECT_EQ(net["drawing"], true);
  EXPECT_NEAR(net["canvas_sum"].get<double>(), 144.0, 1e-6) << net.dump();
  EXPECT_NE(state["message"].get<std::string>().find("inverted"), std::string::npos) << state["message"];
  EXPECT_EQ(state["tab"], "network");
  // A file that is no picture: one message, the canvas as it was.
  const std::string fake = testing::TestTempPath("not_a_photo.png");
  std::ofstream(fake) << "not a picture";
  const Json bad = RunScript("net_photo_bad", Json::parse(R"([{"tab": "network"}, {"network": {"draw": true}},
    {"frames": 2}, {"drop": ")" + fake + R"("}, {"frames": 2}])"));
  EXPECT_EQ(bad["network"]["canvas_sum"], 0.0);
  EXPECT_NE(bad["message"].get<std::string>().find("not_a_photo.png"), std::string::npos) << bad["message"];
}

}  // namespace
}  // namespace convstep
