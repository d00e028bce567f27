// Preparing one article: change detection, reading, metadata, analysis, passages, document.
#include "indexer/article_preparer.h"

#include "indexer/article_file.h"
#include "indexer/article_readers.h"
#include "indexer/charset_decoder.h"
#include "indexer/file_identity.h"
#include "indexer/metadata_resolver.h"
#include "indexer/passage_builder.h"
#include "indexer/text_metadata.h"
#include "pressclip/error.h"
#include "schema/article_id.h"
#include "schema/field_table.h"

namespace pressclip::indexer {
namespace {

std::string prefixed(schema::FieldId field, std::string_view value) {
  return std::string(schema::prefix_of(field)).append(value);
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

PreparedArticle ArticlePreparer::prepare(const std::string& path) {
  PreparedArticle prepared;
  prepared.path = path;
  prepared.file.path = path;
  const ManifestRow* row = inputs_.manifests.find(path);
  prepared.file.metadata_hash = metadata_hash(row);
  std::string content;
  try {
    const std::optional<schema::FileStamp> stamp = stamp_file(path);
    if (!stamp) throw Error(ErrorKind::kIo, "cannot read: no such file");
    prepared.file.stamp = *stamp;
    content = read_article_file(path);
  } catch (const Error& error) {
    prepared.kind = PreparedKind::kSkipped;
    prepared.skipped = true;
    prepared.warnings.push_back({path, error.what(), true});
    return prepared;
  }
  prepared.content_hash = content_hash(content);

  // A text the index already holds is not analysed again.
  std::size_t file_index = 0;
  const RecordedArticle* recorded = state_ ? state_->article_of_path(path, &file_index) : nullptr;
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
  // A path that alone made an article keeps that article (and its id); a path that leaves
  // an article of several files becomes an article of its own.
  const bool sole_file = recorded && recorded->state.files.size() == 1;
  if (sole_file) {
    prepared.target = recorded->docid;
    prepared.article_id = recorded->state.article_id;
    assigned_ids_.insert(prepared.article_id);
  } else {
    prepared.article_id =
        unique_id(schema::article_id_from_canonical_path(path), path + prepared.content_hash);
  }
  return analyse(std::move(prepared), std::move(content));
}

PreparedArticle ArticlePreparer::prepare_text(std::string content, const std::string& id) {
  PreparedArticle prepared;
  prepared.content_hash = content_hash(content);
  prepared.article_id = id.empty() ? prepared.content_hash.substr(0, 16) : id;
  prepared = analyse(std::move(prepared), std::move(content));
  if (prepared.kind == PreparedKind::kSkipped) {
    throw Error(ErrorKind::kBadArgument, "not an article: " + prepared.warnings.front().reason);
  }
  return prepared;
}

PreparedArticle ArticlePreparer::prepare_fields(const ArticleFields& fields) {
  const std::pair<const char*, const std::string*> values[] = {
      {"title", &fields.title}, {"source", &fields.source},     {"date", &fields.date},
      {"url", &fields.url},     {"language", &fields.language}, {"text", &fields.text}};
  MetadataLayers layers;
  // The hash covers every field, so that the same fields make the same id and a change to
  // any of them is a change of the article.
  std::string hashed;
  for (const auto& [name, value] : values) {
    if (const std::size_t bad = find_invalid_utf8(*value); bad != std::string::npos) {
      throw Error(ErrorKind::kBadArgument, std::string("the ") + name +
                                               " is not valid UTF-8 (first bad byte at offset " +
                                               std::to_string(bad) + ")");
    }
    if (std::string_view(name) != "text" && !value->empty()) layers.given[name] = *value;
    hashed.append(name).append(1, '\0').append(*value).append(1, '\0');
  }
  std::string agencies;
  for (const std::string& agency : fields.agencies) {
    if (find_invalid_utf8(agency) != std::string::npos) {
      throw Error(ErrorKind::kBadArgument, "an agency name is not valid UTF-8");
    }
    agencies.append(agencies.empty() ? "" : "; ").append(agency);
  }
  if (!agencies.empty()) layers.given["agency"] = agencies;
  hashed.append("agency").append(1, '\0').append(agencies);

  PreparedArticle prepared;
  prepared.content_hash = content_hash(hashed);
  prepared.article_id = fields.id.empty() ? prepared.content_hash.substr(0, 16) : fields.id;
  prepared = analyse_parsed(std::move(prepared), fields.text, std::move(layers), "UTF-8");
  if (prepared.kind == PreparedKind::kSkipped) {
    throw Error(ErrorKind::kBadArgument, "not an article: " + prepared.warnings.front().reason);
  }
  return prepared;
}

PreparedArticle ArticlePreparer::analyse(PreparedArticle prepared, std::string content) {
  const std::string& path = prepared.path;
  auto skip = [&](std::string reason) {
    prepared.kind = PreparedKind::kSkipped;
    prepared.skipped = true;
    prepared.warnings.push_back({path, std::move(reason), true});
    return std::move(prepared);
  };
  FileArticles file;
  try {
    file = read_articles(std::move(content), path);
  } catch (const Error& error) {
    return skip(error.what());
  }
  for (std::string& problem : file.skipped) {
    prepared.warnings.push_back({path, std::move(problem), false});
  }
  if (file.articles.empty()) return skip("no article in the file");
  std::vector<RawArticle>& articles = file.articles;
  // One article per file for now; a reader of several (JSON Lines) will need ids per article.
  if (articles.size() > 1) {
    prepared.warnings.push_back(
        {path, "holds " + std::to_string(articles.size()) + " articles; only the first is indexed",
         false});
  }
  RawArticle& raw = articles.front();
  MetadataLayers layers;
  (raw.metadata_origin == FieldOrigin::kDocument ? layers.document : layers.front_matter) =
      std::move(raw.metadata);
  return analyse_parsed(std::move(prepared), std::move(raw.text), std::move(layers),
                        std::move(raw.charset));
}

PreparedArticle ArticlePreparer::analyse_parsed(PreparedArticle prepared, std::string text,
                                                MetadataLayers layers, std::string charset) {
  const std::string& path = prepared.path;
  const schema::AnalysedText analysed = analyzer_.analyse(text);
  if (analysed.sentences.empty()) {
    prepared.kind = PreparedKind::kSkipped;
    prepared.skipped = true;
    prepared.warnings.push_back({path, "no sentences in the article text", true});
    return prepared;
  }
  if (!path.empty()) {
    if (const ManifestRow* row = inputs_.manifests.find(path)) layers.manifest = *row;
  }
  layers.text = extract_text_metadata(text);

  ArticleRecord record;
  record.path = path;
  record.id = prepared.article_id;
  std::vector<std::string> problems;
  record.metadata =
      resolve_metadata(layers, text, analysed.sentences.front(), inputs_.names, problems);
  for (std::string& problem : problems)
    prepared.warnings.push_back({path, std::move(problem), false});
  record.passages = build_passages(analysed.sentences);
  record.text = std::move(text);
  record.charset = std::move(charset);

  prepared.kind = PreparedKind::kFull;
  prepared.document = builder_.build(record, analysed);
  schema::FileState state{record.id, prepared.content_hash, {}};
  if (!path.empty()) {
    state.files.push_back(prepared.file);
    prepared.document.add_boolean_term(prefixed(schema::FieldId::kPath, path));
  }
  prepared.document.add_boolean_term(
      prefixed(schema::FieldId::kContentHash, prepared.content_hash));
  prepared.document.add_value(schema::kFileStateSlot, schema::encode_file_state(state));
  prepared.id_term = prefixed(schema::FieldId::kId, record.id);
  prepared.passages = record.passages.size();
  prepared.text_bytes = record.text.size();
  return prepared;
}

}  // namespace pressclip::indexer
