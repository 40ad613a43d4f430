#include "core/formats/audio_spec_json.h"

#include <cmath>

#include "core/formats/spec_json.h"

namespace convstep {

namespace {

using audio::AudioFeatureSpec;

bool Given(const Json& spec, const std::string& field) { return spec.contains(field) && !spec[field].is_null(); }

Result<double> NumberFromJson(const Json& spec, const std::string& field, double fallback) {
  if (!Given(spec, field)) return fallback;
  const Json& v = spec[field];
  if (!v.is_number() || !std::isfinite(v.get<double>())) return Error{field + " must be a number"};
  return v.get<double>();
}

Result<bool> BoolFromJson(const Json& spec, const std::string& field, bool fallback) {
  if (!spec.contains(field)) return fallback;
  if (!spec[field].is_boolean()) return Error{field + " must be true or false"};
  return spec[field].get<bool>();
}

// One of `names` (their order is the enum's), or an error listing them.
template <typename Enum>
Result<Enum> ChoiceFromJson(const Json& spec, const std::string& field, std::initializer_list<const char*> names,
                            Enum fallback) {
  if (!Given(spec, field)) return fallback;
  const Json& v = spec[field];
  std::string list;
  int index = 0;
  for (const char* name : names) {
    if (v.is_string() && v.get<std::string>() == name) return static_cast<Enum>(index);
    list += (list.empty() ? "\"" : " or \"") + std::string(name) + "\"";
    ++index;
  }
  return Error{field + " must be " + list};
}

Result<audio::MelSpec> MelFromJson(const Json& j) {
  if (!j.is_object()) return Error{"mel must be an object such as {\"n_mels\": 64}"};
  audio::MelSpec m;
  Result<int> n_mels = IntFromJson(j, "n_mels", m.n_mels);
  if (!n_mels) return n_mels.failure();
  m.n_mels = *n_mels;
  Result<double> f_min = NumberFromJson(j, "f_min", m.f_min);
  if (!f_min) return f_min.failure();
  m.f_min = *f_min;
  if (Given(j, "f_max")) {
    Result<double> f_max = NumberFromJson(j, "f_max", 0.0);
    if (!f_max) return f_max.failure();
    m.f_max = *f_max;
  }
  Result<audio::MelScale> scale = ChoiceFromJson(j, "mel_scale", {"htk", "slaney"}, m.mel_scale);
  if (!scale) return scale.failure();
  m.mel_scale = *scale;
  // "norm": null is torchaudio's norm=None.
  Result<audio::MelNorm> norm = ChoiceFromJson(j, "norm", {"none", "slaney"}, m.norm);
  if (!norm) return Error{"norm must be null or \"slaney\""};
  m.norm = *norm;
  return m;
}

Result<audio::DbSpec> DbFromJson(const Json& j) {
  if (!j.is_object()) return Error{"db must be an object such as {\"ref\": \"max\", \"top_db\": 80}"};
  audio::DbSpec d;
  Result<double> amin = NumberFromJson(j, "amin", d.amin);
  if (!amin) return amin.failure();
  d.amin = *amin;
  if (Given(j, "ref") && j["ref"] == "max") {
    d.ref_is_max = true;
  } else {
    Result<double> ref = NumberFromJson(j, "ref", d.ref);
    if (!ref) return Error{"ref must be a number or \"max\""};
    d.ref = *ref;
  }
  if (Given(j, "top_db")) {
    Result<double> top_db = NumberFromJson(j, "top_db", 0.0);
    if (!top_db) return Error{"top_db must be a number, or null for no clipping"};
    d.top_db = *top_db;
  }
  return d;
}

// n_fft, hop_length, win_length, center, pad_mode and power.
Result<audio::StftSpec> StftFromJson(const Json& spec) {
  audio::StftSpec s;
  if (!spec.contains("n_fft")) return Error{"the spec has no \"n_fft\""};
  Result<int> n_fft = IntFromJson(spec, "n_fft", 0);
  if (!n_fft) return n_fft.failure();
  s.n_fft = *n_fft;
  if (Given(spec, "win_length")) {
    Result<int> win = IntFromJson(spec, "win_length", 0);
    if (!win) return win.failure();
    if (*win < 1) return Error{"win_length must be at least 1 (or null: n_fft)"};
    s.win_length = *win;
  }
  Result<int> hop = IntFromJson(spec, "hop_length", s.WinLength() / 2);
  if (!hop) return hop.failure();
  s.hop_length = *hop;
  Result<bool> center = BoolFromJson(spec, "center", s.center);
  if (!center) return center.failure();
  s.center = *center;
  Result<audio::PadMode> pad_mode = ChoiceFromJson(spec, "pad_mode", {"reflect", "constant"}, s.pad_mode);
  if (!pad_mode) return pad_mode.failure();
  s.pad_mode = *pad_mode;
  Result<double> power = NumberFromJson(spec, "power", s.power);
  if (!power) return power.failure();
  s.power = *power;
  return s;
}

template <typename T>
Json MatrixJson(const audio::AudioMatrix<T>& m) {
  Json rows = Json::array();
  for (int r = 0; r < m.rows; ++r) {
    Json row = Json::array();
    for (int c = 0; c < m.cols; ++c) {
      const double v = m.at(r, c);
      row.push_back(std::isnan(v) ? Json(nullptr) : Json(v));
    }
    rows.push_back(std::move(row));
  }
  return {{"shape", {m.rows, m.cols}}, {"values", std::move(rows)}};
}

// The fields that only a "file" has.
constexpr const char* kFileFields[] = {"channel", "start_seconds", "length_seconds"};

// "file", "sample_rate", "channel", "start_seconds" and "length_seconds",
// their types checked; their ranges against the file are the loader's.
Result<SoundRequest> SoundRequestOfSpec(const Json& spec) {
  SoundRequest request;
  const Json& file = spec["file"];
  if (!file.is_string() || file.get<std::string>().empty()) {
    return Error{"file must be the name of a sound file (a string), such as \"voice.wav\""};
  }
  request.path = file.get<std::string>();
  if (Given(spec, "sample_rate")) {
    Result<int> rate = IntFromJson(spec, "sample_rate", 0);
    if (!rate) return rate.failure();
    // 0 would read as "the file's own": a rate asked for must be one.
    if (*rate < 1 || *rate > audio::kMaxSampleRate) {
      return Error{"sample_rate is " + std::to_string(*rate) + ": it must be from 1 to " +
                   std::to_string(audio::kMaxSampleRate) + ", or absent for the file's own rate"};
    }
    request.rate = *rate;
  }
  if (Given(spec, "channel")) {
    Result<int> channel = IntFromJson(spec, "channel", 0);
    if (!channel) return channel.failure();
    if (*channel < 0) return Error{"channel is " + std::to_string(*channel) + ": channels count from 0"};
    request.channel = *channel;
  }
  Result<double> start = NumberFromJson(spec, "start_seconds", 0.0);
  if (!start) return start.failure();
  if (*start < 0) return Error{"start_seconds must be a number >= 0"};
  request.start_seconds = *start;
  Result<double> length = NumberFromJson(spec, "length_seconds", 0.0);
  if (!length) return length.failure();
  if (*length < 0) return Error{"length_seconds must be a number >= 0 (0: to the end)"};
  request.length_seconds = *length;
  return request;
}

Result<LoadedSound> SoundOfFile(const Json& spec, const SoundLoader& loader) {
  Result<SoundRequest> request = SoundRequestOfSpec(spec);
  if (!request) return request.failure();
  if (!loader) {
    return Error{"\"file\": this program reads no sound files; give the signal as \"samples\""};
  }
  Result<LoadedSound> sound = loader(*request);
  if (!sound) return sound.failure();
  if (request->rate != 0 && sound->sample_rate != request->rate) {
    return Error{"'" + request->path + "': read at " + std::to_string(sound->sample_rate) + " Hz, not the " +
                 std::to_string(request->rate) + " Hz asked for"};
  }
  if (sound->sample_rate < 1) return Error{"'" + request->path + "': the sound has no sample rate"};
  if (sound->samples.size() > static_cast<size_t>(audio::kMaxAudioSamples)) {
    return Error{"'" + request->path + "': the part read has " + std::to_string(sound->samples.size()) +
                 " samples, more than the " + std::to_string(audio::kMaxAudioSamples) +
                 " ConvStep takes (ten minutes at 48 kHz): read a part with \"length_seconds\""};
  }
  return sound;
}

}  // namespace

Result<LoadedSound> SamplesOfSpec(const Json& spec, const SoundLoader& loader) {
  if (!spec.is_object()) return Error{"the spec must be a JSON object with \"samples\" or \"file\""};
  const bool has_samples = spec.contains("samples");
  const bool has_file = spec.contains("file");
  if (has_samples && has_file) return Error{"the spec has both \"samples\" and \"file\": give one signal"};
  if (has_file) return SoundOfFile(spec, loader);
  if (!has_samples) {
    return Error{"the spec has no \"samples\" (the signal, a list of numbers) and no \"file\" (a sound file)"};
  }
  for (const char* field : kFileFields) {
    if (spec.contains(field)) return Error{std::string(field) + " is for a sound file (\"file\"), not \"samples\""};
  }
  const Json& samples = spec["samples"];
  // Counted before anything is allocated for them.
  if (samples.is_array() && samples.size() > static_cast<size_t>(audio::kMaxAudioSamples)) {
    return Error{"samples has " + std::to_string(samples.size()) + " values, more than the " +
                 std::to_string(audio::kMaxAudioSamples) + " ConvStep takes (ten minutes at 48 kHz)"};
  }
  Result<std::vector<double>> values = VectorFromJson(samples, "samples");
  if (!values) return values.failure();
  Result<int> rate = IntFromJson(spec, "sample_rate", 0);
  if (!rate) return rate.failure();
  return LoadedSound{std::move(values).value(), *rate};
}

Result<AudioFeatureSpec> AudioFeatureSpecFromJson(const Json& spec) {
  if (!spec.is_object()) return Error{"the spec must be a JSON object with \"samples\", \"sample_rate\" and \"n_fft\""};
  AudioFeatureSpec f;
  Result<audio::AudioOp> op = ChoiceFromJson(spec, "op", {"spectrogram", "mfcc"}, f.op);
  if (!op) return op.failure();
  f.op = *op;
  // A file has a rate of its own.
  if (spec.contains("file") && !Given(spec, "sample_rate")) {
    f.sample_rate = 0;
  } else {
    if (!spec.contains("sample_rate")) return Error{"the spec has no \"sample_rate\""};
    Result<int> rate = IntFromJson(spec, "sample_rate", 0);
    if (!rate) return rate.failure();
    f.sample_rate = *rate;
  }
  Result<audio::StftSpec> stft = StftFromJson(spec);
  if (!stft) return stft.failure();
  f.stft = *stft;
  if (Given(spec, "mel")) {
    Result<audio::MelSpec> mel = MelFromJson(spec["mel"]);
    if (!mel) return Prefixed("mel: ", mel.failure());
    f.mel = *mel;
  } else if (f.op == audio::AudioOp::kMfcc) {
    f.mel = audio::MelSpec{};  // torchaudio's MFCC builds MelSpectrogram with its defaults
  }
  if (Given(spec, "db")) {
    Result<audio::DbSpec> db = DbFromJson(spec["db"]);
    if (!db) return Prefixed("db: ", db.failure());
    f.db = *db;
  }
  Result<int> n_mfcc = IntFromJson(spec, "n_mfcc", f.n_mfcc);
  if (!n_mfcc) return n_mfcc.failure();
  f.n_mfcc = *n_mfcc;
  return f;
}

Result<AudioSpec> AudioSpecFromJson(const Json& spec, const SoundLoader& loader) {
  Result<AudioFeatureSpec> features = AudioFeatureSpecFromJson(spec);
  if (!features) return features.failure();
  Result<LoadedSound> signal = SamplesOfSpec(spec, loader);
  if (!signal) return signal.failure();
  AudioFeatureSpec f = *features;
  f.sample_rate = signal->sample_rate;
  Result<bool> ok = audio::CheckAudioFeatureSpec(f, static_cast<long long>(signal->samples.size()));
  if (!ok) return ok.failure();
  return AudioSpec{std::move(signal).value().samples, f};
}

Json AudioMatrixToJson(const audio::AudioMatrix<double>& m) { return MatrixJson(m); }
Json AudioMatrixToJson(const audio::AudioMatrix<float>& m) { return MatrixJson(m); }

}  // namespace convstep
