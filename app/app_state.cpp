#include "app/app_state.h"

#include <algorithm>

namespace convstep {

namespace {

// Im2col is shown as a table; past this many entries it would not be read.
constexpr size_t kMaxMatrixEntries = 40000;

Pool2dSpec PoolOnConvOutput(const Pool2dSpec& pool, const ConvStepper& conv, Activation activation) {
  Pool2dSpec spec = pool;
  spec.input = conv.Output();
  for (double& v : spec.input.data) v = Activate(activation, v);
  return spec;
}

}  // namespace

const char* TabName(Tab tab) {
  switch (tab) {
    case Tab::kConvolution: return "convolution";
    case Tab::kPooling: return "pooling";
    case Tab::kMatrix: return "matrix";
    case Tab::kSummary: return "summary";
  }
  return "convolution";
}

Result<bool> AppState::LoadSession(Session next) {
  Result<ConvStepper> stepper = ConvStepper::Create(next.conv);
  if (!stepper) return Error{stepper.error()};
  Result<Pool2dStepper> pool_stepper = Pool2dStepper::Create(next.pool);
  if (!pool_stepper) return Error{pool_stepper.error()};
  session = std::move(next);
  view.step = 0;
  view.playing = false;
  view.pool_from_conv = false;
  view.message.clear();
  AdoptConv(std::move(stepper).value());
  pool = std::move(pool_stepper).value();
  view.pool_step = 0;
  Summarize();
  return true;
}

bool AppState::TryConv(const Conv2dSpec& spec) {
  Result<ConvStepper> stepper = ConvStepper::Create(spec);
  if (!stepper) {
    view.message = stepper.error();
    return false;
  }
  session.conv = spec;
  view.message.clear();
  AdoptConv(std::move(stepper).value());
  if (view.pool_from_conv) RebuildPool();
  return true;
}

bool AppState::TryPool(const Pool2dSpec& spec) {
  Pool2dSpec candidate = spec;
  if (view.pool_from_conv) candidate = PoolOnConvOutput(spec, *conv, session.activation);
  Result<Pool2dStepper> stepper = Pool2dStepper::Create(candidate);
  if (!stepper) {
    view.message = stepper.error();
    return false;
  }
  if (!view.pool_from_conv) session.pool.input = spec.input;
  session.pool.mode = spec.mode;
  session.pool.kernel = spec.kernel;
  session.pool.stride = spec.stride;
  session.pool.padding = spec.padding;
  session.pool.dilation = spec.dilation;
  session.pool.ceil_mode = spec.ceil_mode;
  pool = std::move(stepper).value();
  view.message.clear();
  view.pool_step = std::clamp(view.pool_step, 0, pool->TotalSteps() - 1);
  return true;
}

void AppState::AdoptConv(ConvStepper stepper) {
  conv = std::move(stepper);
  // Cells hovered under the old geometry may not exist in the new one.
  view.hovered_output.reset();
  view.hovered_input.reset();
  view.step = std::clamp(view.step, 0, conv->TotalSteps() - 1);
  view.glide_from = view.step;
  view.glide_t = 1.0f;
  const Conv2dGeometry& g = conv->geometry();
  matrix.reset();
  if (static_cast<size_t>(g.in_channels) * g.kernel_h * g.kernel_w * g.out_h * g.out_w <= kMaxMatrixEntries) {
    matrix = BuildIm2Col(*conv);
  }
}

void AppState::SetModel(const Model& model) {
  session.model = model;
  Summarize();
}

void AppState::Summarize() {
  summary = SummarizeModel(session.model);
  summary_bad_layer = -1;
  if (summary) return;
  // The first prefix of the stack that fails ends at the layer to mark.
  Model prefix = session.model;
  for (size_t n = 0; n <= session.model.layers.size(); ++n) {
    prefix.layers.assign(session.model.layers.begin(), session.model.layers.begin() + static_cast<std::ptrdiff_t>(n));
    if (!SummarizeModel(prefix)) {
      summary_bad_layer = static_cast<int>(n) - 1;
      return;
    }
  }
}

void AppState::SetActivation(Activation activation) {
  session.activation = activation;
  if (view.pool_from_conv) RebuildPool();
}

void AppState::SetPoolFromConv(bool on) {
  view.pool_from_conv = on;
  RebuildPool();
}

void AppState::RebuildPool() {
  const Pool2dSpec spec = view.pool_from_conv ? PoolOnConvOutput(session.pool, *conv, session.activation)
                                              : session.pool;
  Result<Pool2dStepper> stepper = Pool2dStepper::Create(spec);
  if (!stepper) {
    // The pooling window may not fit the new input: say so and fall back to
    // the session's own pooling input, which is known to be valid.
    view.message = "max pooling: " + stepper.error();
    view.pool_from_conv = false;
    stepper = Pool2dStepper::Create(session.pool);
  }
  if (stepper) pool = std::move(stepper).value();
  view.pool_step = std::clamp(view.pool_step, 0, pool->TotalSteps() - 1);
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

double AppState::ActivatedOutput(int c, int y, int x) const {
  return Activate(session.activation, conv->Output().at(c, y, x));
}

}  // namespace convstep
