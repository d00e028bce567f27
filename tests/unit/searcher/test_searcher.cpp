// Tests of the public Indexer and Searcher API on a real on-disk index of corpus/.
#include <doctest/doctest.h>

#include <xapian.h>

#include <filesystem>
#include <set>

#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "pressclip/searcher.h"

namespace {

pressclip::IndexerOptions options_for(const std::string& path, const std::string& language = "") {
  pressclip::IndexerOptions options;
  options.database_path = path;
  options.stemmer_language = language;
  return options;
}

// A fresh index of the sample corpus in a temporary directory, removed afterwards.
struct CorpusIndex {
  std::filesystem::path directory;
  CorpusIndex() {
    char pattern[] = "/tmp/pressclip-unit-XXXXXX";
    directory = mkdtemp(pattern);
    pressclip::Indexer indexer(options_for((directory / "index").string()));
    report = indexer.index_paths({PRESSCLIP_CORPUS_DIR});
  }
  ~CorpusIndex() { std::filesystem::remove_all(directory); }
  std::string path() const { return (directory / "index").string(); }
  pressclip::IndexReport report;
};

std::set<std::string> article_numbers(const pressclip::SearchResults& results) {
  std::set<std::string> numbers;
  for (const auto& hit : results.hits) {
    numbers.insert(std::filesystem::path(hit.article.path).filename().string().substr(0, 3));
  }
  return numbers;
}

}  // namespace

TEST_CASE("the corpus indexes with metadata from its manifest") {
  CorpusIndex index;
  CHECK(index.report.articles_indexed == 5);
  CHECK(index.report.manifests_read == 1);
  CHECK(index.report.files_skipped == 0);
  pressclip::Searcher searcher(index.path());
  const auto stats = searcher.stats();
  CHECK(stats.articles == 5);
  CHECK(stats.passages > 5);
  CHECK(stats.earliest_date == "2023-07-28");
  CHECK(stats.latest_date == "2023-09-11");
  REQUIRE_FALSE(stats.facets.sources.empty());
  CHECK(stats.facets.sources.front().value == "RFI");
  CHECK(stats.facets.sources.front().articles == 2);
}

TEST_CASE("Wagner AND Niger matches articles 000, 001 and 004") {
  CorpusIndex index;
  pressclip::Searcher searcher(index.path());
  const auto results = searcher.search({.query = "Wagner AND Niger"});
  CHECK(article_numbers(results) == std::set<std::string>{"000", "001", "004"});
  CHECK(results.matching_articles == 3);
  for (std::size_t i = 0; i < results.hits.size(); ++i) CHECK(results.hits[i].rank == i + 1);
}

TEST_CASE("re-indexing the same files replaces articles, never duplicates them") {
  CorpusIndex index;
  {
    pressclip::Indexer indexer(options_for(index.path()));
    indexer.index_paths({std::string(PRESSCLIP_CORPUS_DIR) + "/./seeds/../"});
  }
  pressclip::Searcher searcher(index.path());
  CHECK(searcher.stats().articles == 5);
  CHECK(searcher.search({.query = "wagner"}).hits.size() == 3);
}

TEST_CASE("articles are found by id and by path, with provenance") {
  CorpusIndex index;
  pressclip::Searcher searcher(index.path());
  const std::string path = std::string(PRESSCLIP_CORPUS_DIR) + "/seeds/000_adbdeac2c8311933.txt";
  const auto by_path = searcher.find_article(path);
  REQUIRE(by_path.has_value());
  CHECK(by_path->metadata.source.value == "BBC");
  CHECK(by_path->metadata.source.origin == pressclip::FieldOrigin::kManifest);
  CHECK(by_path->metadata.title.origin == pressclip::FieldOrigin::kDefault);
  CHECK(by_path->id == pressclip::Indexer::article_id_for_path(path));
  const auto by_id = searcher.find_article(by_path->id);
  REQUIRE(by_id.has_value());
  CHECK(by_id->path == by_path->path);
  CHECK_FALSE(searcher.find_article("ffffffffffffffff").has_value());
}

TEST_CASE("a second writer is refused with 'index locked' while the first holds the index") {
  CorpusIndex index;
  pressclip::Indexer first(options_for(index.path()));
  try {
    pressclip::Indexer second(options_for(index.path()));
    FAIL("two writers opened one index");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kIndexLocked);
  }
}

TEST_CASE("opening a missing index or a foreign directory fails with a clear kind") {
  try {
    pressclip::Searcher searcher("/nonexistent/pressclip-index");
    FAIL("opened a missing index");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kIndexMissing);
  }
  char pattern[] = "/tmp/pressclip-empty-XXXXXX";
  const std::string empty_directory = mkdtemp(pattern);
  CHECK_THROWS_AS(pressclip::Searcher{empty_directory}, pressclip::Error);
  std::filesystem::remove_all(empty_directory);
}

TEST_CASE("search arguments are validated") {
  CorpusIndex index;
  pressclip::Searcher searcher(index.path());
  CHECK_THROWS_AS(searcher.search({.query = "niger", .limit = 0}), pressclip::Error);
  CHECK_THROWS_AS(searcher.search({.query = "niger", .per_article = 0}), pressclip::Error);
}

TEST_CASE("an index built with another stemmer cannot be extended with this one") {
  CorpusIndex index;
  try {
    pressclip::Indexer indexer(options_for(index.path(), "french"));
    FAIL("stemmer change accepted");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kBadArgument);
  }
}

TEST_CASE("sorting by date orders articles by date, newest or oldest first") {
  CorpusIndex index;
  pressclip::Searcher searcher(index.path());
  pressclip::SearchOptions options;
  options.query = "niger";
  options.sort = pressclip::SortOrder::kDateAscending;
  std::vector<std::string> dates;
  for (const auto& hit : searcher.search(options).hits) dates.push_back(hit.article.date);
  CHECK(dates == std::vector<std::string>{"2023-07-28", "2023-07-30", "2023-08-03", "2023-08-12",
                                          "2023-09-11"});
  options.sort = pressclip::SortOrder::kDateDescending;
  dates.clear();
  for (const auto& hit : searcher.search(options).hits) dates.push_back(hit.article.date);
  CHECK(dates == std::vector<std::string>{"2023-09-11", "2023-08-12", "2023-08-03", "2023-07-30",
                                          "2023-07-28"});
}

TEST_CASE("an index built under other analysis rules or a newer format is refused, not misread") {
  CorpusIndex index;
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"pressclip.analysis", "icu-words/older-rules/v1"},
           {"pressclip.format_version", "99"}}) {
    CAPTURE(key);
    {
      CorpusIndex altered;
      Xapian::WritableDatabase database(altered.path(), Xapian::DB_OPEN);
      database.set_metadata(key, value);
      database.commit();
      database.close();
      try {
        pressclip::Searcher searcher(altered.path());
        FAIL("an incompatible index was opened");
      } catch (const pressclip::Error& error) {
        CHECK(error.kind() == pressclip::ErrorKind::kIndexVersion);
      }
      CHECK_THROWS_AS(pressclip::Indexer(options_for(altered.path())), pressclip::Error);
    }
  }
}
