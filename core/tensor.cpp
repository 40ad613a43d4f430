#include "core/tensor.h"

#include <algorithm>

namespace convstep {

Tensor4 ResizedWeights(const Tensor4& w, int filters, int kh, int kw) {
  Tensor4 out(filters, w.c, kh, kw);
  for (int f = 0; f < std::min(filters, w.n); ++f) {
    for (int c = 0; c < w.c; ++c) {
      for (int y = 0; y < std::min(kh, w.h); ++y) {
        for (int x = 0; x < std::min(kw, w.w); ++x) out.at(f, c, y, x) = w.at(f, c, y, x);
      }
    }
  }
  return out;
}

}  // namespace convstep
