// Date filters from day ranges to OR-ed bucket terms.
#include "searcher/date_filter.h"

#include <chrono>
#include <ctime>

#include "pressclip/error.h"
#include "schema/date_terms.h"
#include "schema/field_table.h"
#include "searcher/relative_dates.h"

namespace pressclip::searcher {

namespace {

// A filter that no article passes: the bare day prefix, a term never indexed. (An empty
// query would make a query of only this filter look like no query at all.)
Xapian::Query no_article() {
  return Xapian::Query(std::string(schema::prefix_of(schema::FieldId::kDateDay)));
}

}  // namespace

Xapian::Query date_filter(std::string first_day, std::string last_day,
                          const DateFilterContext& context) {
  // An open end stops at the index's own dates, which bounds the number of terms.
  if (context.earliest_day.empty()) return no_article();
  if (first_day.empty() || first_day < context.earliest_day) first_day = context.earliest_day;
  if (last_day.empty() || last_day > context.latest_day) last_day = context.latest_day;
  if (last_day < first_day) return no_article();
  const std::vector<std::string> terms = schema::date_range_terms(first_day, last_day);
  Xapian::Query filter(Xapian::Query::OP_OR, terms.begin(), terms.end());
  if (!context.include_inferred_dates) {
    filter = Xapian::Query(
        Xapian::Query::OP_AND_NOT, filter,
        Xapian::Query(std::string(schema::prefix_of(schema::FieldId::kInferredDate))));
  }
  return filter;
}

Xapian::Query date_filter_for(std::string_view value, std::string_view what,
                              const DateFilterContext& context) {
  if (what == "date:") {
    DayRange range = parse_date_filter(value, context.today);
    return date_filter(std::move(range.first_day), std::move(range.last_day), context);
  }
  const std::optional<schema::PartialDate> bound = resolve_date_bound(value, context.today);
  if (!bound) {
    throw Error(ErrorKind::kBadQuery,
                std::string(what) + " '" + std::string(value) +
                    "' is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or an "
                    "age such as -7d, -2w, -3m, -1y)");
  }
  if (what == "--until") return date_filter("", bound->last_day_key(), context);
  return date_filter(bound->first_day_key(), "", context);
}

schema::PartialDate parse_today(std::string_view text) {
  const std::optional<schema::PartialDate> date = schema::parse_iso_date(text);
  if (!date || date->day == 0 || text.size() != 10) {
    throw Error(ErrorKind::kBadArgument,
                "today '" + std::string(text) + "' is not a date of the form YYYY-MM-DD");
  }
  return *date;
}

schema::PartialDate clock_today() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace pressclip::searcher
