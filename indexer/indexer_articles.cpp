// Indexer articles given by the program: adding and removing them, and committing them.
#include "indexer/indexer_impl.h"

#include <algorithm>
#include <filesystem>
#include <string>

#include "indexer/article_preparer.h"
#include "indexer/article_writer.h"
#include "indexer/index_state.h"
#include "indexer/manifest.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "schema/article_id.h"
#include "schema/field_table.h"
#include "schema/file_terms.h"
#include "schema/index_settings.h"
#include "schema/xapian_errors.h"

namespace pressclip {

std::string Indexer::Impl::add_article(const std::string& text, const std::string& id) {
  check_id(id);
  const indexer::ManifestSet no_manifests;
  const indexer::MetadataInputs inputs{no_manifests, {source_aliases_, agency_aliases_}};
  indexer::ArticlePreparer preparer(language_, inputs);
  const indexer::PreparedArticle prepared = preparer.prepare_text(text, id);
  write_pending(prepared);
  return prepared.article_id;
}

std::string Indexer::Impl::add_article(const ArticleFields& fields) {
  check_id(fields.id);
  const indexer::ManifestSet no_manifests;
  const indexer::MetadataInputs inputs{no_manifests, {source_aliases_, agency_aliases_}};
  indexer::ArticlePreparer preparer(language_, inputs);
  const indexer::PreparedArticle prepared = preparer.prepare_fields(fields);
  write_pending(prepared);
  return prepared.article_id;
}

bool Indexer::Impl::remove_article(const std::string& id_or_path) {
  IndexReport ignored;
  try {
    indexer::ArticleWriter& writer = pending_writer();
    if (writer.remove_article(schema::id_term(id_or_path), ignored)) return true;
    if (!std::filesystem::path(id_or_path).has_filename()) return false;
    // A file: every article read from it (all the records of a file of several articles).
    if (writer.remove_articles_with(schema::path_term(schema::canonical_path(id_or_path)),
                                    ignored) > 0) {
      return true;
    }
    // PATH#RECORD: one record of a file of several articles.
    const std::size_t hash = id_or_path.rfind('#');
    if (hash == std::string::npos || hash == 0) return false;
    const std::string path = schema::canonical_path(id_or_path.substr(0, hash));
    return writer.remove_articles_with(schema::record_term(path, id_or_path.substr(hash + 1)),
                                       ignored) > 0;
  } catch (...) {
    discard_pending();
    schema::rethrow_as_error("removing an article from '" + options_.database_path + "' failed");
  }
}

void Indexer::Impl::commit() {
  if (!pending_) return;
  try {
    IndexReport ignored;
    commit_batch(ignored);
    pending_.reset();
  } catch (...) {
    discard_pending();
    schema::rethrow_as_error("committing to '" + options_.database_path + "' failed");
  }
}

void Indexer::Impl::check_id(const std::string& id) {
  if (!id.empty() && !schema::is_valid_article_id(id)) {
    throw Error(ErrorKind::kBadArgument,
                "id '" + id + "' must be " + std::string(schema::kArticleIdRule));
  }
}

indexer::ArticleWriter& Indexer::Impl::pending_writer() {
  if (!pending_) {
    begin_batch();
    pending_.emplace(*shards_);
  }
  return *pending_;
}

void Indexer::Impl::write_pending(const indexer::PreparedArticle& prepared) {
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

void Indexer::Impl::discard_pending() {
  if (in_batch_) cancel_batch();
  pending_.reset();
}

}  // namespace pressclip
