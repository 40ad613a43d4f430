// The limits of convstep_sound, checked against a file's header before any
// sample is decoded or any buffer allocated, so that a hostile or simply
// huge file costs one message and nothing else.
#pragma once

namespace convstep {

// 7.1 surround is the most a user's file plausibly has; more channels are
// refused rather than silently mixed.
inline constexpr int kMaxSoundChannels = 8;
// Sound below 1 kHz is not sound a lesson uses; above 192 kHz (studio
// recordings' highest) a lesson gains nothing and memory goes fast.
inline constexpr int kMinSoundRate = 1000;
inline constexpr int kMaxSoundRate = 192000;
// At most 10 minutes are decoded at once: a longer file is read through a
// selection (start, length) of at most that. 10 min at 192 kHz are 115
// million samples, 920 MB as doubles: the worst case, never exceeded.
inline constexpr double kMaxSoundSeconds = 600;

}  // namespace convstep
