// End-to-end tests of the query language on the sample corpus: operators, filters, analysis.
#include <doctest/doctest.h>

#include <string>

#include "cli_checks.h"
#include "corpus_index.h"

namespace pressclip::test {
namespace {

// Runs `query` and checks that it succeeds and finds exactly the articles `expected`.
void check_articles(const std::string& query, const Articles& expected) {
  INFO("query: " << query);
  const Search search = search_query(query);
  INFO("stderr: " << search.run.err);
  CHECK(search.run.exit_code == 0);
  CHECK(search.run.err.empty());
  CHECK(article_numbers(search.hits) == expected);
}

std::string corpus_text(const std::string& number) {
  return read_file(corpus_article_path(number));
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

TEST_CASE("search: Wagner AND Niger finds exactly the articles naming both") {
  check_articles("Wagner AND Niger", {"000", "001", "004"});
}

TEST_CASE("search: a phrase finds only articles containing it and highlights it as one span") {
  const Search search = search_query("\"military intervention\"");
  CHECK(search.run.exit_code == 0);
  CHECK(article_numbers(search.hits) == Articles{"000", "001", "002", "004"});
  for (const nlohmann::json& hit : search.hits) {
    const std::string text = hit["passage"]["text"];
    INFO("passage: " << text);
    CHECK(contains_ignoring_case(text, "military intervention"));
    bool whole_phrase_highlighted = false;
    for (const nlohmann::json& range : hit["passage"]["highlights"]) {
      const std::size_t start = range[0], end = range[1];
      REQUIRE(end <= text.size());
      if (ascii_lower(text.substr(start, end - start)) == "military intervention") {
        whole_phrase_highlighted = true;
      }
    }
    CHECK(whole_phrase_highlighted);
  }
}

TEST_CASE("search: bare words are ANDed whether in one argument or several") {
  const Articles both = {"000", "001", "004"};
  check_articles("wagner niger", both);
  const Search separate = search_corpus({"-n", "100", "wagner", "niger"});
  CHECK(separate.run.exit_code == 0);
  CHECK(article_numbers(separate.hits) == both);
}

TEST_CASE("search: OR and parentheses combine words") {
  check_articles("Tinubu OR Colonna", {"000", "003"});
  check_articles("(Tinubu OR Colonna) AND wagner", {"000"});
  check_articles("wagner XOR putin", {"000", "002"});
  // In lowercase "or" is a word: only 004 has "wagner", "or" and "putin".
  check_articles("wagner or putin", {"004"});
}

TEST_CASE("search: source filter matches the whole source name ignoring case") {
  check_articles("source:BBC", {"000"});
  check_articles("source:bbc", {"000"});
  check_articles("source:\"The Telegraph\"", {"002"});
  check_articles("source:RFI", {"001", "003"});
  check_articles("source:BBC OR source:AFP", {"000", "004"});
  check_articles("source:BBC source:RFI", {"000", "001", "003"});  // Same field: ORed.
  CHECK(search_query("source:BBC AND source:RFI").run.exit_code == 1);
  const Search search = search_query("source:bbc");
  REQUIRE(search.hits.size() == 1);
  CHECK(search.hits[0]["article"]["source"] == "BBC");
  // A name the alias table knows finds its source; other names must match whole.
  check_articles("source:Telegraph", {"002"});
  check_articles("source:\"BBC News\"", {"000"});
  CHECK(search_query("source:Times").run.exit_code == 1);
}

TEST_CASE("search: date filter at day and month precision") {
  check_articles("date:2023-08-03", {"004"});
  check_articles("date:2023-08", {"000", "004"});
  check_articles("date:2023-07 date:2023-09", {"001", "002", "003"});  // Same field: ORed.
  const Search search = search_query("date:2023-08-03");
  REQUIRE(search.hits.size() == 1);
  CHECK(search.hits[0]["article"]["date"] == "2023-08-03");
}

TEST_CASE("search: closed and open date ranges include their ends") {
  // Dates: 000 2023-08-12, 001 2023-09-11, 002 2023-07-30, 003 2023-07-28, 004 2023-08-03.
  check_articles("niger", {"000", "001", "002", "003", "004"});
  check_articles("niger date:2023-07-26..2023-08-15", {"000", "002", "003", "004"});
  check_articles("niger date:2023-08-01..", {"000", "001", "004"});
  check_articles("niger date:..2023-07-31", {"002", "003"});
  check_articles("niger date:2023-07-28..2023-07-30", {"002", "003"});
  check_articles("niger date:2023-09-11..", {"001"});
  check_articles("date:2023-07..2023-08", {"000", "002", "003", "004"});
}

TEST_CASE("search: a phrase combined with source and date filters") {
  check_articles("\"military intervention\" source:BBC date:2023-07-26..2023-08-15", {"000"});
  CHECK(search_query("\"military intervention\" source:RFI date:2023-07-26..2023-08-15")
            .run.exit_code == 1);
}

TEST_CASE("search: NOT and a leading minus exclude articles") {
  check_articles("niger NOT wagner", {"002", "003"});
  check_articles("niger -wagner", {"002", "003"});
  check_articles("niger -source:RFI", {"000", "002", "004"});
  // A lone negative query: "--" keeps the CLI from reading -wagner as an option.
  check_articles("-wagner", {"002", "003"});
  const Search after_dashes = search_corpus({"-n", "100", "--", "niger", "-wagner"});
  CHECK(after_dashes.run.exit_code == 0);
  CHECK(article_numbers(after_dashes.hits) == Articles{"002", "003"});
}

TEST_CASE("search: NEAR/n matches words at most n words apart in either order") {
  // 000 and 004: "Wagner mercenary group"; 001: "mercenary group Wagner" (two words apart).
  for (const char* number : {"000", "004"}) {
    CHECK(corpus_text(number).find("Wagner mercenary") != std::string::npos);
  }
  CHECK(corpus_text("001").find("mercenary group Wagner") != std::string::npos);
  CHECK(corpus_text("001").find("Wagner mercenary") == std::string::npos);

  check_articles("wagner NEAR/1 mercenary", {"000", "004"});
  check_articles("mercenary NEAR/1 wagner", {"000", "004"});
  check_articles("wagner NEAR/2 mercenary", {"000", "001", "004"});
  check_articles("mercenary NEAR/2 wagner", {"000", "001", "004"});
  check_articles("wagner ADJ/1 mercenary", {"000", "004"});
  CHECK(search_query("mercenary ADJ/1 wagner").run.exit_code == 1);  // ADJ keeps the order.
  // NEAR words match as written, unlike bare words, which are stemmed.
  check_articles("mercenaries", {"000", "001", "004"});
  CHECK(search_query("mercenaries NEAR/1 wagner").run.exit_code == 1);
}

TEST_CASE("search: prefix wildcard matches words starting with the prefix") {
  check_articles("mercenar*", {"000", "001", "004"});
}

TEST_CASE("search: title filter matches words of the title") {
  // Titles are first sentences; only 003's and 004's mention the coup.
  check_articles("title:coup", {"003", "004"});
}

TEST_CASE("search: accents and case are folded in queries and text") {
  check_articles("Nigériens", {"001", "002", "003"});
  check_articles("nigeriens", {"001", "002", "003"});
  check_articles("NIGERIENS", {"001", "002", "003"});
  // 001 quotes French: "réagissiez", "conférence de presse".
  check_articles("reagissiez", {"001"});
  check_articles("RÉAGISSIEZ", {"001"});
  check_articles("\"conference de presse\"", {"001"});
}

TEST_CASE("search: typographic and ASCII apostrophes are equivalent") {
  CHECK(corpus_text("004").find("Niger\u2019s capital") != std::string::npos);
  check_articles("\"Niger\u2019s capital\"", {"004"});
  check_articles("\"Niger's capital\"", {"004"});
  // The possessive is stripped, so the plain phrase matches "Niger’s capital" too.
  check_articles("\"Niger capital\"", {"004"});
  const Articles all = {"000", "001", "002", "003", "004"};
  check_articles("Niger\u2019s capital", all);
  check_articles("Niger's capital", all);
  check_articles("don\u2019t", {"003", "004"});
  check_articles("don't", {"003", "004"});
}

TEST_CASE("search: a word is found where the text has only its possessive") {
  // 000 names Nigeria only as "Nigeria’s".
  const std::string text = corpus_text("000");
  REQUIRE(count_of(text, "Nigeria\u2019s") == 1);
  REQUIRE(count_of(text, "Nigeria") == 1);
  check_articles("nigeria", {"000", "002", "004"});
  check_articles("\"nigeria\"", {"000", "002", "004"});
  const Search search = search_query("source:BBC nigeria");
  REQUIRE(search.hits.size() == 1);
  const std::string passage = search.hits[0]["passage"]["text"];
  const nlohmann::json& highlights = search.hits[0]["passage"]["highlights"];
  REQUIRE(highlights.size() == 1);
  const std::size_t start = highlights[0][0], end = highlights[0][1];
  CHECK(passage.substr(start, end - start) == "Nigeria\u2019s");
}

TEST_CASE("search: bare words are stemmed") {
  // protested (000), protest (001), Protesters (002), protesters and protests (004).
  const Articles with_forms = {"000", "001", "002", "004"};
  check_articles("protest", with_forms);
  check_articles("protesters", with_forms);
  check_articles("protested", with_forms);
  CHECK(!contains_ignoring_case(corpus_text("003"), "protest"));
}

TEST_CASE("search: a quoted single word matches that word form only") {
  for (const char* number : {"000", "001", "003"}) {
    CHECK(!contains_ignoring_case(corpus_text(number), "protesters"));
  }
  check_articles("\"protesters\"", {"002", "004"});
  check_articles("\"protest\"", {"001"});
}

}  // namespace
}  // namespace pressclip::test
