// Unit tests of ISO 8601 date parsing at year, month and day precision.
#include "schema/partial_date.h"

#include <doctest/doctest.h>

using pressclip::schema::parse_iso_date;
using pressclip::schema::PartialDate;

TEST_CASE("dates parse at their precision and print back in ISO form") {
  CHECK(parse_iso_date("2023")->to_iso() == "2023");
  CHECK(parse_iso_date("2023-08")->to_iso() == "2023-08");
  CHECK(parse_iso_date("2023-08-03")->to_iso() == "2023-08-03");
  CHECK(parse_iso_date(" 2023-08-03 ")->to_iso() == "2023-08-03");
}

TEST_CASE("date-times keep the date as written and validate the time and zone") {
  CHECK(parse_iso_date("2023-08-03T10:15:00Z")->to_iso() == "2023-08-03");
  CHECK(parse_iso_date("2023-08-03T23:59:59.123+02:00")->to_iso() == "2023-08-03");
  CHECK(parse_iso_date("2023-08-03 10:15")->to_iso() == "2023-08-03");
  CHECK_FALSE(parse_iso_date("2023-08-03T25:00"));
  CHECK_FALSE(parse_iso_date("2023-08-03T10:15+2"));
}

TEST_CASE("impossible and ambiguous dates are rejected, not guessed") {
  CHECK_FALSE(parse_iso_date("2023-02-29"));
  CHECK(parse_iso_date("2024-02-29"));
  CHECK_FALSE(parse_iso_date("2023-13"));
  CHECK_FALSE(parse_iso_date("2023-00-10"));
  CHECK_FALSE(parse_iso_date("03/08/2023"));
  CHECK_FALSE(parse_iso_date("23-08-03"));
  CHECK_FALSE(parse_iso_date("July 27, 2023"));
  CHECK_FALSE(parse_iso_date(""));
  CHECK_FALSE(parse_iso_date("2023-8-3"));
}

TEST_CASE("a partial date stands for its whole period") {
  PartialDate month = *parse_iso_date("2024-02");
  CHECK(month.first_day_key() == "20240201");
  CHECK(month.last_day_key() == "20240229");
  PartialDate year = *parse_iso_date("2023");
  CHECK(year.first_day_key() == "20230101");
  CHECK(year.last_day_key() == "20231231");
  PartialDate day = *parse_iso_date("2023-08-03");
  CHECK(day.first_day_key() == day.last_day_key());
}

TEST_CASE("day keys convert back to ISO days") {
  CHECK(pressclip::schema::iso_from_day_key("20230803") == "2023-08-03");
  CHECK(pressclip::schema::iso_from_day_key("bad") == "bad");
}
