// Resolving relative date bounds against today and parsing date: filter values.
#include "searcher/relative_dates.h"

#include <algorithm>

#include "pressclip/error.h"
#include "schema/date_terms.h"

namespace pressclip::searcher {
namespace {

constexpr std::string_view kAcceptedForms =
    "use YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or -Nd/-Nw/-Nm/-Ny, alone or as A..B, "
    "A.. or ..B";

// The digits allowed in an offset: enough for any span of years 1000-9999 in any unit,
// and few enough that weeks in days cannot overflow an int.
constexpr std::size_t kMaxOffsetDigits = 7;

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool equals_ignoring_case(std::string_view text, std::string_view lowercase_word) {
  return text.size() == lowercase_word.size() &&
         std::equal(text.begin(), text.end(), lowercase_word.begin(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

// The day-precision date `days` days after 1970-01-01, if it lies in years 1000-9999.
std::optional<schema::PartialDate> date_of_days(int days) {
  const schema::CivilDay day = schema::civil_from_days(days);
  if (day.year < 1000 || day.year > 9999) return std::nullopt;
  return schema::PartialDate{day.year, day.month, day.day};
}

// `today` moved back `months` calendar months, its day clamped to the month's last day.
std::optional<schema::PartialDate> months_before(const schema::PartialDate& today, int months) {
  const int month_index = today.year * 12 + (today.month - 1) - months;
  if (month_index < 1000 * 12) return std::nullopt;
  schema::PartialDate date{month_index / 12, month_index % 12 + 1, 0};
  date.day = std::min(today.day, schema::days_in_month(date.year, date.month));
  return date;
}

// "-" then 1-7 digits then d, w, m or y: that offset back from `today`.
std::optional<schema::PartialDate> resolve_offset(std::string_view text,
                                                  const schema::PartialDate& today) {
  if (text.size() < 3 || text.size() > kMaxOffsetDigits + 2 || text.front() != '-') {
    return std::nullopt;
  }
  int count = 0;
  for (char c : text.substr(1, text.size() - 2)) {
    if (c < '0' || c > '9') return std::nullopt;
    count = count * 10 + (c - '0');
  }
  const int today_days = schema::days_from_civil(today.year, today.month, today.day);
  switch (text.back()) {
    case 'd':
    case 'D':
      return date_of_days(today_days - count);
    case 'w':
    case 'W':
      return date_of_days(today_days - 7 * count);
    case 'm':
    case 'M':
      return months_before(today, count);
    case 'y':
    case 'Y':
      return months_before(today, 12 * count);
    default:
      return std::nullopt;
  }
}

// The bound `text` of the filter `value`, or a kBadQuery error naming it.
schema::PartialDate bound_or_throw(std::string_view text, std::string_view value,
                                   const schema::PartialDate& today) {
  auto date = resolve_date_bound(text, today);
  if (!date) {
    throw Error(ErrorKind::kBadQuery, "date:" + std::string(value) + ": '" +
                                          std::string(trimmed(text)) + "' is not a date (" +
                                          std::string(kAcceptedForms) + ")");
  }
  return *date;
}

}  // namespace

std::optional<schema::PartialDate> resolve_date_bound(std::string_view text,
                                                      const schema::PartialDate& today) {
  text = trimmed(text);
  if (auto date = schema::parse_iso_date(text)) return date;
  if (today.day == 0 || today.month == 0) return std::nullopt;
  if (equals_ignoring_case(text, "today")) return today;
  if (equals_ignoring_case(text, "yesterday")) {
    return date_of_days(schema::days_from_civil(today.year, today.month, today.day) - 1);
  }
  return resolve_offset(text, today);
}

DayRange parse_date_filter(std::string_view value, const schema::PartialDate& today) {
  const std::size_t dots = value.find("..");
  const std::string_view from = dots == std::string_view::npos ? value : value.substr(0, dots);
  const std::string_view to = dots == std::string_view::npos ? "" : value.substr(dots + 2);
  if (trimmed(from).empty() && trimmed(to).empty()) {
    throw Error(ErrorKind::kBadQuery, "date:" + std::string(value) +
                                          ": give a date or a range, as in "
                                          "date:2023-07-26..2023-08-15 (" +
                                          std::string(kAcceptedForms) + ")");
  }
  if (dots == std::string_view::npos) {
    const schema::PartialDate date = bound_or_throw(value, value, today);
    return DayRange{date.first_day_key(), date.last_day_key()};
  }
  DayRange range;
  if (!trimmed(from).empty()) range.first_day = bound_or_throw(from, value, today).first_day_key();
  if (!trimmed(to).empty()) range.last_day = bound_or_throw(to, value, today).last_day_key();
  if (!range.first_day.empty() && !range.last_day.empty() && range.last_day < range.first_day) {
    throw Error(ErrorKind::kBadQuery, "date:" + std::string(value) + ": the range ends (" +
                                          schema::iso_from_day_key(range.last_day) +
                                          ") before it starts (" +
                                          schema::iso_from_day_key(range.first_day) + ")");
  }
  return range;
}

}  // namespace pressclip::searcher
