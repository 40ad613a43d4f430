// What the input grid's rows and columns measure when the grid is a sound's
// spectrogram: each row's centre frequency and each column's time. The grid
// is stored as it is drawn, so row 0 is the top row, the highest band: low
// frequencies sit at the bottom as in every audio tool, and the stepper, the
// arithmetic and an export all read the grid the way the student sees it.
// A sound's waveform (one row of samples, kWaveform) has only the time
// axis. An input that is a plain grid has no axes (`rows == kNone`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/conv/tensor.h"

namespace convstep {

struct InputAxes {
  enum class Rows { kNone, kHertz, kCoefficient, kWaveform };
  Rows rows = Rows::kNone;
  std::vector<double> row_hz;   // with kHertz: one centre frequency per row, top row first
  bool mel = false;             // the rows are mel bands (their ticks fall at mel spacing)
  double frame_seconds = 0;     // hop / sample rate: the time from one column to the next
  double start_seconds = 0;     // the time of column 0: the start of the selection
  double window_seconds = 0;    // n_fft / sample rate: how long a stretch one column hears
  std::string unit;             // what the values are: "dB", "power", "magnitude"
  std::string source;           // the sound file the grid came from, as opened: played again from there
  bool operator==(const InputAxes&) const = default;
};

// Rows of frequency bands or coefficients, columns of frames.
inline bool IsSpectrogram(const InputAxes& axes) {
  return axes.rows == InputAxes::Rows::kHertz || axes.rows == InputAxes::Rows::kCoefficient;
}

// True when the axes describe a grid of this shape: one channel, and one
// frequency per row. A plain grid's (empty) axes fit every grid.
bool AxesFit(const InputAxes& axes, const Tensor3& input);

// The time at the centre of data column `col` (a fraction for a window's
// centre), in seconds from the start of the sound.
double ColumnSeconds(const InputAxes& axes, double col);
// The centre frequency of data row `row`, or nullopt when the rows are not
// frequencies or the row is outside the grid.
std::optional<double> RowHertz(const InputAxes& axes, int row);

// Whether a sample or frame is short enough for its times to read in
// milliseconds (a waveform's samples) rather than seconds (a spectrogram's
// frames).
bool TimesInMilliseconds(const InputAxes& axes);
// A time as the axes label it: "0.58" (seconds) or "12.5" (milliseconds).
std::string TimeLabel(const InputAxes& axes, double seconds);

// A span of the input in data rows and columns (the part of a window that
// lies on the data, padding excluded) as seconds and hertz: what one output
// hears. The frequencies are the centres of its lowest and highest rows.
struct AxesSpan {
  double from_seconds = 0;
  double to_seconds = 0;
  std::optional<double> low_hz;
  std::optional<double> high_hz;
};
AxesSpan SpanOf(const InputAxes& axes, int first_row, int last_row, int first_col, int last_col);

// Labels for ticks: "440", "1.2k", "11k" for hertz; "0.58" for seconds.
std::string HertzLabel(double hz);
std::string SecondsLabel(double seconds);
std::string MillisecondsLabel(double seconds);

}  // namespace convstep
