#include "app/state/document.h"

#include <algorithm>
#include <filesystem>

#include "app/i18n/i18n.h"
#include "app/state/edit_text.h"
#include "app/state/presets.h"
#include "app/image/image_file.h"
#include "app/sound/sound_file.h"
#include "core/formats/file_io.h"
#include "core/formats/grid_file.h"
#include "core/formats/grid_text.h"
#include "core/formats/session_io.h"
#include "core/teach/notebook_code.h"

namespace convstep {

bool UseGridAsInput(AppState& state, const Tensor3& grid, const std::string& source) {
  return state.Edit(ReplaceInput(state.session.conv, grid, source), "");
}

namespace {

// A whole session replaces the document, undoable like any change, so that
// opening a file or a preset never loses work; it opens at its own step.
bool OpenSession(AppState& state, Session session, const std::string& name) {
  const int step = session.step;
  if (!state.Commit(std::move(session), "", {"open", name, "", ""})) return false;
  state.GoToStep(step);
  state.view.glide_t = 1.0f;
  return true;
}

}  // namespace

void OpenPreset(AppState& state, const std::string& name) {
  Result<Session> session = LoadPreset(name);
  if (!session) return state.SetStatus(session.error(), true);
  if (!OpenSession(state, std::move(session).value(), name)) return;
  state.view.session_path.clear();
  state.SetStatus(TrFormat("status.opened_preset", {name}), false);
}

void OpenPath(AppState& state, const std::string& path) {
  if (LowercaseExtension(path) == ".json") {
    Result<Session> session = LoadSessionFile(path);
    if (!session) return state.SetStatus(ErrorText(session.failure()), true);
    if (!OpenSession(state, std::move(session).value(), path)) return;
    state.view.session_path = path;
    state.SetStatus(TrFormat("status.opened", {path}), false);
    return;
  }
  if (IsImagePath(path) || IsSoundPath(path)) {
    if (!std::filesystem::exists(path)) return state.SetStatus(TrFormat("status.no_such_file", {path}), true);
    if (IsImagePath(path) && state.view.tab == Tab::kNetwork) {
      OpenPhotoInNetwork(state, path);
      return;
    }
    (IsImagePath(path) ? state.view.pending_image : state.view.pending_sound) = path;
    return;
  }
  Result<Tensor3> grid = LoadGridFile(path);
  if (!grid) return state.SetStatus(ErrorText(grid.failure()), true);
  if (UseGridAsInput(state, *grid, path)) state.SetStatus(TrFormat("status.opened_input", {path}), false);
}

bool ImportImage(AppState& state, const std::string& path, const ImageGridOptions& options) {
  Result<Tensor3> grid = LoadImageGrid(path, options);
  if (!grid) {
    state.SetStatus(grid.error(), true);
    return false;
  }
  if (!UseGridAsInput(state, *grid, path)) return false;
  state.SetStatus(TrFormat("status.opened_image", {path, std::to_string(grid->c), std::to_string(grid->h),
                                                   std::to_string(grid->w)}),
                  false);
  return true;
}

bool OpenPhotoInNetwork(AppState& state, const std::string& path) {
  ImageGridOptions options;
  options.height = kCanvasSide;
  options.width = kCanvasSide;
  options.scale = 1;
  Result<Tensor3> grey = LoadImageGrid(path, options);
  if (!grey) {
    state.SetStatus(ErrorText(grey.failure()), true);
    return false;
  }
  const CanvasPhoto photo = PhotoForCanvas(*grey);
  NetworkViewState& nv = state.view.network;
  nv.canvas = photo.canvas;
  ++nv.canvas_revision;
  nv.drawing = true;
  nv.test_picture.reset();
  nv.selected.reset();
  nv.page = NetworkPage::kLayers;
  nv.page_requested = true;
  state.SetStatus(TrFormat(photo.inverted ? "status.photo_inverted" : "status.photo", {path}), false);
  return true;
}

Result<SoundInput> LoadSoundInput(const std::string& path, const SoundImportOptions& options) {
  Result<Sound> sound = ReadSoundFile(path, ReadOptionsOf(options));
  if (!sound) return sound.failure();
  return SoundToInput(*sound, options, path);
}

bool ImportSound(AppState& state, const std::string& path, const SoundImportOptions& options) {
  Result<SoundInput> input = LoadSoundInput(path, options);
  if (!input) {
    state.SetStatus(ErrorText(input.failure()), true);
    return false;
  }
  return UseSoundInput(state, path, *input);
}

bool UseSoundInput(AppState& state, const std::string& path, const SoundInput& input) {
  // A new document on the sound, undoable as one step: the grid with the
  // kernels that show something on it, its axes, and its name as the title.
  Session next = state.session;
  next.conv = input.conv;
  next.input_axes = input.axes;
  next.title = std::filesystem::path(path).filename().string();
  if (!state.Commit(std::move(next), "", {"input", path, "", ""})) return false;
  state.GoToStep(0);
  const Tensor3& grid = state.session.conv.input;
  state.SetStatus(TrFormat("status.opened_sound", {path, std::to_string(grid.h), std::to_string(grid.w)}), false);
  return true;
}

bool SaveSessionTo(AppState& state, const std::string& path) {
  // The step goes into the file, not into the document: a save is no edit,
  // and undo then redo must give back the same session.
  Session session = state.session;
  session.step = state.view.step;
  Result<bool> saved = SaveSessionFile(path, session);
  if (!saved) {
    state.SetStatus(saved.error(), true);
    return false;
  }
  state.view.session_path = path;
  state.SetStatus(TrFormat("status.saved", {path}), false);
  return true;
}

bool ExportOutputCsv(AppState& state, const std::string& path) {
  Result<bool> written = WriteFileAtomically(path, OutputCsv(state.ActivatedOutput()));
  if (!written) {
    state.SetStatus(written.error(), true);
    return false;
  }
  state.SetStatus(TrFormat("status.exported_output", {path}), false);
  return true;
}

void CopyCode(AppState& state, CodeLanguage language) {
  Session session = state.session;
  session.step = state.view.step;
  const std::string code = language == CodeLanguage::kPytorch ? PytorchCode(session) : KerasCode(session);
  state.view.clipboard_out = code;
  state.SetStatus(TrFormat("status.copied_code", {language == CodeLanguage::kPytorch ? "PyTorch" : "Keras"}), false);
}

bool ExportTable(AppState& state, TableKind kind, TableFormat format, const std::string& path) {
  std::string text;
  switch (kind) {
    case TableKind::kIm2col:
      if (!state.matrix) {
        state.SetStatus(Tr("status.matrix_too_large"), true);
        return false;
      }
      text = Im2colTable(*state.matrix, state.conv->geometry(), format);
      break;
    case TableKind::kOutput: text = OutputTable(state.ActivatedOutput(), format); break;
    case TableKind::kSummary:
      if (!state.summary) {
        state.SetStatus(TrFormat("status.no_summary", {state.summary.error()}), true);
        return false;
      }
      text = SummaryTable(*state.summary, format);
      break;
  }
  Result<bool> written = WriteFileAtomically(path, text);
  if (!written) {
    state.SetStatus(written.error(), true);
    return false;
  }
  state.SetStatus(TrFormat("status.exported", {path}), false);
  return true;
}

void PasteText(AppState& state, const std::string& text) {
  Result<Tensor3> grid = ParseGridText(text);
  if (!grid) return state.SetStatus(TrFormat("status.paste_error", {ErrorText(grid.failure())}), true);
  const std::optional<GridRef> target = ParseGridRef(state.view.selected_grid);
  if (!target || !GridExists(state.session.conv, *target)) {
    return state.SetStatus(TrFormat("status.paste_error", {Tr("status.paste_no_grid")}), true);
  }
  const bool fits = PasteFits(state.session.conv, *target, *grid);
  state.view.pending_paste = std::move(grid).value();
  if (fits) FinishPaste(state, PasteFit::kTopLeft);
}

void FinishPaste(AppState& state, PasteFit fit) {
  if (!state.view.pending_paste) return;
  const Tensor3 grid = std::move(*state.view.pending_paste);
  state.view.pending_paste.reset();
  // The grid was checked when the paste began; an edit since may have
  // removed it, and PasteGrid says so rather than writing past its end.
  const std::optional<GridRef> target = ParseGridRef(state.view.selected_grid);
  if (!target) return state.SetStatus(TrFormat("status.paste_error", {Tr("status.paste_no_grid")}), true);
  Result<ConvEdit> edit = PasteGrid(state.session.conv, *target, grid, fit);
  const EditNote note = edit ? edit->note : EditNote{};
  if (!state.Edit(std::move(edit), "")) return;
  const std::string where = GridDisplayName(state.view.selected_grid);
  if (note.what == "paste_resize") {
    return state.SetStatus(TrFormat("status.pasted_resized_input", {note.from, note.to}), false);
  }
  if (note.what == "paste_resize_kernels") {
    return state.SetStatus(TrFormat("status.pasted_resized_kernels", {where, note.from, note.to}), false);
  }
  state.SetStatus(target->kind == GridRef::Kind::kKernel ? TrFormat("status.pasted", {where})
                                                         : std::string(Tr("status.pasted_input")),
                  false);
}

}  // namespace convstep
