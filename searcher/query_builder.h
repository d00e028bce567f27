// From the user's query string to a Xapian query, through the shared text analyser.
#pragma once

#include <xapian.h>

#include <string>

#include "schema/name_aliases.h"
#include "schema/text_analyzer.h"
#include "searcher/date_filter.h"
#include "searcher/field_processors.h"

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

  /// Makes the parser read `database` from now on (for wildcards): the shards searched.
  void set_database(const Xapian::Database& database) { parser_.set_database(database); }

  /// What `date:` filters are resolved against (today, inferred dates, the index's date
  /// bounds); set it before parse().
  DateFilterContext& date_context() { return date_context_; }

  /// The query for `query`. Throws pressclip::Error kBadQuery with a one-line reason if the
  /// query is empty, longer than kMaxQueryBytes, not valid UTF-8, has unbalanced quotes or
  /// parentheses, a NEAR/ADJ without a distance or without a word on each side, a bad field
  /// value, a syntax error, nothing to search for, or more terms, phrase words or
  /// wildcards than the limits of pressclip/searcher.h allow. Control characters count as
  /// spaces.
  Xapian::Query parse(const std::string& query);

  /// The normalised and rewritten string that is handed to Xapian's QueryParser (control
  /// characters made spaces).
  std::string prepare(const std::string& query);

 private:
  schema::TextAnalyzer& analyzer_;
  DateFilterContext date_context_;
  FieldProblems field_problems_;  // Before parser_: its field processors refer to it.
  Xapian::QueryParser parser_;
};

}  // namespace pressclip::searcher
