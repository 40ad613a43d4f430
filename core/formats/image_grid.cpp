#include "core/formats/image_grid.h"

#include "core/formats/file_io.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace convstep {

namespace {

// A source pixel and how much of it one grid cell covers.
struct Tap {
  int index = 0;
  std::int64_t weight = 0;
};

// For each of `out` cells along an axis, the pixels of the `in` pixels from
// `first` on that it covers. Lengths are counted in 1/(in·out) of the span
// so that every boundary is an integer: cell o spans [o·in, (o+1)·in) and
// pixel first + i spans [i·out, (i+1)·out). A cell's weights therefore add
// up to `in`, and a pixel cut by the cell's edge weighs the part of it inside.
std::vector<std::vector<Tap>> AxisTaps(int first, int in, int out) {
  std::vector<std::vector<Tap>> taps(static_cast<std::size_t>(out));
  for (int o = 0; o < out; ++o) {
    const std::int64_t begin = std::int64_t{o} * in;
    const std::int64_t end = begin + in;
    for (std::int64_t i = begin / out; i * out < end; ++i) {
      const std::int64_t overlap = std::min(end, (i + 1) * out) - std::max(begin, i * out);
      taps[static_cast<std::size_t>(o)].push_back({first + static_cast<int>(i), overlap});
    }
  }
  return taps;
}

// A pixel's value on grid channel `c`, in thousandths of a level, so that the
// luma weights 0.299, 0.587 and 0.114 stay integers and the sums stay exact.
std::int64_t Thousandths(const unsigned char* pixel, int channels_in_pixels, bool rgb, int c) {
  if (channels_in_pixels < 3) return 1000 * std::int64_t{pixel[0]};
  if (rgb) return 1000 * std::int64_t{pixel[c]};
  return 299 * std::int64_t{pixel[0]} + 587 * std::int64_t{pixel[1]} + 114 * std::int64_t{pixel[2]};
}

// num / den rounded to the nearest integer, halves up (both non-negative).
std::int64_t RoundedQuotient(std::int64_t num, std::int64_t den) { return (2 * num + den) / (2 * den); }

// `length` of `whole` rounded to whole units, 1 to `whole`: the side of a
// rectangle with another rectangle's aspect.
int ScaledSide(std::int64_t length, std::int64_t numerator, std::int64_t denominator, int whole) {
  return static_cast<int>(std::clamp<std::int64_t>(RoundedQuotient(length * numerator, denominator), 1, whole));
}

std::string NumberText(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

const char* ImageFitName(ImageFit fit) {
  switch (fit) {
    case ImageFit::kCrop: return "crop";
    case ImageFit::kFit: return "fit";
    case ImageFit::kStretch: return "stretch";
  }
  return "crop";
}

std::optional<ImageFit> ImageFitFromName(const std::string& name) {
  for (ImageFit fit : {ImageFit::kCrop, ImageFit::kFit, ImageFit::kStretch}) {
    if (name == ImageFitName(fit)) return fit;
  }
  return std::nullopt;
}

ImagePlacement PlaceImage(int width, int height, const ImageGridOptions& options) {
  ImagePlacement p{0, 0, width, height, 0, 0, options.width, options.height};
  // Which is wider, the picture or the grid, compared without division.
  const std::int64_t picture_across = std::int64_t{width} * options.height;
  const std::int64_t grid_across = std::int64_t{options.width} * height;
  if (options.fit == ImageFit::kCrop) {
    if (picture_across > grid_across) {
      p.source_w = ScaledSide(height, options.width, options.height, width);
      p.source_x = (width - p.source_w) / 2;
    } else {
      p.source_h = ScaledSide(width, options.height, options.width, height);
      p.source_y = (height - p.source_h) / 2;
    }
  } else if (options.fit == ImageFit::kFit) {
    if (picture_across > grid_across) {
      p.cell_h = ScaledSide(options.width, height, width, options.height);
      p.cell_y = (options.height - p.cell_h) / 2;
    } else {
      p.cell_w = ScaledSide(options.height, width, height, options.width);
      p.cell_x = (options.width - p.cell_w) / 2;
    }
  }
  return p;
}

ImageGridOptions WithPictureAspect(ImageGridOptions options, int width, int height) {
  const int longer = std::max(options.height, options.width);
  if (width >= height) {
    options.width = longer;
    options.height = std::max(kMinImageGridSide, ScaledSide(longer, height, width, longer));
  } else {
    options.height = longer;
    options.width = std::max(kMinImageGridSide, ScaledSide(longer, width, height, longer));
  }
  return options;
}

bool IsImagePath(const std::string& path) {
  const std::string extension = LowercaseExtension(path);
  return extension == ".png" || extension == ".jpg" || extension == ".jpeg" || extension == ".bmp" ||
         extension == ".gif";
}

std::optional<Error> CheckImageGridOptions(const ImageGridOptions& options) {
  const auto side_error = [](const char* side, int value) {
    return Error{std::string("the grid ") + side + " must be " + std::to_string(kMinImageGridSide) + " to " +
                 std::to_string(kMaxGridSide) + " cells, not " + std::to_string(value)};
  };
  if (options.height < kMinImageGridSide || options.height > kMaxGridSide) {
    return side_error("height", options.height);
  }
  if (options.width < kMinImageGridSide || options.width > kMaxGridSide) {
    return side_error("width", options.width);
  }
  if (options.scale != 255 && options.scale != 1) {
    return Error{"the scale must be 255 (values 0 to 255) or 1 (values 0 to 1), not " + NumberText(options.scale)};
  }
  if (options.fit != ImageFit::kCrop && options.fit != ImageFit::kFit && options.fit != ImageFit::kStretch) {
    return Error{"the fit must be crop, fit or stretch"};
  }
  return std::nullopt;
}

std::optional<Error> CheckImageSize(int width, int height) {
  const std::string size = std::to_string(width) + " pixels wide and " + std::to_string(height) + " high";
  if (width < 1 || height < 1) return Error{"the picture has no pixels: it is " + size};
  const std::int64_t pixels = std::int64_t{width} * height;
  if (pixels > kMaxImagePixels) {
    char megapixels[32];
    std::snprintf(megapixels, sizeof megapixels, "%.1f", static_cast<double>(pixels) / 1e6);
    return Error{"the picture is " + size + " (" + megapixels + " megapixels): at most " +
                 std::to_string(kMaxImagePixels / 1'000'000) + " megapixels are accepted"};
  }
  return std::nullopt;
}

Result<Tensor3> GridFromPixels(const unsigned char* pixels, int width, int height, int channels_in_pixels,
                               const ImageGridOptions& options) {
  if (std::optional<Error> bad = CheckImageGridOptions(options)) return *bad;
  if (pixels == nullptr) return Error{"no pixels were given"};
  if (channels_in_pixels < 1 || channels_in_pixels > 4) {
    return Error{"a pixel has 1 to 4 channels (gray, gray + alpha, RGB or RGBA), not " +
                 std::to_string(channels_in_pixels)};
  }
  if (std::optional<Error> bad = CheckImageSize(width, height)) return *bad;

  const ImagePlacement place = PlaceImage(width, height, options);
  const std::vector<std::vector<Tap>> rows = AxisTaps(place.source_y, place.source_h, place.cell_h);
  const std::vector<std::vector<Tap>> columns = AxisTaps(place.source_x, place.source_w, place.cell_w);
  // Every cell's weights add up to the pixels used, in thousandths of a level.
  const std::int64_t total = std::int64_t{place.source_w} * place.source_h * 1000;
  const std::size_t row_bytes = static_cast<std::size_t>(width) * channels_in_pixels;
  Tensor3 grid(options.rgb ? 3 : 1, options.height, options.width);  // fit's bars stay 0
  // One grid row at a time, every channel in the same pass over the pixels,
  // so the working memory is one row of sums whatever the picture's size.
  const std::size_t row_cells = static_cast<std::size_t>(place.cell_w);
  std::vector<std::int64_t> cell_sums(static_cast<std::size_t>(grid.c) * row_cells);
  for (int y = 0; y < place.cell_h; ++y) {
    std::fill(cell_sums.begin(), cell_sums.end(), 0);
    for (const Tap& row : rows[static_cast<std::size_t>(y)]) {
      const unsigned char* source = pixels + static_cast<std::size_t>(row.index) * row_bytes;
      for (std::size_t x = 0; x < row_cells; ++x) {
        std::int64_t sums[3] = {0, 0, 0};
        for (const Tap& column : columns[x]) {
          const unsigned char* pixel = source + static_cast<std::size_t>(column.index) * channels_in_pixels;
          for (int c = 0; c < grid.c; ++c) {
            sums[c] += column.weight * Thousandths(pixel, channels_in_pixels, options.rgb, c);
          }
        }
        for (int c = 0; c < grid.c; ++c) cell_sums[static_cast<std::size_t>(c) * row_cells + x] += row.weight * sums[c];
      }
    }
    for (int c = 0; c < grid.c; ++c) {
      for (int x = 0; x < place.cell_w; ++x) {
        const std::int64_t sum = cell_sums[static_cast<std::size_t>(c) * row_cells + static_cast<std::size_t>(x)];
        grid.at(c, place.cell_y + y, place.cell_x + x) =
            options.scale == 255 ? static_cast<double>(RoundedQuotient(sum, total))
                                 : static_cast<double>(RoundedQuotient(sum * 1000, total * 255)) / 1000;
      }
    }
  }
  return grid;
}

}  // namespace convstep
