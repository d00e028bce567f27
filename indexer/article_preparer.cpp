// Preparing the articles of a file: reading it, change detection per file or per record.
#include "indexer/article_preparer.h"

#include <set>

#include "indexer/article_file.h"
#include "indexer/article_readers.h"
#include "indexer/file_identity.h"
#include "pressclip/error.h"
#include "schema/article_id.h"
#include "schema/file_terms.h"

namespace pressclip::indexer {
namespace {

// What identifies a record's content: its text and every metadata field it states. Two
// records with the same content are one article, wherever they are.
std::string record_hash(const RawArticle& raw) {
  std::string hashed;
  for (const auto& [name, value] : raw.metadata) {
    hashed.append(name).append(1, '\0').append(value).append(1, '\0');
  }
  hashed.append("text").append(1, '\0').append(raw.text);
  return content_hash(hashed);
}

}  // namespace

ArticlePreparer::ArticlePreparer(const std::string& stemmer_language, const MetadataInputs& inputs,
                                 const IndexState* state)
    : analyzer_(stemmer_language), builder_(analyzer_), inputs_(inputs), state_(state) {}

std::string ArticlePreparer::unique_id(const std::string& wanted,
                                       const std::string& fallback_seed) {
  // An id derived from a path may be held by an article that has since moved away from
  // it; then the id is derived from the path and the text instead.
  std::string id = wanted;
  for (int attempt = 1; (state_ && state_->id_taken(id)) || assigned_ids_.contains(id); ++attempt) {
    id = schema::article_id_from_canonical_path(fallback_seed + '\n' + std::to_string(attempt));
  }
  assigned_ids_.insert(id);
  return id;
}

std::vector<PreparedArticle> ArticlePreparer::prepare(const std::string& path) {
  std::vector<PreparedArticle> prepared;
  prepare(path, [&](PreparedArticle article) {
    prepared.push_back(std::move(article));
    return true;
  });
  return prepared;
}

bool ArticlePreparer::prepare(const std::string& path,
                              const std::function<bool(PreparedArticle)>& emit) {
  PreparedArticle prepared;
  prepared.path = path;
  prepared.file.path = path;
  prepared.file.metadata_hash = metadata_hash(inputs_.manifests.find(path));
  auto skip = [&](std::string reason) {
    prepared.kind = PreparedKind::kSkipped;
    prepared.skipped = true;
    prepared.warnings.push_back({path, std::move(reason), true});
    return emit(std::move(prepared));
  };
  FileArticles file;
  try {
    std::string content = read_article_file(path, &prepared.file.stamp, file_size_limit(path));
    prepared.content_hash = content_hash(content);
    file = read_articles(std::move(content), path);
  } catch (const Error& error) {
    return skip(error.what());
  }
  for (std::string& problem : file.skipped) {
    prepared.warnings.push_back({path, std::move(problem), false});
  }
  if (file.articles.empty()) return skip("no article in the file");
  if (file.articles.front().record.empty()) {
    return emit(prepare_whole_file(std::move(prepared), std::move(file.articles.front())));
  }

  // A file of several articles: each record on its own, then the list of what it holds.
  PreparedArticle end = prepared;
  end.kind = PreparedKind::kRecordsEnd;
  std::set<std::string> seen;
  for (RawArticle& raw : file.articles) {
    if (!seen.insert(raw.record).second) continue;  // Readers skip them; never write two.
    end.records.push_back(raw.record);
    PreparedArticle record = prepare_record(prepared, std::move(raw));
    record.ends_file = false;
    if (!emit(std::move(record))) return false;
    prepared.warnings.clear();  // Given with the first record.
  }
  end.warnings = std::move(prepared.warnings);
  return emit(std::move(end));
}

PreparedArticle ArticlePreparer::prepare_whole_file(PreparedArticle prepared, RawArticle raw) {
  // An id the file states (an e-mail's Message-ID) is the article's, if it can be one.
  const std::string wanted = schema::is_valid_article_id(raw.id)
                                 ? raw.id
                                 : schema::article_id_from_canonical_path(prepared.path);
  if (!schema::is_valid_article_id(raw.id)) raw.id.clear();
  return compare_and_analyse(std::move(prepared), std::move(raw), wanted);
}

PreparedArticle ArticlePreparer::prepare_record(const PreparedArticle& file, RawArticle raw) {
  PreparedArticle prepared;
  prepared.path = file.path;
  prepared.file = file.file;
  prepared.file.record = raw.record;
  prepared.warnings = file.warnings;
  prepared.content_hash = record_hash(raw);
  std::string wanted = raw.id;
  if (!wanted.empty() && !schema::is_valid_article_id(wanted)) {
    prepared.warnings.push_back(
        {file.path,
         raw.location + ": id '" + wanted.substr(0, 160) + "' cannot be an article id (" +
             std::string(schema::kArticleIdRule) + "); a derived id is used",
         false});
    wanted.clear();
  }
  if (wanted.empty()) {
    wanted = schema::article_id_from_canonical_path(schema::file_locator(file.path, raw.record));
  }
  return compare_and_analyse(std::move(prepared), std::move(raw), wanted);
}

PreparedArticle ArticlePreparer::compare_and_analyse(PreparedArticle prepared, RawArticle raw,
                                                     const std::string& wanted_id) {
  const std::string& path = prepared.path;
  const std::string& record = prepared.file.record;
  // A text the index already holds is not analysed again.
  std::size_t file_index = 0;
  const RecordedArticle* recorded =
      state_ ? state_->article_of_file(path, record, &file_index) : nullptr;
  if (recorded && recorded->state.content_hash == prepared.content_hash &&
      recorded->state.files[file_index].metadata_hash == prepared.file.metadata_hash) {
    prepared.kind = PreparedKind::kRestamp;
    prepared.target = recorded->docid;
    return prepared;
  }
  const RecordedArticle* same_text =
      state_ ? state_->article_with_hash(prepared.content_hash) : nullptr;
  if (same_text && same_text != recorded) {
    prepared.kind = PreparedKind::kAddPath;
    prepared.target = same_text->docid;
    prepared.article_id = same_text->state.article_id;
    return prepared;
  }
  // A file (or record) that alone made an article keeps that article (and its id); one that
  // leaves an article of several files becomes an article of its own.
  const bool sole_file = recorded && recorded->state.files.size() == 1;
  if (sole_file) {
    prepared.target = recorded->docid;
    prepared.article_id = recorded->state.article_id;
    assigned_ids_.insert(prepared.article_id);
  } else if (!raw.id.empty() && wanted_id == raw.id) {
    // An id the record states names one article wherever it is: the writer joins it.
    prepared.article_id = wanted_id;
    prepared.stated_id = true;
  } else {
    const std::string seed = schema::file_locator(path, record) + prepared.content_hash;
    prepared.article_id = unique_id(wanted_id, seed);
  }
  return analyse_raw(std::move(prepared), std::move(raw));
}

}  // namespace pressclip::indexer
