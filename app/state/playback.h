// What the window's play buttons play: the sound (a waveform input itself,
// or the file a spectrogram was made of, re-read for the grid's part), the
// stretch of sound the current window hears, or a 1-D convolution's output
// (hear what the kernel does). Pure apart from reading the sound file: the
// shell hands the request to the SoundPlayer and moves the playhead.
#pragma once

#include <vector>

#include "core/base/result.h"
#include "core/conv/stepper.h"
#include "core/session/session.h"

namespace convstep {

enum class PlayWhat { kSound, kWindow, kOutput };

struct PlayRequest {
  std::vector<double> samples;  // mono, in [-1, 1]
  int rate = 0;
  double start_seconds = 0;     // the time on the grid's axis where it starts: the playhead's origin
  double step_seconds = 0;      // the axis time one sample moves the playhead (1/rate, or stride/rate for an output)
};

// Which sounds the document can play: a waveform input, or a spectrogram
// whose sound file is where it was imported from.
bool CanPlay(const Session& session);

// The request for `what` (`filter` for kOutput); an error says why there
// is nothing to play (no sound behind the grid, a file moved).
Result<PlayRequest> WhatToPlay(const Session& session, const ConvStepper& conv, int step, PlayWhat what, int filter);

}  // namespace convstep
