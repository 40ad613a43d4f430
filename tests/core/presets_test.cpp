// The shipped presets (assets/presets): every one loads as a session, and
// the lecture's examples give the shapes the slides announce.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/conv/stepper.h"
#include "core/formats/session_io.h"
#include "core/session/session.h"

namespace convstep {
namespace {

Result<Session> LoadPresetFile(const std::string& name) {
  std::ifstream file(std::string(CONVSTEP_PRESET_DIR) + "/" + name + ".json");
  if (!file) return Error{"cannot open preset " + name};
  std::ostringstream text;
  text << file.rdbuf();
  Result<Json> json = ParseJson(text.str());
  if (!json) return Error{json.error()};
  return SessionFromJson(*json);
}

// The convolution of preset `name`, ready to step through.
Result<ConvStepper> PresetStepper(const std::string& name) {
  Result<Session> session = LoadPresetFile(name);
  if (!session) return Error{session.error()};
  return ConvStepper::Create(session->conv);
}

TEST(Presets, EveryShippedPresetLoads) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CONVSTEP_PRESET_DIR)) {
    if (entry.path().extension() != ".json") continue;
    ++count;
    const std::string name = entry.path().stem().string();
    Result<Session> session = LoadPresetFile(name);
    EXPECT_TRUE(session.ok()) << name << ": " << session.error();
    EXPECT_LT(entry.file_size(), 100u * 1024) << name << " should stay small";
  }
  EXPECT_GE(count, 6);
}

TEST(Presets, EjemploConvolucionGives3x3x2) {
  Result<ConvStepper> stepper = PresetStepper("ejemplo_convolucion");
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  const Tensor3& out = stepper->Output();
  ASSERT_EQ(out.c, 2);
  ASSERT_EQ(out.h, 3);
  ASSERT_EQ(out.w, 3);
  // Filtro 2 is the slide's w1: w1[:, :, 0] = [[0, -1, 1], [1, -1, -1], [-1, 1, 1]].
  const Tensor4& w = stepper->spec().weight;
  EXPECT_EQ(w.at(1, 0, 0, 1), -1);
  EXPECT_EQ(w.at(1, 0, 1, 0), 1);
  EXPECT_EQ(w.at(1, 1, 2, 1), -1);  // w1[:, :, 1] = [[1, 0, 0], [1, 1, 0], [1, -1, 0]]
  EXPECT_EQ(w.at(1, 2, 2, 2), 1);   // w1[:, :, 2] = [[1, -1, 1], [0, -1, 0], [-1, 0, 1]]
  // Summed by hand. The first window meets the input only in its lower right
  // 2×2: Filtro 1 gives 1 + 0 - 1 + b0 (1) = 1, Filtro 2 gives 1 + 1 - 1 + 0
  // = 1. The centre window lies on input rows and columns 1..3: Filtro 2
  // gives 0 + 5 + 0 = 5.
  EXPECT_EQ(out.at(0, 0, 0), 1);
  EXPECT_EQ(out.at(1, 0, 0), 1);
  EXPECT_EQ(out.at(1, 1, 1), 5);
}

TEST(Presets, SieteFiltrosGives28x28x7) {
  Result<ConvStepper> stepper = PresetStepper("siete_filtros");
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  EXPECT_EQ(stepper->spec().input.c, 3);
  EXPECT_EQ(stepper->spec().input.h, 32);
  EXPECT_EQ(stepper->spec().weight.h, 5);
  EXPECT_EQ(stepper->Output().c, 7);
  EXPECT_EQ(stepper->Output().h, 28);
  EXPECT_EQ(stepper->Output().w, 28);
}

TEST(Presets, ImagenBordesKeepsThe48x48PictureForThreeFilters) {
  Result<ConvStepper> stepper = PresetStepper("imagen_bordes");
  ASSERT_TRUE(stepper.ok()) << stepper.error();
  EXPECT_EQ(stepper->spec().input.c, 1);
  EXPECT_EQ(stepper->Output().c, 3);
  EXPECT_EQ(stepper->Output().h, 48);
  EXPECT_EQ(stepper->Output().w, 48);
  // Row 30 crosses the vertical stripes (240 on columns 4, 5, 8, 9, ...; 0
  // on 6, 7, ...). At column 5, Sobel x sees 0 on its right and 240 on its
  // left in all three rows: (1 + 2 + 1)·(0 - 240) = -960. Sobel y sees the
  // same column above and below: 0.
  EXPECT_EQ(stepper->Output().at(0, 30, 5), -960);
  EXPECT_EQ(stepper->Output().at(1, 30, 5), 0);
}

}  // namespace
}  // namespace convstep
