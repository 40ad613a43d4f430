#include "core/nn/train_steps.h"

#include <string>
#include <utility>

#include "core/nn/backward.h"
#include "core/nn/forward.h"
#include "core/nn/network_shapes.h"

namespace convstep {

namespace {

// Why the spec cannot be trained, or "".
std::string CheckSpec(const TrainStepsSpec& spec, int classes) {
  const std::vector<LayerSpec>& layers = spec.network.model.layers;
  for (size_t i = 0; i < layers.size(); ++i) {
    if (layers[i].type == LayerType::kBatchNorm || layers[i].type == LayerType::kDropout) {
      return LayerLabel(layers, i) + ": the exact path trains in eval mode, where " +
             (layers[i].type == LayerType::kBatchNorm ? "batchnorm normalises by its moving statistics, not "
                                                        "the batch's"
                                                      : "dropout drops nothing") +
             ", unlike PyTorch's training: train a model without it";
    }
  }
  if (spec.inputs.empty()) return "the batch is empty: give one input or more";
  if (spec.targets.size() != spec.inputs.size()) {
    return "the batch has " + std::to_string(spec.inputs.size()) + " inputs but " +
           std::to_string(spec.targets.size()) + " targets";
  }
  for (size_t i = 0; i < spec.inputs.size(); ++i) {
    const std::string at = "[" + std::to_string(i) + "]";
    const std::string input_problem = CheckInput(spec.network.model, spec.inputs[i]);
    if (!input_problem.empty()) return "inputs" + at + ": " + input_problem;
    const std::string target_problem = CheckTarget(spec.targets[i], classes);
    if (!target_problem.empty()) return "targets" + at + ": " + target_problem;
  }
  if (spec.steps < 1 || spec.steps > kMaxTrainSteps) {
    return "steps must be from 1 to " + std::to_string(kMaxTrainSteps);
  }
  return "";
}

}  // namespace

Result<TrainStepsResult> TrainSteps(const TrainStepsSpec& spec) {
  Result<std::vector<LayerShapes>> shapes = CheckNetwork(spec.network);
  if (!shapes) return Error{shapes.error()};
  Result<int> classes = ClassCount(spec.network);
  if (!classes) return Error{classes.error()};
  const std::string problem = CheckSpec(spec, *classes);
  if (!problem.empty()) return Error{problem};

  TrainStepsResult result;
  result.network = spec.network;
  Network& net = result.network;
  const size_t layers = net.model.layers.size();
  const double batch = static_cast<double>(spec.inputs.size());
  // What the optimizer remembers, per layer and parameter array.
  std::vector<std::vector<OptimizerSlot<double>>> slots(layers);
  for (size_t i = 0; i < layers; ++i) slots[i].resize((*shapes)[i].params.size());

  for (int step = 0; step < spec.steps; ++step) {
    // The gradients start at zero: the batch's sum is built from nothing.
    std::vector<LayerGrads> sum(layers);
    double loss = 0;
    for (size_t b = 0; b < spec.inputs.size(); ++b) {
      Result<std::vector<Tensor3>> acts = ForwardActivations(net, spec.inputs[b]);
      // Checked before the first step, the network fails only when a step
      // has made a weight infinite.
      if (!acts) {
        return Error{"after " + std::to_string(step) + " steps, " + acts.error() +
                     ": the training diverged, try a smaller lr"};
      }
      const std::vector<double>& logits = acts->back().data;
      loss += CrossEntropy(logits, spec.targets[b]) / batch;
      // d mean loss / d logits of this example.
      Tensor3 g_logits(*classes, 1, 1);
      g_logits.data = CrossEntropyGrad(logits, spec.targets[b]);
      for (double& g : g_logits.data) g /= batch;
      const Gradients grads = Backward(net, spec.inputs[b], *acts, g_logits);
      for (size_t i = 0; i < layers; ++i) {
        for (const ParamArray& array : (*shapes)[i].params) {
          const std::vector<double>& g = *GradValues(grads.layers[i], array.name);
          std::vector<double>& total = *GradValues(&sum[i], array.name);
          if (total.empty()) total.assign(g.size(), 0.0);
          for (size_t k = 0; k < g.size(); ++k) total[k] += g[k];
        }
      }
    }
    result.losses.push_back(loss);
    for (size_t i = 0; i < layers; ++i) {
      const std::vector<ParamArray>& arrays = (*shapes)[i].params;
      for (size_t a = 0; a < arrays.size(); ++a) {
        if (!arrays[a].trainable) continue;
        std::vector<double>& param = *ParamValues(&net.params[i], arrays[a].name);
        const std::vector<double>& grad = *GradValues(&sum[i], arrays[a].name);
        OptimizerStep(spec.optimizer, param.data(), grad.data(), param.size(), &slots[i][a]);
      }
    }
  }
  return result;
}

}  // namespace convstep
