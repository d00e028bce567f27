// What the index knows about its articles' files, loaded once per run for change detection.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "schema/file_state.h"

namespace pressclip::indexer {

/// One article as the index recorded it.
struct RecordedArticle {
  Xapian::docid docid = 0;
  schema::FileState state;
};

/// The file state of every article of an index as of when it was loaded (one pass over value
/// slot kFileStateSlot, a few milliseconds per 10,000 articles). Answers "is this file
/// known, and as what?" without touching the index again.
///
/// Thread-safety: const methods may be called from several threads once loaded.
class IndexState {
 public:
  /// Loads the state of every article of `database`.
  explicit IndexState(const Xapian::Database& database);
  IndexState(const IndexState&) = delete;
  IndexState& operator=(const IndexState&) = delete;

  /// An article read from `path` (the file, or one of its records), with the index of that
  /// file in its files; null if none. All of a file's records share its stamp.
  const RecordedArticle* article_of_path(const std::string& path,
                                         std::size_t* file_index = nullptr) const;

  /// The article read from the file `path` as a whole (`record` "") or from its record
  /// `record`, with the index of that file in its files; null if none.
  const RecordedArticle* article_of_file(const std::string& path, const std::string& record,
                                         std::size_t* file_index = nullptr) const;

  /// An article whose text hashes to `hash`, or null.
  const RecordedArticle* article_with_hash(const std::string& hash) const;

  /// True if an article has the id `id`.
  bool id_taken(const std::string& id) const { return ids_.contains(id); }

  /// Every article, in docid order.
  const std::vector<RecordedArticle>& articles() const { return articles_; }

 private:
  // The maps view strings owned by articles_, which is sized once and never reallocated:
  // a run that finds nothing changed spends most of its user time here, in allocations.
  std::vector<RecordedArticle> articles_;
  std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> by_path_;
  // Records of files of several articles, by path + '\0' + record.
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> by_record_;
  std::unordered_map<std::string_view, std::size_t> by_hash_;
  std::unordered_set<std::string_view> ids_;
};

}  // namespace pressclip::indexer
