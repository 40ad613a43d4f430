// Runs a program (the CLI or the terminal walk-through) as a subprocess, the
// way a user's shell would, and captures what it printed.
#pragma once

#include <string>
#include <vector>

namespace convstep::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when the process died of a signal
  std::string out;
  std::string err;
};

// A path in the test temp folder that no other test uses, even when ctest
// runs tests in parallel: the running test's name is part of it.
std::string TestTempPath(const std::string& name);

// `stdin_text` is fed to the program's standard input.
ProcessResult RunProcess(const std::vector<std::string>& args, const std::string& stdin_text = "");

}  // namespace convstep::testing
