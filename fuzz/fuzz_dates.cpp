// Fuzz target: publication dates in metadata, and date: filter values with relative dates.
// Any input must give a date or a problem, or a kBadQuery Error, and nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_checks.h"
#include "pressclip/error.h"
#include "schema/date_parser.h"
#include "schema/partial_date.h"
#include "searcher/relative_dates.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const pressclip::schema::DateReading reading = pressclip::schema::parse_metadata_date(text);
  fuzz_require(reading.date.has_value() != !reading.problem.empty(),
               "a date reading has a date or a problem, not both or neither");
  if (reading.date) {
    // A date read back from its ISO form is the same date.
    const auto again = pressclip::schema::parse_iso_date(reading.date->to_iso());
    fuzz_require(again && again->to_iso() == reading.date->to_iso(), "ISO form reads back");
  }
  const auto today = pressclip::schema::parse_iso_date("2023-08-13");
  try {
    const auto range = pressclip::searcher::parse_date_filter(text, *today);
    fuzz_require(
        range.first_day.empty() || range.last_day.empty() || range.first_day <= range.last_day,
        "a date range never ends before it starts");
  } catch (const pressclip::Error& error) {
    fuzz_require(error.kind() == pressclip::ErrorKind::kBadQuery, "only kBadQuery is thrown");
  }
  return 0;
}
