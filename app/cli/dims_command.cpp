// convstep-cli dims --n N --f F [--p P] [--s S] [--d D] [--json]
#include <memory>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "core/conv/conv_spec.h"
#include "core/conv/output_size.h"

namespace convstep::cli {

namespace {

struct DimsArgs {
  int n = 0;
  int f = 0;
  int p = 0;
  int s = 1;
  int d = 1;
  bool json = false;
};

}  // namespace

void AddDimsCommand(CLI::App& app, CommandRun* run) {
  auto args = std::make_shared<DimsArgs>();
  CLI::App* dims = app.add_subcommand("dims", "The output size (N - F + 2P)/S + 1, explained");
  dims->add_option("--n", args->n, "input size N")->required();
  dims->add_option("--f", args->f, "kernel size F")->required();
  dims->add_option("--p", args->p, "padding P on each side (default 0)");
  dims->add_option("--s", args->s, "stride S (default 1)");
  dims->add_option("--d", args->d, "dilation d (default 1)");
  dims->add_flag("--json", args->json, "print {\"output\", \"exact\", \"unvisited_tail\"}");
  dims->callback([run, args] {
    *run = [args]() -> Result<std::string> {
      const DimsArgs& a = *args;
      if (a.n < 1) return Error{"N must be at least 1"};
      if (a.f < 1) return Error{"F must be at least 1"};
      if (a.p < 0) return Error{"P must not be negative"};
      if (a.s < 1) return Error{"stride must be at least 1"};
      if (a.d < 1) return Error{"dilation must be at least 1"};
      if (a.n + 2LL * a.p > kMaxSide || a.f > kMaxSide || a.d > kMaxSide) {
        return Error{"sizes above " + std::to_string(kMaxSide) + " are not supported"};
      }
      const AxisSize axis = ComputeAxisSize(a.n, a.f, a.p, a.p, a.s, a.d);
      if (a.json) {
        Json tail = axis.unvisited_tail ? Json(*axis.unvisited_tail) : Json(nullptr);
        return Print({{"output", axis.output}, {"exact", axis.exact}, {"unvisited_tail", tail}});
      }
      return ExplainAxisSize(axis, "row") + "\n";
    };
  });
}

}  // namespace convstep::cli
