// One function per panel, one panel per file. Each draws into the region
// the layout gives it (the current ImGui window or child) from the AppState,
// and changes the session only through AppState's Try*/Set* functions.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/state/app_state.h"
#include "app/widgets/cell_editor.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "imgui.h"

namespace convstep {

void DrawControlsPanel(AppState& state);     // play, step, speed, timeline
// Whether the controls' full form (buttons, step, speed, glide, visits,
// then the timeline) fits `width`; if not the layout goes compact.
bool ControlsFitOneRow(const AppState& state, float width);
void DrawParametersPanel(AppState& state);   // kernel, stride, padding, dilation, filters, ...
void DrawInputPanel(AppState& state);        // the channels, padding ring, window, visits
void DrawKernelsPanel(AppState& state);      // every filter's channel slices and bias
void DrawArithmeticPanel(AppState& state);   // the current step written out
void DrawOutputPanel(AppState& state);       // the feature maps filling in
void DrawSignalInputPanel(AppState& state);  // a 1-D input as waveforms, the window sliding along
void DrawSignalOutputPanel(AppState& state); // a 1-D output as waveforms on the input's time axis
void DrawPlayControls(AppState& state);      // play the sound or the window's stretch, stop, volume
// What the grid panels need, for the layout to give them room.
GridSet InputGridSet(const AppState& state);
GridSet KernelsGridSet(const AppState& state);
GridSet OutputGridSet(const AppState& state);
// The arithmetic panel's text for the current step, written out once for
// the layout, which asks its height at many widths (a step of 64 channels
// is some 1,700 numbers to format).
class ArithmeticText {
 public:
  explicit ArithmeticText(const AppState& state);
  // Its height at `width`: all its lines, or (least) its title and the
  // pinned total.
  float Height(float width, bool least) const;

 private:
  std::vector<std::string> body_;    // the window line, then one per channel
  std::vector<std::string> footer_;  // the total, the activation
  mutable std::vector<std::pair<float, float>> full_;   // width → height, all lines
  mutable std::vector<std::pair<float, float>> least_;  // width → height, the least
};
void DrawOutputSizePanel(AppState& state);   // (N - F + 2P)/S + 1 with the numbers in
void DrawPoolingPanel(AppState& state);      // max/average pooling, its own stepper
void DrawMatrixPanel(AppState& state);       // im2col: patches, weights, product
void DrawSummaryPanel(AppState& state);      // the Keras model summary and its layers
void DrawNetworkPanel(AppState& state);      // a trained network on one picture, layer by layer
// The Network tab's columns: the picture (and the canvas), the layers'
// maps `height` tall, the class probabilities and the softmax.
void DrawNetworkInputPanel(AppState& state, float width);
void DrawNetworkLayersPanel(AppState& state, float height);
void DrawNetworkClassesPanel(AppState& state, float width);
void DrawNetworkTrainingPanel(AppState& state);  // train on Fashion-MNIST, with live curves
// The Network tab's Test set page: the confusion matrix, its pictures, the
// first layer's filters and the pictures that excite each most.
void DrawNetworkTestSetPanel(AppState& state);
void DrawReceptiveField(const AppState& state);  // a sequence model's last output traced back through its 1-D layers
void DrawPracticePanel(AppState& state);     // exercises from a seed, worked by hand, with a score
void DrawStatusLine(AppState& state);        // the last problem or news, undo and redo
void DrawStepCounter(AppState& state);       // presentation mode: the step in large type
ImVec2 StepCounterSize();                    // the room the counter takes
void DrawViewMenu(AppState& state);          // theme, palette, text size, presentation, panels
void DrawMenuBar(AppState& state);           // File and Presets (in a window with a menu bar), and the file dialog
void DrawPasteDialog(AppState& state);       // a paste of another size: resize or top-left
void DrawImageImportDialog(AppState& state); // a picture's grid options, with a preview
void DrawSoundImportDialog(AppState& state); // a sound as a waveform or spectrogram, with a preview
void DrawRecordingDialog(AppState& state);   // the microphone recording: time, level, Stop
void DrawHelpOverlay(AppState& state);       // every keyboard shortcut (F1 or ?)
void DrawExportProgressDialog(AppState& state);  // an export being written: frame k of n, Cancel
// The File menu's actions, shared with the keyboard (Ctrl+O, Ctrl+S).
void ShowOpenDialog(AppState& state);
// The same dialog for a photograph alone (the Network tab's canvas).
void ShowOpenPhotoDialog(AppState& state);
void SaveOrAsk(AppState& state);

// After DrawGrid of an editable grid: opens the cell editor on a click (when
// `editable(y, x)`), draws it when it belongs to this grid, and hands a typed
// value to `commit(y, x, value)`, which changes the document.
template <typename Editable, typename Value, typename Commit>
void EditGridCells(AppState& state, const std::string& grid, const GridHit& hit, Editable editable, Value value,
                   Commit commit);

template <typename Editable, typename Value, typename Commit>
void EditGridCells(AppState& state, const std::string& grid, const GridHit& hit, Editable editable, Value value,
                   Commit commit) {
  if (hit.clicked) state.view.selected_grid = grid;
  if (hit.clicked && editable(hit.y, hit.x)) state.view.editing = StartCellEdit(grid, hit.y, hit.x, value(hit.y, hit.x));
  if (!state.view.editing || state.view.editing->grid != grid) return;
  const auto placement = GridPlacements().find(grid);
  if (placement == GridPlacements().end()) return;
  CellEdit& edit = *state.view.editing;
  const CellEditResult r = DrawCellEditor(edit, placement->second);
  if (r.action == CellEditResult::Action::kCancel) {
    if (!r.error.empty()) state.SetStatus(r.error, true);
    state.view.editing.reset();
  } else if (r.action == CellEditResult::Action::kCommit) {
    const int y = edit.y;
    const int x = edit.x;
    commit(y, x, r.value);
    const int ny = y + r.move_y;
    const int nx = x + r.move_x;
    if ((r.move_y != 0 || r.move_x != 0) && ny >= 0 && nx >= 0 && ny < placement->second.rows &&
        nx < placement->second.cols && editable(ny, nx)) {
      state.view.editing = StartCellEdit(grid, ny, nx, value(ny, nx));
    } else {
      state.view.editing.reset();
    }
  }
}

}  // namespace convstep
