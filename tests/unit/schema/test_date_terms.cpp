// Unit tests of day arithmetic, article date terms and the terms covering a day range.
#include "schema/date_terms.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

using pressclip::schema::civil_from_days;
using pressclip::schema::CivilDay;
using pressclip::schema::date_range_terms;
using pressclip::schema::date_terms;
using pressclip::schema::days_from_civil;
using pressclip::schema::days_in_month;
using pressclip::schema::PartialDate;

namespace {

using Terms = std::vector<std::string>;

// The terms "<prefix><from>".."<prefix><to>" for consecutive numbers.
Terms numbered(const std::string& prefix, int from, int to) {
  Terms terms;
  for (int number = from; number <= to; ++number) terms.push_back(prefix + std::to_string(number));
  return terms;
}

Terms joined(Terms first, const Terms& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

}  // namespace

TEST_CASE("days count from 1970-01-01 in the proleptic Gregorian calendar") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(2023, 8, 3) == 19572);
  CHECK(days_from_civil(1000, 1, 1) == -354285);
  CHECK(civil_from_days(19572) == CivilDay{2023, 8, 3});
  CHECK(civil_from_days(-1) == CivilDay{1969, 12, 31});
  CHECK(civil_from_days(days_from_civil(2024, 2, 29) + 1) == CivilDay{2024, 3, 1});
  CHECK(civil_from_days(days_from_civil(2100, 2, 28) + 1) == CivilDay{2100, 3, 1});
}

TEST_CASE("every day of years 1000-9999 is one day after the previous and converts back") {
  int expected = days_from_civil(1000, 1, 1);
  bool consecutive = true;
  bool round_trips = true;
  for (int year = 1000; year <= 9999; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= days_in_month(year, month); ++day, ++expected) {
        const int days = days_from_civil(year, month, day);
        consecutive = consecutive && days == expected;
        round_trips = round_trips && civil_from_days(days) == CivilDay{year, month, day};
      }
    }
  }
  CHECK(consecutive);
  CHECK(round_trips);
  CHECK(expected == days_from_civil(10000, 1, 1));
}

TEST_CASE("an article's date terms name its year, then its month and day when known") {
  CHECK(date_terms(PartialDate{2023, 0, 0}) == Terms{"Y2023"});
  CHECK(date_terms(PartialDate{2023, 8, 0}) == Terms{"Y2023", "M202308"});
  CHECK(date_terms(PartialDate{2023, 8, 3}) == Terms{"Y2023", "M202308", "D20230803"});
  CHECK(date_terms(PartialDate{1000, 1, 1}) == Terms{"Y1000", "M100001", "D10000101"});
}

TEST_CASE("a range is cut into whole years, then whole months, then single days") {
  CHECK(date_range_terms("20230726", "20230815") ==
        joined(numbered("D", 20230726, 20230731), numbered("D", 20230801, 20230815)));
  CHECK(date_range_terms("20230701", "20231231") == numbered("M", 202307, 202312));
  CHECK(date_range_terms("20230101", "20241231") == Terms{"Y2023", "Y2024"});
  CHECK(date_range_terms("20230803", "20230803") == Terms{"D20230803"});
  CHECK(date_range_terms("20230801", "20230831") == Terms{"M202308"});
  CHECK(date_range_terms("20240201", "20240229") == Terms{"M202402"});
  CHECK(date_range_terms("20230201", "20230228") == Terms{"M202302"});
  CHECK(date_range_terms("20240201", "20240228") == numbered("D", 20240201, 20240228));
  CHECK(date_range_terms("20221231", "20240101") == Terms{"D20221231", "Y2023", "D20240101"});
  CHECK(date_range_terms("20221130", "20240201") ==
        Terms{"D20221130", "M202212", "Y2023", "M202401", "D20240201"});
}

TEST_CASE("the term count is the whole years plus at most 82") {
  // The worst partial years: 30 days and 11 months at each end.
  const Terms worst = date_range_terms("20190102", "20211230");
  CHECK(worst.size() == 30 + 11 + 1 + 11 + 30);
  CHECK(worst[41] == "Y2020");
  // Within one year that is not whole: 30 + 10 + 30 at most.
  CHECK(date_range_terms("20230102", "20231230").size() == 30 + 10 + 30);
  // The whole supported calendar is one Y term a year: callers must clamp open ranges.
  const Terms all = date_range_terms("10000101", "99991231");
  CHECK(all.size() == 9000);
  CHECK(all.front() == "Y1000");
  CHECK(all.back() == "Y9999");
  CHECK(date_range_terms("10000102", "99991230").size() == 8998 + 82);
}

TEST_CASE("malformed keys and reversed ranges give no terms") {
  CHECK(date_range_terms("20230815", "20230726").empty());
  CHECK(date_range_terms("20230230", "20230301").empty());
  CHECK(date_range_terms("2023-08-01", "20230831").empty());
  CHECK(date_range_terms("20230801", "").empty());
  CHECK(date_range_terms("09990101", "10000101").empty());
  CHECK(date_range_terms("2023080a", "20230831").empty());
}

TEST_CASE("the range terms match exactly the articles whose period lies inside the range") {
  std::mt19937 random(20230803);
  const int lowest = days_from_civil(2019, 1, 1);
  const int highest = days_from_civil(2025, 12, 31);
  std::uniform_int_distribution<int> any_day(lowest, highest);
  std::uniform_int_distribution<int> any_of_six(0, 5);

  // A random day, moved half the time to the start (or end) of its month or year, so that
  // ranges of whole months and years are common.
  auto range_end = [&](bool is_first) {
    CivilDay day = civil_from_days(any_day(random));
    const int snap = any_of_six(random);
    if (snap >= 3) day.day = is_first ? 1 : days_in_month(day.year, day.month);
    if (snap == 5) {
      day.month = is_first ? 1 : 12;
      day.day = is_first ? 1 : 31;
    }
    return days_from_civil(day.year, day.month, day.day);
  };
  auto key = [](int days) {
    const CivilDay day = civil_from_days(days);
    return PartialDate{day.year, day.month, day.day}.first_day_key();
  };

  int ranges = 0;
  int checked = 0;
  int mismatches = 0;
  int too_many_terms = 0;
  int matched = 0;
  std::string first_mismatch;
  for (int round = 0; round < 3000; ++round) {
    int first = range_end(true);
    int last = range_end(false);
    if (first > last) std::swap(first, last);
    const std::string first_key = key(first);
    const std::string last_key = key(last);
    const Terms terms = date_range_terms(first_key, last_key);
    const std::set<std::string> term_set(terms.begin(), terms.end());
    const CivilDay first_day = civil_from_days(first);
    const CivilDay last_day = civil_from_days(last);
    const int first_whole_year =
        first_day.year + (first_day.month == 1 && first_day.day == 1 ? 0 : 1);
    const int last_whole_year =
        last_day.year - (last_day.month == 12 && last_day.day == 31 ? 0 : 1);
    const int whole_years = std::max(0, last_whole_year - first_whole_year + 1);
    too_many_terms += static_cast<int>(terms.size()) > whole_years + 82;
    ++ranges;

    for (int article = 0; article < 200; ++article) {
      const CivilDay day = civil_from_days(any_day(random));
      const int precision = any_of_six(random) % 3;
      const PartialDate date{day.year, precision >= 1 ? day.month : 0,
                             precision == 2 ? day.day : 0};
      const Terms article_terms = date_terms(date);
      const bool matches =
          std::any_of(article_terms.begin(), article_terms.end(),
                      [&](const std::string& term) { return term_set.count(term) != 0; });
      const bool inside = date.first_day_key() >= first_key && date.last_day_key() <= last_key;
      matched += matches;
      ++checked;
      if (matches != inside) {
        if (mismatches++ == 0)
          first_mismatch = date.to_iso() + " in " + first_key + ".." + last_key;
      }
    }
  }
  CHECK(ranges == 3000);
  CHECK(checked == 600000);
  CHECK_MESSAGE(mismatches == 0, "first mismatch: " << first_mismatch);
  CHECK(too_many_terms == 0);
  // The property is not vacuous: plenty of articles fall inside and plenty outside.
  CHECK(matched > checked / 20);
  CHECK(matched < checked - checked / 20);
}
