// Counting words, phrases and NEAR windows over sorted word positions.
#include "searcher/unit_occurrences.h"

#include <algorithm>

namespace pressclip::searcher {
namespace {

// The first position in `sorted` that is > `after`, if it is <= `limit`.
bool next_within(const std::vector<std::uint32_t>& sorted, std::uint32_t after, std::uint32_t limit,
                 std::uint32_t& found) {
  auto it = std::upper_bound(sorted.begin(), sorted.end(), after);
  if (it == sorted.end() || *it > limit) return false;
  found = *it;
  return true;
}

std::vector<Occurrence> phrase_occurrences(const QueryUnit& unit,
                                           const std::vector<std::vector<std::uint32_t>>& members) {
  std::vector<Occurrence> occurrences;
  const bool exact = unit.window <= members.size();
  for (std::uint32_t first : members[0]) {
    Occurrence occurrence{first};
    const std::uint32_t limit = first + unit.window - 1;
    for (std::size_t j = 1; j < members.size(); ++j) {
      std::uint32_t next = 0;
      const std::uint32_t after = occurrence.back();
      // An exact phrase needs the very next position; ADJ/n any later one in the window.
      if (!next_within(members[j], after, exact ? after + 1 : limit, next)) break;
      occurrence.push_back(next);
    }
    if (occurrence.size() == members.size()) occurrences.push_back(std::move(occurrence));
  }
  return occurrences;
}

std::vector<Occurrence> near_occurrences(const QueryUnit& unit,
                                         const std::vector<std::vector<std::uint32_t>>& members) {
  std::vector<std::uint32_t> starts;
  for (const auto& positions : members)
    starts.insert(starts.end(), positions.begin(), positions.end());
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<Occurrence> occurrences;
  for (std::uint32_t start : starts) {
    Occurrence occurrence;
    for (const auto& positions : members) {
      auto it = std::lower_bound(positions.begin(), positions.end(), start);
      if (it == positions.end() || *it > start + unit.window - 1) break;
      occurrence.push_back(*it);
    }
    if (occurrence.size() == members.size()) occurrences.push_back(std::move(occurrence));
  }
  return occurrences;
}

}  // namespace

std::vector<Occurrence> find_occurrences(
    const QueryUnit& unit, const std::vector<std::vector<std::uint32_t>>& member_positions) {
  if (member_positions.empty()) return {};
  switch (unit.kind) {
    case UnitKind::kPhrase:
      return phrase_occurrences(unit, member_positions);
    case UnitKind::kNear:
      return near_occurrences(unit, member_positions);
    case UnitKind::kTerm:
    case UnitKind::kWildcard:
      break;
  }
  std::vector<Occurrence> occurrences;
  for (std::uint32_t position : member_positions[0]) occurrences.push_back({position});
  return occurrences;
}

}  // namespace pressclip::searcher
