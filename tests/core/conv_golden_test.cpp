// Every conv2d reference case of PyTorch through the core: output, resolved
// padding, padded shape, visit counts, total steps, and every step's trace.
#include <gtest/gtest.h>

#include "core/conv/stepper.h"
#include "core/session/edits.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::ExpectTensorNear;
using testing::GoldenConv2dSpec;
using testing::LoadGolden;

TEST(ConvGolden, EveryReferenceCase) {
  const Json cases = LoadGolden("conv2d_cases.json");
  ASSERT_EQ(cases.size(), 40u);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    const Json& expect = cases[i]["expect"];
    Result<ConvStepper> stepper = ConvStepper::Create(GoldenConv2dSpec(cases[i]["spec"]));
    ASSERT_TRUE(stepper.ok()) << "case " << i << ": " << stepper.error();
    const Conv2dGeometry& g = stepper->geometry();
    ExpectTensorNear(expect["output"], stepper->Output());
    const auto pad = expect["padding"].get<std::vector<int>>();
    EXPECT_EQ(g.padding, (Padding4{pad[0], pad[1], pad[2], pad[3]})) << "case " << i;
    EXPECT_EQ(g.padded_h, expect["padded_shape"][0].get<int>()) << "case " << i;
    EXPECT_EQ(g.padded_w, expect["padded_shape"][1].get<int>()) << "case " << i;
    EXPECT_EQ(stepper->TotalSteps(), expect["total_steps"].get<int>()) << "case " << i;
    for (int y = 0; y < g.padded_h; ++y) {
      for (int x = 0; x < g.padded_w; ++x) {
        EXPECT_EQ(stepper->VisitsAt(y, x), expect["visits"][y][x].get<int>()) << "case " << i;
      }
    }
    // Each step's value, rebuilt from its own terms, is PyTorch's output.
    for (int k = 0; k < stepper->TotalSteps(); ++k) {
      const ConvStep s = stepper->Step(k);
      double sum = s.bias;
      for (double channel_sum : s.channel_sums) sum += channel_sum;
      EXPECT_NEAR(sum, expect["output"][s.out_channel][s.out_y][s.out_x].get<double>(), 1e-9)
          << "case " << i << " step " << k;
    }
  }
}

// PyTorch's grouped cases reached through the edit: one group first (each
// filter [C_in][kH][kW], the first slice kept), then groups back to theirs
// (the filter [C_in/groups][kH][kW] again, the kept slice the one PyTorch
// used), then the stepper's output is PyTorch's and each filter reads only
// its group's channels.
TEST(ConvGolden, GroupsSetByTheEditGiveTorchsGroupedOutput) {
  const Json cases = LoadGolden("conv2d_cases.json");
  int grouped = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    const Json& spec_json = cases[i]["spec"];
    if (spec_json.value("groups", 1) == 1) continue;
    SCOPED_TRACE("case " + std::to_string(i));
    ++grouped;
    const Conv2dSpec torch = GoldenConv2dSpec(spec_json);
    const int groups = torch.groups;
    Result<ConvEdit> one = SetGroups(torch, 1);
    ASSERT_TRUE(one.ok()) << one.error();
    EXPECT_EQ(one->spec.weight.c, torch.input.c);
    EXPECT_EQ(one->note, (EditNote{"groups", "", std::to_string(groups), "1"}));
    Result<ConvEdit> back = SetGroups(one->spec, groups);
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back->spec.weight.c, torch.input.c / groups);
    EXPECT_EQ(back->spec.weight.data, torch.weight.data);
    Result<ConvStepper> stepper = ConvStepper::Create(back->spec);
    ASSERT_TRUE(stepper.ok()) << stepper.error();
    ExpectTensorNear(cases[i]["expect"]["output"], stepper->Output());
    const int in_per_group = torch.input.c / groups;
    const int out_per_group = torch.weight.n / groups;
    for (int k = 0; k < stepper->TotalSteps(); ++k) {
      const ConvStep s = stepper->Step(k);
      const int group = s.out_channel / out_per_group;
      ASSERT_EQ(static_cast<int>(s.channels.size()), in_per_group);
      for (int j = 0; j < in_per_group; ++j) EXPECT_EQ(s.channels[j], group * in_per_group + j);
    }
  }
  EXPECT_EQ(grouped, 3);
}

}  // namespace
}  // namespace convstep
