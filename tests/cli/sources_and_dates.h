// The scenario corpus tests/data/sources_and_dates, indexed once per test process with the
// alias file tests/data/source_aliases/aliases.tsv, and runs of the binary against it.
//
// The eleven articles, by file stem: source as written (-> as stored), date (origin), agencies.
//
//   bbc_rfc2822          BBC News -> BBC; 2023-07-27 (RFC 2822); Reuters ("... - REUTERS")
//   bbc_english_date     bbc -> BBC; 2023-07-31 ("Jul. 31, 2023"); AFP ("(with AFP)")
//   gazette_month        Example Gazette; 2023-08; AP ("... - Sam Mednick/AP")
//   gazette_year         The Gazette Online -> Example Gazette; 2023; AP, Xinhua (front matter)
//   ambiguous_date       Gazette -> Example Gazette; "07/08/2023" refused, 2023-08-03 inferred
//                        (the latest of two dates in the text); no agency
//   dateline_reuters     no source; 2023-07-27 inferred from "NIAMEY, July 27, 2023 (Reuters) -"
//                        although the text names a later date; Reuters (the dateline credit)
//   last_paragraph_date  no source; 2023-08-04 inferred from its last line; AP ("AP - Sam Mednick")
//   undated              no source; no date ("26 July" has no year); none ("told Reuters")
//   locust_old           Sahel Farmer; 2019-03-05; none
//   locust_recent        "Source: Gazette" line -> Example Gazette; "Date: 2023-08-09" line; none
//   manifest_wire        Agence France-Presse -> AFP and 2023-08-08 from manifest.tsv; dpa (the
//                        manifest's agency column), AFP (the source is an agency)
//
// Front matter gives the values unless said otherwise. locust_old says "locust" five times in
// one short passage, locust_recent once in a long article, so that plain relevance puts
// locust_old first and recency reverses the order.
#pragma once

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "cli_runner.h"

namespace pressclip::test {

/// A set of scenario article file stems ("bbc_rfc2822", ...).
using Stems = std::set<std::string>;

inline const std::filesystem::path kScenarioDir =
    std::filesystem::path(PRESSCLIP_TEST_DATA_DIR) / "sources_and_dates";
inline const std::filesystem::path kScenarioAliases =
    std::filesystem::path(PRESSCLIP_TEST_DATA_DIR) / "source_aliases" / "aliases.tsv";

/// Options that keep a run independent of the developer's environment: no default alias file
/// (XDG_CONFIG_HOME points to a directory that does not exist) and no PRESSCLIP_TODAY.
inline RunOptions hermetic_options() {
  RunOptions options;
  options.env = {{"XDG_CONFIG_HOME", "/nonexistent/pressclip-test-config"}};
  options.unset = {"PRESSCLIP_TODAY", "COLUMNS"};
  return options;
}

/// Runs the binary with hermetic_options() plus `env`.
inline RunResult run_hermetic(const std::vector<std::string>& args,
                              const std::vector<std::pair<std::string, std::string>>& env = {}) {
  RunOptions options = hermetic_options();
  for (const auto& [name, value] : env) {
    std::erase_if(options.env, [&](const auto& entry) { return entry.first == name; });
    std::erase(options.unset, name);
    options.env.emplace_back(name, value);
  }
  return run_pressclip(args, options);
}

/// The path of scenario article `stem`.
inline std::string scenario_article(const std::string& stem) {
  return (kScenarioDir / (stem + ".txt")).string();
}

/// The index of the scenario corpus, built on first use with the alias file.
inline const std::string& scenario_database() {
  static const TemporaryDirectory directory;
  static const std::string database = [] {
    const std::string path = directory / "index";
    const RunResult result = run_hermetic(
        {"index", "--db", path, "-q", "--source-aliases", kScenarioAliases, kScenarioDir});
    if (result.exit_code != 0) throw std::runtime_error("indexing failed: " + result.err);
    return path;
  }();
  return database;
}

/// The output of one `pressclip search --json` run on the scenario index.
struct ScenarioSearch {
  RunResult run;
  std::vector<nlohmann::json> lines;  ///< Every JSON line: hits, then facets or timeline.
  std::vector<nlohmann::json> hits;   ///< The lines that are hits (they have "article").
  std::vector<std::string> order;     ///< The hits' article stems, in output order.
  Stems stems;                        ///< The same as a set.
};

/// Runs `pressclip search --db <scenario index> --json ARGS...` with `env`, with "-n 100"
/// in front unless `args` sets -n.
inline ScenarioSearch scenario_search(
    const std::vector<std::string>& args,
    const std::vector<std::pair<std::string, std::string>>& env = {}) {
  std::vector<std::string> full = {"search", "--db", scenario_database(), "--json"};
  if (std::find(args.begin(), args.end(), "-n") == args.end()) {
    full.insert(full.end(), {"-n", "100"});
  }
  full.insert(full.end(), args.begin(), args.end());
  ScenarioSearch search{run_hermetic(full, env), {}, {}, {}, {}};
  search.lines = parse_json_lines(search.run.out);
  for (const nlohmann::json& line : search.lines) {
    if (!line.contains("article")) continue;
    search.hits.push_back(line);
    const std::string stem =
        std::filesystem::path(line["article"]["path"].get<std::string>()).stem().string();
    search.order.push_back(stem);
    search.stems.insert(stem);
  }
  return search;
}

/// The stems a search finds, checking that it succeeded (exit 0, or 1 when nothing is found)
/// and printed nothing on standard error.
inline Stems found(const std::vector<std::string>& args,
                   const std::vector<std::pair<std::string, std::string>>& env = {}) {
  const ScenarioSearch search = scenario_search(args, env);
  INFO("stderr: " << search.run.err);
  CHECK_FALSE(search.run.signaled);
  CHECK(search.run.exit_code == (search.hits.empty() ? 1 : 0));
  CHECK(search.run.err.empty());
  return search.stems;
}

/// `show --json` of `article` in `database`; requires success.
inline nlohmann::json show_article(const std::string& database, const std::string& article) {
  const RunResult result = run_hermetic({"show", "--db", database, "--json", article});
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  const std::vector<nlohmann::json> objects = parse_json_lines(result.out);
  REQUIRE(objects.size() == 1);
  return objects[0];
}

/// The fields of `show --json` of scenario article `stem`.
inline nlohmann::json scenario_fields(const std::string& stem) {
  return show_article(scenario_database(), scenario_article(stem))["fields"];
}

/// {"value": value, "origin": origin}, as `show --json` prints a field.
inline nlohmann::json field(const std::string& value, const std::string& origin) {
  return {{"value", value}, {"origin", origin}};
}

}  // namespace pressclip::test
