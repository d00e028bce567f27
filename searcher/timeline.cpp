// Counting dated articles into consecutive days, ISO weeks, months or years.
#include "pressclip/timeline.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "pressclip/error.h"
#include "schema/partial_date.h"

namespace pressclip {
namespace {

namespace chrono = std::chrono;

// kAuto's limits on the span of the dates, from the earliest first day to the latest last day.
constexpr long long kAutoDaysUpTo = 62;     // days: two months of daily bars at most
constexpr long long kAutoWeeksUpTo = 366;   // days: a year (and a leap day) of weekly bars
constexpr long long kAutoMonthsUpTo = 120;  // calendar months: ten years of monthly bars

// A period of days with its articles, parsed from a DatedCount.
struct Period {
  chrono::sys_days first;
  chrono::sys_days last;
  std::size_t articles = 0;
};

long long floor_div(long long value, long long divisor) {
  return value / divisor - (value % divisor < 0 ? 1 : 0);
}

chrono::sys_days parse_day(const std::string& text) {
  const std::optional<schema::PartialDate> date = schema::parse_iso_date(text);
  // parse_iso_date also accepts "2023", "2023-08", date-times and surrounding blanks.
  if (!date || date->day == 0 || text.size() != 10) {
    throw Error(ErrorKind::kBadArgument,
                "timeline: \"" + text + "\" is not a day as YYYY-MM-DD (years 1000-9999)");
  }
  return chrono::year{date->year} / chrono::month{static_cast<unsigned>(date->month)} /
         chrono::day{static_cast<unsigned>(date->day)};
}

std::string format_day(chrono::sys_days day) {
  const chrono::year_month_day date{day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

long long month_ordinal(chrono::sys_days day) {
  const chrono::year_month_day date{day};
  return static_cast<int>(date.year()) * 12LL + static_cast<unsigned>(date.month()) - 1;
}

// The number of the bar holding `day`: consecutive bars have consecutive numbers.
long long bar_ordinal(TimelineBucket bucket, chrono::sys_days day) {
  const long long days = day.time_since_epoch().count();
  switch (bucket) {
    case TimelineBucket::kWeek:
      // 1970-01-01 (day 0) was a Thursday: weeks are counted from Monday 1969-12-29.
      return floor_div(days + 3, 7);
    case TimelineBucket::kMonth:
      return month_ordinal(day);
    case TimelineBucket::kYear:
      return static_cast<int>(chrono::year_month_day{day}.year());
    case TimelineBucket::kAuto:
    case TimelineBucket::kDay:
      break;
  }
  return days;
}

chrono::sys_days bar_first_day(TimelineBucket bucket, long long ordinal) {
  switch (bucket) {
    case TimelineBucket::kWeek:
      return chrono::sys_days{chrono::days{ordinal * 7 - 3}};
    case TimelineBucket::kMonth:
      return chrono::year{static_cast<int>(floor_div(ordinal, 12))} /
             chrono::month{static_cast<unsigned>(ordinal - floor_div(ordinal, 12) * 12 + 1)} / 1;
    case TimelineBucket::kYear:
      return chrono::year{static_cast<int>(ordinal)} / chrono::January / 1;
    case TimelineBucket::kAuto:
    case TimelineBucket::kDay:
      break;
  }
  return chrono::sys_days{chrono::days{ordinal}};
}

// "2023-07-27", "2023-W30" (ISO week-year and week), "2023-07" or "2023".
std::string bar_label(TimelineBucket bucket, chrono::sys_days first_day) {
  const chrono::year_month_day date{first_day};
  char buffer[32];
  switch (bucket) {
    case TimelineBucket::kWeek: {
      // An ISO week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
      const chrono::sys_days thursday = first_day + chrono::days{3};
      const chrono::year iso_year = chrono::year_month_day{thursday}.year();
      const long long day_of_year =
          (thursday - chrono::sys_days{iso_year / chrono::January / 1}).count();
      std::snprintf(buffer, sizeof buffer, "%04d-W%02d", static_cast<int>(iso_year),
                    static_cast<int>(day_of_year / 7 + 1));
      return buffer;
    }
    case TimelineBucket::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02u", static_cast<int>(date.year()),
                    static_cast<unsigned>(date.month()));
      return buffer;
    case TimelineBucket::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", static_cast<int>(date.year()));
      return buffer;
    case TimelineBucket::kAuto:
    case TimelineBucket::kDay:
      break;
  }
  return format_day(first_day);
}

TimelineBucket choose_bucket(chrono::sys_days earliest, chrono::sys_days latest) {
  const long long span_days = (latest - earliest).count() + 1;
  if (span_days <= kAutoDaysUpTo) return TimelineBucket::kDay;
  if (span_days <= kAutoWeeksUpTo) return TimelineBucket::kWeek;
  if (month_ordinal(latest) - month_ordinal(earliest) + 1 <= kAutoMonthsUpTo) {
    return TimelineBucket::kMonth;
  }
  return TimelineBucket::kYear;
}

[[noreturn]] void throw_too_many_bars(TimelineBucket bucket, chrono::sys_days earliest,
                                      chrono::sys_days latest, long long bars) {
  std::string wider;
  static constexpr std::array kOrder = {TimelineBucket::kDay, TimelineBucket::kWeek,
                                        TimelineBucket::kMonth, TimelineBucket::kYear};
  for (auto it = std::find(kOrder.begin(), kOrder.end(), bucket) + 1; it != kOrder.end(); ++it) {
    wider += (wider.empty() ? "" : ", ") + std::string(to_string(*it));
  }
  throw Error(ErrorKind::kBadArgument,
              "a timeline by " + std::string(to_string(bucket)) + " from " + format_day(earliest) +
                  " to " + format_day(latest) + " needs " + std::to_string(bars) +
                  " bars, more than " + std::to_string(kMaxTimelineBars) + ": " +
                  (wider.empty() ? "" : "choose a wider bucket (" + wider + ") or ") +
                  "restrict the dates with date:FROM..TO");
}

}  // namespace

Timeline make_timeline(const std::vector<DatedCount>& dates, TimelineBucket bucket) {
  std::vector<Period> periods;
  periods.reserve(dates.size());
  for (const DatedCount& date : dates) {
    Period period{parse_day(date.first_day), parse_day(date.last_day), date.articles};
    if (period.last < period.first) {
      throw Error(ErrorKind::kBadArgument, "timeline: the period " + date.first_day + ".." +
                                               date.last_day + " ends before it starts");
    }
    if (period.articles > 0) periods.push_back(period);
  }

  Timeline timeline;
  timeline.bucket = bucket == TimelineBucket::kAuto ? TimelineBucket::kDay : bucket;
  if (periods.empty()) return timeline;

  chrono::sys_days earliest = periods.front().first;
  chrono::sys_days latest = periods.front().last;
  for (const Period& period : periods) {
    earliest = std::min(earliest, period.first);
    latest = std::max(latest, period.last);
  }
  if (bucket == TimelineBucket::kAuto) timeline.bucket = choose_bucket(earliest, latest);

  const TimelineBucket chosen = timeline.bucket;
  const long long first_ordinal = bar_ordinal(chosen, earliest);
  const long long bar_count = bar_ordinal(chosen, latest) - first_ordinal + 1;
  if (bar_count > static_cast<long long>(kMaxTimelineBars)) {
    throw_too_many_bars(chosen, earliest, latest, bar_count);
  }

  timeline.bars.resize(static_cast<std::size_t>(bar_count));
  for (std::size_t i = 0; i < timeline.bars.size(); ++i) {
    TimelineBar& bar = timeline.bars[i];
    const long long ordinal = first_ordinal + static_cast<long long>(i);
    const chrono::sys_days first = bar_first_day(chosen, ordinal);
    bar.label = bar_label(chosen, first);
    bar.first_day = format_day(first);
    bar.last_day = format_day(bar_first_day(chosen, ordinal + 1) - chrono::days{1});
  }
  for (const Period& period : periods) {
    const long long ordinal = bar_ordinal(chosen, period.first);
    if (ordinal == bar_ordinal(chosen, period.last)) {
      timeline.bars[static_cast<std::size_t>(ordinal - first_ordinal)].articles += period.articles;
    } else {
      timeline.imprecise += period.articles;
    }
  }
  return timeline;
}

const char* to_string(TimelineBucket bucket) noexcept {
  switch (bucket) {
    case TimelineBucket::kAuto:
      return "auto";
    case TimelineBucket::kDay:
      return "day";
    case TimelineBucket::kWeek:
      return "week";
    case TimelineBucket::kMonth:
      return "month";
    case TimelineBucket::kYear:
      return "year";
  }
  return "auto";
}

std::optional<TimelineBucket> parse_timeline_bucket(std::string_view name) {
  for (TimelineBucket bucket : {TimelineBucket::kAuto, TimelineBucket::kDay, TimelineBucket::kWeek,
                                TimelineBucket::kMonth, TimelineBucket::kYear}) {
    if (name == to_string(bucket)) return bucket;
  }
  return std::nullopt;
}

}  // namespace pressclip
