// Building and updating an index from article files on disk.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pressclip/article.h"
#include "pressclip/export.h"

namespace pressclip {

/// How an index splits its articles into date shards (`pressclip index --shard-by`).
enum class DateSharding {
  kNone,   ///< One database; for an existing index, whatever it was built with.
  kYear,   ///< One shard per year of the articles' dates: DIR/YYYY.
  kMonth,  ///< One shard per month: DIR/YYYY-MM (an article dated only to a year: DIR/YYYY).
};

/// Settings for opening an index for writing. Defaults suit a personal archive.
struct IndexerOptions {
  /// Directory of the Xapian database; created (with its parents) if missing.
  std::string database_path;
  /// Snowball stemmer for a new index ("english", "french", ...); empty means english.
  /// An existing index keeps the language it was built with; naming another is an error.
  std::string stemmer_language;
  /// Date shards for a new index: the directory becomes a Xapian stub directory listing one
  /// complete pressclip index per period, plus `undated` (docs/index-format.md), so that a
  /// search of a date range can open only the shards it touches; each article lives in the
  /// shard of its date and moves when its date changes. A shard's commit is atomic, a batch
  /// over several shards is not: a killed run may leave a moved article missing (never
  /// twice) until the next run. kNone keeps what an existing index has (sharded or not) and
  /// makes a new one unsharded; naming another mode than an existing index's, or sharding an
  /// unsharded one, is an error. A sharded index is always written by one writer (`writers`
  /// is ignored).
  DateSharding shard_by = DateSharding::kNone;
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

/// True if a file found inside a walked directory is an article by its name: it ends in an
/// extension that a reader reads (any case) and does not start with '.'. These are .txt,
/// .text, .md and .markdown (plain text) and .html and .htm (HTML; read as plain text if the
/// content does not start like HTML). A file named directly is read whatever its name, as
/// plain text unless its name and content are those of another format
/// (docs/index-format.md). Thread-safe.
PRESSCLIP_EXPORT bool is_article_file_name(const std::string& path);

/// A problem with one input file. Indexing always goes on past it.
struct IndexWarning {
  std::string path;
  std::string reason;
  bool skipped = true;  ///< True if the file was not indexed; false if only a value was ignored.
};

/// How far an indexing run has got, for progress displays.
struct IndexProgress {
  std::size_t files_done = 0;     ///< Files decided (unchanged, indexed, skipped) so far.
  std::size_t files_total = 0;    ///< Article files found under the run's paths.
  std::uint64_t bytes_done = 0;   ///< Bytes of the files decided so far.
  std::uint64_t bytes_total = 0;  ///< Bytes of all article files found.
};

/// Settings for one indexing run over files and directories.
struct IndexRunOptions {
  /// Metadata manifests given explicitly (TSV files). Manifests named `*.tsv` found while
  /// walking a directory are used too.
  std::vector<std::string> manifests;
  /// Called for each skipped file as it happens (from the calling thread), so a
  /// command-line tool can print warnings while a long run goes on. May be empty.
  std::function<void(const IndexWarning&)> on_warning;
  /// Called from the calling thread as files are decided, at most every 100 ms and once at
  /// the end. May be empty.
  std::function<void(const IndexProgress&)> on_progress;
  /// If not null, read while the run goes on: once it is true, the run commits what it has
  /// done, stops and returns with IndexReport::interrupted set. A signal handler may set it.
  const std::atomic<bool>* stop = nullptr;
};

/// What an indexing run did.
struct IndexReport {
  std::size_t articles_indexed = 0;   ///< Articles added or replaced (added + updated).
  std::size_t articles_added = 0;     ///< New articles.
  std::size_t articles_updated = 0;   ///< Articles whose file's text changed.
  std::size_t files_moved = 0;        ///< Known texts found under a new path (not re-read).
  std::size_t articles_removed = 0;   ///< Articles whose every file is gone.
  std::size_t files_unchanged = 0;    ///< Files whose size and time (or text) had not changed.
  bool interrupted = false;           ///< The run was stopped early (IndexRunOptions::stop).
  std::size_t files_skipped = 0;      ///< Files that could not be read as articles.
  std::size_t batches_committed = 0;  ///< Commits made (each one atomic).
  std::size_t files_ignored = 0;      ///< Files in walked directories that are not articles.
  std::size_t manifests_read = 0;
  std::size_t bytes_indexed = 0;  ///< Bytes of article text indexed.
  std::vector<IndexWarning> warnings;
};

/// Writes articles into a pressclip index. At most one Indexer may hold an index at a time
/// (the database's write lock, held from construction to destruction); searchers may read
/// it meanwhile, in this process or others, and see each committed batch atomically.
///
/// Thread-safety: an Indexer must be used by one thread at a time (it may be moved between
/// threads). Searchers in other threads may read the same index meanwhile.
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

  /// Brings the index up to date with the articles found at `paths` (files, or
  /// directories walked recursively; hidden entries are skipped), committing in batches.
  /// Only new and changed files are read: a file whose size and modification time are
  /// those recorded is unchanged; one whose text hashes as recorded is only re-stamped. A
  /// text already indexed under another path is not analysed again: the article gets the
  /// new path too (a duplicate, or a move once the old path is gone). Articles whose files
  /// are gone from under `paths` lose those files, and are removed with their last one;
  /// articles of other roots are never touched. Unreadable or malformed files are skipped
  /// with a warning (an article indexed from an earlier version is kept). Requires: every
  /// path exists (else throws Error kNotFound before indexing anything). Throws Error on a
  /// failure of the index itself.
  IndexReport index_paths(const std::vector<std::string>& paths,
                          const IndexRunOptions& run_options = {});

  /// Builds a new index of the articles at `paths` from scratch in a directory beside this
  /// one, with this index's stemmer and source aliases, then exchanges the two directories
  /// in one atomic step (Linux renameat2) and deletes the old index: searchers see the old
  /// index, whole, until the new one is complete. Articles not under `paths` are not carried
  /// over. If the run is stopped (IndexRunOptions::stop) or fails, the new index is deleted
  /// and this one is left as it was. Throws as index_paths.
  IndexReport rebuild(const std::vector<std::string>& paths,
                      const IndexRunOptions& run_options = {});

  /// Forgets the files at or under `paths` (which need not exist any more), as
  /// index_paths does for files gone from its roots, and commits. Returns how many
  /// articles were removed (IndexReport::articles_removed).
  IndexReport remove_paths(const std::vector<std::string>& paths);

  /// Indexes one article from `text` (a plain-text file's content: optional front matter,
  /// then the text, in UTF-8 or another encoding that can be told, as for files) with no
  /// file behind it. `id` is its id, or empty for one derived from the text; an article with
  /// that id is replaced. The change is pending until commit() (see there). Returns the id.
  /// Throws Error kBadArgument if `text` is not an article (binary, encoding unknown, no
  /// sentences) or `id` is not 1-128 printable ASCII characters other than space, '"',
  /// '(', ')' and '\\'.
  std::string add_article(const std::string& text, const std::string& id = "");

  /// Indexes one article given as fields (ArticleFields), replacing the article with the
  /// same id if there is one. Pending until commit(). Returns the id. Throws Error
  /// kBadArgument if the text has no sentences, a value is not valid UTF-8, or the id is
  /// malformed. A date that cannot be read is not an error: it is ignored, as in a file.
  std::string add_article(const ArticleFields& fields);

  /// Removes the article with id `id_or_path`, or else the one indexed from that file
  /// path. Pending until commit(). Returns false if there is none.
  bool remove_article(const std::string& id_or_path);

  /// Makes the changes of add_article and remove_article since the last commit durable and
  /// visible to searchers (after Searcher::reopen), all at once. Pending changes are also
  /// committed when they reach a batch (IndexerOptions::batch_articles or batch_bytes),
  /// before index_paths, rebuild and remove_paths run, and by the destructor (which cannot
  /// report a failure: call commit() to know). Does nothing if nothing is pending. Throws
  /// Error kIo if the commit fails; the pending changes are then lost and the index stays
  /// at its last commit.
  void commit();

  /// True if add_article or remove_article made changes not yet committed.
  bool has_pending_changes() const noexcept;

  /// The id that the article read from `path` has, or would have, in the index: the same
  /// file always maps to the same id, wherever it is named from. Throws Error kNotFound if
  /// `path` does not exist.
  static std::string article_id_for_path(const std::string& path);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressclip
