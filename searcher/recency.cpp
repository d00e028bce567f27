// Recency factors: how much an article's age decays its score.
#include "searcher/recency.h"

#include <algorithm>
#include <cmath>

#include "schema/date_terms.h"
#include "schema/field_table.h"

namespace pressclip::searcher {
namespace {

int digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

double recency_factor(std::string_view last_day_key, int today, double half_life_days) {
  if (last_day_key.size() != 8 || digits(last_day_key) < 0 || half_life_days <= 0) return 0.5;
  const int day =
      schema::days_from_civil(digits(last_day_key.substr(0, 4)), digits(last_day_key.substr(4, 2)),
                              digits(last_day_key.substr(6, 2)));
  const double age = std::max(0, today - day);
  return std::pow(0.5, age / half_life_days);
}

}  // namespace pressclip::searcher
