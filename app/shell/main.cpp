// convstep: the window. Opens on the lecture's Ejemplo 1 and animates the
// convolution step by step. Headless modes render screenshots, time frames,
// and run scripted interactions for the tests.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/gfx/screenshot.h"
#include "app/gfx/window.h"
#include "app/i18n/i18n.h"
#include "app/shell/appearance_sync.h"
#include "app/shell/keyboard.h"
#include "app/shell/layout.h"
#include "app/state/app_state.h"
#include "app/state/document.h"
#include "app/state/export_job.h"
#include "app/state/presets.h"
#include "app/state/settings.h"
#include "app/testing/script.h"
#include "app/testing/state_dump.h"
#include "app/widgets/grid_view.h"
#include "core/platform/autosave.h"

namespace {

using convstep::AppState;
using convstep::gfx::Window;

struct Options {
  std::string preset = "ejemplo1";
  int step = 1;               // 1-based, as the window counts
  std::string tab;
  std::string screenshot;
  std::string size = "1280x800";
  int bench_frames = 0;
  std::string script;
  std::string dump_state;
  std::string theme;          // dark, light or contrast
  std::string palette;        // viridis or cividis
  int text_size = 0;          // percent, 100 to 300 (0: as before)
  bool presentation = false;  // full screen with the large step counter
  std::string panels;         // the panels to show, e.g. "input,output" (default all)
  bool practice = false;      // open on the practice tab
  std::uint64_t seed = 0;     // the practice set, with --seed
  std::string lang;           // en or es; empty: from the locale
};

using Clock = std::chrono::steady_clock;
const Clock::time_point g_start = Clock::now();

double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

int Fail(const std::string& message) {
  std::cerr << "convstep: " << message << "\n";
  return 2;
}

// The frame just drawn, drawn again offscreen at the export's scale, goes to
// the export; Cancel in the progress dialog ends it instead.
void CaptureExportFrame(Window& window, AppState& state) {
  if (state.view.export_job->cancel_requested) return convstep::StopExport(state);
  convstep::Result<convstep::gfx::CapturedFrame> frame =
      window.RenderCapture(convstep::ExportScale(*state.view.export_job));
  if (!frame) return convstep::StopExport(state, frame.error());
  convstep::WriteExportFrame(state, frame->width, frame->height, frame->rgba.data());
}

void DrawFrame(Window& window, AppState& state, const convstep::gfx::InjectedInput* input) {
  // While an export runs, every frame shows the step it captures next, and
  // nothing else may change the step or the document: dropped files wait,
  // keys go to the (modal) progress dialog only.
  const bool exporting = state.view.export_job.has_value();
  if (!exporting) {
    for (const std::string& path : window.TakeDroppedPaths()) convstep::OpenPath(state, path);
  }
  static convstep::AppearanceSync appearance;
  appearance.Apply(window, state.view.appearance);
  window.SetRasterScale(exporting ? convstep::ExportScale(*state.view.export_job) : 1.0f);
  if (exporting) convstep::ShowExportFrame(state);
  window.BeginFrame(input);
  convstep::ClearGridPlacements();
  if (!exporting && convstep::HandleKeyboard(state)) window.RequestClose();
  convstep::DrawLayout(state);
  // The state asks for the clipboard; only the shell talks to the system's.
  if (!state.view.clipboard_out.empty()) {
    ImGui::SetClipboardText(state.view.clipboard_out.c_str());
    state.view.clipboard_out.clear();
  }
  window.Render();
  if (exporting) CaptureExportFrame(window, state);
}

// Writes the autosave, putting a failure in the status line.
void Autosave(AppState& state) {
  state.session.step = state.view.step;
  convstep::Result<bool> saved = convstep::SaveAutosave(state.session);
  if (!saved) state.SetStatus(convstep::TrFormat("status.autosave_failed", {saved.error()}), true);
}

// Draws until closed, sleeping on events whenever nothing moves, and
// autosaves a moment after each change and on exit.
void RunInteractive(Window& window, AppState& state, convstep::SettingsKeeper& settings) {
  constexpr double kFramePeriod = 1.0 / 60.0;
  int settle_frames = 2;  // ImGui needs a frame or two to follow a change
  Clock::time_point last = Clock::now();
  convstep::AutosaveClock autosave;
  int saved_revision = state.revision;
  while (!window.ShouldClose()) {
    if (convstep::IsAnimating(state) || state.view.export_job || settle_frames > 0) {
      window.PollEvents();
      // After an export's last frame, the next ones show the user's step
      // again and the export's message.
      settle_frames = state.view.export_job ? 2 : std::max(0, settle_frames - 1);
    } else {
      // With an autosave pending, wake up in time to write it.
      window.WaitEvents(autosave.Pending() ? 0.25 : -1.0);
      settle_frames = 2;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - g_start).count();
    if (state.revision != saved_revision) {
      autosave.Changed(seconds);
      saved_revision = state.revision;
    }
    if (autosave.Due(seconds)) {
      Autosave(state);
      autosave.Saved();
    }
    if (convstep::Result<bool> kept = settings.Update(state.view.appearance); !kept) {
      state.SetStatus(kept.error(), true);
    }
    const Clock::time_point now = Clock::now();
    convstep::Animate(state, std::chrono::duration<double>(now - last).count());
    last = now;
    DrawFrame(window, state, nullptr);
    window.Present();
    // Cap the frame rate: Xvfb and some drivers do not throttle swaps.
    const auto next = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(kFramePeriod));
    std::this_thread::sleep_until(next);
  }
  convstep::StopExport(state);  // closing the window cancels an export, and the user's step is saved
  if (autosave.Pending() || state.revision != saved_revision) Autosave(state);
}

// --theme, --palette, --text-size and --presentation over the appearance;
// the reason when one is invalid.
std::string ApplyAppearanceOptions(const Options& options, convstep::Appearance* a) {
  if (!options.theme.empty() && !convstep::ThemeFromName(options.theme, &a->theme)) {
    return "--theme must be dark, light or contrast";
  }
  if (!options.palette.empty() && !convstep::PaletteFromName(options.palette, &a->palette)) {
    return "--palette must be viridis or cividis";
  }
  if (options.text_size != 0) {
    if (options.text_size < convstep::kTextPercentMin || options.text_size > convstep::kTextPercentMax) {
      return "--text-size must be from 100 to 300";
    }
    a->text_percent = options.text_size;
  }
  if (options.presentation) a->presentation = true;
  if (!options.panels.empty()) {
    a->panels = {false, false, false, false, false, false};
    std::stringstream list(options.panels);
    for (std::string name; std::getline(list, name, ',');) {
      bool known = false;
      for (const convstep::PanelName& p : convstep::kPanelNames) {
        if (name == p.name) a->panels.*p.shown = known = true;
      }
      if (!known) return "--panels takes parameters, input, kernels, output, arithmetic, output_size";
    }
  }
  return "";
}

int RunBench(Window& window, AppState& state, int frames) {
  std::vector<double> cpu_ms;
  std::vector<double> wall_ms;
  state.view.playing = false;
  // Launch to first frame: from the start of the process (static
  // initialisation) to the first frame on screen.
  DrawFrame(window, state, nullptr);
  window.Present();
  std::printf("first frame %.1f ms after start\n",
              std::chrono::duration<double, std::milli>(Clock::now() - g_start).count());
  for (int i = 0; i < frames; ++i) {
    // Step through the convolution so every frame draws a different state.
    state.GoToStep((state.view.step + 1) % state.conv->TotalSteps());
    const double cpu0 = ProcessCpuSeconds();
    const Clock::time_point wall0 = Clock::now();
    window.PollEvents();
    DrawFrame(window, state, nullptr);
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

int RunScripted(Window& window, AppState& state, const Options& options) {
  std::optional<convstep::Script> script;
  if (!options.script.empty()) {
    convstep::Result<convstep::Script> loaded = convstep::Script::Load(options.script);
    if (!loaded) return Fail(loaded.error());
    script = std::move(loaded).value();
  }
  // Two frames first: ImGui lays windows out on the first.
  for (int i = 0; i < 2; ++i) {
    DrawFrame(window, state, nullptr);
    window.Present();
  }
  while (script && !script->Done()) {
    convstep::Result<convstep::FrameInput> next = script->Next(state);
    if (!next) return Fail(next.error());
    convstep::gfx::InjectedInput input;
    input.mouse_valid = next->mouse.has_value();
    if (next->mouse) {
      input.mouse_x = next->mouse->x;
      input.mouse_y = next->mouse->y;
    }
    input.mouse_down = next->mouse_down;
    input.key = next->key;
    input.ctrl = next->ctrl;
    input.shift = next->shift;
    input.text = next->text;
    DrawFrame(window, state, &input);
    if (!next->screenshot.empty()) {
      convstep::Result<bool> written =
          convstep::gfx::WriteScreenshot(next->screenshot, window.FramebufferWidth(), window.FramebufferHeight());
      if (!written) return Fail(written.error());
    }
    window.Present();
  }
  // The last frame keeps the script's mouse where it was, so a hover shows.
  convstep::gfx::InjectedInput rest;
  if (script && script->mouse()) {
    rest.mouse_valid = true;
    rest.mouse_x = script->mouse()->x;
    rest.mouse_y = script->mouse()->y;
  }
  DrawFrame(window, state, &rest);
  if (!options.screenshot.empty()) {
    convstep::Result<bool> written =
        convstep::gfx::WriteScreenshot(options.screenshot, window.FramebufferWidth(), window.FramebufferHeight());
    if (!written) return Fail(written.error());
  }
  window.Present();
  if (!options.dump_state.empty()) {
    std::ofstream out(options.dump_state);
    out << convstep::DumpState(state).dump(2) << "\n";
    if (!out) return Fail("cannot write '" + options.dump_state + "'");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"ConvStep: step through the convolutions of a CNN"};
  app.add_option("--preset", options.preset, "the session to open (default ejemplo1)");
  app.add_option("--step", options.step, "the step to show, from 1");
  app.add_option("--tab", options.tab, "convolution, pooling, matrix, summary or practice");
  app.add_option("--screenshot", options.screenshot, "render, write this PNG and exit");
  app.add_option("--size", options.size, "window size, WIDTHxHEIGHT (default 1280x800)");
  app.add_option("--bench-frames", options.bench_frames, "render N frames and print CPU time per frame");
  app.add_option("--script", options.script, "run a JSON list of actions, then exit");
  app.add_option("--dump-state", options.dump_state, "write what the panels show as JSON, then exit");
  app.add_option("--theme", options.theme, "dark, light or contrast");
  app.add_option("--palette", options.palette, "heatmap colours: viridis or cividis");
  app.add_option("--text-size", options.text_size, "text size in percent, 100 to 300");
  app.add_flag("--presentation", options.presentation, "full screen with the large step counter (F11)");
  app.add_option("--panels", options.panels, "the panels to show, comma-separated (default all)");
  app.add_flag("--practice", options.practice, "open on the practice tab: exercises worked out by hand");
  app.add_option("--seed", options.seed, "the practice set (implies --practice; default: from the clock)");
  app.add_option("--lang", options.lang, "en or es (default: from LC_ALL, LC_MESSAGES or LANG)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return Fail(e.what());
  }
  int width = 0;
  int height = 0;
  if (std::sscanf(options.size.c_str(), "%dx%d", &width, &height) != 2 || width < 320 || height < 240 ||
      width > 7680 || height > 4320) {
    return Fail("--size must be WIDTHxHEIGHT, from 320x240 to 7680x4320");
  }
  convstep::Language language =
      convstep::LanguageFromLocale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
  if (!options.lang.empty() && !convstep::LanguageFromCode(options.lang, &language)) {
    return Fail("--lang must be en or es");
  }
  convstep::SetLanguage(language);

  AppState state;
  convstep::Result<convstep::Session> session = convstep::LoadPreset(options.preset);
  if (!session) return Fail(session.error());
  if (convstep::Result<bool> loaded = state.LoadSession(std::move(session).value()); !loaded) {
    return Fail(loaded.error());
  }
  // A user's window reopens where it was left, unless a preset was asked
  // for; headless runs (tests, slides) never read or write the autosave.
  const bool headless = options.bench_frames > 0 || !options.screenshot.empty() || !options.script.empty() ||
                        !options.dump_state.empty();
  std::string autosave_problem;
  if (!headless && app.count("--preset") == 0) {
    convstep::Result<std::optional<convstep::Session>> autosaved = convstep::LoadAutosave();
    if (!autosaved) {
      autosave_problem = autosaved.error();
    } else if (*autosaved) {
      if (convstep::Result<bool> loaded = state.LoadSession(std::move(**autosaved)); !loaded) {
        autosave_problem = convstep::TrFormat("status.autosave_unreadable", {loaded.error()});
      }
    }
  }
  if (options.step < 1 || options.step > state.conv->TotalSteps()) {
    return Fail("--step must be from 1 to " + std::to_string(state.conv->TotalSteps()));
  }
  if (app.count("--step") > 0) {
    state.view.step = options.step - 1;
    state.view.glide_from = state.view.step;
  }
  if (!autosave_problem.empty()) state.SetStatus(autosave_problem, true);
  // The user's language and look from the last run; the command line wins.
  convstep::Settings settings;
  if (!headless) {
    convstep::Result<std::optional<convstep::Settings>> loaded = convstep::LoadSettings();
    if (!loaded) state.SetStatus(loaded.error(), true);
    else if (*loaded) settings = **loaded;
    state.view.appearance = settings.appearance;
    if (settings.language && options.lang.empty()) convstep::SetLanguage(*settings.language);
  }
  if (const std::string problem = ApplyAppearanceOptions(options, &state.view.appearance); !problem.empty()) {
    return Fail(problem);
  }
  if (!options.tab.empty()) {
    bool found = false;
    for (convstep::Tab t : {convstep::Tab::kConvolution, convstep::Tab::kPooling, convstep::Tab::kMatrix,
                            convstep::Tab::kSummary, convstep::Tab::kPractice}) {
      if (options.tab == convstep::TabName(t)) {
        state.view.tab = t;
        state.view.tab_requested = true;
        found = true;
      }
    }
    if (!found) return Fail("--tab must be convolution, pooling, matrix, summary or practice");
  }
  // A class given one seed works the same set. Without one, a user's window
  // draws a new set each time; a headless run uses seed 0, so that its
  // screenshots and dumps repeat.
  state.practice.seed = app.count("--seed") > 0 ? options.seed
                        : headless              ? 0
                                                : static_cast<std::uint64_t>(std::chrono::system_clock::now()
                                                                                 .time_since_epoch()
                                                                                 .count()) %
                                                      10000;
  if (options.practice || app.count("--seed") > 0) {
    state.view.tab = convstep::Tab::kPractice;
    state.view.tab_requested = true;
  }

  convstep::gfx::WindowOptions window_options;
  window_options.width = width;
  window_options.height = height;
  window_options.font_path = CONVSTEP_FONT_DIR "/DejaVuSans.ttf";
  window_options.mono_font_path = CONVSTEP_FONT_DIR "/DejaVuSansMono.ttf";
  window_options.title = "ConvStep \u2014 " + state.session.title;
  convstep::Result<std::unique_ptr<Window>> created = Window::Create(window_options);
  if (!created) {
    std::cerr << "convstep: " << created.error() << "\n";
    return 1;
  }
  std::unique_ptr<Window> window = std::move(created).value();
  if (window->font_fallback()) {
    std::cerr << "convstep: warning: the DejaVu fonts are missing from " CONVSTEP_FONT_DIR
                 " (install fonts-dejavu-core); using ImGui's font\n";
  }

  int status = 0;
  if (options.bench_frames > 0) {
    status = RunBench(*window, state, options.bench_frames);
  } else if (headless) {
    status = RunScripted(*window, state, options);
  } else {
    convstep::SettingsKeeper keeper(settings, convstep::CurrentLanguage());
    RunInteractive(*window, state, keeper);
  }
  convstep::ReleaseGridTextures();
  return status;
}
