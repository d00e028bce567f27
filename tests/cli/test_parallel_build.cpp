// End-to-end tests of building a new index with parallel writers (`index --jobs`).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cli_checks.h"
#include "cli_runner.h"

using namespace pressclip::test;
namespace fs = std::filesystem;

namespace {

// Enough articles for a parallel build, each with a unique token, three short paragraphs, a source
// and a date, and one broken file among them.
fs::path write_archive(const TemporaryDirectory& directory) {
  const fs::path articles = directory / "articles";
  fs::create_directories(articles);
  for (int i = 0; i < 1500; ++i) {
    const std::string number = std::to_string(i);
    write_file(articles / (number + ".txt"),
               "---\nsource: Outlet " + std::to_string(i % 7) + "\ndate: 2023-07-" +
                   std::to_string(10 + i % 20) + "\n---\nArticle " + number + " names token" +
                   number +
                   " and the coup in Niger.\n\nThe junta spoke on television.\n\n"
                   "Protesters gathered outside the embassy in Niamey.\n");
  }
  write_file(articles / "broken.txt", std::string("GIF89a\x01\0\x01\0 is served here.\n", 27));
  return articles;
}

nlohmann::json stats_of(const std::string& db) {
  const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
  REQUIRE(stats.exit_code == 0);
  return parse_json_lines(stats.out).at(0);
}

std::vector<std::string> article_ids(const std::string& db, const std::string& query) {
  const RunResult result = run_pressclip({"search", "--db", db, "--json", "-n", "2000", query});
  std::vector<std::string> ids;
  for (const auto& hit : parse_json_lines(result.out)) ids.push_back(hit["article"]["id"]);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("parallel build: same articles, passages and matches as one writer, and compact") {
  const TemporaryDirectory directory;
  const fs::path articles = write_archive(directory);
  const std::string parallel = directory / "parallel";
  const std::string sequential = directory / "sequential";
  const RunResult built =
      run_pressclip({"index", "--json", "--jobs", "2", "--db", parallel, articles.string()});
  REQUIRE(built.exit_code == 1);                             // Completed, with broken.txt skipped.
  CHECK(built.err.find("broken.txt") != std::string::npos);  // Warned from the writers.
  const auto report = parse_json_lines(built.out).at(0);
  CHECK(report["indexed"] == 1500);
  CHECK(report["skipped"] == 1);
  REQUIRE(run_pressclip({"index", "-q", "--jobs", "1", "--db", sequential, articles.string()})
              .exit_code == 1);

  const auto parallel_stats = stats_of(parallel);
  const auto sequential_stats = stats_of(sequential);
  CHECK(parallel_stats["articles"] == 1500);
  CHECK(parallel_stats["passages"] == sequential_stats["passages"]);
  CHECK(parallel_stats["facets"] == sequential_stats["facets"]);
  CHECK(parallel_stats["facets"]["sources"].size() > 1);
  CHECK(parallel_stats["earliest_date"] == sequential_stats["earliest_date"]);
  for (const char* query : {"token1234", "junta AND television", "\"coup in Niger\"",
                            "source:\"Outlet 3\" date:2023-07-12", "protester"}) {
    INFO(query);
    CHECK(article_ids(parallel, query) == article_ids(sequential, query));
  }
  // Merged by the compactor: smaller than the one built batch by batch, and nothing left over.
  std::uintmax_t parallel_bytes = 0, sequential_bytes = 0;
  for (const auto& entry : fs::directory_iterator(parallel)) parallel_bytes += entry.file_size();
  for (const auto& entry : fs::directory_iterator(sequential))
    sequential_bytes += entry.file_size();
  CHECK(parallel_bytes < sequential_bytes);
  for (const auto& entry : fs::directory_iterator(directory.path())) {
    CHECK(entry.path().filename().string().find("pressclip-build") == std::string::npos);
  }

  // The merged index takes updates like any other: a second run replaces, never duplicates.
  REQUIRE(run_pressclip({"index", "-q", "--db", parallel, articles.string()}).exit_code == 1);
  CHECK(stats_of(parallel)["articles"] == 1500);
  CHECK(stats_of(parallel)["passages"] == sequential_stats["passages"]);
  CHECK(article_ids(parallel, "token77").size() == 1);
}

TEST_CASE("parallel build: an interrupted build's leftovers are cleared by the next one") {
  const TemporaryDirectory directory;
  const fs::path articles = write_archive(directory);
  const std::string db = directory / "index";
  const fs::path leftover = directory.path() / ".index.pressclip-build" / "shards" / "shard-0";
  fs::create_directories(leftover);
  write_file(leftover / "iamglass", "half-written");
  REQUIRE(run_pressclip({"index", "-q", "--jobs", "2", "--db", db, articles.string()}).exit_code ==
          1);
  CHECK_FALSE(fs::exists(directory.path() / ".index.pressclip-build"));
  CHECK(stats_of(db)["articles"] == 1500);
}
