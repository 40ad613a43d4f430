// The stepper's promise: scrubbing to any step costs what stepping to the
// next does (the last step of a 256x256x3 image with 64 filters of 3x3 costs
// the same as the first), and a lecture-sized stepper is cheap to rebuild on
// every edit.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "bench/bench_specs.h"
#include "core/conv/stepper.h"

namespace convstep {
namespace {

// Built once: creation computes the whole 64x256x256 output, which is not
// what Step() is timed for.
const ConvStepper& Stepper256() {
  static const ConvStepper stepper = [] {
    Result<ConvStepper> created = ConvStepper::Create(bench::RandomSquareSpec(3, 256, 64, 3, 1));
    if (!created) std::abort();  // the spec is valid by construction
    return *created;
  }();
  return stepper;
}

enum class Which { kFirst, kLast };

void BM_StepperStep256(benchmark::State& state, Which which) {
  const ConvStepper& stepper = Stepper256();
  const int k = which == Which::kFirst ? 0 : stepper.TotalSteps() - 1;
  for (auto _ : state) {
    ConvStep step = stepper.Step(k);
    benchmark::DoNotOptimize(step);
  }
}
BENCHMARK_CAPTURE(BM_StepperStep256, first, Which::kFirst);
BENCHMARK_CAPTURE(BM_StepperStep256, last, Which::kLast);

// Ejemplo 1's size: a 2x6x6 image, one 3x3x2 filter, padding 1, stride 2.
void BM_StepperCreateEjemplo1(benchmark::State& state) {
  Conv2dSpec spec = bench::RandomSquareSpec(2, 6, 1, 3, 1);
  spec.stride = {2, 2};
  for (auto _ : state) {
    Result<ConvStepper> stepper = ConvStepper::Create(spec);
    benchmark::DoNotOptimize(stepper);
  }
}
BENCHMARK(BM_StepperCreateEjemplo1);

}  // namespace
}  // namespace convstep
