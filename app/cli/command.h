// What every convstep-cli subcommand shares: it registers itself on the app
// and leaves behind a function that does the work once arguments are parsed.
// The work returns the text for stdout, or an Error that main() turns into
// one line on stderr and exit code 2.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/base/result.h"

namespace convstep::cli {

using CommandRun = std::function<Result<std::string>()>;

void AddAudioCommands(CLI::App& app, CommandRun* run);
void AddConvCommands(CLI::App& app, CommandRun* run);
void AddConv1dCommands(CLI::App& app, CommandRun* run);
void AddDimsCommand(CLI::App& app, CommandRun* run);
void AddGridCommand(CLI::App& app, CommandRun* run);
void AddNnCommands(CLI::App& app, CommandRun* run);
void AddPoolCommands(CLI::App& app, CommandRun* run);
void AddSummaryCommand(CLI::App& app, CommandRun* run);
void AddTrainCommand(CLI::App& app, CommandRun* run);

}  // namespace convstep::cli
