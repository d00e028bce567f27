// Recency in ranking: a weight that halves with every half-life of an article's age.
#pragma once

#include <string_view>

namespace pressclip::searcher {

/// 0.5^(age / half_life) for an article whose date ends on `last_day_key` ("YYYYMMDD"),
/// with age in days up to `today` (days since 1970-01-01); 1 for a date not yet past, 0.5
/// (one half-life) for an undated article (empty key).
double recency_factor(std::string_view last_day_key, int today, double half_life_days);

}  // namespace pressclip::searcher
