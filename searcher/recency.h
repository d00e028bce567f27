// Recency in ranking: a weight that halves with every half-life of an article's age.
#pragma once

#include <xapian.h>

#include <string_view>

namespace pressclip::searcher {

/// 0.5^(age / half_life) for an article whose date ends on `last_day_key` ("YYYYMMDD"),
/// with age in days up to `today` (days since 1970-01-01); 1 for a date not yet past, 0.5
/// (one half-life) for an undated article (empty key).
double recency_factor(std::string_view last_day_key, int today, double half_life_days);

/// A posting source over the dated articles, weighing each `top_weight` times its
/// recency_factor. Combined with the query by OP_AND_MAYBE, it lifts recent articles while
/// Xapian picks the candidate articles, so that recency is part of matching, not a re-sort.
///
/// Thread-safety: as Xapian posting sources; one per search.
class RecencyPostingSource : public Xapian::ValuePostingSource {
 public:
  RecencyPostingSource(int today, double half_life_days, double top_weight);

  double get_weight() const override;
  RecencyPostingSource* clone() const override;
  std::string name() const override { return "pressclip::RecencyPostingSource"; }
  void init(const Xapian::Database& database) override;

 private:
  int today_;
  double half_life_days_;
  double top_weight_;
};

}  // namespace pressclip::searcher
