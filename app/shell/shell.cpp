#include "app/shell/shell.h"

#include "app/shell/keyboard.h"
#include "app/shell/layout.h"
#include "app/state/document.h"
#include "app/state/export_job.h"
#include "app/widgets/grid_view.h"
#include "imgui.h"

namespace convstep {

namespace {

// The frame just drawn, drawn again offscreen at the export's scale, goes to
// the export; Cancel in the progress dialog ends it instead.
void CaptureExportFrame(gfx::Window& window, AppState& state) {
  if (state.view.export_job->cancel_requested) return StopExport(state);
  Result<gfx::CapturedFrame> frame = window.RenderCapture(ExportScale(*state.view.export_job));
  if (!frame) return StopExport(state, frame.error());
  WriteExportFrame(state, frame->width, frame->height, frame->rgba.data());
}

}  // namespace

void DrawFrame(Shell& shell, const gfx::InjectedInput* input) {
  gfx::Window& window = shell.window;
  AppState& state = shell.state;
  // While an export runs, every frame shows the step it captures next, and
  // nothing else may change the step or the document: dropped files wait,
  // keys go to the (modal) progress dialog only.
  const bool exporting = state.view.export_job.has_value();
  if (!exporting) {
    for (const std::string& path : window.TakeDroppedPaths()) OpenPath(state, path);
  }
  shell.appearance.Apply(window, state.view.appearance);
  window.SetRasterScale(exporting ? ExportScale(*state.view.export_job) : 1.0f);
  if (exporting) ShowExportFrame(state);
  window.BeginFrame(input);
  ClearGridPlacements();
  if (!exporting && HandleKeyboard(state)) window.RequestClose();
  DrawLayout(state);
  // The state asks for the clipboard; only the shell talks to the system's.
  if (!state.view.clipboard_out.empty()) {
    ImGui::SetClipboardText(state.view.clipboard_out.c_str());
    state.view.clipboard_out.clear();
  }
  window.SetTitle(shell.title.Update(state));
  window.Render();
  if (exporting) CaptureExportFrame(window, state);
}

}  // namespace convstep
