// A few steps of training on one batch, exactly (float64), as
// tests/data/train_cases.json's PyTorch loop does them:
//   for each step:
//     zero the gradients
//     loss = mean over the batch of the cross-entropy (the loss reported)
//     backward
//     one optimizer step (core/nn/optimizer.h) on each parameter array
// The network is in eval mode, as the exact forward and backward passes
// are, so batchnorm and dropout (whose training modes would use the batch's
// statistics and random masks) are refused rather than trained otherwise
// than PyTorch would.
#pragma once

#include <vector>

#include "core/base/result.h"
#include "core/conv/tensor.h"
#include "core/nn/network.h"
#include "core/nn/optimizer.h"

namespace convstep {

// More steps than this are not a few steps to look at.
constexpr int kMaxTrainSteps = 10000;

struct TrainStepsSpec {
  Network network;              // the weights before the first step
  std::vector<Tensor3> inputs;  // the batch, each the model's input
  std::vector<int> targets;     // one class index per input
  OptimizerSpec optimizer;
  int steps = 1;
};

struct TrainStepsResult {
  std::vector<double> losses;  // the batch's mean loss before each step
  Network network;             // the weights after the last step
};

// Runs the steps, or says why they cannot run: a network that cannot
// (CheckNetwork, ClassCount), batchnorm or dropout in it, an empty batch,
// an input that is not the model's, a target that is no class, inputs and
// targets of different counts, steps outside 1 .. kMaxTrainSteps.
Result<TrainStepsResult> TrainSteps(const TrainStepsSpec& spec);

}  // namespace convstep
