#include "app/sound/sound_file.h"

#include <sndfile.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "app/sound/sound_text.h"
#include "core/formats/file_io.h"

namespace convstep {

namespace {

using sound_text::Reason;
using sound_text::Seconds;

struct SndfileCloser {
  void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndFile = std::unique_ptr<SNDFILE, SndfileCloser>;

struct OpenSound {
  SndFile file;
  SF_INFO info{};
};

// Bytes in memory as libsndfile's virtual I/O: it reads, seeks and asks the
// length through these, and never writes (SFM_READ).
struct MemorySource {
  const unsigned char* bytes = nullptr;
  sf_count_t size = 0;
  sf_count_t position = 0;
};

MemorySource& SourceOf(void* user) { return *static_cast<MemorySource*>(user); }

sf_count_t MemoryLength(void* user) { return SourceOf(user).size; }

sf_count_t MemorySeek(sf_count_t offset, int whence, void* user) {
  MemorySource& source = SourceOf(user);
  sf_count_t base = 0;
  if (whence == SEEK_CUR) base = source.position;
  if (whence == SEEK_END) base = source.size;
  // Offsets come from the file's own header: a huge one must not overflow.
  if ((offset > 0 && base > source.size - offset) || base + offset < 0) return -1;
  source.position = base + offset;
  return source.position;
}

sf_count_t MemoryRead(void* to, sf_count_t count, void* user) {
  MemorySource& source = SourceOf(user);
  if (count <= 0 || source.position >= source.size) return 0;
  const sf_count_t n = std::min(count, source.size - source.position);
  std::memcpy(to, source.bytes + source.position, static_cast<std::size_t>(n));
  source.position += n;
  return n;
}

sf_count_t MemoryWrite(const void*, sf_count_t, void*) { return 0; }

sf_count_t MemoryTell(void* user) { return SourceOf(user).position; }

Error NotSound(const char* reason) {
  const std::string why = Reason(reason);
  return SoundError(SoundErrorCode::kNotSound, {why}, "cannot decode the sound: " + why);
}

Error EmptySound() { return SoundError(SoundErrorCode::kEmpty, {}, "the sound is empty"); }

// `source` must outlive the handle: libsndfile reads through it until closed.
Result<OpenSound> OpenMemory(MemorySource* source) {
  if (source->bytes == nullptr || source->size == 0) return EmptySound();
  SF_VIRTUAL_IO io{MemoryLength, MemorySeek, MemoryRead, MemoryWrite, MemoryTell};
  OpenSound open;
  open.file.reset(sf_open_virtual(&io, SFM_READ, &open.info, source));
  if (!open.file) return NotSound(sf_strerror(nullptr));
  return open;
}

Result<OpenSound> OpenPath(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    return SoundError(SoundErrorCode::kCannotOpen, {"it is a directory"}, "cannot open the sound: it is a directory");
  }
  if (!std::ifstream(path, std::ios::binary)) {
    const std::string why = std::strerror(errno);
    return SoundError(SoundErrorCode::kCannotOpen, {why}, "cannot open the sound: " + why);
  }
  if (std::filesystem::file_size(path, ignored) == 0) return EmptySound();
  OpenSound open;
  open.file.reset(sf_open(path.c_str(), SFM_READ, &open.info));
  if (!open.file) return NotSound(sf_strerror(nullptr));
  return open;
}

// libsndfile's names of the container and the encoding, "WAV (Microsoft),
// Signed 16 bit PCM"; a part libsndfile has no name for is left out.
std::string FormatName(int format) {
  std::string name;
  for (int part : {format & SF_FORMAT_TYPEMASK, format & SF_FORMAT_SUBMASK}) {
    SF_FORMAT_INFO info{};
    info.format = part;
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &info, sizeof info) != 0 || info.name == nullptr) continue;
    if (!name.empty()) name += ", ";
    name += Reason(info.name);
  }
  return name;
}

// The header's promises, checked before anything is decoded.
Result<SoundFileInfo> CheckHeader(const SF_INFO& header) {
  if (header.channels <= 0 || header.channels > kMaxSoundChannels) {
    const std::string n = std::to_string(header.channels);
    const std::string most = std::to_string(kMaxSoundChannels);
    return SoundError(SoundErrorCode::kTooManyChannels, {n, most},
                      "the sound has " + n + " channels: at most " + most + " can be read");
  }
  if (header.samplerate < kMinSoundRate || header.samplerate > kMaxSoundRate) {
    const std::string hz = std::to_string(header.samplerate);
    const std::string least = std::to_string(kMinSoundRate);
    const std::string most = std::to_string(kMaxSoundRate);
    return SoundError(SoundErrorCode::kRateOutOfRange, {hz, least, most},
                      "the sound's sample rate is " + hz + " Hz: it must be from " + least + " to " + most + " Hz");
  }
  if (header.frames <= 0) return EmptySound();
  SoundFileInfo info;
  info.channels = header.channels;
  info.rate = header.samplerate;
  info.frames = header.frames;
  info.format = FormatName(header.format);
  info.duration_seconds = static_cast<double>(header.frames) / header.samplerate;
  return info;
}

Error BadOptions(const std::string& what) {
  return SoundError(SoundErrorCode::kBadOptions, {what}, "cannot read the sound: " + what);
}

std::optional<Error> CheckOptions(const SoundReadOptions& options, const SoundFileInfo& info) {
  if (!std::isfinite(options.start_seconds) || options.start_seconds < 0) {
    return BadOptions("the start must be 0 or more seconds");
  }
  if (!std::isfinite(options.length_seconds) || options.length_seconds < 0) {
    return BadOptions("the length must be 0 (to the end) or more seconds");
  }
  if (options.rate != 0 && (options.rate < kMinSoundRate || options.rate > kMaxSoundRate)) {
    return BadOptions("the sample rate asked for must be 0 (the file's) or from " + std::to_string(kMinSoundRate) +
                      " to " + std::to_string(kMaxSoundRate) + " Hz");
  }
  if (options.channel && (*options.channel < 0 || *options.channel >= info.channels)) {
    return BadOptions("there is no channel " + std::to_string(*options.channel) + ": the sound has " +
                      std::to_string(info.channels) + " (from 0)");
  }
  return std::nullopt;
}

// The frames to decode: [first, first + count) of the file.
struct Part {
  long long first = 0;
  long long count = 0;
};

Result<Part> ChoosePart(const SoundReadOptions& options, const SoundFileInfo& info) {
  if (std::optional<Error> bad = CheckOptions(options, info)) return *bad;
  // Seconds beyond any file's length are compared as seconds, so that the
  // conversion to frames cannot overflow.
  if (options.start_seconds >= info.duration_seconds) {
    const std::string start = Seconds(options.start_seconds);
    const std::string duration = Seconds(info.duration_seconds);
    return SoundError(SoundErrorCode::kSelectionOutside, {start, duration},
                      "the part starts at " + start + " s, after the sound's end (" + duration + " s)");
  }
  Part part;
  part.first = std::min(std::llround(options.start_seconds * info.rate), info.frames - 1);
  const long long rest = info.frames - part.first;
  const double rest_seconds = static_cast<double>(rest) / info.rate;
  const double seconds = options.length_seconds == 0 ? rest_seconds : std::min(options.length_seconds, rest_seconds);
  if (seconds > kMaxSoundSeconds) {
    const std::string asked = Seconds(seconds);
    const std::string most = Seconds(kMaxSoundSeconds);
    return SoundError(SoundErrorCode::kTooLong, {asked, most},
                      "the part to read lasts " + asked + " s: at most " + most +
                          " s are read at once; choose a start and a length");
  }
  part.count = std::clamp(std::llround(seconds * info.rate), 1LL, rest);
  return part;
}

// Moves to `first`; a stream that cannot seek is read up to it instead.
std::optional<Error> SeekTo(SNDFILE* file, const SoundFileInfo& info, long long first) {
  if (first == 0 || sf_seek(file, first, SEEK_SET) == first) return std::nullopt;
  constexpr sf_count_t kSkipFrames = 4096;
  std::vector<double> skipped(static_cast<std::size_t>(kSkipFrames * info.channels));
  for (long long left = first; left > 0;) {
    const sf_count_t n = sf_readf_double(file, skipped.data(), std::min<sf_count_t>(left, kSkipFrames));
    if (n <= 0) return SoundError(SoundErrorCode::kDecodeFailed, {Reason(sf_strerror(file))},
                                  "cannot decode the sound: " + Reason(sf_strerror(file)));
    left -= n;
  }
  return std::nullopt;
}

Error NotFinite() {
  return SoundError(SoundErrorCode::kNotFinite, {}, "the sound holds samples that are not numbers (NaN or infinity)");
}

// Interleaved frames to mono: one channel, or the average of all.
std::optional<Error> AppendMono(const std::vector<double>& frames, sf_count_t n, int channels,
                                std::optional<int> channel, std::vector<double>* out) {
  for (sf_count_t f = 0; f < n; ++f) {
    const double* frame = frames.data() + f * channels;
    double v = 0;
    if (channel) {
      v = frame[*channel];
    } else {
      for (int c = 0; c < channels; ++c) v += frame[c];
      v /= channels;
    }
    if (!std::isfinite(v)) return NotFinite();
    out->push_back(std::clamp(v, -1.0, 1.0));
  }
  return std::nullopt;
}

// The part's frames, decoded in blocks and mixed as they come: memory grows
// with what the file really holds, never with what its header claims.
Result<std::vector<double>> DecodePart(SNDFILE* file, const SoundFileInfo& info, const Part& part,
                                       std::optional<int> channel, const std::function<bool(double)>& progress) {
  if (std::optional<Error> bad = SeekTo(file, info, part.first)) return *bad;
  constexpr sf_count_t kBlockFrames = 8192;
  std::vector<double> block(static_cast<std::size_t>(kBlockFrames * info.channels));
  std::vector<double> mono;
  mono.reserve(static_cast<std::size_t>(std::min<long long>(part.count, kBlockFrames * 16)));
  for (long long left = part.count; left > 0;) {
    const sf_count_t n = sf_readf_double(file, block.data(), std::min<sf_count_t>(left, kBlockFrames));
    if (n <= 0) break;  // headers may overstate the length (MP3's is an estimate)
    if (std::optional<Error> bad = AppendMono(block, n, info.channels, channel, &mono)) return *bad;
    left -= n;
    if (progress && !progress(1.0 - static_cast<double>(left) / static_cast<double>(part.count))) {
      return SoundError(SoundErrorCode::kCancelled, {}, "the sound's reading was cancelled");
    }
  }
  if (sf_error(file) != SF_ERR_NO_ERROR) {
    const std::string why = Reason(sf_strerror(file));
    return SoundError(SoundErrorCode::kDecodeFailed, {why}, "cannot decode the sound: " + why);
  }
  if (mono.empty()) return EmptySound();
  return mono;
}

Result<Sound> ReadOpened(const OpenSound& open, const SoundReadOptions& options) {
  Result<SoundFileInfo> info = CheckHeader(open.info);
  if (!info) return info.failure();
  Result<Part> part = ChoosePart(options, *info);
  if (!part) return part.failure();
  Result<std::vector<double>> mono = DecodePart(open.file.get(), *info, *part, options.channel, options.progress);
  if (!mono) return mono.failure();
  Sound sound;
  sound.file = std::move(info).value();
  sound.start_seconds = static_cast<double>(part->first) / sound.file.rate;
  sound.rate = sound.file.rate;
  sound.samples = std::move(mono).value();
  if (options.rate != 0 && options.rate != sound.rate) {
    Result<std::vector<double>> resampled = Resample(sound.samples, sound.rate, options.rate, options.quality);
    if (!resampled) return resampled.failure();
    sound.samples = std::move(resampled).value();
    sound.rate = options.rate;
  }
  return sound;
}

Error AboutPath(const std::string& path, Error error) { return Prefixed("'" + path + "': ", std::move(error)); }

}  // namespace

Result<Sound> ReadSoundFile(const std::string& path, const SoundReadOptions& options) {
  Result<OpenSound> open = OpenPath(path);
  if (!open) return AboutPath(path, open.failure());
  Result<Sound> sound = ReadOpened(*open, options);
  if (!sound) return AboutPath(path, sound.failure());
  return sound;
}

Result<Sound> ReadSoundFromMemory(const unsigned char* bytes, std::size_t size, const SoundReadOptions& options) {
  MemorySource source{bytes, static_cast<sf_count_t>(size), 0};
  Result<OpenSound> open = OpenMemory(&source);
  if (!open) return open.failure();
  return ReadOpened(*open, options);
}

Result<SoundFileInfo> ReadSoundFileInfo(const std::string& path) {
  Result<OpenSound> open = OpenPath(path);
  if (!open) return AboutPath(path, open.failure());
  Result<SoundFileInfo> info = CheckHeader(open->info);
  if (!info) return AboutPath(path, info.failure());
  return info;
}

Result<SoundFileInfo> ReadSoundInfoFromMemory(const unsigned char* bytes, std::size_t size) {
  MemorySource source{bytes, static_cast<sf_count_t>(size), 0};
  Result<OpenSound> open = OpenMemory(&source);
  if (!open) return open.failure();
  return CheckHeader(open->info);
}

bool IsSoundPath(const std::string& path) {
  const std::string extension = LowercaseExtension(path);
  static const char* const kExtensions[] = {".wav", ".wave", ".flac", ".ogg", ".oga", ".opus",
                                            ".mp3", ".aif", ".aiff", ".caf", ".au"};
  return std::find(std::begin(kExtensions), std::end(kExtensions), extension) != std::end(kExtensions);
}

}  // namespace convstep
