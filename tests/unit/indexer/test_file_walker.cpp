// Unit tests of the walk that finds article files: FIFOs, sockets and links in the tree,
// link loops, directories that cannot be listed, deep trees and paths past PATH_MAX.
#include "indexer/file_walker.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <limits.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pressclip/error.h"

namespace fs = std::filesystem;
namespace indexer = pressclip::indexer;

namespace {

// A fresh directory, removed with what it holds at the end of the test.
class Scratch {
 public:
  Scratch()
      : path_(fs::temp_directory_path() / ("pressclip-walker-" + std::to_string(::getpid()))) {
    remove();
    fs::create_directories(path_);
  }
  ~Scratch() { remove(); }
  const fs::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  // `rm -r` copes with paths longer than PATH_MAX, where std::filesystem may not.
  void remove() const {
    const std::string command = "rm -rf '" + path_.string() + "'";
    if (std::system(command.c_str()) != 0) fs::remove_all(path_);
  }
  fs::path path_;
};

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::vector<std::string> names(const std::vector<std::string>& paths) {
  std::vector<std::string> result;
  for (const std::string& path : paths) result.push_back(fs::path(path).filename().string());
  return result;
}

// Sets the soft limit of open files to `limit` for its lifetime.
class OpenFileLimit {
 public:
  explicit OpenFileLimit(rlim_t limit) {
    ::getrlimit(RLIMIT_NOFILE, &saved_);
    rlimit lowered = saved_;
    lowered.rlim_cur = limit;
    ::setrlimit(RLIMIT_NOFILE, &lowered);
  }
  ~OpenFileLimit() { ::setrlimit(RLIMIT_NOFILE, &saved_); }

 private:
  rlimit saved_{};
};

}  // namespace

TEST_CASE(
    "walk: an entry with an article's name that is no regular file is listed, to be skipped") {
  const Scratch scratch;
  write(scratch.path() / "good.txt", "Good.\n");
  REQUIRE(::mkfifo((scratch / "pipe.txt").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((scratch / "pipe").c_str(), 0600) == 0);
  fs::create_symlink("nowhere.txt", scratch.path() / "broken.txt");
  fs::create_symlink("loop.md", scratch.path() / "loop.md");
  fs::create_symlink("good.txt", scratch.path() / "link.txt");
  const indexer::WalkResult walk = indexer::walk_paths({scratch.path().string()});
  // Read, they are skipped with a warning that says what they are (test_article_file.cpp).
  CHECK(names(walk.articles) ==
        std::vector<std::string>{"broken.txt", "good.txt", "link.txt", "loop.md", "pipe.txt"});
  CHECK(walk.ignored == 1);  // The FIFO without an article's name.
  CHECK(walk.warnings.empty());
}

TEST_CASE("walk: directory links are not followed, so a link loop ends") {
  const Scratch scratch;
  write(scratch.path() / "a/article.txt", "Article.\n");
  fs::create_directory_symlink("..", scratch.path() / "a/up");
  fs::create_directory_symlink(".", scratch.path() / "a/self.txt");
  const indexer::WalkResult walk = indexer::walk_paths({scratch.path().string()});
  CHECK(names(walk.articles) == std::vector<std::string>{"article.txt"});
  CHECK(walk.ignored == 0);
}

TEST_CASE("walk: hidden entries are skipped, manifests and other files told apart") {
  const Scratch scratch;
  write(scratch.path() / ".hidden/article.txt", "Hidden.\n");
  write(scratch.path() / ".draft.txt", "Hidden.\n");
  write(scratch.path() / "meta.tsv", "file\tsource\n");
  write(scratch.path() / "photo.jpg", "\xff\xd8");
  write(scratch.path() / "Article.TXT", "Shown.\n");
  const indexer::WalkResult walk = indexer::walk_paths({scratch.path().string()});
  CHECK(names(walk.articles) == std::vector<std::string>{"Article.TXT"});
  CHECK(names(walk.manifests) == std::vector<std::string>{"meta.tsv"});
  CHECK(walk.ignored == 1);
}

TEST_CASE("walk: 1,000 nested directories are walked with one directory open at a time") {
  const Scratch scratch;
  std::string relative;
  for (int depth = 0; depth < 1000; ++depth) relative += "d/";
  write(scratch.path() / relative / "deep.txt", "Deep.\n");
  write(scratch.path() / "top.txt", "Top.\n");
  // A walk that held each level open would run out of descriptors long before the bottom.
  const OpenFileLimit limit(64);
  const indexer::WalkResult walk = indexer::walk_paths({scratch.path().string()});
  CHECK(names(walk.articles) == std::vector<std::string>{"deep.txt", "top.txt"});
  CHECK(walk.warnings.empty());
}

TEST_CASE("walk: directories whose path is longer than PATH_MAX are listed all the same") {
  const Scratch scratch;
  // Made one level at a time relative to the last, as no single path may be this long.
  const std::string name(200, 'x');
  int fd = ::open(scratch.path().c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  for (int depth = 0; depth < 25; ++depth) {
    REQUIRE(::mkdirat(fd, name.c_str(), 0755) == 0);
    const int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
    ::close(fd);
    fd = next;
    REQUIRE(fd >= 0);
  }
  const int file = ::openat(fd, "long.txt", O_WRONLY | O_CREAT, 0644);
  REQUIRE(file >= 0);
  ::close(file);
  ::close(fd);
  const indexer::WalkResult walk = indexer::walk_paths({scratch.path().string()});
  REQUIRE(walk.articles.size() == 1);
  CHECK(walk.articles[0].size() > PATH_MAX);
  CHECK(walk.articles[0].ends_with("/long.txt"));
  CHECK(walk.warnings.empty());
}

TEST_CASE("walk: a directory inside that cannot be listed is a warning, one given an error") {
  if (::geteuid() == 0) {
    MESSAGE("skipped: root may list any directory");
    return;
  }
  const Scratch scratch;
  write(scratch.path() / "open/article.txt", "Open.\n");
  write(scratch.path() / "closed/article.txt", "Closed.\n");
  fs::permissions(scratch.path() / "closed", fs::perms::none);
  const indexer::WalkResult walk = indexer::walk_paths({scratch.path().string()});
  CHECK(walk.articles.size() == 1);
  REQUIRE(walk.warnings.size() == 1);
  CHECK(walk.warnings[0].path == scratch / "closed");
  CHECK(walk.warnings[0].reason ==
        "cannot list the directory (permission denied); its files are skipped");
  CHECK(walk.warnings[0].skipped);
  CHECK_THROWS_WITH_AS(indexer::walk_paths({scratch / "closed"}),
                       doctest::Contains("permission denied"), pressclip::Error);
  fs::permissions(scratch.path() / "closed", fs::perms::owner_all);
}

TEST_CASE("walk: a path given that is missing, a broken link or a loop is an error") {
  const Scratch scratch;
  fs::create_symlink("nowhere.txt", scratch.path() / "broken.txt");
  fs::create_symlink("loop.txt", scratch.path() / "loop.txt");
  CHECK_THROWS_WITH_AS(indexer::walk_paths({scratch / "missing.txt"}),
                       ("no such file or directory: " + scratch / "missing.txt").c_str(),
                       pressclip::Error);
  CHECK_THROWS_WITH_AS(indexer::walk_paths({scratch / "broken.txt"}),
                       doctest::Contains("(broken symbolic link to nowhere.txt)"),
                       pressclip::Error);
  CHECK_THROWS_WITH_AS(indexer::walk_paths({scratch / "loop.txt"}),
                       doctest::Contains("symbolic link loop"), pressclip::Error);
}
