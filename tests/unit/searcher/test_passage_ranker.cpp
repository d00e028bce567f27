// Unit tests of passage scoring and highlighting.
#include "searcher/passage_ranker.h"

#include "searcher/passage_bm25.h"

#include <doctest/doctest.h>

namespace searcher = pressclip::searcher;

namespace {

// An article whose passages are its sentences, one each.
pressclip::ArticleRecord article_of(pressclip::schema::TextAnalyzer& analyzer,
                                    const std::string& text) {
  pressclip::ArticleRecord record;
  record.text = text;
  for (const auto& sentence : analyzer.analyse(text).sentences) {
    record.passages.push_back({record.passages.size(), sentence.start, sentence.end});
  }
  return record;
}

std::string highlighted(const pressclip::ArticleRecord& record,
                        const searcher::ScoredPassage& scored, std::size_t which) {
  const auto& passage = record.passages[scored.index];
  const auto& span = scored.highlights.at(which);
  return record.text.substr(passage.start + span.start, span.end - span.start);
}

const std::string kText =
    "Protesters gathered in Niamey on Friday, waving flags and chanting against France in the "
    "heat of the afternoon for many hours.\n"
    "Ecowas leaders discussed a military intervention in Niger\u2019s capital, after long talks "
    "in Abuja with the chiefs of defence staff.\n"
    "The military said an intervention would be resisted by every means at the disposal of the "
    "junta and its allies.\n";

}  // namespace

TEST_CASE("the passage holding the phrase wins and the phrase is one highlight") {
  pressclip::schema::TextAnalyzer analyzer("english");
  auto record = article_of(analyzer, kText);
  REQUIRE(record.passages.size() == 3);
  searcher::QueryUnit phrase{
      searcher::UnitKind::kPhrase, {"military", "intervention"}, 2, true, 2.0};
  searcher::PassageRanker ranker(analyzer, {phrase}, 20.0);
  const auto scored = ranker.score(record);
  CHECK(scored[1].score > 0);
  CHECK(scored[2].score == 0);  // "military ... intervention" is not the phrase.
  CHECK_FALSE(scored[2].eligible);
  CHECK(scored[1].eligible);
  REQUIRE(scored[1].highlights.size() == 1);
  CHECK(highlighted(record, scored[1], 0) == "military intervention");
}

TEST_CASE("stemmed terms highlight whole words as written") {
  pressclip::schema::TextAnalyzer analyzer("english");
  auto record = article_of(analyzer, kText);
  searcher::QueryUnit protest{
      searcher::UnitKind::kTerm, {"Z" + analyzer.stem("protest")}, 1, true, 1.0};
  searcher::QueryUnit niger{searcher::UnitKind::kTerm, {"Zniger"}, 1, true, 1.0};
  searcher::PassageRanker ranker(analyzer, {protest, niger}, 20.0);
  const auto scored = ranker.score(record);
  REQUIRE(scored[0].highlights.size() == 1);
  CHECK(highlighted(record, scored[0], 0) == "Protesters");
  REQUIRE(scored[1].highlights.size() == 1);
  CHECK(highlighted(record, scored[1], 0) == "Niger\u2019s");
}

TEST_CASE("NEAR counts only when every word is inside the window") {
  pressclip::schema::TextAnalyzer analyzer("english");
  auto record = article_of(analyzer, kText);
  searcher::QueryUnit near_close{
      searcher::UnitKind::kNear, {"intervention", "military"}, 4, true, 1.0};
  // "military ... intervention" is 3 words apart in the last sentence: NEAR/3 (window 4).
  searcher::QueryUnit near_far{searcher::UnitKind::kNear, {"flags", "hours"}, 4, true, 1.0};
  searcher::PassageRanker close_ranker(analyzer, {near_close}, 20.0);
  searcher::PassageRanker far_ranker(analyzer, {near_far}, 20.0);
  CHECK(close_ranker.score(record)[2].score > 0);
  CHECK(far_ranker.score(record)[0].score == 0);
}

TEST_CASE("rarer words weigh more, and shorter passages beat longer ones for the same match") {
  CHECK(searcher::bm25_idf(1000, 1) > searcher::bm25_idf(1000, 500));
  pressclip::schema::TextAnalyzer analyzer("english");
  pressclip::ArticleRecord record;
  record.text =
      "Wagner.\nWagner was there with many other groups and people of every kind all day long.";
  record.passages = {{0, 0, 7}, {1, 8, record.text.size()}};
  searcher::QueryUnit wagner{searcher::UnitKind::kTerm, {"wagner"}, 1, true, 1.0};
  searcher::PassageRanker ranker(analyzer, {wagner}, 10.0);
  const auto scored = ranker.score(record);
  CHECK(scored[0].score > scored[1].score);
}
