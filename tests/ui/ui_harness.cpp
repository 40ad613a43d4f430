#include "tests/ui/ui_harness.h"

#include <gtest/gtest.h>
#include <stb/stb_image.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/support/xvfb.h"

namespace convstep {

// Runs the window on a private X server, the way a headless user would.
// Under the sanitizer build, leak checking is off for the window alone: Mesa's
// software driver leaks at exit and is unloaded before LeakSanitizer reports,
// so its leaks cannot be suppressed by name. The core's leaks are checked by
// the core and CLI tests.
namespace {

testing::ProcessResult WindowOn(const testing::Xvfb& server, const std::vector<std::string>& args,
                                const std::string& lang) {
  EXPECT_FALSE(server.display().empty()) << "Xvfb did not start";
  const char* asan = std::getenv("ASAN_OPTIONS");
  const std::string asan_options = std::string(asan != nullptr ? asan : "") + ":detect_leaks=0";
  std::vector<std::string> full{"env",           "-u", "LC_ALL", "-u", "LC_MESSAGES", "LANG=" + lang,
                                "DISPLAY=" + server.display(), "ASAN_OPTIONS=" + asan_options, CONVSTEP_WINDOW};
  full.insert(full.end(), args.begin(), args.end());
  return testing::RunProcess(full);
}

}  // namespace

testing::ProcessResult Window(std::vector<std::string> args, const std::string& lang) {
  static const testing::Xvfb server;
  return WindowOn(server, args, lang);
}

testing::ProcessResult WindowOnFullHd(std::vector<std::string> args) {
  static const testing::Xvfb server("1920x1080x24");
  return WindowOn(server, args, "C");
}

Json ReadJsonFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  Result<Json> j = ParseJson(text.str());
  EXPECT_TRUE(j.ok()) << path;
  return j ? *j : Json();
}

Json RunScript(const std::string& name, const Json& script, const std::vector<std::string>& extra) {
  const std::string script_path = testing::TestTempPath(name + ".json");
  const std::string dump_path = testing::TestTempPath(name + "_state.json");
  std::ofstream(script_path) << script.dump();
  std::vector<std::string> args{"--script", script_path, "--dump-state", dump_path};
  args.insert(args.end(), extra.begin(), extra.end());
  const testing::ProcessResult r = Window(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return ReadJsonFile(dump_path);
}

Image ReadPng(const std::string& path) {
  Image img;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &img.w, &img.h, &channels, 4);
  EXPECT_NE(data, nullptr) << path;
  if (data == nullptr) return img;
  img.rgba.assign(data, data + static_cast<size_t>(img.w) * img.h * 4);
  stbi_image_free(data);
  return img;
}

}  // namespace convstep
