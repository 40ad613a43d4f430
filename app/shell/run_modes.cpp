#include "app/shell/run_modes.h"

#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

#include "app/gfx/screenshot.h"
#include "app/shell/keyboard.h"
#include "app/widgets/grid_view.h"
#include "app/testing/invariants.h"
#include "app/testing/monkey.h"
#include "app/testing/script.h"
#include "app/testing/state_dump.h"
#include "core/platform/autosave.h"

// [SECTION] Index
// - Frames of a script: one script input into one frame
// - Interactive
// - Bench
// - Checked runs: actions one at a time, the invariants after each, and the
//   record of them that a crash still writes out
// - Script and screenshot
// - Monkey

namespace convstep {

namespace {

using Clock = std::chrono::steady_clock;
// The start of the process (static initialisation), for the bench's first frame.
const Clock::time_point g_start = Clock::now();

double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// [SECTION] Frames of a script

gfx::InjectedInput Injected(const FrameInput& next) {
  gfx::InjectedInput input;
  input.mouse_valid = next.mouse.has_value();
  if (next.mouse) {
    input.mouse_x = next.mouse->x;
    input.mouse_y = next.mouse->y;
  }
  input.mouse_down = next.mouse_down;
  input.wheel = next.wheel;
  input.key = next.key;
  input.ctrl = next.ctrl;
  input.shift = next.shift;
  input.text = next.text;
  return input;
}

// The script's next input, drawn as one frame (and written to a PNG when it
// asks for a screenshot).
//
// The window's events are taken first, though the script's input replaces
// the devices: another program on the display that asks for the clipboard
// this window holds waits for the answer until then (two headless runs on
// one Xvfb would otherwise wait on each other for as long as they run).
Result<bool> ScriptFrame(Shell& shell, Script& script) {
  shell.window.PollEvents();
  Result<FrameInput> next = script.Next(shell.state);
  if (!next) return Error{next.error()};
  const gfx::InjectedInput input = Injected(*next);
  DrawFrame(shell, &input);
  if (!next->screenshot.empty()) {
    Result<bool> written = gfx::WriteScreenshot(next->screenshot, shell.window.FramebufferWidth(),
                                                shell.window.FramebufferHeight());
    if (!written) return Error{written.error()};
  }
  shell.window.Present();
  return true;
}

// Two frames before a script: ImGui lays windows out on the first.
void SettleFrames(Shell& shell) {
  // A sound being read for its import is waited for (at most 30 s), so a
  // screenshot of the dialog shows its grid rather than a progress bar.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (int i = 0; i < 2 || (shell.state.view.sound_import.job && std::chrono::steady_clock::now() < deadline); ++i) {
    shell.window.PollEvents();
    DrawFrame(shell, nullptr);
    shell.window.Present();
    if (i >= 2) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// [SECTION] Checked runs

// Every action of a checked run as JSON text, kept where a signal handler
// can write it: a sanitizer's report ends in abort(), and the script that
// led there must survive it.
struct ActionRecord {
  std::vector<std::string> actions;
  std::string path;  // where the whole record goes on a crash; empty: nowhere
};
ActionRecord g_record;

void WriteAll(int fd, const char* text, size_t n) {
  while (n > 0) {
    const ssize_t written = ::write(fd, text, n);
    if (written <= 0) return;
    text += written;
    n -= static_cast<size_t>(written);
  }
}
void WriteAll(int fd, const std::string& text) { WriteAll(fd, text.data(), text.size()); }

// The actions from `from` on as a JSON list, one action a line. Only
// write(2): safe in a signal handler.
void WriteActions(int fd, size_t from) {
  WriteAll(fd, "[\n", 2);
  for (size_t i = from; i < g_record.actions.size(); ++i) {
    WriteAll(fd, "  ", 2);
    WriteAll(fd, g_record.actions[i]);
    if (i + 1 < g_record.actions.size()) WriteAll(fd, ",", 1);
    WriteAll(fd, "\n", 1);
  }
  WriteAll(fd, "]\n", 2);
}

constexpr size_t kShownActions = 20;

extern "C" void OnFatalSignal(int signal_number) {
  static const char kLast[] = "\nconvstep: died during the last of these actions (the last 20):\n";
  WriteAll(2, kLast, sizeof kLast - 1);
  const size_t n = g_record.actions.size();
  WriteActions(2, n > kShownActions ? n - kShownActions : 0);
  if (!g_record.path.empty()) {
    const int fd = ::open(g_record.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      WriteActions(fd, 0);
      ::close(fd);
      static const char kAll[] = "convstep: every action up to it is in ";
      WriteAll(2, kAll, sizeof kAll - 1);
      WriteAll(2, g_record.path);
      WriteAll(2, "\n", 1);
    }
  }
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

// SIGABRT (sanitizers, failed assertions, std::terminate) always; the
// faults only where nobody handles them yet (AddressSanitizer does, and
// reports them before it aborts).
void InstallCrashRecord() {
  ::signal(SIGABRT, OnFatalSignal);
  for (int s : {SIGSEGV, SIGBUS, SIGFPE, SIGILL}) {
    struct sigaction old {};
    if (::sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_DFL) ::signal(s, OnFatalSignal);
  }
}

struct CheckedRun {
  const char* who = "monkey";          // starts every line printed
  std::optional<std::uint64_t> seed;   // the monkey's
  std::string reproduce;               // the command line that starts where the run started
  bool log = false;                    // every action on stderr before it is taken
  int break_at = -1;                   // the tests' way to see a failure reported: this action breaks
};

struct CheckedResult {
  int actions = 0;
  int checks = 0;
  int frames = 0;
  bool broken = false;
  double slowest_seconds = 0;  // the action that took longest, with its checks
  int slowest = -1;
  double check_seconds = 0;    // of all the time, the checks'
};

// The failure: what broke, the seed and the action, the last actions as a
// script, and every action up to it in g_record.path.
void ReportBroken(const CheckedRun& run, int index, const std::vector<std::string>& broken) {
  std::printf("%s: action %d broke", run.who, index);
  if (run.seed) std::printf(" (seed %llu)", static_cast<unsigned long long>(*run.seed));
  std::printf(":\n");
  for (const std::string& b : broken) std::printf("  %s\n", b.c_str());
  std::fflush(stdout);
  const size_t n = g_record.actions.size();
  std::printf("%s: the last %zu actions:\n", run.who, std::min(n, kShownActions));
  std::fflush(stdout);
  WriteActions(1, n > kShownActions ? n - kShownActions : 0);
  if (!g_record.path.empty()) {
    std::ofstream out(g_record.path);
    out << "[\n";
    for (size_t i = 0; i < n; ++i) out << "  " << g_record.actions[i] << (i + 1 < n ? ",\n" : "\n");
    out << "]\n";
    if (out) {
      std::printf("%s: all %zu actions are in %s; to run them again:\n  convstep %s --script %s --check-invariants\n",
                  run.who, n, g_record.path.c_str(), run.reproduce.c_str(), g_record.path.c_str());
    } else {
      std::printf("%s: cannot write %s\n", run.who, g_record.path.c_str());
    }
  }
}

// Takes the actions `next` gives, one at a time, each with the frames it
// needs, and checks the invariants after each. Stops at the first one that
// breaks something.
CheckedResult RunChecked(Shell& shell, Script& script, const std::function<std::optional<Json>()>& next,
                         const CheckedRun& run) {
  constexpr int kMaxFramesPerAction = 1000;  // an export that never ends is broken too
  CheckedResult result;
  InvariantChecker checker;
  InstallCrashRecord();
  SettleFrames(shell);
  for (std::optional<Json> action = next(); action; action = next()) {
    const std::string text = action->dump(-1, ' ', false, Json::error_handler_t::replace);
    g_record.actions.push_back(text);
    if (run.log) {
      std::fprintf(stderr, "%s: action %d: %s\n", run.who, result.actions, text.c_str());
      std::fflush(stderr);
    }
    script.Push(std::move(*action));
    std::vector<std::string> broken;
    const Clock::time_point started = Clock::now();
    try {
      int frames = 0;
      do {
        Result<bool> drawn = ScriptFrame(shell, script);
        ++frames;
        if (!drawn) {
          broken.push_back(drawn.error());
          break;
        }
        if (frames > kMaxFramesPerAction) {
          broken.push_back("the action did not end after " + std::to_string(kMaxFramesPerAction) + " frames");
          break;
        }
      } while (!script.Done());
      result.frames += frames;
      if (run.log && !script.refusal().empty()) {
        std::fprintf(stderr, "%s:   refused: %s\n", run.who, script.refusal().c_str());
      }
      if (broken.empty()) {
        const Clock::time_point checking = Clock::now();
        InvariantReport report = checker.Check(shell.state);
        result.check_seconds += std::chrono::duration<double>(Clock::now() - checking).count();
        result.checks += report.checks;
        broken = std::move(report.broken);
      }
      if (result.actions == run.break_at) broken.push_back("--break-at: broken on purpose");
    } catch (const std::exception& e) {
      broken.push_back(std::string("exception: ") + e.what());
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (seconds > result.slowest_seconds) {
      result.slowest_seconds = seconds;
      result.slowest = result.actions;
    }
    if (run.log && seconds > 0.5) std::fprintf(stderr, "%s:   took %.2f s\n", run.who, seconds);
    if (!broken.empty()) {
      ReportBroken(run, result.actions, broken);
      result.broken = true;
      return result;
    }
    ++result.actions;
  }
  return result;
}

// --dump-state: what the panels show, and the window's title.
bool WriteStateDump(const Shell& shell, const std::string& path) {
  Json dump = DumpState(shell.state);
  dump["window_title"] = shell.title.current();
  std::ofstream out(path);
  out << dump.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  return static_cast<bool>(out);
}

// How a checked run can start again where this one started.
std::string StartArguments(const Options& options) {
  std::string args = options.file.empty() ? "--preset " + options.preset : "'" + options.file + "'";
  if (options.width != 1280 || options.height != 800) {
    args += " --size " + std::to_string(options.width) + "x" + std::to_string(options.height);
  }
  if (!options.lang.empty()) args += " --lang " + options.lang;
  return args;
}

}  // namespace

// [SECTION] Interactive

int RunInteractive(Shell& shell, SettingsKeeper& settings) {
  gfx::Window& window = shell.window;
  AppState& state = shell.state;
  constexpr double kFramePeriod = 1.0 / 60.0;
  int settle_frames = 2;  // ImGui needs a frame or two to follow a change
  Clock::time_point last = Clock::now();
  AutosaveClock autosave;
  int autosaved_revision = state.revision;
  // Writes the autosave (the document at the step shown), putting a
  // failure in the status line.
  const auto write_autosave = [&state] {
    Session session = state.session;
    session.step = state.view.step;
    Result<bool> saved = SaveAutosave(session);
    if (!saved) state.SetStatus(TrFormat("status.autosave_failed", {saved.error()}), true);
  };
  while (!window.ShouldClose()) {
    if (IsAnimating(state) || state.view.export_job || settle_frames > 0) {
      window.PollEvents();
      // After an export's last frame, the next ones show the user's step
      // again and the export's message.
      settle_frames = state.view.export_job ? 2 : std::max(0, settle_frames - 1);
    } else {
      // With an autosave pending, wake up in time to write it; while a
      // network trains, four times a second for its progress, leaving the
      // processors to the training rather than redrawing at the screen's rate.
      window.WaitEvents(autosave.Pending() || state.view.network.job || state.view.network.test_job ? 0.25 : -1.0);
      settle_frames = 2;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - g_start).count();
    if (state.revision != autosaved_revision) {
      autosave.Changed(seconds);
      autosaved_revision = state.revision;
    }
    if (autosave.Due(seconds)) {
      write_autosave();
      autosave.Saved();
    }
    if (Result<bool> kept = settings.Update(state.view.appearance); !kept) state.SetStatus(kept.error(), true);
    const Clock::time_point now = Clock::now();
    Animate(state, std::chrono::duration<double>(now - last).count());
    last = now;
    DrawFrame(shell, nullptr);
    window.Present();
    // Cap the frame rate: Xvfb and some drivers do not throttle swaps.
    const auto next = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(kFramePeriod));
    std::this_thread::sleep_until(next);
  }
  StopExport(state);  // closing the window cancels an export, and the user's step is saved
  if (autosave.Pending() || state.revision != autosaved_revision) write_autosave();
  return 0;
}

// [SECTION] Bench

// The bench's zoom: in from the whole grid to 16× and out again every 64
// frames, the view's centre circling the grid's middle, so every frame
// draws another part of it at another scale.
void ZoomForFrame(AppState& state, int frame) {
  const auto input = GridPlacements().find("input/0");
  if (input == GridPlacements().end()) return;
  GridZoom& z = state.view.zoom["input/0"];
  const float phase = static_cast<float>(frame % 64) / 64.0f;
  z.zoom = std::pow(16.0f, 1.0f - std::fabs(2.0f * phase - 1.0f));
  const float angle = static_cast<float>(frame) * 0.1f;
  z.cy = static_cast<float>(input->second.rows) * (0.5f + 0.25f * std::sin(angle));
  z.cx = static_cast<float>(input->second.cols) * (0.5f + 0.25f * std::cos(angle));
  ShareZoom(&state.view.zoom, "input/0");
}

int RunBench(Shell& shell, int frames, bool zoom) {
  gfx::Window& window = shell.window;
  AppState& state = shell.state;
  std::vector<double> cpu_ms;
  std::vector<double> wall_ms;
  state.view.playing = false;
  // Launch to first frame: from the start of the process (static
  // initialisation) to the first frame on screen.
  DrawFrame(shell, nullptr);
  window.Present();
  std::printf("first frame %.1f ms after start\n",
              std::chrono::duration<double, std::milli>(Clock::now() - g_start).count());
  for (int i = 0; i < frames; ++i) {
    // Step through the convolution (or zoom) so every frame draws a different state.
    if (zoom) ZoomForFrame(state, i);
    else state.GoToStep((state.view.step + 1) % state.conv->TotalSteps());
    const double cpu0 = ProcessCpuSeconds();
    const Clock::time_point wall0 = Clock::now();
    window.PollEvents();
    DrawFrame(shell, nullptr);
    window.Present();
    cpu_ms.push_back((ProcessCpuSeconds() - cpu0) * 1e3);
    wall_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - wall0).count());
  }
  auto report = [](const char* what, std::vector<double> v) {
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v) sum += x;
    const size_t p99 = std::min(v.size() - 1, static_cast<size_t>(0.99 * static_cast<double>(v.size())));
    std::printf("%s per frame: mean %.2f ms, median %.2f ms, p99 %.2f ms\n", what, sum / static_cast<double>(v.size()),
                v[v.size() / 2], v[p99]);
  };
  std::printf("%d frames at %dx%d\n", frames, window.FramebufferWidth(), window.FramebufferHeight());
  report("CPU", cpu_ms);
  report("wall", wall_ms);
  return 0;
}

// [SECTION] Script and screenshot

int RunScripted(Shell& shell, const Options& options) {
  std::optional<Script> script;
  if (!options.script.empty()) {
    Result<Script> loaded = Script::Load(options.script);
    if (!loaded) return Fail(loaded.error());
    script = std::move(loaded).value();
  }
  if (script && options.check_invariants) {
    // One action at a time, as the monkey takes them, so that a script the
    // monkey wrote replays exactly (and its check breaks again).
    const std::vector<Json>& list = script->actions();
    size_t i = 0;
    Script checked;
    CheckedRun run;
    run.who = "script";
    run.log = options.monkey_log;
    run.break_at = options.break_at;
    const CheckedResult result = RunChecked(shell, checked, [&]() -> std::optional<Json> {
      if (i >= list.size()) return std::nullopt;
      return list[i++];
    }, run);
    if (result.broken) return 1;
    std::printf("script: %d actions, %d checks, 0 broken\n", result.actions, result.checks);
    script = std::move(checked);
  } else {
    SettleFrames(shell);
    while (script && !script->Done()) {
      if (Result<bool> drawn = ScriptFrame(shell, *script); !drawn) return Fail(drawn.error());
    }
  }
  // The last frame keeps the script's mouse where it was, so a hover shows.
  shell.window.PollEvents();
  gfx::InjectedInput rest;
  if (script && script->mouse()) {
    rest.mouse_valid = true;
    rest.mouse_x = script->mouse()->x;
    rest.mouse_y = script->mouse()->y;
  }
  DrawFrame(shell, &rest);
  if (!options.screenshot.empty()) {
    const int w = shell.window.FramebufferWidth();
    const int h = shell.window.FramebufferHeight();
    Result<bool> written = gfx::WriteScreenshot(options.screenshot, w, h);
    if (!written) return Fail(written.error());
    std::printf("convstep: wrote %s (%dx%d)\n", options.screenshot.c_str(), w, h);
  }
  shell.window.Present();
  if (!options.dump_state.empty() && !WriteStateDump(shell, options.dump_state)) {
    return Fail("cannot write '" + options.dump_state + "'");
  }
  return 0;
}

// [SECTION] Monkey

int RunMonkey(Shell& shell, const Options& options) {
  const std::uint64_t seed =
      options.seed ? *options.seed
                   : static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  Monkey monkey(seed);
  CheckedRun run;
  run.seed = seed;
  run.reproduce = StartArguments(options);
  run.break_at = options.break_at;
  const char* log = std::getenv("CONVSTEP_MONKEY_LOG");
  run.log = options.monkey_log || (log != nullptr && *log != '\0' && std::string(log) != "0");
  g_record.path = options.monkey_out.empty() ? "monkey-failure-" + std::to_string(seed) + ".json" : options.monkey_out;
  std::fprintf(stderr, "monkey: seed %llu, %d actions on %s\n", static_cast<unsigned long long>(seed), options.monkey,
               run.reproduce.c_str());
  const Clock::time_point start = Clock::now();
  int left = options.monkey;
  Script script;
  const CheckedResult result = RunChecked(shell, script, [&]() -> std::optional<Json> {
    if (left <= 0) return std::nullopt;
    --left;
    return monkey.Next(shell.state);
  }, run);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("monkey: %d actions, %d checks, %d broken\n", result.actions + (result.broken ? 1 : 0), result.checks,
              result.broken ? 1 : 0);
  std::fprintf(stderr,
               "monkey: %.1f s (%.1f s of checks), %.1f actions/s, %d frames, %d refused; the slowest, action %d, "
               "%.2f s\n",
               seconds, result.check_seconds, result.actions / std::max(seconds, 1e-9), result.frames,
               script.refusals(), result.slowest, result.slowest_seconds);
  if (!options.dump_state.empty() && !WriteStateDump(shell, options.dump_state)) {
    return Fail("cannot write '" + options.dump_state + "'");
  }
  return result.broken ? 1 : 0;
}

int Run(Shell& shell, const Options& options, const Settings& settings) {
  if (options.bench_frames > 0) return RunBench(shell, options.bench_frames, options.bench_zoom);
  if (options.monkey > 0) return RunMonkey(shell, options);
  if (options.Headless()) return RunScripted(shell, options);
  SettingsKeeper keeper(settings, CurrentLanguage());
  return RunInteractive(shell, keeper);
}

}  // namespace convstep
