#include "app/state/app_state.h"

#include <algorithm>

#include "app/i18n/i18n.h"
#include "app/state/edit_text.h"
#include "app/state/network_actions.h"
#include "app/state/view_refs.h"

namespace convstep {

namespace {

// Im2col is shown as a table; past this many entries it would not be read.
constexpr size_t kMaxMatrixEntries = 40000;

// What the pooling panel pools: its own input, or the convolution's
// (activated) output.
Pool2dSpec PoolInput(const Session& session, const ConvStepper& conv, bool from_conv) {
  Pool2dSpec spec = session.pool;
  if (from_conv) spec.input = Activated(conv.Output(), session.activation);
  return spec;
}

}  // namespace

const char* TabName(Tab tab) {
  switch (tab) {
    case Tab::kConvolution: return "convolution";
    case Tab::kPooling: return "pooling";
    case Tab::kMatrix: return "matrix";
    case Tab::kSummary: return "summary";
    case Tab::kNetwork: return "network";
    case Tab::kPractice: return "practice";
  }
  return "convolution";
}

Result<bool> AppState::LoadSession(Session next) {
  const bool from_conv = view.pool_from_conv;
  view.pool_from_conv = false;
  if (!Apply(std::move(next))) {
    view.pool_from_conv = from_conv;
    return Error{view.message};
  }
  history.Clear();
  view.step = std::clamp(session.step, 0, conv->TotalSteps() - 1);
  view.glide_from = view.step;
  view.glide_t = 1.0f;
  view.playing = false;
  view.pool_step = 0;
  return true;
}

bool AppState::Apply(Session next) {
  // Hertz and seconds describe the spectrogram as imported: an edit that
  // changes its rows or adds a channel leaves a plain grid (undo brings
  // the axes back with the grid).
  if (!AxesFit(next.input_axes, next.conv.input)) next.input_axes = {};
  Result<ConvStepper> stepper = ConvStepper::Create(next.conv);
  if (!stepper) {
    SetStatus(stepper.error(), true);
    return false;
  }
  Result<Pool2dStepper> pool_stepper = Pool2dStepper::Create(PoolInput(next, *stepper, view.pool_from_conv));
  bool fell_back = false;
  if (!pool_stepper && view.pool_from_conv) {
    // The pooling window may not fit the new convolution output: pool the
    // panel's own input again, and say why.
    SetStatus(TrFormat("status.pool_error", {pool_stepper.error()}), true);
    view.pool_from_conv = false;
    fell_back = true;
    pool_stepper = Pool2dStepper::Create(next.pool);
  }
  if (!pool_stepper) {
    SetStatus(TrFormat("status.pool_error", {pool_stepper.error()}), true);
    return false;
  }
  if (!fell_back) SetStatus("", false);  // a valid document: the last complaint no longer holds
  session = std::move(next);
  ++revision;
  conv = std::move(stepper).value();
  pool = std::move(pool_stepper).value();
  // What the view pointed at under the old document may be gone.
  RevalidateView(*this);
  view.glide_from = view.step;
  view.glide_t = 1.0f;
  const Conv2dGeometry& g = conv->geometry();
  matrix.reset();
  const Im2ColShape shape = ShapeOfIm2Col(g);
  if (static_cast<size_t>(shape.rows) * static_cast<size_t>(shape.cols) <= kMaxMatrixEntries) {
    matrix = BuildIm2Col(*conv);
  }
  Summarize();
  return true;
}

bool AppState::Commit(Session next, const std::string& merge_key, const EditNote& note) {
  const Session before = session;
  if (!Apply(std::move(next))) return false;
  history.Record(before, session, merge_key, note);
  return true;
}

bool AppState::Edit(const Result<ConvEdit>& edit, const std::string& merge_key) {
  if (!edit) {
    SetStatus(edit.error(), true);
    return false;
  }
  Session next = session;
  next.conv = edit->spec;
  return Commit(std::move(next), merge_key, edit->note);
}

bool AppState::TryPool(const Pool2dSpec& spec, const std::string& merge_key) {
  Session next = session;
  // Pooling the convolution's output changes the parameters, not the
  // panel's own input.
  if (view.pool_from_conv) {
    Tensor3 own_input = std::move(next.pool.input);
    next.pool = spec;
    next.pool.input = std::move(own_input);
  } else {
    next.pool = spec;
  }
  return Commit(std::move(next), merge_key, {"pooling", "", "", ""});
}

void AppState::SetModel(const Model& model, const std::string& merge_key) {
  Session next = session;
  next.model = model;
  Commit(std::move(next), merge_key, {"model", "", "", ""});
}

void AppState::SetActivation(Activation activation) {
  Session next = session;
  next.activation = activation;
  Commit(std::move(next), "", {"activation", "", ActivationName(session.activation), ActivationName(activation)});
}

void AppState::SetPoolFromConv(bool on) {
  view.pool_from_conv = on;
  Apply(session);  // the same document, pooled from a different input
}

void AppState::Undo() {
  const History::Step undone = history.Undo();
  if (!undone.session) return;
  Apply(*undone.session);
  SetStatus(TrFormat("status.undid", {EditText(*undone.note)}), false);
}

void AppState::Redo() {
  const History::Step redone = history.Redo();
  if (!redone.session) return;
  Apply(*redone.session);
  SetStatus(TrFormat("status.redid", {EditText(*redone.note)}), false);
}

void AppState::SetStatus(std::string text, bool is_error) {
  view.message = std::move(text);
  view.message_is_error = is_error;
}

void AppState::Summarize() {
  summary = SummarizeModel(session.model);
  summary_bad_layer = FailingLayer(session.model);
}

void AppState::GoToStep(int k) {
  k = std::clamp(k, 0, conv->TotalSteps() - 1);
  if (k == view.step) return;
  view.glide_from = view.step;
  view.glide_t = view.glide ? 0.0f : 1.0f;
  view.step = k;
}

void AppState::GoToPoolStep(int k) { view.pool_step = std::clamp(k, 0, pool->TotalSteps() - 1); }

int AppState::ActiveStep() const { return view.tab == Tab::kPooling ? view.pool_step : view.step; }

int AppState::ActiveTotal() const { return view.tab == Tab::kPooling ? pool->TotalSteps() : conv->TotalSteps(); }

void AppState::GoToActiveStep(int k) {
  if (view.tab == Tab::kPooling) GoToPoolStep(k);
  else GoToStep(k);
}

void AppState::TogglePlay() {
  if (!view.playing && ActiveStep() == ActiveTotal() - 1) GoToActiveStep(0);
  view.playing = !view.playing;
  view.play_clock = 0;
}

void AppState::GlidingWindow(float* top, float* left) const {
  const ConvStep to = conv->Step(view.step);
  const ConvStep from = conv->Step(std::clamp(view.glide_from, 0, conv->TotalSteps() - 1));
  const float t = std::clamp(view.glide_t, 0.0f, 1.0f);
  *top = static_cast<float>(from.window_top) + (static_cast<float>(to.window_top - from.window_top)) * t;
  *left = static_cast<float>(from.window_left) + (static_cast<float>(to.window_left - from.window_left)) * t;
}

const Network& AppState::ActiveNetwork() const {
  return session.network ? *session.network : PretrainedNetwork();
}

std::shared_ptr<const NetworkRun> AppState::CurrentNetworkRun() const {
  // Any change of the document may be a new network: the pass is worked
  // out again (under a millisecond) rather than the network compared.
  const NetworkViewState& nv = view.network;
  const uint64_t picture = nv.drawing        ? (1ull << 40) + static_cast<uint64_t>(nv.canvas_revision)
                           : nv.test_picture ? (2ull << 40) + static_cast<uint64_t>(nv.test_picture->test_index)
                                             : static_cast<uint64_t>(nv.example);
  const uint64_t key = ((static_cast<uint64_t>(revision) + 1) << 42) ^ picture;
  if (!network_run_ || network_run_->key != key) {
    network_run_ = std::make_shared<const NetworkRun>(RunNetwork(ActiveNetwork(), NetworkInput(*this), key));
  }
  return network_run_;
}

Tensor3 AppState::ActivatedOutput() const { return Activated(conv->Output(), session.activation); }

double AppState::ActivatedOutput(int c, int y, int x) const {
  return Activate(session.activation, conv->Output().at(c, y, x));
}

}  // namespace convstep
