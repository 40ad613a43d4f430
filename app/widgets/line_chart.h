// Curves over a common x axis (training's epochs) with ticks on both axes
// and a legend: the Network tab's live loss and accuracy.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace convstep {

struct ChartSeries {
  std::string label;
  ImU32 color = 0;
  std::vector<float> x;  // ascending
  std::vector<float> y;
  bool points = false;   // a dot at each point (few points: one per epoch)
};

struct ChartAxes {
  std::string title;
  std::string x_label;
  float x_max = 1;  // x runs from 0
  float y_lo = 0;
  float y_hi = 1;
};

// At the cursor, `size` large. A series of more points than pixels is
// drawn as the mean of each pixel's points, so 9,000 batches stay a line.
void DrawLineChart(const char* id, const ChartAxes& axes, const std::vector<ChartSeries>& series, ImVec2 size);

}  // namespace convstep
