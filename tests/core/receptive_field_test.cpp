// The receptive field of 1-D stacks: WaveNet's 16 samples, dilation's holes,
// and every traced set against brute force: a one-hot input pushed through
// real convolutions (Conv1dStepper, all weights 1, so nothing cancels), the
// positions whose one-hot reaches the traced output being its field.
#include <gtest/gtest.h>

#include <numeric>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/conv/conv1d.h"
#include "core/conv/receptive_field.h"

namespace convstep {
namespace {

std::vector<int> Range(int first, int last) {
  std::vector<int> r(static_cast<size_t>(last - first + 1));
  std::iota(r.begin(), r.end(), first);
  return r;
}

TEST(ReceptiveField, WaveNetsDilationsOneToEightSeeSixteenSamples) {
  std::vector<ReceptiveLayer> wavenet;
  for (int d : {1, 2, 4, 8}) wavenet.push_back({2, 1, d, true});
  Result<ReceptiveField> field = TraceReceptiveField(wavenet, 20);
  ASSERT_TRUE(field.ok()) << field.error();
  EXPECT_EQ(field->size, 16);
  EXPECT_EQ(ReceptiveFieldSize(wavenet), 16);
  EXPECT_EQ(ReceptiveFieldFormula(wavenet), "1 + 1*(2 - 1) + 2*(2 - 1) + 4*(2 - 1) + 8*(2 - 1) = 16");
  // Causal: output 20 sees inputs 5 to 20, nothing after 20.
  EXPECT_EQ(field->layers[0].positions, Range(5, 20));
  // The top layer (d = 8) reads 12 and 20 of its input; the one below, 8, 12, 16, 20; and so on.
  EXPECT_EQ(field->layers[3].positions, (std::vector<int>{12, 20}));
  EXPECT_EQ(field->layers[2].positions, (std::vector<int>{8, 12, 16, 20}));
  EXPECT_EQ(field->layers[1].positions, (std::vector<int>{6, 8, 10, 12, 14, 16, 18, 20}));
  EXPECT_EQ(field->layers[3].Span(), 9);
  for (const LayerReach& reach : field->layers) EXPECT_TRUE(reach.padding.empty());

  // Output 3 lies near the start: it sees inputs 0 to 3; the layers of
  // dilation 8 and 4 read causal padding (3 - 8 and 3 - 4), zeros that
  // depend on nothing.
  Result<ReceptiveField> early = TraceReceptiveField(wavenet, 3);
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->size, 4);
  EXPECT_EQ(early->layers[3].padding, (std::vector<int>{-5}));
  EXPECT_EQ(early->layers[3].positions, (std::vector<int>{3}));
  EXPECT_EQ(early->layers[2].padding, (std::vector<int>{-1}));
  EXPECT_TRUE(early->layers[1].padding.empty());
  EXPECT_EQ(early->layers[0].positions, Range(0, 3));
}

TEST(ReceptiveField, DilationLeavesHolesAndStridesMultiply) {
  Result<ReceptiveField> holes = TraceReceptiveField({{2, 1, 4, false}}, 0);
  ASSERT_TRUE(holes.ok());
  EXPECT_EQ(holes->layers[0].positions, (std::vector<int>{0, 4}));
  EXPECT_EQ(holes->size, 5);  // the range spans 5 samples, of which 2 are read

  // K = 3 stride 2, then K = 3: 1 + 1*(3 - 1) + 1*(3 - 1)*2 = 7.
  const std::vector<ReceptiveLayer> strided{{3, 2, 1, false}, {3, 1, 1, false}};
  EXPECT_EQ(ReceptiveFieldSize(strided), 7);
  EXPECT_EQ(ReceptiveFieldFormula(strided), "1 + 1*(3 - 1) + 1*(3 - 1)*2 = 7");
  Result<ReceptiveField> field = TraceReceptiveField(strided, 1);
  ASSERT_TRUE(field.ok());
  EXPECT_EQ(field->layers[1].positions, Range(1, 3));
  EXPECT_EQ(field->layers[0].positions, Range(2, 8));
}

TEST(ReceptiveField, BadStacksAreRefused) {
  EXPECT_EQ(TraceReceptiveField({}, 0).error(), "the stack has no layers: a receptive field needs at least one");
  EXPECT_EQ(TraceReceptiveField({{2, 1, 1, false}, {0, 1, 1, false}}, 0).error(), "layer 2: kernel must be at least 1");
  EXPECT_EQ(TraceReceptiveField({{2, 0, 1, false}}, 0).error(), "layer 1: stride must be at least 1");
  EXPECT_EQ(TraceReceptiveField({{2, 1, 1, false}}, -1).error(), "the output position must not be negative");
  std::vector<ReceptiveLayer> huge(30, ReceptiveLayer{16384, 1, 16384, true});
  EXPECT_FALSE(TraceReceptiveField(huge, 0).ok());
}

// The stack as real convolutions of one channel, all weights 1, zero padding
// (causal or none); the value at `out_position` of the top output.
double TopOutput(const std::vector<ReceptiveLayer>& layers, size_t from, Tensor2 signal, int out_position) {
  for (size_t i = from; i < layers.size(); ++i) {
    Conv1dSpec spec;
    spec.input = std::move(signal);
    spec.weight = Tensor3(1, 1, layers[i].kernel, 1.0);
    spec.stride = layers[i].stride;
    spec.dilation = layers[i].dilation;
    spec.padding.kind = layers[i].causal ? Padding1dSpec::Kind::kCausal : Padding1dSpec::Kind::kValid;
    Result<Conv1dStepper> stepper = Conv1dStepper::Create(spec);
    EXPECT_TRUE(stepper.ok()) << stepper.error();
    if (!stepper) return 0.0;
    signal = stepper->Output();
  }
  return signal.at(0, out_position);
}

// The length of every layer's input for a network input of `length`.
std::vector<int> Lengths(const std::vector<ReceptiveLayer>& layers, int length) {
  std::vector<int> lengths{length};
  for (const ReceptiveLayer& l : layers) {
    const int span = l.dilation * (l.kernel - 1) + 1;
    const int padded = lengths.back() + (l.causal ? span - 1 : 0);
    lengths.push_back(padded < span ? 0 : (padded - span) / l.stride + 1);
  }
  return lengths;
}

TEST(ReceptiveField, EveryLayersSetIsWhatBruteForceFinds) {
  std::mt19937 rng(2024);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int traced = 0;
  for (int trial = 0; trial < 150; ++trial) {
    std::vector<ReceptiveLayer> layers(static_cast<size_t>(pick(1, 4)));
    for (ReceptiveLayer& l : layers) l = {pick(1, 3), pick(1, 2), pick(1, 3), pick(0, 1) == 1};
    const std::vector<int> lengths = Lengths(layers, 40);
    if (lengths.back() < 1) continue;
    ++traced;
    const int out_position = pick(0, lengths.back() - 1);
    Result<ReceptiveField> field = TraceReceptiveField(layers, out_position);
    ASSERT_TRUE(field.ok()) << field.error();
    for (size_t i = 0; i < layers.size(); ++i) {
      SCOPED_TRACE("trial " + std::to_string(trial) + ", layer " + std::to_string(i));
      const std::vector<int>& positions = field->layers[i].positions;
      const std::set<int> want(positions.begin(), positions.end());
      EXPECT_LT(*want.rbegin(), lengths[i]);
      for (int p : field->layers[i].padding) EXPECT_LT(p, 0);
      std::set<int> found;
      for (int j = 0; j < lengths[i]; ++j) {
        Tensor2 one_hot(1, lengths[i]);
        one_hot.at(0, j) = 1.0;
        if (TopOutput(layers, i, one_hot, out_position) != 0.0) found.insert(j);
      }
      EXPECT_EQ(found, want);
    }
    const std::vector<int>& bottom = field->layers[0].positions;
    EXPECT_EQ(field->size, bottom.back() - bottom.front() + 1);
    // The whole field, unless part of it lies before the signal.
    bool padding_read = false;
    for (const LayerReach& reach : field->layers) padding_read |= !reach.padding.empty();
    if (padding_read) {
      EXPECT_LT(field->size, ReceptiveFieldSize(layers));
    } else {
      EXPECT_EQ(field->size, ReceptiveFieldSize(layers));
    }
  }
  EXPECT_GT(traced, 100);
}

}  // namespace
}  // namespace convstep
