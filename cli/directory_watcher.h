// Watching directory trees with Linux inotify for article files finished, moved in or deleted.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pressclip/error.h"

namespace pressclip::cli {

/// What changed under the watched roots since the last batch. Paths are absolute and lexically
/// normal, under the roots resolved by std::filesystem::canonical (so a root given through a
/// symlink is reported under its target, as the indexer names articles). Apply `removed`
/// before `changed`: a directory deleted and then created again within one batch leaves its
/// path in `removed` and its new files in `changed`. A path may be gone again by the time the
/// batch is applied (its later event comes in the next batch).
struct WatchBatch {
  /// Files closed after writing, moved in, or found in a new directory (sorted, unique).
  std::vector<std::string> changed;
  /// Files or directories deleted or moved out (same form). A path never appears in both: the
  /// last event wins. A directory's path stands for everything under it; entries under it that
  /// came earlier in the batch are dropped.
  std::vector<std::string> removed;
  /// True when the kernel's event queue overflowed (fs.inotify.max_queued_events) during this
  /// batch: events were lost, so `changed` holds every wanted file under the roots (a rescan),
  /// but files deleted while events were being lost are NOT in `removed`; the caller should
  /// drop the articles whose files no longer exist.
  bool rescanned = false;
};

/// Watches directory trees and single files with inotify (Linux only) and hands out the
/// changes in batches. Events count as follows:
/// - a file closed after writing (IN_CLOSE_WRITE) or moved in (IN_MOVED_TO, also the rename
///   of an editor's temporary file over it) is changed; a file merely created is not reported
///   until it is closed, except a symlink or a hard link (link count > 1), which no close
///   follows;
/// - a file deleted or moved out is removed;
/// - a directory created or moved in is watched recursively at once, and every wanted file
///   already inside it is changed (it may have been written before the watch existed; one
///   still being written is reported again when it is closed);
/// - a directory deleted or moved out (seen from its parent, or as IN_DELETE_SELF /
///   IN_MOVE_SELF / IN_UNMOUNT of its own watch) is removed and its watches are dropped. A root
///   deleted or moved away is reported the same way and is not watched any more if it comes
///   back (unless an overflow rescan finds it);
/// - an overflow of the kernel's queue (IN_Q_OVERFLOW) rebuilds every watch from the roots and
///   reports every wanted file under them as changed (see WatchBatch::rescanned).
/// Directory symlinks are not followed; a directory reachable twice (a bind mount) is watched
/// once, under the path met first. Directories that cannot be read or vanish while being
/// walked are skipped. Every directory costs one watch of the user's
/// fs.inotify.max_user_watches.
///
/// Not thread-safe: one thread constructs it and calls next_batch(); only the `stop` flag may
/// be set from elsewhere (another thread or a signal handler).
class DirectoryWatcher {
 public:
  /// Starts watching `roots`: existing directories, watched recursively, or single files,
  /// watched through their parent directory for that name only. Inside directories,
  /// `wanted(path)` (given the absolute path) decides which files count, and hidden entries
  /// (name starting with '.') are ignored, hidden directories not descended into. A file named
  /// as a root always counts, whatever its name, as `pressclip index FILE` indexes it.
  /// Reports nothing about the files already there. Throws pressclip::Error kNotFound if a
  /// root does not exist, and kIo if inotify cannot be set up; when a kernel limit is the
  /// cause, the message names it (fs.inotify.max_user_instances, fs.inotify.max_user_watches)
  /// and its current value. `wanted` is called only from the constructor and next_batch().
  DirectoryWatcher(const std::vector<std::string>& roots,
                   std::function<bool(const std::string&)> wanted);

  /// Stops watching and closes the inotify descriptor.
  ~DirectoryWatcher();

  DirectoryWatcher(const DirectoryWatcher&) = delete;
  DirectoryWatcher& operator=(const DirectoryWatcher&) = delete;

  /// Blocks until something changed, then keeps collecting until no event came for `settle`
  /// (e.g. 200 ms) or `longest` (e.g. 500 ms) passed since the first event, and returns the
  /// batch (never empty unless `rescanned`). Events that report nothing (hidden or unwanted files,
  /// a file being created) neither start nor prolong a batch. Returns std::nullopt as soon as
  /// `stop` is true, checked at least every 100 ms and after every interrupted wait (EINTR), so a
  /// signal handler may set it; changes collected so far are then kept for the next call. Throws
  /// pressclip::Error kIo if the inotify descriptor fails, or, once the events at hand are
  /// handled, if a new directory cannot be watched (fs.inotify.max_user_watches reached, named
  /// in the message): the watcher stays usable and the next call returns the changes collected,
  /// but that directory is not watched. Not thread-safe.
  std::optional<WatchBatch> next_batch(std::chrono::milliseconds settle,
                                       std::chrono::milliseconds longest,
                                       const std::atomic<bool>& stop);

 private:
  /// A directory or single file to watch, resolved at construction.
  struct Root {
    std::string directory;  ///< The directory, or the parent directory of a single file.
    std::string file_name;  ///< The single file's name; empty for a directory root.
  };

  /// One inotify watch: a directory watched as a whole, or for some names only, or both.
  struct Watch {
    std::string path;             ///< The directory's path.
    bool whole = false;           ///< Every non-hidden entry counts (recursive watch).
    std::set<std::string> names;  ///< Names of single-file roots in this directory.
  };

  /// Adds an inotify watch on `directory` and returns its descriptor. On failure, throws
  /// Error kIo if `required`; otherwise returns -1, and keeps the error for throw_deferred()
  /// unless the directory merely vanished or cannot be read.
  int add_watch(const std::string& directory, bool required);
  /// Throws the error kept by add_watch(), if any, and forgets it.
  void throw_deferred();
  /// Records watch `wd` for `directory`, as a whole and/or for `file_name`. Returns true if
  /// the directory's entries must be walked (it was not watched as a whole before).
  bool track(int wd, const std::string& directory, bool whole, const std::string& file_name);
  /// Watches `directory` and its non-hidden subdirectories; records the wanted files found in
  /// them as changed if `report`. Throws as add_watch() does for the top directory.
  void watch_tree(const std::string& directory, bool required, bool report);
  /// Watches every root (each one must exist unless `report`); if `report`, records every
  /// file that counts as changed, and the roots gone as removed.
  void watch_roots(bool report);
  /// Removes the watches of `directory` and of every directory under it.
  void drop_tree(const std::string& directory);
  /// Rebuilds every watch from the roots after lost events and reports every file as changed.
  void rescan();
  /// Reads and handles every queued event, without blocking.
  void read_events();
  /// Handles one event of watch `wd` about entry `name` ("" for the watched directory itself).
  void handle_event(int wd, std::uint32_t mask, const std::string& name);
  /// Records the last event about `path`: changed (true) or removed (false).
  void record(const std::string& path, bool changed);
  /// Records `directory` as removed, replacing the pending events under it.
  void record_removed_directory(const std::string& directory);
  /// Hands out the pending changes and starts a new batch.
  WatchBatch take_batch();

  int fd_ = -1;
  std::function<bool(const std::string&)> wanted_;
  std::vector<Root> roots_;
  std::map<int, Watch> watches_;         // by watch descriptor
  std::map<std::string, int> by_path_;   // watch descriptor of each watched directory
  std::map<std::string, bool> pending_;  // path -> changed (true) or removed (false)
  std::size_t recorded_ = 0;             // events recorded so far, to see if a read added any
  bool overflowed_ = false;              // the queue overflowed since the last batch
  std::optional<Error> deferred_;        // why a directory could not be watched
};

}  // namespace pressclip::cli
