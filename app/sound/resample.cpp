#include "app/sound/resample.h"

#include <samplerate.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "app/sound/sound_error.h"
#include "app/sound/sound_text.h"

namespace convstep {

namespace {

struct StateDeleter {
  void operator()(SRC_STATE* state) const { src_delete(state); }
};
using Converter = std::unique_ptr<SRC_STATE, StateDeleter>;

int ConverterType(ResampleQuality quality) {
  switch (quality) {
    case ResampleQuality::kBest: return SRC_SINC_BEST_QUALITY;
    case ResampleQuality::kMedium: return SRC_SINC_MEDIUM_QUALITY;
    case ResampleQuality::kFastest: return SRC_SINC_FASTEST;
  }
  return SRC_SINC_BEST_QUALITY;
}

Error ResampleFailed(int code) {
  const std::string why = sound_text::Reason(src_strerror(code));
  return SoundError(SoundErrorCode::kResampleFailed, {why}, "cannot resample the sound: " + why);
}

bool RateInRange(int rate) { return rate >= kMinSoundRate && rate <= kMaxSoundRate; }

}  // namespace

Result<std::vector<double>> Resample(std::span<const double> samples, int from_rate, int to_rate,
                                     ResampleQuality quality) {
  if (!RateInRange(from_rate) || !RateInRange(to_rate)) {
    const std::string what = "the rates must be from " + std::to_string(kMinSoundRate) + " to " +
                             std::to_string(kMaxSoundRate) + " Hz";
    return SoundError(SoundErrorCode::kBadOptions, {what}, "cannot resample the sound: " + what);
  }
  if (from_rate == to_rate || samples.empty()) return std::vector<double>(samples.begin(), samples.end());
  int code = 0;
  const Converter converter(src_new(ConverterType(quality), 1, &code));
  if (!converter) return ResampleFailed(code);

  // Blocks of float in and out, so that a long sound never needs a float
  // copy of itself: memory is the result and two small buffers.
  const double ratio = static_cast<double>(to_rate) / from_rate;
  constexpr long kBlock = 16384;
  std::vector<float> in(kBlock);
  std::vector<float> out(static_cast<std::size_t>(std::ceil(kBlock * ratio)) + 16);
  std::vector<double> result;
  const auto expected =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(static_cast<double>(samples.size()) * ratio)));
  result.reserve(expected);
  std::size_t next = 0;
  long pending = 0;  // samples in `in` not yet used by the converter
  while (true) {
    const long fresh = static_cast<long>(std::min<std::size_t>(kBlock - pending, samples.size() - next));
    std::transform(samples.begin() + next, samples.begin() + next + fresh, in.begin() + pending,
                   [](double v) { return static_cast<float>(v); });
    next += fresh;
    pending += fresh;
    SRC_DATA data{};
    data.data_in = in.data();
    data.data_out = out.data();
    data.input_frames = pending;
    data.output_frames = static_cast<long>(out.size());
    data.end_of_input = next == samples.size() ? 1 : 0;
    data.src_ratio = ratio;
    if ((code = src_process(converter.get(), &data)) != 0) return ResampleFailed(code);
    for (long i = 0; i < data.output_frames_gen; ++i) result.push_back(std::clamp(double{out[i]}, -1.0, 1.0));
    std::copy(in.begin() + data.input_frames_used, in.begin() + pending, in.begin());
    pending -= data.input_frames_used;
    if (data.end_of_input && pending == 0 && data.output_frames_gen == 0) break;
  }
  // The converter's last block may give a sample more or fewer than the
  // ratio says (none at all for a sound of a sample or two): the length is
  // made exact, the missing end being silence.
  result.resize(expected, 0.0);
  return result;
}

}  // namespace convstep
