// The fast training path (core/nn/fast_network.h) on the lecture's
// Fashion-MNIST network (core/nn/architectures.h: 28x28x1, Conv2D 32 3x3,
// ReLU, MaxPooling 2, Conv2D 64, ReLU, MaxPooling 2, Conv2D 128, ReLU,
// Flatten, Dense 10), Adam lr 1e-3: one training batch of 64 on 1 and 2
// threads, a forward of one image, and a whole epoch of 60,000 synthetic
// images on 2 threads (the values do not change the work). PyTorch 1.13 on
// the same machine trains the same epoch with torch.set_num_threads(2).
//
// On the 2-core build machine (AVX2+FMA), shared with other builds, medians:
// a batch of 64 on 1 thread 21.6 ms of CPU, a forward of one image 0.13 ms.
// The epoch on Fashion-MNIST itself, side by side with
// scripts/bench_train_torch.py --threads 2: at load 1.3 to 2.6, 17.7 and
// 20.8 s against PyTorch's 46.8 and 32.6 s; at load 4.7 to 5, 23.6 and
// 24.5 s against 175.6 and 202.6 s (PyTorch's 2 threads lose far more to a
// busy machine). After that one epoch 84.6 % of the 10,000 test images are
// right (seed 1; PyTorch 85.8 %; seeds 1 to 3 gave 84.3 to 85.9 %). The
// synthetic epoch below: 22.7 to 29.4 s at load 2.5 to 5.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <random>
#include <vector>

#include "core/nn/architectures.h"
#include "core/nn/fast_gemm.h"
#include "core/nn/fast_network.h"
#include "core/nn/fast_train.h"
#include "core/nn/init.h"

namespace convstep {
namespace {

constexpr int kImage = 28 * 28;

FastNetwork MakeNetwork(Architecture architecture, int threads) {
  Result<Network> net = InitNetwork(ArchitectureModel(architecture), InitScheme::kPyTorch, 1);
  if (!net) std::abort();  // the model above is valid by construction
  Result<FastNetwork> fast = FastNetwork::Create(*net, threads, 1);
  if (!fast) std::abort();
  return std::move(fast).value();
}

// `count` images of uniform pixels in [0, 1] and labels 0..9.
struct Synthetic {
  std::vector<float> images;
  std::vector<std::uint8_t> labels;
};

Synthetic MakeSynthetic(int count) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> pixel(0.0f, 1.0f);
  Synthetic s{std::vector<float>(static_cast<std::size_t>(count) * kImage), std::vector<std::uint8_t>()};
  for (float& v : s.images) v = pixel(rng);
  for (int i = 0; i < count; ++i) s.labels.push_back(static_cast<std::uint8_t>(rng() % 10));
  return s;
}

void BM_LectureTrainBatch64(benchmark::State& state) {
  FastNetwork net = MakeNetwork(Architecture::kLecture, static_cast<int>(state.range(0)));
  const Synthetic data = MakeSynthetic(64);
  const OptimizerSpec adam;
  for (auto _ : state) {
    Result<double> loss = net.TrainBatch(data.images, data.labels, adam);
    benchmark::DoNotOptimize(loss.value());
  }
  state.SetLabel(fast_detail::GemmKernelName());
}
BENCHMARK(BM_LectureTrainBatch64)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond)->UseRealTime();

// The Network tab's other choices, LeNet-5 and the tiny one, on 2 threads.
void BM_OtherTrainBatch64(benchmark::State& state) {
  const auto architecture = static_cast<Architecture>(state.range(0));
  FastNetwork net = MakeNetwork(architecture, 2);
  const Synthetic data = MakeSynthetic(64);
  const OptimizerSpec adam;
  for (auto _ : state) {
    Result<double> loss = net.TrainBatch(data.images, data.labels, adam);
    benchmark::DoNotOptimize(loss.value());
  }
  state.SetLabel(ArchitectureName(architecture));
}
BENCHMARK(BM_OtherTrainBatch64)
    ->Arg(static_cast<int>(Architecture::kLeNet5))
    ->Arg(static_cast<int>(Architecture::kTiny))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_LectureForwardOne(benchmark::State& state) {
  FastNetwork net = MakeNetwork(Architecture::kLecture, 1);
  const Synthetic data = MakeSynthetic(1);
  for (auto _ : state) {
    Result<std::vector<float>> logits = net.Forward(data.images);
    benchmark::DoNotOptimize(logits.value().data());
  }
}
BENCHMARK(BM_LectureForwardOne)->Unit(benchmark::kMicrosecond);

// One epoch as the program trains it: shuffled batches of 64, Adam, then
// the accuracy on 10,000 test images. The time reported is the whole
// iteration; the counters give the training seconds alone.
void BM_LectureEpoch60k(benchmark::State& state) {
  const Synthetic train = MakeSynthetic(60000);
  const Synthetic test = MakeSynthetic(10000);
  const FastDataSet train_set{train.images, train.labels};
  const FastDataSet test_set{test.images, test.labels};
  for (auto _ : state) {
    FastNetwork net = MakeNetwork(Architecture::kLecture, static_cast<int>(state.range(0)));
    EpochOptions options;
    Result<EpochReport> report = TrainEpoch(&net, train_set, &test_set, options);
    if (!report) std::abort();
    state.counters["train_s"] = report->train_seconds;
    state.counters["test_s"] = report->test_seconds;
  }
}
BENCHMARK(BM_LectureEpoch60k)->Arg(2)->ArgName("threads")->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

}  // namespace
}  // namespace convstep
