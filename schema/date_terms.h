// Boolean date filter terms (Omega's Y/M/D conventions) and the terms that cover a day range.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema/partial_date.h"

namespace pressclip::schema {

/// A calendar day of the proleptic Gregorian calendar.
struct CivilDay {
  int year = 0;
  int month = 0;  ///< 1-12.
  int day = 0;    ///< 1-31.

  friend bool operator==(const CivilDay&, const CivilDay&) = default;
};

/// The number of days from 1970-01-01 to `year`-`month`-`day` (negative before it), in the
/// proleptic Gregorian calendar. Requires a real day (month 1-12, day 1-days_in_month); the
/// result for anything else is unspecified. Exact for years -5,000,000..5,000,000. Thread-safe.
int days_from_civil(int year, int month, int day);

/// The day `days` days after 1970-01-01 (before it if negative): the inverse of
/// days_from_civil. Thread-safe.
CivilDay civil_from_days(int days);

/// The filter terms of a stored date: "Y" + YYYY always, "M" + YYYYMM if the month is known,
/// "D" + YYYYMMDD if the day is ("2023-08" -> {"Y2023", "M202308"}). Requires a date as
/// parse_iso_date returns it (year 1000-9999, a day only with a month). Thread-safe.
std::vector<std::string> date_terms(const PartialDate& date);

/// The terms whose OR matches exactly the articles (indexed with date_terms) whose whole
/// period lies inside [first_day, last_day], both "YYYYMMDD" keys of real days. The range is
/// cut into whole years (Y terms), then whole months (M), then single days (D), in date
/// order: 20230726..20230815 -> D20230726..D20230731, D20230801..D20230815;
/// 20230701..20231231 -> M202307..M202312; 20230101..20241231 -> Y2023, Y2024.
/// At most (whole years in the range) + 82 terms: each partial year at either end costs at
/// most 11 M and 30 D terms. Returns no terms (an OR that matches nothing) if a key is not a
/// real day of years 1000-9999 or first_day > last_day. Thread-safe.
std::vector<std::string> date_range_terms(std::string_view first_day, std::string_view last_day);

}  // namespace pressclip::schema
