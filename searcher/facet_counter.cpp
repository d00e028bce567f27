// Facet counting from value slots.
#include "searcher/facet_counter.h"

#include <algorithm>
#include <map>
#include <string>

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

// The counts of `spy` by value, and how many articles had a value.
std::map<std::string, std::size_t> counts_of(const Xapian::ValueCountMatchSpy& spy,
                                             std::size_t& with_value) {
  std::map<std::string, std::size_t> counts;
  with_value = 0;
  for (auto value = spy.values_begin(); value != spy.values_end(); ++value) {
    counts[*value] += value.get_termfreq();
    with_value += value.get_termfreq();
  }
  return counts;
}

}  // namespace

FacetCounter::FacetCounter()
    : sources_(schema::kSourceSlot),
      agencies_(schema::kAgencySlot),
      periods_(schema::kDatePeriodSlot),
      inferred_(schema::kInferredDateSlot) {}

void FacetCounter::watch(Xapian::Enquire& enquire) {
  enquire.add_matchspy(&sources_);
  enquire.add_matchspy(&agencies_);
  enquire.add_matchspy(&periods_);
  enquire.add_matchspy(&inferred_);
}

Facets FacetCounter::facets() const {
  Facets facets;
  facets.articles = sources_.get_total();
  std::size_t with_value = 0;
  facets.sources = most_first(counts_of(sources_, with_value));
  facets.without_source = facets.articles - with_value;
  // An article's agencies are one value: count each agency of each combination.
  std::map<std::string, std::size_t> agencies;
  for (const auto& [joined, articles] : counts_of(agencies_, with_value)) {
    for (std::size_t start = 0; start <= joined.size();) {
      std::size_t end = joined.find(schema::kAgencySeparator, start);
      if (end == std::string::npos) end = joined.size();
      agencies[joined.substr(start, end - start)] += articles;
      start = end + 1;
    }
  }
  facets.agencies = most_first(agencies);
  facets.without_agency = facets.articles - with_value;
  counts_of(inferred_, facets.inferred_dates);
  std::map<std::string, std::size_t> months;
  for (const auto& [period, articles] : counts_of(periods_, with_value)) {
    if (period.size() != 16) continue;  // Not written by this format: never in an index of it.
    const std::string first = schema::iso_from_day_key(period.substr(0, 8));
    const std::string last = schema::iso_from_day_key(period.substr(8));
    facets.dates.push_back({first, last, articles});
    // A period inside one month is dated to that month or a day of it.
    if (first.substr(0, 7) == last.substr(0, 7)) {
      months[first.substr(0, 7)] += articles;
    } else {
      facets.dated_to_year += articles;
    }
  }
  facets.undated = facets.articles - with_value;
  for (const auto& [month, articles] : months) facets.months.push_back({month, articles});
  return facets;
}

}  // namespace pressclip::searcher
