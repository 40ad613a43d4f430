#include "app/state/training_job.h"

#include <algorithm>
#include <utility>

#include "app/gzip/gzip_file.h"
#include "core/nn/fast_network.h"
#include "core/nn/fast_train.h"

namespace convstep {

namespace {

std::vector<float> Scaled(const IdxImages& images) {
  std::vector<float> out(images.pixels.size());
  for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<float>(images.pixels[i]) / 255.0f;
  return out;
}

}  // namespace

Result<std::shared_ptr<const FashionData>> LoadFashionData(const std::string& dir) {
  Result<Dataset> set = LoadFashionMnist(dir, ReadGzipFileAtMost);
  if (!set) return set.failure();
  auto data = std::make_shared<FashionData>();
  data->train_images = Scaled(set->train.images);
  data->train_labels = set->train.labels;
  data->test_images = Scaled(set->test.images);
  data->test_labels = set->test.labels;
  return std::shared_ptr<const FashionData>(std::move(data));
}

TrainingJob::TrainingJob(Network start, TrainingOptions options, std::string dir, std::shared_ptr<const FashionData> data)
    : options_(std::move(options)), data_(std::move(data)) {
  thread_ = std::thread([this, start = std::move(start), dir = std::move(dir)]() mutable { Run(std::move(start), dir); });
}

TrainingJob::~TrainingJob() {
  Stop();
  if (thread_.joinable()) thread_.join();
}

TrainingStatus TrainingJob::Status() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return status_;
}

void TrainingJob::SetPaused(bool paused) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    status_.paused = paused;
  }
  resume_.notify_all();
}

void TrainingJob::Stop() {
  stop_.store(true);
  resume_.notify_all();
}

std::optional<Network> TrainingJob::TakeNetwork() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!status_.done) return std::nullopt;
  std::optional<Network> taken = std::move(result_);
  result_.reset();
  return taken;
}

std::shared_ptr<const FashionData> TrainingJob::Data() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return data_;
}

bool TrainingJob::OnBatch(int epoch, const TrainProgress& p) {
  std::unique_lock<std::mutex> lock(mutex_);
  status_.epoch = epoch + 1;
  status_.batch = p.batch;
  status_.batches = p.batches;
  status_.images_per_second = p.images_per_second;
  // The progress gives the mean over the epoch's images so far; this
  // batch's own loss is what moved it (the last batch may be smaller).
  const double images = std::min<double>(static_cast<double>(p.batch) * options_.batch_size, train_count_);
  const double images_before = std::min<double>(static_cast<double>(p.batch - 1) * options_.batch_size, train_count_);
  const double sum_before = status_.epoch_mean_loss * images_before;
  status_.batch_losses.push_back(static_cast<float>((p.mean_loss * images - sum_before) / (images - images_before)));
  status_.epoch_mean_loss = p.mean_loss;
  const double images_left = (static_cast<double>(options_.epochs - epoch) * p.batches - p.batch) * options_.batch_size;
  status_.seconds_left = p.images_per_second > 0 ? images_left / p.images_per_second : 0;
  resume_.wait(lock, [this] { return !status_.paused || stop_.load(); });
  return !stop_.load();
}

void TrainingJob::Run(Network start, std::string dir) {
  auto fail = [this](const std::string& why) {
    std::lock_guard<std::mutex> lock(mutex_);
    status_.error = why;
    status_.done = true;
  };
  std::shared_ptr<const FashionData> data = Data();
  if (!data) {
    Result<std::shared_ptr<const FashionData>> loaded = LoadFashionData(dir);
    if (!loaded) return fail(loaded.error());
    data = *loaded;
    std::lock_guard<std::mutex> lock(mutex_);
    data_ = data;
  }
  Result<FastNetwork> created = FastNetwork::Create(start, options_.threads, options_.seed);
  if (!created) return fail(created.error());
  FastNetwork fast = std::move(created).value();
  const size_t image_size = static_cast<size_t>(fast.InputSize());
  const size_t train_count = std::min(data->train_labels.size(), static_cast<size_t>(options_.train_images));
  train_count_ = static_cast<double>(train_count);
  const FastDataSet train{std::span<const float>(data->train_images.data(), train_count * image_size),
                          std::span<const std::uint8_t>(data->train_labels.data(), train_count)};
  const size_t test_count = std::min(data->test_labels.size(), static_cast<size_t>(options_.test_images));
  const FastDataSet test{std::span<const float>(data->test_images.data(), test_count * image_size),
                         std::span<const std::uint8_t>(data->test_labels.data(), test_count)};
  for (int epoch = 0; epoch < options_.epochs && !stop_.load(); ++epoch) {
    EpochOptions e;
    e.epoch = epoch;
    e.batch_size = options_.batch_size;
    e.seed = options_.seed;
    e.optimizer = options_.optimizer;
    e.cancel = &stop_;
    e.progress = [this, epoch](const TrainProgress& p) { return OnBatch(epoch, p); };
    Result<EpochReport> report = TrainEpoch(&fast, train, &test, e);
    if (!report) return fail(report.error());
    if (report->stopped) break;
    std::lock_guard<std::mutex> lock(mutex_);
    status_.epochs.push_back({epoch + 1, report->mean_loss, report->train_accuracy, report->test_loss.value_or(0),
                              report->test_accuracy.value_or(0), report->train_seconds});
    status_.epoch_mean_loss = 0;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  result_ = fast.ToNetwork();
  status_.done = true;
}

}  // namespace convstep
