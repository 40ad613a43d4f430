#include "app/state/test_set_job.h"

#include <algorithm>
#include <span>
#include <utility>

#include "core/nn/fast_network.h"

namespace convstep {

TestSetJob::TestSetJob(Network network, int images, std::string dir, std::shared_ptr<const FashionData> data)
    : data_(std::move(data)) {
  thread_ = std::thread([this, network = std::move(network), images, dir = std::move(dir)] { Run(network, images, dir); });
}

TestSetJob::~TestSetJob() {
  stop_.store(true);
  if (thread_.joinable()) thread_.join();
}

bool TestSetJob::Done() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return done_;
}

Result<std::shared_ptr<const TestSetReport>> TestSetJob::Report() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return report_;
}

std::shared_ptr<const FashionData> TestSetJob::Data() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return data_;
}

void TestSetJob::Run(const Network& network, int images, const std::string& dir) {
  const auto finish = [this](Result<std::shared_ptr<const TestSetReport>> r) {
    std::lock_guard<std::mutex> lock(mutex_);
    report_ = std::move(r);
    done_ = true;
  };
  std::shared_ptr<const FashionData> data = Data();
  if (!data) {
    Result<std::shared_ptr<const FashionData>> loaded = LoadFashionData(dir);
    if (!loaded) return finish(loaded.failure());
    data = *loaded;
    std::lock_guard<std::mutex> lock(mutex_);
    data_ = data;
  }
  if (std::optional<Error> unfit = CheckFashionMnistModel(network.model)) return finish(*unfit);
  Result<FastNetwork> created = FastNetwork::Create(network, 2);
  if (!created) return finish(created.failure());
  FastNetwork fast = std::move(created).value();
  const size_t count = std::min(static_cast<size_t>(std::max(images, 1)), data->test_labels.size());
  const FastDataSet test{std::span<const float>(data->test_images).first(count * static_cast<size_t>(fast.InputSize())),
                         std::span<const std::uint8_t>(data->test_labels).first(count)};
  Result<TestSetReport> report = ClassifyTestSet(&fast, network, test, 9, 256, &stop_);
  if (!report) return finish(report.failure());
  finish(std::shared_ptr<const TestSetReport>(std::make_shared<TestSetReport>(std::move(report).value())));
}

}  // namespace convstep
