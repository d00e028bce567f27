// Facet counting from value slots.
#include "searcher/facet_counter.h"

#include <algorithm>

#include "schema/field_table.h"
#include "schema/partial_date.h"

namespace pressclip::searcher {
namespace {

std::vector<FacetValue> most_first(const std::map<std::string, std::size_t>& counts) {
  std::vector<FacetValue> values;
  for (const auto& [value, articles] : counts) values.push_back({value, articles});
  std::stable_sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.articles > b.articles;
  });
  return values;
}

}  // namespace

void FacetCounter::operator()(const Xapian::Document& document, double) {
  ++articles_;
  const std::string source = document.get_value(schema::kSourceSlot);
  if (source.empty()) {
    ++without_source_;
  } else {
    ++sources_[source];
  }
  const std::string agencies = document.get_value(schema::kAgencySlot);
  if (agencies.empty()) ++without_agency_;
  for (std::size_t start = 0; start < agencies.size();) {
    std::size_t end = agencies.find(schema::kAgencySeparator, start);
    if (end == std::string::npos) end = agencies.size();
    ++agencies_[agencies.substr(start, end - start)];
    start = end + 1;
  }
  std::string first_day = document.get_value(schema::kDateFirstDaySlot);
  if (first_day.empty()) {
    ++undated_;
    return;
  }
  ++periods_[{std::move(first_day), document.get_value(schema::kDateLastDaySlot)}];
  if (!document.get_value(schema::kInferredDateSlot).empty()) ++inferred_;
}

Facets FacetCounter::facets() const {
  Facets facets;
  facets.articles = articles_;
  facets.sources = most_first(sources_);
  facets.agencies = most_first(agencies_);
  facets.without_source = without_source_;
  facets.without_agency = without_agency_;
  facets.undated = undated_;
  facets.inferred_dates = inferred_;
  std::map<std::string, std::size_t> months;
  for (const auto& [period, articles] : periods_) {
    const std::string first = schema::iso_from_day_key(period.first);
    const std::string last = schema::iso_from_day_key(period.second);
    facets.dates.push_back({first, last, articles});
    // A period inside one month is dated to that month or a day of it.
    if (first.substr(0, 7) == last.substr(0, 7)) {
      months[first.substr(0, 7)] += articles;
    } else {
      facets.dated_to_year += articles;
    }
  }
  for (const auto& [month, articles] : months) facets.months.push_back({month, articles});
  return facets;
}

}  // namespace pressclip::searcher
