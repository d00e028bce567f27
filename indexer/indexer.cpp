// The Indexer: walks paths, reads and analyses articles, and commits them in batches.
#include "pressclip/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include "indexer/article_preparer.h"
#include "indexer/bounded_queue.h"
#include "indexer/file_walker.h"
#include "indexer/manifest.h"
#include "indexer/parallel_build.h"
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
      std::filesystem::create_directories(options.database_path);
      database_ = Xapian::WritableDatabase(options.database_path, Xapian::DB_CREATE_OR_OPEN);
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

    // Two stages on two cores: a producer thread reads, analyses and builds documents
    // (ArticlePreparer touches no database) while this thread writes them and commits.
    indexer::BoundedQueue<indexer::PreparedArticle> queue(kPreparedAhead);
    std::exception_ptr producer_error;
    std::thread producer([&] {
      try {
        indexer::ArticlePreparer preparer(language_, inputs);
        for (const std::string& path : walk.articles) {
          if (!queue.push(preparer.prepare(path))) break;
        }
      } catch (...) {
        producer_error = std::current_exception();
      }
      queue.close();
    });
    try {
      passage_total_ = read_counter(database_, schema::kPassageTotalKey);
      while (std::optional<indexer::PreparedArticle> prepared = queue.pop()) {
        for (IndexWarning& warning : prepared->warnings) warn(report, run, std::move(warning));
        if (prepared->skipped) continue;
        if (!in_batch_) begin_batch();
        write(*prepared, report);
        if (batch_articles_ >= options_.batch_articles || batch_bytes_ >= options_.batch_bytes) {
          commit_batch(report);
        }
      }
      producer.join();
      if (producer_error) std::rethrow_exception(producer_error);
      if (in_batch_) commit_batch(report);
    } catch (...) {
      queue.close();
      if (producer.joinable()) producer.join();
      if (in_batch_) cancel_batch();
      schema::rethrow_as_error("indexing into '" + options_.database_path + "' failed");
    }
    return report;
  }

 private:
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
      const indexer::ParallelBuildOutcome outcome = indexer::build_merged_index(
          articles, inputs, settings, staging / "shards", staging / "merged",
          [&](IndexWarning warning) { warn(report, run, std::move(warning)); });
      // Still holding the write lock on the empty index, move it aside and the merged one
      // into its place; then let go of the empty one and open the new one.
      std::filesystem::rename(target, staging / "empty");
      std::filesystem::rename(staging / "merged", target);
      database_ = Xapian::WritableDatabase(target.string(), Xapian::DB_OPEN);
      store_source_aliases();
      std::filesystem::remove_all(staging);
      report.articles_indexed += outcome.articles_indexed;
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

  void write(const indexer::PreparedArticle& prepared, IndexReport& report) {
    passage_total_ -= std::min(passage_total_, existing_passage_count(prepared.id_term));
    passage_total_ += prepared.passages;
    database_.replace_document(prepared.id_term, prepared.document);
    ++report.articles_indexed;
    report.bytes_indexed += prepared.text_bytes;
    ++batch_articles_;
    batch_bytes_ += prepared.text_bytes;
  }

  std::size_t existing_passage_count(const std::string& id_term) {
    Xapian::PostingIterator posting = database_.postlist_begin(id_term);
    if (posting == database_.postlist_end(id_term)) return 0;
    const std::string value = database_.get_document(*posting).get_value(schema::kPassageCountSlot);
    return value.empty() ? 0 : static_cast<std::size_t>(Xapian::sortable_unserialise(value));
  }

  void begin_batch() {
    // A transaction keeps Xapian from flushing part of a batch on its own: each batch, and
    // the passage counter with it, is committed whole or not at all.
    database_.begin_transaction(true);
    in_batch_ = true;
    batch_articles_ = 0;
    batch_bytes_ = 0;
  }

  void commit_batch(IndexReport& report) {
    database_.set_metadata(std::string(schema::kPassageTotalKey), std::to_string(passage_total_));
    database_.commit_transaction();
    in_batch_ = false;
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
  std::size_t batch_articles_ = 0;
  std::size_t batch_bytes_ = 0;
  std::size_t passage_total_ = 0;
};

Indexer::Indexer(const IndexerOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

IndexReport Indexer::index_paths(const std::vector<std::string>& paths,
                                 const IndexRunOptions& run_options) {
  return impl_->index_paths(paths, run_options);
}

std::string Indexer::article_id_for_path(const std::string& path) {
  if (!std::filesystem::exists(path)) throw Error(ErrorKind::kNotFound, "no such file: " + path);
  return schema::article_id_from_canonical_path(schema::canonical_path(path));
}

}  // namespace pressclip
