// Indexer runs over paths: indexing, rebuilding, removing, with manifests and parallel builds.
#include "indexer/indexer_impl.h"

#include <xapian.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "indexer/article_preparer.h"
#include "indexer/article_writer.h"
#include "indexer/bounded_queue.h"
#include "indexer/change_plan.h"
#include "indexer/directory_swap.h"
#include "indexer/file_walker.h"
#include "indexer/index_state.h"
#include "indexer/manifest.h"
#include "indexer/parallel_build.h"
#include "indexer/progress_reporter.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "schema/article_id.h"
#include "schema/index_settings.h"
#include "schema/text_analyzer.h"
#include "schema/xapian_errors.h"

namespace pressclip {
namespace {

// Articles prepared ahead of the writer at most: enough to keep both cores busy, few
// enough to bound memory (a prepared article holds its document, a few times its text).
constexpr std::size_t kPreparedAhead = 64;

// The number of writers to use: `requested`, or one per core for 0.
std::size_t writer_count(std::size_t requested) {
  if (requested != 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

IndexReport Indexer::Impl::index_paths(const std::vector<std::string>& paths,
                                       const IndexRunOptions& run) {
  commit();
  IndexReport report;
  indexer::WalkResult walk = indexer::walk_paths(paths);
  report.files_ignored = walk.ignored;
  // Copied: the plan needs the paths, so as not to take what is under them for gone.
  for (const IndexWarning& warning : walk.warnings) warn(report, run, warning);
  const indexer::ManifestSet manifests = load_manifests(walk, run, report);
  const indexer::MetadataInputs inputs{manifests, {source_aliases_, agency_aliases_}};
  const std::size_t writers = writer_count(options_.writers);
  // A sharded index is written by the one writer: the parallel build makes one database.
  if (writers > 1 && walk.articles.size() >= kParallelBuildMinimumArticles &&
      shards_->sharding() == DateSharding::kNone && shards_->database().get_doccount() == 0) {
    build_in_parallel(walk.articles, inputs, writers, run, report);
    return report;
  }
  try {
    const indexer::IndexState state(shards_->database());
    std::vector<std::string> roots;
    for (const std::string& path : paths) roots.push_back(schema::canonical_path(path));
    const indexer::ChangePlan plan = indexer::plan_changes(walk, roots, state, manifests);
    report.files_unchanged = plan.unchanged;
    indexer::ProgressReporter progress(run, walk.articles.size(), plan.bytes_total);
    progress.done(plan.unchanged, plan.bytes_unchanged);
    write_changes(plan, inputs, state, run, progress, report);
    progress.finish();
  } catch (...) {
    schema::rethrow_as_error("indexing into '" + options_.database_path + "' failed");
  }
  return report;
}

IndexReport Indexer::Impl::rebuild(const std::vector<std::string>& paths,
                                   const IndexRunOptions& run) {
  commit();
  for (const std::string& path : paths) {
    if (!std::filesystem::exists(path)) throw Error(ErrorKind::kNotFound, "no such file: " + path);
  }
  const std::filesystem::path target = without_trailing_separator(options_.database_path);
  // Beside the index, so that the exchange stays on one file system. One left by an
  // interrupted rebuild is stale: only the holder of the index's write lock rebuilds.
  const std::filesystem::path staging =
      target.parent_path() / ("." + target.filename().string() + ".pressclip-rebuild");
  IndexReport report;
  try {
    std::filesystem::remove_all(staging);
    IndexerOptions fresh_options = options_;
    fresh_options.database_path = staging.string();
    fresh_options.stemmer_language = language_;
    fresh_options.source_aliases = user_source_aliases_;
    fresh_options.shard_by = shards_->sharding();
    {
      Indexer fresh(fresh_options);
      report = fresh.index_paths(paths, run);
    }
    if (report.interrupted) {
      std::filesystem::remove_all(staging);
      return report;
    }
    // Still holding the lock on the old index: swap, let go of the old one, open the new.
    indexer::exchange_directories(staging, target);
    const DateSharding sharding = shards_->sharding();
    shards_.reset();
    shards_ = std::make_unique<indexer::IndexShards>(options_.database_path, sharding, language_);
    std::filesystem::remove_all(staging);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(staging, ignored);
    schema::rethrow_as_error("rebuilding '" + options_.database_path + "' failed");
  }
  return report;
}

IndexReport Indexer::Impl::remove_paths(const std::vector<std::string>& paths) {
  commit();
  IndexReport report;
  try {
    const indexer::IndexState state(shards_->database());
    std::vector<std::string> roots;
    for (const std::string& path : paths) roots.push_back(schema::canonical_path(path));
    const indexer::ChangePlan plan =
        indexer::plan_changes(indexer::WalkResult{}, roots, state, indexer::ManifestSet{});
    begin_batch();
    indexer::ArticleWriter writer(*shards_);
    for (const std::string& path : plan.gone) writer.forget_path(path, report);
    commit_batch(report);
  } catch (...) {
    if (in_batch_) cancel_batch();
    schema::rethrow_as_error("removing files from '" + options_.database_path + "' failed");
  }
  return report;
}

// Found manifests apply shallowest first, so a deeper one overrides; those named on the
// command line apply last. Each is read once.
indexer::ManifestSet Indexer::Impl::load_manifests(indexer::WalkResult& walk,
                                                   const IndexRunOptions& run,
                                                   IndexReport& report) {
  for (const std::string& path : run.manifests) {
    if (!std::filesystem::exists(path)) {
      throw Error(ErrorKind::kNotFound, "no such manifest: " + path);
    }
    walk.named_manifests.push_back(schema::canonical_path(path));
  }
  std::vector<std::string> found = indexer::manifests_above(walk.articles);
  found.insert(found.end(), walk.manifests.begin(), walk.manifests.end());
  const std::set<std::string> named(walk.named_manifests.begin(), walk.named_manifests.end());
  indexer::ManifestSet manifests;
  std::set<std::string> read;
  for (const std::string& path : found) {
    if (!named.contains(path) && read.insert(path).second) {
      read_manifest(path, false, manifests, report, run);
    }
  }
  for (const std::string& path : walk.named_manifests) {
    if (read.insert(path).second) read_manifest(path, true, manifests, report, run);
  }
  return manifests;
}

// Fills the empty index with `articles` by parallel writers, then swaps the merged index
// in for the empty one: searchers see either no articles or all of them.
void Indexer::Impl::build_in_parallel(const std::vector<std::string>& articles,
                                      const indexer::MetadataInputs& inputs, std::size_t writers,
                                      const IndexRunOptions& run, IndexReport& report) {
  const std::filesystem::path target = without_trailing_separator(options_.database_path);
  // Beside the index, so that renames stay on one file system. One left by an
  // interrupted build is stale: only the holder of the index's write lock builds.
  const std::filesystem::path staging =
      target.parent_path() / ("." + target.filename().string() + ".pressclip-build");
  try {
    std::filesystem::remove_all(staging);
    indexer::ParallelBuildSettings settings;
    settings.index_settings = {schema::kFormatVersion, language_,
                               std::string(schema::kAnalysisVersion)};
    settings.writers = writers;
    settings.batch_articles = std::max<std::size_t>(1, options_.batch_articles / writers);
    settings.batch_bytes = std::max<std::size_t>(1, options_.batch_bytes / writers);
    settings.stop = run.stop;
    const indexer::ParallelBuildOutcome outcome = indexer::build_merged_index(
        articles, inputs, settings, staging / "shards", staging / "merged",
        [&](IndexWarning warning) { warn(report, run, std::move(warning)); });
    if (outcome.interrupted) {
      // Nothing was committed: the index stays empty and the next run starts over.
      std::filesystem::remove_all(staging);
      report.interrupted = true;
      return;
    }
    // Each writer wrote every file as its own article: one text under several paths is
    // one article with several files. Merged before the swap, so no searcher and no later
    // run ever sees the duplicates.
    std::size_t merged = 0;
    {
      Xapian::WritableDatabase built((staging / "merged").string(), Xapian::DB_OPEN);
      indexer::IndexShards merging(built);
      merging.begin();
      indexer::ArticleWriter writer(merging);
      merged = writer.merge_duplicate_texts() + writer.merge_same_ids();
      merging.commit();  // With the passage total.
      built.close();
    }
    // Still holding the write lock on the empty index, swap the merged one into its place
    // in one step (a searcher opening the index finds one or the other, never nothing);
    // then let go of the empty one and open the new one.
    indexer::exchange_directories(staging / "merged", target);
    shards_ = std::make_unique<indexer::IndexShards>(options_.database_path, DateSharding::kNone,
                                                     language_);
    store_source_aliases();
    std::filesystem::remove_all(staging);
    report.files_moved += merged;
    ++report.batches_committed;
    report.articles_indexed += outcome.articles_indexed - merged;
    report.articles_added += outcome.articles_indexed - merged;
    report.bytes_indexed += outcome.bytes_indexed;
    report.batches_committed += outcome.batches_committed;
  } catch (...) {
    schema::rethrow_as_error("building '" + options_.database_path + "' in parallel failed");
  }
}

void Indexer::Impl::warn(IndexReport& report, const IndexRunOptions& run, IndexWarning warning) {
  if (warning.skipped) ++report.files_skipped;
  if (run.on_warning) run.on_warning(warning);
  report.warnings.push_back(std::move(warning));
}

void Indexer::Impl::read_manifest(const std::string& path, bool named,
                                  indexer::ManifestSet& manifests, IndexReport& report,
                                  const IndexRunOptions& run) {
  std::string problem;
  std::vector<std::string> row_problems;
  if (manifests.add(path, problem, row_problems)) {
    ++report.manifests_read;
  } else if (named) {
    warn(report, run, {path, problem, true});
  } else {
    ++report.files_ignored;
  }
  for (std::string& row_problem : row_problems) {
    warn(report, run, {path, "manifest row skipped: " + row_problem, false});
  }
}

// Reads the files of `plan` on a producer thread (ArticlePreparer touches no database)
// while this thread writes them in batches; then forgets the files that are gone.
void Indexer::Impl::write_changes(const indexer::ChangePlan& plan,
                                  const indexer::MetadataInputs& inputs,
                                  const indexer::IndexState& state, const IndexRunOptions& run,
                                  indexer::ProgressReporter& progress, IndexReport& report) {
  indexer::BoundedQueue<indexer::PreparedArticle> queue(kPreparedAhead);
  std::exception_ptr producer_error;
  std::thread producer([&] {
    try {
      indexer::ArticlePreparer preparer(language_, inputs, &state);
      auto push = [&](indexer::PreparedArticle prepared) {
        return queue.push(std::move(prepared));
      };
      for (const std::string& path : plan.to_read) {
        if (!preparer.prepare(path, push)) break;
      }
    } catch (...) {
      producer_error = std::current_exception();
    }
    queue.close();
  });
  indexer::ArticleWriter writer(*shards_);
  auto stopped = [&] { return run.stop != nullptr && run.stop->load(); };
  try {
    std::vector<std::string> read_again;
    while (std::optional<indexer::PreparedArticle> prepared = queue.pop()) {
      for (IndexWarning& warning : prepared->warnings) warn(report, run, std::move(warning));
      if (!prepared->skipped) {
        if (!in_batch_) begin_batch();
        if (!writer.apply(*prepared, report) &&
            (read_again.empty() || read_again.back() != prepared->path)) {
          read_again.push_back(prepared->path);
        }
        batch_bytes_ += prepared->text_bytes;
        ++batch_articles_;
      }
      // A file is committed whole: the records of a file of several articles all carry its
      // new stamp, or none does, so a run cut short never leaves a file half indexed that
      // the next run would take for unchanged.
      if (!prepared->ends_file) continue;
      progress.done(1, prepared->file.stamp.size);
      if (in_batch_ && batch_is_due(batch_articles_)) commit_batch(report);
      if (stopped()) break;
    }
    queue.close();
    producer.join();
    if (producer_error) std::rethrow_exception(producer_error);
    if (stopped()) {
      report.interrupted = true;
    } else {
      // A text whose article went away during this run is read in full after all.
      indexer::ArticlePreparer preparer(language_, inputs);
      if (!in_batch_) begin_batch();
      for (const std::string& path : read_again) {
        for (const indexer::PreparedArticle& prepared : preparer.prepare(path)) {
          writer.apply(prepared, report);
        }
      }
      for (const std::string& path : plan.gone) writer.forget_path(path, report);
    }
    if (in_batch_) commit_batch(report);
  } catch (...) {
    queue.close();
    if (producer.joinable()) producer.join();
    if (in_batch_) cancel_batch();
    throw;
  }
}

}  // namespace pressclip
