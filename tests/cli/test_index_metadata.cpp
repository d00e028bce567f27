// End-to-end tests of indexing: metadata precedence and provenance, broken input, dates.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli_checks.h"
#include "corpus_index.h"

namespace pressclip::test {
namespace {

namespace fs = std::filesystem;

const fs::path kData = PRESSCLIP_TEST_DATA_DIR;

// An index of tests/data/front_matter (with its manifest.tsv), built once per process.
const std::string& front_matter_database() {
  static const TemporaryDirectory directory;
  static const std::string database = [] {
    const std::string path = directory / "index";
    const RunResult result = run_pressclip({"index", "--db", path, "-q", kData / "front_matter"});
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.err.empty());
    return path;
  }();
  return database;
}

// `show --json` of an article; requires success.
nlohmann::json show_json(const std::string& database, const std::string& article) {
  const RunResult result = run_pressclip({"show", "--db", database, "--json", article});
  INFO("stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  const std::vector<nlohmann::json> objects = parse_json_lines(result.out);
  REQUIRE(objects.size() == 1);
  return objects[0];
}

void check_field(const nlohmann::json& article, const char* name, const std::string& value,
                 const std::string& origin) {
  INFO("field " << name << " of " << article["path"].get<std::string>());
  const nlohmann::json& field = article["fields"][name];
  CHECK(field["value"] == value);
  CHECK(field["origin"] == origin);
}

// The number of hits of `query` in `database`, checking the exit status agrees with it.
std::size_t count_hits(const std::string& database, const std::string& query) {
  INFO("query: " << query);
  const RunResult result = run_pressclip({"search", "--db", database, "--json", "--", query});
  const std::size_t hits = parse_json_lines(result.out).size();
  CHECK(result.exit_code == (hits > 0 ? 0 : 1));
  CHECK(result.err.empty());
  return hits;
}

TEST_CASE("index: front matter wins over the manifest and show reports its origin") {
  const nlohmann::json article =
      show_json(front_matter_database(), kData / "front_matter" / "with_front_matter.txt");
  CHECK(article["format_version"] == 1);
  check_field(article, "title", "Harbour cranes return to Port Solenne", "front matter");
  check_field(article, "source", "Coastal Herald", "front matter");
  check_field(article, "date", "2023-08-03", "front matter");
  check_field(article, "url", "https://example.org/harbour-cranes", "front matter");
  check_field(article, "language", "en", "front matter");
  // The index agrees: the manifest's overridden values find nothing.
  CHECK(count_hits(front_matter_database(), "source:\"Coastal Herald\"") == 1);
  CHECK(count_hits(front_matter_database(), "source:\"Manifest Wire\"") == 0);
  CHECK(count_hits(front_matter_database(), "date:2021") == 0);
  CHECK(count_hits(front_matter_database(), "language:fr") == 0);
}

TEST_CASE("index: the front matter block is not part of the article text") {
  const fs::path file = kData / "front_matter" / "with_front_matter.txt";
  const nlohmann::json article = show_json(front_matter_database(), file);
  const std::string content = read_file(file);
  const std::string body = content.substr(content.find("\n---\n") + 5);
  REQUIRE_FALSE(article["passages"].empty());
  CHECK(article["passages"][0]["start"] == 0);
  for (const nlohmann::json& passage : article["passages"]) {
    const std::size_t start = passage["start"], end = passage["end"];
    REQUIRE(end <= body.size());
    CHECK(passage["text"] == body.substr(start, end - start));
  }
  CHECK(count_hits(front_matter_database(), "harbour") == 1);
  CHECK(count_hits(front_matter_database(), "\"Manifest title that must lose\"") == 0);
}

TEST_CASE("index: manifest values apply to a file without front matter") {
  const nlohmann::json article =
      show_json(front_matter_database(), kData / "front_matter" / "manifest_only.txt");
  check_field(article, "title", "Lapwing count breaks record", "manifest");
  check_field(article, "source", "Marsh Gazette", "manifest");
  check_field(article, "date", "2023-05-14", "manifest");
  check_field(article, "url", "https://example.org/lapwings", "manifest");
  check_field(article, "language", "en", "manifest");
  CHECK(count_hits(front_matter_database(), "source:\"marsh gazette\" date:2023-05") == 1);
}

TEST_CASE("index: a Source line in the text gives the source") {
  const nlohmann::json article =
      show_json(front_matter_database(), kData / "front_matter" / "text_source.txt");
  check_field(article, "source", "Example Wire", "text");  // "text line" in text output.
  check_field(article, "date", "", "default");
  check_field(article, "title",
              "The village library will open on Sundays from next month, the parish council "
              "decided.",
              "default");
  CHECK(count_hits(front_matter_database(), "source:\"Example Wire\"") == 1);
}

TEST_CASE("index: an article without metadata is titled by its first sentence") {
  const nlohmann::json article =
      show_json(front_matter_database(), kData / "front_matter" / "bare.txt");
  check_field(article, "title",
              "A lighthouse keeper's logbook from 1891 was found behind a wall during repairs.",
              "default");
  check_field(article, "source", "", "default");
  check_field(article, "date", "", "default");
  check_field(article, "url", "", "default");
  check_field(article, "language", "", "default");
}

TEST_CASE("search: undated articles match no date filter, not even an open one") {
  // Of the four front_matter articles, text_source and bare have no date.
  CHECK(count_hits(front_matter_database(), "date:1000..") == 2);
  const RunResult result =
      run_pressclip({"search", "--db", front_matter_database(), "--json", "--", "-date:1000.."});
  std::set<std::string> undated;
  for (const nlohmann::json& hit : parse_json_lines(result.out)) {
    undated.insert(fs::path(hit["article"]["path"].get<std::string>()).filename().string());
    CHECK(hit["article"]["date"] == "");
  }
  CHECK(undated == std::set<std::string>{"bare.txt", "text_source.txt"});
}

TEST_CASE("index: broken files are skipped with a warning naming each") {
  const TemporaryDirectory directory;
  const fs::path input = directory.path() / "input";
  fs::copy(kData / "broken", input);
  // Text in another encoding is converted, but a binary file is no article.
  write_file(input / "binary.txt", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01 ferry", 18));
  const std::string db = directory / "index";

  const RunResult result = run_pressclip({"index", "--db", db, "--json", input.string()});
  INFO("stderr: " << result.err);
  CHECK(result.exit_code == 1);  // Completed, with files skipped.
  const std::vector<nlohmann::json> reports = parse_json_lines(result.out);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0]["indexed"] == 1);
  CHECK(reports[0]["skipped"] == 4);
  CHECK(reports[0]["warnings"].size() == 4);

  const std::vector<std::string> lines = result.err_lines();
  CHECK(lines.size() == 4);
  for (const std::string name :
       {"binary.txt", "unclosed_front_matter.txt", "invalid_yaml.txt", "empty.txt"}) {
    INFO("file " << name);
    int warnings_naming_it = 0;
    for (const std::string& line : lines) {
      if (line.starts_with("pressclip: warning: ") &&
          line.find((input / name).string()) != std::string::npos) {
        ++warnings_naming_it;
      }
    }
    CHECK(warnings_naming_it == 1);
  }
  CHECK(result.err.find("good.txt") == std::string::npos);

  const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
  REQUIRE(stats.exit_code == 0);
  CHECK(parse_json_lines(stats.out).at(0)["articles"] == 1);
  CHECK(count_hits(db, "ferry") == 1);
  CHECK(count_hits(db, "indexed") == 0);
}

TEST_CASE("index: a manifest date that is not a date is ignored with a warning") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path article = kData / "bad_manifest_date" / "article.txt";
  const RunResult result =
      run_pressclip({"index", "--db", db, "--json", "--manifest",
                     kData / "bad_manifest_date" / "dates.tsv", article.string()});
  CHECK(result.exit_code == 0);
  const std::vector<nlohmann::json> reports = parse_json_lines(result.out);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0]["indexed"] == 1);
  CHECK(reports[0]["skipped"] == 0);
  CHECK(reports[0]["manifests"] == 1);
  const std::vector<std::string> lines = result.err_lines();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].starts_with("pressclip: warning: "));
  CHECK(lines[0].find("31/02/2023") != std::string::npos);
  CHECK(lines[0].find("date") != std::string::npos);

  const nlohmann::json shown = show_json(db, article);
  check_field(shown, "source", "Valley Courier", "manifest");
  check_field(shown, "date", "", "default");
}

TEST_CASE("search: a partial date matches only filters that contain its whole span") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  REQUIRE(run_pressclip({"index", "--db", db, "-q", kData / "partial_dates"}).exit_code == 0);
  auto dates_of = [&](const std::string& query) {
    const RunResult result = run_pressclip({"search", "--db", db, "--json", "--", query});
    std::set<std::string> found;
    for (const nlohmann::json& hit : parse_json_lines(result.out)) {
      found.insert(hit["article"]["date"].get<std::string>());
    }
    return found;
  };
  using Dates = std::set<std::string>;
  CHECK(dates_of("pelican") == Dates{"2023", "2023-08", "2023-08-10"});
  CHECK(dates_of("date:2023") == Dates{"2023", "2023-08", "2023-08-10"});
  CHECK(dates_of("date:2023-08") == Dates{"2023-08", "2023-08-10"});
  CHECK(dates_of("date:2023-08-01..2023-08-15") == Dates{"2023-08-10"});
  CHECK(dates_of("date:2023-08-10") == Dates{"2023-08-10"});
  CHECK(dates_of("date:2023-07-01..2023-09-30") == Dates{"2023-08", "2023-08-10"});
  CHECK(dates_of("date:2022").empty());

  const fs::path month = kData / "partial_dates" / "month.txt";
  check_field(show_json(db, month), "date", "2023-08", "front matter");
  const RunResult text = run_pressclip({"show", "--db", db, month.string()});
  REQUIRE(text.exit_code == 0);
  bool date_line_seen = false;
  for (const std::string& line : text.out_lines()) {
    if (!line.starts_with("date ")) continue;
    date_line_seen = true;
    CHECK(line.find("2023-08") != std::string::npos);
    CHECK(line.find("2023-08-") == std::string::npos);
  }
  CHECK(date_line_seen);
}

TEST_CASE("index: --batch-size sets the articles per commit") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const RunResult result =
      run_pressclip({"index", "--db", db, "--json", "--batch-size", "2", PRESSCLIP_CORPUS_DIR});
  REQUIRE(result.exit_code == 0);
  const nlohmann::json report = parse_json_lines(result.out).at(0);
  CHECK(report["indexed"] == 5);
  // Batches of 2: the first commits at once; later ones within 250 ms of a commit wait and
  // commit together (whole batches), so 5 quick articles take 2 commits, 3 on a slow day.
  CHECK(report["commits"] >= 2);
  CHECK(report["commits"] <= 3);
  CHECK(report["manifests"] == 1);
  const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
  CHECK(parse_json_lines(stats.out).at(0)["articles"] == 5);
  check_one_error_line(
      run_pressclip({"index", "--db", db, "--batch-size", "0", PRESSCLIP_CORPUS_DIR}));
}

TEST_CASE("index: a nonexistent path fails with one line and indexes nothing") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const RunResult result = run_pressclip(
      {"index", "--db", db, corpus_article_path("000"), "/nonexistent/pressclip/path"});
  check_one_error_line(result);
  CHECK(result.err.find("/nonexistent/pressclip/path") != std::string::npos);
  // Regression: the refused run used to create an empty index.
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("index: an unknown stemmer fails with one line") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  check_one_error_line(run_pressclip(
      {"index", "--db", db, "--stemmer", "klingon", kData / "front_matter" / "bare.txt"}));
  // The failed run must not leave behind a database that later runs reject as foreign.
  const RunResult stats = run_pressclip({"stats", "--db", db});
  check_one_error_line(stats);
  CHECK(stats.err.find("not a pressclip index") == std::string::npos);
}

TEST_CASE("index: an existing index keeps its stemmer") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const std::string article = kData / "front_matter" / "bare.txt";
  REQUIRE(run_pressclip({"index", "--db", db, "-q", "--stemmer", "french", article}).exit_code ==
          0);
  check_one_error_line(run_pressclip({"index", "--db", db, "--stemmer", "german", article}));
  const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
  CHECK(parse_json_lines(stats.out).at(0)["stemmer"] == "french");
}

}  // namespace
}  // namespace pressclip::test
