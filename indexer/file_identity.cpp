// File stamps with stat(2), content hashes with xxHash.
#include "indexer/file_identity.h"

#include <sys/stat.h>
#include <xxhash.h>

#include <cstdio>

namespace pressclip::indexer {

std::optional<schema::FileStamp> stamp_file(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;
  return schema::FileStamp{
      static_cast<std::uint64_t>(status.st_size),
      static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec};
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
