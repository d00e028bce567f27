// The Indexer's implementation class, shared by the indexer_*.cpp files that define it.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/article_preparer.h"
#include "indexer/article_writer.h"
#include "indexer/change_plan.h"
#include "indexer/file_walker.h"
#include "indexer/index_shards.h"
#include "indexer/index_state.h"
#include "indexer/manifest.h"
#include "indexer/progress_reporter.h"
#include "pressclip/indexer.h"
#include "schema/name_aliases.h"

namespace pressclip {

/// Holds the open index and the state between calls: the pending writer of articles given
/// by the program, and the batch (one Xapian transaction) being written.
///
/// Thread-safety: none; the Indexer is used from one thread at a time.
class Indexer::Impl {
 public:
  // Construction (indexer.cpp).
  explicit Impl(const IndexerOptions& options);
  ~Impl();

  // Runs over paths (indexer_paths.cpp).
  IndexReport index_paths(const std::vector<std::string>& paths, const IndexRunOptions& run);
  IndexReport rebuild(const std::vector<std::string>& paths, const IndexRunOptions& run);
  IndexReport remove_paths(const std::vector<std::string>& paths);

  // Articles given by the program (indexer_articles.cpp).
  std::string add_article(const std::string& text, const std::string& id);
  std::string add_article(const ArticleFields& fields);
  bool remove_article(const std::string& id_or_path);
  void commit();
  bool has_pending_changes() const noexcept { return pending_.has_value(); }

 private:
  // `path` without a trailing separator, so that it has a file name and a parent.
  static std::filesystem::path without_trailing_separator(const std::string& path);

  // Construction (indexer.cpp).
  // Marks the files a killed run left half committed across shards to be read again.
  void finish_unfinished_files();

  // Source aliases (indexer.cpp).
  void load_source_aliases();
  std::string alias_file_name() const;
  // Stores the user's alias text in the index's metadata, if it changed.
  void store_source_aliases();

  // Runs over paths (indexer_paths.cpp).
  // Reads the manifests that apply to this run's articles, each once.
  indexer::ManifestSet load_manifests(indexer::WalkResult& walk, const IndexRunOptions& run,
                                      IndexReport& report);
  // Fills the empty index with `articles` by parallel writers, swapped in at once.
  void build_in_parallel(const std::vector<std::string>& articles,
                         const indexer::MetadataInputs& inputs, std::size_t writers,
                         const IndexRunOptions& run, IndexReport& report);
  // Counts `warning` in `report` and passes it to the run's callback.
  void warn(IndexReport& report, const IndexRunOptions& run, IndexWarning warning);
  void read_manifest(const std::string& path, bool named, indexer::ManifestSet& manifests,
                     IndexReport& report, const IndexRunOptions& run);
  // Reads and writes the files of `plan` in batches, then forgets the files that are gone.
  void write_changes(const indexer::ChangePlan& plan, const indexer::MetadataInputs& inputs,
                     const indexer::IndexState& state, const IndexRunOptions& run,
                     indexer::ProgressReporter& progress, IndexReport& report);

  // Articles given by the program (indexer_articles.cpp).
  static void check_id(const std::string& id);
  // The writer of the changes pending since the last commit, started on first use.
  indexer::ArticleWriter& pending_writer();
  // Writes one article given by the program; commits once the pending changes fill a batch.
  void write_pending(const indexer::PreparedArticle& prepared);
  // Cancels the open batch, if any, and drops the pending writer.
  void discard_pending();

  // Batches and commit pacing (indexer_batches.cpp).
  // Starts a batch: one transaction (in each shard), committed whole or not at all.
  void begin_batch();
  // Whether a batch of `articles` articles is to be committed now.
  bool batch_is_due(std::size_t articles) const;
  // Commits the batch, with the passage counters, and counts it in `report`.
  void commit_batch(IndexReport& report);
  // Cancels the batch, leaving the index at its last commit.
  void cancel_batch();

  IndexerOptions options_;
  std::unique_ptr<indexer::IndexShards> shards_;  // The index: one database or date shards.
  schema::NameAliases source_aliases_;
  schema::NameAliases agency_aliases_;
  std::string user_source_aliases_;  // The user's alias text, given now or stored before.
  std::string language_;             // The index's stemmer language.
  bool in_batch_ = false;            // A batch transaction is open.
  std::chrono::steady_clock::time_point last_commit_{};
  std::size_t batch_articles_ = 0;                 // Articles written in the open batch.
  std::size_t batch_bytes_ = 0;                    // Bytes of text written in the open batch.
  std::optional<indexer::ArticleWriter> pending_;  // Articles given since the last commit.
};

}  // namespace pressclip
