// The files an article was read from, with what change detection compares, kept in the index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pressclip::schema {

/// What a cheap check of a file compares: its size and modification time (nanoseconds).
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;

  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

/// One file (or one record of a file of several articles) an article was read from.
struct IndexedFile {
  std::string path;  ///< Canonical path.
  /// The record key within a file of several articles (JSON Lines, mbox); "" for a file
  /// that is one article.
  std::string record;
  FileStamp stamp;  ///< As it was when last read or checked.
  /// Hash of the metadata given outside the file (its manifest row), "" if none: a new
  /// manifest row re-indexes an unchanged file.
  std::string metadata_hash;
};

/// An article's identity and files, stored in value slot kFileStateSlot of its document in
/// the same commit as the article, so that the index and its change-detection state can
/// never disagree. An article added from standard input has no files.
struct FileState {
  std::string article_id;
  std::string content_hash;        ///< Hash of the file's bytes (indexer/file_identity.h).
  std::vector<IndexedFile> files;  ///< The first is the article's `path`.
};

/// True if `file` is the file `path` record `record` ("" for a whole file).
inline bool is_file(const IndexedFile& file, std::string_view path, std::string_view record) {
  return file.path == path && file.record == record;
}

/// Serialises `state` as NUL-separated fields (paths never contain NUL). Fast to decode:
/// a run that finds nothing changed decodes one per article.
std::string encode_file_state(const FileState& state);

/// Reads a value written by encode_file_state (or by the layout before records, whose files
/// have no record); std::nullopt if it is not one.
std::optional<FileState> decode_file_state(std::string_view value);

}  // namespace pressclip::schema
