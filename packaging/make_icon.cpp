// Draws the ConvStep icon as PNGs of the given sizes: the design of
// icons/org.convstep.ConvStep.svg (a 3x3 kernel window over a 5x5 grid on a
// rounded tile), rasterised procedurally with anti-aliasing. Run at build
// time, so that no binary picture is kept in the sources.
//
//   convstep_make_icon OUT_DIR NAME SIZE...   writes OUT_DIR/SIZExSIZE/NAME.png
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

// The design, in the SVG's 256x256 user units. Keep in step with the SVG.
constexpr double kCanvas = 256.0;
constexpr double kGridOrigin = 40.0;  // first cell's corner
constexpr double kPitch = 36.0;       // cell size plus gap
constexpr double kCell = 32.0;
constexpr double kCellRadius = 5.0;
constexpr int kGridCells = 5;
constexpr int kWindowCol = 0;  // the kernel window's top-left cell
constexpr int kWindowRow = 0;
constexpr double kFrameOutset = 7.0;  // frame centre line outside the cells
constexpr double kFrameWidth = 7.0;
constexpr double kFrameRadius = 11.0;

struct Rgba {
  double r, g, b, a;  // straight alpha, 0..1
};

constexpr Rgba Hex(unsigned rgb) {
  return {((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1.0};
}

const Rgba kTileTop = Hex(0x34445f);
const Rgba kTileBottom = Hex(0x1b2435);
const Rgba kCellColour = Hex(0x4b5e80);
const Rgba kKernelEdge = Hex(0xf29e1f);
const Rgba kKernelCentre = Hex(0xffd166);
const Rgba kFrameColour = Hex(0xffffff);

struct RoundedRect {
  double x0, y0, x1, y1, radius;
};

// Signed distance from (x, y) to the rounded rectangle, negative inside.
double Distance(const RoundedRect& r, double x, double y) {
  const double cx = (r.x0 + r.x1) / 2;
  const double cy = (r.y0 + r.y1) / 2;
  const double qx = std::abs(x - cx) - ((r.x1 - r.x0) / 2 - r.radius);
  const double qy = std::abs(y - cy) - ((r.y1 - r.y0) / 2 - r.radius);
  const double outside = std::hypot(std::max(qx, 0.0), std::max(qy, 0.0));
  return outside + std::min(std::max(qx, qy), 0.0) - r.radius;
}

// Area coverage of a sample `unit` user units wide at signed distance d.
double Coverage(double d, double unit) { return std::clamp(0.5 - d / unit, 0.0, 1.0); }

// Porter-Duff "over" in premultiplied alpha.
void Over(double premul[4], const Rgba& c, double coverage) {
  const double a = c.a * coverage;
  premul[0] = c.r * a + premul[0] * (1 - a);
  premul[1] = c.g * a + premul[1] * (1 - a);
  premul[2] = c.b * a + premul[2] * (1 - a);
  premul[3] = a + premul[3] * (1 - a);
}

Rgba Mix(const Rgba& a, const Rgba& b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, a.a + (b.a - a.a) * t};
}

RoundedRect CellRect(int col, int row) {
  const double x = kGridOrigin + kPitch * col;
  const double y = kGridOrigin + kPitch * row;
  return {x, y, x + kCell, y + kCell, kCellRadius};
}

bool InWindow(int col, int row) {
  return col >= kWindowCol && col < kWindowCol + 3 && row >= kWindowRow && row < kWindowRow + 3;
}

// The colour of the design at (x, y), premultiplied; `unit` is the width of
// one sample in user units, for the anti-aliasing.
void Shade(double x, double y, double unit, double out[4]) {
  out[0] = out[1] = out[2] = out[3] = 0;
  const RoundedRect tile{8, 8, 248, 248, 48};
  Over(out, Mix(kTileTop, kTileBottom, std::clamp((y - 8) / 240, 0.0, 1.0)), Coverage(Distance(tile, x, y), unit));
  for (int row = 0; row < kGridCells; ++row) {
    for (int col = 0; col < kGridCells; ++col) {
      const RoundedRect cell = CellRect(col, row);
      const double d = Distance(cell, x, y);
      if (d > unit) continue;
      Rgba colour = kCellColour;
      if (InWindow(col, row)) {
        const bool centre = col == kWindowCol + 1 && row == kWindowRow + 1;
        colour = centre ? kKernelCentre : kKernelEdge;
      }
      Over(out, colour, Coverage(d, unit));
    }
  }
  const RoundedRect first = CellRect(kWindowCol, kWindowRow);
  const RoundedRect last = CellRect(kWindowCol + 2, kWindowRow + 2);
  const RoundedRect frame{first.x0 - kFrameOutset, first.y0 - kFrameOutset, last.x1 + kFrameOutset,
                          last.y1 + kFrameOutset, kFrameRadius};
  Over(out, kFrameColour, Coverage(std::abs(Distance(frame, x, y)) - kFrameWidth / 2, unit));
}

std::vector<unsigned char> Render(int size) {
  // Small sizes take several samples a pixel: their gaps are under a pixel.
  const int samples = std::clamp((128 + size - 1) / size, 1, 8);
  const double pixel = kCanvas / size;
  const double unit = pixel / samples;
  std::vector<unsigned char> rgba(static_cast<size_t>(size) * size * 4);
  for (int py = 0; py < size; ++py) {
    for (int px = 0; px < size; ++px) {
      double sum[4] = {0, 0, 0, 0};
      for (int sy = 0; sy < samples; ++sy) {
        for (int sx = 0; sx < samples; ++sx) {
          double sample[4];
          Shade((px + (sx + 0.5) / samples) * pixel, (py + (sy + 0.5) / samples) * pixel, unit, sample);
          for (int k = 0; k < 4; ++k) sum[k] += sample[k];
        }
      }
      unsigned char* p = &rgba[(static_cast<size_t>(py) * size + px) * 4];
      const double alpha = sum[3] / (samples * samples);
      for (int k = 0; k < 3; ++k) {
        const double straight = sum[3] > 0 ? sum[k] / sum[3] : 0.0;
        p[k] = static_cast<unsigned char>(std::lround(std::clamp(straight, 0.0, 1.0) * 255));
      }
      p[3] = static_cast<unsigned char>(std::lround(std::clamp(alpha, 0.0, 1.0) * 255));
    }
  }
  return rgba;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s OUT_DIR NAME SIZE...\n", argv[0]);
    return 2;
  }
  const std::filesystem::path out_dir = argv[1];
  const std::string name = argv[2];
  for (int i = 3; i < argc; ++i) {
    char* end = nullptr;
    const long size = std::strtol(argv[i], &end, 10);
    if (*end != '\0' || size < 8 || size > 4096) {
      std::fprintf(stderr, "convstep_make_icon: bad size '%s'\n", argv[i]);
      return 2;
    }
    const int n = static_cast<int>(size);
    const std::filesystem::path dir = out_dir / (std::to_string(n) + "x" + std::to_string(n));
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    const std::string path = (dir / (name + ".png")).string();
    const std::vector<unsigned char> pixels = Render(n);
    if (error || stbi_write_png(path.c_str(), n, n, 4, pixels.data(), n * 4) == 0) {
      std::fprintf(stderr, "convstep_make_icon: cannot write %s\n", path.c_str());
      return 1;
    }
  }
  return 0;
}
