// The whole-image convolution a live view recomputes on every kernel edit:
// 512x512x3 with 16 filters of 3x3, padding 1, stride 1, single-threaded, in
// float64 (the output panel) and float32 (live image views). PyTorch 1.13's
// CPU conv2d on one thread takes 100-120 ms and 20-25 ms for these.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "bench/bench_specs.h"
#include "core/conv/conv2d.h"

namespace convstep {
namespace {

struct ImageCase {
  Conv2dSpec spec = bench::RandomSquareSpec(3, 512, 16, 3, 1);
  Conv2dGeometry geo;

  ImageCase() {
    Result<Conv2dGeometry> resolved = ResolveConv2d(spec);
    if (!resolved) std::abort();  // the spec above is valid by construction
    geo = *resolved;
  }
};

const ImageCase& Image512() {
  static const ImageCase image;
  return image;
}

void BM_Conv2d512F64(benchmark::State& state) {
  const ImageCase& image = Image512();
  for (auto _ : state) {
    Tensor3 out = Conv2dForward(image.spec, image.geo);
    benchmark::DoNotOptimize(out.data.data());
  }
}
BENCHMARK(BM_Conv2d512F64)->Unit(benchmark::kMillisecond);

void BM_Conv2d512F32(benchmark::State& state) {
  const ImageCase& image = Image512();
  for (auto _ : state) {
    Tensor3F out = Conv2dForwardF32(image.spec, image.geo);
    benchmark::DoNotOptimize(out.data.data());
  }
}
BENCHMARK(BM_Conv2d512F32)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace convstep
