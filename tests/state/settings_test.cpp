// The settings kept across restarts: what is written reads back, a damaged
// or foreign file never stops the window, and the language is stored only
// once the user has picked one.
#include "app/state/settings.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace convstep {
namespace {

TEST(Settings, RoundTripsEveryField) {
  Settings s;
  s.language = Language::kSpanish;
  s.appearance.theme = Theme::kHighContrast;
  s.appearance.palette = HeatPalette::kCividis;
  s.appearance.text_percent = 175;
  s.appearance.panels.kernels = false;
  s.appearance.panels.output_size = false;
  const Settings back = SettingsFromJson(SettingsToJson(s));
  ASSERT_TRUE(back.language.has_value());
  EXPECT_EQ(*back.language, Language::kSpanish);
  EXPECT_EQ(back.appearance.theme, Theme::kHighContrast);
  EXPECT_EQ(back.appearance.palette, HeatPalette::kCividis);
  EXPECT_EQ(back.appearance.text_percent, 175);
  EXPECT_TRUE(back.appearance.panels.input);
  EXPECT_FALSE(back.appearance.panels.kernels);
  EXPECT_FALSE(back.appearance.panels.output_size);
}

TEST(Settings, PresentationModeIsNotKept) {
  Settings s;
  s.appearance.presentation = true;
  EXPECT_FALSE(SettingsToJson(s).contains("presentation"));
  EXPECT_FALSE(SettingsFromJson(Json{{"presentation", true}}).appearance.presentation);
}

TEST(Settings, InvalidValuesKeepTheDefaults) {
  const Json json = {{"language", "fr"},         {"theme", 3},      {"palette", "jet"},
                     {"text_percent", 1000},     {"panels", "all"}, {"unknown", {1, 2}}};
  const Settings s = SettingsFromJson(json);
  EXPECT_FALSE(s.language.has_value());
  EXPECT_EQ(s.appearance.theme, Theme::kDark);
  EXPECT_EQ(s.appearance.palette, HeatPalette::kViridis);
  EXPECT_EQ(s.appearance.text_percent, 100);
  EXPECT_TRUE(s.appearance.panels.parameters);
  EXPECT_EQ(SettingsFromJson(Json::array()).appearance.text_percent, 100);
  EXPECT_EQ(SettingsFromJson(Json{{"panels", {{"input", "no"}}}}).appearance.panels.input, true);
}

class SettingsFile : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("convstep_settings_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    setenv("XDG_STATE_HOME", folder_.c_str(), 1);
    SetLanguage(Language::kEnglish);
  }
  void TearDown() override {
    unsetenv("XDG_STATE_HOME");
    std::filesystem::remove_all(folder_);
    SetLanguage(Language::kEnglish);
  }
  std::filesystem::path file() const { return folder_ / "convstep" / "settings.json"; }
  std::filesystem::path folder_;
};

TEST_F(SettingsFile, NoFileIsNoSettingsAndNoError) {
  Result<std::optional<Settings>> loaded = LoadSettings();
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  EXPECT_FALSE(loaded->has_value());
}

TEST_F(SettingsFile, KeeperWritesOnlyChangesAndTheLanguageOnlyOncePicked) {
  SettingsKeeper keeper(Settings{}, Language::kEnglish);
  Appearance look;
  ASSERT_TRUE(keeper.Update(look).ok());
  EXPECT_FALSE(std::filesystem::exists(file())) << "nothing changed, nothing written";

  look.theme = Theme::kLight;
  ASSERT_TRUE(keeper.Update(look).ok());
  Result<std::optional<Settings>> loaded = LoadSettings();
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  EXPECT_EQ((*loaded)->appearance.theme, Theme::kLight);
  EXPECT_FALSE((*loaded)->language.has_value()) << "the locale's language is not a choice";

  SetLanguage(Language::kSpanish);
  ASSERT_TRUE(keeper.Update(look).ok());
  loaded = LoadSettings();
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  ASSERT_TRUE((*loaded)->language.has_value());
  EXPECT_EQ(*(*loaded)->language, Language::kSpanish);

  // Back to the starting language: still a choice, and kept.
  SetLanguage(Language::kEnglish);
  ASSERT_TRUE(keeper.Update(look).ok());
  loaded = LoadSettings();
  ASSERT_TRUE(loaded.ok() && loaded->has_value() && (*loaded)->language.has_value());
  EXPECT_EQ(*(*loaded)->language, Language::kEnglish);
}

TEST_F(SettingsFile, DamagedFileIsOneMessage) {
  std::filesystem::create_directories(file().parent_path());
  std::ofstream(file()) << "{\"theme\": \"light\"";
  Result<std::optional<Settings>> loaded = LoadSettings();
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().find("settings.json"), std::string::npos) << loaded.error();
}

}  // namespace
}  // namespace convstep
