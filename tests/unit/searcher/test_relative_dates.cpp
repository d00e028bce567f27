// Unit tests of relative date bounds (today, -7d, -3m) and of date: filter values.
#include "searcher/relative_dates.h"

#include <doctest/doctest.h>

#include <string>

#include "pressclip/error.h"

using pressclip::schema::PartialDate;
using pressclip::searcher::DayRange;
using pressclip::searcher::parse_date_filter;
using pressclip::searcher::resolve_date_bound;

namespace {

const PartialDate kToday{2023, 8, 15};

// The ISO form of a bound resolved against `today`, or "none".
std::string resolved(const char* text, const PartialDate& today = kToday) {
  auto date = resolve_date_bound(text, today);
  return date ? date->to_iso() : "none";
}

// The range of a date: value as "first..last" (keys, open ends empty).
std::string range_of(const char* value, const PartialDate& today = kToday) {
  const DayRange range = parse_date_filter(value, today);
  return range.first_day + ".." + range.last_day;
}

// The message of the kBadQuery error a date: value raises, or "accepted".
std::string rejection(const char* value) {
  try {
    parse_date_filter(value, kToday);
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kBadQuery);
    return error.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("ISO bounds keep their precision") {
  CHECK(resolved("2023") == "2023");
  CHECK(resolved("2023-07") == "2023-07");
  CHECK(resolved("2023-07-26") == "2023-07-26");
  CHECK(resolved(" 2023-07-26\t") == "2023-07-26");
}

TEST_CASE("today and yesterday are days, whatever their case") {
  CHECK(resolved("today") == "2023-08-15");
  CHECK(resolved("Today") == "2023-08-15");
  CHECK(resolved("YESTERDAY") == "2023-08-14");
  CHECK(resolved("yesterday", PartialDate{2024, 1, 1}) == "2023-12-31");
  CHECK(resolved("yesterday", PartialDate{2024, 3, 1}) == "2024-02-29");
}

TEST_CASE("day and week offsets count back from today") {
  CHECK(resolved("-0d") == "2023-08-15");
  CHECK(resolved("-1d") == resolved("yesterday"));
  CHECK(resolved("-7d") == "2023-08-08");
  CHECK(resolved("-15d") == "2023-07-31");
  CHECK(resolved("-365d") == "2022-08-15");
  CHECK(resolved("-1w") == "2023-08-08");
  CHECK(resolved("-2w") == "2023-08-01");
  CHECK(resolved("-7D") == "2023-08-08");
}

TEST_CASE("month and year offsets are calendar ones, clamped to the month's last day") {
  CHECK(resolved("-3m", PartialDate{2023, 5, 31}) == "2023-02-28");
  CHECK(resolved("-3m", PartialDate{2024, 5, 31}) == "2024-02-29");
  CHECK(resolved("-1m", PartialDate{2023, 3, 31}) == "2023-02-28");
  CHECK(resolved("-1m") == "2023-07-15");
  CHECK(resolved("-8m") == "2022-12-15");
  CHECK(resolved("-12m") == "2022-08-15");
  CHECK(resolved("-25m") == "2021-07-15");
  CHECK(resolved("-1y") == "2022-08-15");
  CHECK(resolved("-1y", PartialDate{2024, 2, 29}) == "2023-02-28");
  CHECK(resolved("-4y", PartialDate{2024, 2, 29}) == "2020-02-29");
}

TEST_CASE("anything else is not a bound") {
  for (const char* text :
       {"", " ", "tomorrow", "todays", "7d", "+7d", "-d", "-7", "-7x", "- 7d", "-7 d", "-7dd",
        "--7d", "-1.5d", "-12345678d", "2023-13", "2023-02-29", "23-08-15", "0999"}) {
    CAPTURE(text);
    CHECK(resolved(text) == "none");
  }
}

TEST_CASE("offsets that leave years 1000-9999 are not bounds") {
  CHECK(resolved("-1y", PartialDate{1000, 6, 1}) == "none");
  CHECK(resolved("-6m", PartialDate{1000, 6, 1}) == "none");
  CHECK(resolved("-5m", PartialDate{1000, 6, 1}) == "1000-01-01");
  CHECK(resolved("-1d", PartialDate{1000, 1, 1}) == "none");
  CHECK(resolved("-9999999d") == "none");
  CHECK(resolved("-9999999w") == "none");
  CHECK(resolved("-9999999m") == "none");
  CHECK(resolved("-9999999y") == "none");
  CHECK(resolved("-1000y") == "1023-08-15");
}

TEST_CASE("relative bounds need today to be a day") {
  CHECK(resolved("today", PartialDate{2023, 8, 0}) == "none");
  CHECK(resolved("-7d", PartialDate{2023, 0, 0}) == "none");
  CHECK(resolved("2023-07", PartialDate{2023, 0, 0}) == "2023-07");
}

TEST_CASE("a single date covers its own period") {
  CHECK(range_of("2023-07") == "20230701..20230731");
  CHECK(range_of("2023") == "20230101..20231231");
  CHECK(range_of("2024-02") == "20240201..20240229");
  CHECK(range_of("2023-07-26") == "20230726..20230726");
  CHECK(range_of("today") == "20230815..20230815");
  CHECK(range_of("-1w") == "20230808..20230808");
}

TEST_CASE("ranges run from the first day of one bound to the last day of the other") {
  CHECK(range_of("2023-07-26..2023-08-15") == "20230726..20230815");
  CHECK(range_of("2023-07..2023-08") == "20230701..20230831");
  CHECK(range_of("2022..2023-02") == "20220101..20230228");
  CHECK(range_of("2023-08..2023-08") == "20230801..20230831");
  CHECK(range_of("-7d..") == "20230808..");
  CHECK(range_of("..2023-07") == "..20230731");
  CHECK(range_of("-2w..-1w") == "20230801..20230808");
  CHECK(range_of("2023-08..today") == "20230801..20230815");
  CHECK(range_of("yesterday..today") == "20230814..20230815");
  CHECK(range_of("-3m..", PartialDate{2023, 5, 31}) == "20230228..");
}

TEST_CASE("malformed date: values are bad queries naming the bad part and the forms") {
  CHECK(rejection("2023-13").rfind("date:2023-13: '2023-13' is not a date (use YYYY", 0) == 0);
  CHECK(rejection("2023-13").find("-Nd/-Nw/-Nm/-Ny") != std::string::npos);
  CHECK(rejection("2023..soon").rfind("date:2023..soon: 'soon' is not a date", 0) == 0);
  CHECK(rejection("-7x..").rfind("date:-7x..: '-7x' is not a date", 0) == 0);
  CHECK(rejection("2023-01..2023-02..2023-03").find("'2023-02..2023-03'") != std::string::npos);
  CHECK(rejection("").rfind("date:: give a date or a range", 0) == 0);
  CHECK(rejection("..").rfind("date:..: give a date or a range", 0) == 0);
  CHECK(rejection(" .. ").rfind("date: .. : give a date or a range", 0) == 0);
}

TEST_CASE("a range that ends before it starts is a bad query") {
  CHECK(rejection("2023-08-15..2023-08-01") ==
        "date:2023-08-15..2023-08-01: the range ends (2023-08-01) before it starts (2023-08-15)");
  CHECK(rejection("-1w..-2w").rfind("date:-1w..-2w: the range ends", 0) == 0);
  CHECK(rejection("2023-08..2023-07-31").rfind("date:2023-08..2023-07-31: the range ends", 0) == 0);
  // A day inside a month-long bound is not "before" it: the range is that day's month part.
  CHECK(rejection("2023-08..2023-08-01") == "accepted");
  CHECK(range_of("2023-08..2023-08-01") == "20230801..20230801");
}
