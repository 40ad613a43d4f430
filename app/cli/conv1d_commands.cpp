// convstep-cli conv1d SPEC, trace1d SPEC --step K and pool1d SPEC: the 1-D
// convolution and pooling, run by the core as 2-D ones one row high.
#include <memory>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "core/conv/conv1d.h"
#include "core/conv/pool1d.h"
#include "core/formats/spec_json.h"

namespace convstep::cli {

namespace {

Result<Conv1dStepper> LoadConv1d(const std::string& path) {
  Result<Json> json = ReadJsonArgument(path);
  if (!json) return Error{json.error()};
  Result<Conv1dSpec> spec = Conv1dSpecFromJson(*json);
  if (!spec) return Error{spec.error()};
  return Conv1dStepper::Create(std::move(spec).value());
}

Json Conv1dJson(const Conv1dStepper& stepper) {
  const Tensor2& out = stepper.Output();
  return {{"output_shape", {out.c, out.l}},
          {"output", ToJson(out)},
          {"padding", ToJson(stepper.padding())},
          {"padded_length", stepper.PaddedLength()},
          {"visits", stepper.Visits()},
          {"total_steps", stepper.TotalSteps()}};
}

Json Step1dJson(const ConvStep1d& s) {
  Json terms = Json::array();
  for (const StepTerm1d& t : s.terms) {
    terms.push_back({{"c", t.c}, {"x", t.x}, {"input", t.input}, {"weight", t.weight}, {"product", t.product}});
  }
  // Counted from 1, as trace's --step is (and the window's counter).
  return {{"step", s.step + 1},
          {"total_steps", s.total_steps},
          {"out_channel", s.out_channel},
          {"out_x", s.out_x},
          {"window_left", s.window_left},
          {"terms", std::move(terms)},
          {"channel_sums", s.channel_sums},
          {"bias", s.bias},
          {"value", s.value}};
}

// The argmax as [C][L_out], nested like the output it belongs to.
Json Argmax1dJson(const Pool1dStepper& stepper) {
  const Tensor2& out = stepper.Output();
  Json channels = Json::array();
  for (int c = 0; c < out.c; ++c) {
    Json row = Json::array();
    for (int x = 0; x < out.l; ++x) row.push_back(stepper.Argmax()[out.Index(c, x)]);
    channels.push_back(std::move(row));
  }
  return channels;
}

Result<std::string> RunPool1d(const std::string& path) {
  Result<Json> json = ReadJsonArgument(path);
  if (!json) return Error{json.error()};
  Result<Pool1dSpec> spec = Pool1dSpecFromJson(*json);
  if (!spec) return Error{spec.error()};
  Result<Pool1dStepper> stepper = Pool1dStepper::Create(std::move(spec).value());
  if (!stepper) return Error{stepper.error()};
  const Tensor2& out = stepper->Output();
  Json result = {{"output_shape", {out.c, out.l}}, {"output", ToJson(out)}};
  if (stepper->mode() == PoolMode::kMax) result["argmax"] = Argmax1dJson(*stepper);
  return Print(result);
}

}  // namespace

void AddConv1dCommands(CLI::App& app, CommandRun* run) {
  auto conv_path = std::make_shared<std::string>();
  CLI::App* conv = app.add_subcommand(
      "conv1d", "1-D convolution: output, resolved padding [left, right], padded length, visit counts, total steps");
  conv->add_option("SPEC", *conv_path, "spec JSON file, or - for stdin")->required();
  conv->callback([run, conv_path] {
    *run = [conv_path]() -> Result<std::string> {
      Result<Conv1dStepper> stepper = LoadConv1d(*conv_path);
      if (!stepper) return Error{stepper.error()};
      return Print(Conv1dJson(*stepper));
    };
  });

  auto trace_path = std::make_shared<std::string>();
  auto step = std::make_shared<long long>(1);
  CLI::App* trace = app.add_subcommand("trace1d", "One step of the 1-D convolution, every term written out");
  trace->add_option("SPEC", *trace_path, "spec JSON file, or - for stdin")->required();
  trace->add_option("--step", *step, "the step, from 1, filter by filter, left to right (as trace counts)")
      ->required();
  trace->callback([run, trace_path, step] {
    *run = [trace_path, step]() -> Result<std::string> {
      Result<Conv1dStepper> stepper = LoadConv1d(*trace_path);
      if (!stepper) return Error{stepper.error()};
      const int total = stepper->TotalSteps();
      if (*step < 1 || *step > total) {
        return Error{"step " + std::to_string(*step) + " is out of range: this convolution has " +
                     std::to_string(total) + " steps, 1 to " + std::to_string(total)};
      }
      return Print(Step1dJson(stepper->Step(static_cast<int>(*step) - 1)));
    };
  });

  auto pool_path = std::make_shared<std::string>();
  CLI::App* pool = app.add_subcommand("pool1d", "1-D max or average pooling: output, and argmax for max");
  pool->add_option("SPEC", *pool_path, "spec JSON file, or - for stdin")->required();
  pool->callback([run, pool_path] { *run = [pool_path] { return RunPool1d(*pool_path); }; });
}

}  // namespace convstep::cli
