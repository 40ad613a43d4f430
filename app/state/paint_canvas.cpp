#include "app/state/paint_canvas.h"

#include <algorithm>
#include <cmath>

namespace convstep {

namespace {

// The distance from point p to the segment a–b.
float DistanceToSegment(float py, float px, float ay, float ax, float by, float bx) {
  const float dy = by - ay;
  const float dx = bx - ax;
  const float length2 = dy * dy + dx * dx;
  float t = 0;
  if (length2 > 0) t = std::clamp(((py - ay) * dy + (px - ax) * dx) / length2, 0.0f, 1.0f);
  const float ny = ay + t * dy - py;
  const float nx = ax + t * dx - px;
  return std::sqrt(ny * ny + nx * nx);
}

// Full ink inside the radius, fading linearly to none one pixel beyond: the
// soft edge of a scanned pen stroke.
double Ink(float distance, float radius) { return std::clamp(static_cast<double>(radius + 1.0f - distance), 0.0, 1.0); }

}  // namespace

Tensor3 BlankCanvas() { return Tensor3(1, kCanvasSide, kCanvasSide, 0.0); }

bool PaintStroke(const BrushStroke& s, Tensor3* canvas) {
  const float reach = s.radius + 1.0f;
  const int y0 = std::max(0, static_cast<int>(std::floor(std::min(s.from_y, s.to_y) - reach)));
  const int y1 = std::min(canvas->h - 1, static_cast<int>(std::ceil(std::max(s.from_y, s.to_y) + reach)));
  const int x0 = std::max(0, static_cast<int>(std::floor(std::min(s.from_x, s.to_x) - reach)));
  const int x1 = std::min(canvas->w - 1, static_cast<int>(std::ceil(std::max(s.from_x, s.to_x) + reach)));
  bool changed = false;
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      // Pixel (y, x) covers [y, y + 1) × [x, x + 1): its centre is at + 0.5.
      const double ink = Ink(DistanceToSegment(y + 0.5f, x + 0.5f, s.from_y, s.from_x, s.to_y, s.to_x), s.radius);
      if (ink <= 0) continue;
      double& v = canvas->at(0, y, x);
      const double next = s.erase ? std::min(v, 1.0 - ink) : std::max(v, ink);
      if (next != v) {
        v = next;
        changed = true;
      }
    }
  }
  return changed;
}

CanvasPhoto PhotoForCanvas(const Tensor3& grey) {
  CanvasPhoto photo{grey, false};
  Tensor3& c = photo.canvas;
  double border = 0;
  int count = 0;
  for (int y = 0; y < c.h; ++y) {
    for (int x = 0; x < c.w; ++x) {
      if (y != 0 && x != 0 && y != c.h - 1 && x != c.w - 1) continue;
      border += c.at(0, y, x);
      ++count;
    }
  }
  photo.inverted = count > 0 && border / count > 0.5;
  if (photo.inverted) {
    for (double& v : c.data) v = 1.0 - v;
  }
  const auto [lo, hi] = std::minmax_element(c.data.begin(), c.data.end());
  const double low = *lo;
  const double span = *hi - *lo;
  // A flat picture stays as it is (black, once a light one is inverted).
  if (span > 1e-9) {
    for (double& v : c.data) v = (v - low) / span;
  }
  return photo;
}

}  // namespace convstep
