// Reading audio specs: the defaults, every field's accepted forms, and a
// readable error for every malformed or absurd one, refused before anything
// large is allocated.
#include <gtest/gtest.h>

#include "core/formats/audio_spec_json.h"

namespace convstep {
namespace {

Json Base() {
  return Json::parse(R"({"op": "spectrogram", "samples": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
                         "sample_rate": 8000, "n_fft": 8, "hop_length": 4})");
}

std::string ErrorOf(const Json& spec) {
  Result<AudioSpec> s = AudioSpecFromJson(spec);
  return s ? "" : s.error();
}

TEST(AudioSpecJson, Defaults) {
  Result<AudioSpec> s = AudioSpecFromJson(Base());
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(s->samples.size(), 10u);
  const audio::AudioFeatureSpec& f = s->features;
  EXPECT_EQ(f.op, audio::AudioOp::kSpectrogram);
  EXPECT_EQ(f.sample_rate, 8000);
  EXPECT_EQ(f.stft.n_fft, 8);
  EXPECT_EQ(f.stft.hop_length, 4);
  EXPECT_EQ(f.stft.WinLength(), 8);
  EXPECT_TRUE(f.stft.center);
  EXPECT_EQ(f.stft.pad_mode, audio::PadMode::kReflect);
  EXPECT_EQ(f.stft.power, 2.0);
  EXPECT_FALSE(f.mel.has_value());
  EXPECT_FALSE(f.db.has_value());
  Json no_hop = Base();
  no_hop.erase("hop_length");
  no_hop["win_length"] = 6;
  Result<AudioSpec> torch_hop = AudioSpecFromJson(no_hop);
  ASSERT_TRUE(torch_hop.ok()) << torch_hop.error();
  EXPECT_EQ(torch_hop->features.stft.hop_length, 3);  // torchaudio: win_length // 2
}

TEST(AudioSpecJson, MelDbAndMfcc) {
  Json j = Base();
  j["mel"] = {{"n_mels", 4}, {"f_min", 50.0}, {"f_max", 3000}, {"mel_scale", "slaney"}, {"norm", "slaney"}};
  j["db"] = {{"ref", "max"}, {"top_db", 60}, {"amin", 1e-5}};
  Result<AudioSpec> s = AudioSpecFromJson(j);
  ASSERT_TRUE(s.ok()) << s.error();
  const audio::MelSpec& mel = *s->features.mel;
  EXPECT_EQ(mel.n_mels, 4);
  EXPECT_EQ(mel.f_min, 50.0);
  EXPECT_EQ(mel.FMax(8000), 3000.0);
  EXPECT_EQ(mel.mel_scale, audio::MelScale::kSlaney);
  EXPECT_EQ(mel.norm, audio::MelNorm::kSlaney);
  EXPECT_TRUE(s->features.db->ref_is_max);
  EXPECT_EQ(*s->features.db->top_db, 60.0);
  EXPECT_EQ(s->features.db->amin, 1e-5);
  j["mel"]["norm"] = nullptr;
  j["mel"]["f_max"] = nullptr;
  j["db"] = {{"ref", 1.0}, {"top_db", nullptr}};
  s = AudioSpecFromJson(j);
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(s->features.mel->norm, audio::MelNorm::kNone);
  EXPECT_EQ(s->features.mel->FMax(8000), 4000.0);
  EXPECT_FALSE(s->features.db->top_db.has_value());

  Json m = Base();
  m["op"] = "mfcc";
  m["n_mfcc"] = 3;
  m["mel"] = {{"n_mels", 4}};
  s = AudioSpecFromJson(m);
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(s->features.op, audio::AudioOp::kMfcc);
  EXPECT_EQ(s->features.n_mfcc, 3);
}

TEST(AudioSpecJson, ReadableErrors) {
  struct Bad {
    const char* field;
    Json value;
    const char* says;
  };
  const std::vector<Bad> bad{
      {"op", "fft", "op must be \"spectrogram\" or \"mfcc\""},
      {"sample_rate", 0, "sample_rate is 0"},
      {"sample_rate", 44100.5, "sample_rate must be a whole number"},
      {"n_fft", 1, "n_fft is 1"},
      {"n_fft", 1 << 17, "n_fft is 131072"},
      {"hop_length", 0, "hop_length is 0"},
      {"win_length", 9, "win_length is 9: it must be from 1 to 8"},
      {"win_length", 0, "win_length must be at least 1"},
      {"center", 1, "center must be true or false"},
      {"pad_mode", "circular", "pad_mode must be \"reflect\" or \"constant\""},
      {"power", 3, "power must be 1 (magnitude) or 2 (power)"},
      {"power", "2", "power must be a number"},
      {"samples", Json::array({1, "x"}), "samples[1] is not a number"},
      {"samples", Json::array(), "samples has an empty list"},
      {"samples", 3, "samples must be a list"},
      {"mel", 4, "mel must be an object"},
      {"mel", {{"n_mels", 0}}, "n_mels is 0"},
      {"mel", {{"n_mels", 2000}}, "n_mels is 2000"},
      {"mel", {{"mel_scale", "bark"}}, "mel: mel_scale must be \"htk\" or \"slaney\""},
      {"mel", {{"norm", "l2"}}, "mel: norm must be null or \"slaney\""},
      {"mel", {{"f_max", 5000}}, "f_max <= sample_rate / 2"},
      {"mel", {{"f_min", 3000}, {"f_max", 2000}}, "f_min < f_max"},
      {"db", {{"ref", "min"}}, "db: ref must be a number or \"max\""},
      {"db", {{"ref", 0}}, "ref must be a positive number"},
      {"db", {{"amin", 0}}, "amin must be a positive number"},
      {"db", {{"top_db", -1}}, "top_db must be a number >= 0"},
  };
  for (const Bad& b : bad) {
    Json j = Base();
    j[b.field] = b.value;
    const std::string error = ErrorOf(j);
    EXPECT_NE(error.find(b.says), std::string::npos) << b.field << " = " << b.value.dump() << ": " << error;
  }
  EXPECT_NE(ErrorOf(Json::array()).find("must be a JSON object"), std::string::npos);
  for (const char* field : {"samples", "sample_rate", "n_fft"}) {
    Json j = Base();
    j.erase(field);
    EXPECT_NE(ErrorOf(j).find(std::string("no \"") + field + "\""), std::string::npos) << ErrorOf(j);
  }
}

TEST(AudioSpecJson, TheSignalMustFitTheFrames) {
  Json j = Base();
  j["samples"] = {0.1, 0.2, 0.3, 0.4};
  EXPECT_NE(ErrorOf(j).find("pad_mode \"reflect\" needs more than n_fft / 2 = 4 samples"), std::string::npos)
      << ErrorOf(j);
  j["pad_mode"] = "constant";
  EXPECT_EQ(ErrorOf(j), "");
  j["center"] = false;
  EXPECT_NE(ErrorOf(j).find("fewer than one frame of n_fft = 8 (center is false)"), std::string::npos) << ErrorOf(j);
}

TEST(AudioSpecJson, MfccRules) {
  Json j = Base();
  j["op"] = "mfcc";
  j["mel"] = {{"n_mels", 4}};
  j["n_mfcc"] = 5;
  EXPECT_NE(ErrorOf(j).find("n_mfcc is 5: it must be from 1 to 4"), std::string::npos) << ErrorOf(j);
  j["n_mfcc"] = 4;
  j["db"] = {{"top_db", 60}};
  EXPECT_NE(ErrorOf(j).find("mfcc's decibels are fixed"), std::string::npos) << ErrorOf(j);
}

// A huge output is refused from the spec's numbers, before the STFT runs.
TEST(AudioSpecJson, AbsurdSizesAreRefusedBeforeAllocating) {
  Json j = Base();
  j["n_fft"] = 1 << 16;
  j["hop_length"] = 1;
  j["pad_mode"] = "constant";
  j["samples"] = std::vector<double>(2000, 0.5);
  EXPECT_NE(ErrorOf(j).find("more than 16777216 values"), std::string::npos) << ErrorOf(j);
  EXPECT_FALSE(audio::CheckAudioFeatureSpec(AudioSpecFromJson(Base())->features, audio::kMaxAudioSamples + 1LL).ok());
}

Json FileSpec() {
  Json j = Base();
  j.erase("samples");
  j.erase("sample_rate");
  j["file"] = "voice.wav";
  return j;
}

// A loader standing for the sound reader: it records what it was asked and
// answers ten known samples at the rate asked for (8000 Hz when none was).
struct FakeLoader {
  std::vector<SoundRequest> asked;
  SoundLoader loader() {
    return [this](const SoundRequest& request) -> Result<LoadedSound> {
      asked.push_back(request);
      return LoadedSound{{0.5, -0.5, 0.25, -0.25, 0.125, 0, 0.1, 0.2, 0.3, 0.4},
                         request.rate != 0 ? request.rate : 8000};
    };
  }
};

// "file" names a sound file, decoded by the loader the program passes.
TEST(AudioSpecJson, AFileThroughTheLoader) {
  FakeLoader fake;
  Result<AudioSpec> s = AudioSpecFromJson(FileSpec(), fake.loader());
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(s->samples, (std::vector<double>{0.5, -0.5, 0.25, -0.25, 0.125, 0, 0.1, 0.2, 0.3, 0.4}));
  EXPECT_EQ(s->features.sample_rate, 8000);  // the file's own: no "sample_rate" in the spec
  EXPECT_EQ(s->features.stft.n_fft, 8);
  ASSERT_EQ(fake.asked.size(), 1u);
  EXPECT_EQ(fake.asked[0].path, "voice.wav");  // as spelt: relative to the current directory
  EXPECT_EQ(fake.asked[0].rate, 0);
  EXPECT_FALSE(fake.asked[0].channel.has_value());
  EXPECT_EQ(fake.asked[0].start_seconds, 0.0);
  EXPECT_EQ(fake.asked[0].length_seconds, 0.0);
  EXPECT_EQ(AudioFeatureSpecFromJson(FileSpec())->sample_rate, 0);  // 0: the file's, known once it is read

  // A rate asked for is passed to the loader, which resamples.
  Json j = FileSpec();
  j["sample_rate"] = 16000;
  j["channel"] = 1;
  j["start_seconds"] = 0.5;
  j["length_seconds"] = 2;
  s = AudioSpecFromJson(j, fake.loader());
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_EQ(s->features.sample_rate, 16000);
  ASSERT_EQ(fake.asked.size(), 2u);
  EXPECT_EQ(fake.asked[1].rate, 16000);
  EXPECT_EQ(fake.asked[1].channel, 1);
  EXPECT_EQ(fake.asked[1].start_seconds, 0.5);
  EXPECT_EQ(fake.asked[1].length_seconds, 2.0);

  // SamplesOfSpec gives the signal and its rate, for "samples" too.
  Result<LoadedSound> signal = SamplesOfSpec(j, fake.loader());
  ASSERT_TRUE(signal.ok()) << signal.error();
  EXPECT_EQ(signal->sample_rate, 16000);
  EXPECT_EQ(signal->samples.size(), 10u);
  signal = SamplesOfSpec(Base());
  ASSERT_TRUE(signal.ok()) << signal.error();
  EXPECT_EQ(signal->sample_rate, 8000);
  EXPECT_EQ(signal->samples.size(), 10u);
}

// The spec's other fields are read before the loader is asked anything, and
// the file's rate is checked against the bands like a given one.
TEST(AudioSpecJson, AFileSpecIsCheckedWithTheFilesRate) {
  FakeLoader fake;
  Json j = FileSpec();
  j["n_fft"] = "8";
  EXPECT_FALSE(AudioSpecFromJson(j, fake.loader()).ok());
  EXPECT_TRUE(fake.asked.empty());
  j = FileSpec();
  j["mel"] = {{"n_mels", 2}, {"f_max", 5000}};  // above the file's 4000 Hz Nyquist
  Result<AudioSpec> s = AudioSpecFromJson(j, fake.loader());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().find("f_max <= sample_rate / 2 (4000 Hz here)"), std::string::npos) << s.error();
  j["sample_rate"] = 16000;
  EXPECT_TRUE(AudioSpecFromJson(j, fake.loader()).ok());
}

TEST(AudioSpecJson, AFileWithoutALoaderIsRefused) {
  const std::string error = ErrorOf(FileSpec());
  EXPECT_NE(error.find("this program reads no sound files; give the signal as \"samples\""), std::string::npos)
      << error;
  EXPECT_FALSE(SamplesOfSpec(FileSpec()).ok());
}

TEST(AudioSpecJson, BadFileFields) {
  FakeLoader fake;
  struct Bad {
    const char* field;
    Json value;
    const char* says;
  };
  const std::vector<Bad> bad{
      {"file", 3, "file must be the name of a sound file"},
      {"file", "", "file must be the name of a sound file"},
      {"file", nullptr, "file must be the name of a sound file"},
      {"sample_rate", 0, "sample_rate is 0: it must be from 1 to 768000, or absent for the file's own rate"},
      {"sample_rate", 22050.5, "sample_rate must be a whole number"},
      {"channel", -1, "channel is -1: channels count from 0"},
      {"channel", "left", "channel"},
      {"start_seconds", -1, "start_seconds must be a number >= 0"},
      {"start_seconds", "1", "start_seconds must be a number"},
      {"length_seconds", -0.5, "length_seconds must be a number >= 0"},
  };
  for (const Bad& b : bad) {
    Json j = FileSpec();
    j[b.field] = b.value;
    Result<AudioSpec> s = AudioSpecFromJson(j, fake.loader());
    ASSERT_FALSE(s.ok()) << b.field << " = " << b.value.dump();
    EXPECT_NE(s.error().find(b.says), std::string::npos) << b.field << " = " << b.value.dump() << ": " << s.error();
  }
  EXPECT_TRUE(fake.asked.empty());
  // A file's fields with "samples" are a mistake, not ignored.
  for (const char* field : {"channel", "start_seconds", "length_seconds"}) {
    Json j = Base();
    j[field] = 1;
    EXPECT_NE(ErrorOf(j).find("is for a sound file (\"file\")"), std::string::npos) << ErrorOf(j);
  }
}

// The loader's errors come through as they are; a loader that answers
// another rate than the one asked for, or too many samples, is refused.
TEST(AudioSpecJson, TheLoadersAnswersAreChecked) {
  const SoundLoader broken = [](const SoundRequest& r) -> Result<LoadedSound> {
    return Error{"'" + r.path + "': cannot decode the sound: unknown format"};
  };
  Result<AudioSpec> s = AudioSpecFromJson(FileSpec(), broken);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error(), "'voice.wav': cannot decode the sound: unknown format");
  const SoundLoader deaf = [](const SoundRequest&) -> Result<LoadedSound> {
    return LoadedSound{std::vector<double>(10, 0.5), 44100};
  };
  Json j = FileSpec();
  j["sample_rate"] = 8000;
  s = AudioSpecFromJson(j, deaf);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().find("read at 44100 Hz, not the 8000 Hz asked for"), std::string::npos) << s.error();
  const SoundLoader huge = [](const SoundRequest&) -> Result<LoadedSound> {
    return LoadedSound{std::vector<double>(audio::kMaxAudioSamples + 1LL, 0.0), 48000};
  };
  s = AudioSpecFromJson(FileSpec(), huge);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().find("more than the 28800000 ConvStep takes"), std::string::npos) << s.error();
  const SoundLoader short_one = [](const SoundRequest&) -> Result<LoadedSound> {
    return LoadedSound{{0.1, 0.2}, 8000};
  };
  s = AudioSpecFromJson(FileSpec(), short_one);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().find("pad_mode \"reflect\" needs more than"), std::string::npos) << s.error();
}

TEST(AudioSpecJson, OneSignal) {
  FakeLoader fake;
  Json j = FileSpec();
  j["samples"] = {1, 2, 3};
  EXPECT_NE(ErrorOf(j).find("both \"samples\" and \"file\""), std::string::npos) << ErrorOf(j);
  EXPECT_FALSE(AudioSpecFromJson(j, fake.loader()).ok());
  EXPECT_TRUE(fake.asked.empty());
  Json none = Base();
  none.erase("samples");
  EXPECT_NE(ErrorOf(none).find("no \"samples\""), std::string::npos) << ErrorOf(none);
  EXPECT_NE(ErrorOf(none).find("no \"file\""), std::string::npos) << ErrorOf(none);
}

TEST(AudioSpecJson, ResultsAsShapeAndValues) {
  audio::AudioMatrix<double> m(2, 3);
  m.data = {1, 2, 3, 4, 5, 6};
  EXPECT_EQ(AudioMatrixToJson(m), Json::parse(R"({"shape": [2, 3], "values": [[1, 2, 3], [4, 5, 6]]})"));
}

}  // namespace
}  // namespace convstep
