// Training in the window: the network to train (the lecture's, LeNet-5, a
// tiny one or the summary tab's model), epochs, batch size, optimizer,
// learning rate, initialisation and seed; Train runs off the UI thread with
// a progress bar, Pause and Stop, and the loss and accuracy drawn live.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/network_actions.h"
#include "app/widgets/line_chart.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"
#include "core/nn/architectures.h"
#include "core/teach/step_text.h"

namespace convstep {

namespace {

constexpr ImU32 kTrainColor = IM_COL32(86, 180, 233, 255);  // Okabe-Ito sky blue
constexpr ImU32 kTestColor = IM_COL32(230, 159, 0, 255);    // and orange
constexpr ImU32 kBatchColor = IM_COL32(86, 180, 233, 110);

void ArchitectureChoice(AppState& state) {
  static constexpr const char* kKeys[] = {"network.arch_lecture", "network.arch_lenet5", "network.arch_tiny",
                                          "network.arch_summary"};
  const char* names[4];
  float widest = 0;
  for (int i = 0; i < 4; ++i) {
    names[i] = Tr(kKeys[i]);
    widest = std::max(widest, ImGui::CalcTextSize(names[i]).x);
  }
  ImGui::SetNextItemWidth(widest + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
  ImGui::Combo(TrId("network.architecture").c_str(), &state.view.network.architecture, names, 4);
  ConceptTooltip("tip.network_architecture");
  const Result<ModelSummary> summary = SummarizeModel(TrainingModel(state));
  if (summary) {
    ImGui::TextDisabled("%s", TrFormat("network.params", {WithThousands(summary->total_params)}).c_str());
  } else {
    ColoredText(CurrentColors().error, summary.error().c_str());
  }
}

void OptimizerChoice(TrainingOptions& o) {
  int type = o.optimizer.type == OptimizerType::kAdam ? 0 : 1;
  const char* names[] = {"Adam", "SGD"};
  ImGui::SetNextItemWidth(Scaled(120));
  if (ImGui::Combo(TrId("network.optimizer").c_str(), &type, names, 2)) {
    o.optimizer.type = type == 0 ? OptimizerType::kAdam : OptimizerType::kSgd;
    o.optimizer.lr = type == 0 ? 1e-3 : 1e-2;
  }
  ConceptTooltip("tip.network_optimizer");
  ImGui::SetNextItemWidth(Scaled(120));
  ImGui::InputDouble(TrId("network.lr").c_str(), &o.optimizer.lr, 0, 0, "%g");
  o.optimizer.lr = std::clamp(o.optimizer.lr, 1e-6, 10.0);
  ConceptTooltip("tip.network_lr");
  if (o.optimizer.type == OptimizerType::kSgd) {
    ImGui::SetNextItemWidth(Scaled(120));
    ImGui::InputDouble(TrId("network.momentum").c_str(), &o.optimizer.momentum, 0, 0, "%g");
    o.optimizer.momentum = std::clamp(o.optimizer.momentum, 0.0, 0.999);
  }
}

void Options(AppState& state) {
  TrainingOptions& o = state.view.network.training;
  ImGui::BeginDisabled(state.view.network.job != nullptr);
  ArchitectureChoice(state);
  ImGui::SetNextItemWidth(Scaled(120));
  ImGui::SliderInt(TrId("network.epochs").c_str(), &o.epochs, 1, 20);
  ImGui::SetNextItemWidth(Scaled(120));
  ImGui::InputInt(TrId("network.batch").c_str(), &o.batch_size, 16, 64);
  o.batch_size = std::clamp(o.batch_size, 1, 1024);
  ConceptTooltip("tip.network_batch");
  OptimizerChoice(o);
  int init = o.init == InitScheme::kPyTorch ? 0 : 1;
  const char* inits[] = {Tr("network.init_pytorch"), Tr("network.init_glorot")};
  ImGui::SetNextItemWidth(std::max(ImGui::CalcTextSize(inits[0]).x, ImGui::CalcTextSize(inits[1]).x) +
                          ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Combo(TrId("network.init").c_str(), &init, inits, 2)) o.init = init == 0 ? InitScheme::kPyTorch : InitScheme::kGlorot;
  ConceptTooltip("tip.network_init");
  int seed = static_cast<int>(o.seed);
  ImGui::SetNextItemWidth(Scaled(120));
  if (ImGui::InputInt(TrId("network.seed").c_str(), &seed)) o.seed = static_cast<std::uint64_t>(std::max(0, seed));
  ConceptTooltip("tip.network_seed");
  ImGui::SetNextItemWidth(Scaled(120));
  ImGui::InputInt(TrId("network.images").c_str(), &o.train_images, 1000, 10000);
  o.train_images = std::clamp(o.train_images, 100, 60000);
  ConceptTooltip("tip.network_images");
  ImGui::EndDisabled();
}

std::string Clock(double seconds) {
  const int s = static_cast<int>(std::lround(seconds));
  char text[32];
  std::snprintf(text, sizeof text, "%d:%02d", s / 60, s % 60);
  return text;
}

void Buttons(AppState& state) {
  NetworkViewState& nv = state.view.network;
  if (!nv.job) {
    if (ImGui::Button(TrId("network.train").c_str())) StartTraining(state);
    return;
  }
  const TrainingStatus& st = nv.last;
  if (ImGui::Button(TrId(st.paused ? "network.resume" : "network.pause").c_str())) nv.job->SetPaused(!st.paused);
  ImGui::SameLine();
  if (ImGui::Button(TrId("network.stop").c_str())) nv.job->Stop();
  ConceptTooltip("tip.network_stop");
  const int epochs = nv.training.epochs;
  const float done = st.batches > 0 ? (static_cast<float>(st.epoch - 1) + static_cast<float>(st.batch) / static_cast<float>(st.batches)) /
                                          static_cast<float>(epochs)
                                    : 0.0f;
  const std::string text = st.epoch == 0 ? std::string(Tr("network.loading_data"))
                                         : TrFormat("network.progress", {std::to_string(st.epoch), std::to_string(epochs),
                                                                         std::to_string(st.batch), std::to_string(st.batches),
                                                                         std::to_string(static_cast<int>(st.images_per_second)),
                                                                         Clock(st.seconds_left)});
  ImGui::ProgressBar(done, ImVec2(-1, 0), text.c_str());
}

void Curves(const AppState& state, ImVec2 size) {
  const TrainingStatus& st = state.view.network.last;
  const float epochs = static_cast<float>(std::max(state.view.network.training.epochs, 1));
  ChartSeries batches{Tr("network.batch_loss"), kBatchColor, {}, {}, false};
  const float per_epoch = static_cast<float>(std::max(st.batches, 1));
  float top = 0.5f;
  for (size_t i = 0; i < st.batch_losses.size(); ++i) {
    batches.x.push_back(static_cast<float>(i + 1) / per_epoch);
    batches.y.push_back(st.batch_losses[i]);
    top = std::max(top, std::min(st.batch_losses[i], 3.0f));
  }
  // Each epoch's point, training's and the test set's, as Keras's
  // history plots loss and val_loss, accuracy and val_accuracy.
  ChartSeries train_loss{Tr("network.series_training"), kTrainColor, {}, {}, true};
  ChartSeries test_loss{Tr("network.series_test"), kTestColor, {}, {}, true};
  ChartSeries train_acc{Tr("network.series_training"), kTrainColor, {}, {}, true};
  ChartSeries test_acc{Tr("network.series_test"), kTestColor, {}, {}, true};
  for (const EpochPoint& e : st.epochs) {
    const float x = static_cast<float>(e.epoch);
    for (ChartSeries* s : {&train_loss, &test_loss, &train_acc, &test_acc}) s->x.push_back(x);
    train_loss.y.push_back(static_cast<float>(e.train_loss));
    test_loss.y.push_back(static_cast<float>(e.test_loss));
    train_acc.y.push_back(static_cast<float>(e.train_accuracy));
    test_acc.y.push_back(static_cast<float>(e.test_accuracy));
    top = std::max(top, std::min(static_cast<float>(e.test_loss), 3.0f));
  }
  const ImVec2 half((size.x - ImGui::GetStyle().ItemSpacing.x) / 2, size.y);
  DrawLineChart("loss", {Tr("network.loss_title"), Tr("network.epoch_axis"), epochs, 0, top},
                {batches, train_loss, test_loss}, half);
  ImGui::SameLine();
  DrawLineChart("accuracy", {Tr("network.accuracy_title"), Tr("network.epoch_axis"), epochs, 0, 1}, {train_acc, test_acc},
                half);
}

void Summary(const AppState& state) {
  const TrainingStatus& st = state.view.network.last;
  for (const EpochPoint& e : st.epochs) {
    ImGui::TextWrapped("%s", TrFormat("network.epoch_line", {std::to_string(e.epoch), FormatValue(e.train_loss),
                                                             FormatValue(e.train_accuracy), FormatValue(e.test_loss),
                                                             FormatValue(e.test_accuracy), FormatValue(e.seconds)})
                                 .c_str());
  }
}

}  // namespace

void DrawNetworkTrainingPanel(AppState& state) {
  const float options_w = Scaled(420);
  ImGui::BeginChild("##training_options", ImVec2(options_w, 0));
  PanelTitle(Tr("network.training_title"));
  Options(state);
  Buttons(state);
  Summary(state);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##training_curves", ImVec2(0, 0));
  Curves(state, ImGui::GetContentRegionAvail());
  ImGui::EndChild();
}

}  // namespace convstep
