#include "app/state/document.h"

#include <algorithm>
#include <filesystem>

#include "app/i18n/i18n.h"
#include "app/image/image_file.h"
#include "core/formats/grid_file.h"
#include "core/formats/grid_text.h"
#include "core/formats/session_io.h"
#include "core/teach/notebook_code.h"

namespace convstep {

namespace {

bool EndsWith(const std::string& path, const char* suffix) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == suffix;
}

// The grid a name like "input/1" or "kernel/2/0" refers to, as a view into
// the spec: which tensor, and where its plane starts.
struct GridTarget {
  bool kernel = false;
  int first = 0;   // input channel, or filter
  int second = 0;  // the filter's channel slice
};

GridTarget ParseTarget(const std::string& name) {
  GridTarget t;
  if (std::sscanf(name.c_str(), "kernel/%d/%d", &t.first, &t.second) == 2) {
    t.kernel = true;
  } else if (std::sscanf(name.c_str(), "input/%d", &t.first) != 1) {
    t.first = 0;
  }
  return t;
}

}  // namespace

std::string GridDisplayName(const std::string& grid) {
  const GridTarget t = ParseTarget(grid);
  if (t.kernel) return TrFormat("paste.kernel_slice", {std::to_string(t.first), std::to_string(t.second)});
  return TrFormat("paste.input_channel", {std::to_string(t.first)});
}

bool UseGridAsInput(AppState& state, const Tensor3& grid, const std::string& merge_key) {
  Session next = state.session;
  Conv2dSpec& spec = next.conv;
  spec.input = grid;
  if (grid.c % spec.groups != 0) spec.groups = 1;
  spec.weight = ResizedWeights(spec.weight, spec.weight.n, grid.c / spec.groups, spec.weight.h, spec.weight.w);
  return state.Commit(std::move(next), merge_key);
}

void OpenPath(AppState& state, const std::string& path) {
  if (EndsWith(path, ".json")) {
    Result<Session> session = LoadSessionFile(path);
    if (!session) return state.SetStatus(session.error(), true);
    // Opening is undoable like any change: the old session is one Ctrl+Z away.
    const int step = session->step;
    if (!state.Commit(std::move(session).value(), "")) return;
    state.GoToStep(step);
    state.view.glide_t = 1.0f;
    state.view.session_path = path;
    state.SetStatus(TrFormat("status.opened", {path}), false);
    return;
  }
  if (IsImagePath(path)) {
    if (!std::filesystem::exists(path)) return state.SetStatus(TrFormat("status.no_such_file", {path}), true);
    state.view.pending_image = path;
    return;
  }
  Result<Tensor3> grid = LoadGridFile(path);
  if (!grid) return state.SetStatus(grid.error(), true);
  if (UseGridAsInput(state, *grid, "")) state.SetStatus(TrFormat("status.opened_input", {path}), false);
}

bool ImportImage(AppState& state, const std::string& path, const ImageGridOptions& options) {
  Result<Tensor3> grid = LoadImageGrid(path, options);
  if (!grid) {
    state.SetStatus(grid.error(), true);
    return false;
  }
  if (!UseGridAsInput(state, *grid, "")) return false;
  state.SetStatus(TrFormat("status.opened_image", {path, std::to_string(grid->c), std::to_string(grid->h),
                                                   std::to_string(grid->w)}),
                  false);
  return true;
}

bool SaveSessionTo(AppState& state, const std::string& path) {
  state.session.step = state.view.step;
  Result<bool> saved = SaveSessionFile(path, state.session);
  if (!saved) {
    state.SetStatus(saved.error(), true);
    return false;
  }
  state.view.session_path = path;
  state.SetStatus(TrFormat("status.saved", {path}), false);
  return true;
}

bool ExportOutputCsv(AppState& state, const std::string& path) {
  Tensor3 out = state.conv->Output();
  for (double& v : out.data) v = Activate(state.session.activation, v);
  Result<bool> written = WriteFileAtomically(path, OutputCsv(out));
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
    case TableKind::kOutput: {
      Tensor3 out = state.conv->Output();
      for (double& v : out.data) v = Activate(state.session.activation, v);
      text = OutputTable(out, format);
      break;
    }
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
  if (!grid) return state.SetStatus(TrFormat("status.paste_error", {grid.error()}), true);
  const GridTarget target = ParseTarget(state.view.selected_grid);
  const Conv2dSpec& spec = state.session.conv;
  const bool fits = target.kernel ? (grid->c == 1 && grid->h == spec.weight.h && grid->w == spec.weight.w)
                                  : (grid->h == spec.input.h && grid->w == spec.input.w &&
                                     (grid->c == 1 || grid->c == spec.input.c));
  state.view.pending_paste = std::move(grid).value();
  if (fits) FinishPaste(state, PasteFit::kTopLeft);
}

void FinishPaste(AppState& state, PasteFit fit) {
  if (!state.view.pending_paste) return;
  const Tensor3 grid = std::move(*state.view.pending_paste);
  state.view.pending_paste.reset();
  const GridTarget target = ParseTarget(state.view.selected_grid);
  Conv2dSpec spec = state.session.conv;
  if (target.kernel) {
    // A kernel paste is one channel slice: its first channel.
    if (fit == PasteFit::kResize) {
      spec.weight = ResizedWeights(spec.weight, spec.weight.n, spec.weight.c, grid.h, grid.w);
    }
    for (int y = 0; y < std::min(grid.h, spec.weight.h); ++y) {
      for (int x = 0; x < std::min(grid.w, spec.weight.w); ++x) {
        spec.weight.at(target.first, target.second, y, x) = grid.at(0, y, x);
      }
    }
    if (state.TryConv(spec, "")) state.SetStatus(TrFormat("status.pasted", {GridDisplayName(state.view.selected_grid)}), false);
    return;
  }
  // Several channels replace the input from channel 0; one channel goes into
  // the selected channel.
  const int first = grid.c > 1 ? 0 : target.first;
  if (fit == PasteFit::kResize) {
    spec.input = ResizedInput(spec.input, std::max(spec.input.c, first + grid.c), grid.h, grid.w);
  }
  for (int c = 0; c < grid.c && first + c < spec.input.c; ++c) {
    for (int y = 0; y < std::min(grid.h, spec.input.h); ++y) {
      for (int x = 0; x < std::min(grid.w, spec.input.w); ++x) spec.input.at(first + c, y, x) = grid.at(c, y, x);
    }
  }
  if (UseGridAsInput(state, spec.input, "")) state.SetStatus(Tr("status.pasted_input"), false);
}

}  // namespace convstep
