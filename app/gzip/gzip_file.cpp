#include "app/gzip/gzip_file.h"

// next_in as a pointer to const: zlib never writes to its input.
#define ZLIB_CONST
#include <zlib.h>

#include <algorithm>
#include <climits>

#include "core/formats/file_io.h"

namespace convstep {

namespace {

// zlib counts bytes in unsigned ints: input and output are handed over in
// pieces of at most this many.
constexpr std::size_t kPiece = std::size_t{1} << 30;
static_assert(kPiece <= UINT_MAX);

bool IsGzip(std::string_view bytes) { return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b'; }

// A z_stream that is always ended, whichever way the function returns.
class Inflater {
 public:
  Inflater() { ready_ = inflateInit2(&stream_, 16 + MAX_WBITS) == Z_OK; }  // 16: the gzip wrapper only
  ~Inflater() {
    if (ready_) inflateEnd(&stream_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool ready() const { return ready_; }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  bool ready_ = false;
};

Error TooLarge(std::size_t max_bytes) {
  const std::string limit = ByteSizeText(max_bytes);
  return Error{"gzip.too_large", {limit}, "the data decompresses to more than " + limit};
}

}  // namespace

Result<std::string> Gunzipped(std::string_view bytes, std::size_t max_bytes) {
  if (!IsGzip(bytes)) return std::string(bytes);
  Inflater inflater;
  if (!inflater.ready()) return Error{"zlib cannot start decompressing (out of memory)"};
  z_stream& z = inflater.stream();
  std::string out;
  std::size_t in_at = 0;
  const auto input_left = [&] { return z.avail_in > 0 || in_at < bytes.size(); };
  while (true) {
    if (z.avail_in == 0 && in_at < bytes.size()) {
      z.next_in = reinterpret_cast<const Bytef*>(bytes.data() + in_at);
      z.avail_in = static_cast<uInt>(std::min(bytes.size() - in_at, kPiece));
      in_at += z.avail_in;
    }
    if (z.avail_out == 0) {
      // Room for one byte past the limit, so that going over it shows.
      const std::size_t produced = out.size();
      if (produced > max_bytes) return TooLarge(max_bytes);
      out.resize(std::min({max_bytes + 1, std::max<std::size_t>(2 * produced, 65536), produced + kPiece}));
      z.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
      z.avail_out = static_cast<uInt>(out.size() - produced);
    }
    const int status = inflate(&z, Z_NO_FLUSH);
    if (status == Z_STREAM_END) {
      if (!input_left()) break;
      inflateReset(&z);  // the next member
    } else if (status == Z_BUF_ERROR && !input_left()) {
      return Error{"gzip.truncated", {},
                   "the gzip data ends too soon: the file is incomplete (was it cut short while being copied?)"};
    } else if (status != Z_OK && status != Z_BUF_ERROR) {
      const std::string why = z.msg != nullptr ? z.msg : zError(status);
      return Error{"gzip.damaged", {why}, "the gzip data is damaged (" + why + "): it does not decompress"};
    }
  }
  const std::size_t produced = out.size() - z.avail_out;
  if (produced > max_bytes) return TooLarge(max_bytes);
  out.resize(produced);
  return out;
}

Result<std::string> ReadGzipFileAtMost(const std::string& path, std::size_t max_bytes) {
  Result<std::string> raw = ReadFileAtMost(path, max_bytes);
  if (!raw) return raw.failure();
  Result<std::string> bytes = Gunzipped(*raw, max_bytes);
  if (!bytes) return Prefixed("'" + path + "': ", bytes.failure());
  return bytes;
}

}  // namespace convstep
