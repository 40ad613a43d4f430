// convstep-cli forward SPEC and train-steps SPEC: the exact (float64)
// network path of issue 12 on a network file (core/formats/network_json.h),
// in the formats of tests/data/nn_cases.json and train_cases.json.
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "core/formats/file_io.h"
#include "core/formats/network_json.h"
#include "core/nn/backward.h"
#include "core/nn/forward.h"
#include "core/nn/train_steps.h"

namespace convstep::cli {

namespace {

// The spec named on the command line, its "model" read from the file it
// names when it is a string (relative to the spec's folder; to the current
// directory for a spec on stdin).
Result<Json> ReadNetworkSpec(const std::string& path) {
  Result<Json> spec = ReadJsonArgument(path);
  if (!spec) return spec;
  Json& j = spec.value();
  if (!j.is_object() || !j.contains("model") || !j["model"].is_string()) return spec;
  std::filesystem::path file(j["model"].get<std::string>());
  if (file.is_relative() && path != "-") file = std::filesystem::path(path).parent_path() / file;
  Result<std::string> text = ReadFileAtMost(file.string(), kMaxNetworkFileBytes);
  if (!text) return Error{"model: " + text.error()};
  Result<Json> model = ParseJson(*text);
  if (!model) return Error{"model: '" + file.string() + "': " + model.error()};
  j["model"] = std::move(model).value();
  return spec;
}

// The activations, logits and probabilities as nn_cases.json's "expect"
// has them.
Json ForwardJson(const std::vector<Tensor3>& acts, const std::vector<LayerShapes>& shapes) {
  Json activations = Json::array();
  for (size_t i = 0; i < acts.size(); ++i) activations.push_back(ActivationToJson(acts[i], shapes[i]));
  const std::vector<double>& logits = acts.back().data;
  return {{"activations", std::move(activations)}, {"logits", logits}, {"probabilities", Softmax(logits)}};
}

Result<std::string> RunForward(const std::string& path) {
  Result<Json> json = ReadNetworkSpec(path);
  if (!json) return Error{json.error()};
  Result<ForwardSpec> spec = ForwardSpecFromJson(*json);
  if (!spec) return Error{spec.error()};
  const Network& net = spec->network;
  Result<int> classes = ClassCount(net);
  if (!classes) return Error{classes.error()};
  Result<std::vector<LayerShapes>> shapes = CheckNetwork(net);
  if (!shapes) return Error{shapes.error()};
  if (spec->target < 0) {
    Result<std::vector<Tensor3>> acts = ForwardActivations(net, spec->input);
    if (!acts) return Error{acts.error()};
    return Print(ForwardJson(*acts, *shapes));
  }
  Result<ExampleGradients> example = LossGradients(net, spec->input, spec->target);
  if (!example) return Error{example.error()};
  Json result = ForwardJson(example->activations, *shapes);
  Json grads = Json::array();
  for (size_t i = 0; i < example->grads.layers.size(); ++i) {
    grads.push_back(LayerGradsToJson(example->grads.layers[i], (*shapes)[i], net.model.layers[i].type));
  }
  result["loss"] = example->loss;
  result["grads"] = std::move(grads);
  result["input_grad"] = InputGradToJson(example->grads.input, net.model);
  return Print(result);
}

Result<std::string> RunTrainSteps(const std::string& path) {
  Result<Json> json = ReadNetworkSpec(path);
  if (!json) return Error{json.error()};
  Result<TrainStepsSpec> spec = TrainStepsSpecFromJson(*json);
  if (!spec) return Error{spec.error()};
  Result<TrainStepsResult> trained = TrainSteps(*spec);
  if (!trained) return Error{trained.error()};
  Result<std::vector<LayerShapes>> shapes = CheckNetwork(trained->network);
  if (!shapes) return Error{shapes.error()};
  Json weights = Json::array();
  for (size_t i = 0; i < shapes->size(); ++i) {
    weights.push_back(LayerWeightsToJson(trained->network.params[i], (*shapes)[i]));
  }
  return Print({{"losses", trained->losses}, {"weights_after", std::move(weights)}});
}

}  // namespace

void AddNnCommands(CLI::App& app, CommandRun* run) {
  auto forward_path = std::make_shared<std::string>();
  CLI::App* forward = app.add_subcommand(
      "forward",
      "a network's exact forward pass: every layer's activation, the logits and their softmax; with a target "
      "also the cross-entropy loss and the gradients of every parameter and of the input");
  forward
      ->add_option("SPEC", *forward_path,
                   "JSON file {\"model\", \"input\", \"target\" (optional)}, or - for stdin; \"model\" is a network "
                   "(the summary's model with its weights) or the name of a file holding one, relative to the spec")
      ->required();
  forward->callback([run, forward_path] { *run = [forward_path] { return RunForward(*forward_path); }; });

  auto train_path = std::make_shared<std::string>();
  CLI::App* train = app.add_subcommand(
      "train-steps",
      "a few exact optimizer steps on one batch (torch.optim's SGD or Adam): the loss before each step and the "
      "weights after the last");
  train
      ->add_option("SPEC", *train_path,
                   "JSON file {\"model\", \"inputs\", \"targets\", \"optimizer\", \"steps\"}, or - for stdin")
      ->required();
  train->callback([run, train_path] { *run = [train_path] { return RunTrainSteps(*train_path); }; });
}

}  // namespace convstep::cli
