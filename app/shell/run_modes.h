// What the window does once it is open: the interactive loop, or one of the
// headless modes (--bench-frames, --screenshot / --script / --dump-state,
// --monkey). Each returns the process's exit code.
#pragma once

#include "app/shell/options.h"
#include "app/shell/shell.h"
#include "app/state/settings.h"

namespace convstep {

// Draws until closed, sleeping on events whenever nothing moves; autosaves
// a moment after each change and on exit, and keeps the settings.
int RunInteractive(Shell& shell, SettingsKeeper& settings);

// Renders `frames` frames stepping through the convolution and prints the
// CPU and wall time per frame.
int RunBench(Shell& shell, int frames);

// --script (its actions, one frame each as they need), then --screenshot
// (printing where it went) and --dump-state. With --check-invariants, the
// actions are run and checked one by one, as the monkey runs its own.
int RunScripted(Shell& shell, const Options& options);

// --monkey N --seed S: N random actions, the invariants checked after each
// (app/testing/invariants.h). Prints "monkey: N actions, K checks, 0 broken"
// and returns 0, or prints what broke, the seed, the action and the last 20
// actions, writes the script that reproduces it (--monkey-out, default
// monkey-failure-<seed>.json) and returns 1.
int RunMonkey(Shell& shell, const Options& options);

// The mode the options ask for.
int Run(Shell& shell, const Options& options, const Settings& settings);

}  // namespace convstep
