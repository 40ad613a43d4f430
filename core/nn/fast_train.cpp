#include "core/nn/fast_train.h"

#include <algorithm>
#include <chrono>
#include <random>

#include "core/nn/init.h"

namespace convstep {

namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Why the set is not `size`-value images with a label below `classes`
// each, or "".
std::string CheckSet(const FastDataSet& set, std::size_t size, int classes, const char* name) {
  const std::string set_name = std::string("the ") + name + " set";
  if (set.labels.empty()) return set_name + " is empty";
  if (set.images.size() != set.labels.size() * size) {
    return set_name + " has " + WithThousands(static_cast<long long>(set.labels.size())) + " labels but " +
           WithThousands(static_cast<long long>(set.images.size())) + " values: it needs " +
           WithThousands(static_cast<long long>(size)) + " per image";
  }
  const auto bad = std::find_if(set.labels.begin(), set.labels.end(), [&](std::uint8_t l) { return l >= classes; });
  if (bad == set.labels.end()) return "";
  return set_name + "'s image " + WithThousands(bad - set.labels.begin() + 1) + " has label " + std::to_string(*bad) +
         " but the network has " + std::to_string(classes) + " classes (labels 0 to " + std::to_string(classes - 1) +
         ")";
}

}  // namespace

std::vector<int> EpochOrder(int count, std::uint64_t seed, int epoch) {
  std::seed_seq seq{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                    static_cast<std::uint32_t>(epoch)};
  std::mt19937_64 rng(seq);
  std::vector<int> order(static_cast<std::size_t>(std::max(count, 0)));
  for (int i = 0; i < count; ++i) order[static_cast<std::size_t>(i)] = i;
  for (int i = count - 1; i > 0; --i) {
    // UnitUniform has 53 bits: j is exact and uniform enough for any int count.
    const auto j = static_cast<int>(UnitUniform(rng()) * (i + 1));
    std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
  }
  return order;
}

Result<EpochReport> TrainEpoch(FastNetwork* network, const FastDataSet& train, const FastDataSet* test,
                               const EpochOptions& options) {
  const auto size = static_cast<std::size_t>(network->InputSize());
  const int classes = network->Classes();
  for (const std::string& problem : {CheckSet(train, size, classes, "training"),
                                     test != nullptr ? CheckSet(*test, size, classes, "test") : std::string()}) {
    if (!problem.empty()) return Error(problem);
  }
  if (options.batch_size < 1) return Error("the batch size must be at least 1");
  const int count = static_cast<int>(train.labels.size());
  const std::vector<int> order = EpochOrder(count, options.seed, options.epoch);
  EpochReport report;
  report.epoch = options.epoch;
  const int batches = (count + options.batch_size - 1) / options.batch_size;
  std::vector<float> images;
  std::vector<std::uint8_t> labels;
  double loss_sum = 0.0;
  long long correct = 0;
  for (int b = 0; b < batches; ++b) {
    if (options.cancel != nullptr && options.cancel->load()) {
      report.stopped = true;
      break;
    }
    // Only the batch is timed: a callback that waits (a pause) is not training.
    const auto start = std::chrono::steady_clock::now();
    const int first = b * options.batch_size;
    const int n = std::min(options.batch_size, count - first);
    images.resize(size * n);
    labels.resize(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k) {
      const auto sample = static_cast<std::size_t>(order[static_cast<std::size_t>(first + k)]);
      std::copy_n(train.images.begin() + static_cast<std::ptrdiff_t>(sample * size), size,
                  images.begin() + static_cast<std::ptrdiff_t>(size * k));
      labels[static_cast<std::size_t>(k)] = train.labels[sample];
    }
    Result<double> loss = network->TrainBatch(images, labels, options.optimizer);
    if (!loss) return loss.failure();
    report.train_seconds += SecondsSince(start);
    loss_sum += *loss * n;
    correct += network->LastBatchCorrect();
    ++report.batches;
    report.images += n;
    report.mean_loss = loss_sum / report.images;
    report.train_accuracy = static_cast<double>(correct) / report.images;
    const TrainProgress progress{options.epoch, report.batches, batches,
                                 report.train_seconds > 0.0 ? report.images / report.train_seconds : 0.0,
                                 report.mean_loss, report.train_accuracy};
    if (options.progress && !options.progress(progress)) {
      report.stopped = b + 1 < batches;
      break;
    }
  }
  if (test != nullptr && !report.stopped) {
    const auto test_start = std::chrono::steady_clock::now();
    Result<Evaluation> measured = network->Measure(test->images, test->labels);
    if (!measured) return measured.failure();
    report.test_accuracy = measured->accuracy;
    report.test_loss = measured->loss;
    report.test_seconds = SecondsSince(test_start);
  }
  return report;
}

}  // namespace convstep
