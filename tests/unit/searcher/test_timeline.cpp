// Unit tests of counting dated articles into day, week, month and year bars.
#include "pressclip/timeline.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pressclip/error.h"

using pressclip::DatedCount;
using pressclip::make_timeline;
using pressclip::Timeline;
using pressclip::TimelineBucket;

namespace {

DatedCount day(const std::string& iso, std::size_t articles = 1) { return {iso, iso, articles}; }

std::vector<std::string> labels(const Timeline& timeline) {
  std::vector<std::string> result;
  for (const auto& bar : timeline.bars) result.push_back(bar.label);
  return result;
}

std::vector<std::size_t> counts(const Timeline& timeline) {
  std::vector<std::size_t> result;
  for (const auto& bar : timeline.bars) result.push_back(bar.articles);
  return result;
}

TimelineBucket auto_bucket(const std::string& first, const std::string& last) {
  return make_timeline({day(first), day(last)}, TimelineBucket::kAuto).bucket;
}

}  // namespace

TEST_CASE(
    "days in any order and repeated add up, and the days between are "
    "empty bars") {
  const Timeline timeline = make_timeline(
      {day("2023-07-27", 2), day("2023-07-25"), day("2023-07-27", 3)}, TimelineBucket::kAuto);
  CHECK(timeline.bucket == TimelineBucket::kDay);
  CHECK(labels(timeline) == std::vector<std::string>{"2023-07-25", "2023-07-26", "2023-07-27"});
  CHECK(counts(timeline) == std::vector<std::size_t>{1, 0, 5});
  CHECK(timeline.bars[1].first_day == "2023-07-26");
  CHECK(timeline.bars[1].last_day == "2023-07-26");
  CHECK(timeline.imprecise == 0);
}

TEST_CASE(
    "no articles give no bars, and dates with 0 articles do not widen "
    "the timeline") {
  const Timeline none = make_timeline({}, TimelineBucket::kAuto);
  CHECK(none.bars.empty());
  CHECK(none.bucket == TimelineBucket::kDay);
  CHECK(make_timeline({day("2023-07-25", 0)}, TimelineBucket::kMonth).bucket ==
        TimelineBucket::kMonth);
  CHECK(make_timeline({day("2023-07-25", 0)}, TimelineBucket::kMonth).bars.empty());
  const Timeline one =
      make_timeline({day("2023-07-25"), day("2020-01-01", 0)}, TimelineBucket::kAuto);
  CHECK(labels(one) == std::vector<std::string>{"2023-07-25"});
}

TEST_CASE(
    "auto picks days up to 62 days, weeks up to 366 days, months up to "
    "120 months") {
  CHECK(auto_bucket("2023-01-01", "2023-03-03") == TimelineBucket::kDay);  // 62 days
  CHECK(make_timeline({day("2023-01-01"), day("2023-03-03")}, TimelineBucket::kAuto).bars.size() ==
        62);
  CHECK(auto_bucket("2023-01-01", "2023-03-04") == TimelineBucket::kWeek);   // 63 days
  CHECK(auto_bucket("2023-01-01", "2024-01-01") == TimelineBucket::kWeek);   // 366 days
  CHECK(auto_bucket("2023-01-01", "2024-01-02") == TimelineBucket::kMonth);  // 367 days
  CHECK(auto_bucket("2014-01-31", "2023-12-01") == TimelineBucket::kMonth);  // 120 months
  CHECK(make_timeline({day("2014-01-01"), day("2023-12-31")}, TimelineBucket::kAuto).bars.size() ==
        120);
  CHECK(auto_bucket("2014-01-31", "2024-01-01") == TimelineBucket::kYear);  // 121 months
  CHECK(
      labels(make_timeline({day("2014-01-31"), day("2024-01-01")}, TimelineBucket::kAuto)).size() ==
      11);
}

TEST_CASE("ISO weeks run Monday to Sunday and belong to the year of their Thursday") {
  const Timeline timeline =
      make_timeline({day("2020-12-31"), day("2021-01-01"), day("2021-01-03"), day("2021-01-04")},
                    TimelineBucket::kWeek);
  REQUIRE(timeline.bars.size() == 2);
  CHECK(timeline.bars[0].label == "2020-W53");
  CHECK(timeline.bars[0].first_day == "2020-12-28");
  CHECK(timeline.bars[0].last_day == "2021-01-03");
  CHECK(timeline.bars[0].articles == 3);
  CHECK(timeline.bars[1].label == "2021-W01");
  CHECK(timeline.bars[1].first_day == "2021-01-04");
  CHECK(timeline.bars[1].articles == 1);

  CHECK(make_timeline({day("2024-12-31")}, TimelineBucket::kWeek).bars[0].label == "2025-W01");
  CHECK(make_timeline({day("2019-12-30")}, TimelineBucket::kWeek).bars[0].label == "2020-W01");
  CHECK(make_timeline({day("2023-01-01")}, TimelineBucket::kWeek).bars[0].label == "2022-W52");
  const Timeline first_week = make_timeline({day("1000-01-01")}, TimelineBucket::kWeek);
  CHECK(first_week.bars[0].label == "1000-W01");
  CHECK(first_week.bars[0].first_day == "0999-12-30");
}

TEST_CASE("months and years cover whole calendar periods, leap days included") {
  const Timeline months =
      make_timeline({day("2024-01-31"), day("2024-03-01", 2)}, TimelineBucket::kMonth);
  CHECK(labels(months) == std::vector<std::string>{"2024-01", "2024-02", "2024-03"});
  CHECK(counts(months) == std::vector<std::size_t>{1, 0, 2});
  CHECK(months.bars[1].first_day == "2024-02-01");
  CHECK(months.bars[1].last_day == "2024-02-29");

  const Timeline years =
      make_timeline({day("2021-06-15"), day("2023-12-31")}, TimelineBucket::kYear);
  CHECK(labels(years) == std::vector<std::string>{"2021", "2022", "2023"});
  CHECK(counts(years) == std::vector<std::size_t>{1, 0, 1});
  CHECK(years.bars[2].first_day == "2023-01-01");
  CHECK(years.bars[2].last_day == "2023-12-31");
}

TEST_CASE("a date coarser than the bucket is imprecise but still within the bars") {
  const DatedCount august{"2023-08-01", "2023-08-31", 4};
  const Timeline weeks = make_timeline({august, day("2023-08-10")}, TimelineBucket::kWeek);
  CHECK(weeks.imprecise == 4);
  CHECK(labels(weeks) ==
        std::vector<std::string>{"2023-W31", "2023-W32", "2023-W33", "2023-W34", "2023-W35"});
  CHECK(counts(weeks) == std::vector<std::size_t>{0, 1, 0, 0, 0});

  const Timeline months = make_timeline({august, day("2023-08-10")}, TimelineBucket::kMonth);
  CHECK(months.imprecise == 0);
  CHECK(counts(months) == std::vector<std::size_t>{5});

  const DatedCount year{"2023-01-01", "2023-12-31", 1};
  const Timeline by_month = make_timeline({year, august}, TimelineBucket::kMonth);
  CHECK(by_month.bars.size() == 12);
  CHECK(by_month.bars[7].articles == 4);
  CHECK(by_month.imprecise == 1);
}

TEST_CASE("auto counts a partial date at its whole period when choosing the bucket") {
  const DatedCount august{"2023-08-01", "2023-08-31", 2};
  const Timeline days = make_timeline({august, day("2023-08-10")}, TimelineBucket::kAuto);
  CHECK(days.bucket == TimelineBucket::kDay);
  CHECK(days.bars.size() == 31);
  CHECK(days.imprecise == 2);

  // One article dated only "2023" spans the year: weeks, from 2022-W52 to
  // 2023-W52.
  const Timeline weeks =
      make_timeline({{"2023-01-01", "2023-12-31", 1}, day("2023-08-10")}, TimelineBucket::kAuto);
  CHECK(weeks.bucket == TimelineBucket::kWeek);
  CHECK(weeks.bars.size() == 53);
  CHECK(weeks.bars.front().label == "2022-W52");
  CHECK(weeks.bars.back().label == "2023-W52");
  CHECK(weeks.imprecise == 1);
}

TEST_CASE(
    "a period across a bar boundary is imprecise even when shorter than "
    "a bar") {
  const DatedCount straddling{"2023-07-30", "2023-08-02", 1};
  CHECK(make_timeline({straddling}, TimelineBucket::kMonth).imprecise == 1);
  CHECK(make_timeline({straddling}, TimelineBucket::kMonth).bars.size() == 2);
  CHECK(make_timeline({straddling}, TimelineBucket::kYear).imprecise == 0);
}

TEST_CASE("malformed days and reversed periods are bad arguments") {
  for (const std::string bad : {"2023-8-01", "2023-08", "2023", "2023-02-30", "0999-12-31",
                                " 2023-08-01", "2023-08-01T10:00", ""}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(make_timeline({day(bad)}, TimelineBucket::kAuto), pressclip::Error);
  }
  try {
    make_timeline({{"2023-08-02", "2023-08-01", 1}}, TimelineBucket::kDay);
    FAIL("a reversed period was accepted");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kBadArgument);
  }
}

TEST_CASE(
    "more than kMaxTimelineBars bars are refused with a wider bucket "
    "suggested") {
  CHECK(make_timeline({day("2000-01-01"), day("2013-09-08")}, TimelineBucket::kDay).bars.size() ==
        pressclip::kMaxTimelineBars);
  try {
    make_timeline({day("2000-01-01"), day("2013-09-09")}, TimelineBucket::kDay);
    FAIL("5001 bars were built");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kBadArgument);
    CHECK(std::string(error.what()).find("wider bucket (week, month, year)") != std::string::npos);
  }
  CHECK_THROWS_AS(make_timeline({day("1000-01-01"), day("9999-12-31")}, TimelineBucket::kAuto),
                  pressclip::Error);
  CHECK(make_timeline({day("1000-01-01"), day("5999-12-31")}, TimelineBucket::kAuto).bars.size() ==
        5000);
}

TEST_CASE("bucket names print and parse back, and nothing else parses") {
  for (TimelineBucket bucket : {TimelineBucket::kAuto, TimelineBucket::kDay, TimelineBucket::kWeek,
                                TimelineBucket::kMonth, TimelineBucket::kYear}) {
    CHECK(pressclip::parse_timeline_bucket(pressclip::to_string(bucket)) == bucket);
  }
  CHECK(std::string(pressclip::to_string(TimelineBucket::kWeek)) == "week");
  CHECK_FALSE(pressclip::parse_timeline_bucket("Week"));
  CHECK_FALSE(pressclip::parse_timeline_bucket("days"));
  CHECK_FALSE(pressclip::parse_timeline_bucket(""));
}
