#include "app/testing/script.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/i18n/i18n.h"
#include "app/state/document.h"
#include "app/state/export_job.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/tooltip.h"

namespace convstep {

namespace {

// GLFW's key codes; io.KeysDown is indexed by them in ImGui 1.86's backend.
struct NamedKey {
  const char* name;
  int code;
};
constexpr NamedKey kKeys[] = {{"space", 32}, {"right", 262}, {"left", 263}, {"home", 268}, {"end", 269},
                              {"plus", 61},  {"minus", 45},  {"f11", 300},  {"q", 81},   {"z", 90},
                              {"y", 89},     {"v", 86},      {"enter", 257}, {"escape", 256}, {"tab", 258},
                              {"up", 265},   {"down", 264},  {"0", 48},     {"f1", 290}};

}  // namespace

std::optional<int> KeyCode(const std::string& name) {
  for (const NamedKey& k : kKeys) {
    if (name == k.name) return k.code;
  }
  return std::nullopt;
}

Result<bool> SetParameter(AppState& state, const std::string& name, const Json& value) {
  Conv2dSpec spec = state.session.conv;
  const Json holder = {{name, value}};
  if (name == "kernel") {
    Result<Pair> k = PairFromJson(holder, name, Pair{});
    if (!k) return Error{k.error()};
    if (k->h < 1 || k->w < 1) return Error{"kernel must be at least 1"};
    spec.weight = ResizedWeights(spec.weight, spec.weight.n, spec.weight.c, k->h, k->w);
  } else if (name == "stride" || name == "dilation") {
    Result<Pair> p = PairFromJson(holder, name, Pair{});
    if (!p) return Error{p.error()};
    (name == "stride" ? spec.stride : spec.dilation) = *p;
  } else if (name == "padding") {
    Result<PaddingSpec> p = PaddingFromJson(holder);
    if (!p) return Error{p.error()};
    spec.padding = *p;
  } else if (name == "padding_mode") {
    Result<PaddingMode> m = PaddingModeFromJson(holder);
    if (!m) return Error{m.error()};
    spec.padding_mode = *m;
  } else if (name == "filters") {
    Result<int> n = IntFromJson(holder, name, 0);
    if (!n) return Error{n.error()};
    if (*n < 1) return Error{"filters must be at least 1"};
    spec.weight = ResizedWeights(spec.weight, *n, spec.weight.c, spec.weight.h, spec.weight.w);
    if (!spec.bias.empty()) spec.bias.resize(static_cast<size_t>(*n), 0.0);
  } else if (name == "bias") {
    if (!value.is_boolean()) return Error{"bias must be true or false"};
    spec.bias = value.get<bool>() ? std::vector<double>(static_cast<size_t>(spec.weight.n), 0.0)
                                  : std::vector<double>{};
  } else if (name == "activation") {
    if (value != "none" && value != "relu") return Error{"activation must be \"none\" or \"relu\""};
    state.SetActivation(value == "relu" ? Activation::kRelu : Activation::kNone);
    return true;
  } else {
    return Error{"unknown parameter '" + name + "'"};
  }
  if (!state.TryConv(spec, "script:" + name)) return Error{state.view.message};
  return true;
}

Result<Script> Script::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{"cannot open the script '" + path + "'"};
  std::stringstream text;
  text << in.rdbuf();
  Result<Json> json = ParseJson(text.str());
  if (!json) return Error{"script: " + json.error()};
  if (!json->is_array()) return Error{"a script is a JSON list of actions"};
  Script script;
  for (const Json& action : *json) {
    if (!action.is_object()) return Error{"every action of a script is a JSON object"};
    script.actions_.push_back(action);
  }
  return script;
}

Result<FrameInput> Script::Next(AppState& state) {
  FrameInput frame;
  frame.mouse = mouse_;
  if (release_pending_) {
    release_pending_ = false;
    return frame;
  }
  if (exporting_) {
    if (ExportJob* job = state.view.export_job ? &*state.view.export_job : nullptr) {
      if (cancel_after_ >= 0 && job->next >= cancel_after_) {
        frame.key = *KeyCode("escape");
        release_pending_ = true;
        cancel_after_ = -1;
      }
      return frame;
    }
    exporting_ = false;
  }
  if (pending_frames_ > 0) {
    --pending_frames_;
    return frame;
  }
  while (next_ < actions_.size()) {
    const Json& action = actions_[next_++];
    Result<bool> needs_frame = Apply(action, state, &frame);
    if (!needs_frame) return Error{"script action " + std::to_string(next_) + " " + action.dump() + ": " + needs_frame.error()};
    if (*needs_frame) break;
  }
  return frame;
}

Result<bool> Script::Apply(const Json& a, AppState& state, FrameInput* frame) {
  if (a.contains("set")) {
    if (!a["set"].is_string() || !a.contains("value")) return Error{"\"set\" needs a name and a \"value\""};
    Result<bool> done = SetParameter(state, a["set"].get<std::string>(), a["value"]);
    if (!done) return Error{done.error()};
    return false;
  }
  if (a.contains("step")) {
    Result<int> k = IntFromJson(a, "step", 0);
    if (!k) return Error{k.error()};
    if (*k < 0 || *k >= state.conv->TotalSteps()) return Error{"step out of range"};
    state.GoToStep(*k);
    state.view.glide_t = 1.0f;  // a script wants the step, not the animation
    return false;
  }
  if (a.contains("tab")) {
    for (Tab t : {Tab::kConvolution, Tab::kPooling, Tab::kMatrix, Tab::kSummary, Tab::kPractice}) {
      if (a["tab"] == TabName(t)) {
        state.view.tab = t;
        state.view.tab_requested = true;
        pending_frames_ = 1;  // the tab bar switches on the next frame
        return true;
      }
    }
    return Error{"unknown tab"};
  }
  if (a.contains("hover") || a.contains("click")) {
    const bool click = a.contains("click");
    const Json& grid = click ? a["click"] : a["hover"];
    if (!grid.is_string()) return Error{"name the grid, e.g. \"output/0\""};
    const auto& placements = GridPlacements();
    const auto it = placements.find(grid.get<std::string>());
    if (it == placements.end()) return Error{"no grid called " + grid.dump() + " is on screen"};
    Result<Pair> cell = PairFromJson(a, "cell", Pair{-1, -1});
    if (!cell) return Error{cell.error()};
    if (cell->h < 0 || cell->w < 0 || cell->h >= it->second.rows || cell->w >= it->second.cols) {
      return Error{"the cell is outside the grid"};
    }
    mouse_ = it->second.CellCenter(cell->h, cell->w);
    frame->mouse = mouse_;
    frame->mouse_down = click;
    release_pending_ = click;
    pending_frames_ = 1;  // the panels see the hover, then report it
    return true;
  }
  if (a.contains("key")) {
    const std::optional<int> code = a["key"].is_string() ? KeyCode(a["key"].get<std::string>()) : std::nullopt;
    if (!code) return Error{"unknown key"};
    frame->key = *code;
    frame->ctrl = a.contains("ctrl") && a["ctrl"] == true;
    frame->shift = a.contains("shift") && a["shift"] == true;
    release_pending_ = true;  // up again on the next frame, so the next key is a new press
    return true;
  }
  if (a.contains("clipboard")) {
    // What a copy in a spreadsheet leaves; Ctrl+V then pastes it.
    if (!a["clipboard"].is_string()) return Error{"\"clipboard\" needs the text to copy"};
    ImGui::SetClipboardText(a["clipboard"].get<std::string>().c_str());
    return false;
  }
  if (a.contains("drop")) {
    // What GLFW's drop callback hands over when a file lands on the window.
    if (!a["drop"].is_string()) return Error{"\"drop\" needs a file path"};
    OpenPath(state, a["drop"].get<std::string>());
    pending_frames_ = 1;
    return true;
  }
  if (a.contains("copy_code")) {
    if (a["copy_code"] != "pytorch" && a["copy_code"] != "keras") return Error{"copy_code is pytorch or keras"};
    CopyCode(state, a["copy_code"] == "pytorch" ? CodeLanguage::kPytorch : CodeLanguage::kKeras);
    return false;
  }
  if (a.contains("export_table")) {
    // File > Export a table, with the dialog's answer.
    const Json& t = a["export_table"];
    static const std::pair<const char*, TableKind> kKinds[] = {
        {"im2col", TableKind::kIm2col}, {"output", TableKind::kOutput}, {"summary", TableKind::kSummary}};
    static const std::pair<const char*, TableFormat> kFormats[] = {
        {"csv", TableFormat::kCsv}, {"markdown", TableFormat::kMarkdown}, {"latex", TableFormat::kLatex}};
    if (!t.is_object() || !t.contains("path") || !t["path"].is_string()) {
      return Error{"export_table takes {\"kind\", \"format\", \"path\"}"};
    }
    const auto kind = std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& k) { return t.value("kind", Json()) == k.first; });
    const auto format = std::find_if(std::begin(kFormats), std::end(kFormats), [&](const auto& f) { return t.value("format", Json()) == f.first; });
    if (kind == std::end(kKinds) || format == std::end(kFormats)) {
      return Error{"kind is im2col, output or summary; format is csv, markdown or latex"};
    }
    ExportTable(state, kind->second, format->second, t["path"].get<std::string>());
    return false;
  }
  if (a.contains("save")) {
    // File > Save as, with the dialog's answer.
    if (!a["save"].is_string()) return Error{"\"save\" needs a file path"};
    SaveSessionTo(state, a["save"].get<std::string>());
    return false;
  }
  if (a.contains("import_image")) {
    // The import dialog's "Import as the input", with its options.
    const Json& o = a["import_image"];
    if (!o.is_object()) return Error{"import_image takes {\"rgb\", \"size\", \"scale\"}"};
    ImageGridOptions options;
    options.rgb = o.contains("rgb") && o["rgb"] == true;
    Result<Pair> size = PairFromJson(o, "size", Pair{options.height, options.width});
    if (!size) return Error{size.error()};
    options.height = size->h;
    options.width = size->w;
    if (o.contains("scale") && o["scale"] == 1) options.scale = 1;
    if (state.view.pending_image.empty()) return Error{"no picture is waiting to be imported"};
    const std::string path = state.view.pending_image;
    state.view.pending_image.clear();
    ImportImage(state, path, options);
    return false;
  }
  if (a.contains("paste_choice")) {
    if (a["paste_choice"] != "resize" && a["paste_choice"] != "top-left") return Error{"paste_choice is resize or top-left"};
    FinishPaste(state, a["paste_choice"] == "resize" ? PasteFit::kResize : PasteFit::kTopLeft);
    return false;
  }
  if (a.contains("type")) {
    if (!a["type"].is_string()) return Error{"\"type\" needs the text to type"};
    frame->text = a["type"].get<std::string>();
    return true;
  }
  if (a.contains("export")) {
    static const std::pair<const char*, ExportKind> kKinds[] = {{"png1x", ExportKind::kPng1x},
                                                                {"png2x", ExportKind::kPng2x},
                                                                {"gif", ExportKind::kGif},
                                                                {"png_sequence", ExportKind::kPngSequence}};
    const auto kind =
        std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& k) { return a["export"] == k.first; });
    if (kind == std::end(kKinds) || !a.contains("path") || !a["path"].is_string()) {
      return Error{"export is png1x, png2x, gif or png_sequence, with a \"path\""};
    }
    Result<int> cancel_after = IntFromJson(a, "cancel_after", -1);
    if (!cancel_after) return Error{cancel_after.error()};
    // A path that cannot be written leaves its message and no job.
    exporting_ = StartExport(state, kind->second, a["path"].get<std::string>());
    cancel_after_ = *cancel_after;
    return exporting_;
  }
  if (a.contains("language")) {
    // What Language > English / Español does.
    Language language = Language::kEnglish;
    if (!a["language"].is_string() || !LanguageFromCode(a["language"].get<std::string>(), &language)) {
      return Error{"language is \"en\" or \"es\""};
    }
    SetLanguage(language);
    return false;
  }
  if (a.contains("hover_tip")) {
    // The mouse onto the control that carries this tooltip.
    const std::optional<ImVec2> center =
        a["hover_tip"].is_string() ? TooltipItemCenter(a["hover_tip"].get<std::string>().c_str()) : std::nullopt;
    if (!center) return Error{"no control with the tooltip " + a["hover_tip"].dump() + " is on screen"};
    mouse_ = *center;
    frame->mouse = mouse_;
    // With "press": true, pressed there and released on the next frame.
    frame->mouse_down = a.contains("press") && a["press"] == true;
    release_pending_ = frame->mouse_down;
    return true;
  }
  if (a.contains("wait")) {
    // Real time passes, as for a user resting the mouse: ImGui's clock
    // follows the wall clock, so the next frame sees the delay.
    if (!a["wait"].is_number() || a["wait"].get<double>() < 0 || a["wait"].get<double>() > 10) {
      return Error{"wait takes seconds, from 0 to 10"};
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(a["wait"].get<double>()));
    return true;
  }
  if (a.contains("frames")) {
    Result<int> n = IntFromJson(a, "frames", 1);
    if (!n || *n < 1) return Error{"frames must be a positive whole number"};
    pending_frames_ = *n - 1;
    return true;
  }
  if (a.contains("screenshot")) {
    if (!a["screenshot"].is_string()) return Error{"screenshot needs a file name"};
    frame->screenshot = a["screenshot"].get<std::string>();
    return true;
  }
  return Error{"unknown action"};
}

}  // namespace convstep
