// Preparing one article: reading, metadata precedence, analysis, passages, document.
#include "indexer/article_preparer.h"

#include "indexer/metadata_resolver.h"
#include "indexer/passage_builder.h"
#include "indexer/plain_text_reader.h"
#include "indexer/text_metadata.h"
#include "pressclip/error.h"
#include "schema/article_id.h"
#include "schema/field_table.h"

namespace pressclip::indexer {

ArticlePreparer::ArticlePreparer(const std::string& stemmer_language, const MetadataInputs& inputs)
    : analyzer_(stemmer_language), builder_(analyzer_), inputs_(inputs) {}

PreparedArticle ArticlePreparer::prepare(const std::string& path) {
  PreparedArticle prepared;
  prepared.path = path;
  auto skip = [&](std::string reason) {
    prepared.skipped = true;
    prepared.warnings.push_back({path, std::move(reason), true});
    return std::move(prepared);
  };
  RawArticle raw;
  try {
    raw = read_plain_text_article(path);
  } catch (const Error& error) {
    return skip(error.what());
  }
  const schema::AnalysedText analysed = analyzer_.analyse(raw.text);
  if (analysed.sentences.empty()) return skip("no sentences in the article text");

  MetadataLayers layers;
  layers.front_matter = std::move(raw.front_matter);
  if (const ManifestRow* row = inputs_.manifests.find(path)) layers.manifest = *row;
  layers.text = extract_text_metadata(raw.text);

  ArticleRecord record;
  record.path = path;
  record.id = schema::article_id_from_canonical_path(path);
  std::vector<std::string> problems;
  record.metadata =
      resolve_metadata(layers, raw.text, analysed.sentences.front(), inputs_.names, problems);
  for (std::string& problem : problems)
    prepared.warnings.push_back({path, std::move(problem), false});
  record.passages = build_passages(analysed.sentences);
  record.text = std::move(raw.text);

  prepared.document = builder_.build(record, analysed);
  prepared.id_term = std::string(schema::prefix_of(schema::FieldId::kId)).append(record.id);
  prepared.passages = record.passages.size();
  prepared.text_bytes = record.text.size();
  return prepared;
}

}  // namespace pressclip::indexer
