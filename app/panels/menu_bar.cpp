// The main menu: File (open, save, save as, export the output as CSV, the
// view as pictures and the stepping as a GIF with its loop and dithering),
// Presets (the lecture's examples, one click each), Language and Help, and
// the file dialog they share.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/state/document.h"
#include "app/state/export_job.h"
#include "app/state/presets.h"
#include "app/widgets/file_dialog.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"

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
    for (const EmbeddedJson& p : EmbeddedPresets()) {
      Result<Session> s = LoadPreset(p.name);
      v.push_back({p.name, s ? s->title : p.name});
    }
    return v;
  }();
  return entries;
}

// The menu's words for the presets that ship with the program; a session's
// own title (in one language) stands for any other.
const char* PresetTitle(const PresetEntry& preset) {
  static constexpr std::pair<const char*, const char*> kTitles[] = {
      {"ejemplo1", "menu.preset_ejemplo1"},
      {"ejemplo1_valid", "menu.preset_ejemplo1_valid"},
      {"ejemplo_convolucion", "menu.preset_ejemplo_convolucion"},
      {"imagen_bordes", "menu.preset_imagen_bordes"},
      {"large_64x64x3", "menu.preset_large_64x64x3"},
      {"senal_escalones", "menu.preset_senal_escalones"},
      {"senal_hola", "menu.preset_senal_hola"},
      {"siete_filtros", "menu.preset_siete_filtros"},
      {"sonido_acorde", "menu.preset_sonido_acorde"},
      {"sonido_chirp", "menu.preset_sonido_chirp"},
      {"sonido_golpes", "menu.preset_sonido_golpes"},
      {"sonido_hola", "menu.preset_sonido_hola"},
      {"wavenet_causal", "menu.preset_wavenet_causal"}};
  for (const auto& [name, key] : kTitles) {
    if (preset.name == name) return Tr(key);
  }
  return preset.title.c_str();
}

// Play, in the menu bar as well as over the input: with large text the
// panels have no room for the buttons.
void SoundMenu(AppState& state) {
  if (!CanPlay(state.session) || !ImGui::BeginMenu(TrId("audio.menu").c_str())) return;
  ViewState& v = state.view;
  if (ImGui::MenuItem(TrId("audio.play_sound").c_str())) v.play_order = PlayOrder{PlayWhat::kSound, 0};
  if (IsSpectrogram(state.session.input_axes)) {
    if (ImGui::MenuItem(TrId("audio.play_window").c_str())) v.play_order = PlayOrder{PlayWhat::kWindow, 0};
  } else {
    for (int f = 0; f < state.conv->geometry().out_channels; ++f) {
      ImGui::PushID(f);
      if (ImGui::MenuItem(TrFormat("audio.play_output", {std::to_string(f)}).c_str())) {
        v.play_order = PlayOrder{PlayWhat::kOutput, f};
      }
      ImGui::PopID();
    }
  }
  if (ImGui::MenuItem(TrId("audio.stop").c_str(), nullptr, false, v.playhead.has_value())) v.stop_sound = true;
  ImGui::SliderFloat(TrId("audio.volume").c_str(), &v.volume, 0.0f, 1.0f, "%.1f");
  ImGui::EndMenu();
}

struct TableExport {
  const char* what_key;     // "im2col matrix", "output maps", "model summary"
  const char* format_name;  // as the menu writes it
  const char* name;         // suggested file name
  const char* extension;
  TableKind kind;
  TableFormat format;
};

constexpr TableExport kTableExports[] = {
    {"menu.table_im2col", "CSV", "im2col", ".csv", TableKind::kIm2col, TableFormat::kCsv},
    {"menu.table_im2col", "Markdown", "im2col", ".md", TableKind::kIm2col, TableFormat::kMarkdown},
    {"menu.table_im2col", "LaTeX", "im2col", ".tex", TableKind::kIm2col, TableFormat::kLatex},
    {"menu.table_output", "CSV", "output", ".csv", TableKind::kOutput, TableFormat::kCsv},
    {"menu.table_output", "Markdown", "output", ".md", TableKind::kOutput, TableFormat::kMarkdown},
    {"menu.table_output", "LaTeX", "output", ".tex", TableKind::kOutput, TableFormat::kLatex},
    {"menu.table_summary", "CSV", "summary", ".csv", TableKind::kSummary, TableFormat::kCsv},
    {"menu.table_summary", "Markdown", "summary", ".md", TableKind::kSummary, TableFormat::kMarkdown},
    {"menu.table_summary", "LaTeX", "summary", ".tex", TableKind::kSummary, TableFormat::kLatex},
};

// Language / Idioma: switching is immediate, every string is looked up
// each frame.
// With large text the menu is named by the language in use ("ES"), so the
// menu bar keeps room for the others.
void LanguageMenu(bool compact) {
  const std::string label = compact ? std::string(CurrentLanguage() == Language::kSpanish ? "ES" : "EN") + "###language.menu"
                                    : TrId("language.menu");
  const bool open = ImGui::BeginMenu(label.c_str());
  if (compact && ImGui::IsItemHovered() && !open) ImGui::SetTooltip("%s", Tr("language.menu"));
  if (!open) return;
  for (Language language : {Language::kEnglish, Language::kSpanish}) {
    const char* key = language == Language::kEnglish ? "language.en" : "language.es";
    if (ImGui::MenuItem(TrId(key).c_str(), nullptr, CurrentLanguage() == language)) SetLanguage(language);
  }
  ImGui::EndMenu();
}

void HelpMenu(AppState& state) {
  if (!ImGui::BeginMenu(TrId("menu.help").c_str())) return;
  if (ImGui::MenuItem(TrId("menu.shortcuts").c_str(), "F1")) state.view.show_help = true;
  ImGui::EndMenu();
}

// The view as pictures for slides (app/export_job.h): menu label, file
// dialog title, suggested name.
struct FrameExport {
  const char* label_key;
  const char* title_key;
  const char* name;
  ExportKind kind;
};

constexpr FrameExport kFrameExports[] = {
    {"export.menu_png1x", "export.title_png1x", "view.png", ExportKind::kPng1x},
    {"export.menu_png2x", "export.title_png2x", "view_2x.png", ExportKind::kPng2x},
    {"export.menu_gif", "export.title_gif", "stepping.gif", ExportKind::kGif},
    {"export.menu_sequence", "export.title_sequence", "step.png", ExportKind::kPngSequence},
};


}  // namespace

void ShowOpenDialog(AppState& state) {
  state.view.file_action = ViewState::FileAction::kOpen;
  OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kOpen, Tr("dialog.open"),
                 {".json", ".csv", ".tsv", ".txt", ".npy", ".png", ".jpg", ".jpeg", ".bmp", ".gif"});
}

void ShowOpenPhotoDialog(AppState& state) {
  state.view.file_action = ViewState::FileAction::kOpen;
  OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kOpen, Tr("dialog.open_photo"),
                 {".png", ".jpg", ".jpeg", ".bmp", ".gif"});
}

void SaveOrAsk(AppState& state) {
  if (!state.view.session_path.empty()) {
    SaveSessionTo(state, state.view.session_path);
    return;
  }
  state.view.file_action = ViewState::FileAction::kSaveAs;
  OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kSave, Tr("dialog.save_as_title"), {".json"}, "session.json");
}

void DrawMenuBar(AppState& state) {
  // The menu bar of the controls window rather than a main menu bar: a
  // window of its own would cost Mesa's rasteriser a millisecond a frame.
  if (ImGui::BeginMenuBar()) {
    if (ImGui::BeginMenu(TrId("menu.file").c_str())) {
      if (ImGui::MenuItem(TrId("menu.open").c_str(), "Ctrl+O")) ShowOpenDialog(state);
      if (ImGui::MenuItem(TrId("menu.record").c_str())) state.view.recording.start = true;
      ConceptTooltip("tip.record");
      if (ImGui::MenuItem(TrId("menu.save").c_str(), "Ctrl+S")) SaveOrAsk(state);
      if (ImGui::MenuItem(TrId("menu.save_as").c_str())) {
        state.view.file_action = ViewState::FileAction::kSaveAs;
        OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kSave, Tr("dialog.save_as_title"), {".json"},
                       "session.json");
      }
      if (ImGui::MenuItem(TrId("menu.export_csv").c_str())) {
        state.view.file_action = ViewState::FileAction::kExportCsv;
        OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kSave, Tr("dialog.export_csv_title"), {".csv"},
                       "output.csv");
      }
      if (ImGui::BeginMenu(TrId("menu.export_table").c_str())) {
        for (int i = 0; i < static_cast<int>(std::size(kTableExports)); ++i) {
          const TableExport& t = kTableExports[i];
          const std::string label = TrFormat("menu.table_as", {Tr(t.what_key), t.format_name});
          if (ImGui::MenuItem(label.c_str())) {
            state.view.file_action = ViewState::FileAction::kExportTable;
            state.view.export_table = i;
            OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kSave, label, {t.extension},
                           std::string(t.name) + t.extension);
          }
        }
        ImGui::EndMenu();
      }
      for (const FrameExport& e : kFrameExports) {
        if (ImGui::MenuItem(Tr(e.label_key))) {
          state.view.file_action = ViewState::FileAction::kExportFrames;
          state.view.export_kind = e.kind;
          const std::string extension = e.kind == ExportKind::kGif ? ".gif" : ".png";
          OpenFileDialog(state.view.file_dialog, FileDialog::Mode::kSave, Tr(e.title_key), {extension}, e.name);
        }
      }
      // The GIF's options, chosen before its file.
      GifExportOptions& gif = state.view.gif_options;
      ImGui::SetNextItemWidth(Scaled(90));
      if (ImGui::InputInt(TrId("export.loop_seconds").c_str(), &gif.loop_seconds)) {
        gif.loop_seconds = std::clamp(gif.loop_seconds, kMinLoopSeconds, kMaxLoopSeconds);
      }
      ConceptTooltip("tip.export_loop");
      bool dither = gif.dither == GifDither::kFloydSteinberg;
      if (ImGui::Checkbox(TrId("export.dither").c_str(), &dither)) {
        gif.dither = dither ? GifDither::kFloydSteinberg : GifDither::kNone;
      }
      ConceptTooltip("tip.export_dither");
      ImGui::Separator();
      if (ImGui::MenuItem(TrId("menu.copy_pytorch").c_str())) CopyCode(state, CodeLanguage::kPytorch);
      ConceptTooltip("tip.copy_code");
      if (ImGui::MenuItem(TrId("menu.copy_keras").c_str())) CopyCode(state, CodeLanguage::kKeras);
      ConceptTooltip("tip.copy_code");
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(TrId("menu.presets").c_str())) {
      for (const PresetEntry& p : PresetEntries()) {
        ImGui::PushID(p.name.c_str());
        if (ImGui::MenuItem(PresetTitle(p))) OpenPreset(state, p.name);
        ImGui::PopID();
      }
      ImGui::Separator();
      // The lecture's pooling slide and model summary live in Ejemplo 1's
      // session; these open it on their tab.
      if (ImGui::MenuItem(TrId("menu.preset_pooling").c_str())) {
        OpenPreset(state, "ejemplo1");
        state.view.tab = Tab::kPooling;
        state.view.tab_requested = true;
      }
      if (ImGui::MenuItem(TrId("menu.preset_summary").c_str())) {
        OpenPreset(state, "ejemplo1");
        state.view.tab = Tab::kSummary;
        state.view.tab_requested = true;
      }
      ImGui::EndMenu();
    }
    DrawViewMenu(state);
    SoundMenu(state);
    LanguageMenu(state.view.compact);
    HelpMenu(state);
    // With large text the parameters are a drawer, opened from here.
    if (state.view.compact && (state.view.tab == Tab::kConvolution || state.view.tab == Tab::kMatrix)) {
      ImGui::MenuItem(TrId("menu.parameters").c_str(), nullptr, &state.view.parameters_open);
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
      case ViewState::FileAction::kExportFrames: StartExport(state, state.view.export_kind, *path); break;
    }
  }
}

}  // namespace convstep
