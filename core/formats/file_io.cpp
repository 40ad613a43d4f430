#include "core/formats/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace convstep {

namespace {

// The folder a path is in, "." for a bare file name.
std::string FolderOf(const std::string& path) {
  const std::string folder = std::filesystem::path(path).parent_path().string();
  return folder.empty() ? "." : folder;
}

// Why a file could not be created or replaced, in the words of a student.
std::string SaveError(const std::string& path, int err) {
  const std::string cannot = "cannot save '" + path + "': ";
  const std::string folder = "'" + FolderOf(path) + "'";
  switch (err) {
    case ENOENT: {
      // Also what a folder answers that holds no files of its own (/proc).
      std::error_code ec;
      const bool exists = std::filesystem::is_directory(FolderOf(path), ec);
      return cannot + (exists ? "no file can be created in the folder " + folder
                              : "the folder " + folder + " does not exist");
    }
    case ENOTDIR:
      return cannot + "part of " + folder + " is not a folder";
    case EACCES:
    case EPERM:
    case EROFS:
      return cannot + "the folder " + folder + " is not writable (" + std::strerror(err) + ")";
    case EISDIR:
      return cannot + "it is a folder";
    default:
      return cannot + std::strerror(err);
  }
}

// write() until everything is out; false with errno set otherwise.
bool WriteAll(int fd, const std::string& text) {
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::string ByteSizeText(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024;
  const auto in_units = [bytes](std::size_t unit, const char* name) {
    if (bytes % unit == 0) return std::to_string(bytes / unit) + name;
    // Tenths, rounded down: a file at the limit is never said to be above it.
    const std::size_t tenths = bytes * 10 / unit;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + name;
  };
  if (bytes >= kKiB * kKiB) return in_units(kKiB * kKiB, " MiB");
  if (bytes >= kKiB) return in_units(kKiB, " KiB");
  return std::to_string(bytes) + " bytes";
}

Result<std::string> ReadFileAtMost(const std::string& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer. It changes
  // nothing for a regular file.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return Error{"file.missing", {path}, "cannot open '" + path + "': no such file"};
    return Error{"cannot open '" + path + "': " + std::strerror(err)};
  }
  // Only regular files: reading a FIFO could block the window, and a device
  // such as /dev/zero would never end.
  struct stat info {};
  Error problem{""};
  if (::fstat(fd, &info) != 0) problem = Error{"cannot open '" + path + "': " + std::strerror(errno)};
  else if (S_ISDIR(info.st_mode)) problem = Error{"file.folder", {path}, "'" + path + "' is a folder, not a file"};
  else if (!S_ISREG(info.st_mode)) problem = Error{"'" + path + "' is not a regular file"};
  std::string text;
  char buffer[65536];
  while (problem.message.empty()) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      problem = Error{"cannot read '" + path + "': " + std::strerror(errno)};
    } else if (text.size() + static_cast<std::size_t>(n) > max_bytes) {
      // Counted while reading rather than trusted from the size on disk,
      // which may change under us.
      const std::string limit = ByteSizeText(max_bytes);
      problem = Error{"file.too_large", {path, limit}, "'" + path + "' is larger than " + limit};
    } else {
      text.append(buffer, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  if (!problem.message.empty()) return problem;
  return text;
}

Result<bool> CheckSavable(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Error{SaveError(path, EISDIR)};
  if (::access(FolderOf(path).c_str(), W_OK) != 0) return Error{SaveError(path, errno)};
  return true;
}

Result<bool> WriteFileAtomically(const std::string& path, const std::string& text) {
  // The temporary file must be in the target's folder: rename() is atomic
  // only within one file system. Hidden, and unique per process and call, so
  // that two windows saving at once never share one.
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path target(path);
  const std::string folder = FolderOf(path);
  std::string temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = (target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                                    "-" + std::to_string(counter++)))
               .string();
    // 0666 so that the umask decides the permissions, as for any new file.
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) return Error{SaveError(path, errno)};

  // fsync before rename: otherwise the rename may reach the disk before the
  // data, and a crash would leave an empty file under the real name.
  int err = 0;
  if (!WriteAll(fd, text) || ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(temp.c_str(), path.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(temp.c_str());
    return Error{SaveError(path, err)};
  }
  // Makes the rename itself durable. Some file systems refuse fsync on a
  // folder; the file is already complete under its name, so that is no error.
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return true;
}

std::string LowercaseExtension(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

}  // namespace convstep
