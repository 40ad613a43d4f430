// The Network tab's view of the document's network: which picture goes
// through it (one of the examples, or the student's drawing), what the
// forward pass makes of it, and where a click on one of its activations
// leads (the Convolution or Pooling tab on exactly that computation).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/state/paint_canvas.h"
#include "app/state/test_set_job.h"
#include "app/state/training_job.h"
#include "core/base/result.h"
#include "core/conv/tensor.h"
#include "core/nn/network.h"
#include "core/teach/network_text.h"

namespace convstep {

// A picture with the class it shows (0–9, Fashion-MNIST's), in [0, 1].
struct NetworkExample {
  Tensor3 image;      // [1][28][28]
  int label = 0;
  int test_index = 0;  // its place in the test set (t10k), for reference
};

// The translation key of a Fashion-MNIST class's name ("network.class_3").
const char* NetworkClassKey(int label);

// The twenty examples compiled into the program (assets/networks), so the
// view works without the data set.
const std::vector<NetworkExample>& ShippedExamples();

// The network trained on Fashion-MNIST that ships with the program
// (assets/networks, written by convstep-cli train: see the README).
const Network& PretrainedNetwork();

enum class NetworkPage { kLayers, kTraining, kTestSet };

struct NetworkViewState {
  NetworkPage page = NetworkPage::kLayers;
  bool page_requested = false;  // `page` was set from outside the page bar: select it
  int example = 0;        // which of the examples goes through the network
  bool drawing = false;   // the canvas goes through it instead
  // A picture of the test set opened from the Test set page goes through it
  // instead of the example (until ◀ ▶ choose an example again).
  std::optional<NetworkExample> test_picture;
  bool every_layer = false;  // a column for each ReLU and dropout too, not folded into the layer before
  Tensor3 canvas = BlankCanvas();
  int canvas_revision = 0;  // counts the canvas's changes, for the forward pass
  float brush = 1.0f;       // the brush's radius, in pixels of the canvas
  bool eraser = false;
  std::optional<std::pair<float, float>> last_paint;  // where the mouse painted last frame, in pixels of the canvas
  std::optional<ActivationRef> selected;  // the activation whose arithmetic the view shows (a dense unit's sum)
  // The Convolution or Pooling tab was opened from an activation: Backspace
  // there comes back here.
  bool opened_from_network = false;

  // Training: the choices, the job under way, the last job's curves, and
  // the data set once read.
  int architecture = 0;  // kAllArchitectures[i], or kSummaryModel: the summary tab's model
  TrainingOptions training;
  std::shared_ptr<TrainingJob> job;
  TrainingStatus last;
  std::shared_ptr<const FashionData> data;

  // The Test set page: the job classifying it, its report and which network
  // that was (the session's, or null for the shipped one: a report of
  // another network is worked out again), the cell of the confusion matrix
  // whose pictures are shown, and the first-layer filter whose strongest
  // pictures are.
  std::shared_ptr<TestSetJob> test_job;
  std::shared_ptr<const TestSetReport> test_report;
  std::shared_ptr<const Network> test_report_for;
  std::string test_error;  // why the test set could not be classified
  std::pair<int, int> test_cell{-1, -1};  // [true][predicted]; -1: the most confused pair
  int test_filter = 0;
};

// NetworkViewState::architecture's last choice, after kAllArchitectures.
constexpr int kSummaryModel = 3;

// What the forward pass made of the picture, kept until the picture or the
// network changes.
struct NetworkRun {
  uint64_t key = 0;            // what the picture and the network were (0: not yet worked out)
  std::string error;           // why the network cannot take the picture; empty when it can
  Tensor3 input;
  std::vector<Tensor3> activations;  // one per layer
  std::vector<double> logits;
  std::vector<double> probabilities;
};

// The forward pass of `input` through `network`, exact (float64), with
// the softmax of the last layer's output.
NetworkRun RunNetwork(const Network& network, const Tensor3& input, uint64_t key);

}  // namespace convstep
