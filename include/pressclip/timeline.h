// Counting dated articles into consecutive periods (days, weeks, months, years) for a timeline.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pressclip/export.h"

namespace pressclip {

/// The width of a timeline's bars.
enum class TimelineBucket {
  kAuto,   ///< Chosen from the span of the dates (see make_timeline).
  kDay,    ///< One calendar day, labelled "2023-07-27".
  kWeek,   ///< One ISO 8601 week, Monday to Sunday, labelled "2023-W30" (ISO week-year).
  kMonth,  ///< One calendar month, labelled "2023-07".
  kYear,   ///< One calendar year, labelled "2023".
};

/// Articles dated with a period: its first and last day as "YYYY-MM-DD" (equal for a date
/// known to the day; "2023-08-01".."2023-08-31" for an article dated "2023-08"; a whole year
/// for "2023").
struct DatedCount {
  std::string first_day;
  std::string last_day;
  std::size_t articles = 0;
};

/// One bar: the period it covers and the articles dated inside it.
struct TimelineBar {
  std::string label;      ///< As described for each TimelineBucket.
  std::string first_day;  ///< "YYYY-MM-DD", the first day of the period.
  std::string last_day;   ///< "YYYY-MM-DD", the last day of the period.
  std::size_t articles = 0;
};

/// Dated articles counted by period.
struct Timeline {
  TimelineBucket bucket = TimelineBucket::kDay;  ///< Never kAuto.
  /// Consecutive periods from the earliest to the latest, empty ones included.
  std::vector<TimelineBar> bars;
  /// Articles whose period does not lie inside one bar, so that they are in none: dated
  /// less precisely than the bucket ("2023-08" with week bars, "2023" with month bars).
  std::size_t imprecise = 0;
};

/// make_timeline() refuses to build more bars than this: one line each is already more than
/// anyone reads in a terminal.
inline constexpr std::size_t kMaxTimelineBars = 5000;

/// Counts `dates` into bars of `bucket`. `dates` may come in any order and repeat periods
/// (their articles add up); entries with 0 articles are ignored.
///
/// The bars run from the one holding the earliest first day to the one holding the latest
/// last day of all `dates`, counting a partial date at its whole period even when it does
/// not fit in a bar: every article lies within the timeline shown, placed in a bar or not.
/// An article is in a bar if its whole period lies inside the bar; otherwise it is counted
/// in `imprecise`.
///
/// kAuto picks the bucket from that same span, from the earliest first day to the latest
/// last day: days up to 62 days, ISO weeks up to 366 days (at most 54 bars), months when
/// the span touches at most 120 calendar months, years beyond. So a partial date widens the
/// span by its whole period (one article dated "2023" among others of August 2023 gives
/// weeks over all of 2023), and is imprecise if coarser than the bucket chosen.
///
/// Returns a timeline with no bars (and bucket kDay for kAuto) when no date has articles.
/// Throws Error kBadArgument if a day is not a valid "YYYY-MM-DD" date of years 1000-9999,
/// if a first day comes after its last day, or if more than kMaxTimelineBars bars would be
/// needed (the message suggests a wider bucket).
///
/// Thread-safety: a pure function; safe to call from any number of threads.
PRESSCLIP_EXPORT Timeline make_timeline(const std::vector<DatedCount>& dates,
                                        TimelineBucket bucket);

/// "auto", "day", "week", "month" or "year". Thread-safe.
PRESSCLIP_EXPORT const char* to_string(TimelineBucket bucket) noexcept;

/// The bucket named `name` as to_string() spells it (exactly, lowercase), or std::nullopt
/// for any other string. Thread-safe.
PRESSCLIP_EXPORT std::optional<TimelineBucket> parse_timeline_bucket(std::string_view name);

}  // namespace pressclip
