// `search --explain`: how a query was understood, part by part.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "pressclip/searcher.h"
#include "searcher/position_scorer.h"
#include "searcher/query_units.h"

namespace pressclip::searcher {

/// The explanation of `query` (parsed from `normalised`, the user's query after
/// QueryBuilder::prepare): Xapian's description of it, and each of its `units` with the
/// words of the index it stands for (a stem's forms from `scorer`; a wildcard's expansion,
/// most frequent first), at most kExplainedFormsShown listed.
QueryExplanation explain_query(const Xapian::Database& database, std::string normalised,
                               const Xapian::Query& query, const std::vector<QueryUnit>& units,
                               const PositionScorer& scorer);

}  // namespace pressclip::searcher
