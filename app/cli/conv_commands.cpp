// convstep-cli conv2d SPEC and convstep-cli trace SPEC --step K.
#include <memory>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "core/conv/im2col.h"
#include "core/conv/stepper.h"
#include "core/formats/spec_json.h"

namespace convstep::cli {

namespace {

Result<ConvStepper> LoadStepper(const std::string& path) {
  Result<Json> json = ReadJsonArgument(path);
  if (!json) return Error{json.error()};
  Result<Conv2dSpec> spec = Conv2dSpecFromJson(*json);
  if (!spec) return Error{spec.error()};
  return ConvStepper::Create(std::move(spec).value());
}

Json VisitsJson(const ConvStepper& stepper) {
  const Conv2dGeometry& g = stepper.geometry();
  Json rows = Json::array();
  for (int py = 0; py < g.padded_h; ++py) {
    Json row = Json::array();
    for (int px = 0; px < g.padded_w; ++px) row.push_back(stepper.VisitsAt(py, px));
    rows.push_back(std::move(row));
  }
  return rows;
}

// A rows x cols matrix stored row-major as nested lists.
Json MatrixJson(const std::vector<double>& values, int rows, int cols) {
  Json m = Json::array();
  for (int r = 0; r < rows; ++r) {
    const auto first = values.begin() + static_cast<std::ptrdiff_t>(r) * cols;
    m.push_back(std::vector<double>(first, first + cols));
  }
  return m;
}

Json StepJson(const ConvStep& s) {
  Json terms = Json::array();
  for (const StepTerm& t : s.terms) {
    terms.push_back({{"c", t.c}, {"y", t.y}, {"x", t.x}, {"input", t.input}, {"weight", t.weight},
                     {"product", t.product}});
  }
  // Counted from 1, as --step is (and the window's counter).
  return {{"step", s.step + 1},
          {"total_steps", s.total_steps},
          {"out_channel", s.out_channel},
          {"out_y", s.out_y},
          {"out_x", s.out_x},
          {"window_top", s.window_top},
          {"window_left", s.window_left},
          {"terms", std::move(terms)},
          {"channel_sums", s.channel_sums},
          {"bias", s.bias},
          {"value", s.value}};
}

}  // namespace

void AddConvCommands(CLI::App& app, CommandRun* run) {
  auto spec_path = std::make_shared<std::string>();
  CLI::App* conv = app.add_subcommand(
      "conv2d", "Convolve: output, resolved padding, padded shape, visit counts, total steps");
  conv->add_option("SPEC", *spec_path, "spec JSON file, or - for stdin")->required();
  conv->callback([run, spec_path] {
    *run = [spec_path]() -> Result<std::string> {
      Result<ConvStepper> stepper = LoadStepper(*spec_path);
      if (!stepper) return Error{stepper.error()};
      const Conv2dGeometry& g = stepper->geometry();
      const Tensor3& out = stepper->Output();
      return Print({{"output_shape", {out.c, out.h, out.w}},
                    {"output", ToJson(out)},
                    {"padding", ToJson(g.padding)},
                    {"padded_shape", {g.padded_h, g.padded_w}},
                    {"visits", VisitsJson(*stepper)},
                    {"total_steps", stepper->TotalSteps()}});
    };
  });

  auto im2col_path = std::make_shared<std::string>();
  CLI::App* im2col = app.add_subcommand(
      "im2col", "Convolution as a matrix product: patch matrix, weight matrix and their product");
  im2col->add_option("SPEC", *im2col_path, "spec JSON file, or - for stdin")->required();
  im2col->callback([run, im2col_path] {
    *run = [im2col_path]() -> Result<std::string> {
      Result<ConvStepper> stepper = LoadStepper(*im2col_path);
      if (!stepper) return Error{stepper.error()};
      const Im2Col m = BuildIm2Col(*stepper);
      return Print({{"rows", m.rows},
                    {"cols", m.cols},
                    {"patches", MatrixJson(m.patches, m.rows, m.cols)},
                    {"weights", MatrixJson(m.weights, m.filters, m.rows)},
                    {"product", MatrixJson(m.product, m.filters, m.cols)}});
    };
  });

  auto trace_path = std::make_shared<std::string>();
  auto step = std::make_shared<long long>(1);
  CLI::App* trace = app.add_subcommand("trace", "One step of the convolution, every term written out");
  trace->add_option("SPEC", *trace_path, "spec JSON file, or - for stdin")->required();
  trace->add_option("--step", *step,
                    "the step, from 1, filter by filter, row by row: the step convstep --step K shows")
      ->required();
  trace->callback([run, trace_path, step] {
    *run = [trace_path, step]() -> Result<std::string> {
      Result<ConvStepper> stepper = LoadStepper(*trace_path);
      if (!stepper) return Error{stepper.error()};
      const int total = stepper->TotalSteps();
      if (*step < 1 || *step > total) {
        return Error{"step " + std::to_string(*step) + " is out of range: this convolution has " +
                     std::to_string(total) + " steps, 1 to " + std::to_string(total)};
      }
      return Print(StepJson(stepper->Step(static_cast<int>(*step) - 1)));
    };
  });
}

}  // namespace convstep::cli
