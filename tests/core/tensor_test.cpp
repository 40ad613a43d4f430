// Resizing grids keeps what overlaps and starts new cells at 0.
#include <gtest/gtest.h>

#include "core/conv/tensor.h"

namespace convstep {
namespace {

TEST(Tensor, ResizedInputKeepsTheOverlapAndZeroFillsTheRest) {
  Tensor3 t(1, 2, 2);
  t.data = {1, 2, 3, 4};
  const Tensor3 grown = ResizedInput(t, 2, 3, 2);
  EXPECT_EQ(grown.data, (std::vector<double>{1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0}));
  const Tensor3 shrunk = ResizedInput(t, 1, 1, 2);
  EXPECT_EQ(shrunk.data, (std::vector<double>{1, 2}));
}

TEST(Tensor, ResizedWeightsKeepsTheOverlapAndZeroFillsTheRest) {
  Tensor4 w(1, 1, 2, 2);
  w.data = {1, 2, 3, 4};
  const Tensor4 grown = ResizedWeights(w, 2, 1, 2, 3);
  EXPECT_EQ(grown.data, (std::vector<double>{1, 2, 0, 3, 4, 0, 0, 0, 0, 0, 0, 0}));
  const Tensor4 more_channels = ResizedWeights(w, 1, 2, 1, 1);
  EXPECT_EQ(more_channels.data, (std::vector<double>{1, 0}));
}

TEST(Tensor, ContainsNamesExactlyTheCellsThatExist) {
  const Tensor3 t(2, 3, 4);
  EXPECT_TRUE(t.Contains(1, 2, 3));
  EXPECT_FALSE(t.Contains(2, 0, 0));
  EXPECT_FALSE(t.Contains(0, 3, 0));
  EXPECT_FALSE(t.Contains(0, 0, -1));
  const Tensor4 w(1, 3, 3, 3);
  EXPECT_TRUE(w.Contains(0, 2, 2, 2));
  EXPECT_FALSE(w.Contains(1, 0, 0, 0));
}

// Debug builds (the asan preset the test command runs) stop at an index
// outside the tensor instead of reading or writing past it; release builds
// do not check.
#ifndef NDEBUG
TEST(TensorDeathTest, DebugBuildsStopAtAnIndexOutsideTheTensor) {
  Tensor4 w(1, 3, 3, 3);
  EXPECT_DEATH(w.at(1, 0, 0, 0) = 1, "Tensor4::at: index outside the tensor");
  const Tensor3 t(1, 2, 2);
  EXPECT_DEATH(static_cast<void>(t.at(0, 2, 0)), "Tensor3::at: index outside the tensor");
}
#endif

}  // namespace
}  // namespace convstep
