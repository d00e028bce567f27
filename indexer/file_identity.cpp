// File stamps with stat(2), content hashes with xxHash.
#include "indexer/file_identity.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstdio>

namespace pressclip::indexer {

namespace {

schema::FileStamp stamp_of(const struct stat& status) {
  return schema::FileStamp{
      static_cast<std::uint64_t>(status.st_size),
      static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec};
}

}  // namespace

std::optional<schema::FileStamp> stamp_file(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;
  return stamp_of(status);
}

DirectoryStamper::~DirectoryStamper() {
  if (directory_fd_ >= 0) ::close(directory_fd_);
}

std::optional<schema::FileStamp> DirectoryStamper::stamp(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash == 0) return stamp_file(path);
  const std::string_view directory(path.data(), slash);
  if (directory != directory_) {
    if (directory_fd_ >= 0) ::close(directory_fd_);
    directory_ = directory;
    directory_fd_ = ::open(directory_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  }
  if (directory_fd_ < 0) return stamp_file(path);
  struct stat status {};
  if (::fstatat(directory_fd_, path.c_str() + slash + 1, &status, 0) != 0) return std::nullopt;
  return stamp_of(status);
}

std::string content_hash(std::string_view bytes) {
  const XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return hex;
}

std::string metadata_hash(const ManifestRow* row) {
  if (row == nullptr || row->empty()) return "";
  std::string text;
  for (const auto& [key, value] : *row) text.append(key).append(1, '\0').append(value) += '\n';
  return content_hash(text).substr(0, 16);
}

}  // namespace pressclip::indexer
