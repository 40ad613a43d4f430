#include "core/conv/tensor.h"

#include <algorithm>

namespace convstep {

Tensor4 ResizedWeights(const Tensor4& w, int filters, int channels, int kh, int kw) {
  Tensor4 out(filters, channels, kh, kw);
  for (int f = 0; f < std::min(filters, w.n); ++f) {
    for (int c = 0; c < std::min(channels, w.c); ++c) {
      for (int y = 0; y < std::min(kh, w.h); ++y) {
        for (int x = 0; x < std::min(kw, w.w); ++x) out.at(f, c, y, x) = w.at(f, c, y, x);
      }
    }
  }
  return out;
}

Tensor3 ResizedInput(const Tensor3& t, int c, int h, int w) {
  Tensor3 out(c, h, w);
  for (int ci = 0; ci < std::min(c, t.c); ++ci) {
    for (int y = 0; y < std::min(h, t.h); ++y) {
      for (int x = 0; x < std::min(w, t.w); ++x) out.at(ci, y, x) = t.at(ci, y, x);
    }
  }
  return out;
}

Tensor3 AsImage(const Tensor2& signal) {
  Tensor3 image;
  image.c = signal.c;
  image.h = 1;
  image.w = signal.l;
  image.data = signal.data;
  return image;
}

Tensor2 AsSignal(const Tensor3& image) {
  CheckTensorIndex(image.h == 1 || image.empty(), "AsSignal");
  Tensor2 signal;
  signal.c = image.c;
  signal.l = image.w;
  signal.data = image.data;
  return signal;
}

}  // namespace convstep
