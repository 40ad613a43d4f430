// convstep-cli summary MODEL [--json]: Keras's model.summary() table for a
// model object {"input_shape": [H, W, C], "layers": [...]}.
#include <memory>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "core/formats/model_json.h"
#include "core/nn/model_summary.h"

namespace convstep::cli {

namespace {

struct SummaryArgs {
  std::string path;
  bool json = false;
};

}  // namespace

void AddSummaryCommand(CLI::App& app, CommandRun* run) {
  auto args = std::make_shared<SummaryArgs>();
  CLI::App* summary = app.add_subcommand("summary", "Keras's model summary: output shapes and parameter counts");
  summary->add_option("MODEL", args->path, "model JSON file ({\"input_shape\", \"layers\"}), or - for stdin")
      ->required();
  summary->add_flag("--json", args->json,
                    "print {\"layers\": [{\"type\", \"output_shape\", \"params\"}], \"total_params\", "
                    "\"trainable_params\", \"non_trainable_params\"}");
  summary->callback([run, args] {
    *run = [args]() -> Result<std::string> {
      Result<Json> json = ReadJsonArgument(args->path);
      if (!json) return Error{json.error()};
      Result<Model> model = ModelFromJson(*json);
      if (!model) return Error{model.error()};
      Result<ModelSummary> result = SummarizeModel(*model);
      if (!result) return Error{result.error()};
      return args->json ? Print(ToJson(*result)) : FormatKerasSummary(*result);
    };
  });
}

}  // namespace convstep::cli
