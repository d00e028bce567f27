// Which passages of one article may enter the results.
#pragma once

#include <cstddef>
#include <vector>

#include "searcher/position_scorer.h"

namespace pressclip::searcher {

/// The passages of one article that compete for the results, best first: eligible ones
/// only; of those, the `per_article` best that match something, or, when none matches (the
/// article matched by its title, or the query only filters or excludes), its single best.
/// Ties go to the earlier passage.
std::vector<PassageScore> select_passages(std::vector<PassageScore> scores,
                                          std::size_t per_article);

}  // namespace pressclip::searcher
