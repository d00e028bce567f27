// Turning an analysed article into a Xapian document, driven by the schema table.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

#include "pressclip/article.h"
#include "schema/text_analyzer.h"

namespace pressclip::indexer {

/// Builds documents: body words with positions (unprefixed), their stems without positions
/// ("Z" prefix, as Xapian's QueryParser expects with STEM_SOME), title words ("S" with positions,
/// "ZS"), the unique id term, source, agency and language filter terms, date terms (year,
/// month, day) and the inferred-date marker, date, source and agency values, and the stored
/// record as document data. See docs/index-format.md.
///
/// Thread-safety: not thread-safe (shares the analyser and a stem cache).
class DocumentBuilder {
 public:
  explicit DocumentBuilder(schema::TextAnalyzer& analyzer) : analyzer_(analyzer) {}

  /// The document for `record`, whose text was analysed into `analysed`. Requires
  /// record.passages to be set from analysed.sentences.
  Xapian::Document build(const ArticleRecord& record, const schema::AnalysedText& analysed);

 private:
  const std::string& stem(const std::string& term);
  void add_title_terms(Xapian::Document& document, const MetadataField& title);

  schema::TextAnalyzer& analyzer_;
  std::unordered_map<std::string, std::string> stem_cache_;
};

}  // namespace pressclip::indexer
