// GridFromPixels: area averaging checked against means worked out by hand,
// gray and colour channels, both scales, and the options' limits.
#include <gtest/gtest.h>

#include <vector>

#include "core/formats/image_grid.h"

namespace convstep {
namespace {

ImageGridOptions Grid8x8(double scale = 255, bool rgb = false, ImageFit fit = ImageFit::kCrop) {
  ImageGridOptions options;
  options.fit = fit;
  options.height = 8;
  options.width = 8;
  options.scale = scale;
  options.rgb = rgb;
  return options;
}

// A gray picture of `width`×`height` pixels whose pixel (y, x) is value(y, x).
template <typename Value>
std::vector<unsigned char> GrayPicture(int width, int height, Value value) {
  std::vector<unsigned char> pixels;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) pixels.push_back(static_cast<unsigned char>(value(y, x)));
  }
  return pixels;
}

// `count` pixels of `colour`, whose bytes are the channels of one pixel.
std::vector<unsigned char> SolidPicture(int count, std::vector<unsigned char> colour) {
  std::vector<unsigned char> pixels;
  for (int i = 0; i < count; ++i) pixels.insert(pixels.end(), colour.begin(), colour.end());
  return pixels;
}

TEST(ImageGrid, DefaultsAreAGray28x28GridOfWholeLevels) {
  const ImageGridOptions options;
  EXPECT_FALSE(options.rgb);
  EXPECT_EQ(options.height, 28);
  EXPECT_EQ(options.width, 28);
  EXPECT_EQ(options.scale, 255);
  EXPECT_EQ(options.fit, ImageFit::kCrop);
}

// Halving: each cell is the mean of a 2×2 block. With pixel (y, x) = 16y + x,
// block (Y, X) holds 32Y + 2X + {0, 1, 16, 17}, whose mean 32Y + 2X + 8.5
// rounds (halves up) to 32Y + 2X + 9.
TEST(ImageGrid, HalvingAveragesEach2x2Block) {
  const std::vector<unsigned char> pixels = GrayPicture(16, 16, [](int y, int x) { return 16 * y + x; });
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 16, 16, 1, Grid8x8());
  ASSERT_TRUE(grid.ok()) << grid.error();
  ASSERT_EQ(grid->c, 1);
  ASSERT_EQ(grid->h, 8);
  ASSERT_EQ(grid->w, 8);
  EXPECT_EQ(grid->at(0, 0, 0), 9);    // (0 + 1 + 16 + 17) / 4 = 8.5
  EXPECT_EQ(grid->at(0, 0, 7), 23);   // (14 + 15 + 30 + 31) / 4 = 22.5
  EXPECT_EQ(grid->at(0, 3, 2), 109);  // (100 + 101 + 116 + 117) / 4 = 108.5
  EXPECT_EQ(grid->at(0, 7, 7), 247);  // (238 + 239 + 254 + 255) / 4 = 246.5
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) EXPECT_EQ(grid->at(0, y, x), 32 * y + 2 * x + 9) << y << "," << x;
  }
}

// 12 -> 8 is 3 -> 2 four times over: cell 0 covers pixel 0 and half of pixel
// 1, cell 1 the other half of pixel 1 and pixel 2. The picture repeats the
// block   10  40 100
//         70 130 200
//        160 220 250
// so the grid repeats the block's four means, each over 1.5 × 1.5 = 2.25
// pixels:
//   (0,0): 10 + 0.5·40 + 0.5·70 + 0.25·130    =  97.5 / 2.25 =  43.33 -> 43
//   (0,1): 0.5·40 + 100 + 0.25·130 + 0.5·200  = 252.5 / 2.25 = 112.22 -> 112
//   (1,0): 0.5·70 + 0.25·130 + 160 + 0.5·220  = 337.5 / 2.25 = 150
//   (1,1): 0.25·130 + 0.5·200 + 0.5·220 + 250 = 492.5 / 2.25 = 218.89 -> 219
const int kBlock[3][3] = {{10, 40, 100}, {70, 130, 200}, {160, 220, 250}};

TEST(ImageGrid, ShrinkingByOneAndAHalfWeighsTheCutPixelsByHalf) {
  const std::vector<unsigned char> pixels = GrayPicture(12, 12, [](int y, int x) { return kBlock[y % 3][x % 3]; });
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 12, 12, 1, Grid8x8());
  ASSERT_TRUE(grid.ok()) << grid.error();
  const double means[2][2] = {{43, 112}, {150, 219}};
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) EXPECT_EQ(grid->at(0, y, x), means[y % 2][x % 2]) << y << "," << x;
  }
}

TEST(ImageGrid, ScaleOneKeepsThreeDecimals) {
  const std::vector<unsigned char> pixels = GrayPicture(12, 12, [](int y, int x) { return kBlock[y % 3][x % 3]; });
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 12, 12, 1, Grid8x8(1));
  ASSERT_TRUE(grid.ok()) << grid.error();
  // The same means over 255: 0.16993, 0.44009, 0.58824, 0.85839.
  EXPECT_DOUBLE_EQ(grid->at(0, 0, 0), 0.170);
  EXPECT_DOUBLE_EQ(grid->at(0, 0, 1), 0.440);
  EXPECT_DOUBLE_EQ(grid->at(0, 1, 0), 0.588);
  EXPECT_DOUBLE_EQ(grid->at(0, 1, 1), 0.858);
  EXPECT_DOUBLE_EQ(grid->at(0, 7, 7), 0.858);
}

// Enlarging 3 columns to 8: cell o spans [3o/8, 3(o+1)/8) of a pixel, so
// cell 2 is 1/4 of pixel 0 and 1/8 of pixel 1, (2·0 + 90) / 3 = 30, and
// cell 5 is 1/8 of pixel 1 and 1/4 of pixel 2, (90 + 2·255) / 3 = 200.
TEST(ImageGrid, EnlargingMixesThePixelsACellStraddles) {
  const int row[3] = {0, 90, 255};
  const std::vector<unsigned char> pixels = GrayPicture(3, 8, [&](int, int x) { return row[x]; });
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 3, 8, 1, Grid8x8(255, false, ImageFit::kStretch));
  ASSERT_TRUE(grid.ok()) << grid.error();
  const double expected[8] = {0, 0, 30, 90, 90, 200, 255, 255};
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) EXPECT_EQ(grid->at(0, y, x), expected[x]) << y << "," << x;
  }
}

// A 4×2 picture (4 columns, 2 rows) into an 8×8 grid, each way, worked by
// hand:
//   10 20 30 40
//   50 60 70 80
// Stretch: 2 rows -> 8 and 4 columns -> 8, so cell (y, x) is pixel
// (y / 4, x / 2). Crop: the centre square, columns 1 and 2 (4 - 2 = 2 cut,
// 1 each side), 2 -> 8 both ways: cell (y, x) is pixel (y / 4, 1 + x / 4).
// Fit: 8 columns by 8·2/4 = 4 rows, centred: rows 0, 1, 6 and 7 are 0 and
// row 2 + r is picture row r / 2, cell x is column x / 2.
const int kWide[2][4] = {{10, 20, 30, 40}, {50, 60, 70, 80}};

std::vector<unsigned char> WidePicture() { return GrayPicture(4, 2, [](int y, int x) { return kWide[y][x]; }); }

TEST(ImageGrid, StretchSpreadsTheWholePictureOverTheGrid) {
  const std::vector<unsigned char> pixels = WidePicture();
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 4, 2, 1, Grid8x8(255, false, ImageFit::kStretch));
  ASSERT_TRUE(grid.ok()) << grid.error();
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) EXPECT_EQ(grid->at(0, y, x), kWide[y / 4][x / 2]) << y << "," << x;
  }
}

TEST(ImageGrid, CropFillsTheGridWithThePicturesCentre) {
  const std::vector<unsigned char> pixels = WidePicture();
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 4, 2, 1, Grid8x8(255, false, ImageFit::kCrop));
  ASSERT_TRUE(grid.ok()) << grid.error();
  const double expected[8][8] = {
      {20, 20, 20, 20, 30, 30, 30, 30}, {20, 20, 20, 20, 30, 30, 30, 30}, {20, 20, 20, 20, 30, 30, 30, 30},
      {20, 20, 20, 20, 30, 30, 30, 30}, {60, 60, 60, 60, 70, 70, 70, 70}, {60, 60, 60, 60, 70, 70, 70, 70},
      {60, 60, 60, 60, 70, 70, 70, 70}, {60, 60, 60, 60, 70, 70, 70, 70}};
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) EXPECT_EQ(grid->at(0, y, x), expected[y][x]) << y << "," << x;
  }
}

TEST(ImageGrid, FitLetterboxesThePictureBetweenBarsOfZero) {
  const std::vector<unsigned char> pixels = WidePicture();
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 4, 2, 1, Grid8x8(255, false, ImageFit::kFit));
  ASSERT_TRUE(grid.ok()) << grid.error();
  const double expected[8][8] = {
      {0, 0, 0, 0, 0, 0, 0, 0},         {0, 0, 0, 0, 0, 0, 0, 0},         {10, 10, 20, 20, 30, 30, 40, 40},
      {10, 10, 20, 20, 30, 30, 40, 40}, {50, 50, 60, 60, 70, 70, 80, 80}, {50, 50, 60, 60, 70, 70, 80, 80},
      {0, 0, 0, 0, 0, 0, 0, 0},         {0, 0, 0, 0, 0, 0, 0, 0}};
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) EXPECT_EQ(grid->at(0, y, x), expected[y][x]) << y << "," << x;
  }
}

// A tall picture is fitted between bars at the sides: 2×4 (2 columns, 4
// rows) into 8×8 is 8·2/4 = 4 columns, 2 to 5, each pixel 2×2 cells.
TEST(ImageGrid, FitPutsATallPictureBetweenBarsAtTheSides) {
  const std::vector<unsigned char> pixels = GrayPicture(2, 4, [](int y, int x) { return kWide[x][y]; });
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 2, 4, 1, Grid8x8(255, false, ImageFit::kFit));
  ASSERT_TRUE(grid.ok()) << grid.error();
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) {
      const double expected = x < 2 || x >= 6 ? 0 : kWide[(x - 2) / 2][y / 2];
      EXPECT_EQ(grid->at(0, y, x), expected) << y << "," << x;
    }
  }
}

// A 640×427 photo into 64×64: crop keeps the middle 427×427 pixels (640 -
// 427 = 213 cut: 106 on the left, 107 on the right); fit gives 64 columns by
// 64·427/640 = 42.7 -> 43 rows, 10 rows of 0 above and 11 below. Either way
// the aspect the student sees is the picture's, to within one cell.
TEST(ImageGrid, PhotoKeepsItsAspectWhenCroppedOrFitted) {
  ImageGridOptions options;
  options.height = 64;
  options.width = 64;
  options.fit = ImageFit::kCrop;
  const ImagePlacement crop = PlaceImage(640, 427, options);
  EXPECT_EQ(crop.source_x, 106);
  EXPECT_EQ(crop.source_y, 0);
  EXPECT_EQ(crop.source_w, 427);
  EXPECT_EQ(crop.source_h, 427);
  EXPECT_EQ(crop.cell_w, 64);
  EXPECT_EQ(crop.cell_h, 64);
  options.fit = ImageFit::kFit;
  const ImagePlacement fit = PlaceImage(640, 427, options);
  EXPECT_EQ(fit.source_w, 640);
  EXPECT_EQ(fit.source_h, 427);
  EXPECT_EQ(fit.cell_x, 0);
  EXPECT_EQ(fit.cell_y, 10);
  EXPECT_EQ(fit.cell_w, 64);
  EXPECT_EQ(fit.cell_h, 43);
  EXPECT_NEAR(64.0 / fit.cell_h, 640.0 / 427.0, 64.0 / 42 - 64.0 / 43);

  // The grid itself: a photo of level 200 leaves the bars 0 and every other cell 200.
  const std::vector<unsigned char> photo(640 * 427, 200);
  Result<Tensor3> grid = GridFromPixels(photo.data(), 640, 427, 1, options);
  ASSERT_TRUE(grid.ok()) << grid.error();
  for (int y = 0; y < 64; ++y) {
    EXPECT_EQ(grid->at(0, y, 0), y >= 10 && y < 53 ? 200 : 0) << y;
    EXPECT_EQ(grid->at(0, y, 63), y >= 10 && y < 53 ? 200 : 0) << y;
  }
}

TEST(ImageGrid, TheGridCanTakeThePicturesAspect) {
  ImageGridOptions options;
  options.height = 64;
  options.width = 64;
  const ImageGridOptions wide = WithPictureAspect(options, 640, 427);
  EXPECT_EQ(wide.width, 64);
  EXPECT_EQ(wide.height, 43);  // 64 · 427 / 640 = 42.7
  const ImageGridOptions tall = WithPictureAspect(options, 427, 640);
  EXPECT_EQ(tall.height, 64);
  EXPECT_EQ(tall.width, 43);
  const ImageGridOptions strip = WithPictureAspect(options, 1000, 10);  // 0.64 rows: no fewer than 8
  EXPECT_EQ(strip.width, 64);
  EXPECT_EQ(strip.height, 8);
  // The longer side of a 28×64 grid is kept.
  options.height = 28;
  EXPECT_EQ(WithPictureAspect(options, 640, 427).width, 64);
  // With the picture's aspect, fit fills the grid: no bars.
  ImageGridOptions fitted = wide;
  fitted.fit = ImageFit::kFit;
  const ImagePlacement place = PlaceImage(640, 427, fitted);
  EXPECT_EQ(place.cell_h, 43);
  EXPECT_EQ(place.cell_w, 64);
}

TEST(ImageGrid, FitsHaveNames) {
  for (ImageFit fit : {ImageFit::kCrop, ImageFit::kFit, ImageFit::kStretch}) {
    EXPECT_EQ(ImageFitFromName(ImageFitName(fit)), fit);
  }
  EXPECT_STREQ(ImageFitName(ImageFit::kFit), "fit");
  EXPECT_FALSE(ImageFitFromName("letterbox"));
}

TEST(ImageGrid, DoublingRepeatsEachPixelInA2x2Block) {
  const std::vector<unsigned char> pixels = GrayPicture(4, 4, [](int y, int x) { return 10 * (4 * y + x); });
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 4, 4, 1, Grid8x8());
  ASSERT_TRUE(grid.ok()) << grid.error();
  EXPECT_EQ(grid->at(0, 0, 0), 0);
  EXPECT_EQ(grid->at(0, 1, 1), 0);
  EXPECT_EQ(grid->at(0, 0, 2), 10);
  EXPECT_EQ(grid->at(0, 2, 0), 40);
  EXPECT_EQ(grid->at(0, 5, 6), 110);
  EXPECT_EQ(grid->at(0, 7, 7), 150);
}

TEST(ImageGrid, SameSizeKeepsEveryPixel) {
  const std::vector<unsigned char> pixels = GrayPicture(8, 8, [](int y, int x) { return 31 * y + x; });
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 8, 8, 1, Grid8x8());
  ASSERT_TRUE(grid.ok()) << grid.error();
  EXPECT_EQ(grid->at(0, 0, 0), 0);
  EXPECT_EQ(grid->at(0, 2, 5), 67);
  EXPECT_EQ(grid->at(0, 7, 7), 224);
}

// BT.601 luma of (200, 100, 50): 59.8 + 58.7 + 5.7 = 124.2.
TEST(ImageGrid, GrayIsTheLumaOfTheColour) {
  const std::vector<unsigned char> pixels = SolidPicture(16 * 16, {200, 100, 50});
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 16, 16, 3, Grid8x8());
  ASSERT_TRUE(grid.ok()) << grid.error();
  ASSERT_EQ(grid->c, 1);
  EXPECT_EQ(grid->at(0, 0, 0), 124);
  EXPECT_EQ(grid->at(0, 7, 3), 124);
  Result<Tensor3> unit = GridFromPixels(pixels.data(), 16, 16, 3, Grid8x8(1));
  ASSERT_TRUE(unit.ok()) << unit.error();
  EXPECT_DOUBLE_EQ(unit->at(0, 4, 4), 0.487);  // 124.2 / 255 = 0.48706
}

TEST(ImageGrid, PrimariesWeighAsBt601Says) {
  const struct {
    std::vector<unsigned char> colour;
    double level;
    double unit;
  } cases[] = {
      {{255, 0, 0}, 76, 0.299},   // 76.245
      {{0, 255, 0}, 150, 0.587},  // 149.685
      {{0, 0, 255}, 29, 0.114},   // 29.07
  };
  for (const auto& c : cases) {
    const std::vector<unsigned char> pixels = SolidPicture(8 * 8, c.colour);
    Result<Tensor3> grid = GridFromPixels(pixels.data(), 8, 8, 3, Grid8x8());
    Result<Tensor3> unit = GridFromPixels(pixels.data(), 8, 8, 3, Grid8x8(1));
    ASSERT_TRUE(grid.ok() && unit.ok());
    EXPECT_EQ(grid->at(0, 3, 3), c.level);
    EXPECT_DOUBLE_EQ(unit->at(0, 3, 3), c.unit);
  }
}

TEST(ImageGrid, RgbKeepsTheThreeChannels) {
  const std::vector<unsigned char> pixels = SolidPicture(16 * 16, {200, 100, 50});
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 16, 16, 3, Grid8x8(255, true));
  ASSERT_TRUE(grid.ok()) << grid.error();
  ASSERT_EQ(grid->c, 3);
  EXPECT_EQ(grid->at(0, 2, 6), 200);
  EXPECT_EQ(grid->at(1, 2, 6), 100);
  EXPECT_EQ(grid->at(2, 2, 6), 50);
  Result<Tensor3> unit = GridFromPixels(pixels.data(), 16, 16, 3, Grid8x8(1, true));
  ASSERT_TRUE(unit.ok()) << unit.error();
  EXPECT_DOUBLE_EQ(unit->at(0, 0, 0), 0.784);  // 0.78431
  EXPECT_DOUBLE_EQ(unit->at(1, 0, 0), 0.392);  // 0.39216
  EXPECT_DOUBLE_EQ(unit->at(2, 0, 0), 0.196);  // 0.19608
}

TEST(ImageGrid, RgbChannelsAreAveragedSeparately) {
  // Left half red, right half blue: 16 -> 8 columns keeps the halves apart.
  std::vector<unsigned char> pixels;
  for (int y = 0; y < 16; ++y) {
    for (int x = 0; x < 16; ++x) {
      const std::vector<unsigned char> colour = x < 8 ? std::vector<unsigned char>{255, 0, 0}
                                                      : std::vector<unsigned char>{0, 0, 255};
      pixels.insert(pixels.end(), colour.begin(), colour.end());
    }
  }
  Result<Tensor3> grid = GridFromPixels(pixels.data(), 16, 16, 3, Grid8x8(255, true));
  ASSERT_TRUE(grid.ok()) << grid.error();
  EXPECT_EQ(grid->at(0, 0, 3), 255);
  EXPECT_EQ(grid->at(2, 0, 3), 0);
  EXPECT_EQ(grid->at(0, 0, 4), 0);
  EXPECT_EQ(grid->at(2, 0, 4), 255);
  EXPECT_EQ(grid->at(1, 5, 5), 0);
}

TEST(ImageGrid, AlphaIsIgnored) {
  const std::vector<unsigned char> rgba = SolidPicture(8 * 8, {200, 100, 50, 0});
  Result<Tensor3> gray = GridFromPixels(rgba.data(), 8, 8, 4, Grid8x8());
  ASSERT_TRUE(gray.ok()) << gray.error();
  EXPECT_EQ(gray->at(0, 1, 1), 124);
  const std::vector<unsigned char> gray_alpha = SolidPicture(8 * 8, {77, 255});
  Result<Tensor3> rgb = GridFromPixels(gray_alpha.data(), 8, 8, 2, Grid8x8(255, true));
  ASSERT_TRUE(rgb.ok()) << rgb.error();
  ASSERT_EQ(rgb->c, 3);
  for (int c = 0; c < 3; ++c) EXPECT_EQ(rgb->at(c, 6, 2), 77);  // a gray picture as three equal channels
}

TEST(ImageGrid, PicturesAreKnownByTheirExtension) {
  EXPECT_TRUE(IsImagePath("digit.png"));
  EXPECT_TRUE(IsImagePath("dir.v2/photo.JPG"));
  EXPECT_TRUE(IsImagePath("photo.jpeg"));
  EXPECT_TRUE(IsImagePath("scan.bmp"));
  EXPECT_TRUE(IsImagePath("anim.Gif"));
  EXPECT_FALSE(IsImagePath("grid.txt"));
  EXPECT_FALSE(IsImagePath("grid.npy"));
  EXPECT_FALSE(IsImagePath("png"));
  EXPECT_FALSE(IsImagePath("photo.png.txt"));
}

TEST(ImageGrid, GridSidesFrom8To256) {
  ImageGridOptions options;
  EXPECT_FALSE(CheckImageGridOptions(options));
  options.height = 8;
  options.width = 256;
  EXPECT_FALSE(CheckImageGridOptions(options));
  options.height = 7;
  ASSERT_TRUE(CheckImageGridOptions(options));
  EXPECT_EQ(CheckImageGridOptions(options)->message, "the grid height must be 8 to 256 cells, not 7");
  options.height = 28;
  options.width = 257;
  ASSERT_TRUE(CheckImageGridOptions(options));
  EXPECT_EQ(CheckImageGridOptions(options)->message, "the grid width must be 8 to 256 cells, not 257");
}

TEST(ImageGrid, ScaleIs255Or1) {
  ImageGridOptions options;
  options.scale = 1;
  EXPECT_FALSE(CheckImageGridOptions(options));
  options.scale = 2;
  ASSERT_TRUE(CheckImageGridOptions(options));
  EXPECT_EQ(CheckImageGridOptions(options)->message,
            "the scale must be 255 (values 0 to 255) or 1 (values 0 to 1), not 2");
  options.scale = 0.5;
  ASSERT_TRUE(CheckImageGridOptions(options));
  EXPECT_NE(CheckImageGridOptions(options)->message.find("not 0.5"), std::string::npos);
}

TEST(ImageGrid, BadOptionsOrPixelsAreErrors) {
  const std::vector<unsigned char> pixels(16 * 16 * 4, 0);
  ImageGridOptions small;
  small.width = 4;
  Result<Tensor3> bad_options = GridFromPixels(pixels.data(), 16, 16, 1, small);
  ASSERT_FALSE(bad_options.ok());
  EXPECT_EQ(bad_options.error(), "the grid width must be 8 to 256 cells, not 4");
  Result<Tensor3> no_pixels = GridFromPixels(nullptr, 16, 16, 1, Grid8x8());
  ASSERT_FALSE(no_pixels.ok());
  EXPECT_EQ(no_pixels.error(), "no pixels were given");
  Result<Tensor3> five = GridFromPixels(pixels.data(), 16, 16, 5, Grid8x8());
  ASSERT_FALSE(five.ok());
  EXPECT_EQ(five.error(), "a pixel has 1 to 4 channels (gray, gray + alpha, RGB or RGBA), not 5");
  Result<Tensor3> empty = GridFromPixels(pixels.data(), 0, 4, 1, Grid8x8());
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error(), "the picture has no pixels: it is 0 pixels wide and 4 high");
}

TEST(ImageGrid, PicturesUpTo40MegapixelsAreAccepted) {
  EXPECT_FALSE(CheckImageSize(1, 1));
  EXPECT_FALSE(CheckImageSize(8000, 5000));  // exactly 40,000,000
  ASSERT_TRUE(CheckImageSize(8000, 5001));
  ASSERT_TRUE(CheckImageSize(30000, 30000));
  EXPECT_EQ(CheckImageSize(30000, 30000)->message,
            "the picture is 30000 pixels wide and 30000 high (900.0 megapixels): at most 40 megapixels are accepted");
  ASSERT_TRUE(CheckImageSize(-3, 10));
}

}  // namespace
}  // namespace convstep
