// A sound import's grid worked out off the UI thread: the file read (with
// its progress) and its spectrogram computed, so that ten minutes of a song
// do not freeze the window. The dialog starts one when the file or an
// option changes, polls it each frame for its progress bar, and takes its
// result when it is ready; Cancel, a newer job or closing the dialog
// cancels it, and the destructor waits for the thread to stop.
#pragma once

#include <atomic>
#include <future>
#include <memory>
#include <string>

#include "app/state/sound_import.h"

namespace convstep {

class SoundJob {
 public:
  SoundJob(std::string path, SoundImportOptions options);
  ~SoundJob();
  SoundJob(const SoundJob&) = delete;
  SoundJob& operator=(const SoundJob&) = delete;

  const std::string& path() const { return path_; }
  const SoundImportOptions& options() const { return options_; }
  double Progress() const { return progress_->load(); }  // the share of the file read, 0 to 1
  bool Ready() const;
  Result<SoundInput> Take();  // once Ready, exactly once
  void Cancel() { cancel_->store(true); }

 private:
  std::string path_;
  SoundImportOptions options_;
  std::shared_ptr<std::atomic<double>> progress_ = std::make_shared<std::atomic<double>>(0.0);
  std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
  std::future<Result<SoundInput>> result_;
};

}  // namespace convstep
