// convstep-cli spectrogram SPEC: a spectrogram, mel spectrogram, decibels or
// MFCCs (the spec's op) of the spec's signal, as {"shape", "values"}. The
// signal is the spec's "samples" or its "file", read through convstep_sound.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "app/sound/sound_file.h"
#include "core/audio/audio_spec.h"
#include "core/audio/features.h"
#include "core/formats/audio_spec_json.h"

namespace convstep::cli {

namespace {

// A spec's "file" through ReadSoundFile. A part of more samples than the
// core takes is refused from the header, before anything is decoded.
Result<LoadedSound> LoadSound(const SoundRequest& request) {
  Result<SoundFileInfo> info = ReadSoundFileInfo(request.path);
  if (!info) return info.failure();
  const int rate = request.rate != 0 ? request.rate : info->rate;
  if (request.start_seconds < info->duration_seconds) {
    const double rest = info->duration_seconds - request.start_seconds;
    const double seconds = request.length_seconds == 0 ? rest : std::min(request.length_seconds, rest);
    const double samples = std::ceil(seconds * rate);
    if (samples > audio::kMaxAudioSamples) {
      return Error{"'" + request.path + "': the part to read has " + std::to_string(std::llround(samples)) +
                   " samples at " + std::to_string(rate) + " Hz, more than the " +
                   std::to_string(audio::kMaxAudioSamples) +
                   " ConvStep takes: choose a part with \"start_seconds\" and \"length_seconds\""};
    }
  }
  SoundReadOptions options;
  options.channel = request.channel;
  options.rate = request.rate;
  options.start_seconds = request.start_seconds;
  options.length_seconds = request.length_seconds;
  Result<Sound> sound = ReadSoundFile(request.path, options);
  if (!sound) return sound.failure();
  const int read_rate = sound->rate;
  return LoadedSound{std::move(sound).value().samples, read_rate};
}

// float64 by default (the reference vectors' precision); --float32 runs the
// fast path meant for long clips.
Result<Json> Features(const AudioSpec& spec, bool float32) {
  if (!float32) {
    Result<audio::AudioMatrix<double>> out = audio::ComputeAudioFeatures(spec.samples, spec.features);
    if (!out) return out.failure();
    return AudioMatrixToJson(*out);
  }
  const std::vector<float> samples(spec.samples.begin(), spec.samples.end());
  Result<audio::AudioMatrix<float>> out = audio::ComputeAudioFeatures(samples, spec.features);
  if (!out) return out.failure();
  return AudioMatrixToJson(*out);
}

}  // namespace

void AddAudioCommands(CLI::App& app, CommandRun* run) {
  auto path = std::make_shared<std::string>();
  auto float32 = std::make_shared<bool>(false);
  CLI::App* spectrogram = app.add_subcommand(
      "spectrogram", "Spectrogram, mel spectrogram, decibels or MFCC (the spec's op) as torchaudio computes them");
  spectrogram->add_option("SPEC", *path, "spec JSON file, or - for stdin")->required();
  spectrogram->add_flag("--float32", *float32, "compute in float32 (the fast path for long clips)");
  spectrogram->callback([run, path, float32] {
    *run = [path, float32]() -> Result<std::string> {
      Result<Json> json = ReadJsonArgument(*path);
      if (!json) return json.failure();
      Result<AudioSpec> spec = AudioSpecFromJson(*json, LoadSound);
      if (!spec) return spec.failure();
      Result<Json> out = Features(*spec, *float32);
      if (!out) return out.failure();
      return Print(*out);
    };
  });
}

}  // namespace convstep::cli
