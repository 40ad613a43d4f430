// Session files: every shipped preset and every form of every field survives
// save -> load -> save byte for byte; broken files give one message naming
// the file; writes are atomic; the autosave lives in the XDG state folder and
// a broken one is set aside; the output as CSV.
//
// Index of this file:
// [SECTION] Helpers
// [SECTION] Presets
// [SECTION] Every form of every field
// [SECTION] Schema versions
// [SECTION] Broken files
// [SECTION] Atomic writes
// [SECTION] Autosave
// [SECTION] Output as CSV
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/formats/grid_text.h"
#include "core/formats/network_json.h"
#include "core/formats/session_io.h"
#include "core/platform/autosave.h"
#include "tests/support/golden.h"

namespace convstep {
namespace {

namespace fs = std::filesystem;

// [SECTION] Helpers

// A fresh folder under /tmp, removed with everything in it at the end.
class TempFolder {
 public:
  TempFolder() {
    char name[] = "/tmp/convstep-session-XXXXXX";
    path_ = mkdtemp(name);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, ec);
    fs::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  const fs::path& path() const { return path_; }
  // The names in the folder, sorted.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path_)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path path_;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteAll(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

LayerSpec Layer(LayerType type) {
  LayerSpec layer;
  layer.type = type;
  return layer;
}

// A small valid session: a 1×4×4 input, one 3×3 filter, a 4×4 pooling input
// and a one-layer model. Tests change what they exercise.
Session SmallSession() {
  Session s;
  s.title = "small";
  s.conv.input = Tensor3(1, 4, 4);
  for (std::size_t i = 0; i < s.conv.input.data.size(); ++i) s.conv.input.data[i] = static_cast<double>(i);
  s.conv.weight = Tensor4(1, 1, 3, 3, 1.0);
  s.conv.weight.at(0, 0, 1, 1) = -2;
  s.pool.input = Tensor3(1, 4, 4, 3.0);
  s.model.height = 8;
  s.model.width = 8;
  s.model.channels = 1;
  s.model.layers.push_back(Layer(LayerType::kFlatten));
  return s;
}

// Saves, loads and saves again: the session must load and the two texts be
// the same bytes. Returns the loaded session.
Session RoundTrip(const Session& session) {
  const std::string first = SessionToText(session);
  Result<Session> loaded = SessionFromText(first);
  EXPECT_TRUE(loaded.ok()) << loaded.error() << "\n" << first;
  if (!loaded) return Session{};
  EXPECT_EQ(SessionToText(*loaded), first);
  return std::move(loaded).value();
}

// The conv part of the saved document.
Json SavedConv(const Session& session) { return Json::parse(SessionToText(session))["conv"]; }

fs::path PresetFolder() {
  // tests/data/../../assets/presets: the presets the program embeds.
  return fs::path(CONVSTEP_TEST_DATA) / ".." / ".." / "assets" / "presets";
}

// Keeps an environment variable as it was, whatever the test sets.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// [SECTION] Presets

TEST(SessionIo, EveryPresetRoundTrips) {
  int presets = 0;
  for (const auto& entry : fs::directory_iterator(PresetFolder())) {
    if (entry.path().extension() != ".json") continue;
    ++presets;
    SCOPED_TRACE(entry.path().string());
    Result<Session> loaded = LoadSessionFile(entry.path().string());
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    const std::string saved = SessionToText(*loaded);
    const Session again = RoundTrip(*loaded);
    EXPECT_EQ(Json::parse(SessionToText(again)), Json::parse(saved));
    EXPECT_EQ(again.title, loaded->title);
    EXPECT_EQ(again.conv.input.data, loaded->conv.input.data);
    EXPECT_EQ(again.conv.weight.data, loaded->conv.weight.data);
    EXPECT_EQ(again.conv.bias, loaded->conv.bias);
    EXPECT_EQ(again.model.layers.size(), loaded->model.layers.size());
  }
  EXPECT_GE(presets, 3);
}

// The writer omits what make_presets.py omits and lays the file out the same
// way: the lecture's example saves as its preset plus the two fields a preset
// leaves to their defaults.
TEST(SessionIo, SavedLikeThePresets) {
  const std::string path = (PresetFolder() / "ejemplo1.json").string();
  Result<Session> loaded = LoadSessionFile(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  std::string expected = ReadAll(path);
  ASSERT_EQ(expected.rfind("{\n  \"title\"", 0), 0u);
  ASSERT_EQ(expected.substr(expected.size() - 6), "  }\n}\n");
  expected.insert(2, "  \"schema_version\": 1,\n");
  expected.insert(expected.size() - 3, ",\n  \"step\": 0");
  EXPECT_EQ(SessionToText(*loaded), expected);
}

TEST(SessionIo, SavedFileLoadsBackWithTheSameBytes) {
  TempFolder folder;
  Session s = SmallSession();
  s.step = 3;
  s.activation = Activation::kRelu;
  ASSERT_TRUE(SaveSessionFile(folder / "a.json", s).ok());
  Result<Session> loaded = LoadSessionFile(folder / "a.json");
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  EXPECT_EQ(loaded->title, "small");
  EXPECT_EQ(loaded->step, 3);
  EXPECT_EQ(loaded->activation, Activation::kRelu);
  EXPECT_EQ(loaded->conv.input.data, s.conv.input.data);
  EXPECT_EQ(loaded->conv.weight.data, s.conv.weight.data);
  ASSERT_TRUE(SaveSessionFile(folder / "b.json", *loaded).ok());
  EXPECT_EQ(ReadAll(folder / "b.json"), ReadAll(folder / "a.json"));
  EXPECT_EQ(folder.Names(), (std::vector<std::string>{"a.json", "b.json"}));
}

// A network trained in the window is part of the session: written with
// its weights, read back to the same doubles; a session without one has no
// "network" (the shipped network is not copied into every file).
TEST(SessionIo, ANetworkTrainedInTheSessionIsSavedWithItsWeights) {
  const Json cases = testing::LoadGolden("nn_cases.json");
  Result<Network> net = NetworkFromJson(cases[0]["model"]);
  ASSERT_TRUE(net.ok()) << net.error();
  Session s = SmallSession();
  EXPECT_FALSE(Json::parse(SessionToText(s)).contains("network"));
  s.network = std::make_shared<const Network>(*net);
  TempFolder folder;
  ASSERT_TRUE(SaveSessionFile(folder / "a.json", s).ok());
  Result<Session> loaded = LoadSessionFile(folder / "a.json");
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  ASSERT_NE(loaded->network, nullptr);
  ASSERT_EQ(loaded->network->params.size(), net->params.size());
  for (size_t l = 0; l < net->params.size(); ++l) {
    EXPECT_EQ(loaded->network->params[l].weight, net->params[l].weight) << l;
    EXPECT_EQ(loaded->network->params[l].bias, net->params[l].bias) << l;
    EXPECT_EQ(loaded->network->params[l].gamma, net->params[l].gamma) << l;
  }
  ASSERT_TRUE(SaveSessionFile(folder / "b.json", *loaded).ok());
  EXPECT_EQ(ReadAll(folder / "b.json"), ReadAll(folder / "a.json"));
  // A broken network is the file's error, named.
  Json broken = Json::parse(ReadAll(folder / "a.json"));
  broken["network"]["layers"][0]["weight"] = Json::array({1, 2});
  Result<Session> refused = SessionFromJson(broken);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().rfind("network: layer 1, conv2d (Conv2D)", 0), 0u) << refused.error();
}

// [SECTION] Every form of every field

TEST(SessionIo, PaddingKeepsTheFormItWasGiven) {
  struct Case {
    PaddingSpec padding;
    Json written;  // null: the field is left out
  };
  using K = PaddingSpec::Kind;
  const Case cases[] = {
      {{K::kExplicit, 0, 0, 0, 0}, nullptr},
      {{K::kExplicit, 1, 1, 1, 1}, 1},
      {{K::kExplicit, 1, 1, 2, 2}, {1, 2}},
      {{K::kExplicit, 0, 1, 2, 1}, {0, 1, 2, 1}},
      {{K::kValid}, "valid"},
      {{K::kSame}, "same"},
      {{K::kCausal}, "causal"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.written.dump());
    Session s = SmallSession();
    s.conv.padding = c.padding;
    const Json conv = SavedConv(s);
    if (c.written.is_null()) EXPECT_FALSE(conv.contains("padding"));
    else EXPECT_EQ(conv["padding"], c.written);
    const PaddingSpec p = RoundTrip(s).conv.padding;
    EXPECT_EQ(p.kind, c.padding.kind);
    EXPECT_EQ((std::vector<int>{p.top, p.bottom, p.left, p.right}),
              (std::vector<int>{c.padding.top, c.padding.bottom, c.padding.left, c.padding.right}));
  }
}

TEST(SessionIo, EveryPaddingMode) {
  for (PaddingMode mode : {PaddingMode::kZeros, PaddingMode::kReflect, PaddingMode::kReplicate,
                           PaddingMode::kCircular}) {
    SCOPED_TRACE(PaddingModeName(mode));
    Session s = SmallSession();
    s.conv.padding = {PaddingSpec::Kind::kExplicit, 1, 1, 2, 2};
    s.conv.padding_mode = mode;
    const Json conv = SavedConv(s);
    if (mode == PaddingMode::kZeros) EXPECT_FALSE(conv.contains("padding_mode"));
    else EXPECT_EQ(conv["padding_mode"], PaddingModeName(mode));
    EXPECT_EQ(RoundTrip(s).conv.padding_mode, mode);
  }
}

TEST(SessionIo, BiasGroupsStrideDilation) {
  Session s = SmallSession();
  s.conv.input = Tensor3(2, 5, 5, 1.0);
  s.conv.weight = Tensor4(4, 1, 2, 2, 0.5);
  s.conv.groups = 2;
  s.conv.bias = {0.5, -1.25, 0, 3};
  s.conv.stride = {1, 2};
  s.conv.dilation = {2, 2};
  const Json conv = SavedConv(s);
  EXPECT_EQ(conv["groups"], 2);
  EXPECT_EQ(conv["bias"], Json({0.5, -1.25, 0, 3}));
  EXPECT_EQ(conv["stride"], Json({1, 2}));
  EXPECT_EQ(conv["dilation"], 2);
  const Session back = RoundTrip(s);
  EXPECT_EQ(back.conv.groups, 2);
  EXPECT_EQ(back.conv.bias, s.conv.bias);
  EXPECT_EQ(back.conv.stride, (Pair{1, 2}));
  EXPECT_EQ(back.conv.dilation, (Pair{2, 2}));
  EXPECT_EQ(back.conv.weight.n, 4);
  EXPECT_EQ(back.conv.weight.c, 1);

  // Defaults are left out: no bias, stride, dilation or groups.
  const Json plain = SavedConv(SmallSession());
  EXPECT_EQ(plain.size(), 2u) << plain.dump();
  EXPECT_TRUE(RoundTrip(SmallSession()).conv.bias.empty());
}

TEST(SessionIo, NumbersReadBackToTheSameDouble) {
  Session s = SmallSession();
  const double values[] = {0.1, 1.0 / 3, -0.0, 1e-300, -2.5e17, 9007199254740994.0, 7, -7, 0.0, 1e21,
                           std::nextafter(1.0, 2.0), 5e-324, 1.7976931348623157e308, -123.456, 2, 3};
  std::copy(std::begin(values), std::end(values), s.conv.input.data.begin());
  const std::string text = SessionToText(s);
  // Whole numbers as integers, the sign of -0.0 kept.
  for (const char* row : {"[0.1, 0.3333333333333333, -0.0, 1e-300]", "[-2.5e+17, 9007199254740994, 7, -7]",
                          "[0, 1e+21, 1.0000000000000002, 5e-324]", "[1.7976931348623157e+308, -123.456, 2, 3]"}) {
    EXPECT_NE(text.find(row), std::string::npos) << row << " in\n" << text;
  }
  const Session back = RoundTrip(s);
  for (std::size_t i = 0; i < std::size(values); ++i) {
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back.conv.input.data[i]), std::bit_cast<std::uint64_t>(values[i]))
        << "value " << i << " = " << values[i];
  }
}

TEST(SessionIo, PoolStrideAbsentOrPresent) {
  Session s = SmallSession();
  s.pool.kernel = {2, 3};
  Json pool = Json::parse(SessionToText(s))["pool"];
  EXPECT_FALSE(pool.contains("stride"));
  EXPECT_EQ(pool["kernel"], Json({2, 3}));
  EXPECT_EQ(pool["mode"], "max");
  EXPECT_FALSE(RoundTrip(s).pool.stride.has_value());

  s.pool.mode = PoolMode::kAvg;
  s.pool.stride = Pair{1, 1};
  s.pool.padding = {1, 1};
  s.pool.dilation = {1, 1};
  s.pool.ceil_mode = true;
  pool = Json::parse(SessionToText(s))["pool"];
  EXPECT_EQ(pool["stride"], 1);
  EXPECT_EQ(pool["padding"], 1);
  EXPECT_EQ(pool["ceil_mode"], true);
  EXPECT_EQ(pool["mode"], "avg");
  EXPECT_FALSE(pool.contains("dilation"));
  const Session back = RoundTrip(s);
  ASSERT_TRUE(back.pool.stride.has_value());
  EXPECT_EQ(*back.pool.stride, (Pair{1, 1}));
  EXPECT_EQ(back.pool.padding, (Pair{1, 1}));
  EXPECT_TRUE(back.pool.ceil_mode);
  EXPECT_EQ(back.pool.mode, PoolMode::kAvg);

  s.pool.mode = PoolMode::kMax;
  s.pool.dilation = {2, 1};
  s.pool.padding = {0, 0};
  EXPECT_EQ(Json::parse(SessionToText(s))["pool"]["dilation"], Json({2, 1}));
  EXPECT_EQ(RoundTrip(s).pool.dilation, (Pair{2, 1}));
}

TEST(SessionIo, EveryLayerType) {
  Session s = SmallSession();
  s.model = Model{.height = 28, .width = 30, .channels = 1, .layers = {}};
  auto& layers = s.model.layers;
  LayerSpec conv = Layer(LayerType::kConv2d);
  conv.filters = 8;
  conv.kernel_size = {3, 5};
  conv.strides = Pair{1, 1};  // written although it is Keras's default: it was given
  conv.padding = KerasPadding::kSame;
  conv.dilation_rate = {1, 2};
  conv.use_bias = false;
  layers.push_back(conv);
  layers.push_back(Layer(LayerType::kBatchNorm));
  layers.push_back(Layer(LayerType::kReLU));
  LayerSpec max_pool = Layer(LayerType::kMaxPool2d);
  max_pool.strides = Pair{1, 2};
  max_pool.pool_size = {3, 3};
  layers.push_back(max_pool);
  LayerSpec avg_pool = Layer(LayerType::kAvgPool2d);
  avg_pool.padding = KerasPadding::kSame;
  layers.push_back(avg_pool);
  LayerSpec dropout = Layer(LayerType::kDropout);
  dropout.rate = 0.25;
  layers.push_back(dropout);
  LayerSpec pointwise = Layer(LayerType::kConv2d);
  pointwise.filters = 4;
  pointwise.kernel_size = {1, 1};
  layers.push_back(pointwise);
  layers.push_back(Layer(LayerType::kGlobalAvgPool2d));
  layers.push_back(Layer(LayerType::kFlatten));
  LayerSpec dense = Layer(LayerType::kDense);
  dense.units = 10;
  dense.use_bias = false;
  layers.push_back(dense);

  const Json model = Json::parse(SessionToText(s))["model"];
  EXPECT_EQ(model["input_shape"], Json({28, 30, 1}));
  const Json expected = Json::parse(R"([
    {"type": "conv2d", "filters": 8, "kernel_size": [3, 5], "strides": 1, "padding": "same",
     "dilation_rate": [1, 2], "use_bias": false},
    {"type": "batchnorm"},
    {"type": "relu"},
    {"type": "maxpool2d", "pool_size": 3, "strides": [1, 2]},
    {"type": "avgpool2d", "pool_size": 2, "padding": "same"},
    {"type": "dropout", "rate": 0.25},
    {"type": "conv2d", "filters": 4, "kernel_size": 1},
    {"type": "globalavgpool2d"},
    {"type": "flatten"},
    {"type": "dense", "units": 10, "use_bias": false}])");
  EXPECT_EQ(model["layers"], expected);

  const Session back = RoundTrip(s);
  ASSERT_EQ(back.model.layers.size(), layers.size());
  EXPECT_EQ(back.model.height, 28);
  EXPECT_EQ(back.model.width, 30);
  for (std::size_t i = 0; i < layers.size(); ++i) {
    SCOPED_TRACE(i);
    const LayerSpec& a = back.model.layers[i];
    const LayerSpec& b = layers[i];
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.strides, b.strides);
    EXPECT_EQ(a.padding, b.padding);
    EXPECT_EQ(a.use_bias, b.use_bias);
  }
  EXPECT_EQ(back.model.layers[0].kernel_size, (Pair{3, 5}));
  EXPECT_EQ(back.model.layers[0].dilation_rate, (Pair{1, 2}));
  EXPECT_EQ(back.model.layers[3].pool_size, (Pair{3, 3}));
  EXPECT_EQ(back.model.layers[5].rate, 0.25);
  EXPECT_EQ(back.model.layers[9].units, 10);
  // The model is the one Keras would build, not only one that parses.
  Result<ModelSummary> summary = SummarizeModel(back.model);
  ASSERT_TRUE(summary.ok()) << summary.error();
  EXPECT_EQ(summary->layers.back().output_shape, (std::vector<long long>{10}));
}

TEST(SessionIo, TitleWithAccentsAndQuotes) {
  Session s = SmallSession();
  s.title = "Ejemplo 1: \"padding\" 1, 64×64 — canción\n2";
  EXPECT_EQ(RoundTrip(s).title, s.title);
}

TEST(SessionIo, StepIsSavedAndChecked) {
  Session s = SmallSession();
  s.step = 3;  // 2×2 output: steps 0 to 3
  EXPECT_EQ(RoundTrip(s).step, 3);
  Json j = Json::parse(SessionToText(s));
  j["step"] = 40;  // past the end: the last step
  Result<Session> r = SessionFromJson(j);
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->step, 3);
  j["step"] = -1;
  r = SessionFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "step must be 0 or more");
  j["step"] = "2";
  r = SessionFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "step must be a whole number");
  j.erase("step");
  r = SessionFromJson(j);
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->step, 0);
}

TEST(SessionIo, SpectrogramAxesRoundTripAndMustFitTheInput) {
  Session s = SmallSession();
  s.input_axes.rows = InputAxes::Rows::kHertz;
  s.input_axes.row_hz = {3000, 2000, 1000, 0};  // top row first: the highest band
  s.input_axes.mel = true;
  s.input_axes.frame_seconds = 0.0232;
  s.input_axes.start_seconds = 1.5;
  s.input_axes.window_seconds = 0.0464;
  s.input_axes.unit = "dB";
  s.input_axes.source = "hola.wav";
  EXPECT_EQ(RoundTrip(s).input_axes, s.input_axes);
  // A plain grid writes no axes at all.
  EXPECT_FALSE(Json::parse(SessionToText(SmallSession())).contains("input_axes"));

  Json j = Json::parse(SessionToText(s));
  j["input_axes"]["row_hz"].erase(0);  // 3 frequencies for 4 rows
  Result<Session> r = SessionFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "input_axes: the axes name 3 frequencies for one channel, and the input has 1 channel(s) of 4 rows");
  j = Json::parse(SessionToText(s));
  j["input_axes"]["frame_seconds"] = -1;
  r = SessionFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "input_axes: frame_seconds must be a number, 0 or more");
  j = Json::parse(SessionToText(s));
  j["input_axes"]["rows"] = "bins";
  r = SessionFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "input_axes: rows must be \"hertz\", \"coefficient\" or \"waveform\"");
}

// [SECTION] Schema versions

TEST(SessionIo, SchemaVersions) {
  Json j = Json::parse(SessionToText(SmallSession()));
  EXPECT_EQ(j["schema_version"], 1);
  j["schema_version"] = 2;
  Result<Session> r = SessionFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "this session was written by a newer ConvStep (schema 2); this one reads schema 1");
  // Even when the rest is something this version cannot read.
  j.erase("conv");
  r = SessionFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "this session was written by a newer ConvStep (schema 2); this one reads schema 1");
  for (const Json& bad : {Json(0), Json("1"), Json(1.5), Json(-3)}) {
    j["schema_version"] = bad;
    r = SessionFromJson(j);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), "schema_version must be a whole number, 1 for this ConvStep");
  }
}

// [SECTION] Broken files

TEST(SessionIo, NotJsonSaysWhere) {
  TempFolder folder;
  const std::string path = folder / "broken.json";
  WriteAll(path, "{\n  \"title\": \"x\",\n  \"conv\": [1, 2,,]\n}\n");
  Result<Session> r = LoadSessionFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().rfind("'" + path + "': malformed JSON", 0), 0u) << r.error();
  EXPECT_NE(r.error().find("line 3, column 17"), std::string::npos) << r.error();
}

TEST(SessionIo, WrongShapeNamesTheField) {
  TempFolder folder;
  const std::string path = folder / "shape.json";
  Json j = Json::parse(SessionToText(SmallSession()));
  j["conv"].erase("weight");
  WriteAll(path, j.dump());
  Result<Session> r = LoadSessionFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "'" + path + "': conv: the spec has no \"weight\"");

  j = Json::parse(SessionToText(SmallSession()));
  j["pool"]["kernel"] = "big";
  WriteAll(path, j.dump());
  r = LoadSessionFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "'" + path + "': pool: kernel must be a whole number or a list [height, width]");

  WriteAll(path, "[1, 2, 3]");
  r = LoadSessionFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "'" + path + "': a session must be a JSON object");
}

TEST(SessionIo, MissingFileFolderAndEmptyFile) {
  TempFolder folder;
  Result<Session> r = LoadSessionFile(folder / "nowhere.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "cannot open '" + (folder / "nowhere.json") + "': no such file");

  r = LoadSessionFile(folder.path().string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "'" + folder.path().string() + "' is a folder, not a file");

  WriteAll(folder / "empty.json", "");
  r = LoadSessionFile(folder / "empty.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "'" + (folder / "empty.json") + "': the file is empty: a session is a JSON object");
  WriteAll(folder / "blank.json", " \n\n");
  r = LoadSessionFile(folder / "blank.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "'" + (folder / "blank.json") + "': the file is empty: a session is a JSON object");
}

TEST(SessionIo, OnlyRegularFilesOfBoundedSize) {
  Result<Session> r = LoadSessionFile("/dev/zero");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "'/dev/zero' is not a regular file");
  TempFolder folder;
  ASSERT_EQ(mkfifo((folder / "fifo").c_str(), 0600), 0);
  r = LoadSessionFile(folder / "fifo");  // returns at once, no writer needed
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "'" + (folder / "fifo") + "' is not a regular file");
  WriteAll(folder / "big.txt", std::string(1000, ' '));
  Result<std::string> text = ReadFileAtMost(folder / "big.txt", 999);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error(), "'" + (folder / "big.txt") + "' is larger than 999 bytes");
  // Limits are said in the units a person reads: 8 MiB = 8 × 1024 × 1024 bytes.
  EXPECT_EQ(ByteSizeText(8388608), "8 MiB");
  EXPECT_EQ(ByteSizeText(std::size_t{64} << 20), "64 MiB");
  EXPECT_EQ(ByteSizeText(1536), "1.5 KiB");
  EXPECT_EQ(ByteSizeText(1048576 + 1048575), "1.9 MiB");  // 1.99999 MiB, rounded down
  EXPECT_EQ(ByteSizeText(1000), "1000 bytes");
  text = ReadFileAtMost(folder / "big.txt", 1000);
  ASSERT_TRUE(text.ok()) << text.error();
  EXPECT_EQ(text->size(), 1000u);
}

// [SECTION] Atomic writes

TEST(SessionIo, AtomicWriteReplacesAndLeavesNoTemporaryFile) {
  TempFolder folder;
  const std::string path = folder / "out.txt";
  ASSERT_TRUE(WriteFileAtomically(path, "first").ok());
  EXPECT_EQ(ReadAll(path), "first");
  ASSERT_TRUE(WriteFileAtomically(path, "second, longer").ok());
  EXPECT_EQ(ReadAll(path), "second, longer");
  ASSERT_TRUE(WriteFileAtomically(path, "").ok());
  EXPECT_EQ(ReadAll(path), "");
  EXPECT_EQ(folder.Names(), (std::vector<std::string>{"out.txt"}));
}

TEST(SessionIo, AtomicWriteIntoAMissingFolder) {
  TempFolder folder;
  const std::string path = folder / "missing/out.txt";
  Result<bool> r = WriteFileAtomically(path, "text");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "cannot save '" + path + "': the folder '" + (folder / "missing") + "' does not exist");
  EXPECT_TRUE(folder.Names().empty());
}

TEST(SessionIo, AtomicWriteUnderAFile) {
  TempFolder folder;
  WriteAll(folder / "plain", "keep");
  const std::string path = folder / "plain/out.txt";
  Result<bool> r = WriteFileAtomically(path, "text");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "cannot save '" + path + "': part of '" + (folder / "plain") + "' is not a folder");
  EXPECT_EQ(ReadAll(folder / "plain"), "keep");
}

TEST(SessionIo, AtomicWriteOverAFolderKeepsIt) {
  TempFolder folder;
  fs::create_directory(folder / "taken");
  WriteAll(folder / "taken/inside", "keep");
  Result<bool> r = WriteFileAtomically(folder / "taken", "text");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "cannot save '" + (folder / "taken") + "': it is a folder");
  EXPECT_EQ(ReadAll(folder / "taken/inside"), "keep");
  EXPECT_EQ(folder.Names(), (std::vector<std::string>{"taken"}));
}

// /proc/self exists but no file can be created in it, even by root: the
// temporary file cannot be made, and the file that was there is untouched.
TEST(SessionIo, AtomicWriteWhereNoFileCanBeCreatedKeepsTheOldFile) {
  const std::string path = "/proc/self/comm";
  const std::string before = ReadAll(path);
  ASSERT_FALSE(before.empty());
  Result<bool> r = WriteFileAtomically(path, "overwritten\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "cannot save '/proc/self/comm': no file can be created in the folder '/proc/self'");
  EXPECT_EQ(ReadAll(path), before);
}

TEST(SessionIo, AtomicWriteIntoAReadOnlyFolderKeepsTheOldFile) {
  TempFolder folder;
  const std::string path = folder / "out.txt";
  WriteAll(path, "old");
  const fs::perms read_only = fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec;
  fs::permissions(folder.path(), read_only);
  const std::string expected = "cannot save '" + path + "': the folder '" + folder.path().string() +
                               "' is not writable (Permission denied)";
  // Root may write anywhere, so the write is tried by a child process that
  // has become "nobody" (uid 65534) when the tests run as root.
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(3);
    const Result<bool> r = WriteFileAtomically(path, "new");
    _exit(r.ok() ? 1 : (r.error() == expected ? 0 : 2));
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  // 1: the write went through; 2: another message than `expected`.
  EXPECT_EQ(WEXITSTATUS(status), 0);
  fs::permissions(folder.path(), fs::perms::owner_all);
  EXPECT_EQ(ReadAll(path), "old");
  EXPECT_EQ(folder.Names(), (std::vector<std::string>{"out.txt"}));
}

// [SECTION] Autosave

TEST(Autosave, StateFolderHonoursXdgStateHome) {
  TempFolder folder;
  ScopedEnv xdg("XDG_STATE_HOME", folder / "state");
  Result<std::string> state = StateFolder();
  ASSERT_TRUE(state.ok()) << state.error();
  EXPECT_EQ(*state, folder / "state/convstep");
  EXPECT_TRUE(fs::is_directory(*state));
  Result<std::string> path = AutosavePath();
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(*path, folder / "state/convstep/autosave.json");
}

TEST(Autosave, FallsBackToHomeWhenXdgStateHomeIsUnsetOrRelative) {
  TempFolder folder;
  ScopedEnv home("HOME", folder / "home");
  for (const char* xdg_value : {"", "relative/state"}) {
    ScopedEnv xdg("XDG_STATE_HOME", xdg_value);
    Result<std::string> state = StateFolder();
    ASSERT_TRUE(state.ok()) << state.error();
    EXPECT_EQ(*state, folder / "home/.local/state/convstep");
    EXPECT_TRUE(fs::is_directory(*state));
  }
}

TEST(Autosave, StateFolderThatCannotBeCreated) {
  TempFolder folder;
  WriteAll(folder / "file", "");
  ScopedEnv xdg("XDG_STATE_HOME", folder / "file");
  Result<std::string> state = StateFolder();
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.error().rfind("cannot create the folder " + (folder / "file/convstep") + " for the autosave: ", 0),
            0u)
      << state.error();
}

TEST(Autosave, SavesAndLoads) {
  TempFolder folder;
  ScopedEnv xdg("XDG_STATE_HOME", folder.path().string());
  Result<std::optional<Session>> none = LoadAutosave();
  ASSERT_TRUE(none.ok()) << none.error();
  EXPECT_FALSE(none->has_value());

  Session s = SmallSession();
  s.step = 2;
  ASSERT_TRUE(SaveAutosave(s).ok());
  EXPECT_EQ(ReadAll(folder / "convstep/autosave.json"), SessionToText(s));
  Result<std::optional<Session>> loaded = LoadAutosave();
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ(SessionToText(**loaded), SessionToText(s));
  EXPECT_EQ((*loaded)->step, 2);
}

TEST(Autosave, BrokenAutosaveIsSetAside) {
  TempFolder folder;
  ScopedEnv xdg("XDG_STATE_HOME", folder.path().string());
  const std::string autosave = folder / "convstep/autosave.json";
  const std::regex aside_name(R"(autosave\.corrupt-\d{8}T\d{6}Z(-2)?\.json)");
  // Cut short, as by a full disk; then a file from a newer ConvStep.
  const std::string contents[] = {SessionToText(SmallSession()).substr(0, 40),
                                  R"({"schema_version": 7, "conv": {}})"};
  for (const std::string& content : contents) {
    fs::create_directories(folder / "convstep");
    WriteAll(autosave, content);
    Result<std::optional<Session>> r = LoadAutosave();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().rfind("the autosave could not be opened and was moved to " + (folder / "convstep/"), 0), 0u)
        << r.error();
    EXPECT_FALSE(fs::exists(autosave));
    // Loading again finds nothing rather than the same broken file.
    Result<std::optional<Session>> again = LoadAutosave();
    ASSERT_TRUE(again.ok()) << again.error();
    EXPECT_FALSE(again->has_value());
  }
  const std::vector<std::string> names = folder.Names();
  ASSERT_EQ(names.size(), 1u);
  std::vector<std::string> set_aside;
  for (const auto& entry : fs::directory_iterator(folder / "convstep")) {
    set_aside.push_back(entry.path().filename().string());
  }
  ASSERT_EQ(set_aside.size(), 2u);
  for (const std::string& name : set_aside) {
    EXPECT_TRUE(std::regex_match(name, aside_name)) << name;
    const std::string text = ReadAll(folder / ("convstep/" + name));
    EXPECT_TRUE(text == contents[0] || text == contents[1]) << text;
  }
}

TEST(Autosave, MessageNamesTheProblem) {
  TempFolder folder;
  ScopedEnv xdg("XDG_STATE_HOME", folder.path().string());
  fs::create_directories(folder / "convstep");
  WriteAll(folder / "convstep/autosave.json", R"({"schema_version": 2})");
  Result<std::optional<Session>> r = LoadAutosave();
  ASSERT_FALSE(r.ok());
  const std::regex expected("the autosave could not be opened and was moved to " + (folder / "convstep/") +
                            R"(autosave\.corrupt-\d{8}T\d{6}Z\.json: this session was written by a newer )"
                            R"(ConvStep \(schema 2\); this one reads schema 1)");
  EXPECT_TRUE(std::regex_match(r.error(), expected)) << r.error();
}

TEST(AutosaveClock, SavesOneSecondAfterTheLastChange) {
  AutosaveClock clock;
  EXPECT_FALSE(clock.Due(100));
  EXPECT_FALSE(clock.Pending());
  clock.Changed(10.0);
  EXPECT_TRUE(clock.Pending());
  EXPECT_FALSE(clock.Due(10.5));
  EXPECT_FALSE(clock.Due(10.999));
  EXPECT_TRUE(clock.Due(11.0));
  clock.Changed(10.8);  // a second edit moves the save
  EXPECT_FALSE(clock.Due(11.0));
  EXPECT_TRUE(clock.Due(11.8));
  clock.Saved();
  EXPECT_FALSE(clock.Pending());
  EXPECT_FALSE(clock.Due(20));
}

TEST(AutosaveClock, ALongDragIsSavedEveryFiveSeconds) {
  AutosaveClock clock;
  // An edit every half second from t = 10: never a quiet second.
  double t = 10.0;
  for (; t < 14.9; t += 0.5) {
    clock.Changed(t);
    EXPECT_FALSE(clock.Due(t + 0.4)) << t;
  }
  EXPECT_TRUE(clock.Due(15.0));
  clock.Saved();
  // The five seconds count from the first change after the save.
  clock.Changed(15.2);
  EXPECT_FALSE(clock.Due(15.2 + 0.9));
  for (t = 15.7; t < 20.1; t += 0.5) clock.Changed(t);
  EXPECT_FALSE(clock.Due(20.1));
  EXPECT_TRUE(clock.Due(20.2));
}

// [SECTION] Output as CSV

TEST(OutputCsv, OneBlockPerChannelAtFullPrecision) {
  Tensor3 t(2, 2, 3);
  const double values[] = {1, -0.5, 0.1, 1.0 / 3, 1e-20, 123456789012,
                           0, -0.0, 2.5e300, 1e21, 0.30000000000000004, -7};
  std::copy(std::begin(values), std::end(values), t.data.begin());
  const std::string csv = OutputCsv(t);
  EXPECT_EQ(csv,
            "1,-0.5,0.1\n"
            "0.3333333333333333,1e-20,123456789012\n"
            "\n"
            "0,-0,2.5e+300\n"
            "1e+21,0.30000000000000004,-7\n");
  // Every value reads back as the same double.
  std::vector<double> back;
  std::istringstream lines(csv);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) back.push_back(std::strtod(cell.c_str(), nullptr));
  }
  ASSERT_EQ(back.size(), std::size(values));
  for (std::size_t i = 0; i < back.size(); ++i) {
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back[i]), std::bit_cast<std::uint64_t>(values[i])) << i;
  }
}

TEST(OutputCsv, TheGridReaderReadsItBack) {
  Tensor3 t(3, 2, 2);
  for (std::size_t i = 0; i < t.data.size(); ++i) t.data[i] = (static_cast<double>(i) - 5.5) / 7;
  Result<Tensor3> back = ParseGridText(OutputCsv(t));
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_EQ(back->c, 3);
  EXPECT_EQ(back->h, 2);
  EXPECT_EQ(back->w, 2);
  EXPECT_EQ(back->data, t.data);
}

TEST(OutputCsv, OneChannel) {
  Tensor3 t(1, 1, 2);
  t.data = {4, 5.25};
  EXPECT_EQ(OutputCsv(t), "4,5.25\n");
}

}  // namespace
}  // namespace convstep
