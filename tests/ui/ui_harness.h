// What every test of the real window needs: the window run on a private Xvfb
// server, a script run through it, and the state it dumped.
#pragma once

#include <string>
#include <vector>

#include "core/formats/spec_json.h"
#include "tests/support/process.h"

namespace convstep {

// Runs the window (CONVSTEP_WINDOW) with `args` on the tests' X server, in
// the locale `lang` ($LANG, with $LC_ALL and $LC_MESSAGES unset): "C" by
// default, so that the window speaks English whatever the machine's locale.
testing::ProcessResult Window(std::vector<std::string> args, const std::string& lang = "C");
// The same on a 1920×1080 X server: the projector's full-HD screen, for
// presentation mode at that size.
testing::ProcessResult WindowOnFullHd(std::vector<std::string> args);

// A JSON file; a test failure (and null) if it does not parse.
Json ReadJsonFile(const std::string& path);

// Runs `script` (--script) and returns the state dumped after it
// (--dump-state); `name` keeps the files of parallel tests apart.
Json RunScript(const std::string& name, const Json& script, const std::vector<std::string>& extra = {});

// A picture the window wrote, as 8-bit RGBA.
struct Image {
  int w = 0;
  int h = 0;
  std::vector<unsigned char> rgba;
  const unsigned char* At(int x, int y) const { return &rgba[(static_cast<size_t>(y) * w + x) * 4]; }
};

// A PNG (or any picture stb_image reads); a test failure and an empty image
// if it cannot be read.
Image ReadPng(const std::string& path);

}  // namespace convstep
