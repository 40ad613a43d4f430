#include "app/state/network_actions.h"

#include <optional>
#include <string>
#include <utility>

#include "app/state/edit_text.h"
#include "app/i18n/i18n.h"
#include "core/nn/architectures.h"
#include "core/nn/forward.h"
#include "core/nn/init.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

// What layer `layer` read in the last forward pass: a copy, as the commit
// that follows makes a new pass.
Tensor3 LayerInput(const AppState& state, int layer) {
  const std::shared_ptr<const NetworkRun> run = state.CurrentNetworkRun();
  return layer == 0 ? run->input : run->activations[static_cast<size_t>(layer - 1)];
}

// Filter f of a convolution alone: the Convolution tab then steps through
// exactly the map that was clicked, with that filter as its kernel. The
// arithmetic of each output is the same as with every filter there.
Conv2dSpec OneFilter(Conv2dSpec spec, int f) {
  const Tensor4& w = spec.weight;
  Tensor4 one(1, w.c, w.h, w.w);
  const size_t size = one.data.size();
  std::copy_n(w.data.begin() + static_cast<std::ptrdiff_t>(size * static_cast<size_t>(f)), size, one.data.begin());
  spec.weight = std::move(one);
  if (!spec.bias.empty()) spec.bias = {spec.bias[static_cast<size_t>(f)]};
  return spec;
}

bool OpenConvolution(AppState& state, const ActivationRef& ref, int conv_layer, Activation activation) {
  Session next = state.session;
  next.conv = OneFilter(LayerConv2dSpec(state.ActiveNetwork(), conv_layer, LayerInput(state, conv_layer)), ref.c);
  next.input_axes = {};
  next.activation = activation;
  const std::string label = LayerLabel(state.ActiveNetwork().model.layers, static_cast<size_t>(ref.layer));
  if (!state.Commit(std::move(next), "", {"from_network", "", "", label})) return false;
  state.GoToStep(state.conv->StepOf(0, ref.y, ref.x));
  state.view.glide_t = 1.0f;
  state.view.tab = Tab::kConvolution;
  return true;
}

bool OpenPooling(AppState& state, const ActivationRef& ref) {
  Result<Pool2dSpec> spec = LayerPool2dSpec(state.ActiveNetwork(), ref.layer, LayerInput(state, ref.layer));
  if (!spec) {
    state.SetStatus(ErrorText(spec.failure()), true);
    return false;
  }
  Session next = state.session;
  next.pool = std::move(spec).value();
  state.view.pool_from_conv = false;  // the pooling tab pools the layer's input, not the convolution's output
  const std::string label = LayerLabel(state.ActiveNetwork().model.layers, static_cast<size_t>(ref.layer));
  if (!state.Commit(std::move(next), "", {"from_network", "", "", label})) return false;
  state.GoToPoolStep(state.pool->StepOf(ref.c, ref.y, ref.x));
  state.view.tab = Tab::kPooling;
  return true;
}

}  // namespace

const Tensor3& NetworkInput(const AppState& state) {
  const NetworkViewState& nv = state.view.network;
  if (nv.drawing) return nv.canvas;
  if (nv.test_picture) return nv.test_picture->image;
  return ShippedExamples()[static_cast<size_t>(nv.example)].image;
}

bool OpenActivation(AppState& state, const ActivationRef& ref) {
  const std::vector<LayerSpec>& layers = state.ActiveNetwork().model.layers;
  if (ref.layer < 0 || static_cast<size_t>(ref.layer) >= layers.size()) return false;
  state.view.network.selected = ref;
  const LayerType type = layers[static_cast<size_t>(ref.layer)].type;
  bool opened = false;
  if (type == LayerType::kConv2d) {
    opened = OpenConvolution(state, ref, ref.layer, Activation::kNone);
  } else if (type == LayerType::kReLU && ref.layer > 0 && layers[static_cast<size_t>(ref.layer - 1)].type == LayerType::kConv2d) {
    opened = OpenConvolution(state, ref, ref.layer - 1, Activation::kRelu);
  } else if (type == LayerType::kMaxPool2d || type == LayerType::kAvgPool2d) {
    opened = OpenPooling(state, ref);
  } else {
    return true;  // the Network tab writes it out itself
  }
  if (opened) {
    state.view.tab_requested = true;
    state.view.network.opened_from_network = true;
  }
  return opened;
}

Model TrainingModel(const AppState& state) {
  const int a = state.view.network.architecture;
  if (a < 0 || a >= kSummaryModel) return state.session.model;
  return ArchitectureModel(kAllArchitectures[a]);
}

bool StartTraining(AppState& state) {
  NetworkViewState& nv = state.view.network;
  if (nv.job) return false;
  const TrainingOptions& o = nv.training;
  const Model model = TrainingModel(state);
  if (std::optional<Error> unfit = CheckFashionMnistModel(model)) {
    state.SetStatus(ErrorText(*unfit), true);
    return false;
  }
  Result<Network> start = InitNetwork(model, o.init, o.seed);
  if (!start) {
    state.SetStatus(ErrorText(start.failure()), true);
    return false;
  }
  nv.job = std::make_shared<TrainingJob>(std::move(start).value(), o, std::string(kFashionMnistDir), nv.data);
  nv.last = {};
  return true;
}

void ServiceTraining(AppState& state) {
  NetworkViewState& nv = state.view.network;
  if (!nv.job) return;
  nv.last = nv.job->Status();
  if (!nv.last.done) return;
  if (!nv.data) nv.data = nv.job->Data();
  std::optional<Network> trained = nv.job->TakeNetwork();
  nv.job.reset();
  if (!nv.last.error.empty() || !trained) {
    state.SetStatus(TrFormat("network.training_failed", {nv.last.error}), true);
    return;
  }
  Session next = state.session;
  next.network = std::make_shared<const Network>(std::move(*trained));
  const std::string accuracy = nv.last.epochs.empty() ? "" : FormatValue(nv.last.epochs.back().test_accuracy);
  state.Commit(std::move(next), "", {"trained", "", "", accuracy});
}

void ServiceTestSet(AppState& state) {
  NetworkViewState& nv = state.view.network;
  if (nv.test_job) {
    if (!nv.test_job->Done()) return;
    if (!nv.data) nv.data = nv.test_job->Data();
    Result<std::shared_ptr<const TestSetReport>> report = nv.test_job->Report();
    nv.test_job.reset();
    if (report) {
      nv.test_report = *report;
      nv.test_error.clear();
    } else {
      nv.test_report.reset();
      nv.test_error = ErrorText(report.failure());
    }
    return;
  }
  const bool fresh = (nv.test_report || !nv.test_error.empty()) && nv.test_report_for == state.session.network;
  if (state.view.tab != Tab::kNetwork || nv.page != NetworkPage::kTestSet || fresh) return;
  nv.test_report.reset();
  nv.test_error.clear();
  nv.test_report_for = state.session.network;
  nv.test_cell = {-1, -1};
  nv.test_job = std::make_shared<TestSetJob>(state.ActiveNetwork(), nv.training.test_images,
                                             std::string(kFashionMnistDir), nv.data);
}

const TestSetReport* ShownTestReport(const AppState& state) {
  const NetworkViewState& nv = state.view.network;
  return nv.test_report_for == state.session.network ? nv.test_report.get() : nullptr;
}

std::pair<int, int> ShownTestCell(const NetworkViewState& nv) {
  if (!nv.test_report) return {-1, -1};
  const TestSetReport& r = *nv.test_report;
  if (nv.test_cell.first >= 0 && nv.test_cell.first < r.classes && nv.test_cell.second >= 0 &&
      nv.test_cell.second < r.classes) {
    return nv.test_cell;
  }
  std::pair<int, int> most{0, r.classes > 1 ? 1 : 0};
  for (int t = 0; t < r.classes; ++t) {
    for (int p = 0; p < r.classes; ++p) {
      if (t != p && r.Count(t, p) > r.Count(most.first, most.second)) most = {t, p};
    }
  }
  return most;
}

std::vector<int> CellPictures(const TestSetReport& report, int truth, int predicted) {
  std::vector<int> pictures;
  if (report.labels.empty()) return pictures;
  for (int i = 0; i < report.images; ++i) {
    if (report.labels[static_cast<size_t>(i)] == truth && report.predicted[static_cast<size_t>(i)] == predicted) {
      pictures.push_back(i);
    }
  }
  std::stable_sort(pictures.begin(), pictures.end(), [&](int a, int b) {
    return report.confidence[static_cast<size_t>(a)] > report.confidence[static_cast<size_t>(b)];
  });
  return pictures;
}

bool ShowTestPicture(AppState& state, int index) {
  NetworkViewState& nv = state.view.network;
  if (!nv.data || index < 0 || static_cast<size_t>(index) >= nv.data->test_labels.size()) return false;
  NetworkExample picture;
  picture.image = Tensor3(1, kFashionMnistSide, kFashionMnistSide);
  const size_t size = picture.image.data.size();
  std::copy_n(nv.data->test_images.begin() + static_cast<std::ptrdiff_t>(size * static_cast<size_t>(index)), size,
              picture.image.data.begin());
  picture.label = nv.data->test_labels[static_cast<size_t>(index)];
  picture.test_index = index;
  nv.test_picture = std::move(picture);
  nv.drawing = false;
  nv.selected.reset();
  nv.page = NetworkPage::kLayers;
  nv.page_requested = true;
  return true;
}

void BackToNetwork(AppState& state) {
  state.view.tab = Tab::kNetwork;
  state.view.tab_requested = true;
  state.view.network.opened_from_network = false;
}

}  // namespace convstep
