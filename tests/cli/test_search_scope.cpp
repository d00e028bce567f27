// End-to-end tests of passage scope, wildcard limits and spelling suggestions on the corpus.
#include <doctest/doctest.h>

#include <string>

#include "cli_checks.h"
#include "corpus_index.h"

namespace pressclip::test {
namespace {

std::string passage_text(const nlohmann::json& hit) { return hit["passage"]["text"]; }

TEST_CASE("scope: in passage scope every AND-ed word is inside the passage shown") {
  const Search article = search_corpus({"-n", "100", "--", "Wagner AND Niger"});
  const Search passage =
      search_corpus({"-n", "100", "--per-article", "5", "--scope", "passage", "Wagner AND Niger"});
  REQUIRE(passage.run.exit_code == 0);
  REQUIRE_FALSE(passage.hits.empty());
  for (const nlohmann::json& hit : passage.hits) {
    INFO("passage: " << passage_text(hit));
    CHECK(contains_ignoring_case(passage_text(hit), "wagner"));
    CHECK(contains_ignoring_case(passage_text(hit), "niger"));
  }
  // Article scope shows passages that name only one of the two: the scopes differ here.
  bool article_scope_has_partial_passage = false;
  for (const nlohmann::json& hit : article.hits) {
    const std::string text = passage_text(hit);
    if (!contains_ignoring_case(text, "wagner") || !contains_ignoring_case(text, "niger")) {
      article_scope_has_partial_passage = true;
    }
  }
  CHECK(article_scope_has_partial_passage);
  CHECK(article_numbers(passage.hits).size() <= article_numbers(article.hits).size());
}

TEST_CASE("scope: OR needs one side in the passage, a phrase all its words in order") {
  const Search search =
      search_corpus({"-n", "100", "--per-article", "10", "--scope", "passage",
                     "\"military intervention\" AND (Russia OR Russian OR Moscow)"});
  REQUIRE(search.run.exit_code == 0);
  REQUIRE_FALSE(search.hits.empty());
  for (const nlohmann::json& hit : search.hits) {
    const std::string text = passage_text(hit);
    INFO("passage: " << text);
    CHECK(contains_ignoring_case(text, "military intervention"));
    CHECK((contains_ignoring_case(text, "russia") || contains_ignoring_case(text, "moscow")));
  }
}

TEST_CASE("scope: words that never share a passage find nothing in passage scope") {
  // Both words are in article 003, but far apart.
  const Search article = search_corpus({"--", "Colonna AND Blinken"});
  const Search passage = search_corpus({"--scope", "passage", "--", "Colonna AND Blinken"});
  INFO(article.run.err << passage.run.err);
  CHECK(article.run.exit_code == 0);
  CHECK(passage.run.exit_code == 1);
  CHECK(passage.hits.empty());
}

TEST_CASE("scope: an unknown scope is a usage error") {
  check_one_error_line(search_corpus({"--scope", "sentence", "--", "niger"}).run);
}

TEST_CASE("wildcards: a too broad wildcard is a bad query, not a silent truncation") {
  // The corpus has far fewer than 1000 words per letter, so build a vocabulary that has more.
  const TemporaryDirectory directory;
  std::string text;
  for (int i = 0; i < 1200; ++i) text += "zeta" + std::to_string(i) + "x ";
  write_file(directory / "many.txt", text + ".\n");
  const std::string db = directory / "index";
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory / "many.txt"}).exit_code == 0);
  const RunResult broad = run_pressclip({"search", "--db", db, "zeta*"});
  check_one_error_line(broad);
  CHECK(broad.err.find("zeta*") != std::string::npos);
  CHECK(broad.err.find("longer") != std::string::npos);
  const RunResult narrow = run_pressclip({"search", "--db", db, "--json", "zeta11*"});
  CHECK(narrow.exit_code == 0);
}

TEST_CASE("suggestions: a rare misspelling gets the index's common spelling") {
  // The corpus has "Bazoumm" once (a typo in article 003) and "Bazoum" in five articles.
  const Search search = search_corpus({"--", "Bazoumm"});
  CHECK(search.run.exit_code == 0);  // The typo itself is found...
  CHECK(article_numbers(search.hits) == Articles{"003"});
  CHECK(search.run.err == "pressclip: did you mean: Bazoum\n");  // ...and the fix suggested.

  const Search nothing = search_corpus({"--", "Bazoumn AND Niger"});
  CHECK(nothing.run.exit_code == 1);
  CHECK(nothing.run.err == "pressclip: did you mean: Bazoum AND Niger\n");
}

TEST_CASE("suggestions: none for words the index knows well, fields or operators") {
  CHECK(search_corpus({"--", "Bazoum"}).run.err.empty());
  CHECK(search_corpus({"--", "source:BBCC"}).run.err.empty());
  CHECK(search_corpus({"--", "Colonna OR Tinubu"}).run.err.empty());  // Rare, but right.
  const Search unknown = search_corpus({"--", "qwxzvy"});
  CHECK(unknown.run.exit_code == 1);
  CHECK(unknown.run.err.empty());  // Nothing close enough to suggest.
}

}  // namespace
}  // namespace pressclip::test
