#include "core/conv2d.h"

namespace convstep {

Tensor3 PadInput(const Tensor3& input, const Conv2dGeometry& geo) {
  Tensor3 padded(geo.in_channels, geo.padded_h, geo.padded_w);
  for (int c = 0; c < geo.in_channels; ++c) {
    for (int py = 0; py < geo.padded_h; ++py) {
      for (int px = 0; px < geo.padded_w; ++px) {
        padded.at(c, py, px) = PaddedValue(input, geo, c, py, px);
      }
    }
  }
  return padded;
}

Tensor3 Conv2dForward(const Conv2dSpec& spec, const Conv2dGeometry& geo) {
  const Tensor3 padded = PadInput(spec.input, geo);
  Tensor3 out(geo.out_channels, geo.out_h, geo.out_w);
  for (int oc = 0; oc < geo.out_channels; ++oc) {
    const int c0 = geo.FirstInputChannel(oc);
    const double bias = spec.bias.empty() ? 0.0 : spec.bias[oc];
    for (int oy = 0; oy < geo.out_h; ++oy) {
      for (int ox = 0; ox < geo.out_w; ++ox) {
        double sum = bias;
        for (int ci = 0; ci < geo.in_per_group; ++ci) {
          for (int ky = 0; ky < geo.kernel_h; ++ky) {
            for (int kx = 0; kx < geo.kernel_w; ++kx) {
              sum += spec.weight.at(oc, ci, ky, kx) *
                     padded.at(c0 + ci, oy * geo.stride.h + ky * geo.dilation.h,
                               ox * geo.stride.w + kx * geo.dilation.w);
            }
          }
        }
        out.at(oc, oy, ox) = sum;
      }
    }
  }
  return out;
}

Result<Tensor3> Conv2d(const Conv2dSpec& spec) {
  Result<Conv2dGeometry> geo = ResolveConv2d(spec);
  if (!geo) return Error{geo.error()};
  return Conv2dForward(spec, *geo);
}

}  // namespace convstep
