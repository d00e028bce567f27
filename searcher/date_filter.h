// Date filters as boolean terms: `date:` values, --since and --until.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "schema/partial_date.h"

namespace pressclip::searcher {

/// What a date filter depends on besides its text.
struct DateFilterContext {
  schema::PartialDate today;           ///< For relative dates; day precision.
  bool include_inferred_dates = true;  ///< Whether dates inferred from text match.
  std::string earliest_day;            ///< "YYYYMMDD" bounds of the index's dates, to
  std::string latest_day;              ///< close open ranges; empty if nothing is dated.
};

/// The filter for articles whose date's period lies inside [first_day, last_day] ("YYYYMMDD"
/// keys, either empty for an open end): an OR of year, month and day terms covering the
/// range (schema/date_terms.h), which Xapian runs as fast as any boolean filter, with
/// inferred dates excluded if the context says so. Never throws for valid keys.
Xapian::Query date_filter(std::string first_day, std::string last_day,
                          const DateFilterContext& context);

/// The filter for a `date:` value or a since/until pair, as date_filter. Throws
/// pressclip::Error kBadQuery naming `what` ("date:..." or "--since") for a bad date.
Xapian::Query date_filter_for(std::string_view value, std::string_view what,
                              const DateFilterContext& context);

/// `text` ("YYYY-MM-DD") as a day-precision date. Throws Error kBadArgument otherwise.
schema::PartialDate parse_today(std::string_view text);

/// The local date from the system clock.
schema::PartialDate clock_today();

}  // namespace pressclip::searcher
