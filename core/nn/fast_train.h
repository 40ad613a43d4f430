// Training a FastNetwork for an epoch over a data set held in memory, as a
// PyTorch loop over a shuffled DataLoader does (the last batch smaller when
// the batch size does not divide the set), with progress and a way to stop
// for a window that runs it off its UI thread. Independent of any file
// format: images and labels are plain arrays.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "core/base/result.h"
#include "core/nn/fast_network.h"
#include "core/nn/optimizer.h"

namespace convstep {

struct FastDataSet {
  std::span<const float> images;         // [N][C][H][W], as the network's input (e.g. pixels / 255)
  std::span<const std::uint8_t> labels;  // N class indices
};

struct TrainProgress {
  int epoch = 0;
  int batch = 0;    // batches trained so far in this epoch, 1 to batches
  int batches = 0;  // in the whole epoch
  double images_per_second = 0.0;  // training alone, this epoch so far
  double mean_loss = 0.0;          // mean cross-entropy of this epoch's images so far
  double accuracy = 0.0;           // fraction of them classified right as they were trained (before each step)
};

struct EpochOptions {
  int epoch = 0;  // counted from 0; with the seed, it chooses the epoch's order
  int batch_size = 64;
  std::uint64_t seed = 0;
  OptimizerSpec optimizer;
  // Called after every batch, on the training thread. Returning false stops
  // the epoch after that batch (a window's Stop); a window's Pause can wait
  // inside it.
  std::function<bool(const TrainProgress&)> progress;
  // When set and true, the epoch stops after the batch in flight.
  const std::atomic<bool>* cancel = nullptr;
};

struct EpochReport {
  int epoch = 0;
  int batches = 0;  // trained
  int images = 0;   // trained
  bool stopped = false;        // the progress callback or the cancel flag ended it early
  double train_seconds = 0.0;  // the batches alone, without the evaluation
  double mean_loss = 0.0;      // mean cross-entropy of the images trained (batch losses weighted by size)
  double train_accuracy = 0.0;  // fraction of them right as they were trained (Keras's running "accuracy")
  std::optional<double> test_accuracy;  // fraction 0..1, when a test set was given and the epoch ran to its end
  std::optional<double> test_loss;      // mean cross-entropy of the test set then (Keras's "val_loss")
  double test_seconds = 0.0;
};

// The order of the epoch's samples: 0 .. count-1 shuffled by Fisher-Yates
// with a std::mt19937_64 seeded from (seed, epoch) through std::seed_seq,
// both of which the standard defines exactly, so an order is the same on
// every machine.
std::vector<int> EpochOrder(int count, std::uint64_t seed, int epoch);

// One epoch of `network` on `train` in EpochOrder, batch by batch
// (TrainBatch), then, when `test` is given, its accuracy (Evaluate).
// Fails before any step when the data do not suit the network.
Result<EpochReport> TrainEpoch(FastNetwork* network, const FastDataSet& train, const FastDataSet* test,
                               const EpochOptions& options);

}  // namespace convstep
