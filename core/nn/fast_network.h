// The fast training path: a Network run in float32 on whole batches, with
// the mean softmax cross-entropy, every parameter's gradient and one step of
// torch.optim's SGD or Adam (optimizer.h), fast enough to train the
// lecture's network on Fashion-MNIST in the program. The exact path
// (float64, one image, every value shown) explains; this one trains.
//
// Semantics are PyTorch's, as network.h lays them out: NCHW images,
// weights in torch.nn's layouts, Flatten in channel, row, column order,
// ReLU's derivative 0 at 0, a max pool's gradient to the first maximum of
// its window in row-major order. Keras's "same" pooling pads as
// TensorFlow does: a max pool never picks the padding and an average pool
// divides by the inputs inside its window only.
//
// Layers: conv2d (strides, padding valid/same, dilation, use_bias),
// maxpool2d, avgpool2d, relu, flatten, dense, dropout (inverted dropout
// while training, the identity otherwise), globalavgpool2d, and batchnorm
// with its moving statistics (evaluation: forward, gradients in eval mode;
// training it with batch statistics is refused). The 1-D layers are refused.
//
// Threads split each batch: it is cut into parts of 16 samples, and each
// thread takes the next part as it comes free and runs it through the whole
// network with buffers of its own; the parts' gradients are summed in their
// order at the end, so the results are the same for any number of threads.
// On 2 cores at batch 64, splitting the batch beat splitting each matrix
// product between the threads even for the products alone (the lecture's
// network: 8.7 ms against 10.7 ms, one thread 16.5 ms), and it runs the
// pooling, ReLU and im2col in parallel too, with one wait per batch.

#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/base/result.h"
#include "core/nn/network.h"
#include "core/nn/optimizer.h"

namespace convstep {

// What a test set's pass gives: the fraction whose highest logit is their
// label (Keras's accuracy) and the mean cross-entropy (its loss).
struct Evaluation {
  double accuracy = 0.0;
  double loss = 0.0;
};

// As torch.nn.Module.train() and .eval(): dropout drops only in kTrain.
enum class FastMode { kTrain, kEval };

// One layer's parameters in float32, network.h's layouts; also the shape of
// their gradients. Layers without parameters leave every vector empty.
struct FastParams {
  std::vector<float> weight;
  std::vector<float> bias;
  std::vector<float> gamma;
  std::vector<float> beta;
};

// One FastNetwork is used by one thread at a time (it starts its own for
// each batch): a window that trains it off the UI thread reads it
// (ToNetwork, Evaluate) from TrainEpoch's progress callback, which runs
// between batches on the training thread, or once the epoch has returned.
class FastNetwork {
 public:
  // Checks that every layer can run here and converts the weights to float.
  // `threads` (1 to kMaxThreads) splits every batch; `seed` drives dropout.
  static Result<FastNetwork> Create(const Network& network, int threads = 1, std::uint64_t seed = 0);
  static constexpr int kMaxThreads = 64;

  FastNetwork(FastNetwork&&) noexcept;
  FastNetwork& operator=(FastNetwork&&) noexcept;
  ~FastNetwork();

  // Values of one input image, C H W, and the number of classes (the last
  // layer's outputs).
  int InputSize() const;
  int Classes() const;
  int threads() const;
  // Between 1 and kMaxThreads; anything else is clamped into that range.
  void SetThreads(int threads);

  // The logits [count][classes] of `images` [count][C][H][W] (eval mode).
  Result<std::vector<float>> Forward(std::span<const float> images);

  // The mean cross-entropy of the batch and, into Gradients(), the gradient
  // of every parameter (what loss.backward() leaves in .grad after
  // zero_grad()). kTrain drops with dropout and refuses batchnorm.
  Result<double> ComputeGradients(std::span<const float> images, std::span<const std::uint8_t> labels,
                                  FastMode mode);
  // One optimizer step on the gradients of the last ComputeGradients; the
  // optimizer's state (momentum, Adam's moments and step count) is kept
  // here, per parameter array, across calls. A step of another type (SGD
  // after Adam) starts that state afresh, as a new torch.optim optimizer
  // would; another learning rate keeps it.
  void Step(const OptimizerSpec& spec);
  // zero_grad, forward, loss, backward, step in train mode: the loss before
  // the step.
  Result<double> TrainBatch(std::span<const float> images, std::span<const std::uint8_t> labels,
                            const OptimizerSpec& spec);

  // The fraction of the images whose highest logit (the first of equal
  // ones) is their label, in eval mode, `batch_size` images at a time.
  Result<double> Evaluate(std::span<const float> images, std::span<const std::uint8_t> labels,
                          int batch_size = 256);
  // The same accuracy with the mean cross-entropy of the images.
  Result<Evaluation> Measure(std::span<const float> images, std::span<const std::uint8_t> labels,
                             int batch_size = 256);
  // How many samples of the last ComputeGradients (or TrainBatch) had their
  // label as the highest logit, before any step: the running accuracy a
  // Keras fit reports while it trains.
  int LastBatchCorrect() const;

  // The output of layer `layer` for image `index` of the last batch run,
  // [C][H][W] or [N]; empty when there is no such layer or image.
  std::vector<float> LayerOutput(int layer, int index) const;
  // The gradients of layer `layer` from the last ComputeGradients, and its
  // parameters as they are now; empty for a layer without them.
  const FastParams& Gradients(int layer) const;
  const FastParams& Params(int layer) const;

  // The network with the current weights, as doubles.
  Network ToNetwork() const;

 private:
  struct Impl;
  explicit FastNetwork(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace convstep
