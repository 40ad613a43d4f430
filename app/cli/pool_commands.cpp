// convstep-cli pool2d SPEC and convstep-cli conv_transpose2d SPEC.
#include <memory>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "core/conv/conv_transpose2d.h"
#include "core/conv/pool2d.h"
#include "core/formats/spec_json.h"

namespace convstep::cli {

namespace {

// The argmax as [C][H_out][W_out], nested like the output it belongs to.
Json ArgmaxJson(const Pool2dStepper& stepper) {
  const Tensor3& out = stepper.Output();
  Json channels = Json::array();
  for (int c = 0; c < out.c; ++c) {
    Json rows = Json::array();
    for (int y = 0; y < out.h; ++y) {
      Json row = Json::array();
      for (int x = 0; x < out.w; ++x) row.push_back(stepper.Argmax()[out.Index(c, y, x)]);
      rows.push_back(std::move(row));
    }
    channels.push_back(std::move(rows));
  }
  return channels;
}

}  // namespace

void AddPoolCommands(CLI::App& app, CommandRun* run) {
  auto pool_path = std::make_shared<std::string>();
  CLI::App* pool = app.add_subcommand("pool2d", "Max or average pooling: output, and argmax for max");
  pool->add_option("SPEC", *pool_path, "spec JSON file, or - for stdin")->required();
  pool->callback([run, pool_path] {
    *run = [pool_path]() -> Result<std::string> {
      Result<Json> json = ReadJsonArgument(*pool_path);
      if (!json) return Error{json.error()};
      Result<Pool2dSpec> spec = Pool2dSpecFromJson(*json);
      if (!spec) return Error{spec.error()};
      Result<Pool2dStepper> stepper = Pool2dStepper::Create(std::move(spec).value());
      if (!stepper) return Error{stepper.error()};
      const Tensor3& out = stepper->Output();
      Json result = {{"output_shape", {out.c, out.h, out.w}}, {"output", ToJson(out)}};
      if (stepper->geometry().mode == PoolMode::kMax) result["argmax"] = ArgmaxJson(*stepper);
      return Print(result);
    };
  });

  auto transpose_path = std::make_shared<std::string>();
  CLI::App* transpose = app.add_subcommand("conv_transpose2d", "Transposed convolution: output");
  transpose->add_option("SPEC", *transpose_path, "spec JSON file, or - for stdin")->required();
  transpose->callback([run, transpose_path] {
    *run = [transpose_path]() -> Result<std::string> {
      Result<Json> json = ReadJsonArgument(*transpose_path);
      if (!json) return Error{json.error()};
      Result<ConvTranspose2dSpec> spec = ConvTranspose2dSpecFromJson(*json);
      if (!spec) return Error{spec.error()};
      Result<Tensor3> out = ConvTranspose2d(*spec);
      if (!out) return Error{out.error()};
      return Print({{"output_shape", {out->c, out->h, out->w}}, {"output", ToJson(*out)}});
    };
  });
}

}  // namespace convstep::cli
