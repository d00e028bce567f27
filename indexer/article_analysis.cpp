// Analysing an article: metadata layers, passages, the document and its terms.
#include "indexer/article_preparer.h"

#include "indexer/article_readers.h"
#include "indexer/charset_decoder.h"
#include "indexer/file_identity.h"
#include "indexer/metadata_resolver.h"
#include "indexer/passage_builder.h"
#include "indexer/text_metadata.h"
#include "pressclip/error.h"
#include "schema/field_table.h"
#include "schema/file_terms.h"

namespace pressclip::indexer {
namespace {

std::string prefixed(schema::FieldId field, std::string_view value) {
  return std::string(schema::prefix_of(field)).append(value);
}

}  // namespace

PreparedArticle ArticlePreparer::prepare_text(std::string content, const std::string& id) {
  PreparedArticle prepared;
  prepared.content_hash = content_hash(content);
  prepared.article_id = id.empty() ? prepared.content_hash.substr(0, 16) : id;
  try {
    FileArticles file = read_articles(std::move(content), "");
    prepared = analyse_raw(std::move(prepared), std::move(file.articles.front()));
  } catch (const Error& error) {
    throw Error(ErrorKind::kBadArgument, std::string("not an article: ") + error.what());
  }
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

PreparedArticle ArticlePreparer::analyse_raw(PreparedArticle prepared, RawArticle raw) {
  MetadataLayers layers;
  (raw.metadata_origin == FieldOrigin::kDocument ? layers.document : layers.front_matter) =
      std::move(raw.metadata);
  if (!raw.location.empty()) {
    // Problems with a record name the record.
    const std::size_t before = prepared.warnings.size();
    prepared = analyse_parsed(std::move(prepared), std::move(raw.text), std::move(layers),
                              std::move(raw.charset));
    for (std::size_t i = before; i < prepared.warnings.size(); ++i) {
      prepared.warnings[i].reason = raw.location + ": " + prepared.warnings[i].reason;
      prepared.warnings[i].skipped = false;  // A record skipped is not a file skipped.
    }
    return prepared;
  }
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
  record.record = prepared.file.record;
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
    prepared.document.add_boolean_term(schema::path_term(path));
    if (!prepared.file.record.empty()) {
      prepared.document.add_boolean_term(schema::record_term(path, prepared.file.record));
    }
  }
  prepared.document.add_boolean_term(
      prefixed(schema::FieldId::kContentHash, prepared.content_hash));
  prepared.document.add_value(schema::kFileStateSlot, schema::encode_file_state(state));
  prepared.id_term = schema::id_term(record.id);
  prepared.passages = record.passages.size();
  prepared.text_bytes = record.text.size();
  return prepared;
}

}  // namespace pressclip::indexer
