// libFuzzer target: any bytes through the sound reader from memory
// (ReadSoundFromMemory, libsndfile's virtual I/O), checked against its
// promises: a failure has a SoundErrorCode and a one-line message; a
// success is a non-empty mono sound at the rate asked for, every sample
// finite in [-1, 1], no longer than the part asked for, from a header
// within sound_limits.h. The first bytes choose the options (channel, rate,
// part); the rest is the file.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "app/sound/sound_file.h"

namespace {

constexpr std::size_t kHeaderBytes = 4;
// Decoding is bounded by the part asked for: a FLAC frame of constant
// samples makes a minute of sound from a dozen bytes, and the sanitizers
// make each second slow. The limits themselves are tested in
// tests/sound/bad_sound_test.cpp.
constexpr long long kMaxFuzzedFrames = 1 << 18;

void Require(bool holds, const char* promise) {
  if (holds) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

void CheckFailure(const convstep::Error& error) {
  Require(convstep::SoundErrorCodeOf(error).has_value(), "every error has a sound error code");
  Require(!error.message.empty(), "an error has a message");
  for (const char ch : error.message) {
    Require(static_cast<unsigned char>(ch) >= 0x20 && static_cast<unsigned char>(ch) < 0x7f,
            "an error is one printable line");
  }
}

void CheckInfo(const convstep::SoundFileInfo& info) {
  Require(info.channels >= 1 && info.channels <= convstep::kMaxSoundChannels, "1 to kMaxSoundChannels channels");
  Require(info.rate >= convstep::kMinSoundRate && info.rate <= convstep::kMaxSoundRate, "a rate within the limits");
  Require(info.frames >= 1, "at least one frame");
}

void CheckSound(const convstep::Result<convstep::Sound>& sound, const convstep::SoundReadOptions& options) {
  if (!sound) return CheckFailure(sound.failure());
  CheckInfo(sound->file);
  Require(!sound->samples.empty(), "a sound has samples");
  Require(sound->rate == (options.rate == 0 ? sound->file.rate : options.rate), "the rate asked for");
  for (double v : sound->samples) Require(std::isfinite(v) && v >= -1 && v <= 1, "samples finite in [-1, 1]");
  const double seconds = options.length_seconds > 0 ? options.length_seconds : sound->file.duration_seconds;
  Require(static_cast<double>(sound->samples.size()) <= seconds * sound->rate + 2, "no longer than the part asked for");
}

}  // namespace

// libsndfile 1.2.0 leaks libvorbis's setup when a corrupt Ogg Vorbis header
// fails to open (vorbis_info_init's allocations; the same leaks are reported
// upstream, libsndfile issue 922). Nothing of ours is in those stacks, and
// LeakSanitizer would otherwise stop the fuzzer at the first such file.
extern "C" const char* __lsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier)
  return "leak:libvorbis.so\n";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < kHeaderBytes) return 0;
  const std::uint8_t* file = data + kHeaderBytes;
  const std::size_t file_size = size - kHeaderBytes;

  const convstep::Result<convstep::SoundFileInfo> info = convstep::ReadSoundInfoFromMemory(file, file_size);
  if (!info) CheckFailure(info.failure());
  if (info) CheckInfo(*info);

  convstep::SoundReadOptions options;
  if ((data[0] & 0x80) != 0) options.channel = (data[0] & 0x0f) - 1;  // -1 and past the last are refused
  // The fastest converter: the best is slow under the sanitizers, and all
  // three run the same code of ours.
  constexpr int kRates[] = {0, 0, 8000, 44100};
  options.rate = kRates[data[1] % 4];
  options.quality = convstep::ResampleQuality::kFastest;
  options.start_seconds = data[2] / 64.0;
  options.length_seconds = data[3] / 128.0;  // 0 to 2 s; 0 is the rest, only for short files
  const long long rest = info ? info->frames : 0;
  if (options.length_seconds == 0 && rest > kMaxFuzzedFrames) options.length_seconds = 1;
  CheckSound(convstep::ReadSoundFromMemory(file, file_size, options), options);
  return 0;
}
