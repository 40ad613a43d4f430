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

}  // namespace
}  // namespace convstep
