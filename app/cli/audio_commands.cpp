// convstep-cli spectrogram SPEC: a spectrogram, mel spectrogram, decibels or
// MFCCs (the spec's op) of the spec's signal, as {"shape", "values"}.
#include <memory>
#include <vector>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "core/audio/features.h"
#include "core/formats/audio_spec_json.h"

namespace convstep::cli {

namespace {

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
      Result<AudioSpec> spec = AudioSpecFromJson(*json);
      if (!spec) return spec.failure();
      Result<Json> out = Features(*spec, *float32);
      if (!out) return out.failure();
      return Print(*out);
    };
  });
}

}  // namespace convstep::cli
