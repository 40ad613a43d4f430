// libFuzzer target: any bytes as an audio spec. A failure is one line
// without control characters; a spec that reads must compute in float64 and
// float32 alike, to grids of the same shape within the limits, whose values
// are finite (decibels included: amin keeps log10 away from 0).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/audio/features.h"
#include "core/formats/audio_spec_json.h"
#include "core/formats/spec_json.h"
#include "fuzz/grid_invariants.h"

namespace {

void RequireOneLine(const std::string& message) {
  convstep::Require(!message.empty(), "an error has a message");
  for (const char ch : message) {
    convstep::Require(static_cast<unsigned char>(ch) >= 0x20 || ch == '\t', "an error is one line");
  }
}

template <typename T>
void RequireFinite(const convstep::audio::AudioMatrix<T>& m) {
  convstep::Require(static_cast<long long>(m.rows) * m.cols <= convstep::audio::kMaxAudioValues, "within the limits");
  convstep::Require(m.data.size() == static_cast<size_t>(m.rows) * m.cols, "the shape matches the data");
  for (T v : m.data) convstep::Require(std::isfinite(v), "every value is finite");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const convstep::Result<convstep::Json> json =
      convstep::ParseJson(std::string(reinterpret_cast<const char*>(data), size));
  if (!json) return 0;
  const convstep::Result<convstep::AudioSpec> spec = convstep::AudioSpecFromJson(*json);
  if (!spec) {
    RequireOneLine(spec.error());
    return 0;
  }
  const auto f64 = convstep::audio::ComputeAudioFeatures(spec->samples, spec->features);
  const std::vector<float> samples(spec->samples.begin(), spec->samples.end());
  const auto f32 = convstep::audio::ComputeAudioFeatures(samples, spec->features);
  convstep::Require(f64.ok() && f32.ok(), "a spec that reads computes");
  convstep::Require(f64->rows == f32->rows && f64->cols == f32->cols, "both paths give one shape");
  RequireFinite(*f64);
  return 0;
}
