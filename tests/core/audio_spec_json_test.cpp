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

// "file" is where a sound file's name will go: for now a clear refusal,
// from SamplesOfSpec, the one function that reads a spec's signal.
TEST(AudioSpecJson, SoundFilesAreNotReadYet) {
  Json j = Base();
  j.erase("samples");
  j["file"] = "voice.wav";
  EXPECT_NE(ErrorOf(j).find("reading sound files is not built yet"), std::string::npos) << ErrorOf(j);
  EXPECT_FALSE(SamplesOfSpec(j).ok());
  j["samples"] = {1, 2, 3};
  EXPECT_NE(ErrorOf(j).find("both \"samples\" and \"file\""), std::string::npos) << ErrorOf(j);
}

TEST(AudioSpecJson, ResultsAsShapeAndValues) {
  audio::AudioMatrix<double> m(2, 3);
  m.data = {1, 2, 3, 4, 5, 6};
  EXPECT_EQ(AudioMatrixToJson(m), Json::parse(R"({"shape": [2, 3], "values": [[1, 2, 3], [4, 5, 6]]})"));
}

}  // namespace
}  // namespace convstep
