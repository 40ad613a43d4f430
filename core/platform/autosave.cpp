#include "core/platform/autosave.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <system_error>

#include "core/formats/session_io.h"

namespace convstep {

namespace {

namespace fs = std::filesystem;

// An environment variable, or "" when unset.
std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// The current UTC time as 20250131T142501Z: sorts by time, and has no
// characters a file system refuses.
std::string UtcStamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
  return stamp;
}

// Renames the broken autosave to autosave.corrupt-<time>.json beside it (a
// counter added if two break within one second); the new path, or why not.
Result<std::string> SetAside(const fs::path& autosave) {
  const std::string base = "autosave.corrupt-" + UtcStamp();
  for (int n = 1; n < 100; ++n) {
    const fs::path aside = autosave.parent_path() / (base + (n == 1 ? "" : "-" + std::to_string(n)) + ".json");
    std::error_code ec;
    if (fs::exists(aside, ec)) continue;
    fs::rename(autosave, aside, ec);
    if (ec) return Error{ec.message()};
    return aside.string();
  }
  return Error{"too many set-aside autosaves from this second"};
}

}  // namespace

Result<std::string> StateFolder() {
  fs::path folder;
  const std::string xdg = Env("XDG_STATE_HOME");
  if (!xdg.empty() && fs::path(xdg).is_absolute()) {
    folder = fs::path(xdg) / "convstep";
  } else {
    const std::string home = Env("HOME");
    if (home.empty()) return Error{"neither XDG_STATE_HOME nor HOME is set: there is no folder for the autosave"};
    folder = fs::path(home) / ".local" / "state" / "convstep";
  }
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return Error{"cannot create the folder " + folder.string() + " for the autosave: " + ec.message()};
  return folder.string();
}

Result<std::string> AutosavePath() {
  Result<std::string> folder = StateFolder();
  if (!folder) return Error{folder.error()};
  return (fs::path(*folder) / "autosave.json").string();
}

Result<std::optional<Session>> LoadAutosave() {
  Result<std::string> path = AutosavePath();
  if (!path) return Error{path.error()};
  std::error_code ec;
  if (!fs::exists(*path, ec) && !ec) return std::optional<Session>();
  // A file that cannot be read is left where it is: the next save either
  // replaces it or reports the same problem.
  Result<std::string> text = ReadFileAtMost(*path, kMaxSessionFileBytes);
  if (!text) return Error{"the autosave could not be read: " + text.error()};
  Result<Session> session = SessionFromText(*text);
  if (session) return std::optional<Session>(std::move(session).value());
  Result<std::string> aside = SetAside(*path);
  if (!aside) {
    return Error{"the autosave " + *path + " is damaged (" + session.error() + ") and could not be set aside: " +
                 aside.error()};
  }
  return Error{"the autosave could not be opened and was moved to " + *aside + ": " + session.error()};
}

Result<bool> SaveAutosave(const Session& session) {
  Result<std::string> path = AutosavePath();
  if (!path) return Error{path.error()};
  return SaveSessionFile(*path, session);
}

void AutosaveClock::Changed(double now) {
  if (!pending_) first_change_ = now;
  pending_ = true;
  last_change_ = now;
}

bool AutosaveClock::Due(double now) const {
  return pending_ && (now - last_change_ >= kQuietSeconds || now - first_change_ >= kMaxWaitSeconds);
}

void AutosaveClock::Saved() { pending_ = false; }

}  // namespace convstep
