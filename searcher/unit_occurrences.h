// Where a query unit occurs among word positions: the one counting rule for every scorer.
#pragma once

#include <cstdint>
#include <vector>

#include "searcher/query_units.h"

namespace pressclip::searcher {

/// The word positions that make up one occurrence of a unit: one for a word, the words of a
/// phrase in order, or one position per word of a NEAR group.
using Occurrence = std::vector<std::uint32_t>;

/// The occurrences of `unit` given the sorted positions of each of its member words inside
/// one passage (`member_positions[j]` for unit.terms[j]; one list for a word or wildcard):
/// - word or wildcard: each position;
/// - phrase: each position of the first word followed, in order, by each next word after
///   the previous one, the last within unit.window positions of the first (for an exact
///   phrase, window == number of words, so the words are consecutive);
/// - NEAR: each position of a member word that starts a window of unit.window positions
///   holding every member word.
std::vector<Occurrence> find_occurrences(
    const QueryUnit& unit, const std::vector<std::vector<std::uint32_t>>& member_positions);

}  // namespace pressclip::searcher
