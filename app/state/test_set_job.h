// The Network tab's Test set page: the network classifies the test set off
// the UI thread (10,000 pictures, about a second), reading the data set
// first unless a training job already has.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/state/training_job.h"
#include "core/base/result.h"
#include "core/nn/network.h"
#include "core/nn/test_set.h"

namespace convstep {

class TestSetJob {
 public:
  // Starts at once on the first `images` pictures of the test set (all of
  // them when there are fewer).
  TestSetJob(Network network, int images, std::string dir, std::shared_ptr<const FashionData> data);
  ~TestSetJob();  // stops between batches and waits for the thread
  TestSetJob(const TestSetJob&) = delete;
  TestSetJob& operator=(const TestSetJob&) = delete;

  bool Done() const;
  // Once Done(): the report, or why there is none (the data set missing).
  Result<std::shared_ptr<const TestSetReport>> Report() const;
  // The data set the job read (or was given), once it has.
  std::shared_ptr<const FashionData> Data() const;

 private:
  void Run(const Network& network, int images, const std::string& dir);

  mutable std::mutex mutex_;
  bool done_ = false;
  Result<std::shared_ptr<const TestSetReport>> report_ = Error("not classified yet");
  std::shared_ptr<const FashionData> data_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace convstep
