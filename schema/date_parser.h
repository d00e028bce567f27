// Reading publication dates written in metadata: ISO 8601, RFC 2822 and common English forms.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/partial_date.h"

namespace pressclip::schema {

/// The outcome of reading a date written in metadata: a date, or why there is none.
struct DateReading {
  std::optional<PartialDate> date;
  std::string problem;  ///< One line for a warning when `date` is empty (e.g. "'07/08/2023' is
                        ///< ambiguous (7 August or July 8?): write 2023-08-07 or 2023-07-08").
};

/// Parses a publication date from metadata (front matter, manifest, a "Date:" line):
/// ISO 8601 at year/month/day precision with optional time and zone (parse_iso_date),
/// RFC 2822 ("Thu, 27 Jul 2023 14:05:00 +0000", weekday optional, zone names GMT/UT/EST...
/// and numeric), and common English forms: "July 27, 2023", "July 27 2023", "27 July 2023",
/// "Jul. 27, 2023", "Sept. 10, 2023", "Thursday, July 27, 2023", "Thursday July 27 2023",
/// "July 2023" (month precision), optionally followed by a time ("July 27, 2023 10:15 AM",
/// "July 27, 2023, 10:15 GMT", "July 27, 2023 at 10:15 a.m."). Month and weekday names are
/// English (ICU, en_US), case-insensitive. The date AS WRITTEN is kept: a zone is validated,
/// not applied (23:30 -0500 on the 27th stays the 27th). Purely numeric forms other than ISO
/// ("07/08/2023", "7.8.2023", "08-07-2023") are rejected as ambiguous; impossible dates
/// (February 30), years outside 1000-9999 and a weekday that contradicts the date are
/// rejected too, each with a problem saying so. Thread-safe.
DateReading parse_metadata_date(std::string_view text);

}  // namespace pressclip::schema
