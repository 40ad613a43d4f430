// The main menu: File (open, save, save as, export the output as CSV) and
// Presets (the lecture's examples, one click each), and the file dialog they
// share.
#include <string>
#include <vector>

#include "app/document.h"
#include "app/panels/panels.h"
#include "app/presets.h"

namespace convstep {

namespace {

// Preset names and titles, read once: the menu shows them every frame.
struct PresetEntry {
  std::string name;
  std::string title;
};

const std::vector<PresetEntry>& PresetEntries() {
  static const std::vector<PresetEntry> entries = [] {
    std::vector<PresetEntry> v;
    for (const EmbeddedPreset& p : EmbeddedPresets()) {
      Result<Session> s = LoadPreset(p.name);
      v.push_back({p.name, s ? s->title : p.name});
    }
    return v;
  }();
  return entries;
}

struct TableExport {
  const char* label;
  const char* name;       // suggested file name
  const char* extension;
  TableKind kind;
  TableFormat format;
};

constexpr TableExport kTableExports[] = {
    {"im2col matrix as CSV", "im2col", ".csv", TableKind::kIm2col, TableFormat::kCsv},
    {"im2col matrix as Markdown", "im2col", ".md", TableKind::kIm2col, TableFormat::kMarkdown},
    {"im2col matrix as LaTeX", "im2col", ".tex", TableKind::kIm2col, TableFormat::kLatex},
    {"output maps as CSV", "output", ".csv", TableKind::kOutput, TableFormat::kCsv},
    {"output maps as Markdown", "output", ".md", TableKind::kOutput, TableFormat::kMarkdown},
    {"output maps as LaTeX", "output", ".tex", TableKind::kOutput, TableFormat::kLatex},
    {"model summary as CSV", "summary", ".csv", TableKind::kSummary, TableFormat::kCsv},
    {"model summary as Markdown", "summary", ".md", TableKind::kSummary, TableFormat::kMarkdown},
    {"model summary as LaTeX", "summary", ".tex", TableKind::kSummary, TableFormat::kLatex},
};

void OpenPresetNamed(AppState& state, const std::string& name) {
  Result<Session> session = LoadPreset(name);
  if (!session) return state.SetStatus(session.error(), true);
  const int step = session->step;
  // Undoable like any change, so a click on a preset never loses work.
  if (!state.Commit(std::move(session).value(), "")) return;
  state.GoToStep(step);
  state.view.glide_t = 1.0f;
  state.view.session_path.clear();
  state.SetStatus("opened the preset " + name, false);
}

}  // namespace

void ShowOpenDialog(AppState& state) {
  state.view.file_action = ViewState::FileAction::kOpen;
  OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kOpen, "Open",
                 {".json", ".csv", ".tsv", ".txt", ".npy", ".png", ".jpg", ".jpeg", ".bmp", ".gif"});
}

void SaveOrAsk(AppState& state) {
  if (!state.view.session_path.empty()) {
    SaveSessionTo(state, state.view.session_path);
    return;
  }
  state.view.file_action = ViewState::FileAction::kSaveAs;
  OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kSave, "Save session as", {".json"}, "session.json");
}

void DrawMenuBar(AppState& state) {
  // The menu bar of the controls window rather than a main menu bar: a
  // window of its own would cost Mesa's rasteriser a millisecond a frame.
  if (ImGui::BeginMenuBar()) {
    if (ImGui::BeginMenu("File")) {
      if (ImGui::MenuItem("Open...", "Ctrl+O")) ShowOpenDialog(state);
      if (ImGui::MenuItem("Save", "Ctrl+S")) SaveOrAsk(state);
      if (ImGui::MenuItem("Save as...")) {
        state.view.file_action = ViewState::FileAction::kSaveAs;
        OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kSave, "Save session as", {".json"}, "session.json");
      }
      if (ImGui::MenuItem("Export the output as CSV...")) {
        state.view.file_action = ViewState::FileAction::kExportCsv;
        OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kSave, "Export the output as CSV", {".csv"},
                       "output.csv");
      }
      if (ImGui::BeginMenu("Export a table for slides")) {
        for (int i = 0; i < static_cast<int>(std::size(kTableExports)); ++i) {
          const TableExport& t = kTableExports[i];
          if (ImGui::MenuItem(t.label)) {
            state.view.file_action = ViewState::FileAction::kExportTable;
            state.view.export_table = i;
            OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kSave, t.label, {t.extension},
                           std::string(t.name) + t.extension);
          }
        }
        ImGui::EndMenu();
      }
      ImGui::Separator();
      if (ImGui::MenuItem("Copy as PyTorch code")) CopyCode(state, CodeLanguage::kPytorch);
      if (ImGui::MenuItem("Copy as Keras code")) CopyCode(state, CodeLanguage::kKeras);
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Presets")) {
      for (const PresetEntry& p : PresetEntries()) {
        if (ImGui::MenuItem(p.title.c_str())) OpenPresetNamed(state, p.name);
      }
      ImGui::Separator();
      // The lecture's pooling slide and model summary live in Ejemplo 1's
      // session; these open it on their tab.
      if (ImGui::MenuItem("Max pooling: the lecture's 4\u00d74 slice")) {
        OpenPresetNamed(state, "ejemplo1");
        state.view.tab = Tab::kPooling;
        state.view.tab_requested = true;
      }
      if (ImGui::MenuItem("Model summary: the lecture's CIFAR model (113,738 parameters)")) {
        OpenPresetNamed(state, "ejemplo1");
        state.view.tab = Tab::kSummary;
        state.view.tab_requested = true;
      }
      ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
  }
  if (const std::optional<std::string> path = DrawFileDialog(state.view.file_dialog)) {
    switch (state.view.file_action) {
      case ViewState::FileAction::kOpen: OpenPath(state, *path); break;
      case ViewState::FileAction::kSaveAs: SaveSessionTo(state, *path); break;
      case ViewState::FileAction::kExportCsv: ExportOutputCsv(state, *path); break;
      case ViewState::FileAction::kExportTable: {
        const TableExport& t = kTableExports[state.view.export_table];
        ExportTable(state, t.kind, t.format, *path);
        break;
      }
    }
  }
}

}  // namespace convstep
