#include "core/conv/im2col.h"

namespace convstep {

PatchSource SourceOfPatch(const Conv2dGeometry& geo, int r, int c) {
  const int taps = geo.kernel_h * geo.kernel_w;
  const int ky = (r % taps) / geo.kernel_w;
  const int kx = r % geo.kernel_w;
  const OutputPosition o = OutputOfColumn(geo, c);
  return {r / taps, o.y * geo.stride.h + ky * geo.dilation.h, o.x * geo.stride.w + kx * geo.dilation.w};
}

Im2ColShape ShapeOfIm2Col(const Conv2dGeometry& g) {
  const int taps = g.kernel_h * g.kernel_w;
  return {g.in_channels * taps, g.out_h * g.out_w, g.out_channels, g.in_per_group * taps};
}

Im2Col BuildIm2Col(const ConvStepper& stepper) {
  const Conv2dGeometry& g = stepper.geometry();
  const Conv2dSpec& spec = stepper.spec();
  const int taps = g.kernel_h * g.kernel_w;
  const Im2ColShape shape = ShapeOfIm2Col(g);
  Im2Col m;
  m.rows = shape.rows;
  m.cols = shape.cols;
  m.filters = shape.filters;
  m.patches.resize(static_cast<size_t>(m.rows) * m.cols);
  for (int r = 0; r < m.rows; ++r) {
    for (int c = 0; c < m.cols; ++c) {
      const PatchSource s = SourceOfPatch(g, r, c);
      m.patches[static_cast<size_t>(r) * m.cols + c] = PaddedValue(spec.input, g, s.c, s.y, s.x);
    }
  }
  // With groups a filter reads only its group's channels; the other entries
  // of its row stay zero, so one product still gives every output.
  m.weights.assign(static_cast<size_t>(m.filters) * m.rows, 0.0);
  for (int f = 0; f < m.filters; ++f) {
    const int first_row = g.FirstInputChannel(f) * taps;
    for (int i = 0; i < g.in_per_group * taps; ++i) {
      m.weights[static_cast<size_t>(f) * m.rows + first_row + i] =
          spec.weight.data[static_cast<size_t>(f) * g.in_per_group * taps + i];
    }
  }
  m.product.resize(static_cast<size_t>(m.filters) * m.cols);
  for (int f = 0; f < m.filters; ++f) {
    for (int c = 0; c < m.cols; ++c) {
      double sum = spec.bias.empty() ? 0.0 : spec.bias[f];
      for (int r = 0; r < m.rows; ++r) sum += m.Weight(f, r) * m.Patch(r, c);
      m.product[static_cast<size_t>(f) * m.cols + c] = sum;
    }
  }
  return m;
}

}  // namespace convstep
