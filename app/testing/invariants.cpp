#include "app/testing/invariants.h"

#include <exception>

#include "app/state/view_refs.h"
#include "app/testing/state_dump.h"
#include "core/formats/session_io.h"

namespace convstep {

namespace {

// The session's bytes as a session file holds them.
std::string Bytes(const Session& session) { return SessionToJson(session).dump(); }

// The same without the step: the view's (state.view.step), which the
// session holds only on its way to and from a file, so saving writes it
// into the session but not into the history.
std::string DocumentBytes(Session session) {
  session.step = 0;
  return Bytes(session);
}

// Where two texts first differ, with a little of each around it.
std::string FirstDifference(const std::string& a, const std::string& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const size_t from = i > 40 ? i - 40 : 0;
  return "at byte " + std::to_string(i) + ": ..." + a.substr(from, 80) + "... vs ..." + b.substr(from, 80) + "...";
}

// FNV-1a over the bytes of the session without its step: cheap enough for
// every action, even on a 16 × 256 × 256 input.
std::uint64_t Fingerprint(const Session& session) {
  std::uint64_t h = 1469598103934665603ULL;
  const auto mix = [&h](const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ULL;
  };
  const auto mix_doubles = [&mix](const std::vector<double>& v) {
    const size_t n = v.size();
    mix(&n, sizeof n);
    mix(v.data(), n * sizeof(double));
  };
  const auto mix_shape = [&mix](std::initializer_list<int> dims) {
    for (int d : dims) mix(&d, sizeof d);
  };
  const Conv2dSpec& conv = session.conv;
  mix_shape({conv.input.c, conv.input.h, conv.input.w, conv.weight.n, conv.weight.c, conv.weight.h, conv.weight.w,
             session.pool.input.c, session.pool.input.h, session.pool.input.w});
  mix_doubles(conv.input.data);
  mix_doubles(conv.weight.data);
  mix_doubles(conv.bias);
  mix_doubles(session.pool.input.data);
  // The rest, small once the grids are out of it.
  Session rest = session;
  rest.step = 0;
  rest.conv.input = Tensor3();
  rest.conv.weight = Tensor4();
  rest.conv.bias.clear();
  rest.pool.input = Tensor3();
  const std::string text = Bytes(rest);
  mix(text.data(), text.size());
  return h;
}

void Expect(InvariantReport& r, bool holds, const std::string& what) {
  ++r.checks;
  if (!holds) r.broken.push_back(what);
}

void CheckSession(const AppState& state, InvariantReport& r) {
  // As Save writes it: at the step shown (the session's own step is only
  // brought up to date on saving).
  Session saved = state.session;
  saved.step = state.view.step;
  const std::string bytes = Bytes(saved);
  Result<Json> parsed = ParseJson(bytes);
  Expect(r, parsed.ok(), "the session does not serialise to JSON that parses");
  if (!parsed) return;
  Result<Session> back = SessionFromJson(*parsed);
  Expect(r, back.ok(), "the session does not read back: " + (back ? std::string() : back.error()));
  if (!back) return;
  const std::string again = Bytes(*back);
  Expect(r, again == bytes, "the session read back serialises to other bytes " + FirstDifference(bytes, again));
  Result<ConvStepper> stepper = ConvStepper::Create(state.session.conv);
  Expect(r, stepper.ok(), "the convolution does not validate: " + (stepper ? std::string() : stepper.error()));
  Expect(r, state.conv.has_value() && state.pool.has_value(), "no stepper for the session");
  if (!stepper || !state.conv) return;
  Expect(r, stepper->TotalSteps() == state.conv->TotalSteps(), "the stepper shown is not the session's");
}

void CheckSteps(const AppState& state, InvariantReport& r) {
  if (!state.conv || !state.pool) return;
  const int total = state.conv->TotalSteps();
  Expect(r, state.view.step >= 0 && state.view.step < total,
        "step " + std::to_string(state.view.step) + " outside 0.." + std::to_string(total - 1));
  const int pool_total = state.pool->TotalSteps();
  Expect(r, state.view.pool_step >= 0 && state.view.pool_step < pool_total,
        "pooling step " + std::to_string(state.view.pool_step) + " outside 0.." + std::to_string(pool_total - 1));
}

void CheckReferences(const AppState& state, InvariantReport& r) {
  std::string dangling;
  for (const std::string& d : DanglingReferences(state)) dangling += (dangling.empty() ? "" : "; ") + d;
  Expect(r, dangling.empty(), "dangling references: " + dangling);
}

// Undo then redo, on the state itself: the history is a stack of whole
// sessions, too large to copy after every action. The user's view
// (selection, hover, message, steps) is set aside meanwhile and put back
// as it was, so the next action meets the window the user left. (History
// forgets the merge keys of the entries it undoes and redoes: the next
// edit starts a new undo step, in a checked run and in its replay alike.)
void CheckUndoRedo(AppState& state, InvariantReport& r) {
  if (!state.history.CanUndo() || state.view.export_job) return;
  ViewState users = std::move(state.view);
  state.view = ViewState{};
  state.view.tab = users.tab;
  state.view.pool_from_conv = users.pool_from_conv;
  const int revision = state.revision;
  const std::string before = DocumentBytes(state.session);
  state.Undo();
  state.Redo();
  const std::string after = DocumentBytes(state.session);
  Expect(r, after == before, "undo then redo gives another session " + FirstDifference(before, after));
  Expect(r, state.history.CanUndo(), "undo then redo leaves nothing to undo");
  // The pooling input as it was, if the undone session could not pool the
  // convolution's output.
  if (state.view.pool_from_conv != users.pool_from_conv) state.SetPoolFromConv(users.pool_from_conv);
  state.view = std::move(users);
  state.revision = revision;
}

void CheckDump(const AppState& state, InvariantReport& r) {
  std::string text;
  try {
    text = DumpState(state).dump();
  } catch (const std::exception& e) {
    Expect(r, false, std::string("the state dump cannot be written: ") + e.what());
    return;
  }
  Expect(r, ParseJson(text).ok(), "the state dump is not well-formed JSON");
}

}  // namespace

InvariantReport InvariantChecker::Check(AppState& state) {
  InvariantReport r;
  try {
    const std::uint64_t fingerprint = Fingerprint(state.session);
    if (state.revision == revision_) {
      Expect(r, fingerprint == fingerprint_, "the session changed without a commit (revision " +
                                                std::to_string(state.revision) + ")");
    }
    if (state.revision != revision_ || state.view.step != step_) CheckSession(state, r);
    CheckSteps(state, r);
    CheckReferences(state, r);
    if (state.revision != revision_) CheckUndoRedo(state, r);
    CheckDump(state, r);
    revision_ = state.revision;
    step_ = state.view.step;
    fingerprint_ = Fingerprint(state.session);
  } catch (const std::exception& e) {
    Expect(r, false, std::string("exception while checking: ") + e.what());
  }
  return r;
}

}  // namespace convstep
