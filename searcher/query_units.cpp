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

}  // namespace

// Walks the query tree once, collecting the units and building the condition over them.
class UnitCollector {
 public:
  UnitCondition walk(const Xapian::Query& query, bool required) {
    using Op = Xapian::Query::op;
    const Op type = query.get_type();
    const std::size_t children = query.get_num_subqueries();
    switch (type) {
      case Xapian::Query::LEAF_TERM: {
        const std::string term = *query.get_terms_begin();
        if (!is_body_term(term)) return {};
        return add({UnitKind::kTerm, {term}, 1, required});
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
        if (unit.terms.empty()) return {};
        return add(std::move(unit));
      }
      case Xapian::Query::OP_WILDCARD: {
        std::string pattern = wildcard_pattern(query.get_description());
        if (pattern.empty() || !is_body_term(pattern)) return {};
        return add({UnitKind::kWildcard, {pattern}, 1, required});
      }
      case Xapian::Query::OP_AND: {
        UnitCondition all = group(UnitCondition::Kind::kAll);
        for (std::size_t i = 0; i < children; ++i) {
          all.children_.push_back(walk(query.get_subquery(i), required));
        }
        return all;
      }
      case Xapian::Query::OP_AND_NOT:
      case Xapian::Query::OP_FILTER:
      case Xapian::Query::OP_AND_MAYBE: {
        // Only the first operand says what to look for; the others exclude, filter, or
        // merely add weight.
        UnitCondition first =
            children > 0 ? walk(query.get_subquery(0), required) : UnitCondition{};
        for (std::size_t i = 1; type == Xapian::Query::OP_AND_MAYBE && i < children; ++i) {
          walk(query.get_subquery(i), false);
        }
        return first;
      }
      case Xapian::Query::OP_SCALE_WEIGHT:
        return children > 0 ? walk(query.get_subquery(0), required) : UnitCondition{};
      default: {
        // OR, XOR, SYNONYM, ELITE_SET, MAX: each operand may or may not hold.
        UnitCondition any = group(UnitCondition::Kind::kAny);
        for (std::size_t i = 0; i < children; ++i) {
          any.children_.push_back(walk(query.get_subquery(i), required && children == 1));
        }
        if (any.children_.empty()) return {};  // MatchAll, MatchNothing.
        return any;
      }
    }
  }

  std::vector<QueryUnit> take() { return std::move(units_); }

 private:
  static UnitCondition group(UnitCondition::Kind kind) {
    UnitCondition condition;
    condition.kind_ = kind;
    return condition;
  }

  UnitCondition add(QueryUnit unit) {
    UnitCondition condition = group(UnitCondition::Kind::kUnit);
    auto same = std::find(units_.begin(), units_.end(), unit);
    if (same == units_.end()) {
      units_.push_back(std::move(unit));
      same = units_.end() - 1;
    } else {
      same->required = same->required || unit.required;
    }
    condition.unit_ = static_cast<std::size_t>(same - units_.begin());
    return condition;
  }

  std::vector<QueryUnit> units_;
};

bool UnitCondition::holds(const std::vector<bool>& units_found) const {
  switch (kind_) {
    case Kind::kAlways:
      return true;
    case Kind::kUnit:
      return unit_ < units_found.size() && units_found[unit_];
    case Kind::kAll:
      return std::all_of(children_.begin(), children_.end(),
                         [&](const UnitCondition& child) { return child.holds(units_found); });
    case Kind::kAny:
      return std::any_of(children_.begin(), children_.end(),
                         [&](const UnitCondition& child) { return child.holds(units_found); });
  }
  return true;
}

QueryStructure analyse_query(const Xapian::Query& query) {
  UnitCollector collector;
  UnitCondition condition = collector.walk(query, true);
  return {collector.take(), std::move(condition)};
}

std::vector<QueryUnit> extract_units(const Xapian::Query& query) {
  return analyse_query(query).units;
}

}  // namespace pressclip::searcher
