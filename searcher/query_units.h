// The parts of a parsed query that passages are scored and highlighted by.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace pressclip::searcher {

/// What a unit asks of a passage.
enum class UnitKind {
  kTerm,      ///< One word, as written ("intervention") or by stem ("Zintervent").
  kPhrase,    ///< Words in this order, within `window` positions (consecutive if == size).
  kNear,      ///< Words in any order within `window` positions.
  kWildcard,  ///< Any word starting with terms[0].
};

/// One positive part of a query. Terms are Xapian terms: a raw word, or "Z" + a stem.
struct QueryUnit {
  UnitKind kind = UnitKind::kTerm;
  std::vector<std::string> terms;
  unsigned window = 0;
  bool required = false;  ///< Every matching article satisfies it (it is not under an OR).
  double idf = 0.0;       ///< Set by the caller from collection statistics.

  friend bool operator==(const QueryUnit& a, const QueryUnit& b) {
    return a.kind == b.kind && a.terms == b.terms && a.window == b.window;
  }
};

/// The positive body-text units of `query`: terms, phrases, NEAR groups and wildcards that
/// are not negated (under NOT / AND_NOT), not filters, and not other fields' terms
/// (title:, source:...). Duplicates are merged.
std::vector<QueryUnit> extract_units(const Xapian::Query& query);

}  // namespace pressclip::searcher
