// Unit tests of reading publication dates from metadata: ISO 8601, RFC 2822 and English forms.
#include "schema/date_parser.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using pressclip::schema::parse_metadata_date;

namespace {

// The date read from `text` in ISO form, or "rejected: " and the problem.
std::string read(std::string_view text) {
  const auto reading = parse_metadata_date(text);
  return reading.date ? reading.date->to_iso() : "rejected: " + reading.problem;
}

bool rejected(std::string_view text) {
  const auto reading = parse_metadata_date(text);
  return !reading.date && !reading.problem.empty();
}

}  // namespace

TEST_CASE("ISO 8601 dates are read at their precision, with or without a time") {
  CHECK(read("2023-07-27") == "2023-07-27");
  CHECK(read("2023-07") == "2023-07");
  CHECK(read("2023") == "2023");
  CHECK(read("2023-07-27T14:05:00Z") == "2023-07-27");
  CHECK(read("  2023-07-27T14:05:00+02:00\n") == "2023-07-27");
  CHECK(parse_metadata_date("2023-07-27").problem.empty());
}

TEST_CASE("RFC 2822 dates are read, with or without the weekday, with named or numeric zones") {
  CHECK(read("Thu, 27 Jul 2023 14:05:00 +0000") == "2023-07-27");
  CHECK(read("27 Jul 2023 14:05:00 +0000") == "2023-07-27");
  CHECK(read("Thu, 27 Jul 2023 14:05 GMT") == "2023-07-27");
  CHECK(read("Thu, 27 Jul 2023 14:05:00 UT") == "2023-07-27");
  CHECK(read("Thu, 27 Jul 2023 14:05:00 EST") == "2023-07-27");
  CHECK(read("Thu, 27 Jul 2023 14:05:00 PDT") == "2023-07-27");
  CHECK(read("Thu, 27 Jul 2023 14:05:00 -0500") == "2023-07-27");
  CHECK(read("Thu, 27 Jul 2023 14:05:00 +0000 (UTC)") == "2023-07-27");
  CHECK(read("Thu, 27 Jul 2023 14:05:00") == "2023-07-27");
}

TEST_CASE("the date as written is kept: a zone is validated, never applied") {
  CHECK(read("Thu, 27 Jul 2023 23:30:00 -0500") == "2023-07-27");
  CHECK(read("Thu, 27 Jul 2023 00:30:00 +1400") == "2023-07-27");
  CHECK(read("Thu, 27 Jul 2023 23:59:59 EDT") == "2023-07-27");
  CHECK(read("July 27, 2023 11:30 PM PST") == "2023-07-27");
  CHECK(read("July 27, 2023, 00:10 +09:00") == "2023-07-27");
  CHECK(read("2023-07-27T23:30:00-05:00") == "2023-07-27");
}

TEST_CASE("English dates with the month first are read, with or without commas") {
  CHECK(read("July 27, 2023") == "2023-07-27");
  CHECK(read("July 27 2023") == "2023-07-27");
  CHECK(read("Jul 27, 2023") == "2023-07-27");
  CHECK(read("Jul. 27, 2023") == "2023-07-27");
  CHECK(read("Jul 27 2023") == "2023-07-27");
  CHECK(read("Sept. 10, 2023") == "2023-09-10");
  CHECK(read("Sep 10, 2023") == "2023-09-10");
  CHECK(read("May 1, 2023") == "2023-05-01");
  CHECK(read("July 27th, 2023") == "2023-07-27");
  CHECK(read("1st May 2023") == "2023-05-01");
  CHECK(read("December 31, 1999") == "1999-12-31");
}

TEST_CASE("English dates with the day first are read") {
  CHECK(read("27 July 2023") == "2023-07-27");
  CHECK(read("27 Jul 2023") == "2023-07-27");
  CHECK(read("27 Jul. 2023") == "2023-07-27");
  CHECK(read("1 January 2024") == "2024-01-01");
}

TEST_CASE("month names are read whatever their case") {
  CHECK(read("JULY 27, 2023") == "2023-07-27");
  CHECK(read("july 27, 2023") == "2023-07-27");
  CHECK(read("27 jul 2023") == "2023-07-27");
  CHECK(read("THURSDAY, JULY 27, 2023") == "2023-07-27");
}

TEST_CASE("a weekday before the date is accepted when it is the right one") {
  CHECK(read("Thursday, July 27, 2023") == "2023-07-27");
  CHECK(read("Thursday July 27 2023") == "2023-07-27");
  CHECK(read("Thu July 27, 2023") == "2023-07-27");
  CHECK(read("Thurs. July 27, 2023") == "2023-07-27");
  CHECK(read("Thursday 27 July 2023") == "2023-07-27");
}

TEST_CASE("a weekday that contradicts the date is a problem naming the right weekday") {
  const auto reading = parse_metadata_date("Friday, July 27, 2023");
  CHECK_FALSE(reading.date);
  CHECK(reading.problem == "'Friday, July 27, 2023': 2023-07-27 is a Thursday, not a Friday");
  CHECK(rejected("Fri, 27 Jul 2023 14:05:00 +0000"));
  CHECK(rejected("Monday July 27 2023"));
}

TEST_CASE("a month and a year are read at month precision") {
  CHECK(read("July 2023") == "2023-07");
  CHECK(read("Jul 2023") == "2023-07");
  CHECK(read("SEPTEMBER 2023") == "2023-09");
  CHECK(parse_metadata_date("July 2023").date->day == 0);
}

TEST_CASE("a time after the date is accepted in the usual English forms") {
  CHECK(read("July 27, 2023 10:15 AM") == "2023-07-27");
  CHECK(read("July 27, 2023 10:15 pm") == "2023-07-27");
  CHECK(read("July 27, 2023, 10:15 GMT") == "2023-07-27");
  CHECK(read("July 27, 2023 at 10:15 a.m.") == "2023-07-27");
  CHECK(read("July 27, 2023 10:15AM EDT") == "2023-07-27");
  CHECK(read("27 July 2023 10:15:30") == "2023-07-27");
  CHECK(read("July 27, 2023 10:15 CEST") == "2023-07-27");
  CHECK(read("27 July 2023 10:15 WAT") == "2023-07-27");
  CHECK(rejected("July 27, 2023 25:00"));
  CHECK(rejected("July 27, 2023 10:61"));
  CHECK(rejected("July 27, 2023 13:15 PM"));
  CHECK(rejected("July 27, 2023 10:15 Mars Time"));
  CHECK(rejected("July 27, 2023 10:15 cest"));
  CHECK(rejected("July 27, 2023 10:15 ABCDEF"));
  CHECK(rejected("July 27th 2023th"));
  CHECK(rejected("July 27, 2023,"));
}

TEST_CASE("no-break and repeated spaces are read as one space") {
  CHECK(read("27\u00a0July\u00a02023") == "2023-07-27");
  CHECK(read("July  27,   2023") == "2023-07-27");
  CHECK(read("Thu,\u202f27 Jul 2023 14:05:00 +0000") == "2023-07-27");
}

TEST_CASE("leap days are read only in leap years, proleptic Gregorian like ISO 8601") {
  CHECK(read("February 29, 2024") == "2024-02-29");
  CHECK(read("29 Feb 2000") == "2000-02-29");
  CHECK(read("February 29, 1600") == "1600-02-29");
  CHECK(rejected("February 29, 2023"));
  CHECK(rejected("February 29, 1900"));
  CHECK(rejected("February 29, 1500"));
}

TEST_CASE("impossible dates are rejected with a problem saying so") {
  CHECK(read("February 30, 2023") == "rejected: 'February 30, 2023' is not a real date");
  CHECK(rejected("April 31, 2023"));
  CHECK(rejected("32 July 2023"));
  CHECK(rejected("July 0, 2023"));
  CHECK(rejected("2023-02-30"));
}

TEST_CASE("years outside 1000-9999 and two-digit years are rejected") {
  CHECK(read("July 27, 23") ==
        "rejected: 'July 27, 23' needs a year written in full, from 1000 to 9999");
  CHECK(rejected("July 27, 0999"));
  CHECK(rejected("July 27, 10000"));
  CHECK(rejected("July 999"));
  CHECK(rejected("July 27"));
  CHECK(rejected("27 July"));
}

TEST_CASE("numeric dates other than ISO are rejected as ambiguous, suggesting the readings") {
  CHECK(read("07/08/2023") ==
        "rejected: '07/08/2023' is ambiguous (7 August 2023 or 8 July 2023?): write 2023-08-07 "
        "or 2023-07-08");
  CHECK(rejected("7.8.2023"));
  CHECK(rejected("08-07-2023"));
  CHECK(rejected("07/08/2023 10:15"));
  CHECK(rejected("07/08/23"));
  CHECK(read("13/08/2023") ==
        "rejected: '13/08/2023' is a numeric date, which is ambiguous: write 2023-08-13 or 13 "
        "August 2023");
  CHECK(read("2023/07/08") ==
        "rejected: '2023/07/08' is not an ISO 8601 date: write 2023-07-08 or 8 July 2023");
  CHECK(read("07/07/2023").find("2023-07-07") != std::string::npos);
  CHECK(rejected("13/13/2023"));
}

TEST_CASE("text that is not a date is rejected with a one-line problem") {
  CHECK(parse_metadata_date("").problem == "the date is empty");
  CHECK(parse_metadata_date(" \t\n").problem == "the date is empty");
  CHECK(rejected("yesterday"));
  CHECK(rejected("Thursday"));
  CHECK(rejected("Smarch 27, 2023"));
  CHECK(rejected("July 27, 2023 and more"));
  CHECK(rejected("Julyy 27, 2023"));
  const auto reading =
      parse_metadata_date("not a date\nat all, and rather long so that it gets cut");
  CHECK(reading.problem.find('\n') == std::string::npos);
  CHECK(reading.problem.size() < 140);
}

TEST_CASE("dates are read correctly from several threads at once") {
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 200; ++i) {
        const int day = 1 + (i + t) % 28;
        const std::string text = "March " + std::to_string(day) + ", 2023 10:15 GMT";
        const auto reading = parse_metadata_date(text);
        if (!reading.date || reading.date->day != day || reading.date->month != 3) ++failures[t];
        if (parse_metadata_date("Fri, 28 Jul 2023 10:00 +0000").problem.empty() == false) {
          ++failures[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : failures) CHECK(count == 0);
}
