// convstep: the window. Opens on the lecture's Ejemplo 1 (or the FILE given)
// and animates the convolution step by step. Headless modes render
// screenshots, time frames, run scripted interactions and the monkey tester.
//
// main() only strings the stages together: the command line (options.h),
// the language, the session and the view (startup.h), the window, and the
// run mode (run_modes.h).
#include <iostream>
#include <string>

#include "app/shell/options.h"
#include "app/shell/run_modes.h"
#include "app/shell/shell.h"
#include "app/shell/startup.h"
#include "app/widgets/grid_view.h"

int main(int argc, char** argv) {
  using namespace convstep;
  const ParsedOptions parsed = ParseOptions(argc, argv);
  if (parsed.exit_code) return *parsed.exit_code;
  const Options& options = parsed.options;
  if (const std::string problem = StartLanguage(options); !problem.empty()) return Fail(problem);

  AppState state;
  std::string file;
  if (const std::string problem = StartSession(state, options, &file); !problem.empty()) return Fail(problem);
  Result<Settings> settings = StartView(state, options);
  if (!settings) return Fail(settings.error());

  Result<std::unique_ptr<gfx::Window>> window = OpenWindow(options, state);
  if (!window) {
    std::cerr << "convstep: " << window.error() << "\n";
    return 1;
  }
  if ((*window)->font_fallback()) {
    std::cerr << "convstep: warning: the DejaVu fonts are missing from " CONVSTEP_FONT_DIR
                 " (install fonts-dejavu-core); using ImGui's font\n";
  }
  int status = 0;
  {
    Shell shell{**window, state, {}, {}, {}, {}};
    shell.title.Loaded(state, file);
    status = Run(shell, options, *settings);
  }
  ReleaseGridTextures();
  return status;
}
