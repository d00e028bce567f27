// Date bounds as users write them (ISO dates, today, -7d) and the day range of a date: filter.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/partial_date.h"

namespace pressclip::searcher {

/// One end of a date range as written in a query or a --since/--until option. Accepts ISO
/// "YYYY", "YYYY-MM", "YYYY-MM-DD" (kept at their precision); "today" and "yesterday"
/// (case-insensitive); and offsets back from today: a minus sign, 1-7 digits and a unit d
/// (days), w (weeks), m (calendar months) or y (years), the unit case-insensitive. "-1d" is
/// yesterday, "-7d" the day a week before today; "-3m" and "-1y" keep the day of the month,
/// clamped to the target month's last day (2023-05-31 -3m -> 2023-02-28). Surrounding spaces
/// and tabs are ignored. Requires `today` at day precision. Relative forms, "today" and
/// "yesterday" resolve to a day-precision date. Returns std::nullopt if `text` is none of
/// these, if `today` is not a day, or if the result falls outside years 1000-9999.
/// Thread-safe.
std::optional<schema::PartialDate> resolve_date_bound(std::string_view text,
                                                      const schema::PartialDate& today);

/// The days a date: filter covers, as "YYYYMMDD" keys; an open end is empty.
struct DayRange {
  std::string first_day;  ///< First day of the range, or empty for no lower bound.
  std::string last_day;   ///< Last day of the range, or empty for no upper bound.
};

/// Parses a date: filter value: "A", "A..B", "A.." or "..B", with A and B as
/// resolve_date_bound accepts them ("2023", "today", "-7d.." = from 7 days ago through
/// today, "-2w..-1w"). Returns the first day of A's period and the last day of B's ("A"
/// alone covers its own period: "2023-07" -> 20230701..20230731). Throws
/// pressclip::Error(ErrorKind::kBadQuery) with a one-line message starting "date:" + value
/// that names the bad part and the accepted forms, for an empty value or range (".."), a
/// bound that is not a date, or a range that ends before it starts. Requires `today` at day
/// precision. Thread-safe.
DayRange parse_date_filter(std::string_view value, const schema::PartialDate& today);

}  // namespace pressclip::searcher
