// Unit tests of the shared text analyser: normalisation, words, positions, query text.
#include "schema/text_analyzer.h"

#include <doctest/doctest.h>

#include "pressclip/error.h"

using pressclip::schema::TextAnalyzer;

namespace {

std::vector<std::string> terms_of(TextAnalyzer& analyzer, std::string_view text) {
  std::vector<std::string> terms;
  for (const auto& token : analyzer.analyse(text).tokens) terms.push_back(token.term);
  return terms;
}

}  // namespace

TEST_CASE("case is folded: NIGERIENS, Nigeriens and nigeriens are one term") {
  TextAnalyzer analyzer("english");
  CHECK(analyzer.normalise_word("NIGERIENS") == "nigeriens");
  CHECK(analyzer.normalise_word("Nigeriens") == "nigeriens");
}

TEST_CASE("diacritics are removed: Nigériens is nigeriens") {
  TextAnalyzer analyzer("english");
  CHECK(analyzer.normalise_word("Nigériens") == "nigeriens");
  CHECK(analyzer.normalise_word("NIGÉRIENS") == "nigeriens");
  // Decomposed input (e + combining acute) gives the same term as precomposed input.
  CHECK(analyzer.normalise_word("Nige\u0301riens") == "nigeriens");
}

TEST_CASE("typographic apostrophes are ASCII apostrophes") {
  TextAnalyzer analyzer("english");
  CHECK(analyzer.normalise_word("don\u2019t") == "don't");
  CHECK(analyzer.normalise_word("don't") == "don't");
  CHECK(analyzer.normalise_word("don\u02BCt") == "don't");
}

TEST_CASE("the English possessive is not part of the word") {
  TextAnalyzer analyzer("english");
  CHECK(analyzer.normalise_word("Niger\u2019s") == "niger");
  CHECK(analyzer.normalise_word("Niger's") == "niger");
  CHECK(analyzer.normalise_word("protesters'") == "protesters");
}

TEST_CASE("acronym dots are dropped: U.S. is us") {
  TextAnalyzer analyzer("english");
  CHECK(terms_of(analyzer, "The U.S. said") == std::vector<std::string>{"the", "us", "said"});
  CHECK(analyzer.normalise_word("pic.twitter.com") == "pic.twitter.com");
}

TEST_CASE("compatibility forms are folded (NFKC): ligatures and full-width letters") {
  TextAnalyzer analyzer("english");
  CHECK(analyzer.normalise_word("\uFB01nance") == "finance");
  CHECK(analyzer.normalise_word("\uFF2E\uFF29\uFF27\uFF25\uFF32") == "niger");
}

TEST_CASE("Snowball English stemming joins protest, protests, protesters") {
  TextAnalyzer analyzer("english");
  CHECK(analyzer.stem("protesters") == analyzer.stem("protest"));
  CHECK(analyzer.stem("protests") == analyzer.stem("protest"));
  CHECK(analyzer.stem("niger") != analyzer.stem("nigeria"));
}

TEST_CASE("an unknown stemmer language is a bad argument") {
  CHECK_THROWS_AS(TextAnalyzer("klingon"), pressclip::Error);
}

TEST_CASE("token offsets cover the word as written, possessive included") {
  TextAnalyzer analyzer("english");
  const std::string text = "In Niger\u2019s capital.";
  const auto tokens = analyzer.analyse(text).tokens;
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[1].term == "niger");
  CHECK(text.substr(tokens[1].start, tokens[1].end - tokens[1].start) == "Niger\u2019s");
}

TEST_CASE("positions are consecutive in a sentence and leave a gap between sentences") {
  TextAnalyzer analyzer("english");
  const auto analysed = analyzer.analyse("Military action. Intervention now.");
  REQUIRE(analysed.tokens.size() == 4);
  CHECK(analysed.tokens[0].position + 1 == analysed.tokens[1].position);
  CHECK(analysed.tokens[2].position ==
        analysed.tokens[1].position + 1 + pressclip::schema::kSentencePositionGap);
  CHECK(analysed.tokens[2].sentence == 1);
}

TEST_CASE("punctuation and overlong garbage are not words") {
  TextAnalyzer analyzer("english");
  CHECK(terms_of(analyzer, "— “ ” -- ...").empty());
  CHECK(terms_of(analyzer, std::string(100, 'x')).empty());
}

TEST_CASE("query normalisation keeps operators and syntax, folds words") {
  TextAnalyzer analyzer("english");
  CHECK(analyzer.normalise_query("Wagner AND Niger") == "wagner AND niger");
  CHECK(analyzer.normalise_query("A OR B NOT C XOR D") == "a OR b NOT c XOR d");
  CHECK(analyzer.normalise_query("Bazoum NEAR/3 Release") == "bazoum NEAR/3 release");
  CHECK(analyzer.normalise_query("wagner and niger") == "wagner and niger");
  CHECK(analyzer.normalise_query("source:\"The Telegraph\" date:2023-07-26..2023-08-15") ==
        "source:\"the telegraph\" date:2023-07-26..2023-08-15");
  CHECK(analyzer.normalise_query("(Nigériens OR Niger\u2019s) -Wagner milit*") ==
        "(nigeriens OR niger) -wagner milit*");
}

TEST_CASE("typographic double quotes and guillemets delimit phrases in queries") {
  TextAnalyzer analyzer("english");
  CHECK(analyzer.normalise_query("\u201CMilitary intervention\u201D") ==
        "\"military intervention\"");
  CHECK(analyzer.normalise_query("\u00ABmilitary intervention\u00BB") ==
        "\"military intervention\"");
}

TEST_CASE("exact-value keys collapse case, accents and spacing") {
  TextAnalyzer analyzer("english");
  CHECK(analyzer.normalise_phrase("The  Télégraph") == "the telegraph");
  CHECK(analyzer.normalise_phrase("BBC News") == analyzer.normalise_phrase("bbc news"));
}

TEST_CASE("words at a glued sentence boundary are two words (regression: nations.Demonstrators)") {
  TextAnalyzer analyzer("english");
  const std::string text = "among Western nations.Demonstrators in Niamey";
  const auto tokens = analyzer.analyse(text).tokens;
  std::vector<std::string> terms;
  for (const auto& token : tokens) terms.push_back(token.term);
  CHECK(terms ==
        std::vector<std::string>{"among", "western", "nations", "demonstrators", "in", "niamey"});
  CHECK(text.substr(tokens[3].start, tokens[3].end - tokens[3].start) == "Demonstrators");
  CHECK(tokens[3].sentence == 1);
}
