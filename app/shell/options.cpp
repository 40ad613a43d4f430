#include "app/shell/options.h"

#include <cstdio>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

namespace convstep {

int Fail(const std::string& message) {
  std::cerr << "convstep: " << message << "\n";
  return 2;
}

ParsedOptions ParseOptions(int argc, char** argv) {
  ParsedOptions parsed;
  Options& o = parsed.options;
  std::string size = "1280x800";
  std::uint64_t seed = 0;
  CLI::App app{"ConvStep: step through the convolutions of a CNN"};
  app.add_option("FILE", o.file,
                 "a session (.json), grid (.csv, .tsv, .txt, .npy) or picture (.png, .jpg, .bmp, .gif) to open");
  app.add_option("--preset", o.preset, "the session to open (default ejemplo1)");
  app.add_option("--step", o.step,
                 "the step to show, from 1, as convstep-cli trace and pool2d --step count; with --tab pooling, "
                 "the pooling's step");
  app.add_option("--tab", o.tab, "convolution, pooling, matrix, summary, network or practice");
  app.add_option("--screenshot", o.screenshot, "render, write this PNG and exit");
  app.add_option("--size", size, "window size, WIDTHxHEIGHT (default 1280x800)");
  app.add_option("--bench-frames", o.bench_frames, "render N frames and print CPU time per frame");
  app.add_flag("--bench-zoom", o.bench_zoom,
               "with --bench-frames: zoom into and pan across the first input channel instead of stepping");
  app.add_option("--script", o.script, "run a JSON list of actions, then exit");
  app.add_flag("--check-invariants", o.check_invariants,
               "with --script: check the document and the view after every action, as --monkey does");
  app.add_option("--dump-state", o.dump_state, "write what the panels show as JSON, then exit");
  app.add_option("--theme", o.theme, "dark, light or contrast");
  app.add_option("--palette", o.palette, "heatmap colours: viridis or cividis");
  app.add_option("--text-size", o.text_size, "text size in percent, 100 to 300");
  app.add_flag("--presentation", o.presentation, "full screen with the large step counter (F11)");
  app.add_option("--panels", o.panels, "the panels to show, comma-separated (default all)");
  app.add_flag("--practice", o.practice, "open on the practice tab: exercises worked out by hand");
  app.add_option("--seed", seed,
                 "the practice set (implies --practice; default: from the clock); with --monkey, the monkey's seed");
  app.add_option("--lang", o.lang, "en or es (default: from LC_ALL, LC_MESSAGES or LANG)");
  app.add_option("--monkey", o.monkey, "take N random user actions, checking the document after each; exit 1 if one breaks");
  app.add_option("--monkey-out", o.monkey_out, "where a failing --monkey writes the script that reproduces it");
  app.add_flag("--monkey-log", o.monkey_log, "print every --monkey action on stderr before taking it");
  // For the tests of the failure report only; not in --help.
  app.add_option("--break-at", o.break_at, "")->group("");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    parsed.exit_code = app.exit(e);
    return parsed;
  } catch (const CLI::ParseError& e) {
    parsed.exit_code = Fail(e.what());
    return parsed;
  }
  o.preset_given = app.count("--preset") > 0;
  o.step_given = app.count("--step") > 0;
  if (app.count("--seed") > 0) o.seed = seed;
  if (std::sscanf(size.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 320 || o.height < 240 ||
      o.width > 7680 || o.height > 4320) {
    parsed.exit_code = Fail("--size must be WIDTHxHEIGHT, from 320x240 to 7680x4320");
    return parsed;
  }
  if (o.monkey < 0) {
    parsed.exit_code = Fail("--monkey takes a number of actions");
    return parsed;
  }
  if (o.monkey > 0 && (!o.script.empty() || !o.screenshot.empty() || o.bench_frames > 0)) {
    parsed.exit_code = Fail("--monkey runs alone: not with --script, --screenshot or --bench-frames");
    return parsed;
  }
  return parsed;
}

std::string ApplyAppearanceOptions(const Options& options, Appearance* a) {
  if (!options.theme.empty() && !ThemeFromName(options.theme, &a->theme)) {
    return "--theme must be dark, light or contrast";
  }
  if (!options.palette.empty() && !PaletteFromName(options.palette, &a->palette)) {
    return "--palette must be viridis or cividis";
  }
  if (options.text_size != 0) {
    if (options.text_size < kTextPercentMin || options.text_size > kTextPercentMax) {
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
      for (const PanelName& p : kPanelNames) {
        if (name == p.name) a->panels.*p.shown = known = true;
      }
      if (!known) return "--panels takes parameters, input, kernels, output, arithmetic, output_size";
    }
  }
  return "";
}

}  // namespace convstep
