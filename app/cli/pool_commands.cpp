// convstep-cli pool2d SPEC and convstep-cli conv_transpose2d SPEC.
#include <memory>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "core/conv/conv_transpose2d.h"
#include "core/conv/pool2d.h"
#include "core/formats/spec_json.h"
#include "core/teach/step_text.h"

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

// One step: where the window is, its taps, the value and the arithmetic a
// student writes ("max(1, 3, 2, 6) = 6").
Json PoolStepJson(const PoolStep& step, PoolMode mode) {
  Json taps = Json::array();
  for (const PoolTap& t : step.taps) {
    taps.push_back({{"y", t.y}, {"x", t.x}, {"input", t.input}, {"in_padding", t.in_padding}});
  }
  // Counted from 1, as --step is (and the window's counter).
  Json j = {{"step", step.step + 1},           {"total_steps", step.total_steps}, {"channel", step.channel},
            {"out_y", step.out_y},         {"out_x", step.out_x},             {"window_top", step.window_top},
            {"window_left", step.window_left}, {"taps", std::move(taps)},     {"value", step.value},
            {"arithmetic", PoolArithmetic(step, mode)}};
  if (mode == PoolMode::kMax) j["argmax"] = step.argmax;
  else j["divisor"] = step.divisor;
  return j;
}

}  // namespace

void AddPoolCommands(CLI::App& app, CommandRun* run) {
  auto pool_path = std::make_shared<std::string>();
  auto pool_step = std::make_shared<long long>(0);
  CLI::App* pool = app.add_subcommand("pool2d", "Max or average pooling: output, and argmax for max");
  pool->add_option("SPEC", *pool_path, "spec JSON file, or - for stdin")->required();
  CLI::Option* step_given = pool->add_option(
      "--step", *pool_step,
      "print that step's window and arithmetic instead; from 1, the step convstep --tab pooling --step K shows");
  pool->callback([run, pool_path, pool_step, step_given] {
    const bool one_step = step_given->count() > 0;
    *run = [pool_path, pool_step, one_step]() -> Result<std::string> {
      Result<Json> json = ReadJsonArgument(*pool_path);
      if (!json) return Error{json.error()};
      Result<Pool2dSpec> spec = Pool2dSpecFromJson(*json);
      if (!spec) return Error{spec.error()};
      Result<Pool2dStepper> stepper = Pool2dStepper::Create(std::move(spec).value());
      if (!stepper) return Error{stepper.error()};
      if (one_step) {
        const int total = stepper->TotalSteps();
        if (*pool_step < 1 || *pool_step > total) {
          return Error{"step " + std::to_string(*pool_step) + " is out of range: this pooling has " +
                       std::to_string(total) + " steps, 1 to " + std::to_string(total)};
        }
        return Print(PoolStepJson(stepper->Step(static_cast<int>(*pool_step) - 1), stepper->geometry().mode));
      }
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
