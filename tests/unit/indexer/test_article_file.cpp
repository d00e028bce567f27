// Unit tests of reading an article file's bytes whatever the path holds: FIFOs, devices,
// links, files too large, files that change or go away between the walk and the read.
#include "indexer/article_file.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <limits.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "indexer/file_walker.h"
#include "pressclip/error.h"

namespace fs = std::filesystem;
namespace indexer = pressclip::indexer;
using pressclip::Error;
using pressclip::ErrorKind;

namespace {

// A fresh directory, removed with what it holds at the end of the test.
class Scratch {
 public:
  Scratch()
      : path_(fs::temp_directory_path() /
              ("pressclip-article-file-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~Scratch() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

void write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// What read_article_file(path) throws: its kind and message.
struct Failure {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;
};

Failure read_failure(const std::string& path) {
  try {
    indexer::read_article_file(path);
  } catch (const Error& error) {
    return {error.kind(), error.what()};
  }
  FAIL("read_article_file(" << path << ") did not throw");
  return {};
}

}  // namespace

TEST_CASE("a regular file is read whole, through a symbolic link too") {
  const Scratch scratch;
  write(scratch / "article.txt", "Niamey is calm.\n");
  fs::create_symlink("article.txt", scratch / "link.txt");
  CHECK(indexer::read_article_file(scratch / "article.txt") == "Niamey is calm.\n");
  CHECK(indexer::read_article_file(scratch / "link.txt") == "Niamey is calm.\n");
  write(scratch / "empty.txt", "");
  CHECK(indexer::read_article_file(scratch / "empty.txt").empty());
}

TEST_CASE("the stamp is the size and time of the file that was read") {
  const Scratch scratch;
  write(scratch / "article.txt", "Twelve bytes");
  pressclip::schema::FileStamp stamp;
  CHECK(indexer::read_article_file(scratch / "article.txt", &stamp) == "Twelve bytes");
  struct stat status {};
  REQUIRE(::stat((scratch / "article.txt").c_str(), &status) == 0);
  CHECK(stamp.size == 12);
  CHECK(stamp.modified_ns ==
        static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec);
}

TEST_CASE("a FIFO is refused at once, not opened (which would wait for a writer)") {
  const Scratch scratch;
  REQUIRE(::mkfifo((scratch / "pipe.txt").c_str(), 0600) == 0);
  const auto started = std::chrono::steady_clock::now();
  const Failure failure = read_failure(scratch / "pipe.txt");
  CHECK(failure.kind == ErrorKind::kBadArgument);
  CHECK(failure.message == "not a regular file (a FIFO)");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}

TEST_CASE("devices, sockets and directories are refused, saying what they are") {
  CHECK(read_failure("/dev/null").message == "not a regular file (a character device)");
  CHECK(read_failure("/dev/zero").message == "not a regular file (a character device)");
  const Scratch scratch;
  CHECK(read_failure(scratch / "").message == "not a regular file (a directory)");
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string socket_path = scratch / "socket.txt";
  REQUIRE(socket_path.size() < sizeof address.sun_path);
  std::strcpy(address.sun_path, socket_path.c_str());
  REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  CHECK(read_failure(socket_path).message == "not a regular file (a socket)");
  ::close(fd);
}

TEST_CASE("a file larger than an article can be is refused by its size, unread") {
  const Scratch scratch;
  // 50 MB of nothing: a sparse file, so the test writes no data. Were it read, its NUL
  // bytes would make it "binary"; the size is told first.
  const std::string path = scratch / "huge.txt";
  write(path, "");
  fs::resize_file(path, 50u << 20);
  const Failure failure = read_failure(path);
  CHECK(failure.kind == ErrorKind::kBadArgument);
  CHECK(failure.message == "file of 50 MiB is larger than an article can be");
  fs::resize_file(path, indexer::kMaxArticleBytes);
  CHECK(indexer::read_article_file(path).size() == indexer::kMaxArticleBytes);
  fs::resize_file(path, indexer::kMaxArticleBytes + 1);
  CHECK(read_failure(path).message == "file of 16 MiB is larger than an article can be");
}

TEST_CASE("missing files, broken links, link loops and long paths say why they cannot be read") {
  const Scratch scratch;
  const Failure missing = read_failure(scratch / "missing.txt");
  CHECK(missing.kind == ErrorKind::kIo);
  CHECK(missing.message == "cannot read: no such file");
  fs::create_symlink("nowhere.txt", scratch / "broken.txt");
  CHECK(read_failure(scratch / "broken.txt").message ==
        "cannot read: broken symbolic link to nowhere.txt");
  fs::create_symlink("loop.txt", scratch / "loop.txt");
  CHECK(read_failure(scratch / "loop.txt").message == "cannot read: symbolic link loop");
  const std::string too_long = scratch / std::string(PATH_MAX, 'x');
  CHECK(read_failure(too_long).message ==
        "cannot read: path longer than the system's limit (PATH_MAX, 4096 bytes)");
  if (::geteuid() != 0) {  // root reads any file.
    write(scratch / "secret.txt", "Secret.\n");
    fs::permissions(scratch / "secret.txt", fs::perms::none);
    CHECK(read_failure(scratch / "secret.txt").message == "cannot read: permission denied");
  }
}

TEST_CASE("a file deleted between the walk and the read is skipped as missing") {
  const Scratch scratch;
  fs::create_directories(scratch / "walked");
  write(scratch / "walked/kept.txt", "Kept.\n");
  write(scratch / "walked/deleted.txt", "Deleted.\n");
  const indexer::WalkResult walk = indexer::walk_paths({scratch / "walked"});
  REQUIRE(walk.articles.size() == 2);
  fs::remove(scratch / "walked/deleted.txt");
  CHECK(indexer::read_article_file(walk.articles[1]) == "Kept.\n");
  CHECK(read_failure(walk.articles[0]).message == "cannot read: no such file");
}

TEST_CASE("the size stat gives is not trusted: the file is read to its end as it is now") {
  // A file truncated or grown between stat and read reads as it is at the read. Files of
  // /proc are the same case made deterministic: their stat size is 0, yet they hold text.
  const std::string status = indexer::read_article_file("/proc/self/status");
  CHECK(status.find("Pid:") != std::string::npos);
  // And files of /sys say 4096 bytes but hold fewer.
  const std::string shorter = "/sys/kernel/mm/transparent_hugepage/enabled";
  struct stat sys_status {};
  if (::stat(shorter.c_str(), &sys_status) == 0 && sys_status.st_size == 4096) {
    const std::string content = indexer::read_article_file(shorter);
    CHECK(!content.empty());
    CHECK(content.size() < 4096);
  }
}

TEST_CASE("unreadable_file_reason names the common errors in words") {
  CHECK(indexer::unreadable_file_reason("/nonexistent/x", ENOENT) == "no such file");
  CHECK(indexer::unreadable_file_reason("/x", EACCES) == "permission denied");
  CHECK(indexer::unreadable_file_reason("/x", ELOOP) == "symbolic link loop");
  CHECK(indexer::unreadable_file_reason("/x", EIO) == std::strerror(EIO));
}
