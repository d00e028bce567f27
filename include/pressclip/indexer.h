// Building and updating an index from article files on disk.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pressclip/export.h"

namespace pressclip {

/// Settings for opening an index for writing. Defaults suit a personal archive.
struct IndexerOptions {
  /// Directory of the Xapian database; created (with its parents) if missing.
  std::string database_path;
  /// Snowball stemmer for a new index ("english", "french", ...); empty means english.
  /// An existing index keeps the language it was built with; naming another is an error.
  std::string stemmer_language;
  /// Articles per commit. Xapian holds a batch in memory (measured: a 10 MB batch peaked
  /// at 220 MB, batches of 1000 news articles at 98 MB), and each commit is atomic, so an
  /// interrupted run redoes at most one batch. More commits leave the index less compact.
  std::size_t batch_articles = 1000;
  /// Bytes of article text per commit, the other bound on a batch's memory.
  std::size_t batch_bytes = 64u << 20;
  /// Writer threads for a run that fills an empty index with at least
  /// kParallelBuildMinimumArticles articles: each writes a shard on its own core, and the
  /// shards are merged into one compact index that replaces the empty one at the end, whole.
  /// Such a build commits nothing before the end, so an interrupted one leaves the index
  /// empty and the next run starts over. 0 means one writer per core; 1 always commits
  /// batch by batch. Each writer commits every batch_articles / writers articles.
  std::size_t writers = 0;
  /// The user's source alias table, as the text of an alias file (one source per line: the
  /// canonical name, then its aliases, separated by tabs; docs/sources-and-agencies.md). It
  /// extends the built-in table, is stored in the index, and stays in force for later runs
  /// and for searches until another is given. Empty: keep the stored one. Articles indexed
  /// before a change keep the names they had until they are indexed again.
  std::string source_aliases;
  /// The name of the alias file, for error messages ("sources.tsv:3: ...").
  std::string source_aliases_name;
};

/// The fewest articles for which a run into an empty index is built by parallel writers.
inline constexpr std::size_t kParallelBuildMinimumArticles = 1000;

/// A problem with one input file. Indexing always goes on past it.
struct IndexWarning {
  std::string path;
  std::string reason;
  bool skipped = true;  ///< True if the file was not indexed; false if only a value was ignored.
};

/// Settings for one indexing run over files and directories.
struct IndexRunOptions {
  /// Metadata manifests given explicitly (TSV files). Manifests named `*.tsv` found while
  /// walking a directory are used too.
  std::vector<std::string> manifests;
  /// Called for each skipped file as it happens (from the calling thread), so a
  /// command-line tool can print warnings while a long run goes on. May be empty.
  std::function<void(const IndexWarning&)> on_warning;
};

/// What an indexing run did.
struct IndexReport {
  std::size_t articles_indexed = 0;   ///< Articles added or replaced.
  std::size_t files_skipped = 0;      ///< Files that could not be read as articles.
  std::size_t batches_committed = 0;  ///< Commits made (each one atomic).
  std::size_t files_ignored = 0;      ///< Files in walked directories that are not articles.
  std::size_t manifests_read = 0;
  std::size_t bytes_indexed = 0;  ///< Bytes of article text indexed.
  std::vector<IndexWarning> warnings;
};

/// Writes articles into a pressclip index. At most one Indexer may hold an index at a time
/// (the database's write lock); searchers may read it meanwhile and see each committed
/// batch atomically.
///
/// Thread-safety: an Indexer must be used by one thread at a time.
class PRESSCLIP_EXPORT Indexer {
 public:
  /// Opens the index at `options.database_path` for writing, creating it if needed.
  /// Throws Error (kIndexLocked if another writer holds it, kIndexVersion or kIndexCorrupt
  /// if it is not a compatible pressclip index, kBadArgument for an unknown stemmer
  /// language or a malformed source alias table, kIo otherwise).
  explicit Indexer(const IndexerOptions& options);
  ~Indexer();
  Indexer(Indexer&&) noexcept;
  Indexer& operator=(Indexer&&) noexcept;

  /// Indexes the articles found at `paths` (files, or directories walked recursively;
  /// hidden entries are skipped) and commits them in batches. A re-indexed file replaces
  /// its article; it never duplicates it. Unreadable or malformed files are skipped with a
  /// warning. Requires: every path exists (else throws Error kNotFound before indexing
  /// anything). Throws Error on a failure of the index itself.
  IndexReport index_paths(const std::vector<std::string>& paths,
                          const IndexRunOptions& run_options = {});

  /// The id that the article read from `path` has, or would have, in the index: the same
  /// file always maps to the same id, wherever it is named from. Throws Error kNotFound if
  /// `path` does not exist.
  static std::string article_id_for_path(const std::string& path);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressclip
