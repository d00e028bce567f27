// The Indexer: walks paths, reads and analyses articles, and commits them in batches.
#include "pressclip/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include "indexer/article_preparer.h"
#include "indexer/article_writer.h"
#include "indexer/bounded_queue.h"
#include "indexer/change_plan.h"
#include "indexer/directory_swap.h"
#include "indexer/file_walker.h"
#include "indexer/index_creation.h"
#include "indexer/index_state.h"
#include "indexer/manifest.h"
#include "indexer/parallel_build.h"
#include "indexer/progress_reporter.h"
#include "pressclip/error.h"
#include "schema/article_id.h"
#include "schema/field_table.h"
#include "schema/index_settings.h"
#include "schema/name_aliases.h"
#include "schema/text_analyzer.h"
#include "schema/xapian_errors.h"

namespace pressclip {
namespace {

constexpr const char* kDefaultStemmerLanguage = "english";

// Commits of a long run are at least this far apart (see batch_is_due), and hold at most
// this many batches.
constexpr std::chrono::milliseconds kLeastCommitInterval{250};
constexpr std::size_t kMostBatchesPerCommit = 8;

// Articles prepared ahead of the writer at most: enough to keep both cores busy, few
// enough to bound memory (a prepared article holds its document, a few times its text).
constexpr std::size_t kPreparedAhead = 64;

// The number of writers to use: `requested`, or one per core for 0.
std::size_t writer_count(std::size_t requested) {
  if (requested != 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

// `path` without a trailing separator, so that it has a file name and a parent.
std::filesystem::path without_trailing_separator(const std::string& path) {
  std::filesystem::path normal = std::filesystem::absolute(path).lexically_normal();
  return normal.has_filename() ? normal : normal.parent_path();
}

std::size_t read_counter(const Xapian::Database& database, std::string_view key) {
  const std::string text = database.get_metadata(std::string(key));
  return text.empty() ? 0 : std::stoull(text);
}

}  // namespace

class Indexer::Impl {
 public:
  explicit Impl(const IndexerOptions& options) : options_(options) {
    if (options.database_path.empty()) {
      throw Error(ErrorKind::kBadArgument, "no index directory given");
    }
    const std::string context = "cannot open index '" + options.database_path + "' for writing";
    // Check the language and the alias table before anything is created, so that a refused
    // run leaves nothing.
    if (!options.stemmer_language.empty()) schema::TextAnalyzer check(options.stemmer_language);
    if (!options.source_aliases.empty()) {
      schema::NameAliases check;
      check.add_from_text(options.source_aliases, alias_file_name());
    }
    try {
      indexer::ensure_index_directory(without_trailing_separator(options.database_path));
      database_ = Xapian::WritableDatabase(options.database_path, Xapian::DB_CREATE_OR_OPEN);
      indexer::remove_stale_staging(without_trailing_separator(options.database_path));
      std::string language;
      if (schema::is_blank(database_)) {
        language =
            options.stemmer_language.empty() ? kDefaultStemmerLanguage : options.stemmer_language;
        schema::write_settings(
            database_, {schema::kFormatVersion, language, std::string(schema::kAnalysisVersion)});
        database_.commit();
      } else {
        language =
            schema::read_compatible_settings(database_, options.database_path).stemmer_language;
        if (!options.stemmer_language.empty() && options.stemmer_language != language) {
          throw Error(ErrorKind::kBadArgument, "index '" + options.database_path + "' uses the " +
                                                   language + " stemmer, not " +
                                                   options.stemmer_language +
                                                   "; index into a new directory to change it");
        }
      }
      language_ = language;
      load_source_aliases();
    } catch (...) {
      schema::rethrow_as_error(context);
    }
  }

  IndexReport index_paths(const std::vector<std::string>& paths, const IndexRunOptions& run) {
    commit();
    IndexReport report;
    indexer::WalkResult walk = indexer::walk_paths(paths);
    report.files_ignored = walk.ignored;
    const indexer::ManifestSet manifests = load_manifests(walk, run, report);
    const indexer::MetadataInputs inputs{manifests, {source_aliases_, agency_aliases_}};
    const std::size_t writers = writer_count(options_.writers);
    if (writers > 1 && walk.articles.size() >= kParallelBuildMinimumArticles &&
        database_.get_doccount() == 0) {
      build_in_parallel(walk.articles, inputs, writers, run, report);
      return report;
    }
    try {
      const indexer::IndexState state(database_);
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

  IndexReport rebuild(const std::vector<std::string>& paths, const IndexRunOptions& run) {
    commit();
    for (const std::string& path : paths) {
      if (!std::filesystem::exists(path))
        throw Error(ErrorKind::kNotFound, "no such file: " + path);
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
      database_.close();
      database_ = Xapian::WritableDatabase(target.string(), Xapian::DB_OPEN);
      std::filesystem::remove_all(staging);
    } catch (...) {
      std::error_code ignored;
      std::filesystem::remove_all(staging, ignored);
      schema::rethrow_as_error("rebuilding '" + options_.database_path + "' failed");
    }
    return report;
  }

  IndexReport remove_paths(const std::vector<std::string>& paths) {
    commit();
    IndexReport report;
    try {
      const indexer::IndexState state(database_);
      std::vector<std::string> roots;
      for (const std::string& path : paths) roots.push_back(schema::canonical_path(path));
      const indexer::ChangePlan plan =
          indexer::plan_changes(indexer::WalkResult{}, roots, state, indexer::ManifestSet{});
      begin_batch();
      indexer::ArticleWriter writer(database_, read_counter(database_, schema::kPassageTotalKey));
      for (const std::string& path : plan.gone) writer.forget_path(path, report);
      commit_batch(writer, report);
    } catch (...) {
      if (in_batch_) cancel_batch();
      schema::rethrow_as_error("removing files from '" + options_.database_path + "' failed");
    }
    return report;
  }

  std::string add_article(const std::string& text, const std::string& id) {
    check_id(id);
    const indexer::ManifestSet no_manifests;
    const indexer::MetadataInputs inputs{no_manifests, {source_aliases_, agency_aliases_}};
    indexer::ArticlePreparer preparer(language_, inputs);
    const indexer::PreparedArticle prepared = preparer.prepare_text(text, id);
    write_pending(prepared);
    return prepared.article_id;
  }

  std::string add_article(const ArticleFields& fields) {
    check_id(fields.id);
    const indexer::ManifestSet no_manifests;
    const indexer::MetadataInputs inputs{no_manifests, {source_aliases_, agency_aliases_}};
    indexer::ArticlePreparer preparer(language_, inputs);
    const indexer::PreparedArticle prepared = preparer.prepare_fields(fields);
    write_pending(prepared);
    return prepared.article_id;
  }

  bool remove_article(const std::string& id_or_path) {
    IndexReport ignored;
    try {
      indexer::ArticleWriter& writer = pending_writer();
      bool removed = writer.remove_article(
          std::string(schema::prefix_of(schema::FieldId::kId)).append(id_or_path), ignored);
      if (!removed && std::filesystem::path(id_or_path).has_filename()) {
        const std::string path = schema::canonical_path(id_or_path);
        const indexer::IndexState state(database_);
        if (const indexer::RecordedArticle* article = state.article_of_path(path)) {
          removed = writer.remove_article(std::string(schema::prefix_of(schema::FieldId::kId))
                                              .append(article->state.article_id),
                                          ignored);
        }
      }
      return removed;
    } catch (...) {
      discard_pending();
      schema::rethrow_as_error("removing an article from '" + options_.database_path + "' failed");
    }
  }

  void commit() {
    if (!pending_) return;
    try {
      IndexReport ignored;
      commit_batch(*pending_, ignored);
      pending_.reset();
    } catch (...) {
      discard_pending();
      schema::rethrow_as_error("committing to '" + options_.database_path + "' failed");
    }
  }

  bool has_pending_changes() const noexcept { return pending_.has_value(); }

  ~Impl() {
    try {
      commit();
    } catch (...) {
      // A destructor cannot report it; Indexer::commit() documents that it must be called to
      // know. The index stays at its last commit.
    }
  }

 private:
  static void check_id(const std::string& id) {
    if (!id.empty() && !is_valid_id(id)) {
      throw Error(ErrorKind::kBadArgument,
                  "id '" + id + "' must be 1-64 letters, digits, '-', '_' or '.'");
    }
  }

  // The writer of the changes pending since the last commit, started on first use.
  indexer::ArticleWriter& pending_writer() {
    if (!pending_) {
      begin_batch();
      pending_.emplace(database_, read_counter(database_, schema::kPassageTotalKey));
    }
    return *pending_;
  }

  // Writes one article given by the program; commits once the pending changes fill a batch.
  void write_pending(const indexer::PreparedArticle& prepared) {
    try {
      IndexReport ignored;
      pending_writer().apply(prepared, ignored);
      batch_bytes_ += prepared.text_bytes;
      if (++batch_articles_ >= std::max<std::size_t>(options_.batch_articles, 1) ||
          batch_bytes_ >= options_.batch_bytes) {
        commit();
      }
    } catch (...) {
      discard_pending();
      schema::rethrow_as_error("adding an article to '" + options_.database_path + "' failed");
    }
  }

  void discard_pending() {
    if (in_batch_) cancel_batch();
    pending_.reset();
  }

  // The source table: built-in names, then the user's alias file given now or, failing
  // that, the one stored by an earlier run; it is stored so that searches use it too.
  void load_source_aliases() {
    source_aliases_ = schema::builtin_source_aliases();
    agency_aliases_ = schema::builtin_agency_aliases();
    user_source_aliases_ = options_.source_aliases;
    if (user_source_aliases_.empty()) {
      user_source_aliases_ = database_.get_metadata(std::string(schema::kSourceAliasesKey));
      source_aliases_.add_from_text(user_source_aliases_, "the index's stored source aliases");
      return;
    }
    source_aliases_.add_from_text(user_source_aliases_, alias_file_name());
    store_source_aliases();
  }

  std::string alias_file_name() const {
    return options_.source_aliases_name.empty() ? "source aliases" : options_.source_aliases_name;
  }

  void store_source_aliases() {
    if (user_source_aliases_ == database_.get_metadata(std::string(schema::kSourceAliasesKey))) {
      return;
    }
    database_.set_metadata(std::string(schema::kSourceAliasesKey), user_source_aliases_);
    database_.commit();
  }

  // Reads the manifests that apply to this run's articles. Found ones apply shallowest first,
  // so a deeper one overrides; those named on the command line apply last. Each is read once.
  indexer::ManifestSet load_manifests(indexer::WalkResult& walk, const IndexRunOptions& run,
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
  void build_in_parallel(const std::vector<std::string>& articles,
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
        built.begin_transaction(true);
        indexer::ArticleWriter writer(built, read_counter(built, schema::kPassageTotalKey));
        merged = writer.merge_duplicate_texts();
        built.set_metadata(std::string(schema::kPassageTotalKey),
                           std::to_string(writer.passage_total()));
        built.commit_transaction();
        built.close();
      }
      // Still holding the write lock on the empty index, swap the merged one into its place
      // in one step (a searcher opening the index finds one or the other, never nothing);
      // then let go of the empty one and open the new one.
      indexer::exchange_directories(staging / "merged", target);
      database_ = Xapian::WritableDatabase(target.string(), Xapian::DB_OPEN);
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

  void warn(IndexReport& report, const IndexRunOptions& run, IndexWarning warning) {
    if (warning.skipped) ++report.files_skipped;
    if (run.on_warning) run.on_warning(warning);
    report.warnings.push_back(std::move(warning));
  }

  void read_manifest(const std::string& path, bool named, indexer::ManifestSet& manifests,
                     IndexReport& report, const IndexRunOptions& run) {
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
  void write_changes(const indexer::ChangePlan& plan, const indexer::MetadataInputs& inputs,
                     const indexer::IndexState& state, const IndexRunOptions& run,
                     indexer::ProgressReporter& progress, IndexReport& report) {
    indexer::BoundedQueue<indexer::PreparedArticle> queue(kPreparedAhead);
    std::exception_ptr producer_error;
    std::thread producer([&] {
      try {
        indexer::ArticlePreparer preparer(language_, inputs, &state);
        for (const std::string& path : plan.to_read) {
          if (!queue.push(preparer.prepare(path))) break;
        }
      } catch (...) {
        producer_error = std::current_exception();
      }
      queue.close();
    });
    indexer::ArticleWriter writer(database_, read_counter(database_, schema::kPassageTotalKey));
    auto stopped = [&] { return run.stop != nullptr && run.stop->load(); };
    try {
      std::vector<std::string> read_again;
      while (std::optional<indexer::PreparedArticle> prepared = queue.pop()) {
        for (IndexWarning& warning : prepared->warnings) warn(report, run, std::move(warning));
        progress.done(1, prepared->file.stamp.size);
        if (prepared->skipped) continue;
        if (!in_batch_) begin_batch();
        if (!writer.apply(*prepared, report)) read_again.push_back(prepared->path);
        batch_bytes_ += prepared->text_bytes;
        if (batch_is_due(++batch_articles_)) commit_batch(writer, report);
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
        for (const std::string& path : read_again) writer.apply(preparer.prepare(path), report);
        for (const std::string& path : plan.gone) writer.forget_path(path, report);
      }
      if (in_batch_) commit_batch(writer, report);
    } catch (...) {
      queue.close();
      if (producer.joinable()) producer.join();
      if (in_batch_) cancel_batch();
      throw;
    }
  }

  static bool is_valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
      const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
      if (!allowed) return false;
    }
    return true;
  }

  void begin_batch() {
    // A transaction keeps Xapian from flushing part of a batch on its own: each batch, and
    // the passage counter with it, is committed whole or not at all.
    database_.begin_transaction(true);
    in_batch_ = true;
    batch_articles_ = 0;
    batch_bytes_ = 0;
  }

  // A batch is committed when it is full (articles or bytes), but not sooner than
  // kLeastCommitInterval after the last commit unless it has grown to kMostBatchesPerCommit
  // batches: Xapian keeps a reader's revision only until the writer's second commit after
  // it, so very frequent commits would make long searches retry without end. Commits hold
  // whole batches.
  bool batch_is_due(std::size_t articles) const {
    const std::size_t full = std::max<std::size_t>(options_.batch_articles, 1);
    const bool at_boundary = articles % full == 0 || batch_bytes_ >= options_.batch_bytes;
    if (!at_boundary) return false;
    const bool recent = std::chrono::steady_clock::now() - last_commit_ < kLeastCommitInterval;
    return !recent || articles >= kMostBatchesPerCommit * full ||
           batch_bytes_ >= kMostBatchesPerCommit * options_.batch_bytes;
  }

  void commit_batch(const indexer::ArticleWriter& writer, IndexReport& report) {
    database_.set_metadata(std::string(schema::kPassageTotalKey),
                           std::to_string(writer.passage_total()));
    database_.commit_transaction();
    in_batch_ = false;
    last_commit_ = std::chrono::steady_clock::now();
    ++report.batches_committed;
  }

  void cancel_batch() {
    in_batch_ = false;
    try {
      database_.cancel_transaction();
    } catch (const Xapian::Error&) {
      // The original failure is what matters; a failed cancel leaves the last commit intact.
    }
  }

  IndexerOptions options_;
  Xapian::WritableDatabase database_;
  schema::NameAliases source_aliases_;
  schema::NameAliases agency_aliases_;
  std::string user_source_aliases_;
  std::string language_;
  bool in_batch_ = false;
  std::chrono::steady_clock::time_point last_commit_{};
  std::size_t batch_articles_ = 0;
  std::size_t batch_bytes_ = 0;
  std::optional<indexer::ArticleWriter> pending_;
};

Indexer::Indexer(const IndexerOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

IndexReport Indexer::index_paths(const std::vector<std::string>& paths,
                                 const IndexRunOptions& run_options) {
  return impl_->index_paths(paths, run_options);
}

IndexReport Indexer::rebuild(const std::vector<std::string>& paths,
                             const IndexRunOptions& run_options) {
  return impl_->rebuild(paths, run_options);
}

IndexReport Indexer::remove_paths(const std::vector<std::string>& paths) {
  return impl_->remove_paths(paths);
}

std::string Indexer::add_article(const std::string& text, const std::string& id) {
  return impl_->add_article(text, id);
}

std::string Indexer::add_article(const ArticleFields& fields) { return impl_->add_article(fields); }

void Indexer::commit() { impl_->commit(); }

bool Indexer::has_pending_changes() const noexcept { return impl_->has_pending_changes(); }

bool Indexer::remove_article(const std::string& id_or_path) {
  return impl_->remove_article(id_or_path);
}

std::string Indexer::article_id_for_path(const std::string& path) {
  if (!std::filesystem::exists(path)) throw Error(ErrorKind::kNotFound, "no such file: " + path);
  return schema::article_id_from_canonical_path(schema::canonical_path(path));
}

}  // namespace pressclip
