// From the user's query string to a Xapian query, through the shared text analyser.
#pragma once

#include <xapian.h>

#include <string>

#include "schema/name_aliases.h"
#include "schema/text_analyzer.h"
#include "searcher/date_filter.h"

namespace pressclip::searcher {

/// Parses pressclip's query language (docs/query-language.md) with Xapian's QueryParser,
/// configured from the schema table. Before parsing, the string is normalised by the same
/// analyser as article text (so `Nigériens`, `NIGERIENS` and `Niger’s` become what the
/// index holds) while operators and syntax are kept; `-word` is rewritten as `NOT word`
/// (Xapian would otherwise read a query made only of `-word`s as positive words).
///
/// Thread-safety: not thread-safe; one per Searcher.
class QueryBuilder {
 public:
  /// `sources` and `agencies` map `source:` and `agency:` values to canonical names; they
  /// and `analyzer` must outlive the builder.
  QueryBuilder(schema::TextAnalyzer& analyzer, const Xapian::Database& database,
               const schema::NameAliases& sources, const schema::NameAliases& agencies);

  /// What `date:` filters are resolved against (today, inferred dates, the index's date
  /// bounds); set it before parse().
  DateFilterContext& date_context() { return date_context_; }

  /// The query for `query`. Throws pressclip::Error kBadQuery with a one-line reason if the
  /// query is empty, has unbalanced quotes or parentheses, a NEAR/ADJ without a distance, a
  /// bad field value, a syntax error, or nothing to search for.
  Xapian::Query parse(const std::string& query);

  /// The normalised and rewritten string that is handed to Xapian's QueryParser.
  std::string prepare(const std::string& query);

 private:
  schema::TextAnalyzer& analyzer_;
  DateFilterContext date_context_;
  Xapian::QueryParser parser_;
};

}  // namespace pressclip::searcher
