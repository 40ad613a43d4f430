// convstep-cli train: a network trained on Fashion-MNIST by the fast float32
// path, its progress on stderr, its weights written in the network format
// (the nn_cases format) that `forward` and the window read. The network
// that ships with the program was made by this command (see the README).
#include <charconv>
#include <cstdio>
#include <string>
#include <system_error>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "app/gzip/gzip_file.h"
#include "core/formats/fashion_mnist.h"
#include "core/formats/file_io.h"
#include "core/formats/model_json.h"
#include "core/formats/network_json.h"
#include "core/nn/architectures.h"
#include "core/nn/fast_network.h"
#include "core/nn/fast_train.h"
#include "core/nn/init.h"

namespace convstep::cli {

namespace {

struct TrainArgs {
  std::string model = "lecture";
  std::string data{kFashionMnistDir};
  int epochs = 1;
  int batch = 64;
  std::string optimizer = "adam";
  double lr = 1e-3;
  double momentum = 0;
  std::uint64_t seed = 1;
  int threads = 2;
  std::string init = "pytorch";
  int train_images = 60000;
  int test_images = 10000;
  std::string out;
  bool json = false;
};

// A named architecture, or a model file in the summary format.
Result<Model> LoadModel(const std::string& name) {
  Architecture a = Architecture::kLecture;
  if (ArchitectureFromName(name.c_str(), &a)) return ArchitectureModel(a);
  Result<Json> json = ReadJsonArgument(name);
  if (!json) return json.failure();
  return ModelFromJson(*json);
}

std::vector<float> Scaled(const IdxImages& images, int count) {
  const size_t n = std::min(images.pixels.size(), static_cast<size_t>(count) * images.rows * images.cols);
  std::vector<float> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<float>(images.pixels[i]) / 255.0f;
  return out;
}

// A float's weights written as the float they were: its shortest decimal,
// 9 digits at most, read back as the double the file then holds.
void RoundToFloats(std::vector<double>* values) {
  for (double& v : *values) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, static_cast<float>(v)).ptr;
    std::from_chars(text, end, v);
  }
}

Result<std::string> Train(const TrainArgs& a) {
  Result<Model> model = LoadModel(a.model);
  if (!model) return Error{"model: " + model.error()};
  if (std::optional<Error> unfit = CheckFashionMnistModel(*model)) return Error{"model: " + unfit->message};
  OptimizerSpec optimizer;
  if (a.optimizer != "adam" && a.optimizer != "sgd") return Error{"--optimizer must be adam or sgd"};
  optimizer.type = a.optimizer == "adam" ? OptimizerType::kAdam : OptimizerType::kSgd;
  optimizer.lr = a.lr;
  optimizer.momentum = a.momentum;
  if (!(a.lr > 0) || !(a.momentum >= 0 && a.momentum < 1)) return Error{"--lr must be above 0 and --momentum in [0, 1)"};
  if (a.init != "pytorch" && a.init != "glorot") return Error{"--init must be pytorch or glorot"};
  Result<Network> start = InitNetwork(*model, a.init == "pytorch" ? InitScheme::kPyTorch : InitScheme::kGlorot, a.seed);
  if (!start) return start.failure();
  Result<FastNetwork> created = FastNetwork::Create(*start, a.threads, a.seed);
  if (!created) return created.failure();
  FastNetwork fast = std::move(created).value();
  Result<Dataset> data = LoadFashionMnist(a.data, ReadGzipFileAtMost);
  if (!data) return data.failure();
  const int train_n = std::min(a.train_images, static_cast<int>(data->train.labels.size()));
  const int test_n = std::min(a.test_images, static_cast<int>(data->test.labels.size()));
  const std::vector<float> train_images = Scaled(data->train.images, train_n);
  const std::vector<float> test_images = Scaled(data->test.images, test_n);
  const FastDataSet train{train_images, std::span<const std::uint8_t>(data->train.labels.data(), static_cast<size_t>(train_n))};
  const FastDataSet test{test_images, std::span<const std::uint8_t>(data->test.labels.data(), static_cast<size_t>(test_n))};
  Json epochs = Json::array();
  double seconds = 0;
  double accuracy = 0;
  for (int e = 0; e < a.epochs; ++e) {
    EpochOptions options;
    options.epoch = e;
    options.batch_size = a.batch;
    options.seed = a.seed;
    options.optimizer = optimizer;
    options.progress = [&](const TrainProgress& p) {
      if (p.batch % 100 == 0 || p.batch == p.batches) {
        std::fprintf(stderr, "epoch %d/%d, batch %d/%d, loss %.4f, %.0f images/s\n", e + 1, a.epochs, p.batch, p.batches,
                     p.mean_loss, p.images_per_second);
      }
      return true;
    };
    Result<EpochReport> r = TrainEpoch(&fast, train, &test, options);
    if (!r) return r.failure();
    accuracy = r->test_accuracy.value_or(0);
    seconds += r->train_seconds;
    std::fprintf(stderr, "epoch %d: %.1f s, loss %.4f, accuracy %.4f, test loss %.4f, test accuracy %.4f\n", e + 1,
                 r->train_seconds, r->mean_loss, r->train_accuracy, r->test_loss.value_or(0), accuracy);
    epochs.push_back({{"epoch", e + 1},
                      {"seconds", r->train_seconds},
                      {"loss", r->mean_loss},
                      {"accuracy", r->train_accuracy},
                      {"test_loss", r->test_loss.value_or(0)},
                      {"test_accuracy", accuracy}});
  }
  Network trained = fast.ToNetwork();
  for (LayerParams& p : trained.params) {
    for (std::vector<double>* v : {&p.weight, &p.bias, &p.gamma, &p.beta, &p.moving_mean, &p.moving_variance}) RoundToFloats(v);
  }
  if (!a.out.empty()) {
    Result<bool> written = WriteFileAtomically(a.out, NetworkToJson(trained).dump() + "\n");
    if (!written) return written.failure();
  }
  if (!a.json) return std::string();
  return Print({{"epochs", epochs}, {"test_accuracy", accuracy}, {"seconds", seconds}});
}

}  // namespace

void AddTrainCommand(CLI::App& app, CommandRun* run) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train", "train a network on Fashion-MNIST (pixels scaled to [0, 1]) and write its weights");
  cmd->add_option("--model", args->model, "lecture, lenet5, tiny, or a model file in the summary format (no weights)");
  cmd->add_option("--data", args->data, "the folder of the four .gz files (Debian: dataset-fashion-mnist)");
  cmd->add_option("--epochs", args->epochs, "passes over the training images")->check(CLI::Range(1, 1000));
  cmd->add_option("--batch", args->batch, "images per step")->check(CLI::Range(1, 4096));
  cmd->add_option("--optimizer", args->optimizer, "adam or sgd (torch.optim's)");
  cmd->add_option("--lr", args->lr, "learning rate");
  cmd->add_option("--momentum", args->momentum, "SGD's momentum");
  cmd->add_option("--seed", args->seed, "starting weights and the order of the images");
  cmd->add_option("--threads", args->threads, "threads splitting each batch")->check(CLI::Range(1, 64));
  cmd->add_option("--init", args->init, "pytorch (torch.nn's defaults) or glorot (Keras's)");
  cmd->add_option("--train-images", args->train_images, "train on the first N images only")->check(CLI::Range(1, 60000));
  cmd->add_option("--test-images", args->test_images, "test on the first N test images only")->check(CLI::Range(1, 10000));
  cmd->add_option("--out", args->out, "where to write the trained network (the nn_cases format)");
  cmd->add_flag("--json", args->json, "end stdout with one line of JSON: epochs, test_accuracy, seconds");
  cmd->callback([args, run] { *run = [args] { return Train(*args); }; });
}

}  // namespace convstep::cli
