// gzip-compressed files through zlib, as the data sets ship (Debian's
// dataset-fashion-mnist). Kept out of core/ so that the core needs no zlib;
// the core's LoadFashionMnist takes ReadGzipFileAtMost as its ByteReader.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace convstep {

// `bytes` decompressed when they start with gzip's magic bytes (1F 8B), as
// they are otherwise. Several gzip members one after the other decompress
// one after the other, as gunzip does. Errors: the data is damaged, ends too
// soon, or decompresses to more than `max_bytes` (found while decompressing,
// never more than max_bytes + 1 held).
Result<std::string> Gunzipped(std::string_view bytes, std::size_t max_bytes);

// The file at `path` (at most `max_bytes` on disk, ReadFileAtMost's errors)
// through Gunzipped, its errors starting with the path: a plain file is read
// as it is, so an uncompressed copy works as well.
Result<std::string> ReadGzipFileAtMost(const std::string& path, std::size_t max_bytes);

}  // namespace convstep
