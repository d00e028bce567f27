// Reading an article file's bytes with POSIX calls: type checked, size bounded, no blocking.
#include "indexer/article_file.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "pressclip/error.h"

namespace pressclip::indexer {
namespace {

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

[[noreturn]] void throw_unreadable(const std::string& path, int error_number) {
  throw Error(ErrorKind::kIo, "cannot read: " + unreadable_file_reason(path, error_number));
}

[[noreturn]] void throw_too_large(std::uint64_t size, std::size_t limit) {
  throw Error(ErrorKind::kBadArgument,
              "file of " + std::to_string(size >> 20) + " MiB is larger than " +
                  (limit == kMaxArticleBytes
                       ? "an article can be"
                       : "a file of articles can be (" + std::to_string(limit >> 20) + " MiB)"));
}

// Refuses what is not a regular file, or is too large to be an article.
void check_article_status(const struct stat& status, std::size_t limit) {
  if (!S_ISREG(status.st_mode)) {
    throw Error(ErrorKind::kBadArgument,
                std::string("not a regular file (") + file_type_name(status.st_mode) + ")");
  }
  if (static_cast<std::uint64_t>(status.st_size) > limit) {
    throw_too_large(static_cast<std::uint64_t>(status.st_size), limit);
  }
}

schema::FileStamp stamp_of(const struct stat& status) {
  return schema::FileStamp{
      static_cast<std::uint64_t>(status.st_size),
      static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec};
}

}  // namespace

const char* file_type_name(unsigned mode) noexcept {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "a regular file";
}

std::string unreadable_file_reason(const std::string& path, int error_number) {
  switch (error_number) {
    case ENOENT: {
      // The path may name a link whose target is missing, rather than nothing.
      struct stat link {};
      std::error_code error;
      if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
        return "broken symbolic link to " + std::filesystem::read_symlink(path, error).string();
      }
      return "no such file";
    }
    case ELOOP:
      return "symbolic link loop";
    case ENAMETOOLONG:
      return "path longer than the system's limit (PATH_MAX, " + std::to_string(PATH_MAX) +
             " bytes)";
    case EACCES:
    case EPERM:
      return "permission denied";
    default:
      return std::strerror(error_number);
  }
}

std::string read_article_file(const std::string& path, schema::FileStamp* stamp,
                              std::size_t limit) {
  // stat first, so that a FIFO is never opened (an open for reading waits for a writer)
  // and a device never is either (opening some has effects, such as rewinding a tape).
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) throw_unreadable(path, errno);
  check_article_status(status, limit);
  // O_NONBLOCK: should a FIFO have replaced the file since, open returns at once.
  const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (file.get() < 0) throw_unreadable(path, errno);
  if (::fstat(file.get(), &status) != 0) throw_unreadable(path, errno);
  check_article_status(status, limit);
  if (stamp != nullptr) *stamp = stamp_of(status);

  // Up to one byte past the limit, to tell a file that grew past it since the stat.
  std::string content(static_cast<std::size_t>(status.st_size) + 1, '\0');
  std::size_t size = 0;
  while (true) {
    if (size == content.size()) {
      if (size > limit) throw_too_large(size, limit);
      content.resize(std::min(content.size() * 2, limit + 1));
    }
    const ssize_t got = ::read(file.get(), content.data() + size, content.size() - size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw Error(ErrorKind::kIo, std::string("read error: ") + std::strerror(errno));
    if (got == 0) break;
    size += static_cast<std::size_t>(got);
  }
  if (size > limit) throw_too_large(size, limit);
  content.resize(size);
  return content;
}

}  // namespace pressclip::indexer
