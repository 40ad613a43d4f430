#include "app/testing/state_dump.h"

#include <algorithm>
#include <numeric>

#include "app/i18n/i18n.h"
#include "app/state/network_actions.h"
#include "app/state/settings.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/tooltip.h"
#include "core/conv/output_size.h"
#include "core/formats/spec_json.h"
#include "core/teach/step_text.h"
#include "imgui.h"

namespace convstep {

namespace {

Json Cell(int c, int y, int x) { return Json::array({c, y, x}); }

// The practice tab: the exercise's numbers (enough to work it out again
// without the core), the score, and what the last check said. The answer
// and its arithmetic appear only once the panel shows them.
Json DumpPractice(const PracticeState& p) {
  const PracticeExercise& ex = p.Exercise();
  Json question;
  switch (ex.kind) {
    case PracticeKind::kOutputCell: {
      const Tensor4& w = ex.conv.weight;
      Tensor3 filter(w.c, w.h, w.w);
      filter.data.assign(w.data.begin(), w.data.begin() + static_cast<std::ptrdiff_t>(filter.data.size()));
      question = {{"input", ToJson(ex.conv.input)}, {"weight", ToJson(filter)},
                  {"padding", ex.conv.padding.top}, {"stride", ex.conv.stride.h},
                  {"step", ex.step},                {"cell", {ex.out_y, ex.out_x}}};
      break;
    }
    case PracticeKind::kOutputSize:
      question = {{"n", ex.axis.n}, {"f", ex.axis.f}, {"p", ex.axis.pad_before}, {"s", ex.axis.s}, {"d", ex.axis.d}};
      break;
    case PracticeKind::kParameters: {
      question["input_shape"] = {ex.model.height, ex.model.width, ex.model.channels};
      Json layers = Json::array();
      for (const LayerSpec& l : ex.model.layers) {
        Json layer = {{"type", LayerTypeName(l.type)}};
        if (l.type == LayerType::kConv2d) {
          layer["filters"] = l.filters;
          layer["kernel_size"] = {l.kernel_size.h, l.kernel_size.w};
          layer["padding"] = l.padding == KerasPadding::kSame ? "same" : "valid";
        }
        if (l.type == LayerType::kDense) layer["units"] = l.units;
        layers.push_back(std::move(layer));
      }
      question["layers"] = std::move(layers);
      break;
    }
  }
  static const char* const kLast[] = {"none", "right", "wrong", "unparseable"};
  Json j = {{"seed", p.seed},
            {"index", p.index},
            {"kind", PracticeKindName(ex.kind)},
            {"question", std::move(question)},
            {"answered", p.answered},
            {"right", p.right},
            {"typed", p.typed},
            {"last", kLast[static_cast<int>(p.last)]},
            {"last_typed", p.last_typed},
            {"showing_worked", p.showing_worked},
            {"answer", nullptr},
            {"worked", Json::array()}};
  if (p.showing_worked) {
    j["answer"] = ex.answer;
    j["worked"] = ex.worked;
  }
  return j;
}

// The Test set page: the report's counts, the cell shown with its pictures,
// the filter chosen with its strongest pictures.
Json DumpTestSet(const NetworkViewState& nv) {
  Json j = {{"running", nv.test_job != nullptr}, {"error", nv.test_error}};
  if (!nv.test_report) return j;
  const TestSetReport& r = *nv.test_report;
  const auto [truth, predicted] = ShownTestCell(nv);
  j["images"] = r.images;
  j["correct"] = r.correct;
  j["confusion"] = r.confusion;
  j["cell"] = {truth, predicted};
  j["cell_pictures"] = CellPictures(r, truth, predicted);
  j["filter"] = nv.test_filter;
  Json strongest = Json::array();
  if (static_cast<size_t>(nv.test_filter) < r.strongest.size()) {
    for (const FilterPeak& p : r.strongest[static_cast<size_t>(nv.test_filter)]) {
      strongest.push_back({{"image", p.image}, {"value", p.value}, {"y", p.y}, {"x", p.x}});
    }
  }
  j["strongest"] = strongest;
  return j;
}

// The Network tab: its picture, what the network made of it, the
// activation last clicked (with its value, for checking what a tab it
// opened shows).
Json DumpNetwork(const AppState& state) {
  const NetworkViewState& nv = state.view.network;
  // The forward pass only when the tab shows it (or a tab it opened does):
  // a dump after every action elsewhere need not run the network.
  if (state.view.tab != Tab::kNetwork && !nv.opened_from_network) {
    return {{"trained_here", state.session.network != nullptr}, {"shown", false}};
  }
  const std::shared_ptr<const NetworkRun> held = state.CurrentNetworkRun();
  const NetworkRun& run = *held;
  Json j = {{"trained_here", state.session.network != nullptr},
            {"shown", true},
            {"layers", state.ActiveNetwork().model.layers.size()},
            {"example", nv.example},
            {"drawing", nv.drawing},
            {"canvas_sum", std::accumulate(nv.canvas.data.begin(), nv.canvas.data.end(), 0.0)},
            {"opened_from_network", nv.opened_from_network},
            {"error", run.error}};
  j["probabilities"] = run.probabilities;
  j["answer"] = run.probabilities.empty()
                    ? Json()
                    : Json(std::max_element(run.probabilities.begin(), run.probabilities.end()) - run.probabilities.begin());
  j["selected"] = nullptr;
  if (nv.selected && static_cast<size_t>(nv.selected->layer) < run.activations.size()) {
    const ActivationRef& r = *nv.selected;
    const Tensor3& a = run.activations[static_cast<size_t>(r.layer)];
    j["selected"] = {{"layer", r.layer}, {"c", r.c}, {"y", r.y}, {"x", r.x},
                     {"value", a.Contains(r.c, r.y, r.x) ? Json(a.at(r.c, r.y, r.x)) : Json()}};
  }
  j["test_picture"] = nv.test_picture ? Json(nv.test_picture->test_index) : Json();
  j["test_set"] = DumpTestSet(nv);
  return j;
}

}  // namespace

Json DumpState(const AppState& state) {
  const ConvStepper& conv = *state.conv;
  const Conv2dGeometry& g = conv.geometry();
  const ViewState& v = state.view;
  const ConvStep step = conv.Step(v.step);
  Json j;
  j["title"] = state.session.title;
  j["tab"] = TabName(v.tab);
  j["step"] = v.step;
  j["total_steps"] = conv.TotalSteps();
  j["playing"] = v.playing;
  j["speed"] = v.speed;
  j["show_visits"] = v.show_visits;
  j["message"] = v.message;
  j["language"] = LanguageCode(CurrentLanguage());
  j["show_help"] = v.show_help;
  j["appearance"] = SettingsToJson(Settings{std::nullopt, v.appearance});
  j["appearance"]["presentation"] = v.appearance.presentation;
  const char* tooltip = ShownTooltip();
  j["tooltip"] = tooltip != nullptr ? Json(tooltip) : Json();
  j["current"] = {{"out_channel", step.out_channel}, {"out_y", step.out_y},        {"out_x", step.out_x},
                  {"window_top", step.window_top},   {"window_left", step.window_left}, {"value", step.value},
                  {"shown_value", Activate(state.session.activation, step.value)}};
  j["arithmetic"] = ChannelArithmetic(step);
  j["arithmetic_total"] = TotalArithmetic(step);
  j["output_size"] = {{"height", ExplainAxisSize(g.axis_h, "row")},
                      {"width", ExplainAxisSize(g.axis_w, "column")},
                      {"shape", {g.out_h, g.out_w, g.out_channels}}};
  j["padding"] = ToJson(g.padding);
  j["input"] = ToJson(state.session.conv.input);
  j["weight_shape"] = {g.out_channels, g.in_per_group, g.kernel_h, g.kernel_w};
  j["pending_paste"] = state.view.pending_paste.has_value();
  j["pending_image"] = state.view.pending_image;
  j["pending_sound"] = state.view.pending_sound;
  j["playhead"] = state.view.playhead ? Json(*state.view.playhead) : Json();
  j["input_axes"] = state.session.input_axes.rows == InputAxes::Rows::kNone ? "none"
                    : state.session.input_axes.rows == InputAxes::Rows::kWaveform ? "waveform"
                    : state.session.input_axes.mel ? "mel" : "spectrogram";
  j["can_undo"] = state.history.CanUndo();
  const char* clipboard = ImGui::GetClipboardText();
  j["clipboard"] = clipboard != nullptr ? clipboard : "";
  j["hovered_output"] = nullptr;
  j["window_of_hovered_output"] = Json::array();
  if (v.hovered_output) {
    j["hovered_output"] = Cell(v.hovered_output->c, v.hovered_output->y, v.hovered_output->x);
    const ConvStep linked = conv.Step(conv.StepOf(v.hovered_output->c, v.hovered_output->y, v.hovered_output->x));
    for (const StepTerm& t : linked.terms) j["window_of_hovered_output"].push_back(Cell(t.c, t.y, t.x));
  }
  j["hovered_input"] = nullptr;
  j["linked_outputs"] = Json::array();
  if (v.hovered_input) {
    j["hovered_input"] = Cell(v.hovered_input->c, v.hovered_input->y, v.hovered_input->x);
    for (const OutputCell& c : conv.CoveringOutputs(v.hovered_input->c, v.hovered_input->y, v.hovered_input->x)) {
      j["linked_outputs"].push_back(Cell(c.c, c.y, c.x));
    }
  }
  const PoolStep pool = state.pool->Step(v.pool_step);
  j["pool"] = {{"step", v.pool_step},
               {"total_steps", state.pool->TotalSteps()},
               {"from_conv", v.pool_from_conv},
               {"value", pool.value},
               {"argmax", pool.argmax},
               {"window_top", pool.window_top},
               {"window_left", pool.window_left},
               {"output_shape", {state.pool->Output().c, state.pool->Output().h, state.pool->Output().w}}};
  if (state.summary) {
    j["summary"] = {{"total_params", state.summary->total_params}, {"error", nullptr}};
  } else {
    j["summary"] = {{"total_params", nullptr}, {"error", state.summary.error()}};
  }
  j["practice"] = DumpPractice(state.practice);
  j["network"] = DumpNetwork(state);
  Json grids = Json::object();
  for (const auto& [name, p] : GridPlacements()) {
    grids[name] = {{"origin", {p.origin.x, p.origin.y}}, {"cell", p.cell},
                   {"rows", p.rows},                     {"cols", p.cols},
                   {"zoom", p.zoom},                     {"values_shown", p.values_shown},
                   {"fully_visible", p.fully_visible},   {"shaded", p.shaded}};
  }
  j["grids"] = std::move(grids);
  const auto total = ItemVisibility().find("total");
  j["total_visible"] = total != ItemVisibility().end() && total->second;
  j["compact"] = v.compact;
  return j;
}

}  // namespace convstep
