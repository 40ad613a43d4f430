// The shell on the real window: `convstep FILE` opens a session, a grid or a
// picture; the title names the file and marks unsaved changes; a bad FILE
// stops with its message; --screenshot says where it wrote.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/process.h"
#include "tests/support/xvfb.h"
#include "tests/ui/ui_harness.h"

namespace convstep {
namespace {

using testing::ProcessResult;

constexpr const char* kMark = " \u2022";

// A session file of the preset, written by the window's own Save.
std::string SavedSession(const std::string& name, const std::string& preset) {
  const std::string path = testing::TestTempPath(name);
  RunScript(name + "_save", Json::parse(R"([{"save": ")" + path + R"("}])"), {"--preset", preset});
  EXPECT_TRUE(std::filesystem::exists(path)) << path;
  return path;
}

Json OpenAndDump(const std::string& name, const std::string& file, const Json& script = Json::array()) {
  const std::string script_path = testing::TestTempPath(name + ".json");
  const std::string dump = testing::TestTempPath(name + "_state.json");
  std::ofstream(script_path) << script.dump();
  const ProcessResult r = Window({file, "--script", script_path, "--dump-state", dump});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return ReadJsonFile(dump);
}

TEST(Shell, ASessionFileOpensAndNamesTheWindow) {
  const std::string session = SavedSession("two_filters.json", "ejemplo_convolucion");
  const Json state = OpenAndDump("open", session);
  EXPECT_EQ(state["weight_shape"], Json::parse("[2, 3, 3, 3]"));
  EXPECT_EQ(state["window_title"], "ConvStep \u2014 " + std::filesystem::path(session).filename().string());
  EXPECT_EQ(state["can_undo"], false);  // the window starts at the file
}

TEST(Shell, TheTitleIsMarkedWhileThereAreUnsavedChanges) {
  const std::string session = SavedSession("marked.json", "ejemplo1");
  const std::string name = std::filesystem::path(session).filename().string();
  Json state = OpenAndDump("changed", session, Json::parse(R"([{"set": "stride", "value": 1}, {"frames": 1}])"));
  EXPECT_EQ(state["window_title"], "ConvStep \u2014 " + name + kMark);
  // Saved again: clean.
  state = OpenAndDump("saved", session,
                      Json::parse(R"([{"set": "stride", "value": 1}, {"save": ")" + session + R"("}, {"frames": 1}])"));
  EXPECT_EQ(state["window_title"], "ConvStep \u2014 " + name);
  // Saved under another name: that one is named.
  const std::string other = testing::TestTempPath("other.json");
  state = OpenAndDump("saved_as", session,
                      Json::parse(R"([{"set": "stride", "value": 1}, {"save": ")" + other + R"("}, {"frames": 1}])"));
  EXPECT_EQ(state["window_title"], "ConvStep \u2014 " + std::filesystem::path(other).filename().string());
}

TEST(Shell, APresetIsNamedByItsTitleAndMarkedWhenChanged) {
  Json state = RunScript("preset_title", Json::array(), {"--preset", "ejemplo1"});
  const std::string title = state["title"].get<std::string>();
  EXPECT_EQ(state["window_title"], "ConvStep \u2014 " + title);
  state = RunScript("preset_changed", Json::parse(R"([{"set": "stride", "value": 1}, {"frames": 1}])"));
  EXPECT_EQ(state["window_title"], "ConvStep \u2014 " + title + kMark);
}

TEST(Shell, AGridFileBecomesTheInput) {
  const std::string grid = testing::TestTempPath("grid.csv");
  std::ofstream(grid) << "1,2,3,4\n5,6,7,8\n9,10,11,12\n";
  const Json state = OpenAndDump("grid", grid);
  EXPECT_EQ(state["input"], Json::parse("[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]]"));
  EXPECT_EQ(state["weight_shape"][1], 1);
  EXPECT_EQ(state["window_title"], "ConvStep \u2014 " + std::filesystem::path(grid).filename().string());
}

TEST(Shell, APictureOpensTheImport) {
  const std::string picture = testing::TestTempPath("picture.png");
  const ProcessResult shot = Window({"--size", "320x240", "--screenshot", picture});
  ASSERT_EQ(shot.exit_code, 0) << shot.err;
  Json state = OpenAndDump("picture", picture);
  EXPECT_EQ(state["pending_image"], picture);
  state = OpenAndDump("imported", picture,
                      Json::parse(R"([{"import_image": {"rgb": true, "size": [12, 16]}}, {"frames": 1}])"));
  EXPECT_EQ(state["input"].size(), 3u);
  EXPECT_EQ(state["input"][0].size(), 12u);
  EXPECT_EQ(state["input"][0][0].size(), 16u);
}

// The drum hits of the presets (1 s at 16 kHz): as a mel spectrogram, a
// grid of bands × frames with hertz on its rows; as a waveform, one row
// of samples stepped by two 9-tap filters; both undone in one step.
TEST(Shell, ASoundOpensTheImportAndBecomesASpectrogramOrAWaveform) {
  const std::string sound = CONVSTEP_SOUND_DIR "/sonido_golpes.wav";
  Json state = OpenAndDump("sound", sound);
  EXPECT_EQ(state["pending_sound"], sound);
  EXPECT_EQ(state["input_axes"], "none");
  state = OpenAndDump("sound_mel", sound, Json::parse(R"([{"import_sound": {"view": "mel", "rate": 16000,
      "n_fft": 512, "hop_length": 256, "n_mels": 32, "start": 0, "length": 0}}, {"frames": 2}])"));
  EXPECT_EQ(state["pending_sound"], "");
  EXPECT_EQ(state["input_axes"], "mel");
  ASSERT_EQ(state["input"].size(), 1u);
  EXPECT_EQ(state["input"][0].size(), 32u);     // mel bands
  EXPECT_EQ(state["input"][0][0].size(), 63u);  // 1 + 16000 / 256 frames
  EXPECT_EQ(state["weight_shape"], Json::parse("[3, 1, 3, 3]"));
  EXPECT_EQ(state["title"], "sonido_golpes.wav");
  EXPECT_TRUE(state["can_undo"]);
  state = OpenAndDump("sound_wave", sound, Json::parse(R"([{"import_sound": {"view": "waveform", "rate": 8000,
      "start": 0.05, "length": 0.5}}, {"frames": 2}])"));
  EXPECT_EQ(state["input_axes"], "waveform");
  EXPECT_EQ(state["input"][0].size(), 1u);
  EXPECT_EQ(state["input"][0][0].size(), 4000u);  // 0.5 s at 8 kHz
  EXPECT_EQ(state["total_steps"], 8000);          // two filters, 'same' padding
  EXPECT_EQ(state["weight_shape"], Json::parse("[2, 1, 1, 9]"));
  EXPECT_TRUE(state["grids"].contains("input/0")) << state["grids"].dump();
  state = OpenAndDump("sound_undo", sound, Json::parse(R"([{"import_sound": {"view": "waveform", "rate": 8000,
      "length": 0.5}}, {"key": "z", "ctrl": true}, {"frames": 2}])"));
  EXPECT_EQ(state["input_axes"], "none");
}

// A sound too long for a waveform, and bytes that are no sound: one
// message each, and the document as it was.
TEST(Shell, ASoundThatCannotBeImportedLeavesTheDocument) {
  const std::string sound = CONVSTEP_SOUND_DIR "/sonido_golpes.wav";
  Json state = OpenAndDump("sound_long", sound, Json::parse(R"([{"import_sound": {"view": "waveform",
      "rate": 44100, "length": 0}}, {"frames": 1}])"));
  EXPECT_EQ(state["input_axes"], "none");
  EXPECT_EQ(state["weight_shape"], Json::parse("[1, 2, 3, 3]"));  // Ejemplo 1's, untouched
  EXPECT_NE(state["message"].get<std::string>().find("44100 samples: at most 16000"), std::string::npos)
      << state["message"];
  const std::string broken = testing::TestTempPath("broken.wav");
  std::ofstream(broken) << "RIFF\x10\0\0\0WAVEfmt not really a sound";
  state = OpenAndDump("sound_broken", broken, Json::parse(R"([{"import_sound": {"view": "mel"}}, {"frames": 1}])"));
  EXPECT_EQ(state["input_axes"], "none");
  EXPECT_EQ(state["weight_shape"], Json::parse("[1, 2, 3, 3]"));
  EXPECT_NE(state["message"].get<std::string>().find("cannot decode the sound"), std::string::npos) << state["message"];
}

// The word of senal_hola (8 kHz) played through SDL's disk driver: the
// file holds it at the device's 48 kHz, as loud as the input; a filter's
// output plays too. A driver that does not exist leaves one message.
TEST(Shell, PlayingTheSoundWritesItToTheSoundDevice) {
  const std::string raw = testing::TestTempPath("played.raw");
  std::remove(raw.c_str());
  setenv("SDL_AUDIODRIVER", "disk", 1);
  setenv("SDL_DISKAUDIOFILE", raw.c_str(), 1);
  Json state = RunScript("play", Json::parse(R"([{"play": "sound"}, {"frames": 2}, {"wait": 0.8}, {"frames": 2}])"),
                         {"--preset", "senal_hola"});
  unsetenv("SDL_DISKAUDIOFILE");
  EXPECT_EQ(state["message"], "");
  std::ifstream file(raw, std::ios::binary);
  std::vector<float> played;  // float32 mono, the device's format
  float v = 0;
  while (file.read(reinterpret_cast<char*>(&v), sizeof v)) played.push_back(v);
  const Json& input = state["input"][0][0];
  double in_energy = 0;
  for (const Json& x : input) in_energy += x.get<double>() * x.get<double>();
  double out_energy = 0;
  for (float x : played) out_energy += static_cast<double>(x) * x;
  // 2,399 samples at 8 kHz are 14,394 at 48 kHz, then silence; the energy
  // scales with the rate, times the volume (0.8) squared.
  ASSERT_GE(played.size(), 14394u);
  EXPECT_NEAR(out_energy / 6.0, in_energy * 0.64, in_energy * 0.64 * 0.05);
  setenv("SDL_AUDIODRIVER", "no_such_driver", 1);
  state = RunScript("play_nowhere", Json::parse(R"([{"play": "output", "filter": 1}, {"frames": 2}])"),
                    {"--preset", "senal_hola"});
  unsetenv("SDL_AUDIODRIVER");
  EXPECT_NE(state["message"].get<std::string>().find("no sound output"), std::string::npos) << state["message"];
  EXPECT_EQ(state["total_steps"], 2 * 2399);
}

// File ▸ Record through SDL's disk driver, which "records" a file of
// float32 samples: Stop opens the sound import on what came in, and its
// waveform is those samples (to 16 bits and three decimals). With no
// capture device the status line says so.
TEST(Shell, RecordingFromTheMicrophoneOpensTheImportOnIt) {
  const std::string in = testing::TestTempPath("microphone.raw");
  std::vector<float> voice;
  for (int i = 0; i < 16000; ++i) voice.push_back(static_cast<float>(0.5 * std::sin(2 * M_PI * 440.0 * i / 16000.0)));
  std::ofstream(in, std::ios::binary).write(reinterpret_cast<const char*>(voice.data()),
                                            static_cast<std::streamsize>(voice.size() * sizeof(float)));
  setenv("SDL_AUDIODRIVER", "disk", 1);
  setenv("SDL_DISKAUDIOFILEIN", in.c_str(), 1);
  setenv("SDL_DISKAUDIOFILE", testing::TestTempPath("speaker.raw").c_str(), 1);
  Json state = RunScript("record", Json::parse(R"([{"record": "start"}, {"frames": 2}, {"wait": 0.4}, {"frames": 2},
      {"record": "stop"}, {"frames": 2},
      {"import_sound": {"view": "waveform", "rate": 0, "start": 0, "length": 0}}, {"frames": 1}])"));
  unsetenv("SDL_DISKAUDIOFILEIN");
  unsetenv("SDL_DISKAUDIOFILE");
  EXPECT_EQ(state["input_axes"], "waveform") << state["message"];
  const Json& row = state["input"][0][0];
  ASSERT_GE(row.size(), 1000u) << "too little was recorded";
  for (size_t i = 0; i < 1000; ++i) EXPECT_NEAR(row[i].get<double>(), voice[i], 0.0006) << i;
  setenv("SDL_AUDIODRIVER", "no_such_driver", 1);
  state = RunScript("record_nowhere", Json::parse(R"([{"record": "start"}, {"frames": 2}])"));
  unsetenv("SDL_AUDIODRIVER");
  EXPECT_NE(state["message"].get<std::string>().find("no microphone"), std::string::npos) << state["message"];
  EXPECT_EQ(state["pending_sound"], "");
}

// The sound import open for a while, its preview (4,032 cells) drawn by the
// heatmap shader: a few frames in, ImGui's modal dimming met a draw list
// that ended on the shader's callback and asserted.
TEST(Shell, ADialogStaysOpenOverTheGridPanels) {
  const std::string sound = CONVSTEP_SOUND_DIR "/sonido_golpes.wav";
  for (const char* preset : {"ejemplo1", "large_64x64x3"}) {
    const Json state = RunScript(std::string("dialog_") + preset,
                                 Json::parse("[{\"drop\": \"" + sound + "\"}, {\"frames\": 40}]"), {"--preset", preset});
    EXPECT_EQ(state["pending_sound"], sound) << preset;
  }
}

TEST(Shell, AFileThatCannotBeOpenedStopsWithItsMessage) {
  const std::string missing = testing::TestTempPath("missing.csv");
  ProcessResult r = Window({missing, "--screenshot", testing::TestTempPath("never.png")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.err.find("missing.csv") != std::string::npos) << r.err;
  const std::string broken = testing::TestTempPath("broken.json");
  std::ofstream(broken) << "{\"schema_version\": 1, \"conv\": ";
  r = Window({broken, "--bench-frames", "1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.err.find("broken.json") != std::string::npos) << r.err;
}

TEST(Shell, BenchAndScreenshotWorkOnAFile) {
  const std::string session = SavedSession("bench.json", "siete_filtros");
  ProcessResult r = Window({session, "--bench-frames", "3"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.find("3 frames at") != std::string::npos) << r.out;
  const std::string png = testing::TestTempPath("file_shot.png");
  r = Window({session, "--screenshot", png});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(png));
}

TEST(Shell, ScreenshotSaysWhereItWrote) {
  const std::string png = testing::TestTempPath("where.png");
  const ProcessResult r = Window({"--screenshot", png, "--size", "640x480"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "convstep: wrote " + png + " (640x480)\n");
}

// Two headless windows on one X server: the one that holds the clipboard
// answers the other's request for it while it runs (it takes its events
// every frame), instead of leaving it waiting until it exits.
TEST(Shell, HeadlessRunsOnOneDisplayAnswerEachOthersClipboard) {
  const testing::Xvfb server;
  ASSERT_FALSE(server.display().empty());
  const std::string ready = testing::TestTempPath("owner_ready.png");
  const std::string owner = testing::TestTempPath("owner.json");
  const std::string reader = testing::TestTempPath("reader.json");
  std::filesystem::remove(ready);
  std::ofstream(owner) << R"([{"clipboard": "held by the other window"}, {"screenshot": ")" << ready
                       << R"("}, {"frames": 20000}])";
  std::ofstream(reader) << R"([{"frames": 5}, {"expect": {"clipboard": "held by the other window"}}])";
  const std::string env = "DISPLAY=" + server.display() + " ASAN_OPTIONS=detect_leaks=0 ";
  const std::string command = env + "'" CONVSTEP_WINDOW "' --script '" + owner + "' & owner=$!; " +
                              "i=0; while [ ! -e '" + ready + "' ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; " + env +
                              "timeout 20 '" CONVSTEP_WINDOW "' --script '" + reader + "'; rc=$?; " +
                              "kill $owner; wait $owner; exit $rc";
  const ProcessResult r = testing::RunProcess({"sh", "-c", command});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

}  // namespace
}  // namespace convstep
