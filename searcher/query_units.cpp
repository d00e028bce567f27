// Walking a Xapian query tree to find what passages should contain.
#include "searcher/query_units.h"

#include <algorithm>
#include <regex>

#include "schema/field_table.h"

namespace pressclip::searcher {
namespace {

bool is_uppercase_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// Body terms are unprefixed normalised words (never starting with a capital) or their stems.
bool is_body_term(const std::string& term) {
  if (term.empty()) return false;
  if (term.starts_with(schema::kStemPrefix)) {
    return term.size() > schema::kStemPrefix.size() &&
           !is_uppercase_ascii(term[schema::kStemPrefix.size()]);
  }
  return !is_uppercase_ascii(term.front());
}

// Xapian 1.4 exposes no accessor for a positional window or a wildcard pattern; both are
// in the query's description, e.g. "Query((a@1 NEAR 4 b@2))" and "Query(WILDCARD SYNONYM mil)".
unsigned window_from_description(const std::string& description, std::size_t fallback) {
  static const std::regex kWindow(R"( (?:PHRASE|NEAR) (\d+) )");
  std::smatch match;
  if (std::regex_search(description, match, kWindow))
    return static_cast<unsigned>(std::stoul(match[1]));
  return static_cast<unsigned>(fallback);
}

std::string wildcard_pattern(const std::string& description) {
  static const std::regex kPattern(R"(WILDCARD \w+ ([^ )]+)\))");
  std::smatch match;
  return std::regex_search(description, match, kPattern) ? match[1].str() : std::string();
}

class UnitCollector {
 public:
  void walk(const Xapian::Query& query, bool required) {
    using Op = Xapian::Query::op;
    const Op type = query.get_type();
    const std::size_t children = query.get_num_subqueries();
    switch (type) {
      case Xapian::Query::LEAF_TERM: {
        const std::string term = *query.get_terms_begin();
        if (is_body_term(term)) add({UnitKind::kTerm, {term}, 1, required});
        return;
      }
      case Xapian::Query::OP_PHRASE:
      case Xapian::Query::OP_NEAR: {
        QueryUnit unit{type == Xapian::Query::OP_PHRASE ? UnitKind::kPhrase : UnitKind::kNear,
                       {},
                       0,
                       required};
        for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
          if (is_body_term(*it)) unit.terms.push_back(*it);
        }
        unit.window = window_from_description(query.get_description(), unit.terms.size());
        if (!unit.terms.empty()) add(std::move(unit));
        return;
      }
      case Xapian::Query::OP_WILDCARD: {
        std::string pattern = wildcard_pattern(query.get_description());
        if (!pattern.empty() && is_body_term(pattern))
          add({UnitKind::kWildcard, {pattern}, 1, required});
        return;
      }
      case Xapian::Query::OP_AND:
        for (std::size_t i = 0; i < children; ++i) walk(query.get_subquery(i), required);
        return;
      case Xapian::Query::OP_AND_NOT:
      case Xapian::Query::OP_FILTER:
      case Xapian::Query::OP_AND_MAYBE:
        // Only the first operand says what to look for; the others exclude, filter, or
        // merely add weight.
        if (children > 0) walk(query.get_subquery(0), required);
        for (std::size_t i = 1; type == Xapian::Query::OP_AND_MAYBE && i < children; ++i) {
          walk(query.get_subquery(i), false);
        }
        return;
      case Xapian::Query::OP_SCALE_WEIGHT:
        if (children > 0) walk(query.get_subquery(0), required);
        return;
      default:
        // OR, XOR, SYNONYM, ELITE_SET, MAX: each operand may or may not hold.
        for (std::size_t i = 0; i < children; ++i) {
          walk(query.get_subquery(i), required && children == 1);
        }
        return;
    }
  }

  std::vector<QueryUnit> take() { return std::move(units_); }

 private:
  void add(QueryUnit unit) {
    auto same = std::find(units_.begin(), units_.end(), unit);
    if (same == units_.end()) {
      units_.push_back(std::move(unit));
    } else {
      same->required = same->required || unit.required;
    }
  }

  std::vector<QueryUnit> units_;
};

}  // namespace

std::vector<QueryUnit> extract_units(const Xapian::Query& query) {
  UnitCollector collector;
  collector.walk(query, true);
  return collector.take();
}

}  // namespace pressclip::searcher
