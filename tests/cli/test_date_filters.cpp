// End-to-end tests of date filters on tests/data/sources_and_dates (see sources_and_dates.h):
// relative dates and today, --since/--until, inferred dates, partial dates in ranges and in
// date order, recency, and bad date input.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "cli_checks.h"
#include "sources_and_dates.h"

namespace pressclip::test {
namespace {

// A query that every article matches (no article has the word), for tests of the options.
const std::string kEverything = "-xyzzy";

const Stems kAll = {"ambiguous_date",      "bbc_english_date", "bbc_rfc2822",
                    "dateline_reuters",    "gazette_month",    "gazette_year",
                    "last_paragraph_date", "locust_old",       "locust_recent",
                    "manifest_wire",       "undated"};

TEST_CASE("search: date:today and date:yesterday count from --today") {
  CHECK(found({"--today", "2023-08-09", "--", "date:today"}) == Stems{"locust_recent"});
  CHECK(found({"--today", "2023-08-09", "--", "date:yesterday"}) == Stems{"manifest_wire"});
  CHECK(found({"--today", "2023-08-09", "--", "date:yesterday..today"}) ==
        Stems{"locust_recent", "manifest_wire"});
  CHECK(found({"--today", "2023-08-08", "--", "date:today"}) == Stems{"manifest_wire"});
  CHECK(found({"--today", "2023-08-10", "--", "date:today"}).empty());
}

TEST_CASE("search: PRESSCLIP_TODAY sets today, and --today wins over it") {
  const std::vector<std::pair<std::string, std::string>> env = {{"PRESSCLIP_TODAY", "2023-08-09"}};
  CHECK(found({"--", "date:today"}, env) == Stems{"locust_recent"});
  CHECK(found({"--", "date:-1d"}, env) == Stems{"manifest_wire"});
  CHECK(found({"--today", "2023-08-08", "--", "date:today"}, env) == Stems{"manifest_wire"});
}

TEST_CASE("search: relative ranges count days, weeks, months and years back from today") {
  const std::vector<std::string> today = {"--today", "2023-08-09", "--"};
  auto with_today = [&](const std::string& query) {
    std::vector<std::string> args = today;
    args.push_back(query);
    return found(args);
  };
  // 2023-08-02 .. 2023-08-09.
  CHECK(with_today("date:-7d..") ==
        Stems{"ambiguous_date", "last_paragraph_date", "locust_recent", "manifest_wire"});
  // 2023-07-26 .. 2023-08-02.
  CHECK(with_today("date:-2w..-1w") ==
        Stems{"bbc_english_date", "bbc_rfc2822", "dateline_reuters"});
  CHECK(with_today("date:-0d") == Stems{"locust_recent"});
  // From 2023-07-31 on: the month-precision article lies wholly inside.
  CHECK(found({"--today", "2023-08-31", "--", "date:-1m.."}) ==
        Stems{"ambiguous_date", "bbc_english_date", "gazette_month", "last_paragraph_date",
              "locust_recent", "manifest_wire"});
  CHECK(found({"--today", "2024-03-05", "--", "date:-5y"}) == Stems{"locust_old"});
  CHECK(found({"--today", "2024-03-05", "--", "date:..-5y"}) == Stems{"locust_old"});
}

TEST_CASE("search: a relative month or year that lands on a missing day ends its month") {
  const TemporaryDirectory directory;
  const std::filesystem::path articles = directory.path() / "articles";
  std::filesystem::create_directory(articles);
  for (const std::string day : {"2023-02-27", "2023-02-28", "2023-03-01", "2024-02-29"}) {
    write_file(articles / (day + ".txt"), "---\ndate: " + day + "\n---\nA short note.\n");
  }
  const std::string db = directory / "index";
  REQUIRE(run_hermetic({"index", "--db", db, "-q", articles.string()}).exit_code == 0);
  auto dates_of = [&](const std::string& today, const std::string& query) {
    INFO("--today " << today << " " << query);
    const RunResult result =
        run_hermetic({"search", "--db", db, "--json", "--today", today, "--", query});
    CHECK(result.err.empty());
    std::set<std::string> dates;
    for (const nlohmann::json& hit : parse_json_lines(result.out)) {
      dates.insert(hit["article"]["date"].get<std::string>());
    }
    return dates;
  };
  using Dates = std::set<std::string>;
  CHECK(dates_of("2023-05-31", "date:-3m") == Dates{"2023-02-28"});
  CHECK(dates_of("2024-05-31", "date:-3m") == Dates{"2024-02-29"});
  CHECK(dates_of("2024-02-29", "date:-1y") == Dates{"2023-02-28"});
  CHECK(dates_of("2023-03-31", "date:-1m..today") == Dates{"2023-02-28", "2023-03-01"});
  CHECK(dates_of("2023-03-07", "date:-8d..-6d") == Dates{"2023-02-27", "2023-02-28", "2023-03-01"});
}

TEST_CASE("search: --since and --until are open date ranges, ANDed with the query") {
  CHECK(found({"--since", "2023-08", "--", kEverything}) ==
        Stems{"ambiguous_date", "gazette_month", "last_paragraph_date", "locust_recent",
              "manifest_wire"});
  CHECK(found({"--until", "2023-07", "--", kEverything}) ==
        Stems{"bbc_english_date", "bbc_rfc2822", "dateline_reuters", "locust_old"});
  CHECK(found({"--since", "2023-07-28", "--until", "2023-08-05", "--", kEverything}) ==
        Stems{"ambiguous_date", "bbc_english_date", "last_paragraph_date"});
  // Relative bounds; "-7d" is a value, not an option.
  CHECK(found({"--today", "2023-08-09", "--since", "-7d", "--", kEverything}) ==
        found({"--today", "2023-08-09", "--", "date:-7d.."}));
  CHECK(found({"--today", "2023-08-09", "--since", "-2w", "--until", "yesterday", "--",
               kEverything}) == Stems{"ambiguous_date", "bbc_english_date", "bbc_rfc2822",
                                      "dateline_reuters", "last_paragraph_date", "manifest_wire"});
  CHECK(found({"--since", "2023-07-30", "--", "date:2023-07"}) == Stems{"bbc_english_date"});
  CHECK(found({"--until", "2023-07-27", "--", "date:2023-08"}).empty());
}

TEST_CASE("search: --inferred-dates exclude keeps inferred dates out of date filters only") {
  const std::vector<std::string> week = {"--today", "2023-08-09", "--", "date:-7d.."};
  CHECK(found(week) ==
        Stems{"ambiguous_date", "last_paragraph_date", "locust_recent", "manifest_wire"});
  std::vector<std::string> include = {"--inferred-dates", "include"};
  include.insert(include.end(), week.begin(), week.end());
  CHECK(found(include) == found(week));
  std::vector<std::string> exclude = {"--inferred-dates", "exclude"};
  exclude.insert(exclude.end(), week.begin(), week.end());
  CHECK(found(exclude) == Stems{"locust_recent", "manifest_wire"});
  CHECK(found({"--inferred-dates", "exclude", "--since", "2023-07-28", "--until", "2023-08-05",
               "--", kEverything}) == Stems{"bbc_english_date"});
  CHECK(found({"--inferred-dates", "exclude", "--", "date:2023-07-27"}) == Stems{"bbc_rfc2822"});
  // Without a date filter nothing is excluded, and date order still uses inferred dates.
  CHECK(found({"--inferred-dates", "exclude", "--", kEverything}) == kAll);
  const ScenarioSearch sorted =
      scenario_search({"--inferred-dates", "exclude", "--sort", "date", "--", kEverything});
  REQUIRE(sorted.order.size() == 11);
  CHECK(sorted.order[6] == "ambiguous_date");  // 2023-08-03, inferred.
}

TEST_CASE("search: partial dates match only ranges that contain their whole period") {
  const Stems august = {"ambiguous_date", "gazette_month", "last_paragraph_date", "locust_recent",
                        "manifest_wire"};
  CHECK(found({"--", "date:2023-08"}) == august);
  CHECK(found({"--", "date:2023-08-01.."}) == august);
  CHECK(found({"--until", "2023-08-31", "--", "date:2023-08"}) == august);
  Stems first_half = august;
  first_half.erase("gazette_month");
  CHECK(found({"--", "date:2023-08-01..2023-08-15"}) == first_half);
  CHECK(found({"--since", "2023-08-02", "--", kEverything}) == first_half);
  CHECK(found({"--", "date:2023-08-09"}) == Stems{"locust_recent"});
  Stems year = kAll;
  year.erase("locust_old");
  year.erase("undated");
  CHECK(found({"--", "date:2023"}) == year);
  CHECK(found({"--", "date:2023-01-01..2023-12-31"}) == year);
  Stems months = year;
  months.erase("gazette_year");
  CHECK(found({"--", "date:2023-07..2023-12"}) == months);
  CHECK(found({"--", "date:2023-01..2023-11"}) == months);
}

TEST_CASE("search: --sort date and -date order partial dates by first and last day") {
  const ScenarioSearch oldest = scenario_search({"--sort", "date", "--", kEverything});
  REQUIRE(oldest.run.exit_code == 0);
  REQUIRE(oldest.order.size() == 11);
  // 2023-07-27 is shared by bbc_rfc2822 and dateline_reuters (places 2 and 3, either order).
  const std::vector<std::string> expected_oldest = {"locust_old",
                                                    "gazette_year",
                                                    "",
                                                    "",
                                                    "bbc_english_date",
                                                    "gazette_month",
                                                    "ambiguous_date",
                                                    "last_paragraph_date",
                                                    "manifest_wire",
                                                    "locust_recent",
                                                    "undated"};
  for (std::size_t i = 0; i < expected_oldest.size(); ++i) {
    if (!expected_oldest[i].empty()) CHECK(oldest.order[i] == expected_oldest[i]);
  }
  CHECK(Stems{oldest.order[2], oldest.order[3]} == Stems{"bbc_rfc2822", "dateline_reuters"});

  const ScenarioSearch newest = scenario_search({"--sort", "-date", "--", kEverything});
  REQUIRE(newest.order.size() == 11);
  const std::vector<std::string> expected_newest = {"gazette_year",
                                                    "gazette_month",
                                                    "locust_recent",
                                                    "manifest_wire",
                                                    "last_paragraph_date",
                                                    "ambiguous_date",
                                                    "bbc_english_date",
                                                    "",
                                                    "",
                                                    "locust_old",
                                                    "undated"};
  for (std::size_t i = 0; i < expected_newest.size(); ++i) {
    if (!expected_newest[i].empty()) CHECK(newest.order[i] == expected_newest[i]);
  }
  CHECK(Stems{newest.order[7], newest.order[8]} == Stems{"bbc_rfc2822", "dateline_reuters"});
  // Ranks follow the printed order.
  for (std::size_t i = 0; i < newest.hits.size(); ++i) CHECK(newest.hits[i]["rank"] == i + 1);
}

TEST_CASE("search: --recency lifts a recent weak match above an old strong one") {
  const ScenarioSearch plain = scenario_search({"--", "locust"});
  REQUIRE(plain.run.exit_code == 0);
  CHECK(plain.order == std::vector<std::string>{"locust_old", "locust_recent"});

  const ScenarioSearch recent =
      scenario_search({"--recency", "30d", "--today", "2023-08-09", "--", "locust"});
  REQUIRE(recent.run.exit_code == 0);
  CHECK(recent.run.err.empty());
  REQUIRE(recent.order == std::vector<std::string>{"locust_recent", "locust_old"});
  CHECK(recent.hits[0]["score"].get<double>() > recent.hits[1]["score"].get<double>());
  CHECK(recent.hits[0]["rank"] == 1);

  // The same with today from the environment and the half-life in weeks.
  const ScenarioSearch weeks =
      scenario_search({"--recency", "4w", "--", "locust"}, {{"PRESSCLIP_TODAY", "2023-08-09"}});
  CHECK(weeks.order == std::vector<std::string>{"locust_recent", "locust_old"});
  // A blend, not an order by date: with a half-life of ten years, 4.4 years of age do not
  // outweigh five mentions against one.
  const ScenarioSearch decade =
      scenario_search({"--recency", "10y", "--today", "2023-08-09", "--", "locust"});
  CHECK(decade.order == std::vector<std::string>{"locust_old", "locust_recent"});
}

TEST_CASE("search: --recency with an order by date fails with one line") {
  for (const char* order : {"date", "-date"}) {
    INFO("--sort " << order);
    check_one_error_line(scenario_search({"--recency", "30d", "--today", "2023-08-09", "--sort",
                                          order, "--", "locust"})
                             .run);
  }
  CHECK(
      scenario_search({"--recency", "30d", "--sort", "relevance", "--", "locust"}).run.exit_code ==
      0);
}

TEST_CASE("search: bad dates, days and date options exit 2 with one line") {
  const std::vector<std::vector<std::string>> bad = {
      {"--", "date:07/08/2023"},
      {"--", "date:-7x.."},
      {"--today", "2023-08-09", "--", "date:-1w..-2w"},
      {"--since", "soon", "--", "locust"},
      {"--until", "later", "--", "locust"},
      {"--today", "2023-13-01", "--", "date:today"},
      {"--today", "2023-02-30", "--", "date:today"},
      {"--today", "2023-8-1", "--", "date:today"},
      {"--recency", "0d", "--", "locust"},
      {"--recency", "-30d", "--", "locust"},
      {"--recency", "30x", "--", "locust"},
      {"--timeline", "--bucket", "fortnight", "--", "locust"},
      {"--inferred-dates", "maybe", "--", "locust"},
      {"--sort", "newest", "--", "locust"},
  };
  for (const std::vector<std::string>& args : bad) {
    std::string joined;
    for (const std::string& arg : args) joined += arg + " ";
    INFO("search " << joined);
    check_one_error_line(scenario_search(args).run);
  }
  const RunResult query = scenario_search({"--", "date:07/08/2023"}).run;
  CHECK(query.err.find("'07/08/2023' is not a date") != std::string::npos);
  const RunResult since = scenario_search({"--since", "soon", "--", "locust"}).run;
  CHECK(since.err.find("--since 'soon' is not a date") != std::string::npos);
  const RunResult bucket = scenario_search({"--timeline", "--bucket", "fortnight", "--", "x"}).run;
  CHECK(bucket.err.find("fortnight") != std::string::npos);
  // A bad PRESSCLIP_TODAY is an error too, not silently the clock.
  check_one_error_line(
      scenario_search({"--", "date:today"}, {{"PRESSCLIP_TODAY", "2023-13-01"}}).run);
}

}  // namespace
}  // namespace pressclip::test
