// What the window shows: the Session (the document) and the ViewState (how
// it is looked at), plus what the core derives from the session. Panels read
// all of it; they change the session only through Commit (or the Try*/Set*
// helpers built on it), which validates first, so a bad edit leaves one
// message and the session as it was, and records the change for undo.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "app/state/appearance.h"
#include "app/state/cell_edit.h"
#include "app/state/export_job.h"
#include "app/state/file_dialog_state.h"
#include "app/state/grid_zoom.h"
#include "app/state/history.h"
#include "app/state/network_view.h"
#include "app/state/playback.h"
#include "app/state/practice_state.h"
#include "app/state/sound_import.h"
#include "app/state/sound_job.h"
#include "core/conv/im2col.h"
#include "core/formats/image_grid.h"
#include "core/conv/pool2d.h"
#include "core/conv/stepper.h"
#include "core/nn/model_summary.h"
#include "core/session/edits.h"
#include "core/session/session.h"

namespace convstep {

enum class Tab { kConvolution, kPooling, kMatrix, kSummary, kNetwork, kPractice };
// Every tab, in the tab bar's order.
inline constexpr Tab kAllTabs[] = {Tab::kConvolution, Tab::kPooling, Tab::kMatrix,
                                   Tab::kSummary,     Tab::kNetwork, Tab::kPractice};
const char* TabName(Tab tab);  // "convolution", "pooling", "matrix", "summary", "network", "practice"

// An input position: channel and padded coordinates.
struct InputCell {
  int c = 0;
  int y = 0;
  int x = 0;
};

// The fill tools' choices, kept while the window is open.
struct FillToolsState {
  int target = 0;  // 0 the input, 1 the kernels
  int range[2] = {0, 4};
  int seed = 1;
  int kernel_choice = 4;  // Sobel x
};

// The picture import dialog: its options and the preview they give, decoded
// again only when the picture or an option changes, and the picture's size
// (read from its header with the preview) that the preview's placement and
// the "picture's aspect" button use; 0×0 while unknown.
struct ImageImportState {
  ImageGridOptions options;
  std::string preview_path;
  ImageGridOptions preview_options;
  Result<Tensor3> preview = Error{""};
  int picture_width = 0;
  int picture_height = 0;
};

// The sound import dialog: its options, and the header of the sound it
// reads (read again only when the file changes) and the grid the options
// make of it (worked out again, off the UI thread, when an option changes).
struct SoundImportState {
  SoundImportOptions options;
  std::string info_path;
  Result<SoundFileInfo> info = Error{""};
  std::string preview_path;
  SoundImportOptions preview_options;
  Result<SoundInput> preview = Error{""};
  std::shared_ptr<SoundJob> job;  // the grid being worked out, if any
};

// A play button pressed: what to play (playback.h), for the shell's sound
// output to take up after the frame.
struct PlayOrder {
  PlayWhat what = PlayWhat::kSound;
  int filter = 0;
};

// File ▸ Record from the microphone: asked for, under way, stopped. The
// shell's microphone (app/shell/microphone.h) does the recording.
struct RecordingState {
  bool start = false;      // asked for this frame
  bool active = false;     // the microphone is on and the dialog open
  bool stop = false;       // Stop pressed: the recording goes to the sound import
  double seconds = 0;      // recorded so far
  double level = 0;        // the last 50 ms's loudest sample, 0 to 1
  double max_seconds = 5;  // it stops by itself here
};

struct ViewState {
  int step = 0;                // current step of the convolution
  bool playing = false;        // the active stepper advances by itself (see AppState::ActiveStep)
  float speed = 2.0f;          // steps per second, 0.5 to 20
  double play_clock = 0;       // seconds accumulated toward the next step
  bool glide = true;           // the window slides between positions
  int glide_from = 0;          // the step the window glides from
  float glide_t = 1.0f;        // 0 at glide_from, 1 at step
  bool show_visits = false;    // the visit-count heatmap over the input
  bool show_help = false;      // the keyboard shortcuts overlay (F1 or ?)
  Tab tab = Tab::kConvolution;
  bool tab_requested = false;  // `tab` was set from outside the tab bar: select it
  std::optional<OutputCell> hovered_output;  // set by the output panel this frame
  std::optional<InputCell> hovered_input;    // set by the input panel this frame
  int pool_step = 0;
  bool pool_from_conv = false;  // pool the convolution's output instead of the session's pool input
  std::optional<CellEdit> editing;  // the cell being typed into, if any
  std::string selected_grid = "input/0";  // where Ctrl+V pastes: the grid last clicked
  std::optional<Tensor3> pending_paste;   // a paste of another size, waiting for "resize or top-left"
  std::string pending_image;              // a picture waiting for the import options
  std::string pending_sound;              // a sound waiting for the import options
  std::string session_path;               // where Ctrl+S saves; empty until saved or opened
  FileDialog file_dialog;                 // Open, Save as and Export share one dialog
  enum class FileAction { kOpen, kSaveAs, kExportCsv, kExportTable, kExportFrames } file_action = FileAction::kOpen;
  int export_table = 0;  // with kExportTable: which table and format (see the File menu)
  ExportKind export_kind = ExportKind::kPng1x;  // with kExportFrames: PNG, GIF or PNG sequence
  std::optional<ExportJob> export_job;  // an export being written, one frame per frame drawn
  GifExportOptions gif_options;         // the next GIF's loop length and dithering
  FillToolsState fill_tools;
  ImageImportState image_import;
  SoundImportState sound_import;
  int summary_add_type = 0;     // the layer type the summary's "add" button adds
  Appearance appearance;        // theme, palette, text size, presentation, panels
  std::map<std::string, GridZoom> zoom;  // per grid name, e.g. "input/0"
  // Set by the layout each frame: the text is too large for the window's
  // width (or presentation mode is on), so the controls take one row and
  // the parameters open as a drawer (`parameters_open`).
  bool compact = false;
  bool parameters_open = false;
  uint32_t arith_unfolded = 0;  // bit c: channel c's long sum shows every product
  std::string clipboard_out;    // text for the system clipboard, handed over by the shell after the frame
  std::optional<PlayOrder> play_order;  // a play button pressed this frame
  bool stop_sound = false;              // the stop button pressed this frame
  float volume = 0.8f;                  // 0 to 1
  std::optional<double> playhead;       // while a sound plays: the time heard, on the input's axis
  RecordingState recording;
  NetworkViewState network;     // the Network tab's picture, canvas and selection
  std::string message;          // the status line: the last problem or news, until the next change
  bool message_is_error = false;
};

struct AppState {
  Session session;
  ViewState view;
  PracticeState practice;  // the practice tab: its set, score and answer, apart from the document

  // Derived from the session, rebuilt when it changes.
  std::optional<ConvStepper> conv;
  std::optional<Pool2dStepper> pool;
  std::optional<Im2Col> matrix;
  Result<ModelSummary> summary = Error{"no model"};
  int summary_bad_layer = -1;  // the first layer that cannot follow the previous one, or -1

  History history;
  int revision = 0;  // counts the session's changes, for the autosave

  // Replaces the whole session (a preset, a file) and forgets the undo
  // history. Fails, changing nothing, if any part of it is invalid.
  Result<bool> LoadSession(Session session);
  // A changed document: applied and recorded for undo if valid, else the
  // reason goes to the status line and nothing changes. Consecutive commits
  // with the same non-empty merge key are one undo step; `note` says what
  // the change did, for "Undid: filters 2 → 1".
  bool Commit(Session next, const std::string& merge_key, const EditNote& note);
  // An edit of the convolution (core/session/edits.h), committed; a refused
  // edit puts its reason in the status line.
  bool Edit(const Result<ConvEdit>& edit, const std::string& merge_key);
  bool TryPool(const Pool2dSpec& spec, const std::string& merge_key);
  void SetModel(const Model& model, const std::string& merge_key);
  void SetActivation(Activation activation);
  void SetPoolFromConv(bool on);
  void Undo();
  void Redo();
  void SetStatus(std::string text, bool is_error);

  // Moves to step k (clamped), gliding from the current step.
  void GoToStep(int k);
  void GoToPoolStep(int k);

  // The stepper that the controls bar, the keys and playback drive:
  // pooling's on its tab, the convolution's everywhere else.
  int ActiveStep() const;
  int ActiveTotal() const;
  void GoToActiveStep(int k);
  void TogglePlay();  // from the last step, playing starts over
  // The window's top-left corner in padded coordinates as drawn this frame:
  // between the previous and the current step while gliding.
  void GlidingWindow(float* top, float* left) const;
  // The network the Network tab shows: the session's own, else the one
  // that ships with the program.
  const Network& ActiveNetwork() const;
  // The forward pass of the Network tab's picture through it, worked out
  // again only when the picture or the network changes. Shared, so a panel
  // that holds it may change the document (a click that opens another tab)
  // and go on drawing what it has.
  std::shared_ptr<const NetworkRun> CurrentNetworkRun() const;

  // The output maps as shown: every value after the activation.
  Tensor3 ActivatedOutput() const;
  // One value of them.
  double ActivatedOutput(int c, int y, int x) const;

 private:
  // Validates `next` and, if it holds, makes it the session.
  bool Apply(Session next);
  void Summarize();

  mutable std::shared_ptr<const NetworkRun> network_run_;
};

}  // namespace convstep
