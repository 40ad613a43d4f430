// Index of this file:
// [SECTION] Paths
// [SECTION] Loading and running
// [SECTION] The actions

#include "app/testing/script.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>
#include <thread>

#include "app/i18n/i18n.h"
#include "app/state/document.h"
#include "app/state/export_job.h"
#include "app/state/network_actions.h"
#include "app/state/presets.h"
#include "app/testing/state_dump.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/tooltip.h"
#include "core/nn/architectures.h"

namespace convstep {

namespace {

// GLFW's key codes; io.KeysDown is indexed by them in ImGui 1.86's backend.
struct NamedKey {
  const char* name;
  int code;
};
constexpr NamedKey kKeys[] = {{"space", 32},      {"right", 262},  {"left", 263},   {"home", 268},
                              {"end", 269},       {"plus", 61},    {"minus", 45},   {"f11", 300},
                              {"q", 81},          {"z", 90},       {"y", 89},       {"v", 86},
                              {"enter", 257},     {"escape", 256}, {"tab", 258},    {"up", 265},
                              {"down", 264},      {"0", 48},       {"f1", 290},     {"backspace", 259},
                              {"delete", 261},    {"a", 65},       {"kp_add", 334}, {"kp_subtract", 333}, {"0", 48}};

}  // namespace

std::optional<int> KeyCode(const std::string& name) {
  for (const NamedKey& k : kKeys) {
    if (name == k.name) return k.code;
  }
  return std::nullopt;
}

Result<bool> SetParameter(AppState& state, const std::string& name, const Json& value) {
  const Conv2dSpec& spec = state.session.conv;
  const Json holder = {{name, value}};
  Result<ConvEdit> edit = Error{"unknown parameter '" + name + "'"};
  if (name == "kernel" || name == "stride" || name == "dilation") {
    Result<Pair> p = PairFromJson(holder, name, Pair{});
    if (!p) return Error{p.error()};
    edit = name == "kernel" ? SetKernelSize(spec, *p) : name == "stride" ? SetStride(spec, *p) : SetDilation(spec, *p);
  } else if (name == "padding") {
    Result<PaddingSpec> p = PaddingFromJson(holder);
    if (!p) return Error{p.error()};
    edit = SetPadding(spec, *p);
  } else if (name == "padding_mode") {
    Result<PaddingMode> m = PaddingModeFromJson(holder);
    if (!m) return Error{m.error()};
    edit = SetPaddingMode(spec, *m);
  } else if (name == "filters" || name == "groups") {
    Result<int> n = IntFromJson(holder, name, 0);
    if (!n) return Error{n.error()};
    edit = name == "filters" ? SetFilterCount(spec, *n) : SetGroups(spec, *n);
  } else if (name == "bias") {
    if (!value.is_boolean()) return Error{"bias must be true or false"};
    edit = SetBias(spec, value.get<bool>());
  } else if (name == "activation") {
    Activation activation = Activation::kNone;
    if (!value.is_string() || !ActivationFromName(value.get<std::string>(), &activation)) {
      return Error{"activation must be \"none\" or \"relu\""};
    }
    state.SetActivation(activation);
    return true;
  }
  if (!state.Edit(edit, "script:" + name)) return Error{state.view.message};
  return true;
}

// [SECTION] Paths

ScriptPaths::~ScriptPaths() {
  if (tmp_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(tmp_, ignored);
}

std::string ScriptPaths::CorpusDir() {
  const char* dir = std::getenv("CONVSTEP_CORPUS_DIR");
  if (dir != nullptr && *dir != '\0') return dir;
#ifdef CONVSTEP_FUZZ_CORPUS_DIR
  return CONVSTEP_FUZZ_CORPUS_DIR;
#else
  return "fuzz/corpus";
#endif
}

std::string ScriptPaths::Expand(const std::string& path) {
  static constexpr std::string_view kTmp = "$TMP/";
  static constexpr std::string_view kCorpus = "$CORPUS/";
  if (path.starts_with(kCorpus)) return CorpusDir() + "/" + path.substr(kCorpus.size());
  if (!path.starts_with(kTmp)) return path;
  if (tmp_.empty()) {
    static std::atomic<int> count{0};
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("convstep-script-" + std::to_string(getpid()) + "-" + std::to_string(++count));
    std::error_code ignored;
    std::filesystem::create_directories(dir, ignored);
    tmp_ = dir.string();
  }
  return tmp_ + "/" + path.substr(kTmp.size());
}

// [SECTION] Loading and running

Result<Script> Script::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{"cannot open the script '" + path + "'"};
  std::stringstream text;
  text << in.rdbuf();
  Result<Json> json = ParseJson(text.str());
  if (!json) return Error{"script: " + json.error()};
  return FromJson(*json);
}

Result<Script> Script::FromJson(const Json& actions) {
  if (!actions.is_array()) return Error{"a script is a JSON list of actions"};
  Script script;
  for (const Json& action : actions) {
    if (!action.is_object()) return Error{"every action of a script is a JSON object"};
    script.actions_.push_back(action);
  }
  return script;
}

Result<FrameInput> Script::Next(AppState& state) {
  FrameInput frame;
  ScriptProgress& p = progress_;
  frame.mouse = p.mouse;
  if (p.release_pending) {
    p.release_pending = false;
    return frame;
  }
  if (p.exporting) {
    if (ExportJob* job = state.view.export_job ? &*state.view.export_job : nullptr) {
      if (p.cancel_after >= 0 && job->next >= p.cancel_after) {
        frame.key = *KeyCode("escape");
        p.release_pending = true;
        p.cancel_after = -1;
      }
      return frame;
    }
    p.exporting = false;
  }
  if (!p.drag.empty()) {
    // The button held down along the path, then let go where it ends.
    p.mouse = p.drag.front();
    p.drag.erase(p.drag.begin());
    frame.mouse = p.mouse;
    frame.mouse_down = true;
    p.release_pending = p.drag.empty();
    return frame;
  }
  if (p.training) {
    // The frames go on, a little apart, while the network trains or
    // classifies the test set.
    if (state.view.network.job || state.view.network.test_job) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      return frame;
    }
    p.training = false;
  }
  if (p.pending_frames > 0) {
    --p.pending_frames;
    return frame;
  }
  refusal_.clear();
  // Scripted frames advance no clock: a glide that the last action's frame
  // began (a key, a click on an output cell) is ended here, or a screenshot
  // taken next would show the window still where it came from.
  state.view.glide_t = 1.0f;
  while (next_ < actions_.size()) {
    const Json& action = actions_[next_++];
    Result<bool> needs_frame = Apply(action, state, &frame);
    if (!needs_frame) {
      const std::string what = "script action " + std::to_string(next_) + " " + action.dump(-1, ' ', false, Json::error_handler_t::replace) + ": " + needs_frame.error();
      if (!(action.contains("may_refuse") && action["may_refuse"] == true)) return Error{what};
      // Refused as a user's window would refuse it: noted, and on.
      refusal_ = needs_frame.error();
      ++refusals_;
      continue;
    }
    if (*needs_frame) break;
  }
  return frame;
}

// [SECTION] The actions
//
// One function per action, found by the first of the table's names that
// the action object holds. Each checks its arguments before it changes
// anything, and returns whether the action needs a frame drawn before the
// next one.

namespace {

struct ActionContext {
  AppState& state;
  FrameInput& frame;
  ScriptProgress& progress;
  ScriptPaths& paths;
};

using ActionFn = Result<bool> (*)(const Json& a, ActionContext& c);

// The string at a["key"], or an error naming what it should be.
Result<std::string> StringField(const Json& a, const char* key, const char* what) {
  if (!a.contains(key) || !a[key].is_string()) return Error{what};
  return a[key].get<std::string>();
}

// The fill tools' classic kernel on one filter: {"classic_kernel": "sobel_x", "filter": 1}.
Result<bool> ClassicKernel(const Json& a, ActionContext& c) {
  Result<std::string> name = StringField(a, "classic_kernel", "\"classic_kernel\" names a kernel, e.g. \"sobel_x\"");
  if (!name) return Error{name.error()};
  Result<int> filter = IntFromJson(a, "filter", 0);
  if (!filter) return Error{filter.error()};
  if (!c.state.Edit(ApplyClassicKernel(c.state.session.conv, *filter, *name), "")) {
    return Error{"the kernel was refused: " + c.state.view.message};
  }
  return false;
}

Result<bool> Set(const Json& a, ActionContext& c) {
  if (!a["set"].is_string() || !a.contains("value")) return Error{"\"set\" needs a name and a \"value\""};
  Result<bool> done = SetParameter(c.state, a["set"].get<std::string>(), a["value"]);
  if (!done) return Error{done.error()};
  return false;
}

Result<bool> Step(const Json& a, ActionContext& c) {
  Result<int> k = IntFromJson(a, "step", 0);
  if (!k) return Error{k.error()};
  if (*k < 0 || *k >= c.state.conv->TotalSteps()) return Error{"step out of range"};
  c.state.GoToStep(*k);
  c.state.view.glide_t = 1.0f;  // a script wants the step, not the animation
  return false;
}

Result<bool> SwitchTab(const Json& a, ActionContext& c) {
  for (Tab t : kAllTabs) {
    if (a["tab"] == TabName(t)) {
      c.state.view.tab = t;
      c.state.view.tab_requested = true;
      c.progress.pending_frames = 1;  // the tab bar switches on the next frame
      return true;
    }
  }
  return Error{"unknown tab"};
}

// The mouse onto a cell of a grid on screen; pressed there with `click`,
// and released on the next frame.
Result<bool> PointAtCell(const Json& a, ActionContext& c, bool click) {
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
  c.progress.mouse = it->second.CellCenter(cell->h, cell->w);
  c.frame.mouse = c.progress.mouse;
  c.frame.mouse_down = click;
  if (a.contains("wheel")) {
    if (!a["wheel"].is_number()) return Error{"\"wheel\" is a number of notches"};
    c.frame.wheel = a["wheel"].get<float>();
  }
  c.progress.release_pending = click;
  c.progress.pending_frames = 1;  // the panels see the hover, then report it
  return true;
}

// {"network": {"example": k, "brush": r, "draw": bool, "every_layer": bool, "page":
// "layers" | "training" | "test_set", "test_images": N, "cell": [truth, predicted],
// "filter": f, "test_picture": i}}: the Network tab's own choices, as its
// buttons make them (the example counted from 0). On the Test set page the
// script goes on once the test set is classified.
Result<bool> NetworkAction(const Json& a, ActionContext& c) {
  const Json& n = a["network"];
  if (!n.is_object()) return Error{"network takes an object: example, draw, every_layer, page"};
  NetworkViewState& nv = c.state.view.network;
  for (const auto& [key, value] : n.items()) {
    if (key == "example" && value.is_number_integer() && value.get<int>() >= 0 &&
        value.get<size_t>() < ShippedExamples().size()) {
      nv.example = value.get<int>();
    } else if (key == "brush" && value.is_number() && value.get<double>() >= 0.5 && value.get<double>() <= 3) {
      nv.brush = value.get<float>();
    } else if ((key == "draw" || key == "every_layer") && value.is_boolean()) {
      (key == "draw" ? nv.drawing : nv.every_layer) = value.get<bool>();
    } else if (key == "page" && (value == "layers" || value == "training" || value == "test_set")) {
      nv.page = value == "layers" ? NetworkPage::kLayers : value == "training" ? NetworkPage::kTraining : NetworkPage::kTestSet;
      nv.page_requested = true;
      // ServiceTestSet starts the job after the page's frame; the script waits for it.
      c.progress.training = nv.page == NetworkPage::kTestSet;
    } else if (key == "test_images" && value.is_number_integer() && value.get<int>() >= 1 && value.get<int>() <= 10000) {
      nv.training.test_images = value.get<int>();
    } else if (key == "cell" && value.is_array() && value.size() == 2 && value[0].is_number_integer() &&
               value[1].is_number_integer()) {
      nv.test_cell = {value[0].get<int>(), value[1].get<int>()};
    } else if (key == "filter" && value.is_number_integer() && value.get<int>() >= 0) {
      nv.test_filter = value.get<int>();
    } else if (key == "test_picture" && value.is_number_integer()) {
      if (!ShowTestPicture(c.state, value.get<int>())) return Error{"network: no test picture " + value.dump() + " is read"};
    } else {
      return Error{"network: " + key + " must be example (0 to " + std::to_string(ShippedExamples().size() - 1) +
                   "), brush (0.5 to 3), draw or every_layer (true or false), page (\"layers\", \"training\" or "
                   "\"test_set\"), test_images (1 to 10000), cell [truth, predicted], filter or test_picture"};
    }
  }
  c.progress.pending_frames = 1;  // a page switches on the next frame
  return true;
}

// {"drag": grid, "from": [y, x], "to": [y, x]}: the mouse pressed on cell
// `from` of a grid on screen, moved to `to` over ten frames, released there
// (painting on the Network tab's canvas, "net/input").
Result<bool> Drag(const Json& a, ActionContext& c) {
  if (!a["drag"].is_string()) return Error{"name the grid, e.g. \"net/input\""};
  const auto it = GridPlacements().find(a["drag"].get<std::string>());
  if (it == GridPlacements().end()) return Error{"no grid called " + a["drag"].dump() + " is on screen"};
  Result<Pair> from = PairFromJson(a, "from", Pair{-1, -1});
  Result<Pair> to = PairFromJson(a, "to", Pair{-1, -1});
  if (!from || !to) return Error{"drag needs \"from\" and \"to\" cells, [row, column]"};
  const ImVec2 start = it->second.CellCenter(from->h, from->w);
  const ImVec2 end = it->second.CellCenter(to->h, to->w);
  constexpr int kSteps = 10;
  c.progress.drag.clear();
  for (int i = 0; i <= kSteps; ++i) {
    const float t = static_cast<float>(i) / kSteps;
    c.progress.drag.emplace_back(start.x + (end.x - start.x) * t, start.y + (end.y - start.y) * t);
  }
  return true;
}

Result<bool> Key(const Json& a, ActionContext& c) {
  const std::optional<int> code = a["key"].is_string() ? KeyCode(a["key"].get<std::string>()) : std::nullopt;
  if (!code) return Error{"unknown key"};
  c.frame.key = *code;
  c.frame.ctrl = a.contains("ctrl") && a["ctrl"] == true;
  c.frame.shift = a.contains("shift") && a["shift"] == true;
  c.progress.release_pending = true;  // up again on the next frame, so the next key is a new press
  return true;
}

Result<bool> Clipboard(const Json& a, ActionContext&) {
  // What a copy in a spreadsheet leaves; Ctrl+V then pastes it.
  if (!a["clipboard"].is_string()) return Error{"\"clipboard\" needs the text to copy"};
  ImGui::SetClipboardText(a["clipboard"].get<std::string>().c_str());
  return false;
}

Result<bool> Drop(const Json& a, ActionContext& c) {
  // What GLFW's drop callback hands over when a file lands on the window.
  if (!a["drop"].is_string()) return Error{"\"drop\" needs a file path"};
  std::string path = c.paths.Expand(a["drop"].get<std::string>());
  if (a.contains("as")) {
    if (!a["as"].is_string() || !a["as"].get<std::string>().starts_with(".")) {
      return Error{"\"as\" is an extension such as \".png\""};
    }
    const std::string copy = c.paths.Expand("$TMP/" + std::filesystem::path(path).filename().string() +
                                            a["as"].get<std::string>());
    std::error_code error;
    std::filesystem::copy_file(path, copy, std::filesystem::copy_options::overwrite_existing, error);
    if (error) return Error{"cannot copy '" + path + "': " + error.message()};
    path = copy;
  }
  OpenPath(c.state, path);
  c.progress.pending_frames = 1;
  return true;
}

Result<bool> CopyCodeAction(const Json& a, ActionContext& c) {
  if (a["copy_code"] != "pytorch" && a["copy_code"] != "keras") return Error{"copy_code is pytorch or keras"};
  CopyCode(c.state, a["copy_code"] == "pytorch" ? CodeLanguage::kPytorch : CodeLanguage::kKeras);
  return false;
}

Result<bool> ExportTableAction(const Json& a, ActionContext& c) {
  // File > Export a table, with the dialog's answer.
  const Json& t = a["export_table"];
  static const std::pair<const char*, TableKind> kKinds[] = {
      {"im2col", TableKind::kIm2col}, {"output", TableKind::kOutput}, {"summary", TableKind::kSummary}};
  static const std::pair<const char*, TableFormat> kFormats[] = {
      {"csv", TableFormat::kCsv}, {"markdown", TableFormat::kMarkdown}, {"latex", TableFormat::kLatex}};
  if (!t.is_object() || !t.contains("path") || !t["path"].is_string()) {
    return Error{"export_table takes {\"kind\", \"format\", \"path\"}"};
  }
  const auto kind = std::find_if(std::begin(kKinds), std::end(kKinds),
                                 [&](const auto& k) { return t.value("kind", Json()) == k.first; });
  const auto format = std::find_if(std::begin(kFormats), std::end(kFormats),
                                   [&](const auto& f) { return t.value("format", Json()) == f.first; });
  if (kind == std::end(kKinds) || format == std::end(kFormats)) {
    return Error{"kind is im2col, output or summary; format is csv, markdown or latex"};
  }
  ExportTable(c.state, kind->second, format->second, c.paths.Expand(t["path"].get<std::string>()));
  return false;
}

Result<bool> Save(const Json& a, ActionContext& c) {
  // File > Save as, with the dialog's answer.
  if (!a["save"].is_string()) return Error{"\"save\" needs a file path"};
  SaveSessionTo(c.state, c.paths.Expand(a["save"].get<std::string>()));
  return false;
}

Result<bool> ImportImageAction(const Json& a, ActionContext& c) {
  // The import dialog's "Import as the input" with its options, or its Cancel.
  const Json& o = a["import_image"];
  if (o == "cancel") {
    if (c.state.view.pending_image.empty()) return Error{"no picture is waiting to be imported"};
    c.state.view.pending_image.clear();
    return false;
  }
  if (!o.is_object()) return Error{"import_image takes {\"rgb\", \"size\", \"scale\", \"fit\"} or \"cancel\""};
  ImageGridOptions options;
  options.rgb = o.contains("rgb") && o["rgb"] == true;
  Result<Pair> size = PairFromJson(o, "size", Pair{options.height, options.width});
  if (!size) return Error{size.error()};
  options.height = size->h;
  options.width = size->w;
  if (o.contains("scale") && o["scale"] == 1) options.scale = 1;
  if (o.contains("fit")) {
    const std::optional<ImageFit> fit =
        o["fit"].is_string() ? ImageFitFromName(o["fit"].get<std::string>()) : std::nullopt;
    if (!fit) return Error{"import_image's fit is crop, fit or stretch"};
    options.fit = *fit;
  }
  if (c.state.view.pending_image.empty()) return Error{"no picture is waiting to be imported"};
  const std::string path = c.state.view.pending_image;
  c.state.view.pending_image.clear();
  ImportImage(c.state, path, options);
  return false;
}

// {"import_sound": {"view": "waveform" | "spectrogram" | "mel" | "mfcc",
// "channel", "rate", "start", "length", "n_fft", "hop_length", "n_mels",
// "n_mfcc"}} answers the sound import dialog as its controls would (absent
// fields keep the dialog's choices); "cancel" closes it.
Result<bool> ImportSoundAction(const Json& a, ActionContext& c) {
  const Json& o = a["import_sound"];
  if (c.state.view.pending_sound.empty()) return Error{"no sound is waiting to be imported"};
  if (o == "cancel") {
    c.state.view.pending_sound.clear();
    return false;
  }
  if (!o.is_object()) return Error{"import_sound takes {\"view\", \"rate\", \"start\", \"length\", ...} or \"cancel\""};
  SoundImportOptions options = c.state.view.sound_import.options;
  static const std::pair<const char*, SoundView> kViews[] = {{"waveform", SoundView::kWaveform},
                                                             {"spectrogram", SoundView::kSpectrogram},
                                                             {"mel", SoundView::kMel},
                                                             {"mfcc", SoundView::kMfcc}};
  if (o.contains("view")) {
    const auto view = std::find_if(std::begin(kViews), std::end(kViews), [&](const auto& v) { return o["view"] == v.first; });
    if (view == std::end(kViews)) return Error{"import_sound's view is waveform, spectrogram, mel or mfcc"};
    options.view = view->second;
  }
  for (auto [field, out] : {std::pair{"rate", &options.rate}, std::pair{"n_fft", &options.n_fft},
                            std::pair{"hop_length", &options.hop_length}, std::pair{"n_mels", &options.n_mels},
                            std::pair{"n_mfcc", &options.n_mfcc}}) {
    Result<int> v = IntFromJson(o, field, *out);
    if (!v) return Error{v.error()};
    *out = *v;
  }
  if (o.contains("channel")) {
    Result<int> channel = IntFromJson(o, "channel", 0);
    if (!channel) return Error{channel.error()};
    options.channel = *channel;
  }
  for (auto [field, out] : {std::pair{"start", &options.start_seconds}, std::pair{"length", &options.length_seconds}}) {
    if (!o.contains(field)) continue;
    if (!o[field].is_number()) return Error{std::string("import_sound's ") + field + " is a number of seconds"};
    *out = o[field].get<double>();
  }
  const std::string path = c.state.view.pending_sound;
  c.state.view.pending_sound.clear();
  c.state.view.sound_import.options = options;
  ImportSound(c.state, path, options);
  return false;
}

// {"play": "sound" | "window" | "stop"} or {"play": "output", "filter": f}:
// the play buttons, taken up by the shell's sound output after the frame.
Result<bool> Play(const Json& a, ActionContext& c) {
  const Json& what = a["play"];
  if (what == "stop") {
    c.state.view.stop_sound = true;
    return true;
  }
  static const std::pair<const char*, PlayWhat> kWhat[] = {
      {"sound", PlayWhat::kSound}, {"window", PlayWhat::kWindow}, {"output", PlayWhat::kOutput}};
  const auto it = std::find_if(std::begin(kWhat), std::end(kWhat), [&](const auto& w) { return what == w.first; });
  if (it == std::end(kWhat)) return Error{"play takes sound, window, output (with a filter) or stop"};
  Result<int> filter = IntFromJson(a, "filter", 0);
  if (!filter) return Error{filter.error()};
  c.state.view.play_order = PlayOrder{it->second, *filter};
  return true;
}

// {"record": "start" | "stop"}: File ▸ Record from the microphone and the
// recording dialog's Stop.
Result<bool> Record(const Json& a, ActionContext& c) {
  if (a["record"] == "start") c.state.view.recording.start = true;
  else if (a["record"] == "stop") c.state.view.recording.stop = true;
  else return Error{"record takes start or stop"};
  return true;
}

Result<bool> PasteChoice(const Json& a, ActionContext& c) {
  const Json& choice = a["paste_choice"];
  if (choice == "cancel") {
    c.state.view.pending_paste.reset();  // the dialog's Cancel
    return false;
  }
  if (choice != "resize" && choice != "top-left") return Error{"paste_choice is resize, top-left or cancel"};
  FinishPaste(c.state, choice == "resize" ? PasteFit::kResize : PasteFit::kTopLeft);
  return false;
}

Result<bool> Type(const Json& a, ActionContext& c) {
  if (!a["type"].is_string()) return Error{"\"type\" needs the text to type"};
  c.frame.text = a["type"].get<std::string>();
  return true;
}

Result<bool> Export(const Json& a, ActionContext& c) {
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
  // The GIF's options in the File menu, set as its field and check box do.
  GifExportOptions& gif = c.state.view.gif_options;
  Result<int> loop_seconds = IntFromJson(a, "loop_seconds", gif.loop_seconds);
  if (!loop_seconds) return Error{loop_seconds.error()};
  gif.loop_seconds = std::clamp(*loop_seconds, kMinLoopSeconds, kMaxLoopSeconds);
  if (a.contains("dither")) {
    if (a["dither"] != "none" && a["dither"] != "floyd_steinberg") return Error{"dither is none or floyd_steinberg"};
    gif.dither = a["dither"] == "none" ? GifDither::kNone : GifDither::kFloydSteinberg;
  }
  // A path that cannot be written leaves its message and no job.
  c.progress.exporting = StartExport(c.state, kind->second, c.paths.Expand(a["path"].get<std::string>()));
  c.progress.cancel_after = *cancel_after;
  return c.progress.exporting;
}

Result<bool> LanguageAction(const Json& a, ActionContext&) {
  // What Language > English / Español does.
  Language language = Language::kEnglish;
  if (!a["language"].is_string() || !LanguageFromCode(a["language"].get<std::string>(), &language)) {
    return Error{"language is \"en\" or \"es\""};
  }
  SetLanguage(language);
  return false;
}

Result<bool> HoverTip(const Json& a, ActionContext& c) {
  // The mouse onto the control that carries this tooltip.
  const std::optional<ImVec2> center =
      a["hover_tip"].is_string() ? TooltipItemCenter(a["hover_tip"].get<std::string>().c_str()) : std::nullopt;
  if (!center) return Error{"no control with the tooltip " + a["hover_tip"].dump() + " is on screen"};
  c.progress.mouse = *center;
  c.frame.mouse = c.progress.mouse;
  // With "press": true, pressed there and released on the next frame.
  c.frame.mouse_down = a.contains("press") && a["press"] == true;
  c.progress.release_pending = c.frame.mouse_down;
  return true;
}

Result<bool> Wait(const Json& a, ActionContext&) {
  // Real time passes, as for a user resting the mouse: ImGui's clock
  // follows the wall clock, so the next frame sees the delay.
  if (!a["wait"].is_number() || a["wait"].get<double>() < 0 || a["wait"].get<double>() > 10) {
    return Error{"wait takes seconds, from 0 to 10"};
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(a["wait"].get<double>()));
  return true;
}

// {"train": "lecture" | "lenet5" | "tiny" | "summary", "images": N,
// "test_images": T, "epochs": E, "batch": B, "seed": S}: Train pressed on the Network tab's
// training page with those choices; the script goes on once it is done.
Result<bool> TrainAction(const Json& a, ActionContext& c) {
  NetworkViewState& nv = c.state.view.network;
  Result<std::string> name = StringField(a, "train", "train names the network: lecture, lenet5, tiny or summary");
  if (!name) return name.failure();
  Architecture architecture = Architecture::kLecture;
  if (*name == "summary") nv.architecture = kSummaryModel;
  else if (ArchitectureFromName(name->c_str(), &architecture)) nv.architecture = static_cast<int>(architecture);
  else return Error{"train names the network: lecture, lenet5, tiny or summary"};
  TrainingOptions& o = nv.training;
  Result<int> images = IntFromJson(a, "images", o.train_images);
  Result<int> epochs = IntFromJson(a, "epochs", o.epochs);
  Result<int> batch = IntFromJson(a, "batch", o.batch_size);
  Result<int> seed = IntFromJson(a, "seed", static_cast<int>(o.seed));
  Result<int> tests = IntFromJson(a, "test_images", o.test_images);
  if (!images || !epochs || !batch || !seed || !tests || *images < 1 || *epochs < 1 || *epochs > 20 || *batch < 1 ||
      *seed < 0 || *tests < 1) {
    return Error{"train's images, test_images, epochs (1 to 20), batch and seed are positive whole numbers"};
  }
  o.train_images = std::min(*images, 60000);
  o.test_images = std::min(*tests, 10000);
  o.epochs = *epochs;
  o.batch_size = *batch;
  o.seed = static_cast<std::uint64_t>(*seed);
  c.progress.training = StartTraining(c.state);
  return true;
}

Result<bool> Frames(const Json& a, ActionContext& c) {
  Result<int> n = IntFromJson(a, "frames", 1);
  if (!n || *n < 1) return Error{"frames must be a positive whole number"};
  c.progress.pending_frames = *n - 1;
  return true;
}

Result<bool> Screenshot(const Json& a, ActionContext& c) {
  Result<std::string> path = StringField(a, "screenshot", "screenshot needs a file name");
  if (!path) return Error{path.error()};
  c.frame.screenshot = c.paths.Expand(*path);
  return true;
}

Result<bool> Preset(const Json& a, ActionContext& c) {
  // A click in the Presets menu: undoable, like any change.
  Result<std::string> name = StringField(a, "preset", "\"preset\" needs a preset's name");
  if (!name) return Error{name.error()};
  // An unknown name is the script's mistake, not the user's: it ends the script.
  if (Result<Session> session = LoadPreset(*name); !session) return Error{session.error()};
  OpenPreset(c.state, *name);
  return false;
}

Result<bool> InputSize(const Json& a, ActionContext& c) {
  // The parameter panel's input size: channels, rows, columns.
  const Json& s = a["input_size"];
  if (!s.is_array() || s.size() != 3 || !std::all_of(s.begin(), s.end(), [](const Json& v) { return v.is_number_integer(); })) {
    return Error{"input_size is [channels, rows, columns]"};
  }
  const long long ch = s[0].get<long long>();
  const long long h = s[1].get<long long>();
  const long long w = s[2].get<long long>();
  // Within int, so that the core's edit sees the number given and refuses it.
  const auto fits = [](long long v) { return v >= -(1LL << 30) && v <= (1LL << 30); };
  if (!fits(ch) || !fits(h) || !fits(w)) return Error{"input_size: a number out of range"};
  // A refused size leaves its reason in the status line, as the panel's would.
  if (!c.state.Edit(ResizeInput(c.state.session.conv, static_cast<int>(ch), static_cast<int>(h), static_cast<int>(w)),
                    "script:input_size")) {
    return Error{c.state.view.message};
  }
  return false;
}

Result<bool> Expect(const Json& a, ActionContext& c) {
  // What the state dump must say at this point (regression scripts check
  // their own outcome): {"expect": {"total_steps": 9, "tab": "pooling"}}.
  const Json& expected = a["expect"];
  if (!expected.is_object() || expected.empty()) return Error{"expect takes {\"field of the state dump\": value, ...}"};
  const Json dump = DumpState(c.state);
  std::string wrong;
  for (const auto& [key, value] : expected.items()) {
    const Json shown = dump.contains(key) ? dump[key] : Json();
    if (shown != value) wrong += (wrong.empty() ? "" : "; ") + key + " is " + shown.dump() + ", not " + value.dump();
  }
  if (!wrong.empty()) return Error{"expected otherwise: " + wrong};
  return false;
}

struct NamedAction {
  const char* name;
  ActionFn apply;
};

// In this order: an object with two of these names is the first one's.
constexpr NamedAction kActions[] = {
    {"set", Set},
    {"step", Step},
    {"tab", SwitchTab},
    {"click", [](const Json& a, ActionContext& c) { return PointAtCell(a, c, true); }},
    {"hover", [](const Json& a, ActionContext& c) { return PointAtCell(a, c, false); }},
    {"drag", Drag},
    {"key", Key},
    {"clipboard", Clipboard},
    {"drop", Drop},
    {"copy_code", CopyCodeAction},
    {"export_table", ExportTableAction},
    {"save", Save},
    {"import_image", ImportImageAction},
    {"import_sound", ImportSoundAction},
    {"play", Play},
    {"record", Record},
    {"classic_kernel", ClassicKernel},
    {"paste_choice", PasteChoice},
    {"type", Type},
    {"export", Export},
    {"language", LanguageAction},
    {"hover_tip", HoverTip},
    {"wait", Wait},
    {"frames", Frames},
    {"train", TrainAction},
    {"network", NetworkAction},
    {"screenshot", Screenshot},
    {"preset", Preset},
    {"input_size", InputSize},
    {"expect", Expect},
};

}  // namespace

Result<bool> Script::Apply(const Json& a, AppState& state, FrameInput* frame) {
  ActionContext context{state, *frame, progress_, *paths_};
  for (const NamedAction& action : kActions) {
    if (a.contains(action.name)) return action.apply(a, context);
  }
  return Error{"unknown action"};
}

}  // namespace convstep
