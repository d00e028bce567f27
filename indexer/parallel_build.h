// Building a new index with several writers at once, merged into one compact database.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "indexer/article_preparer.h"
#include "pressclip/indexer.h"
#include "schema/index_settings.h"

namespace pressclip::indexer {

/// How a parallel build runs.
struct ParallelBuildSettings {
  schema::IndexSettings index_settings;  ///< Recorded in the merged index.
  std::size_t writers = 2;               ///< Writer threads, one shard each (>= 1).
  std::size_t batch_articles = 500;      ///< Articles per shard commit (bounds memory).
  std::size_t batch_bytes = 32u << 20;   ///< Bytes of text per shard commit.
  /// If not null and set (a signal), writers stop after their current article and nothing
  /// is merged.
  const std::atomic<bool>* stop = nullptr;
};

/// What a parallel build did.
struct ParallelBuildOutcome {
  std::size_t articles_indexed = 0;
  std::size_t bytes_indexed = 0;
  std::size_t batches_committed = 0;  ///< Shard commits, plus one for the merge.
  std::size_t passages = 0;
  bool interrupted = false;  ///< Stopped through ParallelBuildSettings::stop: nothing merged.
};

/// Builds an index of `articles` (distinct canonical paths) into `output_directory`, which
/// must not exist yet. Each writer thread takes the next unprepared article, prepares it
/// (ArticlePreparer) and adds it to its own shard under `staging_directory`; once all are
/// written the shards are merged by Xapian's compactor (docids renumbered, B-trees full)
/// into `output_directory`, with the passage counters summed. Nothing is visible at
/// `output_directory` until the merge has finished, so an interrupted build leaves only
/// `staging_directory` behind, which the caller removes. `on_warning` is called on the
/// calling thread, for each file as it is prepared. Throws Xapian::Error or std::exception
/// on a failure of the shards or the merge, after stopping every writer.
ParallelBuildOutcome build_merged_index(const std::vector<std::string>& articles,
                                        const MetadataInputs& inputs,
                                        const ParallelBuildSettings& settings,
                                        const std::string& staging_directory,
                                        const std::string& output_directory,
                                        const std::function<void(IndexWarning)>& on_warning);

}  // namespace pressclip::indexer
