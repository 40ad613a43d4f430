// Running convstep-cli in tests, and the contract every command keeps on bad
// input: exit code 2, one line on stderr naming the problem, nothing on stdout.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/process.h"

namespace convstep::testing {

// convstep-cli with `args`, `stdin_text` on its standard input.
ProcessResult Cli(const std::vector<std::string>& args, const std::string& stdin_text = "");

void ExpectCleanFailure(const ProcessResult& r, const std::string& should_mention);

// A successful run: exit code 0, nothing on stderr, and JSON on stdout
// (returned; null when it is not JSON).
nlohmann::json ExpectJsonOutput(const ProcessResult& r);

}  // namespace convstep::testing
