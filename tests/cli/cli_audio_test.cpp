// convstep-cli spectrogram, run as a subprocess on torchaudio's reference
// vectors and on sound files written here with libsndfile, and its contract
// on bad input.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <random>

#include "app/sound/sound_file.h"
#include "core/formats/spec_json.h"
#include "tests/sound/sound_fixtures.h"
#include "tests/support/cli.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

using testing::Cli;
using testing::ExpectCleanFailure;
using testing::ExpectJsonOutput;
using testing::LoadGolden;
using testing::ProcessResult;

double LargestMagnitude(const Json& values) {
  double largest = 0.0;
  for (const Json& row : values) {
    for (const Json& v : row) largest = std::max(largest, std::abs(v.get<double>()));
  }
  return largest;
}

// The golden README's rule, as in tests/core/audio_golden_test.cpp.
void ExpectValuesNear(const Json& expect, const Json& got, double relative, const std::string& where) {
  ASSERT_EQ(got["shape"], expect["shape"]) << where;
  const double scale = std::max(1.0, LargestMagnitude(expect["values"]));
  const Json& want = expect["values"];
  ASSERT_EQ(got["values"].size(), want.size()) << where;
  for (size_t r = 0; r < want.size(); ++r) {
    ASSERT_EQ(got["values"][r].size(), want[r].size()) << where;
    for (size_t c = 0; c < want[r].size(); ++c) {
      const double w = want[r][c].get<double>();
      const double diff = std::abs(w - got["values"][r][c].get<double>());
      EXPECT_TRUE(diff <= relative * scale || diff <= relative * std::abs(w))
          << where << " row " << r << ", frame " << c << ": want " << w << ", got " << got["values"][r][c];
    }
  }
}

TEST(CliSpectrogram, EveryReferenceCaseThroughStdin) {
  const Json cases = LoadGolden("audio_cases.json");
  ASSERT_EQ(cases.size(), 30u);
  for (size_t i = 0; i < cases.size(); ++i) {
    const ProcessResult r = Cli({"spectrogram", "-"}, cases[i]["spec"].dump());
    ExpectValuesNear(cases[i]["expect"], ExpectJsonOutput(r), 1e-7, "case " + std::to_string(i));
  }
}

TEST(CliSpectrogram, Float32AndAFilePath) {
  const Json cases = LoadGolden("audio_cases.json");
  const std::string path = ::testing::TempDir() + "convstep_audio_case.json";
  for (size_t i : {0u, 2u, 3u, 10u}) {
    std::ofstream(path) << cases[i]["spec"].dump();
    const ProcessResult r = Cli({"spectrogram", path, "--float32"});
    ExpectValuesNear(cases[i]["expect"], ExpectJsonOutput(r), 1e-3, "case " + std::to_string(i));
  }
  std::remove(path.c_str());
}

TEST(CliSpectrogram, BadInputFailsCleanly) {
  ExpectCleanFailure(Cli({"spectrogram", "-"}, "{"), "malformed JSON");
  ExpectCleanFailure(Cli({"spectrogram", "/nonexistent/spec.json"}), "cannot open");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, R"({"samples": [1, 2, 3], "sample_rate": 8000})"), "n_fft");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, R"({"samples": [1, 2, 3], "sample_rate": 8000, "n_fft": 8,
                                                   "hop_length": 2})"),
                     "pad_mode \"reflect\" needs more than");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, R"({"file": 3, "n_fft": 8})"), "file must be the name of a sound file");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, R"({"file": "a.wav", "samples": [1, 2], "n_fft": 8})"),
                     "both \"samples\" and \"file\"");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, R"({"samples": [1, 2, 3, 4, 5, 6, 7, 8, 9], "sample_rate": 8000,
                                                   "n_fft": 8, "hop_length": 2, "power": 3})"),
                     "power must be 1");
  ExpectCleanFailure(Cli({"spectrogram"}), "SPEC");
}

// --- Sound files -----------------------------------------------------------

using testing::TempDir;
using testing::WriteBytes;
using testing::WriteSound;

// A quarter second of two sines and some noise at 16 kHz, as 16-bit integers.
std::vector<short> Voice(double hz, unsigned seed, int rate = 16000, double seconds = 0.25) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> noise(-0.05, 0.05);
  std::vector<short> out(static_cast<size_t>(std::llround(rate * seconds)));
  for (size_t i = 0; i < out.size(); ++i) {
    const double t = static_cast<double>(i) / rate;
    const double v = 0.5 * std::sin(2 * std::numbers::pi * hz * t) +
                     0.3 * std::sin(2 * std::numbers::pi * 3.1 * hz * t) + noise(random);
    out[i] = static_cast<short>(std::lround(v * 32767));
  }
  return out;
}

std::vector<double> Scaled(const std::vector<short>& values) {
  std::vector<double> out;
  for (short v : values) out.push_back(v / 32768.0);
  return out;
}

// What is computed: a power spectrogram, and mel bands in decibels.
std::vector<Json> Specs() {
  return {Json::parse(R"({"n_fft": 512, "hop_length": 128})"),
          Json::parse(R"({"n_fft": 400, "hop_length": 160, "mel": {"n_mels": 40},
                          "db": {"ref": "max", "top_db": 80}})")};
}

// `base` with a "file" against `base` with `samples` at `rate`: the issue's
// rule, within 1e-5 (of the largest value, or of the value itself).
void ExpectFileMatchesSamples(const Json& base, const std::string& path, const std::vector<double>& samples, int rate,
                              const std::string& where) {
  Json with_file = base;
  with_file["file"] = path;
  Json with_samples = base;
  with_samples.erase("channel");
  with_samples.erase("start_seconds");
  with_samples.erase("length_seconds");
  with_samples["samples"] = samples;
  with_samples["sample_rate"] = rate;
  const Json from_file = ExpectJsonOutput(Cli({"spectrogram", "-"}, with_file.dump()));
  const Json from_samples = ExpectJsonOutput(Cli({"spectrogram", "-"}, with_samples.dump()));
  ASSERT_TRUE(from_samples.contains("shape")) << where;
  ExpectValuesNear(from_samples, from_file, 1e-5, where);
}

TEST(CliSpectrogramFile, SixteenBitWavIsNOver32768) {
  TempDir dir;
  const std::string path = dir.Path("voice16.wav");
  const std::vector<short> voice = Voice(440, 1);
  WriteSound(path, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 1, voice);
  for (const Json& spec : Specs()) {
    ExpectFileMatchesSamples(spec, path, Scaled(voice), 16000, "wav 16 " + spec.dump());
    // "sample_rate" equal to the file's changes nothing.
    Json same_rate = spec;
    same_rate["sample_rate"] = 16000;
    ExpectFileMatchesSamples(same_rate, path, Scaled(voice), 16000, "wav 16 at its rate " + spec.dump());
  }
  // The shape: 1 + 4000 / 128 frames of 257 bins.
  const Json out =
      ExpectJsonOutput(Cli({"spectrogram", "-"}, Json{{"file", path}, {"n_fft", 512}, {"hop_length", 128}}.dump()));
  EXPECT_EQ(out["shape"], Json::array({257, 32}));
  // MFCCs too, with the file's rate for the mel bands.
  const Json mfcc = ExpectJsonOutput(
      Cli({"spectrogram", "-"}, Json{{"file", path}, {"op", "mfcc"}, {"n_fft", 400}, {"hop_length", 160},
                                     {"n_mfcc", 13}, {"mel", {{"n_mels", 40}}}}.dump()));
  EXPECT_EQ(mfcc["shape"], Json::array({13, 26}));
}

TEST(CliSpectrogramFile, FloatWavAndFlac) {
  TempDir dir;
  const std::vector<short> voice = Voice(330, 2);
  // Float: values a float holds exactly, read back as they are.
  std::vector<double> floats;
  for (short v : voice) floats.push_back(static_cast<float>(v / 40000.0));
  WriteSound(dir.Path("voice_float.wav"), SF_FORMAT_WAV | SF_FORMAT_FLOAT, 16000, 1, floats);
  const std::string flac = dir.Path("voice.flac");
  WriteSound(flac, SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 16000, 1, voice);
  for (const Json& spec : Specs()) {
    ExpectFileMatchesSamples(spec, dir.Path("voice_float.wav"), floats, 16000, "wav float " + spec.dump());
    ExpectFileMatchesSamples(spec, flac, Scaled(voice), 16000, "flac 16 " + spec.dump());
  }
}

TEST(CliSpectrogramFile, StereoIsAveragedOrOneChannel) {
  TempDir dir;
  const std::vector<short> left = Voice(440, 3);
  const std::vector<short> right = Voice(700, 4);
  std::vector<short> frames;
  std::vector<double> mixed;
  for (size_t i = 0; i < left.size(); ++i) {
    frames.push_back(left[i]);
    frames.push_back(right[i]);
    mixed.push_back((left[i] / 32768.0 + right[i] / 32768.0) / 2);
  }
  const std::string path = dir.Path("stereo.wav");
  WriteSound(path, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 2, frames);
  for (const Json& spec : Specs()) {
    ExpectFileMatchesSamples(spec, path, mixed, 16000, "stereo " + spec.dump());
    Json right_only = spec;
    right_only["channel"] = 1;
    ExpectFileMatchesSamples(right_only, path, Scaled(right), 16000, "channel 1 " + spec.dump());
  }
  // A stereo FLAC the same way.
  const std::string flac = dir.Path("stereo.flac");
  WriteSound(flac, SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 16000, 2, frames);
  ExpectFileMatchesSamples(Specs()[1], flac, mixed, 16000, "stereo flac");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, Json{{"file", path}, {"n_fft", 512}, {"channel", 2}}.dump()),
                     "there is no channel 2: the sound has 2 (from 0)");
}

TEST(CliSpectrogramFile, APartOfTheFile) {
  TempDir dir;
  const std::vector<short> voice = Voice(440, 5, 16000, 1.0);
  const std::string path = dir.Path("second.wav");
  WriteSound(path, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 1, voice);
  const std::vector<double> all = Scaled(voice);
  // From 0.25 s for 0.5 s: samples 4000 to 12000.
  Json spec = Specs()[0];
  spec["start_seconds"] = 0.25;
  spec["length_seconds"] = 0.5;
  ExpectFileMatchesSamples(spec, path, std::vector<double>(all.begin() + 4000, all.begin() + 12000), 16000, "part");
  // From 0.75 s to the end.
  spec["length_seconds"] = 0;
  spec["start_seconds"] = 0.75;
  ExpectFileMatchesSamples(spec, path, std::vector<double>(all.begin() + 12000, all.end()), 16000, "to the end");
  spec["start_seconds"] = 2;
  ExpectCleanFailure(Cli({"spectrogram", "-"}, [&] { Json j = spec; j["file"] = path; return j.dump(); }()),
                     "after the sound's end");
}

// "sample_rate" with a file resamples it (libsamplerate, as ReadSoundFile).
TEST(CliSpectrogramFile, ARateAskedForResamples) {
  TempDir dir;
  const std::string path = dir.Path("voice44.wav");
  WriteSound(path, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 44100, 1, Voice(440, 6, 44100, 0.25));
  SoundReadOptions options;
  options.rate = 16000;
  const Result<Sound> decoded = ReadSoundFile(path, options);
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  ASSERT_EQ(decoded->samples.size(), 4000u);  // round(11025 * 16000 / 44100)
  for (Json spec : Specs()) {
    spec["sample_rate"] = 16000;
    ExpectFileMatchesSamples(spec, path, decoded->samples, 16000, "resampled " + spec.dump());
  }
  ExpectCleanFailure(Cli({"spectrogram", "-"}, Json{{"file", path}, {"n_fft", 512}, {"sample_rate", 0}}.dump()),
                     "sample_rate is 0");
  ExpectCleanFailure(Cli({"spectrogram", "-"}, Json{{"file", path}, {"n_fft", 512}, {"sample_rate", 500}}.dump()),
                     "the sample rate asked for must be 0 (the file's) or from 1000 to 192000 Hz");
}

// A relative "file" is relative to the current directory, like grid files.
TEST(CliSpectrogramFile, ARelativePathIsFromTheCurrentDirectory) {
  TempDir dir;
  const std::vector<short> voice = Voice(440, 7);
  WriteSound(dir.Path("here.wav"), SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 1, voice);
  const std::filesystem::path before = std::filesystem::current_path();
  std::filesystem::current_path(dir.Path(""));
  ExpectFileMatchesSamples(Specs()[0], "here.wav", Scaled(voice), 16000, "relative");
  std::filesystem::current_path(before);
}

// A real recording (Debian's sound-theme-freedesktop: Ogg Vorbis, stereo):
// its frames follow from its length, and its spectrogram is the one of its
// samples decoded here.
TEST(CliSpectrogramFile, ARealRecording) {
  const std::string bell = "/usr/share/sounds/freedesktop/stereo/bell.oga";
  if (!std::filesystem::exists(bell)) GTEST_SKIP() << bell << " is not installed (sound-theme-freedesktop)";
  const Result<Sound> decoded = ReadSoundFile(bell);
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  const long long n = decoded->file.frames;
  EXPECT_EQ(static_cast<long long>(decoded->samples.size()), n);
  EXPECT_NEAR(decoded->file.duration_seconds, static_cast<double>(n) / decoded->rate, 1e-9);
  // A short ring: 0.14 s at 44.1 kHz, two channels, in the copy Debian 12 ships.
  EXPECT_GT(decoded->file.duration_seconds, 0.1);
  EXPECT_EQ(decoded->file.channels, 2);

  Json spec{{"file", bell}, {"n_fft", 1024}, {"hop_length", 256}};
  Json out = ExpectJsonOutput(Cli({"spectrogram", "-"}, spec.dump()));
  EXPECT_EQ(out["shape"], Json::array({513, 1 + n / 256}));  // center: 1 + samples / hop frames
  ExpectFileMatchesSamples(Specs()[1], bell, decoded->samples, decoded->rate, "bell");

  // At 16 kHz: the frames of the resampled length.
  spec["sample_rate"] = 16000;
  spec["mel"] = {{"n_mels", 64}};
  spec["db"] = {{"top_db", 80}};
  out = ExpectJsonOutput(Cli({"spectrogram", "-"}, spec.dump()));
  const long long resampled = std::llround(static_cast<double>(n) * 16000 / decoded->rate);
  EXPECT_EQ(out["shape"], Json::array({64, 1 + resampled / 256}));
  // The bell rings: its bands span tens of decibels, not one silent value.
  double lowest = 0;
  double highest = -1e9;
  for (const Json& row : out["values"]) {
    for (const Json& v : row) {
      lowest = std::min(lowest, v.get<double>());
      highest = std::max(highest, v.get<double>());
    }
  }
  EXPECT_GT(highest - lowest, 40.0);
}

// 400 s at 96 kHz (38.4 million samples, within the reader's ten minutes but
// over the core's 28.8 million), declared in a sparse file: refused from the
// header, before anything is decoded; a part of it reads.
TEST(CliSpectrogramFile, MoreSamplesThanTheCoreTakesAreRefusedFromTheHeader) {
  TempDir dir;
  const std::string path = dir.Path("long.wav");
  constexpr std::uint32_t kDataBytes = 400u * 96000 * 2;
  WriteBytes(path, testing::WavHeader(1, 96000, 16, kDataBytes));
  std::filesystem::resize_file(path, 44 + std::uintmax_t{kDataBytes});
  const Json spec{{"file", path}, {"n_fft", 1024}, {"hop_length", 4096}};
  ExpectCleanFailure(Cli({"spectrogram", "-"}, spec.dump()),
                     "'" + path + "': the part to read has 38400000 samples at 96000 Hz, more than the 28800000");
  Json part = spec;
  part["start_seconds"] = 100;
  part["length_seconds"] = 1;
  const Json out = ExpectJsonOutput(Cli({"spectrogram", "-"}, part.dump()));
  EXPECT_EQ(out["shape"], Json::array({513, 1 + 96000 / 4096}));
}

// Broken, truncated, empty, missing or not sound at all: exit code 2, one
// line on stderr naming the file, nothing on stdout.
TEST(CliSpectrogramFile, BadFilesFailCleanly) {
  TempDir dir;
  const auto run = [](const std::string& path) {
    return Cli({"spectrogram", "-"}, Json{{"file", path}, {"n_fft", 512}, {"hop_length", 128}}.dump());
  };
  std::vector<std::uint8_t> noise(8192);
  std::mt19937 random(42);
  for (std::uint8_t& b : noise) b = static_cast<std::uint8_t>(random());
  WriteBytes(dir.Path("noise.wav"), noise);
  ExpectCleanFailure(run(dir.Path("noise.wav")), "'" + dir.Path("noise.wav") + "': cannot decode the sound: ");

  // A WAV cut after its header, and one cut inside it.
  WriteSound(dir.Path("whole.wav"), SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 1, Voice(440, 8));
  const std::vector<std::uint8_t> whole = testing::ReadBytes(dir.Path("whole.wav"));
  ASSERT_GT(whole.size(), 44u);
  WriteBytes(dir.Path("header_only.wav"), std::vector<std::uint8_t>(whole.begin(), whole.begin() + 44));
  ExpectCleanFailure(run(dir.Path("header_only.wav")), "'" + dir.Path("header_only.wav") + "': ");
  WriteBytes(dir.Path("cut_header.wav"), std::vector<std::uint8_t>(whole.begin(), whole.begin() + 20));
  ExpectCleanFailure(run(dir.Path("cut_header.wav")), "'" + dir.Path("cut_header.wav") + "': cannot decode the sound");
  WriteBytes(dir.Path("declared.wav"), testing::WavHeader(1, 16000, 16, 0));
  ExpectCleanFailure(run(dir.Path("declared.wav")), "the sound is empty");

  WriteBytes(dir.Path("empty.wav"), {});
  ExpectCleanFailure(run(dir.Path("empty.wav")), "'" + dir.Path("empty.wav") + "': the sound is empty");
  ExpectCleanFailure(run(dir.Path("missing.wav")), "'" + dir.Path("missing.wav") + "': cannot open the sound");
  std::ofstream(dir.Path("notes.wav")) << "These are not sound, only words about a sound.\n";
  ExpectCleanFailure(run(dir.Path("notes.wav")), "'" + dir.Path("notes.wav") + "': cannot decode the sound");
  ExpectCleanFailure(run(dir.Path("")), "cannot open the sound: it is a directory");

  // A file too short for the frames asked for: the core's rule, as for samples.
  WriteSound(dir.Path("short.wav"), SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 1, std::vector<short>{100, 200, 300});
  ExpectCleanFailure(run(dir.Path("short.wav")), "pad_mode \"reflect\" needs more than");
}

}  // namespace
}  // namespace convstep
