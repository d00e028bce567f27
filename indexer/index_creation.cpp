// Atomic creation of an index directory.
#include "indexer/index_creation.h"

#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "pressclip/error.h"

namespace pressclip::indexer {
namespace {

namespace fs = std::filesystem;

// The files a glass database holds while Xapian creates it, before its revision file.
bool is_creation_leftover(const fs::path& entry) {
  const std::string name = entry.filename().string();
  return name == "flintlock" || name.ends_with(".glass") || name.ends_with(".tmp") ||
         name.ends_with(".baseA") || name.ends_with(".baseB");
}

// True if `target` is missing, empty, or what a killed creation left; false if it holds a
// database (an `iamglass`), for Xapian to open. Throws Error if it is something else: a file,
// a directory that cannot be read, or one of other files, which Xapian would otherwise
// fill with an index among them.
bool needs_creation(const fs::path& target) {
  std::error_code error;
  const fs::file_status status = fs::status(target, error);
  if (status.type() == fs::file_type::not_found) return true;
  const std::string quoted = "'" + target.string() + "'";
  if (error) throw Error(ErrorKind::kIo, "cannot access " + quoted + " (" + error.message() + ")");
  if (!fs::is_directory(status)) {
    throw Error(ErrorKind::kBadArgument,
                quoted + " is a file, not an index directory; give --db a directory");
  }
  if (fs::exists(target / "iamglass", error)) return false;
  bool only_leftovers = true;
  for (auto it = fs::directory_iterator(target, error); !error && it != fs::directory_iterator();
       it.increment(error)) {
    only_leftovers = only_leftovers && is_creation_leftover(it->path());
  }
  if (error) {
    throw Error(ErrorKind::kIo,
                "cannot read the index directory " + quoted + " (" + error.message() + ")");
  }
  if (!only_leftovers) {
    throw Error(ErrorKind::kIndexCorrupt,
                quoted +
                    " holds other files and no index; give --db the index directory, or a new "
                    "or empty one to create an index in");
  }
  return true;
}

}  // namespace

void ensure_index_directory(const fs::path& target) {
  if (!needs_creation(target)) return;
  fs::create_directories(target.parent_path());
  const fs::path staging = target.parent_path() / ("." + target.filename().string() +
                                                   ".pressclip-new-" + std::to_string(::getpid()));
  fs::remove_all(staging);
  {
    Xapian::WritableDatabase created(staging.string(), Xapian::DB_CREATE);
    created.commit();
  }
  if (fs::exists(target)) {
    for (const fs::directory_entry& entry : fs::directory_iterator(target)) fs::remove(entry);
  }
  // rename(2) replaces an empty directory in one step; if another indexer got there first,
  // its database stays and ours goes.
  std::error_code error;
  fs::rename(staging, target, error);
  fs::remove_all(staging);
}

void remove_stale_staging(const fs::path& target) {
  const std::string prefix = "." + target.filename().string() + ".pressclip-";
  std::error_code error;
  for (const std::string suffix : {"build", "rebuild"}) {
    fs::remove_all(target.parent_path() / (prefix + suffix), error);
  }
  for (auto it = fs::directory_iterator(target.parent_path(), error);
       !error && it != fs::directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix + "new-")) continue;
    const long pid = std::strtol(name.c_str() + prefix.size() + 4, nullptr, 10);
    std::error_code ignored;
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      fs::remove_all(it->path(), ignored);
    }
  }
}

}  // namespace pressclip::indexer
