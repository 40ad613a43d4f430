#include "app/shell/microphone.h"

#include <filesystem>

#include "app/state/edit_text.h"

namespace convstep {

void Microphone::Finish(AppState& state) {
  RecordingState& r = state.view.recording;
  const std::string path = (std::filesystem::temp_directory_path() / "convstep-recording.wav").string();
  Result<bool> written = WriteWav(path, recorder_->samples(), recorder_->rate());
  recorder_.reset();
  r = RecordingState{};
  if (!written) return state.SetStatus(ErrorText(written.failure()), true);
  state.view.pending_sound = path;
}

void Microphone::Service(AppState& state) {
  RecordingState& r = state.view.recording;
  if (r.start && !recorder_) {
    r.start = false;
    RecorderOptions options;
    options.max_seconds = r.max_seconds;
    Result<SoundRecorder> opened = SoundRecorder::Open(options);
    if (!opened) {
      r = RecordingState{};
      return state.SetStatus(ErrorText(opened.failure()), true);
    }
    recorder_.emplace(std::move(opened).value());
    r.active = true;
  }
  if (!recorder_) return;
  const bool room = recorder_->Poll();
  r.seconds = recorder_->Seconds();
  r.level = recorder_->Level();
  if (!room || r.stop) Finish(state);
}

}  // namespace convstep
