// Sample-rate conversion through libsamplerate, on its own so that the
// player, the file reader and later the window can all use it.
#pragma once

#include <span>
#include <vector>

#include "app/sound/sound_limits.h"
#include "core/base/result.h"

namespace convstep {

// libsamplerate's converters, best first: the best is about ten times
// slower than the medium one, which is plenty for listening.
enum class ResampleQuality { kBest, kMedium, kFastest };

// `samples` at `from_rate` Hz as samples at `to_rate` Hz: band-limited
// (windowed sinc), exactly round(samples.size() * to_rate / from_rate) of
// them and at least one, with the signal's time and amplitude kept. Equal
// rates, or no samples, give the samples back.
// libsamplerate works in float, so values come back to about 1e-7; a sinc
// may overshoot a full-scale signal slightly, so values are clipped to
// [-1, 1]. Rates must lie in [kMinSoundRate, kMaxSoundRate].
Result<std::vector<double>> Resample(std::span<const double> samples, int from_rate, int to_rate,
                                     ResampleQuality quality = ResampleQuality::kBest);

}  // namespace convstep
