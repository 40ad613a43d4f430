#include "app/shell/shell.h"

#include <cmath>

#include "app/shell/keyboard.h"
#include "app/shell/layout.h"
#include "app/state/document.h"
#include "app/state/export_job.h"
#include "app/state/network_actions.h"
#include "app/widgets/grid_view.h"
#include "imgui.h"

namespace convstep {

namespace {

// The "##views" window's content region (the tabs and the tab's panels, not
// the menu bar, the controls bar, the parameters or the status line) in the
// captured picture's pixels, for a GIF to keep. A second Begin of a window
// drawn this frame appends to it without changing it, as ImGui documents,
// so its geometry is read through the public API. Until the layout
// publishes the tab's content rectangle itself.
ExportCrop ViewsContentRect(float scale) {
  ImGui::Begin("##views");
  const ImVec2 origin(ImGui::GetWindowPos().x - ImGui::GetMainViewport()->Pos.x,
                      ImGui::GetWindowPos().y - ImGui::GetMainViewport()->Pos.y);
  const ImVec2 min = ImGui::GetWindowContentRegionMin();
  const ImVec2 max = ImGui::GetWindowContentRegionMax();
  ImGui::End();
  const auto pixels = [scale](float v) { return static_cast<int>(std::lround(v * scale)); };
  const int x = pixels(origin.x + min.x);
  const int y = pixels(origin.y + min.y);
  return {x, y, pixels(origin.x + max.x) - x, pixels(origin.y + max.y) - y};
}

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
  // The keys see where last frame's grids were (+ over a grid zooms it).
  if (!exporting && HandleKeyboard(state)) window.RequestClose();
  ClearGridPlacements();
  DrawLayout(state);
  if (!exporting) {
    shell.sound.Service(state);
    shell.microphone.Service(state);
    ServiceTraining(state);
    ServiceTestSet(state);
  }
  // The state asks for the clipboard; only the shell talks to the system's.
  if (!state.view.clipboard_out.empty()) {
    ImGui::SetClipboardText(state.view.clipboard_out.c_str());
    state.view.clipboard_out.clear();
  }
  window.SetTitle(shell.title.Update(state));
  if (state.view.export_job) {
    state.view.export_job->crop = ViewsContentRect(ExportScale(*state.view.export_job));
  }
  window.Render();
  if (exporting) CaptureExportFrame(window, state);
}

}  // namespace convstep
