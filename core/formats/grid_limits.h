// How big a grid read from a file may be, whatever its format. ConvStep shows
// a convolution cell by cell, so anything larger is the wrong file (a photo, a
// dataset), and every reader checks these before it allocates, so a hostile
// or broken file cannot make it take much memory.
#pragma once

namespace convstep {

constexpr int kMaxGridSide = 256;     // rows, and columns, of one channel
constexpr int kMaxGridChannels = 16;  // channels of one grid

}  // namespace convstep
