#include "app/shell/startup.h"

#include <chrono>
#include <cstdlib>

#include "app/i18n/i18n.h"
#include "app/state/document.h"
#include "app/state/presets.h"
#include "core/platform/autosave.h"

namespace convstep {

std::string StartLanguage(const Options& options) {
  Language language = LanguageFromLocale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
  if (!options.lang.empty() && !LanguageFromCode(options.lang, &language)) return "--lang must be en or es";
  SetLanguage(language);
  return "";
}

std::string StartSession(AppState& state, const Options& options, std::string* shown_file) {
  Result<Session> session = LoadPreset(options.preset);
  if (!session) return session.error();
  if (Result<bool> loaded = state.LoadSession(std::move(session).value()); !loaded) return loaded.error();
  std::string autosave_problem;
  if (!options.file.empty()) {
    // What File ▸ Open does, and the window starts there: nothing to undo.
    OpenPath(state, options.file);
    if (state.view.message_is_error) return state.view.message;
    state.history.Clear();
    *shown_file = options.file;
  } else if (!options.Headless() && !options.preset_given) {
    // A user's window reopens where it was left, unless a preset or a file
    // was asked for; headless runs (tests, slides) never read the autosave.
    Result<std::optional<Session>> autosaved = LoadAutosave();
    if (!autosaved) {
      autosave_problem = autosaved.error();
    } else if (*autosaved) {
      if (Result<bool> loaded = state.LoadSession(std::move(**autosaved)); !loaded) {
        autosave_problem = TrFormat("status.autosave_unreadable", {loaded.error()});
      }
    }
  }
  if (!autosave_problem.empty()) state.SetStatus(autosave_problem, true);
  return "";
}

Result<Settings> StartView(AppState& state, const Options& options) {
  // The user's language and look from the last run; the command line wins.
  Settings settings;
  if (!options.Headless()) {
    Result<std::optional<Settings>> loaded = LoadSettings();
    if (!loaded) state.SetStatus(loaded.error(), true);
    else if (*loaded) settings = **loaded;
    state.view.appearance = settings.appearance;
    if (settings.language && options.lang.empty()) SetLanguage(*settings.language);
  }
  if (const std::string problem = ApplyAppearanceOptions(options, &state.view.appearance); !problem.empty()) {
    return Error{problem};
  }
  if (!options.tab.empty()) {
    bool found = false;
    for (Tab t : kAllTabs) {
      if (options.tab == TabName(t)) {
        state.view.tab = t;
        state.view.tab_requested = true;
        found = true;
      }
    }
    if (!found) return Error{"--tab must be convolution, pooling, matrix, summary, network or practice"};
  }
  // A class given one seed works the same set. Without one, a user's window
  // draws a new set each time; a headless run uses seed 0, so that its
  // screenshots and dumps repeat. With --monkey the seed is the monkey's.
  const bool practice_seed = options.seed && options.monkey == 0;
  state.practice.seed = practice_seed         ? *options.seed
                        : options.Headless() ? 0
                                             : static_cast<std::uint64_t>(
                                                   std::chrono::system_clock::now().time_since_epoch().count()) %
                                                   10000;
  if (options.practice || practice_seed) {
    state.view.tab = Tab::kPractice;
    state.view.tab_requested = true;
  }
  // After --tab: the step is of the stepper the tab shows (the pooling's on
  // its tab), counted from 1 as the counter and convstep-cli count it.
  const bool pooling = state.view.tab == Tab::kPooling;
  const int total = pooling ? state.pool->TotalSteps() : state.conv->TotalSteps();
  if (options.step < 1 || options.step > total) {
    return Error{"--step must be from 1 to " + std::to_string(total) + (pooling ? " on the pooling tab" : "")};
  }
  if (options.step_given && pooling) state.view.pool_step = options.step - 1;
  if (options.step_given && !pooling) {
    state.view.step = options.step - 1;
    state.view.glide_from = state.view.step;  // shown at once, no glide from step 1
  }
  return settings;
}

Result<std::unique_ptr<gfx::Window>> OpenWindow(const Options& options, const AppState& state) {
  gfx::WindowOptions window_options;
  window_options.width = options.width;
  window_options.height = options.height;
  window_options.font_path = CONVSTEP_FONT_DIR "/DejaVuSans.ttf";
  window_options.mono_font_path = CONVSTEP_FONT_DIR "/DejaVuSansMono.ttf";
  window_options.title = "ConvStep \u2014 " + state.session.title;
  return gfx::Window::Create(window_options);
}

}  // namespace convstep
