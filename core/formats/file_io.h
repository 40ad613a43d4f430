// Reading and writing users' files safely: a read that is bounded and never
// blocks (only regular files), and a write that a crash cannot leave half
// done. Errors name the file, as a compiler does.
#pragma once

#include <cstddef>
#include <string>

#include "core/base/result.h"

namespace convstep {

// A limit as a person reads it: "8 MiB", "128.1 MiB", "64 KiB", "1000 bytes".
std::string ByteSizeText(std::size_t bytes);

// A path's extension in lower case, with its dot: "A.WAV" -> ".wav"; the
// readers are chosen by it.
std::string LowercaseExtension(const std::string& path);

// The whole file, or why it cannot be read: missing, a folder, not a regular
// file (a FIFO, a device), unreadable, or more than `max_bytes`.
Result<std::string> ReadFileAtMost(const std::string& path, std::size_t max_bytes);
// Writes `text` to a new file in the target's folder, flushes it to the disk
// and renames it over `path`: a crash at any moment leaves either the old
// file or the new one, never half of one. On an error the old file is
// untouched and no temporary file is left behind.
Result<bool> WriteFileAtomically(const std::string& path, const std::string& text);
// Whether WriteFileAtomically could write `path` now (its folder exists and
// is writable, and it is no folder), with the message it would give: for a
// long export that writes at the end, asked at the start.
Result<bool> CheckSavable(const std::string& path);

}  // namespace convstep
