// The command line of the window: what to open, how it looks, and which run
// mode (interactive, --screenshot, --bench-frames, --script, --monkey).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/state/appearance.h"

namespace convstep {

struct Options {
  std::string file;           // FILE: a session, grid or picture to open
  std::string preset = "ejemplo1";
  bool preset_given = false;  // --preset was on the command line (no autosave)
  int step = 1;               // 1-based, as the window counts
  bool step_given = false;
  std::string tab;
  std::string screenshot;
  int width = 1280;           // --size WIDTHxHEIGHT
  int height = 800;
  int bench_frames = 0;
  bool bench_zoom = false;  // the bench's frames zoom and pan rather than step
  std::string script;
  bool check_invariants = false;  // with --script: the monkey's checks after every action
  std::string dump_state;
  std::string theme;          // dark, light or contrast
  std::string palette;        // viridis or cividis
  int text_size = 0;          // percent, 100 to 300 (0: as before)
  bool presentation = false;  // full screen with the large step counter
  std::string panels;         // the panels to show, e.g. "input,output" (default all)
  bool practice = false;      // open on the practice tab
  std::optional<std::uint64_t> seed;  // the practice set; with --monkey, the monkey's
  std::string lang;           // en or es; empty: from the locale
  int monkey = 0;             // --monkey N: N random actions
  std::string monkey_out;     // where a failing monkey writes its script
  bool monkey_log = false;    // every monkey action on stderr before it is taken
  int break_at = -1;          // (tests) a checked run reports action K as broken

  // No window of its own to show a user: never reads or writes the autosave
  // or the settings.
  bool Headless() const {
    return bench_frames > 0 || !screenshot.empty() || !script.empty() || !dump_state.empty() || monkey > 0;
  }
};

// The parsed command line, or the exit code to leave with at once (0 after
// --help, 2 with the message on stderr after a mistake).
struct ParsedOptions {
  Options options;
  std::optional<int> exit_code;
};
ParsedOptions ParseOptions(int argc, char** argv);

// --theme, --palette, --text-size, --presentation and --panels over the
// appearance; the reason when one is invalid, else "".
std::string ApplyAppearanceOptions(const Options& options, Appearance* appearance);

// "convstep: <message>" on stderr; returns 2, the exit code of a bad
// command line or file.
int Fail(const std::string& message);

}  // namespace convstep
