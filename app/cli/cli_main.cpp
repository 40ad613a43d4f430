// convstep-cli: the core on the command line. JSON in (a path or - for
// stdin), JSON out on stdout. Any bad input gives exit code 2 and exactly one
// line on stderr, and nothing on stdout.
#include <exception>
#include <iostream>
#include <new>

#include "app/cli/command.h"

namespace {

int Fail(const std::string& message) {
  std::cerr << "convstep-cli: error: " << message << "\n";
  return 2;
}

std::string CommandNames(CLI::App& app) {
  std::string names;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"convstep-cli: step-by-step convolutions, pooling, model summaries, networks and spectrograms as JSON"};
  app.require_subcommand(1);
  convstep::cli::CommandRun run;
  convstep::cli::AddAudioCommands(app, &run);
  convstep::cli::AddConvCommands(app, &run);
  convstep::cli::AddConv1dCommands(app, &run);
  convstep::cli::AddDimsCommand(app, &run);
  convstep::cli::AddGridCommand(app, &run);
  convstep::cli::AddNnCommands(app, &run);
  convstep::cli::AddPoolCommands(app, &run);
  convstep::cli::AddSummaryCommand(app, &run);
  convstep::cli::AddTrainCommand(app, &run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (app.get_subcommands().empty() && argc > 1 && argv[1][0] != '-') {
      return Fail("unknown command '" + std::string(argv[1]) + "': use one of " + CommandNames(app));
    }
    return Fail(e.what());
  }
  try {
    convstep::Result<std::string> out = run();
    if (!out) return Fail(out.error());
    std::cout << *out;
    std::cout.flush();
    return std::cout ? 0 : Fail("cannot write the result to standard output");
  } catch (const std::bad_alloc&) {
    return Fail("out of memory: the input is too large");
  } catch (const std::exception& e) {
    return Fail(e.what());
  }
}
