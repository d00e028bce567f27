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

/// What must hold in one passage for it to satisfy a query (`--scope passage`): the query's
/// AND/OR structure over its units. Negations, filters and other fields' terms are decided
/// per article by the match, so they hold in every passage of a matching article.
class UnitCondition {
 public:
  /// A condition that always holds.
  UnitCondition() = default;

  /// True if the units marked in `units_found` (indexed like the units) satisfy it.
  bool holds(const std::vector<bool>& units_found) const;

 private:
  friend class UnitCollector;
  enum class Kind { kAlways, kUnit, kAll, kAny };
  Kind kind_ = Kind::kAlways;
  std::size_t unit_ = 0;
  std::vector<UnitCondition> children_;
};

/// A query's units and the condition over them.
struct QueryStructure {
  std::vector<QueryUnit> units;
  UnitCondition condition;
};

/// The units of `query` (as extract_units gives them) and its condition over them.
QueryStructure analyse_query(const Xapian::Query& query);

/// The positive body-text units of `query`: terms, phrases, NEAR groups and wildcards that
/// are not negated (under NOT / AND_NOT), not filters, and not other fields' terms
/// (title:, source:...). Duplicates are merged.
std::vector<QueryUnit> extract_units(const Xapian::Query& query);

}  // namespace pressclip::searcher
