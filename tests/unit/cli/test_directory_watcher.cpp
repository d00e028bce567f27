// Unit tests of watching directory trees for finished, moved and deleted article files.
#include "cli/directory_watcher.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pressclip/error.h"

using pressclip::Error;
using pressclip::ErrorKind;
using pressclip::cli::DirectoryWatcher;
using pressclip::cli::WatchBatch;
using namespace std::chrono_literals;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using Paths = std::vector<std::string>;

// A fresh directory with `root` (to watch) and `outside` (to move things from and to).
class TempTree {
 public:
  TempTree() {
    static int count = 0;
    base_ = fs::canonical(fs::temp_directory_path()) /
            ("pressclip-watch-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
    fs::remove_all(base_);
    fs::create_directories(base_ / "root");
    fs::create_directories(base_ / "outside");
  }
  ~TempTree() {
    std::error_code ignored;
    fs::remove_all(base_, ignored);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  std::string root(const std::string& relative = "") const { return path("root", relative); }
  std::string outside(const std::string& relative = "") const { return path("outside", relative); }

 private:
  std::string path(const std::string& top, const std::string& relative) const {
    return relative.empty() ? (base_ / top).string() : (base_ / top / relative).string();
  }

  fs::path base_;
};

void write_file(const std::string& path) { std::ofstream(path) << "Some news.\n"; }

bool is_article(const std::string& path) { return path.ends_with(".txt"); }

// The next batch, or nullopt once `limit` has passed (so that a failing test cannot hang).
std::optional<WatchBatch> batch_within(DirectoryWatcher& watcher,
                                       std::chrono::milliseconds limit = 1000ms,
                                       std::chrono::milliseconds settle = 10ms,
                                       std::chrono::milliseconds longest = 200ms) {
  std::atomic<bool> stop{false};
  std::atomic<bool> done{false};
  std::thread guard([&] {
    const auto until = Clock::now() + limit;
    while (!done && Clock::now() < until) std::this_thread::sleep_for(2ms);
    stop = true;
  });
  std::optional<WatchBatch> batch = watcher.next_batch(settle, longest, stop);
  done = true;
  guard.join();
  return batch;
}

}  // namespace

TEST_CASE("a file is reported changed once it is closed after writing, not before") {
  TempTree tree;
  DirectoryWatcher watcher({tree.root()}, is_article);
  {
    std::ofstream out(tree.root("a.txt"));
    out << "Half an article" << std::flush;
    CHECK_FALSE(batch_within(watcher, 50ms).has_value());
  }
  const std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("a.txt")});
  CHECK(batch->removed.empty());
  CHECK_FALSE(batch->rescanned);
}

TEST_CASE("a file moved in is changed, moved out or deleted is removed") {
  TempTree tree;
  write_file(tree.outside("a.txt"));
  write_file(tree.root("b.txt"));
  DirectoryWatcher watcher({tree.root()}, is_article);
  fs::rename(tree.outside("a.txt"), tree.root("a.txt"));
  std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("a.txt")});

  fs::rename(tree.root("a.txt"), tree.outside("c.txt"));
  fs::remove(tree.root("b.txt"));
  batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed.empty());
  CHECK(batch->removed == Paths{tree.root("a.txt"), tree.root("b.txt")});
}

TEST_CASE("the last event about a path in a batch wins") {
  TempTree tree;
  DirectoryWatcher watcher({tree.root()}, is_article);
  write_file(tree.root("gone.txt"));
  fs::remove(tree.root("gone.txt"));
  write_file(tree.root("back.txt"));
  fs::remove(tree.root("back.txt"));
  write_file(tree.root("back.txt"));
  const std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("back.txt")});
  CHECK(batch->removed == Paths{tree.root("gone.txt")});
}

TEST_CASE("an editor's save, a temporary file renamed over the article, is a change") {
  TempTree tree;
  write_file(tree.root("a.txt"));
  DirectoryWatcher watcher({tree.root()}, is_article);
  write_file(tree.root(".a.txt.swp"));
  fs::rename(tree.root(".a.txt.swp"), tree.root("a.txt"));
  const std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("a.txt")});
  CHECK(batch->removed.empty());
}

TEST_CASE("a file written at once in a new subdirectory is found, and later ones seen") {
  TempTree tree;
  DirectoryWatcher watcher({tree.root()}, is_article);
  // Written before the watcher has read the directory's creation, so before its watch exists.
  fs::create_directories(tree.root("new/deeper"));
  write_file(tree.root("new/deeper/a.txt"));
  std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("new/deeper/a.txt")});

  write_file(tree.root("new/deeper/b.txt"));
  batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("new/deeper/b.txt")});
}

// A directory outside the root holding wanted, hidden and unwanted files.
void prepare_directory(const TempTree& tree, const std::string& name) {
  fs::create_directories(tree.outside(name + "/deep"));
  fs::create_directories(tree.outside(name + "/.hidden"));
  write_file(tree.outside(name + "/a.txt"));
  write_file(tree.outside(name + "/deep/b.txt"));
  write_file(tree.outside(name + "/.hidden/c.txt"));
  write_file(tree.outside(name + "/.d.txt"));
  write_file(tree.outside(name + "/e.log"));
}

TEST_CASE("the wanted files of a directory moved in are changed, and it is watched") {
  TempTree tree;
  prepare_directory(tree, "first");
  prepare_directory(tree, "second");
  fs::create_directories(tree.root("empty"));
  DirectoryWatcher watcher({tree.root()}, is_article);

  // Into a new name.
  fs::rename(tree.outside("first"), tree.root("moved"));
  std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("moved/a.txt"), tree.root("moved/deep/b.txt")});
  CHECK(batch->removed.empty());
  write_file(tree.root("moved/deep/f.txt"));
  batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("moved/deep/f.txt")});

  // Over an empty directory that was watched.
  fs::rename(tree.outside("second"), tree.root("empty"));
  batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("empty/a.txt"), tree.root("empty/deep/b.txt")});
  CHECK(batch->removed.empty());
  write_file(tree.root("empty/f.txt"));
  batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("empty/f.txt")});
}

TEST_CASE("hidden entries and unwanted files are ignored") {
  TempTree tree;
  fs::create_directories(tree.root(".old"));
  DirectoryWatcher watcher({tree.root()}, is_article);
  fs::create_directories(tree.root(".new"));
  write_file(tree.root(".old/a.txt"));
  write_file(tree.root(".new/b.txt"));
  write_file(tree.root(".c.txt"));
  write_file(tree.root("d.log"));
  write_file(tree.root("marker.txt"));
  fs::remove(tree.root("d.log"));
  const std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("marker.txt")});
  CHECK(batch->removed.empty());
}

TEST_CASE("a directory deleted or moved out is removed as a whole and no longer watched") {
  TempTree tree;
  fs::create_directories(tree.root("deleted/inner"));
  fs::create_directories(tree.root("moved"));
  write_file(tree.root("deleted/inner/a.txt"));
  write_file(tree.root("moved/b.txt"));
  DirectoryWatcher watcher({tree.root()}, is_article);
  fs::remove_all(tree.root("deleted"));
  fs::rename(tree.root("moved"), tree.outside("moved"));
  std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed.empty());
  CHECK(batch->removed == Paths{tree.root("deleted"), tree.root("moved")});

  write_file(tree.outside("moved/c.txt"));
  CHECK_FALSE(batch_within(watcher, 50ms).has_value());

  // Deleted and created again in one batch.
  fs::create_directories(tree.root("again"));
  write_file(tree.root("again/d.txt"));
  batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  fs::remove_all(tree.root("again"));
  fs::create_directories(tree.root("again"));
  write_file(tree.root("again/e.txt"));
  batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->removed == Paths{tree.root("again")});
  CHECK(batch->changed == Paths{tree.root("again/e.txt")});
}

TEST_CASE("a deleted root is removed as a whole") {
  TempTree tree;
  fs::create_directories(tree.root("sub"));
  write_file(tree.root("sub/a.txt"));
  DirectoryWatcher watcher({tree.root()}, is_article);
  fs::remove_all(tree.root());
  const std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->removed == Paths{tree.root()});
  CHECK(batch->changed.empty());
}

TEST_CASE("a symlink or a hard link is changed when created, since no close follows") {
  TempTree tree;
  write_file(tree.outside("a.txt"));
  write_file(tree.outside("b.txt"));
  DirectoryWatcher watcher({tree.root()}, is_article);
  fs::create_symlink(tree.outside("a.txt"), tree.root("symlink.txt"));
  fs::create_hard_link(tree.outside("b.txt"), tree.root("hard.txt"));
  const std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("hard.txt"), tree.root("symlink.txt")});
}

TEST_CASE("a single file is watched by its name, whatever its extension") {
  TempTree tree;
  write_file(tree.root("notes.log"));
  // A relative root, through a symlink: reported under the resolved directory.
  fs::create_directory_symlink(tree.root(), tree.outside("link"));
  const std::string relative =
      fs::path(tree.outside("link/notes.log")).lexically_relative(fs::current_path()).string();
  DirectoryWatcher watcher({relative}, is_article);
  write_file(tree.root("other.txt"));
  write_file(tree.root("notes.log"));
  std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->changed == Paths{tree.root("notes.log")});

  fs::remove(tree.root("notes.log"));
  batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->removed == Paths{tree.root("notes.log")});
}

TEST_CASE("a root that does not exist is refused") {
  TempTree tree;
  try {
    DirectoryWatcher watcher({tree.root("missing")}, is_article);
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::kNotFound);
    CHECK(std::string(error.what()).find("missing") != std::string::npos);
  }
}

TEST_CASE("the stop flag ends the wait within 150 ms") {
  TempTree tree;
  DirectoryWatcher watcher({tree.root()}, is_article);
  std::atomic<bool> stop{true};
  CHECK_FALSE(watcher.next_batch(200ms, 500ms, stop).has_value());

  stop = false;
  const auto started = Clock::now();
  std::thread stopper([&] {
    std::this_thread::sleep_for(30ms);
    stop = true;
  });
  CHECK_FALSE(watcher.next_batch(200ms, 500ms, stop).has_value());
  stopper.join();
  CHECK(Clock::now() - started < 30ms + 150ms);
}

TEST_CASE("a burst of 100 files comes in one or few batches holding them all") {
  TempTree tree;
  DirectoryWatcher watcher({tree.root()}, is_article);
  std::set<std::string> expected;
  for (int i = 0; i < 100; ++i) expected.insert(tree.root("burst-" + std::to_string(i) + ".txt"));
  std::thread writer([&] {
    for (const std::string& path : expected) write_file(path);
  });
  std::set<std::string> seen;
  int batches = 0;
  while (seen.size() < expected.size() && batches < 10) {
    const std::optional<WatchBatch> batch = batch_within(watcher, 3000ms, 100ms, 2000ms);
    if (!batch) break;
    ++batches;
    seen.insert(batch->changed.begin(), batch->changed.end());
  }
  writer.join();
  CHECK(seen == expected);
  CHECK(batches <= 3);
}

TEST_CASE("a steady stream of files is cut into batches no longer than `longest`") {
  TempTree tree;
  DirectoryWatcher watcher({tree.root()}, is_article);
  constexpr int kFiles = 12;
  std::thread writer([&] {
    for (int i = 0; i < kFiles; ++i) {
      write_file(tree.root("stream-" + std::to_string(i) + ".txt"));
      std::this_thread::sleep_for(8ms);
    }
  });
  const std::optional<WatchBatch> first = batch_within(watcher, 1000ms, 30ms, 40ms);
  writer.join();
  REQUIRE(first.has_value());
  CHECK(first->changed.size() >= 1);
  CHECK(first->changed.size() < kFiles);
}

TEST_CASE("an overflowing event queue is reported as a rescan of every file") {
  std::ifstream limit_file("/proc/sys/fs/inotify/max_queued_events");
  long limit = 0;
  limit_file >> limit;
  if (limit <= 0 || limit > 100000) {
    MESSAGE("skipped: fs.inotify.max_queued_events is " << limit);
    return;
  }
  TempTree tree;
  DirectoryWatcher watcher({tree.root()}, is_article);
  // Opening a file for writing and closing it queues one event; the kernel merges an event
  // only with the one just before it, so two files take turns. The directory created after
  // the overflow is lost with its file.
  write_file(tree.root("a.txt"));
  write_file(tree.root("b.txt"));
  const std::string paths[2] = {tree.root("a.txt"), tree.root("b.txt")};
  long opened = 0;
  for (long i = 0; i < limit + 100; ++i) {
    const int fd = ::open(paths[i % 2].c_str(), O_WRONLY);
    if (fd >= 0) ++opened;
    ::close(fd);
  }
  REQUIRE(opened == limit + 100);
  fs::create_directories(tree.root("sub"));
  write_file(tree.root("sub/lost.txt"));
  std::optional<WatchBatch> batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK(batch->rescanned);
  CHECK(batch->changed == Paths{tree.root("a.txt"), tree.root("b.txt"), tree.root("sub/lost.txt")});

  // The directory created among the lost events is watched after the rescan.
  write_file(tree.root("sub/later.txt"));
  batch = batch_within(watcher);
  REQUIRE(batch.has_value());
  CHECK_FALSE(batch->rescanned);
  CHECK(batch->changed == Paths{tree.root("sub/later.txt")});
}
