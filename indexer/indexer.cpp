// The Indexer: construction, source aliases, and the public methods forwarding to Impl.
#include "pressclip/indexer.h"

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>

#include "indexer/indexer_impl.h"
#include "pressclip/error.h"
#include "schema/article_id.h"
#include "schema/index_settings.h"
#include "schema/name_aliases.h"
#include "schema/text_analyzer.h"
#include "schema/xapian_errors.h"

namespace pressclip {

Indexer::Impl::Impl(const IndexerOptions& options) : options_(options) {
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
    shards_ = std::make_unique<indexer::IndexShards>(options.database_path, options.shard_by,
                                                     options.stemmer_language);
    language_ = shards_->language();
    finish_unfinished_files();
    load_source_aliases();
  } catch (...) {
    schema::rethrow_as_error(context);
  }
}

Indexer::Impl::~Impl() {
  try {
    commit();
  } catch (...) {
    // A destructor cannot report it; Indexer::commit() documents that it must be called to
    // know. The index stays at its last commit.
  }
}

void Indexer::Impl::finish_unfinished_files() {
  const std::vector<std::string> files = shards_->take_unfinished_files();
  if (files.empty()) return;
  begin_batch();
  try {
    indexer::ArticleWriter writer(*shards_);
    for (const std::string& path : files) writer.forget_stamps(path);
    IndexReport ignored;
    commit_batch(ignored);
  } catch (...) {
    cancel_batch();
    throw;
  }
}

std::filesystem::path Indexer::Impl::without_trailing_separator(const std::string& path) {
  std::filesystem::path normal = std::filesystem::absolute(path).lexically_normal();
  return normal.has_filename() ? normal : normal.parent_path();
}

// The source table: built-in names, then the user's alias file given now or, failing
// that, the one stored by an earlier run; it is stored so that searches use it too.
void Indexer::Impl::load_source_aliases() {
  source_aliases_ = schema::builtin_source_aliases();
  agency_aliases_ = schema::builtin_agency_aliases();
  user_source_aliases_ = options_.source_aliases;
  if (user_source_aliases_.empty()) {
    user_source_aliases_ = shards_->source_aliases();
    source_aliases_.add_from_text(user_source_aliases_, "the index's stored source aliases");
    return;
  }
  source_aliases_.add_from_text(user_source_aliases_, alias_file_name());
  store_source_aliases();
}

std::string Indexer::Impl::alias_file_name() const {
  return options_.source_aliases_name.empty() ? "source aliases" : options_.source_aliases_name;
}

void Indexer::Impl::store_source_aliases() { shards_->store_source_aliases(user_source_aliases_); }

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
