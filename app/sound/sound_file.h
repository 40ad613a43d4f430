// Sound files to mono samples: WAV (and WAVEX, RF64), FLAC, OGG Vorbis and
// Opus, MP3, AIFF and whatever else libsndfile 1.2 decodes, in 8-, 16-, 24-
// and 32-bit integers or float. Kept out of core/ so that the core needs no
// libsndfile. Every error is a SoundError (sound_error.h).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/sound/resample.h"
#include "app/sound/sound_error.h"
#include "app/sound/sound_limits.h"
#include "core/base/result.h"

namespace convstep {

struct SoundReadOptions {
  // Nothing: the average of all channels. k: channel k alone (from 0).
  std::optional<int> channel;
  // 0: the file's own rate; else resampled to it (kMinSoundRate to kMaxSoundRate).
  int rate = 0;
  ResampleQuality quality = ResampleQuality::kBest;
  // The part read, in seconds of the file: from `start_seconds`, for
  // `length_seconds` (0: to the end; a length past the end stops there).
  // The part must be at most kMaxSoundSeconds long.
  double start_seconds = 0;
  double length_seconds = 0;
  // Called between blocks with the share decoded so far (0 to 1), from
  // the thread that reads; false cancels the read ("sound.cancelled").
  std::function<bool(double)> progress;
};

// What the file's header says.
struct SoundFileInfo {
  int channels = 0;
  int rate = 0;                // Hz
  long long frames = 0;        // samples per channel
  std::string format;          // "WAV (Microsoft), Signed 16 bit PCM"
  double duration_seconds = 0;
};

struct Sound {
  std::vector<double> samples;  // mono, in [-1, 1]
  int rate = 0;                 // of `samples`: the file's or the one asked for
  SoundFileInfo file;
  double start_seconds = 0;     // where the part read starts in the file
  double duration_seconds() const { return rate > 0 ? static_cast<double>(samples.size()) / rate : 0; }
};

// The sound at `path`. Errors say the path first ("'a.wav': ...").
// Integers are scaled as libsndfile does (16 bit: 1/32768), so they lie in
// [-1, 1); float files' samples beyond ±1 are clipped to ±1, and NaN or
// infinity refuse the file. A truncated or corrupt file gives libsndfile's
// reason.
Result<Sound> ReadSoundFile(const std::string& path, const SoundReadOptions& options = {});

// The same for a file already in memory (drag and drop, the fuzzer); the
// bytes need not outlive the call.
Result<Sound> ReadSoundFromMemory(const unsigned char* bytes, std::size_t size, const SoundReadOptions& options = {});

// Whether the path names a sound by its extension (.wav, .flac, .ogg,
// .oga, .opus, .mp3, .aif, .aiff, .caf, .au): File ▸ Open sends it to the
// sound import rather than the grid readers.
bool IsSoundPath(const std::string& path);

// The header alone, for a dialog that asks which part and channel to read.
Result<SoundFileInfo> ReadSoundFileInfo(const std::string& path);
Result<SoundFileInfo> ReadSoundInfoFromMemory(const unsigned char* bytes, std::size_t size);

}  // namespace convstep
