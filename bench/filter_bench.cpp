// Cost of date filters: pressclip's year/month/day terms against Xapian value ranges.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/field_table.h"
#include "schema/partial_date.h"
#include "searcher/date_filter.h"
#include "searcher/relative_dates.h"

namespace {

struct FilterCase {
  const char* kind;
  const char* value;  // As written after `date:`.
};

// Day, month and year filters, ranges that cut years and months, and an open range.
constexpr FilterCase kCases[] = {
    {"day", "2018-03-14"},
    {"month", "2018-03"},
    {"year", "2018"},
    {"3 weeks", "2018-07-26..2018-08-15"},
    {"18 months", "2018-01..2019-06"},
    {"open end", "2020-01-15.."},
};

double median_ms(const Xapian::Database& database, const Xapian::Query& query, int reps) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  std::vector<double> times;
  for (int i = 0; i <= reps; ++i) {  // The first run warms the cache and is not counted.
    const auto start = std::chrono::steady_clock::now();
    enquire.get_mset(0, 10);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (i > 0) times.push_back(ms);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

Xapian::doccount exact_matches(const Xapian::Database& database, const Xapian::Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  return enquire.get_mset(0, 0, database.get_doccount()).get_matches_estimated();
}

// The filter as pressclip 2 built it: both value slots compared, one document at a time.
Xapian::Query value_range_filter(const pressclip::searcher::DayRange& range) {
  std::vector<Xapian::Query> bounds;
  if (!range.first_day.empty()) {
    bounds.emplace_back(Xapian::Query::OP_VALUE_GE, pressclip::schema::kDateFirstDaySlot,
                        range.first_day);
  }
  if (!range.last_day.empty()) {
    bounds.emplace_back(Xapian::Query::OP_VALUE_LE, pressclip::schema::kDateLastDaySlot,
                        range.last_day);
  }
  return Xapian::Query(Xapian::Query::OP_AND, bounds.begin(), bounds.end());
}

}  // namespace

// Usage: pressclip_filter_bench DB REPS WORD. For each filter of kCases, with WORD and on
// its own, prints one JSON object: the median milliseconds of a top-10 match with the term
// filter, with the value-range filter and (with WORD) with no filter, and the matches of
// each filter, which must agree.
int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: pressclip_filter_bench DB REPS WORD\n";
    return 2;
  }
  try {
    const Xapian::Database database(argv[1]);
    const int reps = std::max(1, std::stoi(argv[2]));
    const Xapian::Query word(std::string(pressclip::schema::kStemPrefix) + argv[3]);
    pressclip::searcher::DateFilterContext context;
    context.today = {2024, 12, 31};
    context.earliest_day = database.get_value_lower_bound(pressclip::schema::kDateFirstDaySlot);
    context.latest_day = database.get_value_upper_bound(pressclip::schema::kDateLastDaySlot);
    int status = 0;
    for (const FilterCase& filter_case : kCases) {
      const pressclip::searcher::DayRange range =
          pressclip::searcher::parse_date_filter(filter_case.value, context.today);
      const Xapian::Query terms =
          pressclip::searcher::date_filter(range.first_day, range.last_day, context);
      const Xapian::Query values = value_range_filter(range);
      for (const bool with_word : {true, false}) {
        auto filtered = [&](const Xapian::Query& filter) {
          return with_word
                     ? Xapian::Query(Xapian::Query::OP_FILTER, word, filter)
                     : Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, filter);
        };
        nlohmann::json figures = {
            {"filter", std::string("date:") + filter_case.value},
            {"kind", filter_case.kind},
            {"with_word", with_word},
            {"terms_ms", median_ms(database, filtered(terms), reps)},
            {"value_range_ms", median_ms(database, filtered(values), reps)},
            {"term_count", terms.get_num_subqueries() == 0 ? 1 : terms.get_num_subqueries()},
        };
        if (with_word) figures["no_filter_ms"] = median_ms(database, word, reps);
        const Xapian::doccount term_matches = exact_matches(database, filtered(terms));
        const Xapian::doccount value_matches = exact_matches(database, filtered(values));
        figures["matches"] = term_matches;
        if (term_matches != value_matches) {
          figures["value_range_matches"] = value_matches;
          status = 1;  // The two filters must select the same articles.
        }
        std::cout << figures.dump() << '\n';
      }
    }
    return status;
  } catch (const std::exception& error) {
    std::cerr << "pressclip_filter_bench: " << error.what() << '\n';
    return 2;
  } catch (const Xapian::Error& error) {
    std::cerr << "pressclip_filter_bench: " << error.get_description() << '\n';
    return 2;
  }
}
