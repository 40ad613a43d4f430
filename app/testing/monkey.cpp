// Index of this file:
// [SECTION] Ranges
// [SECTION] Values
// [SECTION] Actions

#include "app/testing/monkey.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "app/embed/embedded_json.h"
#include "app/testing/script.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/tooltip.h"

namespace convstep {

namespace {

// The fuzz corpus as drops: every file, and pictures (kept there without
// an extension) dropped as a copy with one.
std::vector<Json> CorpusDrops() {
  std::vector<Json> drops;
  const std::filesystem::path root = ScriptPaths::CorpusDir();
  std::error_code error;
  std::vector<std::string> files;
  for (auto it = std::filesystem::recursive_directory_iterator(root, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file(error)) files.push_back(std::filesystem::relative(it->path(), root, error).generic_string());
  }
  std::sort(files.begin(), files.end());  // the same order on every machine
  for (const std::string& file : files) {
    Json drop = {{"drop", "$CORPUS/" + file}};
    if (std::filesystem::path(file).extension().empty()) {
      for (const char* ext : {"png", "bmp", "gif", "jpg"}) {
        if (file.find(ext) != std::string::npos) drop["as"] = std::string(".") + ext;
      }
      if (file.starts_with("sound_file/")) drop["as"] = ".wav";
    }
    drops.push_back(std::move(drop));
  }
  return drops;
}

// The tooltip keys of the string table: every control that explains itself.
std::vector<std::string> TooltipKeys() {
  std::vector<std::string> keys;
  for (const EmbeddedJson& table : EmbeddedStringTables()) {
    if (std::string(table.name) != "en") continue;
    Result<Json> json = ParseJson(table.json);
    if (!json || !json->is_object()) continue;
    for (const auto& [key, text] : json->items()) {
      if (key.starts_with("tip.")) keys.push_back(key);
    }
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Files written in $TMP are named from a few names, written over again, so
// that a long run does not fill the disk.
constexpr int kFileNames = 8;

Json Refusable(Json action) {
  action["may_refuse"] = true;
  return action;
}

}  // namespace

Monkey::Monkey(std::uint64_t seed) : rng_(seed), tips_(TooltipKeys()), corpus_(CorpusDrops()) {
  for (const EmbeddedJson& p : EmbeddedPresets()) presets_.emplace_back(p.name);
  std::sort(presets_.begin(), presets_.end());
}

// [SECTION] Ranges

std::uint64_t Monkey::Below(std::uint64_t n) {
  // Lemire's multiply-shift: the high half of a 64×64-bit product.
  __extension__ using Wide = unsigned __int128;
  return static_cast<std::uint64_t>((static_cast<Wide>(rng_()) * n) >> 64);
}

int Monkey::Between(int lo, int hi) {
  return lo + static_cast<int>(Below(static_cast<std::uint64_t>(static_cast<long long>(hi) - lo + 1)));
}

bool Monkey::Chance(double p) { return static_cast<double>(rng_() >> 11) * 0x1.0p-53 < p; }

// [SECTION] Values

std::string Monkey::TypedText() {
  static const std::vector<std::string> kSpecial = {
      "1e308", "1e400", "-1e400", "1e-400", "99999999999999999999", "-99999999999999999999", "nan", "inf", "-inf",
      "-0", "", " ", "abc", "1,2,3", "--1", "1..2", "0x1F", "1e", "+", "\u00bd", "\u221e", "\u0661\u0662",
      "12\u00a0345", "131,200", "131.200", "1,5", "-2,25", "  7  ", "3/4", "1 000", "\u2212" "5", "e5", "1e5",
      "2147483648", "-2147483649", "0.1", "1\t2", "\u00e9", "\U0001F600"};
  switch (Below(4)) {
    case 0: return std::to_string(Between(-9, 9));
    case 1: return std::to_string(Between(-1000, 1000)) + (Chance(0.5) ? "." : ",") + std::to_string(Between(0, 99));
    case 2: return Pick(kSpecial);
    default: return Chance(0.1) ? std::string(static_cast<size_t>(Between(100, 400)), '9') : RandomText();
  }
}

std::string Monkey::RandomText() {
  static const std::vector<std::string> kPieces = {
      "0", "1", "2", "5", "9", "-", "+", ".", ",", ";", "\t", "\n", "\r\n", " ", "e", "E", "a", "z", "?", "[",
      "]", "{", "}", "\"", "\\", "%", "#", "\u00f1", "\u00e1", "\u2192", "\u00d7", "\U0001F600", "nan", "1e400"};
  std::string text;
  const int n = Between(0, 24);
  for (int i = 0; i < n; ++i) text += Pick(kPieces);
  return text;
}

std::string Monkey::GridText() {
  static const std::vector<std::string> kSeparators = {"\t", ";", ",", " ", "  "};
  const std::string sep = Pick(kSeparators);
  // A decimal comma only where the separator leaves room for one.
  const bool comma_decimal = (sep == "\t" || sep == ";") && Chance(0.5);
  const int channels = Chance(0.8) ? 1 : Between(2, 4);
  const int rows = Chance(0.1) ? Between(1, 300) : Between(1, 9);
  const int cols = Chance(0.1) ? Between(1, 300) : Between(1, 9);
  const bool ragged = Chance(0.05);
  const std::string newline = Chance(0.2) ? "\r\n" : "\n";
  std::string text;
  for (int c = 0; c < channels; ++c) {
    if (c > 0) text += newline;
    for (int y = 0; y < rows; ++y) {
      const int n = ragged && y == rows - 1 ? std::max(1, cols - 1) : cols;
      for (int x = 0; x < n; ++x) {
        if (x > 0) text += sep;
        if (Chance(0.7)) {
          text += std::to_string(Between(-9, 9));
        } else {
          text += std::to_string(Between(-99, 99)) + (comma_decimal ? "," : ".") + std::to_string(Between(0, 9));
        }
      }
      text += newline;
    }
  }
  if (Chance(0.05)) text += Pick(std::vector<std::string>{"x", "1e400", "nan", ";;", "\t\t"});
  return text;
}

Json Monkey::ExtremeValue() {
  switch (Below(16)) {
    case 0: return 0;
    case 1: return -3;
    case 2: return 1000;
    case 3: return 1e308;
    case 4: return -1e308;
    case 5: return 2147483648LL;
    case 6: return -2147483649LL;
    case 7: return 1.5;
    case 8: return "1e400";
    case 9: return "";
    case 10: return nullptr;
    case 11: return true;
    case 12: return Json::array();
    case 13: return Json::object();
    case 14: return Json::array({Between(-5, 5), Between(-5, 5), Between(-5, 5)});
    default: return Json::array({1000000, 1000000});
  }
}

Json Monkey::ParameterValue(const std::string& name) {
  if (Chance(0.25)) return ExtremeValue();
  if (name == "kernel") {
    return Chance(0.5) ? Json(Between(1, 9)) : Json::array({Between(1, 9), Between(1, 9)});
  }
  if (name == "stride" || name == "dilation") {
    const int hi = name == "stride" ? 6 : 4;
    return Chance(0.5) ? Json(Between(1, hi)) : Json::array({Between(1, hi), Between(1, hi)});
  }
  if (name == "padding") {
    switch (Below(5)) {
      case 0: return Between(0, 6);
      case 1: return Json::array({Between(0, 6), Between(0, 6)});
      case 2: return Json::array({Between(0, 6), Between(0, 6), Between(0, 6), Between(0, 6)});
      case 3: return "valid";
      default: return Chance(0.8) ? "same" : "bogus";
    }
  }
  if (name == "padding_mode") {
    return Pick(std::vector<std::string>{"zeros", "reflect", "replicate", "circular", "mirror"});
  }
  if (name == "filters") return Chance(0.8) ? Between(1, 8) : Between(9, 20);
  if (name == "groups") return Chance(0.8) ? Between(1, 4) : Between(-1, 9);
  if (name == "bias") return Chance(0.9) ? Json(Chance(0.5)) : Json("yes");
  return Pick(std::vector<std::string>{"none", "relu", "relu", "tanh"});  // activation
}

// [SECTION] Actions

Json Monkey::Queue(std::vector<Json> actions) {
  for (size_t i = 1; i < actions.size(); ++i) queued_.push_back(std::move(actions[i]));
  return std::move(actions.front());
}

Json Monkey::Next(const AppState& state) {
  Json action;
  if (!queued_.empty()) {
    action = std::move(queued_.front());
    queued_.pop_front();
  } else {
    action = Action(state);
  }
  return Refusable(std::move(action));
}

Json Monkey::PointAtGrid(bool click) {
  const auto& placements = GridPlacements();
  if (placements.empty()) return {{"frames", 1}};
  std::vector<std::string> names;
  std::vector<std::string> editable;
  for (const auto& [name, p] : placements) {
    if (p.rows <= 0 || p.cols <= 0) continue;
    names.push_back(name);
    if (name.starts_with("input/") || name.starts_with("kernel/")) editable.push_back(name);
  }
  if (names.empty()) return {{"frames", 1}};
  // Clicks go to the editable grids more often: what a user edits.
  const std::string& name = click && !editable.empty() && Chance(0.7) ? Pick(editable) : Pick(names);
  const GridPlacement& p = placements.at(name);
  Json point = {{click ? "click" : "hover", name}, {"cell", {Between(0, p.rows - 1), Between(0, p.cols - 1)}}};
  if (!click || !(name.starts_with("input/") || name.starts_with("kernel/")) || Chance(0.3)) return point;
  // A click on a cell opens its editor: type into it and end the edit.
  std::vector<Json> gesture = {point, {{"type", TypedText()}}};
  static const std::vector<std::string> kEnds = {"enter", "enter", "enter", "tab", "escape", "left",
                                                 "right", "up", "down"};
  const int ends = Chance(0.2) ? Between(2, 5) : 1;
  for (int i = 0; i < ends; ++i) {
    Json key = {{"key", Pick(kEnds)}};
    if (key["key"] == "tab" && Chance(0.3)) key["shift"] = true;
    gesture.push_back(key);
    if (i + 1 < ends) gesture.push_back({{"type", TypedText()}});
  }
  return Queue(std::move(gesture));
}

Json Monkey::PressKey() {
  static const std::vector<std::string> kKeys = {"enter", "escape", "tab",   "left",      "right",  "up",
                                                 "down",  "space",  "home",  "end",       "plus",   "minus",
                                                 "backspace", "delete", "f1", "q",         "a",      "0",
                                                 "kp_add", "kp_subtract", "f11"};
  Json key = {{"key", Pick(kKeys)}};
  // F11 (full screen) now and then only: it resizes the window.
  if (key["key"] == "f11" && !Chance(0.2)) key["key"] = "right";
  // Ctrl with anything but Q (which would close the window).
  if (key["key"] != "q" && Chance(0.15)) key["ctrl"] = true;
  if (Chance(0.1)) key["shift"] = true;
  return key;
}

Json Monkey::Parameter() {
  static const std::vector<std::string> kNames = {"kernel",       "stride",  "dilation", "padding",
                                                  "padding_mode", "filters", "groups",   "bias",
                                                  "activation"};
  if (Chance(0.05)) return {{"set", Pick(std::vector<std::string>{"Groups", "", "Stride"})}, {"value", 1}};
  const std::string& name = Pick(kNames);
  return {{"set", name}, {"value", ParameterValue(name)}};
}

Json Monkey::Paste() {
  const std::string text = Chance(0.8) ? GridText() : RandomText();
  std::vector<Json> gesture = {{{"clipboard", text}}, {{"key", "v"}, {"ctrl", true}}};
  return Queue(std::move(gesture));
}

Json Monkey::UndoRedoBurst() {
  std::vector<Json> keys;
  const int n = Between(1, 8);
  for (int i = 0; i < n; ++i) {
    switch (Below(3)) {
      case 0: keys.push_back({{"key", "z"}, {"ctrl", true}}); break;
      case 1: keys.push_back({{"key", "y"}, {"ctrl", true}}); break;
      default: keys.push_back({{"key", "z"}, {"ctrl", true}, {"shift", true}}); break;
    }
  }
  return Queue(std::move(keys));
}

Json Monkey::Practice(const AppState& state) {
  std::vector<Json> gesture;
  if (state.view.tab != Tab::kPractice) gesture.push_back({{"tab", "practice"}});
  std::string answer;
  if (Chance(0.3)) {
    // The right answer, so the score moves and the next exercise comes.
    char text[64];
    std::snprintf(text, sizeof text, "%.17g", state.practice.Exercise().answer);
    answer = text;
  } else {
    answer = TypedText();
  }
  gesture.push_back({{"type", answer}});
  gesture.push_back({{"key", Chance(0.9) ? "enter" : "escape"}});
  return Queue(std::move(gesture));
}

Json Monkey::DropFile() {
  if (!saved_.empty() && Chance(0.25)) return {{"drop", Pick(saved_)}};
  if (corpus_.empty() || Chance(0.1)) return {{"drop", "$TMP/no_such_file" + std::string(Chance(0.5) ? ".csv" : ".png")}};
  return Pick(corpus_);
}

Json Monkey::ImportImage() {
  if (Chance(0.25)) return {{"import_image", "cancel"}};
  Json size = Chance(0.8) ? Json::array({Between(8, 48), Between(8, 48)}) : Json::array({Pick(std::vector<int>{0, -3, 7, 257, 1000}), Between(8, 32)});
  static const std::vector<std::string> kFits = {"crop", "fit", "stretch", "squash"};  // "squash" is refused
  return {{"import_image",
           {{"rgb", Chance(0.5)}, {"size", size}, {"scale", Chance(0.5) ? 255 : 1}, {"fit", Pick(kFits)}}}};
}

// Every view, rates the dialog offers and some it does not (refused),
// parts inside, past and before the sound.
Json Monkey::ImportSound() {
  if (Chance(0.25)) return {{"import_sound", "cancel"}};
  static const std::vector<std::string> kViews = {"waveform", "spectrogram", "mel", "mfcc", "cepstrum"};
  static const std::vector<int> kRates = {0, 8000, 16000, 22050, 44100, 500, 400000};
  static const std::vector<int> kFfts = {256, 512, 1024, 2048, 3, 0};
  return {{"import_sound",
           {{"view", Pick(kViews)}, {"rate", Pick(kRates)}, {"n_fft", Pick(kFfts)},
            {"hop_length", Between(-8, 600)}, {"n_mels", Between(0, 140)}, {"n_mfcc", Between(0, 50)},
            {"start", Chance(0.8) ? 0.0 : static_cast<double>(Between(-2, 30))},
            {"length", Chance(0.7) ? 0.5 : static_cast<double>(Between(0, 700))}}}};
}

Json Monkey::Export() {
  static const std::vector<std::string> kKinds = {"png1x", "png2x", "gif", "gif", "png_sequence"};
  const std::string& kind = Pick(kKinds);
  const std::string ext = kind == "gif" ? ".gif" : ".png";
  Json e = {{"export", kind}, {"path", "$TMP/export" + std::to_string(++files_ % kFileNames) + ext}};
  // Long steppings are cancelled after a frame or three, as a user would.
  if (kind == "gif" || kind == "png_sequence") e["cancel_after"] = Between(1, 3);
  // The GIF's options, out-of-range loops included (clamped, as the menu's field does).
  if (kind == "gif") {
    e["loop_seconds"] = Pick(std::vector<int>{-5, 1, 30, 100000});
    e["dither"] = Chance(0.3) ? "floyd_steinberg" : "none";
  }
  return e;
}

Json Monkey::HoverTip() {
  std::vector<std::string> shown;
  for (const std::string& key : tips_) {
    if (TooltipItemCenter(key.c_str())) shown.push_back(key);
  }
  if (shown.empty()) return {{"frames", 1}};
  Json tip = {{"hover_tip", Pick(shown)}};
  if (Chance(0.6)) tip["press"] = true;
  return tip;
}

Json Monkey::Save() {
  const std::string path = "$TMP/session" + std::to_string(++files_ % kFileNames) + ".json";
  if (std::find(saved_.begin(), saved_.end(), path) == saved_.end()) saved_.push_back(path);
  return {{"save", path}};
}

// The Network tab: another example, the canvas on or off, every layer, a
// stroke of the brush (or the eraser's) across the canvas, sometimes past
// its edge; its activations are clicked like any grid (PointAtGrid).
Json Monkey::Network(const AppState& state) {
  std::vector<Json> gesture;
  if (state.view.tab != Tab::kNetwork) gesture.push_back({{"tab", "network"}});
  switch (Below(4)) {
    case 0: gesture.push_back({{"network", {{"example", Between(0, static_cast<int>(ShippedExamples().size()) - 1)}}}}); break;
    case 1: gesture.push_back({{"network", {{"draw", Chance(0.7)}, {"every_layer", Chance(0.3)}}}}); break;
    case 2: {
      // The test set on a few hundred pictures: its pass under the
      // sanitizers stays within a few seconds.
      const int page = Below(5);
      if (page < 3) gesture.push_back({{"network", {{"page", "layers"}}}});
      else if (page == 3) gesture.push_back({{"network", {{"page", "training"}}}});
      else gesture.push_back({{"network", {{"test_images", Between(50, 400)}, {"page", "test_set"}}}});
      break;
    }
    default:
      gesture.push_back({{"network", {{"draw", true}, {"brush", Chance(0.5) ? 1.0 : 2.5}}}});
      gesture.push_back({{"drag", "net/input"},
                         {"from", {Between(-2, 29), Between(-2, 29)}},
                         {"to", {Between(0, 27), Between(0, 27)}},
                         {"may_refuse", true}});
      break;
  }
  return Queue(std::move(gesture));
}

Json Monkey::Action(const AppState& state) {
  // A dialog waiting for an answer mostly gets one.
  if (state.view.pending_paste && Chance(0.6)) {
    return {{"paste_choice", Pick(std::vector<std::string>{"resize", "top-left", "cancel"})}};
  }
  if (!state.view.pending_image.empty() && Chance(0.6)) return ImportImage();
  if (!state.view.pending_sound.empty() && Chance(0.6)) return ImportSound();
  struct Weighted {
    int weight;
    int kind;
  };
  static constexpr Weighted kKinds[] = {{12, 0}, {12, 1}, {5, 2},  {8, 3},  {14, 4}, {3, 5},  {7, 6},
                                        {5, 7},  {4, 8},  {3, 9},  {2, 10}, {2, 11}, {3, 12}, {3, 13},
                                        {3, 14}, {1, 15}, {1, 16}, {1, 17}, {4, 18}, {1, 19}, {1, 20},
                                        {1, 21}};
  int total = 0;
  for (const Weighted& k : kKinds) total += k.weight;
  int roll = Between(0, total - 1);
  int kind = 0;
  for (const Weighted& k : kKinds) {
    if (roll < k.weight) {
      kind = k.kind;
      break;
    }
    roll -= k.weight;
  }
  switch (kind) {
    case 0: return PointAtGrid(false);
    case 1: return PointAtGrid(true);
    case 2: return {{"type", TypedText()}};
    case 3: return PressKey();
    case 4: return Parameter();
    case 5: {
      // Channels, rows and columns, mostly small, sometimes out of range.
      if (Chance(0.15)) return {{"input_size", {Pick(std::vector<int>{0, -3, 17, 1000}), Between(1, 8), Between(1, 8)}}};
      return {{"input_size", {Between(1, 4), Between(1, 12), Between(1, 12)}}};
    }
    case 6: return Paste();
    case 7: return UndoRedoBurst();
    case 8: {
      static const std::vector<std::string> kTabs = {"convolution", "pooling", "matrix", "summary", "network",
                                                     "practice"};
      return {{"tab", Pick(kTabs)}};
    }
    case 9: {
      const int total_steps = state.conv ? state.conv->TotalSteps() : 1;
      if (Chance(0.1)) return {{"step", Pick(std::vector<int>{-1, total_steps, 1 << 30})}};
      return {{"step", Between(0, total_steps - 1)}};
    }
    case 10: return presets_.empty() ? Json{{"frames", 1}} : Json{{"preset", Pick(presets_)}};
    case 11: return {{"language", Chance(0.5) ? "es" : "en"}};
    case 12: {
      static const std::vector<std::string> kSizes = {"plus", "minus", "0", "kp_add", "kp_subtract"};
      return {{"key", Pick(kSizes)}, {"ctrl", true}};
    }
    case 13: return Practice(state);
    case 14: return DropFile();
    case 15: return Export();
    case 16: return Save();
    case 17: return Chance(0.5) ? Json{{"copy_code", Chance(0.5) ? "pytorch" : "keras"}}
                                : Json{{"export_table",
                                        {{"kind", Pick(std::vector<std::string>{"im2col", "output", "summary"})},
                                         {"format", Pick(std::vector<std::string>{"csv", "markdown", "latex"})},
                                         {"path", "$TMP/table" + std::to_string(++files_ % kFileNames) + ".txt"}}}};
    case 18: return HoverTip();
    case 19: return {{"paste_choice", Pick(std::vector<std::string>{"resize", "top-left", "cancel"})}};
    case 21: return Network(state);
    default: return {{"frames", Between(1, 3)}};
  }
}

}  // namespace convstep
