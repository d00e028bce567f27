// End-to-end tests of `pressclip show` and `pressclip stats` on the sample corpus.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>

#include "cli_checks.h"
#include "corpus_index.h"

namespace pressclip::test {
namespace {

namespace fs = std::filesystem;

RunResult show(const std::vector<std::string>& args, const fs::path& cwd = {}) {
  std::vector<std::string> full = {"show", "--db", corpus_database()};
  full.insert(full.end(), args.begin(), args.end());
  RunOptions options;
  options.cwd = cwd;
  return run_pressclip(full, options);
}

TEST_CASE("show: by id and by relative or absolute path give the same article") {
  const Search search = search_query("source:BBC");
  REQUIRE(search.hits.size() == 1);
  const std::string id = search.hits[0]["article"]["id"];
  const std::string path = search.hits[0]["article"]["path"];
  CHECK(fs::path(path) == fs::path(corpus_article_path("000")));

  const RunResult by_id = show({"--json", id});
  REQUIRE(by_id.exit_code == 0);
  CHECK(by_id.err.empty());
  const std::vector<nlohmann::json> objects = parse_json_lines(by_id.out);
  REQUIRE(objects.size() == 1);
  CHECK(objects[0]["id"] == id);
  CHECK(objects[0]["path"] == path);
  CHECK(objects[0]["fields"]["source"]["value"] == "BBC");
  CHECK(objects[0]["fields"]["source"]["origin"] == "manifest");
  CHECK(objects[0]["fields"]["date"]["value"] == "2023-08-12");

  const fs::path file_name = fs::path(path).filename();
  for (const auto& [argument, cwd] : std::vector<std::pair<std::string, fs::path>>{
           {path, {}},
           {("seeds" / file_name).string(), PRESSCLIP_CORPUS_DIR},
           {("./seeds/../seeds" / file_name).string(), PRESSCLIP_CORPUS_DIR},
           {file_name.string(), fs::path(path).parent_path()}}) {
    INFO("show " << argument << " in " << cwd.string());
    const RunResult by_path = show({"--json", argument}, cwd);
    CHECK(by_path.exit_code == 0);
    CHECK(by_path.out == by_id.out);
  }
}

TEST_CASE("show: passages cover the article text in order") {
  const std::string path = corpus_article_path("001");
  const RunResult result = show({"--json", path});
  REQUIRE(result.exit_code == 0);
  const nlohmann::json article = parse_json_lines(result.out).at(0);
  const std::string text = read_file(path);
  std::size_t expected_index = 0, previous_end = 0;
  REQUIRE(article["passages"].size() > 1);
  for (const nlohmann::json& passage : article["passages"]) {
    const std::size_t start = passage["start"], end = passage["end"];
    CHECK(passage["index"] == expected_index++);
    CHECK(start >= previous_end);
    REQUIRE(end <= text.size());
    CHECK(passage["text"] == text.substr(start, end - start));
    previous_end = end;
  }
}

TEST_CASE("show: text output lists each field with its origin") {
  const RunResult result = show({corpus_article_path("003")});
  REQUIRE(result.exit_code == 0);
  INFO("output: " << result.out);
  CHECK(result.out.find("RFI (manifest)") != std::string::npos);
  CHECK(result.out.find("2023-07-28 (manifest)") != std::string::npos);
  CHECK(result.out.find("French Foreign Minister Catherine Colonna said") != std::string::npos);
  CHECK(result.out.find("(default)") != std::string::npos);  // url: nothing gave one.
}

TEST_CASE("show: an unknown article fails with one line naming it") {
  for (const std::string& unknown :
       {std::string("0123456789abcdef"), std::string(PRESSCLIP_CORPUS_DIR) + "/seeds.tsv",
        std::string("/nonexistent/article.txt")}) {
    INFO("show " << unknown);
    const RunResult result = show({"--json", unknown});
    CHECK(result.exit_code != 0);
    CHECK_FALSE(result.signaled);
    CHECK(result.out.empty());
    const std::vector<std::string> lines = result.err_lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with("pressclip: "));
    CHECK(lines[0].find(unknown) != std::string::npos);
  }
}

TEST_CASE("show: an unknown article exits 1 as its help says") {
  // `show --help` documents "Exit status: 0 shown, 1 no such article, 2 error."
  const RunResult help = run_pressclip({"show", "--help"});
  REQUIRE(help.out.find("1 no such article") != std::string::npos);
  CHECK(show({"0123456789abcdef"}).exit_code == 1);
  CHECK(show({"--json", "0123456789abcdef"}).exit_code == 1);
}

TEST_CASE("stats: counts articles passages sources and dates of the corpus") {
  const RunResult result = run_pressclip({"stats", "--db", corpus_database(), "--json"});
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  const std::vector<nlohmann::json> objects = parse_json_lines(result.out);
  REQUIRE(objects.size() == 1);
  const nlohmann::json& stats = objects[0];
  CHECK(stats["format_version"] == 1);
  CHECK(stats["database"] == corpus_database());
  CHECK(stats["articles"] == 5);
  CHECK(stats["passages"].get<int>() > 5);
  CHECK(stats["undated_articles"] == 0);
  CHECK(stats["earliest_date"] == "2023-07-28");
  CHECK(stats["latest_date"] == "2023-09-11");
  CHECK(stats["stemmer"] == "english");
  std::map<std::string, int> sources;
  for (const nlohmann::json& source : stats["facets"]["sources"])
    sources[source["value"]] = source["articles"];
  CHECK(sources ==
        std::map<std::string, int>{{"AFP", 1}, {"BBC", 1}, {"RFI", 2}, {"The Telegraph", 1}});
  REQUIRE_FALSE(stats["facets"]["sources"].empty());
  CHECK(stats["facets"]["sources"][0]["value"] == "RFI");  // Most articles first.
  std::map<std::string, int> agencies;
  for (const nlohmann::json& agency : stats["facets"]["agencies"])
    agencies[agency["value"]] = agency["articles"];
  CHECK(agencies == std::map<std::string, int>{{"AFP", 3}, {"AP", 2}, {"Reuters", 1}});
  CHECK(stats["facets"]["without_agency"] == 2);
  std::map<std::string, int> months;
  for (const nlohmann::json& month : stats["facets"]["months"])
    months[month["value"]] = month["articles"];
  CHECK(months == std::map<std::string, int>{{"2023-07", 2}, {"2023-08", 2}, {"2023-09", 1}});
  const RunResult timeline =
      run_pressclip({"stats", "--db", corpus_database(), "--json", "--timeline"});
  REQUIRE(timeline.exit_code == 0);
  const std::vector<nlohmann::json> with_timeline = parse_json_lines(timeline.out);
  REQUIRE(with_timeline.size() == 2);
  CHECK(with_timeline[1]["timeline"]["bucket"] == "day");  // 46 days of dates.
  CHECK(with_timeline[1]["timeline"]["bars"].size() == 46);

  // The passages counted are those show lists.
  std::size_t shown_passages = 0;
  for (const char* number : {"000", "001", "002", "003", "004"}) {
    const RunResult shown =
        run_pressclip({"show", "--db", corpus_database(), "--json", corpus_article_path(number)});
    shown_passages += parse_json_lines(shown.out).at(0)["passages"].size();
  }
  CHECK(stats["passages"] == shown_passages);
}

TEST_CASE("stats: text output names the counts and date range") {
  const RunResult result = run_pressclip({"stats", "--db", corpus_database()});
  REQUIRE(result.exit_code == 0);
  INFO("output: " << result.out);
  CHECK(result.out.find("RFI 2") != std::string::npos);
  CHECK(result.out.find("2023-07-28 .. 2023-09-11") != std::string::npos);
  bool articles_line_seen = false;
  for (const std::string& line : result.out_lines()) {
    if (line.starts_with("articles")) {
      articles_line_seen = true;
      CHECK(line.ends_with(" 5"));
    }
  }
  CHECK(articles_line_seen);
}

TEST_CASE("stats: a missing database fails with one error line") {
  const TemporaryDirectory directory;
  check_one_error_line(run_pressclip({"stats", "--db", directory / "none"}));
  check_one_error_line(run_pressclip({"show", "--db", directory / "none", "0123456789abcdef"}));
  CHECK_FALSE(fs::exists(directory.path() / "none"));
}

}  // namespace
}  // namespace pressclip::test
