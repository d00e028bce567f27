// Discovery of article files and manifests: an iterative walk, one directory open at a time.
#include "indexer/file_walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>
#include <string_view>

#include "indexer/article_file.h"
#include "indexer/article_readers.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "schema/article_id.h"

namespace pressclip::indexer {
namespace {

namespace fs = std::filesystem;

std::string lowercase_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return extension;
}

void sort_unique(std::vector<std::string>& paths) {
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
}

}  // namespace

}  // namespace pressclip::indexer

namespace pressclip {

bool is_article_file_name(const std::string& path) {
  const indexer::fs::path name = indexer::fs::path(path).filename();
  if (name.string().starts_with('.')) return false;
  return indexer::is_article_extension(indexer::lowercase_extension(name));
}

}  // namespace pressclip

namespace pressclip::indexer {
namespace {

// What a directory entry is, for the walk.
enum class EntryKind {
  kDirectory,        // A directory (not a link to one): walked.
  kLinkedDirectory,  // A symbolic link to a directory: not followed.
  kRegularFile,      // A regular file, or a symbolic link to one.
  kOther,            // A FIFO, socket or device, a broken link or a link loop.
};

struct Entry {
  std::string name;
  EntryKind kind;
};

// The kind of entry `name` of the directory open as `directory_fd`, whose readdir type is
// `type`: the type itself where it tells, else fstatat (following links).
EntryKind entry_kind(int directory_fd, const char* name, unsigned char type) {
  if (type == DT_DIR) return EntryKind::kDirectory;
  if (type == DT_REG) return EntryKind::kRegularFile;
  if (type != DT_LNK && type != DT_UNKNOWN) return EntryKind::kOther;
  struct stat status {};
  if (type == DT_UNKNOWN) {
    if (::fstatat(directory_fd, name, &status, AT_SYMLINK_NOFOLLOW) != 0) return EntryKind::kOther;
    if (S_ISDIR(status.st_mode)) return EntryKind::kDirectory;
    if (!S_ISLNK(status.st_mode)) {
      return S_ISREG(status.st_mode) ? EntryKind::kRegularFile : EntryKind::kOther;
    }
  }
  if (::fstatat(directory_fd, name, &status, 0) != 0) return EntryKind::kOther;
  if (S_ISDIR(status.st_mode)) return EntryKind::kLinkedDirectory;
  return S_ISREG(status.st_mode) ? EntryKind::kRegularFile : EntryKind::kOther;
}

// Opens the directory at absolute path `path` for reading; -1 with errno set on failure. A
// path too long for open(2) is opened one component at a time with openat(2).
int open_directory(const std::string& path) {
  constexpr int kFlags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
  if (path.size() < PATH_MAX || !path.starts_with('/')) return ::open(path.c_str(), kFlags);
  int fd = ::open("/", kFlags);
  for (std::size_t at = 1; fd >= 0 && at < path.size();) {
    const std::size_t slash = std::min(path.find('/', at), path.size());
    const std::string name = path.substr(at, slash - at);
    at = slash + 1;
    if (name.empty()) continue;
    const int next = ::openat(fd, name.c_str(), kFlags);
    const int error_number = errno;
    ::close(fd);
    fd = next;
    errno = error_number;
  }
  return fd;
}

// The entries of the directory at `path`, but "." and ".."; false with errno set if it
// cannot be listed. The directory is closed before returning, so that a walk of any depth
// holds one open at a time.
bool list_directory(const std::string& path, std::vector<Entry>& entries) {
  const int fd = open_directory(path);
  if (fd < 0) return false;
  DIR* directory = ::fdopendir(fd);
  if (directory == nullptr) {
    const int error_number = errno;
    ::close(fd);
    errno = error_number;
    return false;
  }
  while (true) {
    errno = 0;
    const dirent* entry = ::readdir(directory);
    if (entry == nullptr) break;
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    entries.push_back({std::string(name), entry_kind(fd, entry->d_name, entry->d_type)});
  }
  const int error_number = errno;
  ::closedir(directory);
  errno = error_number;
  return error_number == 0;
}

// Adds the article files and manifests under directory `root` (canonical) to `result`,
// depth first with a stack of paths rather than recursion or open directories. `given` is
// the path as given, for the message if `root` itself cannot be listed.
void walk_directory(const std::string& root, const std::string& given, WalkResult& result) {
  std::vector<std::string> pending = {root};
  std::vector<Entry> entries;
  while (!pending.empty()) {
    const std::string directory = std::move(pending.back());
    pending.pop_back();
    entries.clear();
    if (!list_directory(directory, entries)) {
      const std::string reason = unreadable_file_reason(directory, errno);
      if (directory == root) throw Error(ErrorKind::kIo, "cannot walk " + given + ": " + reason);
      result.warnings.push_back(
          {directory, "cannot list the directory (" + reason + "); its files are skipped", true});
      continue;
    }
    const std::string prefix = directory == "/" ? directory : directory + '/';
    for (Entry& entry : entries) {
      if (entry.name.starts_with('.')) continue;
      std::string path = prefix + entry.name;
      const bool article_name = is_article_file_name(entry.name);
      switch (entry.kind) {
        case EntryKind::kDirectory:
          pending.push_back(std::move(path));
          break;
        case EntryKind::kLinkedDirectory:
          break;
        case EntryKind::kRegularFile:
          if (lowercase_extension(entry.name) == ".tsv") {
            result.manifests.push_back(std::move(path));
          } else if (article_name) {
            result.articles.push_back(std::move(path));
          } else {
            ++result.ignored;
          }
          break;
        case EntryKind::kOther:
          // Listed, so that reading it skips it with a warning saying what it is.
          if (article_name) {
            result.articles.push_back(std::move(path));
          } else {
            ++result.ignored;
          }
          break;
      }
    }
  }
}

}  // namespace

WalkResult walk_paths(const std::vector<std::string>& paths) {
  std::vector<bool> is_directory;
  for (const std::string& path : paths) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
      const int error_number = errno;
      if (error_number == ENOENT) {
        const std::string reason = unreadable_file_reason(path, error_number);
        throw Error(ErrorKind::kNotFound,
                    "no such file or directory: " + path +
                        (reason == "no such file" ? "" : " (" + reason + ")"));
      }
      throw Error(ErrorKind::kIo,
                  "cannot read " + path + ": " + unreadable_file_reason(path, error_number));
    }
    is_directory.push_back(S_ISDIR(status.st_mode));
  }
  WalkResult result;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (!is_directory[i]) {
      auto& list =
          lowercase_extension(paths[i]) == ".tsv" ? result.named_manifests : result.articles;
      list.push_back(schema::canonical_path(paths[i]));
      continue;
    }
    // Walked from its canonical form, a directory yields canonical paths of its entries:
    // no per-file path resolution, which was most of the time of a run that finds nothing
    // changed.
    walk_directory(schema::canonical_path(paths[i]), paths[i], result);
  }
  sort_unique(result.articles);
  sort_unique(result.manifests);
  return result;
}

std::vector<std::string> manifests_above(const std::vector<std::string>& articles) {
  // String operations on canonical paths: this runs once per article of every run, so
  // it must cost little when thousands of articles share a few directories.
  std::set<fs::path> directories;
  std::string_view previous_directory;
  for (const std::string& article : articles) {
    std::string_view directory(article);
    directory = directory.substr(0, std::min(directory.rfind('/'), directory.size()));
    if (directory == previous_directory) continue;
    previous_directory = directory;
    // Up to, not including, the filesystem root; stop where another article got to before.
    while (!directory.empty() && directories.insert(fs::path(directory)).second) {
      const std::size_t slash = directory.rfind('/');
      directory = directory.substr(0, slash == std::string_view::npos ? 0 : slash);
    }
  }
  std::vector<std::pair<std::size_t, std::string>> by_depth;
  for (const fs::path& directory : directories) {
    std::error_code error;
    for (auto it = fs::directory_iterator(directory, error);
         !error && it != fs::directory_iterator(); it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (!name.starts_with('.') && lowercase_extension(it->path()) == ".tsv" &&
          it->is_regular_file(error)) {
        const auto depth =
            static_cast<std::size_t>(std::distance(directory.begin(), directory.end()));
        by_depth.emplace_back(depth, it->path().string());
      }
    }
  }
  std::sort(by_depth.begin(), by_depth.end());
  std::vector<std::string> manifests;
  for (auto& [depth, path] : by_depth) manifests.push_back(std::move(path));
  return manifests;
}

}  // namespace pressclip::indexer
