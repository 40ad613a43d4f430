#include "app/state/playback.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "app/sound/sound_file.h"

namespace convstep {

namespace {

int RateOf(const InputAxes& axes) { return static_cast<int>(std::lround(1.0 / axes.frame_seconds)); }

// The sound file behind a spectrogram, for `seconds` from `start` of it.
Result<PlayRequest> FromFile(const InputAxes& axes, double start, double seconds) {
  SoundReadOptions read;
  read.start_seconds = std::max(start, 0.0);
  read.length_seconds = std::max(seconds, 1e-3);
  Result<Sound> sound = ReadSoundFile(axes.source, read);
  if (!sound) return sound.failure();
  return PlayRequest{std::move(sound->samples), sound->rate, read.start_seconds, 1.0 / sound->rate};
}

// A filter's output, scaled so its loudest sample is at 0.9: a high-pass
// output is quiet, and its loudness is not what the student listens for.
Result<PlayRequest> Output(const Session& s, const ConvStepper& conv, int filter) {
  const Conv2dGeometry& g = conv.geometry();
  if (filter < 0 || filter >= g.out_channels) return Error{"there is no filter " + std::to_string(filter)};
  PlayRequest r;
  for (int x = 0; x < g.out_w; ++x) r.samples.push_back(Activate(s.activation, conv.Output().at(filter, 0, x)));
  double peak = 0;
  for (double v : r.samples) peak = std::max(peak, std::fabs(v));
  if (peak > 0) {
    for (double& v : r.samples) v *= 0.9 / peak;
  }
  const int rate = RateOf(s.input_axes);
  r.rate = std::max(1, rate / g.stride.w);
  // Output 0 sits under the centre of its window, (span - 1)/2 samples in.
  r.start_seconds = ColumnSeconds(s.input_axes, (g.axis_w.span - 1) * 0.5 - g.padding.left);
  r.step_seconds = s.input_axes.frame_seconds * g.stride.w;
  return r;
}

}  // namespace

bool CanPlay(const Session& session) {
  const InputAxes& axes = session.input_axes;
  if (axes.rows == InputAxes::Rows::kWaveform) return axes.frame_seconds > 0;
  std::error_code ignored;
  return IsSpectrogram(axes) && !axes.source.empty() && std::filesystem::is_regular_file(axes.source, ignored);
}

Result<PlayRequest> WhatToPlay(const Session& s, const ConvStepper& conv, int step, PlayWhat what, int filter) {
  const InputAxes& axes = s.input_axes;
  if (!CanPlay(s)) {
    return Error{"playback.nothing", {}, "this grid has no sound to play: import a sound file (its file must stay where it was)"};
  }
  if (axes.rows == InputAxes::Rows::kWaveform) {
    if (what == PlayWhat::kOutput) return Output(s, conv, filter);
    // A window of a few samples is too short to hear: the sound plays whole.
    PlayRequest r;
    const Tensor3& in = s.conv.input;
    r.samples.assign(in.data.begin(), in.data.begin() + in.w);
    r.rate = RateOf(axes);
    r.start_seconds = axes.start_seconds;
    r.step_seconds = axes.frame_seconds;
    return r;
  }
  const int frames = s.conv.input.w;
  if (what == PlayWhat::kWindow) {
    const Conv2dGeometry& g = conv.geometry();
    const ConvStep st = conv.Step(step);
    const int first = std::max(st.window_left - g.padding.left, 0);
    const int last = std::min(st.window_left + g.axis_w.span - 1 - g.padding.left, frames - 1);
    const AxesSpan span = SpanOf(axes, 0, 0, first, last);
    return FromFile(axes, span.from_seconds, span.to_seconds - span.from_seconds);
  }
  return FromFile(axes, axes.start_seconds, frames * axes.frame_seconds);
}

}  // namespace convstep
