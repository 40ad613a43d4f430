#include "app/image/gif_writer.h"

#include <gif_lib.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/formats/file_io.h"

namespace convstep {

namespace {

// giflib's output callback: the bytes go to the std::string in UserData.
int AppendToString(GifFileType* gif, const GifByteType* data, int length) {
  static_cast<std::string*>(gif->UserData)->append(reinterpret_cast<const char*>(data), static_cast<size_t>(length));
  return length;
}

std::string GifReason(int code) {
  const char* reason = GifErrorString(code);
  return reason != nullptr ? reason : "giflib error " + std::to_string(code);
}

// NETSCAPE2.0 application extension with a loop count of 0: browsers and
// slide programs play the animation forever instead of once.
bool PutLoopForever(GifFileType* gif) {
  static const char kApplication[] = "NETSCAPE2.0";
  static const GifByteType kLoop[] = {1, 0, 0};  // sub-block 1: loop count (little-endian), 0 = forever
  return EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK &&
         EGifPutExtensionBlock(gif, 11, kApplication) == GIF_OK &&
         EGifPutExtensionBlock(gif, sizeof kLoop, kLoop) == GIF_OK && EGifPutExtensionTrailer(gif) == GIF_OK;
}

// A palette of at most `size` colours for `pixels` (0xRRGGBB) and each
// pixel's index in it. Pixels of no more than `size` colours keep them all.
// Otherwise the most frequent half of the palette is kept exactly: the flat
// areas (backgrounds, cells, heatmap colours) that a plain median cut would
// merge with their larger neighbours (a purple cell turned grey). The other
// colours, mostly the blended edges of text, share the other half through
// giflib's median cut. False when out of memory.
bool Quantize(const std::vector<uint32_t>& pixels, int size, std::vector<GifByteType>* indices,
              std::array<GifColorType, 256>* palette) {
  indices->assign(pixels.size(), 0);
  std::unordered_map<uint32_t, uint32_t> counts;
  for (const uint32_t p : pixels) ++counts[p];
  std::vector<std::pair<uint32_t, uint32_t>> by_count(counts.begin(), counts.end());  // colour, count
  const bool all_exact = by_count.size() <= static_cast<size_t>(size);
  const size_t exact = all_exact ? by_count.size() : static_cast<size_t>(size / 2);
  std::partial_sort(by_count.begin(), by_count.begin() + static_cast<std::ptrdiff_t>(exact), by_count.end(),
                    [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  // From here on `counts` maps a colour to its palette index, or to kRest.
  constexpr uint32_t kRest = 0xFFFFFFFF;
  for (auto& [colour, index] : counts) index = kRest;
  for (size_t k = 0; k < exact; ++k) {
    const uint32_t c = by_count[k].first;
    (*palette)[k] = GifColorType{static_cast<GifByteType>(c >> 16), static_cast<GifByteType>(c >> 8),
                                 static_cast<GifByteType>(c)};
    counts[c] = static_cast<uint32_t>(k);
  }
  std::vector<GifByteType> red;
  std::vector<GifByteType> green;
  std::vector<GifByteType> blue;
  std::vector<size_t> rest;  // which pixels the median cut maps
  for (size_t i = 0; i < pixels.size(); ++i) {
    const uint32_t index = counts[pixels[i]];
    if (index != kRest) {
      (*indices)[i] = static_cast<GifByteType>(index);
      continue;
    }
    rest.push_back(i);
    red.push_back(static_cast<GifByteType>(pixels[i] >> 16));
    green.push_back(static_cast<GifByteType>(pixels[i] >> 8));
    blue.push_back(static_cast<GifByteType>(pixels[i]));
  }
  if (rest.empty()) return true;
  int rest_size = size - static_cast<int>(exact);
  std::vector<GifByteType> rest_indices(rest.size());
  std::array<GifColorType, 256> rest_palette{};
  // The pixels as one row: only the count matters to the median cut.
  if (GifQuantizeBuffer(static_cast<unsigned>(rest.size()), 1, &rest_size, red.data(), green.data(), blue.data(),
                        rest_indices.data(), rest_palette.data()) != GIF_OK) {
    return false;
  }
  // The median cut keeps 5 bits per primary (white would be 248, 248, 248):
  // each entry becomes the mean of the pixels mapped to it instead.
  std::array<std::array<uint64_t, 4>, 256> sums{};
  for (size_t k = 0; k < rest.size(); ++k) {
    std::array<uint64_t, 4>& sum = sums[rest_indices[k]];
    sum[0] += red[k];
    sum[1] += green[k];
    sum[2] += blue[k];
    ++sum[3];
    (*indices)[rest[k]] = static_cast<GifByteType>(exact + rest_indices[k]);
  }
  for (size_t k = 0; exact + k < static_cast<size_t>(size); ++k) {
    const uint64_t n = sums[k][3];
    if (n == 0) continue;
    (*palette)[exact + k] = GifColorType{static_cast<GifByteType>((sums[k][0] + n / 2) / n),
                                         static_cast<GifByteType>((sums[k][1] + n / 2) / n),
                                         static_cast<GifByteType>((sums[k][2] + n / 2) / n)};
  }
  return true;
}

// The entry of `entries` nearest to (r, g, b), by squared distance.
GifByteType Nearest(int r, int g, int b, const std::array<GifColorType, 256>& palette,
                    const std::vector<GifByteType>& entries) {
  GifByteType best = entries.front();
  int best_distance = INT_MAX;
  for (const GifByteType k : entries) {
    const int dr = r - palette[k].Red;
    const int dg = g - palette[k].Green;
    const int db = b - palette[k].Blue;
    const int distance = dr * dr + dg * dg + db * db;
    if (distance < best_distance) best = k, best_distance = distance;
  }
  return best;
}

// Floyd–Steinberg over the w×h rectangle at (left, top) of the frame (the
// part a GIF frame stores): each pixel stored, its colour plus the error
// passed on to it, becomes the nearest palette entry that the plain mapping
// used, and what that misses goes on to the stored pixels right and below.
// Transparent pixels (unchanged since the previous frame) take no error:
// they show the previous frame's pixels, dithered already.
void Dither(const uint8_t* rgba, int frame_width, int left, int top, int w, int h, const std::vector<uint8_t>& stored,
            const std::array<GifColorType, 256>& palette, std::vector<GifByteType>* indices) {
  std::vector<GifByteType> entries;
  std::array<bool, 256> used{};
  for (size_t i = 0; i < stored.size(); ++i) {
    if (stored[i] != 0) used[(*indices)[i]] = true;
  }
  for (int k = 0; k < 256; ++k) {
    if (used[static_cast<size_t>(k)]) entries.push_back(static_cast<GifByteType>(k));
  }
  if (entries.empty()) return;
  // A frame's flat areas and exact colours repeat: the nearest entry of a
  // colour is looked up once.
  std::unordered_map<uint32_t, GifByteType> nearest;
  // The error reaching this row and the next, 3 channels, one pixel of
  // margin either side so the edges need no test.
  const size_t row = 3 * (static_cast<size_t>(w) + 2);
  std::vector<float> error(row, 0.0f);
  std::vector<float> next(row, 0.0f);
  for (int y = 0; y < h; ++y) {
    std::fill(next.begin(), next.end(), 0.0f);
    for (int x = 0; x < w; ++x) {
      const size_t i = static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x);
      if (stored[i] == 0) continue;
      const uint8_t* pixel =
          rgba + 4 * (static_cast<size_t>(top + y) * static_cast<size_t>(frame_width) + static_cast<size_t>(left + x));
      float* e = &error[3 * (static_cast<size_t>(x) + 1)];
      int wanted[3];
      for (int c = 0; c < 3; ++c) wanted[c] = std::clamp(static_cast<int>(std::lround(pixel[c] + e[c])), 0, 255);
      const uint32_t key = static_cast<uint32_t>(wanted[0]) << 16 | static_cast<uint32_t>(wanted[1]) << 8 |
                           static_cast<uint32_t>(wanted[2]);
      auto found = nearest.find(key);
      if (found == nearest.end()) {
        found = nearest.emplace(key, Nearest(wanted[0], wanted[1], wanted[2], palette, entries)).first;
      }
      const GifByteType k = found->second;
      (*indices)[i] = k;
      const int got[3] = {palette[k].Red, palette[k].Green, palette[k].Blue};
      float* below = &next[3 * (static_cast<size_t>(x) + 1)];
      for (int c = 0; c < 3; ++c) {
        const float missed = static_cast<float>(pixel[c]) + e[c] - static_cast<float>(got[c]);
        e[3 + c] += missed * 7.0f / 16.0f;
        below[c - 3] += missed * 3.0f / 16.0f;
        below[c] += missed * 5.0f / 16.0f;
        below[c + 3] += missed * 1.0f / 16.0f;
      }
    }
    std::swap(error, next);
  }
}

}  // namespace

GifWriter::~GifWriter() { Close(); }

GifWriter::GifWriter(GifWriter&& other) noexcept { *this = std::move(other); }

GifWriter& GifWriter::operator=(GifWriter&& other) noexcept {
  if (this == &other) return *this;
  Close();
  gif_ = std::exchange(other.gif_, nullptr);
  path_ = std::move(other.path_);
  bytes_ = std::move(other.bytes_);
  previous_ = std::move(other.previous_);
  width_ = other.width_;
  height_ = other.height_;
  delay_ = other.delay_;
  dither_ = other.dither_;
  frames_ = other.frames_;
  // giflib keeps a pointer to the buffer, which has just moved.
  if (gif_ != nullptr) gif_->UserData = &bytes_;
  return *this;
}

void GifWriter::Close() {
  if (gif_ != nullptr) EGifCloseFile(std::exchange(gif_, nullptr), nullptr);
  bytes_.clear();
  bytes_.shrink_to_fit();
  previous_.clear();
  previous_.shrink_to_fit();
}

Result<bool> GifWriter::Open(const std::string& path, int width, int height, int delay_centiseconds,
                             GifDither dither) {
  Close();
  const std::string cannot = "cannot write '" + path + "': ";
  if (width < 1 || height < 1 || width > 65535 || height > 65535) {
    return Error{cannot + "a GIF is 1 to 65535 pixels wide and high"};
  }
  if (Result<bool> savable = CheckSavable(path); !savable) return savable;
  int code = 0;
  GifFileType* gif = EGifOpen(&bytes_, AppendToString, &code);
  if (gif == nullptr) return Error{cannot + GifReason(code)};
  gif_ = gif;
  path_ = path;
  width_ = width;
  height_ = height;
  // GIF stores the delay in 16 bits.
  delay_ = std::clamp(delay_centiseconds, 0, 65535);
  dither_ = dither;
  frames_ = 0;
  // The loop extension and the frames' delays are GIF89a features.
  EGifSetGifVersion(gif_, true);
  if (EGifPutScreenDesc(gif_, width, height, 8, 0, nullptr) != GIF_OK || !PutLoopForever(gif_)) {
    const std::string reason = GifReason(gif_->Error);
    Close();
    return Error{cannot + reason};
  }
  return true;
}

Result<bool> GifWriter::AddFrame(const uint8_t* rgba, int width, int height) {
  if (gif_ == nullptr) return Error{"cannot add a frame: no GIF is open"};
  if (width != width_ || height != height_) {
    // The window was resized during an export.
    return Error{"cannot write '" + path_ + "': a frame of " + std::to_string(width) + "\u00d7" +
                 std::to_string(height) + " pixels in a GIF of " + std::to_string(width_) + "\u00d7" +
                 std::to_string(height_) + "; keep the window's size while exporting"};
  }
  const size_t count = static_cast<size_t>(width_) * static_cast<size_t>(height_);
  const bool first = previous_.empty();
  const auto changed = [&](size_t i) {
    return first || rgba[4 * i] != previous_[4 * i] || rgba[4 * i + 1] != previous_[4 * i + 1] ||
           rgba[4 * i + 2] != previous_[4 * i + 2];
  };
  // Only the rectangle around what changed is stored, and unchanged pixels
  // in it are transparent, so the previous frame shows through: one step
  // of the window changes a few panels, and the GIF of Ejemplo 1 is 5 times
  // smaller, that of siete_filtros 10 times. An unchanged frame is one
  // transparent pixel.
  int left = width_;
  int top = height_;
  int right = 0;
  int bottom = 0;
  for (int y = 0; y < height_; ++y) {
    for (int x = 0; x < width_; ++x) {
      if (!changed(static_cast<size_t>(y) * static_cast<size_t>(width_) + static_cast<size_t>(x))) continue;
      left = std::min(left, x);
      right = std::max(right, x + 1);
      top = std::min(top, y);
      bottom = std::max(bottom, y + 1);
    }
  }
  if (right == 0) left = top = 0, right = bottom = 1;
  const int w = right - left;
  const int h = bottom - top;
  std::vector<uint32_t> colours;  // the changed pixels as 0xRRGGBB
  std::vector<size_t> sources;    // and where each is in the frame
  for (int y = top; y < bottom; ++y) {
    for (int x = left; x < right; ++x) {
      const size_t i = static_cast<size_t>(y) * static_cast<size_t>(width_) + static_cast<size_t>(x);
      if (!changed(i)) continue;
      sources.push_back(i);
      colours.push_back(static_cast<uint32_t>(rgba[4 * i]) << 16 | static_cast<uint32_t>(rgba[4 * i + 1]) << 8 |
                        rgba[4 * i + 2]);
    }
  }
  // After the first frame the last palette entry is the transparent one.
  std::array<GifColorType, 256> palette{};
  const int transparent = first ? NO_TRANSPARENT_COLOR : 255;
  std::vector<GifByteType> quantized;
  if (!Quantize(colours, first ? 256 : 255, &quantized, &palette)) {
    return Error{"cannot write '" + path_ + "': out of memory while choosing the frame's colours"};
  }
  // Transparent where nothing changed (the first frame sets every pixel).
  std::vector<GifByteType> indices(static_cast<size_t>(w) * static_cast<size_t>(h), 255);
  std::vector<uint8_t> stored(indices.size(), 0);
  for (size_t k = 0; k < sources.size(); ++k) {
    const int y = static_cast<int>(sources[k] / static_cast<size_t>(width_)) - top;
    const int x = static_cast<int>(sources[k] % static_cast<size_t>(width_)) - left;
    const size_t i = static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x);
    indices[i] = quantized[k];
    stored[i] = 1;
  }
  if (dither_ == GifDither::kFloydSteinberg) Dither(rgba, width_, left, top, w, h, stored, palette, &indices);

  GraphicsControlBlock control{};
  control.DisposalMode = DISPOSE_DO_NOT;  // the next frame draws over this one
  control.UserInputFlag = false;
  control.DelayTime = delay_;
  control.TransparentColor = transparent;
  GifByteType extension[4];
  const size_t extension_size = EGifGCBToExtension(&control, extension);
  ColorMapObject* map = GifMakeMapObject(static_cast<int>(palette.size()), palette.data());
  if (map == nullptr) return Error{"cannot write '" + path_ + "': out of memory for the frame's colours"};
  const bool ok = EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(extension_size), extension) == GIF_OK &&
                  EGifPutImageDesc(gif_, left, top, w, h, false, map) == GIF_OK &&
                  EGifPutLine(gif_, indices.data(), static_cast<int>(indices.size())) == GIF_OK;
  GifFreeMapObject(map);
  if (!ok) return Error{"cannot write '" + path_ + "': " + GifReason(gif_->Error)};
  previous_.assign(rgba, rgba + 4 * count);
  ++frames_;
  return true;
}

Result<bool> GifWriter::Finish() {
  if (gif_ == nullptr) return Error{"cannot finish: no GIF is open"};
  int code = 0;
  if (EGifCloseFile(std::exchange(gif_, nullptr), &code) != GIF_OK) {
    Close();
    return Error{"cannot write '" + path_ + "': " + GifReason(code)};
  }
  Result<bool> written = WriteFileAtomically(path_, bytes_);
  Close();
  return written;
}

}  // namespace convstep
