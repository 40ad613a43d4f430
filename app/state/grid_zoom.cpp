#include "app/state/grid_zoom.h"

#include <algorithm>
#include <cmath>

namespace convstep {

namespace {

// The view's centre along one axis of n cells at this zoom.
float ClampCentre(float c, int n, float zoom) {
  const float half = static_cast<float>(n) / (2.0f * zoom);
  return std::clamp(c, half, static_cast<float>(n) - half);
}

}  // namespace

void ClampZoom(GridZoom* z, int rows, int cols, float max_zoom) {
  z->zoom = std::clamp(std::isfinite(z->zoom) ? z->zoom : 1.0f, 1.0f, std::max(1.0f, max_zoom));
  z->cy = ClampCentre(std::isfinite(z->cy) ? z->cy : 0.0f, rows, z->zoom);
  z->cx = ClampCentre(std::isfinite(z->cx) ? z->cx : 0.0f, cols, z->zoom);
}

void ZoomAbout(GridZoom* z, float factor, float py, float px, int rows, int cols, float max_zoom) {
  const float before = z->zoom;
  z->zoom = std::clamp(before * factor, 1.0f, std::max(1.0f, max_zoom));
  // The point's offset from the centre shrinks as the zoom grows.
  z->cy = py - (py - z->cy) * before / z->zoom;
  z->cx = px - (px - z->cx) * before / z->zoom;
  ClampZoom(z, rows, cols, max_zoom);
}

void PanBy(GridZoom* z, float dy, float dx, int rows, int cols, float max_zoom) {
  z->cy += dy;
  z->cx += dx;
  ClampZoom(z, rows, cols, max_zoom);
}

void Follow(GridZoom* z, float py, float px, int rows, int cols, float max_zoom, bool always) {
  if (py == z->followed_y && px == z->followed_x) return;
  z->followed_y = py;
  z->followed_x = px;
  // The inner 60 % of the view: a point nearer the edge than that is
  // brought back to the centre before it can leave.
  const float inner_h = 0.3f * static_cast<float>(rows) / z->zoom;
  const float inner_w = 0.3f * static_cast<float>(cols) / z->zoom;
  if (always || std::fabs(py - z->cy) > inner_h || std::fabs(px - z->cx) > inner_w) {
    z->cy = py;
    z->cx = px;
  }
  ClampZoom(z, rows, cols, max_zoom);
}

void MarkTouched(std::map<std::string, GridZoom>* zooms, const std::string& name) {
  int latest = 0;
  for (const auto& [other, z] : *zooms) latest = std::max(latest, z.touched);
  (*zooms)[name].touched = latest + 1;
}

std::string LeadingGrid(const std::map<std::string, GridZoom>& zooms, const std::string& group) {
  std::string leader;
  int latest = 0;
  for (const auto& [name, z] : zooms) {
    if (z.group == group && z.touched > latest) {
      latest = z.touched;
      leader = name;
    }
  }
  return leader;
}

namespace {

// A window starting at output index o along an axis covers padded cells
// o·s to o·s + d(f − 1); its centre, in cell units, is o·s + span/2.
float WindowCentreOffset(const AxisSize& a) { return static_cast<float>(a.span) * 0.5f; }

}  // namespace

std::pair<float, float> OutputPointOf(const Conv2dGeometry& g, float py, float px) {
  const auto along = [](const AxisSize& a, float p) {
    return (p - WindowCentreOffset(a)) / static_cast<float>(a.s) + 0.5f;
  };
  return {along(g.axis_h, py), along(g.axis_w, px)};
}

std::pair<float, float> InputPointOf(const Conv2dGeometry& g, float oy, float ox) {
  const auto along = [](const AxisSize& a, float o) {
    return (o - 0.5f) * static_cast<float>(a.s) + WindowCentreOffset(a);
  };
  return {along(g.axis_h, oy), along(g.axis_w, ox)};
}

void ShareZoom(std::map<std::string, GridZoom>* zooms, const std::string& name) {
  MarkTouched(zooms, name);
  const GridZoom& source = (*zooms)[name];
  if (source.group.empty()) return;
  for (auto& [other, z] : *zooms) {
    if (other != name && z.group == source.group) z.zoom = source.zoom;
  }
}

}  // namespace convstep
