#include "app/gfx/grid_texture.h"

#include <glad/gl.h>

#include <cstdint>
#include <utility>

namespace convstep::gfx {

unsigned int NewNearestTexture() {
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return texture;
}

GridTexture::~GridTexture() {
  if (texture_ != 0) glDeleteTextures(1, &texture_);
}

GridTexture::GridTexture(GridTexture&& other) noexcept
    : texture_(std::exchange(other.texture_, 0)), rows_(other.rows_), cols_(other.cols_),
      uploaded_(std::move(other.uploaded_)) {}

GridTexture& GridTexture::operator=(GridTexture&& other) noexcept {
  if (this != &other) {
    if (texture_ != 0) glDeleteTextures(1, &texture_);
    texture_ = std::exchange(other.texture_, 0);
    rows_ = other.rows_;
    cols_ = other.cols_;
    uploaded_ = std::move(other.uploaded_);
  }
  return *this;
}

void GridTexture::Update(int rows, int cols, const std::vector<uint32_t>& rgba) {
  if (texture_ != 0 && rows == rows_ && cols == cols_ && rgba == uploaded_) return;
  if (texture_ == 0) texture_ = NewNearestTexture();
  glBindTexture(GL_TEXTURE_2D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  // ImU32 is 0xAABBGGRR: in memory on little-endian that is R, G, B, A.
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, cols, rows, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  rows_ = rows;
  cols_ = cols;
  uploaded_ = rgba;
}

void* GridTexture::id() const { return reinterpret_cast<void*>(static_cast<uintptr_t>(texture_)); }

void AddBlendingSwitch(ImDrawList* draw, bool on) {
  if (on) draw->AddCallback([](const ImDrawList*, const ImDrawCmd*) { glEnable(GL_BLEND); }, nullptr);
  else draw->AddCallback([](const ImDrawList*, const ImDrawCmd*) { glDisable(GL_BLEND); }, nullptr);
  EndCallbacks(draw);
}

void EndCallbacks(ImDrawList* draw) {
  const ImVec2 at = draw->GetClipRectMin();
  draw->AddRectFilled(at, at, IM_COL32(0, 0, 0, 1));  // alpha 0 would be skipped
}

}  // namespace convstep::gfx
