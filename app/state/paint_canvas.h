// The network view's drawing canvas: a 28 × 28 picture in [0, 1], painted
// with the mouse as Fashion-MNIST's pictures are made — light on black —
// so that what a student draws looks to the network like what it learned.
#pragma once

#include "core/conv/tensor.h"

namespace convstep {

struct BrushStroke {
  float from_y = 0;  // in pixels of the canvas (fractional: the mouse lies between pixels)
  float from_x = 0;
  float to_y = 0;
  float to_x = 0;
  float radius = 1.5f;  // pixels of full ink; ink fades to nothing one pixel further out
  bool erase = false;   // the eraser takes ink away with the same falloff
};

constexpr int kCanvasSide = 28;

// A black canvas, one channel: [1][28][28].
Tensor3 BlankCanvas();

// Paints the segment of `stroke` on `canvas` (channel 0): every pixel takes
// the brush's ink at its distance from the segment if that is more than it
// has (the eraser: less), so painting over a stroke never darkens it and a
// slow drag paints the same line as a fast one. Returns whether a pixel changed.
bool PaintStroke(const BrushStroke& stroke, Tensor3* canvas);

// A photograph made to look like Fashion-MNIST's pictures: `grey` is one
// channel in [0, 1] at the canvas's size (the image import's greyscale,
// resized); a light background (its border brighter than mid-grey on
// average, as in a product photo) is inverted to Fashion-MNIST's black, and
// the values are stretched to span 0 to 1 as its pictures do.
struct CanvasPhoto {
  Tensor3 canvas;
  bool inverted = false;
};
CanvasPhoto PhotoForCanvas(const Tensor3& grey);

}  // namespace convstep
