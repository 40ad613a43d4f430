// The Network tab's forward pass: one 28×28 picture through the lecture's
// network on the exact float64 path (core/nn/forward.h), every activation
// kept, as the view draws it after each stroke of the brush. The view's
// budget is 1 ms.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>

#include "core/nn/architectures.h"
#include "core/nn/forward.h"
#include "core/nn/init.h"

namespace convstep {
namespace {

void BM_ExactForwardOfOnePicture(benchmark::State& state) {
  Result<Network> net = InitNetwork(ArchitectureModel(Architecture::kLecture), InitScheme::kPyTorch, 1);
  if (!net) std::abort();  // the lecture's model is valid by construction
  Tensor3 picture(1, 28, 28);
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> pixel(0.0, 1.0);
  for (double& v : picture.data) v = pixel(rng);
  for (auto _ : state) {
    Result<std::vector<Tensor3>> a = ForwardActivations(*net, picture);
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK(BM_ExactForwardOfOnePicture)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace convstep
