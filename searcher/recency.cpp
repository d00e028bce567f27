// Recency factors and the posting source that applies them while matching.
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

RecencyPostingSource::RecencyPostingSource(int today, double half_life_days, double top_weight)
    : Xapian::ValuePostingSource(schema::kDateLastDaySlot),
      today_(today),
      half_life_days_(half_life_days),
      top_weight_(top_weight) {}

double RecencyPostingSource::get_weight() const {
  return top_weight_ * recency_factor(get_value(), today_, half_life_days_);
}

RecencyPostingSource* RecencyPostingSource::clone() const {
  return new RecencyPostingSource(today_, half_life_days_, top_weight_);
}

void RecencyPostingSource::init(const Xapian::Database& database) {
  Xapian::ValuePostingSource::init(database);
  set_maxweight(top_weight_);
}

}  // namespace pressclip::searcher
