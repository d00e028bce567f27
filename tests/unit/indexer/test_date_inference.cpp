// Unit tests of finding full dates in article text and inferring a publication date from them.
#include "indexer/date_inference.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace indexer = pressclip::indexer;

namespace {

// The dates found in `text`, in ISO form, in text order.
std::vector<std::string> dates_in(std::string_view text) {
  std::vector<std::string> dates;
  for (const auto& mention : indexer::find_full_dates(text)) dates.push_back(mention.date.to_iso());
  return dates;
}

// What is inferred from `text`: an ISO date, or "none".
std::string inferred(std::string_view text) {
  const auto date = indexer::infer_publication_date(text);
  return date ? date->date.to_iso() : "none";
}

std::string read_seed(const std::string& name) {
  std::ifstream file(std::string(PRESSCLIP_CORPUS_DIR) + "/seeds/" + name, std::ios::binary);
  REQUIRE(file);
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

using Dates = std::vector<std::string>;

}  // namespace

TEST_CASE("full dates are found in every written form, in text order") {
  CHECK(dates_in("on July 27, 2023.") == Dates{"2023-07-27"});
  CHECK(dates_in("on July 27 2023.") == Dates{"2023-07-27"});
  CHECK(dates_in("Niger, Thursday July 27 2023. AP") == Dates{"2023-07-27"});
  CHECK(dates_in("on 27 July 2023,") == Dates{"2023-07-27"});
  CHECK(dates_in("on Jul. 27, 2023") == Dates{"2023-07-27"});
  CHECK(dates_in("on Jul 27, 2023") == Dates{"2023-07-27"});
  CHECK(dates_in("(@konate90) September 10, 2023") == Dates{"2023-09-10"});
  CHECK(dates_in("Sept. 10, 2023 and Sep 11 2023") == Dates{"2023-09-10", "2023-09-11"});
  CHECK(dates_in("on July 27th, 2023") == Dates{"2023-07-27"});
  CHECK(dates_in("JULY 27, 2023") == Dates{"2023-07-27"});
  CHECK(dates_in("updated 2023-07-27 and 2023-07-28T10:15Z") == Dates{"2023-07-27", "2023-07-28"});
  CHECK(dates_in("27 July 2023 then 1 August 2023") == Dates{"2023-07-27", "2023-08-01"});
}

TEST_CASE("a mention's offsets cover the date, and the weekday when it is the right one") {
  const std::string text = "Niamey, Thursday July 27 2023. Then Friday, July 27, 2023.";
  const auto mentions = indexer::find_full_dates(text);
  REQUIRE(mentions.size() == 2);
  CHECK(text.substr(mentions[0].start, mentions[0].end - mentions[0].start) ==
        "Thursday July 27 2023");
  CHECK(text.substr(mentions[1].start, mentions[1].end - mentions[1].start) == "July 27, 2023");
  CHECK(mentions[0].date.day == 27);
}

TEST_CASE("dates without a year are not full dates") {
  CHECK(dates_in("the coup on 26 July").empty());
  CHECK(dates_in("since July 26, prompting calls").empty());
  CHECK(dates_in("rallied Thursday in Niamey").empty());
  CHECK(dates_in("in July 2023").empty());
  CHECK(dates_in("in 2023").empty());
  CHECK(dates_in("July 27, 23").empty());
}

TEST_CASE("word boundaries are respected") {
  CHECK(dates_in("x2023-07-271").empty());
  CHECK(dates_in("x2023-07-27").empty());
  CHECK(dates_in("2023-07-271").empty());
  CHECK(dates_in("127 July 2023").empty());
  CHECK(dates_in("27 July 20234").empty());
  CHECK(dates_in("Julyy 27, 2023").empty());
  CHECK(dates_in("inJuly 27, 2023").empty());
  CHECK(dates_in("27 Julyish 2023").empty());
  CHECK(dates_in("(2023-07-27)") == Dates{"2023-07-27"});
  CHECK(dates_in("\u201cJuly 27, 2023\u201d") == Dates{"2023-07-27"});
}

TEST_CASE("no-break spaces are accepted between the parts of a date") {
  CHECK(dates_in("on 27\u00a0July\u00a02023") == Dates{"2023-07-27"});
  CHECK(dates_in("on July\u00a027,\u00a02023") == Dates{"2023-07-27"});
  CHECK(dates_in("on 27\u202fJuly 2023") == Dates{"2023-07-27"});
  CHECK(dates_in("on July\n27, 2023") == Dates{"2023-07-27"});
  CHECK(dates_in("on July\n\n27, 2023").empty());
}

TEST_CASE("impossible dates and lower-case month words are not dates") {
  CHECK(dates_in("February 30, 2023").empty());
  CHECK(dates_in("February 29, 2023").empty());
  CHECK(dates_in("February 29, 2024") == Dates{"2024-02-29"});
  CHECK(dates_in("2023-02-30").empty());
  CHECK(dates_in("32 July 2023").empty());
  CHECK(dates_in("they may 5 2023").empty());
  CHECK(dates_in("0999 and July 27, 0999").empty());
}

TEST_CASE("a date in a short first line is the dateline, even if later dates exist") {
  const auto date = indexer::infer_publication_date(
      "By Jane Doe, July 27, 2023\nThe vote is set for September 10, 2023.");
  REQUIRE(date);
  CHECK(date->date.to_iso() == "2023-07-27");
  CHECK(date->from_dateline);
  CHECK(date->start == 13);
  CHECK(inferred("\n\n  Thursday, July 27, 2023\nBody mentions August 1, 2023.") == "2023-07-27");
}

TEST_CASE("a date before a dash or an agency credit near the start is the dateline") {
  const std::string text =
      "NIAMEY, July 27, 2023 (Reuters) - Niger's junta said elections would follow on "
      "December 1, 2024, and the deadline of August 6, 2023 passed.";
  const auto date = indexer::infer_publication_date(text);
  REQUIRE(date);
  CHECK(date->date.to_iso() == "2023-07-27");
  CHECK(date->from_dateline);
  CHECK(inferred(std::string(150, 'x') + " NIAMEY, 27 July 2023 \u2014 Soldiers said on " +
                 "1 August 2023 they would stay. " + std::string(300, 'y')) == "2023-07-27");
  CHECK(inferred("LAGOS, Aug. 2, 2023 (AFP) -- Body text that says September 1, 2023 and more "
                 "words to make the first line longer than two hundred bytes so that only the "
                 "credit rule applies here, which it should, since the credit follows.") ==
        "2023-08-02");
}

TEST_CASE("without a dateline, the latest date mentioned is inferred") {
  const std::string long_line(250, 'z');
  const auto date = indexer::infer_publication_date(
      long_line +
      " met on July 26, 2023. Talks are set for August 6, 2023. On 1 August 2023 "
      "nothing happened.");
  REQUIRE(date);
  CHECK(date->date.to_iso() == "2023-08-06");
  CHECK_FALSE(date->from_dateline);
  CHECK(inferred("The first line has no date.\nOn July 26, 2023 soldiers. On 2023-08-01 talks.") ==
        "2023-08-01");
  // A date followed by a full stop and a dash later on is not a dateline.
  CHECK(inferred("The first line has no date at all.\nOn May 1, 2023. Then - on May 2, 2023.") ==
        "2023-05-02");
  CHECK(inferred("No dates here, only 26 July and Thursday.") == "none");
  CHECK(inferred("") == "none");
}

TEST_CASE("the latest date is reported at its first mention") {
  const std::string text =
      "First line without date.\nOn July 27, 2023 it began; July 26, 2023 was quiet; again "
      "July 27, 2023.";
  const auto date = indexer::infer_publication_date(text);
  REQUIRE(date);
  CHECK(date->start == text.find("July 27"));
}

TEST_CASE("dates are inferred from the sample corpus as a reader would") {
  const auto photo_captions =
      indexer::infer_publication_date(read_seed("003_c6a2e5104b6ed147.txt"));
  REQUIRE(photo_captions);
  CHECK(photo_captions->date.to_iso() == "2023-07-27");
  CHECK_FALSE(photo_captions->from_dateline);
  const std::string seed_003 = read_seed("003_c6a2e5104b6ed147.txt");
  CHECK(dates_in(seed_003) == Dates{"2023-07-27", "2023-07-27"});

  const auto pasted_tweet = indexer::infer_publication_date(read_seed("001_0b8995dc95b588cd.txt"));
  REQUIRE(pasted_tweet);
  CHECK(pasted_tweet->date.to_iso() == "2023-09-10");

  CHECK_FALSE(indexer::infer_publication_date(read_seed("000_adbdeac2c8311933.txt")));
  CHECK(indexer::find_full_dates(read_seed("004_29103c4a00611ba9.txt")).empty());
}
