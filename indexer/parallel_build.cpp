// Building a new index with several writers at once, merged into one compact database.
#include "indexer/parallel_build.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <exception>
#include <filesystem>
#include <optional>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include "indexer/article_preparer.h"
#include "indexer/bounded_queue.h"

namespace pressclip::indexer {
namespace {

// Warnings waiting for the calling thread at most, before writers wait for it.
constexpr std::size_t kWarningsAhead = 256;

// What the writer threads share: the articles, whose turn is next, and the way out.
struct SharedWork {
  const std::vector<std::string>& articles;
  const MetadataInputs& inputs;
  const ParallelBuildSettings& settings;
  std::atomic<std::size_t> next_article{0};
  std::atomic<bool> stop{false};
  BoundedQueue<IndexWarning> warnings{kWarningsAhead};
};

// One writer thread: takes articles in turn, prepares them and adds them to its shard.
// A shard is scratch space until the merge, so its commits skip fsync.
void write_shard(const std::string& path, SharedWork& work, ParallelBuildOutcome& tally) {
  ArticlePreparer preparer(work.settings.index_settings.stemmer_language, work.inputs);
  Xapian::WritableDatabase shard(path,
                                 Xapian::DB_CREATE | Xapian::DB_NO_SYNC | Xapian::DB_BACKEND_GLASS);
  schema::write_settings(shard, work.settings.index_settings);
  std::size_t batch_articles = 0;
  std::size_t batch_bytes = 0;
  while (!work.stop && !(work.settings.stop && work.settings.stop->load())) {
    const std::size_t index = work.next_article++;
    if (index >= work.articles.size()) break;
    bool gave_up = false;
    preparer.prepare(work.articles[index], [&](PreparedArticle prepared) {
      for (IndexWarning& warning : prepared.warnings) {
        if (!work.warnings.push(std::move(warning))) {
          gave_up = true;  // The caller gave up.
          return false;
        }
      }
      if (prepared.skipped || prepared.kind != PreparedKind::kFull) return true;
      // The walk gives each file once and ids are unique within a shard: nothing to replace
      // (ids stated by records in two shards are settled after the merge).
      shard.add_document(prepared.document);
      ++tally.articles_indexed;
      tally.bytes_indexed += prepared.text_bytes;
      tally.passages += prepared.passages;
      ++batch_articles;
      batch_bytes += prepared.text_bytes;
      return true;
    });
    if (gave_up) return;
    // Committed at file ends only, as incremental runs do (a shard is scratch space until
    // the merge anyway).
    if (batch_articles >= work.settings.batch_articles ||
        batch_bytes >= work.settings.batch_bytes) {
      shard.commit();
      ++tally.batches_committed;
      batch_articles = batch_bytes = 0;
    }
  }
  shard.set_metadata(std::string(schema::kPassageTotalKey), std::to_string(tally.passages));
  shard.commit();
  ++tally.batches_committed;
}

// Runs the writers, handing their warnings to `on_warning` on this thread as they come.
std::vector<ParallelBuildOutcome> write_shards(
    const std::vector<std::string>& shard_paths, SharedWork& work,
    const std::function<void(IndexWarning)>& on_warning) {
  std::vector<ParallelBuildOutcome> tallies(shard_paths.size());
  std::vector<std::exception_ptr> errors(shard_paths.size());
  std::atomic<std::size_t> running{shard_paths.size()};
  std::vector<std::thread> writers;
  for (std::size_t i = 0; i < shard_paths.size(); ++i) {
    writers.emplace_back([&, i] {
      try {
        write_shard(shard_paths[i], work, tallies[i]);
      } catch (...) {
        errors[i] = std::current_exception();
        work.stop = true;
      }
      if (--running == 0) work.warnings.close();
    });
  }
  std::exception_ptr caller_error;
  try {
    while (std::optional<IndexWarning> warning = work.warnings.pop()) {
      if (on_warning) on_warning(std::move(*warning));
    }
  } catch (...) {
    caller_error = std::current_exception();
    work.stop = true;
    work.warnings.close();
  }
  for (std::thread& writer : writers) writer.join();
  if (caller_error) std::rethrow_exception(caller_error);
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  return tallies;
}

// Flushes the files of `directory` and the directory itself to disk, so that renaming it
// into place publishes data that survives a power cut. Throws std::filesystem_error.
void sync_directory(const std::filesystem::path& directory) {
  auto sync = [](const std::filesystem::path& path) {
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = descriptor >= 0 && ::fsync(descriptor) == 0;
    if (descriptor >= 0) ::close(descriptor);
    if (!synced) {
      throw std::filesystem::filesystem_error("cannot flush to disk", path,
                                              std::error_code(errno, std::generic_category()));
    }
  };
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.is_regular_file()) sync(entry.path());
  }
  sync(directory);
}

}  // namespace

ParallelBuildOutcome build_merged_index(const std::vector<std::string>& articles,
                                        const MetadataInputs& inputs,
                                        const ParallelBuildSettings& settings,
                                        const std::string& staging_directory,
                                        const std::string& output_directory,
                                        const std::function<void(IndexWarning)>& on_warning) {
  std::filesystem::create_directories(staging_directory);
  std::vector<std::string> shard_paths;
  for (std::size_t i = 0; i < std::max<std::size_t>(settings.writers, 1); ++i) {
    shard_paths.push_back(staging_directory + "/shard-" + std::to_string(i));
  }
  SharedWork work{articles, inputs, settings};
  const std::vector<ParallelBuildOutcome> tallies = write_shards(shard_paths, work, on_warning);
  if (settings.stop && settings.stop->load()) {
    ParallelBuildOutcome stopped;
    stopped.interrupted = true;
    return stopped;
  }

  Xapian::Database shards;
  for (const std::string& path : shard_paths) shards.add_database(Xapian::Database(path));
  shards.compact(output_directory, Xapian::Compactor::FULL);

  ParallelBuildOutcome outcome;
  for (const ParallelBuildOutcome& tally : tallies) {
    outcome.articles_indexed += tally.articles_indexed;
    outcome.bytes_indexed += tally.bytes_indexed;
    outcome.batches_committed += tally.batches_committed;
    outcome.passages += tally.passages;
  }
  // The compactor keeps the first shard's value of each metadata key; the passage counter
  // is the sum over the shards.
  Xapian::WritableDatabase merged(output_directory, Xapian::DB_OPEN);
  merged.set_metadata(std::string(schema::kPassageTotalKey), std::to_string(outcome.passages));
  merged.commit();
  merged.close();
  ++outcome.batches_committed;
  sync_directory(output_directory);
  return outcome;
}

}  // namespace pressclip::indexer
