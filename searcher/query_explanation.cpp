// Describing a parsed query and the index words each of its parts matches.
#include "searcher/query_explanation.h"

#include <algorithm>
#include <utility>

namespace pressclip::searcher {
namespace {

const char* kind_name(UnitKind kind) {
  switch (kind) {
    case UnitKind::kTerm:
      return "word";
    case UnitKind::kPhrase:
      return "phrase";
    case UnitKind::kNear:
      return "near";
    case UnitKind::kWildcard:
      return "wildcard";
  }
  return "word";
}

}  // namespace

QueryExplanation explain_query(const Xapian::Database& database, std::string normalised,
                               const Xapian::Query& query, const std::vector<QueryUnit>& units,
                               const PositionScorer& scorer, SearchDeadline* deadline) {
  QueryExplanation explanation{std::move(normalised), query.get_description(), {}};
  for (std::size_t u = 0; u < units.size(); ++u) {
    const QueryUnit& unit = units[u];
    QueryPartExplanation part{
        kind_name(unit.kind), unit.terms, unit.window, unit.required, unit.idf, {}, 0};
    std::vector<std::pair<Xapian::doccount, std::string>> forms;
    if (unit.kind == UnitKind::kWildcard) {
      const std::string& prefix = unit.terms.front();
      for (auto term = database.allterms_begin(prefix);
           term != database.allterms_end(prefix) && forms.size() <= kMaxWildcardExpansion; ++term) {
        if (deadline) deadline->tick();
        forms.emplace_back(term.get_termfreq(), *term);
      }
      std::stable_sort(forms.begin(), forms.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
    } else {
      for (std::size_t member = 0; member < unit.terms.size(); ++member) {
        for (const std::string& form : scorer.forms(u, member)) forms.emplace_back(0, form);
      }
    }
    part.form_count = forms.size();
    for (std::size_t i = 0; i < forms.size() && i < kExplainedFormsShown; ++i) {
      part.forms.push_back(forms[i].second);
    }
    explanation.parts.push_back(std::move(part));
  }
  return explanation;
}

}  // namespace pressclip::searcher
