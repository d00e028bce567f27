// Telling files apart cheaply (size and time) and exactly (a hash of their bytes).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "indexer/manifest.h"
#include "schema/file_state.h"

namespace pressclip::indexer {

/// The size and modification time (nanoseconds) of the file at `path`, following symbolic
/// links; std::nullopt if it cannot be stat'ed.
std::optional<schema::FileStamp> stamp_file(const std::string& path);

/// Stats many files, opening each directory once and stat'ing names relative to it: about
/// half the system time of a stat by full path for deep archives.
///
/// Thread-safety: not thread-safe; one per thread.
class DirectoryStamper {
 public:
  DirectoryStamper() = default;
  ~DirectoryStamper();
  DirectoryStamper(const DirectoryStamper&) = delete;
  DirectoryStamper& operator=(const DirectoryStamper&) = delete;

  /// As stamp_file(path) for an absolute `path`; fastest when consecutive calls share a
  /// directory (sorted paths).
  std::optional<schema::FileStamp> stamp(const std::string& path);

 private:
  std::string directory_;
  int directory_fd_ = -1;
};

/// 32 lowercase hex digits of the 128-bit XXH3 hash of `bytes`: equal texts, equal hashes;
/// different texts collide with probability 2^-128.
std::string content_hash(std::string_view bytes);

/// A hash of a manifest row (its keys and values), or "" for none.
std::string metadata_hash(const ManifestRow* row);

}  // namespace pressclip::indexer
