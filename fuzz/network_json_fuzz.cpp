// libFuzzer target: any bytes as a network file (core/formats/network_json)
// and as the specs of convstep-cli forward and train-steps. A failure is one
// line without control characters. A network that reads is one CheckNetwork
// accepts, is written back and read again to the same doubles, and, when
// small, runs: every activation shaped as NetworkShapes says, every gradient
// shaped as its parameters, a few training steps.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/formats/network_json.h"
#include "core/nn/backward.h"
#include "core/nn/forward.h"
#include "core/nn/train_steps.h"
#include "fuzz/grid_invariants.h"

namespace {

// Fuzzed networks that cost more multiply-adds than this are only read.
constexpr long long kMaxCost = 200000;

template <typename T>
bool CheckMessage(const convstep::Result<T>& r) {
  if (r) return true;
  convstep::Require(!r.error().empty(), "an error has a message");
  for (const char ch : r.error()) {
    convstep::Require(static_cast<unsigned char>(ch) >= 0x20 || ch == '\t', "an error is one line");
  }
  return false;
}

// About how many multiply-adds one forward pass takes.
long long Cost(const std::vector<convstep::LayerShapes>& shapes) {
  long long cost = 0;
  for (const convstep::LayerShapes& layer : shapes) {
    cost += layer.input.size() + layer.output.size();
    // A convolution's weight is swept once per output position; a dense
    // layer's once; pooling windows are at most as large as their input.
    if (!layer.params.empty()) {
      cost += layer.params[0].size() * (layer.output.size() / layer.output.c + 1);
    }
  }
  return cost;
}

// The network written and read back holds the same doubles.
void CheckRoundTrip(const convstep::Network& net) {
  const convstep::Result<convstep::Json> again = convstep::ParseJson(convstep::NetworkToJson(net).dump());
  convstep::Require(again.ok(), "a written network is JSON");
  const convstep::Result<convstep::Network> back = convstep::NetworkFromJson(*again);
  convstep::Require(back.ok(), "a written network reads back");
  convstep::Require(convstep::ModelToJson(back->model) == convstep::ModelToJson(net.model), "the same model");
  for (size_t i = 0; i < net.params.size(); ++i) {
    const convstep::LayerParams& a = net.params[i];
    const convstep::LayerParams& b = back->params[i];
    convstep::Require(a.weight == b.weight && a.bias == b.bias && a.gamma == b.gamma && a.beta == b.beta &&
                          a.moving_mean == b.moving_mean && a.moving_variance == b.moving_variance &&
                          a.epsilon == b.epsilon,
                      "the same doubles");
  }
}

void CheckRuns(const convstep::Network& net, const convstep::Tensor3& input, int target) {
  const convstep::Result<std::vector<convstep::LayerShapes>> shapes = convstep::CheckNetwork(net);
  convstep::Require(shapes.ok(), "a network that reads is one CheckNetwork accepts");
  if (Cost(*shapes) > kMaxCost) return;
  const convstep::Result<std::vector<convstep::Tensor3>> acts = convstep::ForwardActivations(net, input);
  if (!CheckMessage(acts)) return;
  convstep::Require(acts->size() == shapes->size(), "one activation per layer");
  for (size_t i = 0; i < acts->size(); ++i) {
    const convstep::ActivationShape& want = (*shapes)[i].output;
    const convstep::Tensor3& got = (*acts)[i];
    convstep::Require(got.c == want.c && got.h == want.h && got.w == want.w &&
                          static_cast<long long>(got.data.size()) == want.size(),
                      "an activation is shaped as NetworkShapes says");
  }
  const convstep::Result<int> classes = convstep::ClassCount(net);
  if (!CheckMessage(classes)) return;
  const convstep::Result<convstep::ExampleGradients> grads =
      convstep::LossGradients(net, input, target % *classes);
  if (!CheckMessage(grads)) return;
  convstep::Require(grads->grads.input.data.size() == input.data.size(), "the input's gradient is its shape");
  for (size_t i = 0; i < shapes->size(); ++i) {
    for (const convstep::ParamArray& array : (*shapes)[i].params) {
      if (!array.trainable) continue;
      const std::vector<double>* g = convstep::GradValues(grads->grads.layers[i], array.name);
      convstep::Require(g && static_cast<long long>(g->size()) == array.size(), "a gradient is its parameter's shape");
    }
  }
}

// The network alone, with an input of a few values repeated.
void CheckNetworkFile(const convstep::Json& json) {
  const convstep::Result<convstep::Network> net = convstep::NetworkFromJson(json);
  if (!CheckMessage(net)) return;
  CheckRoundTrip(*net);
  const convstep::ActivationShape s = convstep::ModelInputActivation(net->model);
  if (s.size() > kMaxCost) return;
  convstep::Tensor3 input(s.c, s.h, s.w);
  for (size_t i = 0; i < input.data.size(); ++i) input.data[i] = static_cast<double>(i % 7) * 0.25 - 0.75;
  CheckRuns(*net, input, 0);
}

void CheckSpecs(const convstep::Json& json) {
  const convstep::Result<convstep::ForwardSpec> forward = convstep::ForwardSpecFromJson(json);
  if (CheckMessage(forward)) CheckRuns(forward->network, forward->input, forward->target < 0 ? 0 : forward->target);
  const convstep::Result<convstep::TrainStepsSpec> train = convstep::TrainStepsSpecFromJson(json);
  if (!CheckMessage(train)) return;
  const convstep::Result<std::vector<convstep::LayerShapes>> shapes = convstep::CheckNetwork(train->network);
  convstep::Require(shapes.ok(), "a train spec's network is one CheckNetwork accepts");
  if (Cost(*shapes) * static_cast<long long>(train->inputs.size()) * train->steps > kMaxCost) return;
  const convstep::Result<convstep::TrainStepsResult> trained = convstep::TrainSteps(*train);
  if (!CheckMessage(trained)) return;
  convstep::Require(static_cast<int>(trained->losses.size()) == train->steps, "one loss per step");
  convstep::Require(convstep::CheckNetwork(trained->network).ok(), "the trained network has its shapes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const convstep::Result<convstep::Json> json = convstep::ParseJson(text);
  if (!CheckMessage(json)) return 0;
  CheckNetworkFile(*json);
  CheckSpecs(*json);
  return 0;
}
