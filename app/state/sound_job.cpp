#include "app/state/sound_job.h"

#include <chrono>



namespace convstep {

SoundJob::SoundJob(std::string path, SoundImportOptions options)
    : path_(std::move(path)), options_(std::move(options)) {
  // The thread owns copies of everything it reads, and the two flags it
  // shares with the window.
  result_ = std::async(std::launch::async, [path = path_, options = options_, progress = progress_, cancel = cancel_] {
    SoundReadOptions read = ReadOptionsOf(options);
    read.progress = [progress, cancel](double done) {
      progress->store(done);
      return !cancel->load();
    };
    Result<Sound> sound = ReadSoundFile(path, read);
    if (!sound) return Result<SoundInput>(sound.failure());
    return SoundToInput(*sound, options, path);
  });
}

SoundJob::~SoundJob() {
  Cancel();
  if (result_.valid()) result_.wait();
}

bool SoundJob::Ready() const {
  return result_.valid() && result_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

Result<SoundInput> SoundJob::Take() { return result_.get(); }

}  // namespace convstep
