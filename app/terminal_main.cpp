// convstep, until the window lands: walks through a convolution in the
// terminal, step by step, the way the lecture's Ejemplo 1 slide does.
#include <cstdio>
#include <iostream>
#include <string>

#include "app/cli/spec_input.h"
#include "core/spec_json.h"
#include "core/step_text.h"
#include "core/stepper.h"

namespace {

void PrintVisits(const convstep::ConvStepper& stepper) {
  const convstep::Conv2dGeometry& g = stepper.geometry();
  std::cout << "Visits per padded position (0 = never reached, dropped):\n";
  for (int py = 0; py < g.padded_h; ++py) {
    for (int px = 0; px < g.padded_w; ++px) std::cout << ' ' << stepper.VisitsAt(py, px) << 'x';
    std::cout << '\n';
  }
}

void PrintOutput(const convstep::Tensor3& out) {
  for (int c = 0; c < out.c; ++c) {
    std::cout << "Output channel " << c << ":\n";
    for (int y = 0; y < out.h; ++y) {
      for (int x = 0; x < out.w; ++x) std::printf(" %6s", convstep::FormatValue(out.at(c, y, x)).c_str());
      std::printf("\n");
    }
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : CONVSTEP_DEFAULT_SPEC;
  convstep::Result<convstep::Json> json = convstep::cli::ReadJsonArgument(path);
  if (!json) {
    std::cerr << "convstep: " << json.error() << "\n";
    return 2;
  }
  convstep::Result<convstep::Conv2dSpec> spec = convstep::Conv2dSpecFromJson(*json);
  if (!spec) {
    std::cerr << "convstep: " << spec.error() << "\n";
    return 2;
  }
  convstep::Result<convstep::ConvStepper> stepper = convstep::ConvStepper::Create(*spec);
  if (!stepper) {
    std::cerr << "convstep: " << stepper.error() << "\n";
    return 2;
  }
  const convstep::Conv2dGeometry& g = stepper->geometry();
  std::cout << "Input " << g.in_channels << "x" << g.in_h << "x" << g.in_w << ", " << g.out_channels
            << " filter(s) of " << g.kernel_h << "x" << g.kernel_w << "x" << g.in_per_group
            << ", padding [" << g.padding.top << ", " << g.padding.bottom << ", " << g.padding.left
            << ", " << g.padding.right << "], stride " << g.stride.h << "x" << g.stride.w << "\n";
  std::cout << "Output height: " << convstep::ExplainAxisSize(g.axis_h, "row") << "\n";
  std::cout << "Output width:  " << convstep::ExplainAxisSize(g.axis_w, "column") << "\n";
  std::cout << "Output shape " << g.out_h << "x" << g.out_w << "x" << g.out_channels << ", "
            << stepper->TotalSteps() << " steps\n\n";
  for (int k = 0; k < stepper->TotalSteps(); ++k) {
    const convstep::ConvStep s = stepper->Step(k);
    std::cout << "Step " << k + 1 << " of " << s.total_steps << ": filter " << s.out_channel
              << ", output (" << s.out_y << ", " << s.out_x << "), window at padded (" << s.window_top
              << ", " << s.window_left << ")\n";
    const std::vector<std::string> lines = convstep::ChannelArithmetic(s);
    for (size_t i = 0; i < lines.size(); ++i) {
      std::cout << "  channel " << s.channels[i] << ": " << lines[i] << "\n";
    }
    std::cout << "  " << convstep::TotalArithmetic(s) << "\n";
  }
  std::cout << "\n";
  PrintOutput(stepper->Output());
  PrintVisits(*stepper);
  return 0;
}
