// End-to-end tests of `search --facets`, `search --timeline` and the facets and timeline of
// `stats`, on tests/data/sources_and_dates (see sources_and_dates.h).
#include <doctest/doctest.h>

#include <limits>
#include <map>
#include <string>
#include <vector>

#include "cli_checks.h"
#include "sources_and_dates.h"

namespace pressclip::test {

/// Facet or bar counts by value or label.
using Counts = std::map<std::string, int>;

namespace {

using nlohmann::json;

// {value: articles} of a facet array, checking that it lists the most frequent values first.
Counts counts_of(const json& values) {
  Counts counts;
  int previous = std::numeric_limits<int>::max();
  for (const json& value : values) {
    INFO("facet value " << value.dump());
    CHECK(value["articles"].get<int>() <= previous);
    previous = value["articles"].get<int>();
    CHECK(counts.emplace(value["value"].get<std::string>(), previous).second);
  }
  return counts;
}

// The last line of a search, which must be {"format_version":1,"`member`":{...}}.
json trailing_object(const ScenarioSearch& search, const char* member) {
  REQUIRE_FALSE(search.lines.empty());
  const json& last = search.lines.back();
  CHECK(last["format_version"] == 1);
  REQUIRE(last.contains(member));
  return last[member];
}

// The timeline of `args` (run with --timeline and -n 1), checking that its bars are
// consecutive periods and that each of the `dated` matching articles that have a date is in
// one bar or imprecise.
json timeline_of(std::vector<std::string> args, std::size_t dated) {
  args.insert(args.begin(), {"--timeline", "-n", "1"});
  const ScenarioSearch search = scenario_search(args);
  REQUIRE(search.run.exit_code == 0);
  CHECK(search.hits.size() == 1);
  const json timeline = trailing_object(search, "timeline");
  std::size_t placed = 0;
  for (std::size_t i = 0; i < timeline["bars"].size(); ++i) {
    const json& bar = timeline["bars"][i];
    CHECK(bar["first_day"] <= bar["last_day"]);
    if (i > 0) CHECK(timeline["bars"][i - 1]["last_day"] < bar["first_day"]);
    placed += bar["articles"].get<std::size_t>();
  }
  CHECK(placed + timeline["imprecise"].get<std::size_t>() == dated);
  return timeline;
}

// {label: articles} of the bars that hold articles.
Counts busy_bars(const json& timeline) {
  Counts busy;
  for (const json& bar : timeline["bars"]) {
    if (bar["articles"] != 0) busy[bar["label"].get<std::string>()] = bar["articles"].get<int>();
  }
  return busy;
}

json bar(const std::string& label, const std::string& first, const std::string& last,
         int articles) {
  return {{"label", label}, {"first_day", first}, {"last_day", last}, {"articles", articles}};
}

// The scenario's articles of July and August 2023: 8 of 11 (not locust_old, gazette_year or
// undated).
const std::string kSummer = "date:2023-07..2023-08";

TEST_CASE("search: --facets counts the whole match set, not only the hits printed") {
  const ScenarioSearch search = scenario_search({"--facets", "-n", "1", "--", kSummer});
  REQUIRE(search.run.exit_code == 0);
  CHECK(search.run.err.empty());
  CHECK(search.hits.size() == 1);
  REQUIRE(search.lines.size() == 2);
  const json facets = trailing_object(search, "facets");
  CHECK(facets["articles"] == 8);
  CHECK(facets["sources"] == json::array({{{"value", "Example Gazette"}, {"articles", 3}},
                                          {{"value", "BBC"}, {"articles", 2}},
                                          {{"value", "AFP"}, {"articles", 1}}}));
  CHECK(counts_of(facets["agencies"]) == Counts{{"AFP", 2}, {"AP", 2}, {"Reuters", 2}, {"dpa", 1}});
  CHECK(facets["months"] == json::array({{{"value", "2023-07"}, {"articles", 3}},
                                         {{"value", "2023-08"}, {"articles", 5}}}));
  CHECK(facets["without_source"] == 2);  // dateline_reuters, last_paragraph_date.
  CHECK(facets["without_agency"] == 2);  // ambiguous_date, locust_recent.
  CHECK(facets["undated"] == 0);
  CHECK(facets["dated_to_year"] == 0);
  CHECK(facets["inferred_dates"] == 3);

  // Paging does not change the counts; filters do.
  const ScenarioSearch paged =
      scenario_search({"--facets", "-n", "2", "--offset", "3", "--", kSummer});
  CHECK(paged.hits.size() == 2);
  CHECK(trailing_object(paged, "facets") == facets);
  const json bbc = trailing_object(scenario_search({"--facets", "--", "source:BBC"}), "facets");
  CHECK(bbc["articles"] == 2);
  CHECK(counts_of(bbc["agencies"]) == Counts{{"AFP", 1}, {"Reuters", 1}});
  CHECK(bbc["without_agency"] == 0);
}

TEST_CASE("search: --facets and --timeline follow the hits, facets first") {
  const ScenarioSearch search =
      scenario_search({"--facets", "--timeline", "-n", "3", "--", kSummer});
  REQUIRE(search.run.exit_code == 0);
  REQUIRE(search.lines.size() == 5);
  CHECK(search.hits.size() == 3);
  CHECK(search.lines[3].contains("facets"));
  CHECK(search.lines[4].contains("timeline"));
  // Nothing found: exit status 1, no hits, and the facets and timeline say so.
  const ScenarioSearch none = scenario_search({"--facets", "--timeline", "--", "zebra"});
  CHECK(none.run.exit_code == 1);
  CHECK(none.hits.empty());
  REQUIRE(none.lines.size() == 2);
  CHECK(none.lines[0]["facets"]["articles"] == 0);
  CHECK(none.lines[1]["timeline"]["bars"].empty());
}

TEST_CASE("search: --timeline picks day bars for a short span, and a month date is imprecise") {
  const json timeline = timeline_of({"--", kSummer}, 8);
  CHECK(timeline["bucket"] == "day");
  // From 2023-07-27 to 2023-08-31, the end of gazette_month's period.
  REQUIRE(timeline["bars"].size() == 36);
  CHECK(timeline["bars"][0] == bar("2023-07-27", "2023-07-27", "2023-07-27", 2));
  CHECK(timeline["bars"][35] == bar("2023-08-31", "2023-08-31", "2023-08-31", 0));
  CHECK(busy_bars(timeline) == Counts{{"2023-07-27", 2},
                                      {"2023-07-31", 1},
                                      {"2023-08-03", 1},
                                      {"2023-08-04", 1},
                                      {"2023-08-08", 1},
                                      {"2023-08-09", 1}});
  CHECK(timeline["imprecise"] == 1);  // gazette_month, dated 2023-08.
  CHECK(timeline_of({"--bucket", "day", "--", kSummer}, 8) == timeline);
}

TEST_CASE("search: --timeline --bucket week and month set the bars") {
  const json weeks = timeline_of({"--bucket", "week", "--", kSummer}, 8);
  CHECK(weeks["bucket"] == "week");
  CHECK(weeks["bars"] == json::array({bar("2023-W30", "2023-07-24", "2023-07-30", 2),
                                      bar("2023-W31", "2023-07-31", "2023-08-06", 3),
                                      bar("2023-W32", "2023-08-07", "2023-08-13", 2),
                                      bar("2023-W33", "2023-08-14", "2023-08-20", 0),
                                      bar("2023-W34", "2023-08-21", "2023-08-27", 0),
                                      bar("2023-W35", "2023-08-28", "2023-09-03", 0)}));
  CHECK(weeks["imprecise"] == 1);

  const json months = timeline_of({"--bucket", "month", "--", kSummer}, 8);
  CHECK(months["bucket"] == "month");
  CHECK(months["bars"] == json::array({bar("2023-07", "2023-07-01", "2023-07-31", 3),
                                       bar("2023-08", "2023-08-01", "2023-08-31", 5)}));
  CHECK(months["imprecise"] == 0);
}

TEST_CASE("search: --timeline picks weeks up to a year and months up to ten years") {
  // All of 2023 (gazette_year spans it): ISO weeks, from 2022-W52 (1 January 2023 is a Sunday).
  const json weeks = timeline_of({"--", "date:2023"}, 9);
  CHECK(weeks["bucket"] == "week");
  REQUIRE(weeks["bars"].size() == 53);
  CHECK(weeks["bars"][0] == bar("2022-W52", "2022-12-26", "2023-01-01", 0));
  CHECK(weeks["bars"][52] == bar("2023-W52", "2023-12-25", "2023-12-31", 0));
  CHECK(busy_bars(weeks) == Counts{{"2023-W30", 2}, {"2023-W31", 3}, {"2023-W32", 2}});
  CHECK(weeks["imprecise"] == 2);  // gazette_year and gazette_month.

  // 2019-03-05 .. 2023-12-31: 58 months. The undated article is in no bar and not imprecise.
  const json months = timeline_of({"--", "-tilapia"}, 10);
  CHECK(months["bucket"] == "month");
  REQUIRE(months["bars"].size() == 58);
  CHECK(months["bars"][0] == bar("2019-03", "2019-03-01", "2019-03-31", 1));
  CHECK(months["bars"][57] == bar("2023-12", "2023-12-01", "2023-12-31", 0));
  CHECK(busy_bars(months) == Counts{{"2019-03", 1}, {"2023-07", 3}, {"2023-08", 5}});
  CHECK(months["imprecise"] == 1);

  const json years = timeline_of({"--bucket", "year", "--", "-tilapia"}, 10);
  CHECK(years["bucket"] == "year");
  REQUIRE(years["bars"].size() == 5);
  CHECK(years["bars"][0] == bar("2019", "2019-01-01", "2019-12-31", 1));
  CHECK(years["bars"][4] == bar("2023", "2023-01-01", "2023-12-31", 9));
  CHECK(years["imprecise"] == 0);
}

// The number of characters (code points) of UTF-8 `text`.
std::size_t code_points(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

TEST_CASE("search: text --timeline draws one line of blocks per bar within the width") {
  const RunResult result = run_hermetic({"search", "--db", scenario_database(), "-n", "1",
                                         "--timeline", "--bucket", "week", "--", kSummer},
                                        {{"COLUMNS", "60"}});
  REQUIRE(result.exit_code == 0);
  INFO("output:\n" << result.out);
  std::map<std::string, std::string> bar_lines;
  bool note_seen = false;
  for (const std::string& line : result.out_lines()) {
    if (line.starts_with("2023-W")) bar_lines[line.substr(0, 8)] = line;
    if (line.find("less precisely than a week") != std::string::npos) note_seen = true;
  }
  REQUIRE(bar_lines.size() == 6);
  for (const auto& [label, line] : bar_lines) CHECK(code_points(line) <= 60);
  CHECK(bar_lines["2023-W31"].starts_with("2023-W31 3 \u2588"));
  CHECK(code_points(bar_lines["2023-W31"]) > code_points(bar_lines["2023-W30"]));
  CHECK(bar_lines["2023-W30"].starts_with("2023-W30 2 \u2588"));
  // Two articles each: the same bar.
  CHECK(bar_lines["2023-W30"].substr(8) == bar_lines["2023-W32"].substr(8));
  CHECK(bar_lines["2023-W33"] == "2023-W33 0");
  CHECK(note_seen);  // gazette_month.
}

TEST_CASE("stats: --json counts the whole index by source, agency and month, with a timeline") {
  const RunResult result = run_hermetic({"stats", "--db", scenario_database(), "--json"});
  REQUIRE(result.exit_code == 0);
  const std::vector<json> objects = parse_json_lines(result.out);
  REQUIRE(objects.size() == 1);
  const json& stats = objects[0];
  CHECK(stats["articles"] == 11);
  CHECK(stats["undated_articles"] == 1);
  CHECK(stats["earliest_date"] == "2019-03-05");
  CHECK(stats["latest_date"] == "2023-12-31");  // gazette_year's period ends there.
  CHECK(stats["sources"] == json::array({{{"name", "Example Gazette"}, {"articles", 4}},
                                         {{"name", "BBC"}, {"articles", 2}},
                                         {{"name", "AFP"}, {"articles", 1}},
                                         {{"name", "Sahel Farmer"}, {"articles", 1}}}));
  const json& facets = stats["facets"];
  CHECK(facets["articles"] == 11);
  CHECK(facets["sources"] == json::array({{{"value", "Example Gazette"}, {"articles", 4}},
                                          {{"value", "BBC"}, {"articles", 2}},
                                          {{"value", "AFP"}, {"articles", 1}},
                                          {{"value", "Sahel Farmer"}, {"articles", 1}}}));
  CHECK(counts_of(facets["agencies"]) ==
        Counts{{"AP", 3}, {"AFP", 2}, {"Reuters", 2}, {"Xinhua", 1}, {"dpa", 1}});
  CHECK(facets["months"] == json::array({{{"value", "2019-03"}, {"articles", 1}},
                                         {{"value", "2023-07"}, {"articles", 3}},
                                         {{"value", "2023-08"}, {"articles", 5}}}));
  CHECK(facets["without_source"] == 3);
  CHECK(facets["without_agency"] == 4);  // ambiguous_date, undated, locust_old, locust_recent.
  CHECK(facets["undated"] == 1);
  CHECK(facets["dated_to_year"] == 1);
  CHECK(facets["inferred_dates"] == 3);
  // The same as the facets of a search that matches every article.
  CHECK(trailing_object(scenario_search({"--facets", "--", "-xyzzy"}), "facets") == facets);
  // The timeline is the auto one of the whole index.
  CHECK(stats["timeline"] == timeline_of({"--", "-xyzzy"}, 10));
}

}  // namespace
}  // namespace pressclip::test

// Counts print as {"AFP": 2, "AP": 2} in failed checks.
template <>
struct doctest::StringMaker<pressclip::test::Counts> {
  static doctest::String convert(const pressclip::test::Counts& counts) {
    std::string text = "{";
    for (const auto& [value, articles] : counts) {
      text += (text.size() > 1 ? ", \"" : "\"") + value + "\": " + std::to_string(articles);
    }
    return (text + "}").c_str();
  }
};
