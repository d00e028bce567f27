// Day arithmetic and the Y/M/D date terms of articles and of day ranges.
#include "schema/date_terms.h"

#include <cstdio>
#include <optional>

#include "schema/field_table.h"

namespace pressclip::schema {
namespace {

// A term: `prefix` then `digits` digits of `number`, zero-padded.
std::string make_term(std::string_view prefix, int number, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", digits, number);
  return std::string(prefix) + buffer;
}

// Reads a "YYYYMMDD" key of a real day of years 1000-9999.
std::optional<CivilDay> read_day_key(std::string_view key) {
  if (key.size() != 8) return std::nullopt;
  int number = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  CivilDay day{number / 10000, number / 100 % 100, number % 100};
  if (day.year < 1000 || day.month < 1 || day.month > 12 || day.day < 1 ||
      day.day > days_in_month(day.year, day.month)) {
    return std::nullopt;
  }
  return day;
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days: whole 400-year eras, with years
// starting on March 1 so that the leap day falls at the end of the year.
int days_from_civil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDay civil_from_days(int days) {
  days += 719468;
  const int era = (days >= 0 ? days : days - 146096) / 146097;
  const int day_of_era = days - era * 146097;
  const int year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int shifted_month = (5 * day_of_year + 2) / 153;  // 0 = March.
  const int month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  return CivilDay{year_of_era + era * 400 + (month <= 2 ? 1 : 0), month,
                  day_of_year - (153 * shifted_month + 2) / 5 + 1};
}

std::vector<std::string> date_terms(const PartialDate& date) {
  std::vector<std::string> terms{make_term(prefix_of(FieldId::kDateYear), date.year, 4)};
  if (date.month != 0) {
    terms.push_back(make_term(prefix_of(FieldId::kDateMonth), date.year * 100 + date.month, 6));
    if (date.day != 0) {
      terms.push_back(make_term(prefix_of(FieldId::kDateDay),
                                date.year * 10000 + date.month * 100 + date.day, 8));
    }
  }
  return terms;
}

std::vector<std::string> date_range_terms(std::string_view first_day, std::string_view last_day) {
  const auto first = read_day_key(first_day);
  const auto last = read_day_key(last_day);
  std::vector<std::string> terms;
  if (!first || !last) return terms;
  const int end = days_from_civil(last->year, last->month, last->day);
  // Greedy, coarsest unit first: every whole year inside the range becomes a Y term, and
  // only then whole months an M term, so an article (whose terms name its year, month and
  // day) matches exactly when the unit of its own precision lies inside the range.
  for (int at = days_from_civil(first->year, first->month, first->day); at <= end;) {
    const CivilDay day = civil_from_days(at);
    const int next_year = days_from_civil(day.year + 1, 1, 1);
    const int next_month = at + days_in_month(day.year, day.month) - day.day + 1;
    if (day.month == 1 && day.day == 1 && next_year - 1 <= end) {
      terms.push_back(make_term(prefix_of(FieldId::kDateYear), day.year, 4));
      at = next_year;
    } else if (day.day == 1 && next_month - 1 <= end) {
      terms.push_back(make_term(prefix_of(FieldId::kDateMonth), day.year * 100 + day.month, 6));
      at = next_month;
    } else {
      terms.push_back(
          make_term(prefix_of(FieldId::kDateDay), day.year * 10000 + day.month * 100 + day.day, 8));
      ++at;
    }
  }
  return terms;
}

}  // namespace pressclip::schema
