// Training in the window: a network trained on Fashion-MNIST off the UI
// thread, epoch after epoch, with what a progress bar and live curves need
// (epoch, batch, images per second, time left, the loss of every batch, each
// epoch's accuracies) read each frame, Pause and Stop. The window takes the
// network when the job is done (or stopped: the batches so far are kept).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/base/result.h"
#include "core/formats/fashion_mnist.h"
#include "core/nn/init.h"
#include "core/nn/network.h"
#include "core/nn/fast_train.h"
#include "core/nn/optimizer.h"

namespace convstep {

struct TrainingOptions {
  int epochs = 1;
  int batch_size = 64;
  OptimizerSpec optimizer;  // Adam, lr 1e-3 (torch.optim's defaults)
  std::uint64_t seed = 1;
  InitScheme init = InitScheme::kPyTorch;
  int threads = 2;
  int train_images = 60000;  // the first this many of the training set (fewer: a quicker demonstration)
  int test_images = 10000;   // the first this many of the test set, evaluated after each epoch
};

struct EpochPoint {
  int epoch = 0;              // from 1
  double train_loss = 0;      // mean over the epoch's batches
  double train_accuracy = 0;  // fraction of its images right as they were trained
  double test_loss = 0;       // mean cross-entropy of the test images after the epoch
  double test_accuracy = 0;   // fraction of them classified right then
  double seconds = 0;         // training alone
};

// What the window reads of a job, copied under its lock.
struct TrainingStatus {
  int epoch = 0;    // from 1 once training started; 0 while the data set loads
  int batch = 0;
  int batches = 0;  // per epoch
  double images_per_second = 0;
  double seconds_left = 0;
  std::vector<float> batch_losses;  // every batch trained, in order
  double epoch_mean_loss = 0;       // of this epoch's batches so far
  std::vector<EpochPoint> epochs;   // every epoch finished
  bool paused = false;
  bool done = false;                // finished, stopped or failed
  std::string error;                // why it failed (the data set missing, a model that cannot train)
};

// The data set, read once and shared by every job and by the test-set views.
struct FashionData {
  std::vector<float> train_images;  // [N][1][28][28], pixels / 255
  std::vector<std::uint8_t> train_labels;
  std::vector<float> test_images;
  std::vector<std::uint8_t> test_labels;
};
Result<std::shared_ptr<const FashionData>> LoadFashionData(const std::string& dir);

class TrainingJob {
 public:
  // Starts at once: `start` is the network to train (InitNetwork's, or one
  // trained before to train further); the data set is read from `dir`
  // unless `data` already holds it.
  TrainingJob(Network start, TrainingOptions options, std::string dir, std::shared_ptr<const FashionData> data);
  ~TrainingJob();  // stops the training and waits for its thread
  TrainingJob(const TrainingJob&) = delete;
  TrainingJob& operator=(const TrainingJob&) = delete;

  TrainingStatus Status() const;
  void SetPaused(bool paused);
  void Stop();
  // Once Status().done without an error: the network as trained, exactly once.
  std::optional<Network> TakeNetwork();
  // The data set the job read (for the test-set views), once it has.
  std::shared_ptr<const FashionData> Data() const;

 private:
  void Run(Network start, std::string dir);
  // Called after every batch: records it and waits while paused. False stops.
  bool OnBatch(int epoch, const TrainProgress& progress);

  TrainingOptions options_;
  double train_count_ = 0;  // images an epoch trains on (set by the thread before its first batch)
  mutable std::mutex mutex_;
  std::condition_variable resume_;
  TrainingStatus status_;
  std::optional<Network> result_;
  std::shared_ptr<const FashionData> data_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace convstep
