#include "app/state/network_view.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/embed/embedded_binary.h"
#include "app/embed/embedded_json.h"
#include "app/gzip/gzip_file.h"
#include "app/state/edit_text.h"
#include "core/formats/network_json.h"
#include "core/nn/forward.h"
#include "core/formats/spec_json.h"

namespace convstep {

namespace {

const char* EmbeddedNetworkFile(const char* name) {
  for (const EmbeddedJson& file : EmbeddedNetworks()) {
    if (std::strcmp(file.name, name) == 0) return file.json;
  }
  return nullptr;
}

// The program's own files are checked by its tests: one that does not read
// is a broken build, not a user's mistake.
[[noreturn]] void BrokenAsset(const char* name, const std::string& why) {
  std::fprintf(stderr, "assets/networks/%s: %s\n", name, why.c_str());
  std::abort();
}

std::vector<NetworkExample> ReadExamples() {
  const Json doc = Json::parse(EmbeddedNetworkFile("fashion_examples"), nullptr, false);
  if (doc.is_discarded() || !doc.contains("examples")) BrokenAsset("fashion_examples", "not the examples' JSON");
  std::vector<NetworkExample> examples;
  for (const Json& e : doc["examples"]) {
    NetworkExample example;
    example.label = e.at("label").get<int>();
    example.test_index = e.at("test_index").get<int>();
    example.image = Tensor3(1, kCanvasSide, kCanvasSide);
    const Json& rows = e.at("pixels");
    for (int y = 0; y < kCanvasSide; ++y) {
      for (int x = 0; x < kCanvasSide; ++x) example.image.at(0, y, x) = rows.at(y).at(x).get<int>() / 255.0;
    }
    examples.push_back(std::move(example));
  }
  return examples;
}

Network ReadPretrained() {
  Result<std::string> text = Gunzipped(EmbeddedPretrainedNetwork(), kMaxNetworkFileBytes);
  if (!text) BrokenAsset("fashion_pretrained", text.error());
  const Json doc = Json::parse(*text, nullptr, false);
  if (doc.is_discarded()) BrokenAsset("fashion_pretrained", "not JSON");
  Result<Network> network = NetworkFromJson(doc);
  if (!network) BrokenAsset("fashion_pretrained", network.error());
  return std::move(network).value();
}

}  // namespace

const char* NetworkClassKey(int label) {
  static constexpr const char* kKeys[] = {"network.class_0", "network.class_1", "network.class_2", "network.class_3",
                                          "network.class_4", "network.class_5", "network.class_6", "network.class_7",
                                          "network.class_8", "network.class_9"};
  return label >= 0 && label < 10 ? kKeys[label] : "network.class_unknown";
}

NetworkRun RunNetwork(const Network& network, const Tensor3& input, uint64_t key) {
  NetworkRun run;
  run.key = key;
  run.input = input;
  Result<std::vector<Tensor3>> activations = ForwardActivations(network, input);
  if (!activations) {
    run.error = ErrorText(activations.failure());
    return run;
  }
  run.activations = std::move(activations).value();
  run.logits = run.activations.back().data;
  run.probabilities = Softmax(run.logits);
  return run;
}

const std::vector<NetworkExample>& ShippedExamples() {
  static const std::vector<NetworkExample> examples = ReadExamples();
  return examples;
}

const Network& PretrainedNetwork() {
  static const Network network = ReadPretrained();
  return network;
}

}  // namespace convstep
