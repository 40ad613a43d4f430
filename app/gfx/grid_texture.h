// One RGBA texture per grid: every cell's colour is one texel, drawn with
// nearest filtering as a single quad. A 64×64 grid costs one draw call
// instead of 4,096 rectangles (see ../shared/STACK.md: llvmpipe spends its
// time rasterising vertices).
#pragma once

#include <cstdint>
#include <vector>

#include "imgui.h"

namespace convstep::gfx {

// A new texture, bound, read texel by texel (NEAREST, no mipmaps: without
// them a mipmapped filter leaves it incomplete, reading as 0) and clamped.
unsigned int NewNearestTexture();

class GridTexture {
 public:
  GridTexture() = default;
  ~GridTexture();
  GridTexture(const GridTexture&) = delete;
  GridTexture& operator=(const GridTexture&) = delete;
  GridTexture(GridTexture&& other) noexcept;
  GridTexture& operator=(GridTexture&& other) noexcept;

  // Uploads `rgba` (rows × cols, ImGui's ABGR-packed ImU32) if it changed.
  void Update(int rows, int cols, const std::vector<uint32_t>& rgba);
  // The texture as Dear ImGui's ImTextureID.
  void* id() const;

 private:
  unsigned int texture_ = 0;
  int rows_ = 0;
  int cols_ = 0;
  std::vector<uint32_t> uploaded_;
};

// Turns blending off or back on for what `draw` draws next. Grid cells are
// opaque, and on the software rasteriser blending reads back every pixel
// drawn over: a panel's cell images go between an off and an on.
void AddBlendingSwitch(ImDrawList* draw, bool on);
// After a callback: a draw list must not end on one. ImGui drops a
// window's empty last command, so its last would be the callback, and a
// modal dialog's dimming, drawn later into the window behind it, changes
// that command's clip rect: an assertion (every dialog open a few frames
// over a grid the shader drew). A primitive of no area keeps a real
// command last and draws nothing.
void EndCallbacks(ImDrawList* draw);

}  // namespace convstep::gfx
