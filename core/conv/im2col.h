// Convolution as a matrix product (im2col): every window of the padded input
// becomes a column of the patch matrix, every filter a row of the weight
// matrix, and weights x patches (+ bias) is the output, one row per filter.
#pragma once

#include <vector>

#include "core/conv/stepper.h"

namespace convstep {

struct Im2Col {
  int rows = 0;     // C_in * kH * kW: one per (channel, ky, kx), row-major
  int cols = 0;     // H_out * W_out: one per window, row-major
  int filters = 0;  // C_out
  std::vector<double> patches;  // rows x cols: the input value each window reads per tap
  std::vector<double> weights;  // filters x rows: zero where a filter's group does not read
  std::vector<double> product;  // filters x cols: weights x patches + bias = the output

  double Patch(int r, int c) const { return patches[static_cast<size_t>(r) * cols + c]; }
  double Weight(int f, int r) const { return weights[static_cast<size_t>(f) * rows + r]; }
  double Product(int f, int c) const { return product[static_cast<size_t>(f) * cols + c]; }
};

// The matrices' sizes, known without building them (the window shows them
// when the matrices are too large to draw): W is filters × rows here, zero
// outside each filter's group; PyTorch's weight.view(C_out, -1) keeps only
// the taps a filter reads, C_out × (C_in/groups·kH·kW) = filters × taps_per_filter.
struct Im2ColShape {
  int rows = 0;             // C_in * kH * kW
  int cols = 0;             // H_out * W_out
  int filters = 0;          // C_out
  int taps_per_filter = 0;  // C_in/groups * kH * kW
};
Im2ColShape ShapeOfIm2Col(const Conv2dGeometry& geo);

// Where patch entry (r, c) reads from: input channel and padded position.
struct PatchSource {
  int c = 0;
  int y = 0;
  int x = 0;
};
PatchSource SourceOfPatch(const Conv2dGeometry& geo, int r, int c);

// The patch column of the window that computes output row y, column x
// (windows row-major), and the output cell a column belongs to.
inline int PatchColumn(const Conv2dGeometry& geo, int y, int x) { return y * geo.out_w + x; }
struct OutputPosition {
  int y = 0;
  int x = 0;
};
inline OutputPosition OutputOfColumn(const Conv2dGeometry& geo, int column) {
  return {column / geo.out_w, column % geo.out_w};
}

Im2Col BuildIm2Col(const ConvStepper& stepper);

}  // namespace convstep
