// Watching directory trees with Linux inotify for article files finished, moved in or deleted.
#include "cli/directory_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "pressclip/error.h"

namespace pressclip::cli {
namespace {

namespace fs = std::filesystem;

// IN_EXCL_UNLINK: no events for files already unlinked (a temporary file deleted while open).
constexpr std::uint32_t kWatchMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                     IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR |
                                     IN_DONT_FOLLOW | IN_EXCL_UNLINK;

// The longest wait between two looks at the stop flag.
constexpr std::chrono::milliseconds kStopPoll{100};

std::string join(const std::string& directory, const std::string& name) {
  return directory == "/" ? "/" + name : directory + "/" + name;
}

bool is_within(const std::string& path, const std::string& directory) {
  if (!path.starts_with(directory)) return false;
  return path.size() == directory.size() || directory == "/" || path[directory.size()] == '/';
}

bool is_hidden(const std::string& name) { return name.starts_with('.'); }

// " (the limit fs.inotify.<name> is 8192; raise it with sysctl)", or the same without the
// value when it cannot be read.
std::string limit_hint(const std::string& name) {
  std::ifstream in("/proc/sys/fs/inotify/" + name);
  std::string value;
  in >> value;
  return " (the limit fs.inotify." + name + (value.empty() ? "" : " is " + value) +
         "; raise it with sysctl)";
}

// True if a file just created is already complete: no close will follow a symlink or a
// hard link to an existing file.
bool complete_at_creation(const std::string& path) {
  struct stat status {};
  if (::lstat(path.c_str(), &status) != 0) return false;
  return S_ISLNK(status.st_mode) || (S_ISREG(status.st_mode) && status.st_nlink > 1);
}

}  // namespace

DirectoryWatcher::DirectoryWatcher(const std::vector<std::string>& roots,
                                   std::function<bool(const std::string&)> wanted)
    : wanted_(std::move(wanted)) {
  for (const std::string& root : roots) {
    std::error_code error;
    const fs::path absolute = fs::absolute(root, error).lexically_normal();
    const fs::file_status status = fs::status(absolute, error);
    if (error || !fs::exists(status))
      throw Error(ErrorKind::kNotFound, "no such file or directory: " + root);
    if (fs::is_directory(status)) {
      roots_.push_back({fs::canonical(absolute, error).string(), ""});
    } else {
      // Watched through its parent, for events on this name: the file itself may be replaced.
      roots_.push_back(
          {fs::canonical(absolute.parent_path(), error).string(), absolute.filename().string()});
    }
    if (error) throw Error(ErrorKind::kIo, "cannot resolve " + root + ": " + error.message());
  }
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    const int code = errno;
    std::string message = "cannot watch for file changes: " + std::string(std::strerror(code));
    if (code == EMFILE) message += limit_hint("max_user_instances");
    throw Error(ErrorKind::kIo, message);
  }
  try {
    watch_roots(false);
    throw_deferred();
  } catch (...) {
    ::close(fd_);
    throw;
  }
}

DirectoryWatcher::~DirectoryWatcher() { ::close(fd_); }

std::optional<WatchBatch> DirectoryWatcher::next_batch(std::chrono::milliseconds settle,
                                                       std::chrono::milliseconds longest,
                                                       const std::atomic<bool>& stop) {
  using Clock = std::chrono::steady_clock;
  std::optional<Clock::time_point> first;
  Clock::time_point last;
  if (!pending_.empty() || overflowed_) first = last = Clock::now();
  while (!stop.load()) {
    std::chrono::milliseconds wait = kStopPoll;
    if (first) {
      const Clock::time_point due = std::min(last + settle, *first + longest);
      const Clock::time_point now = Clock::now();
      if (now >= due) return take_batch();
      wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(due - now));
    }
    pollfd ready{fd_, POLLIN, 0};
    const int count = ::poll(&ready, 1, static_cast<int>(wait.count()));
    if (count < 0 && errno != EINTR) {
      throw Error(ErrorKind::kIo,
                  "cannot wait for file changes: " + std::string(std::strerror(errno)));
    }
    if (count <= 0) continue;
    const std::size_t recorded = recorded_;
    read_events();
    if (recorded_ != recorded) {
      last = Clock::now();
      if (!first) first = last;
    }
  }
  return std::nullopt;
}

int DirectoryWatcher::add_watch(const std::string& directory, bool required) {
  const int wd = ::inotify_add_watch(fd_, directory.c_str(), kWatchMask);
  if (wd >= 0) return wd;
  const int code = errno;
  // A directory that vanished, turned out not to be one, or cannot be read is skipped, as the
  // indexer's walk skips it.
  if (!required && (code == ENOENT || code == ENOTDIR || code == EACCES || code == ELOOP))
    return -1;
  std::string message = "cannot watch " + directory + ": " + std::strerror(code);
  if (code == ENOSPC) message += limit_hint("max_user_watches");
  if (required) throw Error(ErrorKind::kIo, message);
  // Thrown once the events at hand are handled, so that none is lost.
  if (!deferred_) deferred_.emplace(ErrorKind::kIo, message);
  return -1;
}

void DirectoryWatcher::throw_deferred() {
  if (!deferred_) return;
  const Error error = std::move(*deferred_);
  deferred_.reset();
  throw error;
}

bool DirectoryWatcher::track(int wd, const std::string& directory, bool whole,
                             const std::string& file_name) {
  auto [it, added] = watches_.try_emplace(wd);
  Watch& watch = it->second;
  // The same directory under a second path (a bind mount): keep the first, do not loop.
  if (!added && watch.path != directory) return false;
  watch.path = directory;
  by_path_[directory] = wd;
  if (!file_name.empty()) watch.names.insert(file_name);
  const bool descend = whole && !watch.whole;
  watch.whole = watch.whole || whole;
  return descend;
}

void DirectoryWatcher::watch_tree(const std::string& directory, bool required, bool report) {
  std::vector<std::string> stack{directory};
  while (!stack.empty()) {
    const std::string current = std::move(stack.back());
    stack.pop_back();
    // Watch before listing: a file added after the watch exists is seen by one or the other.
    const int wd = add_watch(current, required && current == directory);
    if (wd < 0 || !track(wd, current, true, "")) continue;
    std::error_code error;
    for (fs::directory_iterator it(current, error), end; !error && it != end; it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (is_hidden(name)) continue;
      const std::string path = join(current, name);
      std::error_code ignored;
      if (it->is_directory(ignored) && !it->is_symlink(ignored)) {
        stack.push_back(path);
      } else if (report && it->is_regular_file(ignored) && wanted_(path)) {
        record(path, true);
      }
    }
  }
}

void DirectoryWatcher::watch_roots(bool report) {
  // At construction every root must be watched; a rescan reports the roots gone since.
  const bool required = !report;
  for (const Root& root : roots_) {
    std::error_code ignored;
    if (root.file_name.empty()) {
      watch_tree(root.directory, required, report);
      if (report && !fs::is_directory(root.directory, ignored))
        record_removed_directory(root.directory);
      continue;
    }
    const int wd = add_watch(root.directory, required);
    if (wd >= 0) track(wd, root.directory, false, root.file_name);
    const std::string path = join(root.directory, root.file_name);
    if (report) record(path, fs::is_regular_file(path, ignored));
  }
}

void DirectoryWatcher::drop_tree(const std::string& directory) {
  for (auto it = by_path_.lower_bound(directory);
       it != by_path_.end() && it->first.starts_with(directory);) {
    if (!is_within(it->first, directory)) {
      ++it;
      continue;
    }
    // Fails harmlessly when the kernel has removed the watch already (directory deleted).
    ::inotify_rm_watch(fd_, it->second);
    watches_.erase(it->second);
    it = by_path_.erase(it);
  }
}

void DirectoryWatcher::rescan() {
  // Watches are rebuilt from scratch, since creations and deletions of directories may be
  // among the lost events. Re-adding a watch returns its old descriptor.
  std::map<int, Watch> old = std::move(watches_);
  watches_.clear();
  by_path_.clear();
  watch_roots(true);
  for (const auto& [wd, watch] : old) {
    if (!watches_.contains(wd)) ::inotify_rm_watch(fd_, wd);
  }
  ++recorded_;  // an overflow is news even if no wanted file is left
}

void DirectoryWatcher::read_events() {
  alignas(inotify_event) char buffer[64 * 1024];
  bool overflow = false;
  for (;;) {
    const ssize_t size = ::read(fd_, buffer, sizeof buffer);
    if (size < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      throw Error(ErrorKind::kIo,
                  "cannot read file change events: " + std::string(std::strerror(errno)));
    }
    if (size == 0) break;
    for (ssize_t at = 0; at < size;) {
      inotify_event event;
      std::memcpy(&event, buffer + at, sizeof event);
      const char* name = buffer + at + sizeof event;
      at += static_cast<ssize_t>(sizeof event + event.len);
      if (event.mask & IN_Q_OVERFLOW) {
        overflow = true;
        continue;
      }
      // The name is padded with NULs to the length given.
      handle_event(event.wd, event.mask,
                   event.len == 0 ? std::string() : std::string(name, ::strnlen(name, event.len)));
    }
  }
  if (overflow) {
    overflowed_ = true;
    rescan();
  }
  throw_deferred();
}

void DirectoryWatcher::handle_event(int wd, std::uint32_t mask, const std::string& name) {
  const auto found = watches_.find(wd);
  if (found == watches_.end()) return;  // a watch dropped already
  const Watch& watch = found->second;
  if (mask & IN_IGNORED) {
    // The kernel removed the watch; a new one may hold the path by now.
    const auto path = by_path_.find(watch.path);
    if (path != by_path_.end() && path->second == wd) by_path_.erase(path);
    watches_.erase(found);
    return;
  }
  if (mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) {
    const std::string directory = watch.path;
    const auto current = by_path_.find(directory);
    if (current == by_path_.end() || current->second != wd) {
      // Another directory took the path (renamed over this one), and was reported already.
      ::inotify_rm_watch(fd_, wd);
      watches_.erase(found);
      return;
    }
    if (watch.whole) record_removed_directory(directory);
    for (const std::string& file_name : watch.names) record(join(directory, file_name), false);
    drop_tree(directory);
    return;
  }
  if (name.empty()) return;
  const bool named = watch.names.contains(name);
  if (!named && (!watch.whole || is_hidden(name))) return;
  const std::string path = join(watch.path, name);
  if (mask & IN_ISDIR) {
    if (!watch.whole) return;
    if (mask & (IN_CREATE | IN_MOVED_TO)) {
      drop_tree(path);  // watches of a directory this one replaced
      watch_tree(path, false, true);
    } else if (mask & (IN_DELETE | IN_MOVED_FROM)) {
      record_removed_directory(path);
      drop_tree(path);
    }
    return;
  }
  if (!named && !wanted_(path)) return;
  if (mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) {
    record(path, true);
  } else if (mask & (IN_DELETE | IN_MOVED_FROM)) {
    record(path, false);
  } else if ((mask & IN_CREATE) && complete_at_creation(path)) {
    record(path, true);
  }
}

void DirectoryWatcher::record(const std::string& path, bool changed) {
  pending_[path] = changed;
  ++recorded_;
}

void DirectoryWatcher::record_removed_directory(const std::string& directory) {
  for (auto it = pending_.lower_bound(directory);
       it != pending_.end() && it->first.starts_with(directory);) {
    it = is_within(it->first, directory) ? pending_.erase(it) : std::next(it);
  }
  record(directory, false);
}

WatchBatch DirectoryWatcher::take_batch() {
  WatchBatch batch;
  for (auto& [path, changed] : pending_) (changed ? batch.changed : batch.removed).push_back(path);
  batch.rescanned = overflowed_;
  pending_.clear();
  overflowed_ = false;
  return batch;
}

}  // namespace pressclip::cli
