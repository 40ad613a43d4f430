// Before the first frame: the language, the session to open and the view
// over it, from the command line, the autosave and the user's settings.
#pragma once

#include <memory>
#include <string>

#include "app/gfx/window.h"
#include "app/shell/options.h"
#include "app/state/app_state.h"
#include "app/state/settings.h"

namespace convstep {

// The language: --lang, else the locale ($LC_ALL, $LC_MESSAGES, $LANG).
// The reason when --lang is invalid, else "".
std::string StartLanguage(const Options& options);

// The session to open: the preset (--preset, default ejemplo1), then FILE
// over it (a session, a grid as its input, or a picture waiting in the
// import dialog), else for a user's window the autosave.
// `*shown_file` is FILE when one was opened (the window title names it).
// The reason when nothing could be opened, else "".
std::string StartSession(AppState& state, const Options& options, std::string* shown_file);

// The view: the user's settings (not for headless runs), the look from the
// command line, --tab, the practice set, then --step (of the tab's
// stepper). The settings as loaded (the interactive run keeps them), or the
// reason an option is invalid.
Result<Settings> StartView(AppState& state, const Options& options);

// The window, titled for the session; the reason when there is no display.
Result<std::unique_ptr<gfx::Window>> OpenWindow(const Options& options, const AppState& state);

}  // namespace convstep
