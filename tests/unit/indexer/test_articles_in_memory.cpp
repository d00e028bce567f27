// Tests of the embedding API's in-memory route: articles given as fields or text, pending
// until commit(), replaced by id, removed; on a real on-disk index.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <string>

#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "pressclip/searcher.h"

namespace {

struct EmptyIndex {
  std::filesystem::path directory;
  EmptyIndex() {
    char pattern[] = "/tmp/pressclip-memory-XXXXXX";
    directory = mkdtemp(pattern);
  }
  ~EmptyIndex() { std::filesystem::remove_all(directory); }
  std::string path() const { return (directory / "index").string(); }
  pressclip::IndexerOptions options() const {
    pressclip::IndexerOptions options;
    options.database_path = path();
    return options;
  }
};

pressclip::ArticleFields coup_article() {
  pressclip::ArticleFields fields;
  fields.title = "Junta closes the airspace";
  fields.source = "BBC News";
  fields.date = "3 August 2023";
  fields.url = "https://example.org/airspace";
  fields.language = "en";
  fields.agencies = {"Reuters"};
  fields.text =
      "---\nThe junta in Niamey closed the airspace on Sunday. Flights were diverted to "
      "Ouagadougou.";
  return fields;
}

std::size_t count_matches(const std::string& path, const std::string& query) {
  pressclip::Searcher searcher(path);
  pressclip::SearchOptions options;
  options.query = query;
  return searcher.search(options).matching_articles;
}

}  // namespace

TEST_CASE("an article given as fields is indexed with every field, marked as given") {
  EmptyIndex index;
  std::string id;
  {
    pressclip::Indexer indexer(index.options());
    id = indexer.add_article(coup_article());
    indexer.commit();
  }
  CHECK(id.size() == 16);
  pressclip::Searcher searcher(index.path());
  const auto article = searcher.find_article(id);
  REQUIRE(article.has_value());
  CHECK(article->path.empty());
  CHECK(article->metadata.title.value == "Junta closes the airspace");
  CHECK(article->metadata.title.origin == pressclip::FieldOrigin::kGiven);
  CHECK(article->metadata.source.value == "BBC");  // Through the alias table.
  CHECK(article->metadata.date.value == "2023-08-03");
  CHECK(article->metadata.date.origin == pressclip::FieldOrigin::kGiven);
  CHECK(article->metadata.url.value == "https://example.org/airspace");
  CHECK(article->metadata.language.value == "en");
  REQUIRE(article->metadata.agencies.size() == 1);
  CHECK(article->metadata.agencies[0].value == "Reuters");
  // The text is taken as is: a leading "---" is text, not front matter.
  CHECK(article->text.starts_with("---\nThe junta"));
  CHECK(std::string(pressclip::to_string(pressclip::FieldOrigin::kGiven)) == "given");

  pressclip::SearchOptions options;
  options.query = "airspace source:BBC agency:Reuters date:2023-08";
  const auto results = searcher.search(options);
  CHECK(results.matching_articles == 1);
  CHECK(results.format_version == pressclip::kResultFormatVersion);
}

TEST_CASE("changes are pending until commit and then visible all at once") {
  EmptyIndex index;
  pressclip::Indexer indexer(index.options());
  CHECK_FALSE(indexer.has_pending_changes());
  auto first = coup_article();
  auto second = coup_article();
  second.text = "Ouagadougou sent a delegation to Niamey on Monday.";
  indexer.add_article(first);
  indexer.add_article(second);
  CHECK(indexer.has_pending_changes());
  CHECK(count_matches(index.path(), "Niamey") == 0);
  indexer.commit();
  CHECK_FALSE(indexer.has_pending_changes());
  CHECK(count_matches(index.path(), "Niamey") == 2);
  indexer.commit();  // Nothing pending: nothing happens.
  CHECK(count_matches(index.path(), "Niamey") == 2);
}

TEST_CASE("the same fields twice make one article, and an id replaces its article") {
  EmptyIndex index;
  pressclip::Indexer indexer(index.options());
  const std::string first = indexer.add_article(coup_article());
  const std::string again = indexer.add_article(coup_article());
  CHECK(first == again);
  auto changed = coup_article();
  changed.title = "Another title";
  CHECK(indexer.add_article(changed) != first);  // Different fields, a different article.

  auto named = coup_article();
  named.id = "bbc-airspace";
  named.text = "Version one mentions gazelles.";
  CHECK(indexer.add_article(named) == "bbc-airspace");
  named.text = "Version two mentions antelopes.";
  indexer.add_article(named);
  indexer.commit();
  CHECK(count_matches(index.path(), "Niamey") == 2);
  CHECK(count_matches(index.path(), "gazelles") == 0);
  CHECK(count_matches(index.path(), "antelopes") == 1);
}

TEST_CASE("remove_article is pending too and reports what it found") {
  EmptyIndex index;
  pressclip::Indexer indexer(index.options());
  const std::string id = indexer.add_article(coup_article());
  indexer.commit();
  CHECK(indexer.remove_article(id));
  CHECK(count_matches(index.path(), "Niamey") == 1);
  indexer.commit();
  CHECK(count_matches(index.path(), "Niamey") == 0);
  CHECK_FALSE(indexer.remove_article("no-such-article"));
}

TEST_CASE("the destructor commits what is pending") {
  EmptyIndex index;
  {
    pressclip::Indexer indexer(index.options());
    indexer.add_article(coup_article());
  }
  CHECK(count_matches(index.path(), "Niamey") == 1);
}

TEST_CASE("pending changes are committed when they fill a batch") {
  EmptyIndex index;
  auto options = index.options();
  options.batch_articles = 3;
  pressclip::Indexer indexer(options);
  for (int i = 0; i < 7; ++i) {
    auto fields = coup_article();
    fields.id = "article-" + std::to_string(i);
    indexer.add_article(fields);
  }
  CHECK(count_matches(index.path(), "Niamey") == 6);  // Two batches of three.
  CHECK(indexer.has_pending_changes());
}

TEST_CASE("fields that cannot make an article are refused with kBadArgument") {
  EmptyIndex index;
  pressclip::Indexer indexer(index.options());
  auto check_refused = [&](const pressclip::ArticleFields& fields, const std::string& words) {
    try {
      indexer.add_article(fields);
      FAIL("accepted");
    } catch (const pressclip::Error& error) {
      CHECK(error.kind() == pressclip::ErrorKind::kBadArgument);
      CHECK(std::string(error.what()).find(words) != std::string::npos);
    }
  };
  auto no_text = coup_article();
  no_text.text = "   ";
  check_refused(no_text, "no sentences");
  auto bad_title = coup_article();
  bad_title.title = "caf\xC3";
  check_refused(bad_title, "title is not valid UTF-8");
  auto bad_id = coup_article();
  bad_id.id = "has space";
  check_refused(bad_id, "must be 1-128 printable ASCII characters");
  CHECK_FALSE(indexer.has_pending_changes());

  // A date that cannot be read is ignored, as in a file, and the article is kept.
  auto odd_date = coup_article();
  odd_date.date = "sometime soon";
  odd_date.text = "The delegation met no one. It left on Tuesday.";
  const std::string id = indexer.add_article(odd_date);
  indexer.commit();
  pressclip::Searcher searcher(index.path());
  const auto article = searcher.find_article(id);
  REQUIRE(article.has_value());
  CHECK(article->metadata.date.origin != pressclip::FieldOrigin::kGiven);
}

TEST_CASE("the loaded library reports its versions") {
  CHECK(std::string(pressclip::library_version()) == pressclip::kVersion);
  CHECK(pressclip::result_format_version() == pressclip::kResultFormatVersion);
}
