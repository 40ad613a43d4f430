// Dense row-major tensors in double precision: Tensor2 is C x L (a signal of
// C channels, PyTorch's NCL without N), Tensor3 is C x H x W (an image or a
// feature map, PyTorch's NCHW without N), Tensor4 is a filter bank
// [C_out][C_in/groups][kH][kW] (PyTorch's weight layout).
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace convstep {

// Debug builds check every index of at() (a bad one aborts with a message);
// release builds trust the callers, whose inputs the specs have checked.
#ifdef NDEBUG
inline void CheckTensorIndex(bool, const char*) {}
#else
inline void CheckTensorIndex(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "%s: index outside the tensor\n", what);
  std::abort();
}
#endif

struct Tensor2 {
  int c = 0;
  int l = 0;
  std::vector<double> data;  // c * l values, row-major

  Tensor2() = default;
  Tensor2(int channels, int length, double fill = 0.0)
      : c(channels), l(length), data(static_cast<std::size_t>(channels) * length, fill) {}

  std::size_t Index(int ci, int x) const { return static_cast<std::size_t>(ci) * l + x; }
  bool Contains(int ci, int x) const { return ci >= 0 && ci < c && x >= 0 && x < l; }
  double& at(int ci, int x) {
    CheckTensorIndex(Contains(ci, x), "Tensor2::at");
    return data[Index(ci, x)];
  }
  double at(int ci, int x) const {
    CheckTensorIndex(Contains(ci, x), "Tensor2::at");
    return data[Index(ci, x)];
  }
  bool empty() const { return data.empty(); }
};

struct Tensor3 {
  int c = 0;
  int h = 0;
  int w = 0;
  std::vector<double> data;  // c * h * w values, row-major

  Tensor3() = default;
  Tensor3(int channels, int height, int width, double fill = 0.0)
      : c(channels), h(height), w(width),
        data(static_cast<std::size_t>(channels) * height * width, fill) {}

  std::size_t Index(int ci, int y, int x) const {
    return (static_cast<std::size_t>(ci) * h + y) * w + x;
  }
  bool Contains(int ci, int y, int x) const { return ci >= 0 && ci < c && y >= 0 && y < h && x >= 0 && x < w; }
  double& at(int ci, int y, int x) {
    CheckTensorIndex(Contains(ci, y, x), "Tensor3::at");
    return data[Index(ci, y, x)];
  }
  double at(int ci, int y, int x) const {
    CheckTensorIndex(Contains(ci, y, x), "Tensor3::at");
    return data[Index(ci, y, x)];
  }
  bool empty() const { return data.empty(); }
};

struct Tensor4 {
  int n = 0;  // output channels (filters)
  int c = 0;  // input channels per group
  int h = 0;
  int w = 0;
  std::vector<double> data;

  Tensor4() = default;
  Tensor4(int filters, int channels, int height, int width, double fill = 0.0)
      : n(filters), c(channels), h(height), w(width),
        data(static_cast<std::size_t>(filters) * channels * height * width, fill) {}

  std::size_t Index(int f, int ci, int y, int x) const {
    return ((static_cast<std::size_t>(f) * c + ci) * h + y) * w + x;
  }
  bool Contains(int f, int ci, int y, int x) const {
    return f >= 0 && f < n && ci >= 0 && ci < c && y >= 0 && y < h && x >= 0 && x < w;
  }
  double& at(int f, int ci, int y, int x) {
    CheckTensorIndex(Contains(f, ci, y, x), "Tensor4::at");
    return data[Index(f, ci, y, x)];
  }
  double at(int f, int ci, int y, int x) const {
    CheckTensorIndex(Contains(f, ci, y, x), "Tensor4::at");
    return data[Index(f, ci, y, x)];
  }
};

// The filter bank resized to filters × channels × kh × kw, keeping the
// weights that overlap; new weights start at 0.
Tensor4 ResizedWeights(const Tensor4& w, int filters, int channels, int kh, int kw);

// The image resized to c × h × w the same way.
Tensor3 ResizedInput(const Tensor3& t, int c, int h, int w);

// A [C][L] signal as a [C][1][L] image, and back (the image one row high):
// the same values in the same order, so 1-D operations can run as 2-D ones.
Tensor3 AsImage(const Tensor2& signal);
Tensor2 AsSignal(const Tensor3& image);

// A (height, width) pair, for stride, dilation, kernel size and the like.
struct Pair {
  int h = 1;
  int w = 1;
  bool operator==(const Pair&) const = default;
};

}  // namespace convstep
