// Calendar dates known to a year, a month or a day, in ISO 8601 form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pressclip::schema {

/// A date at its precision: month and day are 0 when unknown (a day implies a month).
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;

  /// "2023", "2023-08" or "2023-08-03".
  std::string to_iso() const;
  /// "YYYYMMDD" of the first day of the period the date stands for ("2023-08" -> 20230801).
  std::string first_day_key() const;
  /// "YYYYMMDD" of the last day of that period ("2023-08" -> 20230831, "2023" -> 20231231).
  std::string last_day_key() const;

  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

/// Parses an ISO 8601 calendar date: "YYYY", "YYYY-MM", "YYYY-MM-DD", or a date-time
/// "YYYY-MM-DDThh:mm[:ss[.fff]][Z|+hh:mm|-hh:mm]" (the date as written is kept; the zone is
/// validated, not applied). Surrounding whitespace is ignored. Returns std::nullopt for
/// anything else, including impossible dates (2023-02-30) and years outside 1000-9999.
std::optional<PartialDate> parse_iso_date(std::string_view text);

/// Converts a "YYYYMMDD" key back to "YYYY-MM-DD"; returns `key` unchanged if malformed.
std::string iso_from_day_key(std::string_view key);

/// Number of days in `month` (1-12) of `year`, in the proleptic Gregorian calendar.
int days_in_month(int year, int month);

}  // namespace pressclip::schema
