// LoadImageGrid and LoadImageGridFromMemory: pictures written with
// stb_image_write and read back, and the files a user might get wrong.
#include <gtest/gtest.h>

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "app/image/image_file.h"

namespace convstep {
namespace {

std::string TempPath(const std::string& name) { return ::testing::TempDir() + "convstep_image_" + name; }

std::vector<unsigned char> ReadBytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

void WriteBytes(const std::string& path, const std::vector<unsigned char>& bytes) {
  std::ofstream file(path, std::ios::binary);
  file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// A 16×16 gray PNG whose pixel (y, x) is 16y + x (0 to 255).
std::string WriteRampPng(const std::string& name) {
  std::vector<unsigned char> pixels;
  for (int i = 0; i < 256; ++i) pixels.push_back(static_cast<unsigned char>(i));
  const std::string path = TempPath(name);
  EXPECT_NE(stbi_write_png(path.c_str(), 16, 16, 1, pixels.data(), 16), 0);
  return path;
}

ImageGridOptions Grid8x8() {
  ImageGridOptions options;
  options.height = 8;
  options.width = 8;
  return options;
}

// A PNG signature and an IHDR chunk claiming a 30000×30000 8-bit gray
// picture, and nothing else. stb_image does not check chunk CRCs, so the CRC
// is left at zero; the header alone is all stbi_info needs.
std::vector<unsigned char> HugePngHeader() {
  return {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',  // signature
          0, 0, 0, 13, 'I', 'H', 'D', 'R',              // chunk length and type
          0, 0, 0x75, 0x30,                             // width 30000
          0, 0, 0x75, 0x30,                             // height 30000
          8, 0, 0, 0, 0,                                // 8 bits, gray, deflate, no filter, no interlace
          0, 0, 0, 0};                                  // CRC
}

TEST(ImageFile, PngIsReadAndAveraged) {
  const std::string path = WriteRampPng("ramp.png");
  Result<Tensor3> grid = LoadImageGrid(path, Grid8x8());
  ASSERT_TRUE(grid.ok()) << grid.error();
  ASSERT_EQ(grid->c, 1);
  ASSERT_EQ(grid->h, 8);
  ASSERT_EQ(grid->w, 8);
  EXPECT_EQ(grid->at(0, 0, 0), 9);    // (0 + 1 + 16 + 17) / 4 = 8.5, halves up
  EXPECT_EQ(grid->at(0, 3, 2), 109);  // (100 + 101 + 116 + 117) / 4 = 108.5
  EXPECT_EQ(grid->at(0, 7, 7), 247);  // (238 + 239 + 254 + 255) / 4 = 246.5
}

TEST(ImageFile, ColourBmpWithAnUpperCaseExtension) {
  // 8×8 pixels of (200, 100, 50); luma 59.8 + 58.7 + 5.7 = 124.2.
  std::vector<unsigned char> pixels;
  for (int i = 0; i < 64; ++i) pixels.insert(pixels.end(), {200, 100, 50});
  const std::string path = TempPath("colour.BMP");
  ASSERT_NE(stbi_write_bmp(path.c_str(), 8, 8, 3, pixels.data()), 0);
  ImageGridOptions rgb = Grid8x8();
  rgb.rgb = true;
  Result<Tensor3> colour = LoadImageGrid(path, rgb);
  ASSERT_TRUE(colour.ok()) << colour.error();
  ASSERT_EQ(colour->c, 3);
  EXPECT_EQ(colour->at(0, 4, 4), 200);
  EXPECT_EQ(colour->at(1, 4, 4), 100);
  EXPECT_EQ(colour->at(2, 4, 4), 50);
  Result<Tensor3> gray = LoadImageGrid(path, Grid8x8());
  ASSERT_TRUE(gray.ok()) << gray.error();
  ASSERT_EQ(gray->c, 1);
  EXPECT_EQ(gray->at(0, 4, 4), 124);
}

TEST(ImageFile, DefaultOptionsGiveA28x28Grid) {
  Result<Tensor3> grid = LoadImageGrid(WriteRampPng("ramp28.png"), ImageGridOptions{});
  ASSERT_TRUE(grid.ok()) << grid.error();
  EXPECT_EQ(grid->c, 1);
  EXPECT_EQ(grid->h, 28);
  EXPECT_EQ(grid->w, 28);
}

TEST(ImageFile, FromMemoryMatchesTheFile) {
  const std::vector<unsigned char> bytes = ReadBytes(WriteRampPng("memory.png"));
  Result<Tensor3> grid = LoadImageGridFromMemory(bytes.data(), bytes.size(), Grid8x8());
  ASSERT_TRUE(grid.ok()) << grid.error();
  EXPECT_EQ(grid->at(0, 0, 0), 9);
  EXPECT_EQ(grid->at(0, 7, 7), 247);
}

TEST(ImageFile, TruncatedPngCannotBeDecoded) {
  const std::vector<unsigned char> bytes = ReadBytes(WriteRampPng("whole.png"));
  const std::string path = TempPath("truncated.png");
  WriteBytes(path, std::vector<unsigned char>(bytes.begin(), bytes.begin() + static_cast<long>(bytes.size() / 2)));
  Result<Tensor3> grid = LoadImageGrid(path, Grid8x8());
  ASSERT_FALSE(grid.ok());
  const std::string prefix = "cannot decode '" + path + "': ";
  EXPECT_EQ(grid.error().substr(0, prefix.size()), prefix);
  EXPECT_GT(grid.error().size(), prefix.size()) << "stb_image's reason is missing";
}

// Found by fuzz/image_grid_fuzz.cpp: a 5×7 RGBA PNG with a corrupt IDAT,
// after which libstb's failure reason is bytes of the file ("\x16" "13").
TEST(ImageFile, UnprintableStbReasonBecomesCorruptData) {
  const std::vector<unsigned char> png = {
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
      0x44, 0x52, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x07, 0x08, 0x06, 0x00, 0x00,
      0x00, 0xc0, 0xa7, 0x87, 0xee, 0x00, 0x00, 0x00, 0x4b, 0x49, 0x44, 0x41, 0x54, 0x78,
      0x9c, 0x15, 0xc8, 0x31, 0x01, 0x00, 0x21, 0x10, 0x03, 0xc1, 0x53, 0x82, 0x88, 0xaf,
      0x51, 0x42, 0xde, 0x11, 0x94, 0xa8, 0x88, 0x12, 0x44, 0xc4, 0x15, 0xbf, 0x57, 0x4c,
      0x33, 0xf5, 0xaa, 0xce, 0xfb, 0x20, 0x18, 0xa9, 0xf5, 0xaa, 0xce, 0xfb, 0x20, 0x18,
      0xa9, 0x53, 0xaf, 0x06, 0x09, 0xc1, 0xc8, 0xe8, 0x9c, 0x24, 0x04, 0x23, 0xb3, 0x73,
      0x91, 0x10, 0x8c, 0xac, 0xce, 0x4d, 0x42, 0x30, 0xb2, 0x3b, 0x4d, 0x42, 0x30, 0xe2,
      0xce, 0x4b, 0x42, 0x30, 0x72, 0xcf, 0x0f, 0x0b, 0x4b, 0x4e, 0x58, 0x84, 0x16, 0x31,
      0x33, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0x53, 0xaf, 0x06, 0x09, 0xc1,
      0xc8, 0xe8, 0x9c, 0x24, 0x04, 0x23, 0xb3, 0x73, 0x91, 0x10, 0x8c, 0xac, 0xce, 0x4d,
      0x42, 0x30, 0xb2, 0x3b, 0x4d, 0x42, 0x30, 0xe2, 0xce, 0x4b, 0x42, 0x30, 0x72, 0xcf,
      0x0f, 0x0b, 0x4b, 0x4e, 0x58, 0x84, 0x16, 0x31, 0x33, 0x00, 0x00, 0x00, 0x00, 0x49,
      0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  };
  Result<Tensor3> grid = LoadImageGridFromMemory(png.data(), png.size(), Grid8x8());
  ASSERT_FALSE(grid.ok());
  EXPECT_EQ(grid.error(), "cannot decode the picture: corrupt data");
}

TEST(ImageFile, TextNamedPngIsNotAPicture) {
  const std::string path = TempPath("notes.png");
  std::ofstream(path) << "1 2 3\n4 5 6\n";
  Result<Tensor3> grid = LoadImageGrid(path, Grid8x8());
  ASSERT_FALSE(grid.ok());
  EXPECT_EQ(grid.error(), "cannot decode '" + path + "': unknown image type");
}

TEST(ImageFile, HugeHeaderIsRefusedBeforeDecoding) {
  // Decoding would need 900 MB; the refusal names the size read from IHDR,
  // which only the check before decoding can know.
  const std::string size_message =
      "the picture is 30000 pixels wide and 30000 high (900.0 megapixels): at most 40 megapixels are accepted";
  const std::vector<unsigned char> header = HugePngHeader();
  Result<Tensor3> memory = LoadImageGridFromMemory(header.data(), header.size(), Grid8x8());
  ASSERT_FALSE(memory.ok());
  EXPECT_EQ(memory.error(), "cannot load the picture: " + size_message);
  const std::string path = TempPath("huge.png");
  WriteBytes(path, header);
  Result<Tensor3> file = LoadImageGrid(path, Grid8x8());
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error(), "cannot load '" + path + "': " + size_message);
}

TEST(ImageFile, MissingFile) {
  const std::string path = TempPath("missing.png");
  Result<Tensor3> grid = LoadImageGrid(path, Grid8x8());
  ASSERT_FALSE(grid.ok());
  EXPECT_EQ(grid.error(), "cannot open '" + path + "': No such file or directory");
}

TEST(ImageFile, OnlyPictureExtensions) {
  Result<Tensor3> grid = LoadImageGrid("grid.txt", Grid8x8());
  ASSERT_FALSE(grid.ok());
  EXPECT_EQ(grid.error(), "'grid.txt' is not a picture: use a .png, .jpg, .jpeg, .bmp or .gif file");
}

TEST(ImageFile, BadOptionsAndEmptyMemory) {
  ImageGridOptions bad = Grid8x8();
  bad.scale = 100;
  Result<Tensor3> grid = LoadImageGrid(WriteRampPng("options.png"), bad);
  ASSERT_FALSE(grid.ok());
  EXPECT_EQ(grid.error(), "the scale must be 255 (values 0 to 255) or 1 (values 0 to 1), not 100");
  Result<Tensor3> empty = LoadImageGridFromMemory(nullptr, 0, Grid8x8());
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error(), "cannot decode the picture: it is empty");
}

TEST(ImageFile, DirectoryIsNotAPicture) {
  const std::string path = TempPath("directory.png");
  std::filesystem::create_directories(path);
  Result<Tensor3> grid = LoadImageGrid(path, Grid8x8());
  ASSERT_FALSE(grid.ok());
  EXPECT_EQ(grid.error(), "'" + path + "' is a directory, not a picture");
}

TEST(ImageFile, WritePngWritesTopRowFirstAndNamesAMissingFolder) {
  // 2×2: red, green on top; blue, white below.
  const unsigned char rgba[] = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255};
  const std::string path = TempPath("written.png");
  ASSERT_TRUE(WritePng(path, 2, 2, rgba).ok());
  int w = 0;
  int h = 0;
  int channels = 0;
  unsigned char* read = stbi_load(path.c_str(), &w, &h, &channels, 4);
  ASSERT_NE(read, nullptr);
  EXPECT_EQ(std::vector<unsigned char>(read, read + 16), std::vector<unsigned char>(rgba, rgba + 16));
  stbi_image_free(read);
  const Result<bool> bad = WritePng("/nonexistent_convstep_folder/x.png", 2, 2, rgba);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error(), "cannot save '/nonexistent_convstep_folder/x.png': the folder "
                         "'/nonexistent_convstep_folder' does not exist");
}

}  // namespace
}  // namespace convstep
