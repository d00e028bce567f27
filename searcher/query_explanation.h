// `search --explain`: how a query was understood, part by part.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "pressclip/searcher.h"
#include "searcher/position_scorer.h"
#include "searcher/query_units.h"
#include "searcher/search_deadline.h"

namespace pressclip::searcher {

/// The explanation of `query` (parsed from `normalised`, the user's query after
/// QueryBuilder::prepare): Xapian's description of it, and each of its `units` with the
/// words of the index it stands for (a stem's forms from `scorer`; a wildcard's expansion,
/// most frequent first), at most kExplainedFormsShown listed. A wildcard's words are read
/// up to kMaxWildcardExpansion + 1 (a broader one fails the match anyway). Reading them
/// ticks `deadline` if given, so that it throws DeadlineExpired once that has passed.
QueryExplanation explain_query(const Xapian::Database& database, std::string normalised,
                               const Xapian::Query& query, const std::vector<QueryUnit>& units,
                               const PositionScorer& scorer, SearchDeadline* deadline = nullptr);

}  // namespace pressclip::searcher
