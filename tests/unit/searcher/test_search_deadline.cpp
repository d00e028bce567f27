// Unit tests of the search deadline: the clock, the posting source that carries it into
// Xapian's matcher, and each of the searcher's own loops that must check it.
#include "searcher/search_deadline.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <thread>

#include "pressclip/searcher.h"
#include "searcher/passage_ranker.h"
#include "searcher/position_scorer.h"
#include "searcher/query_explanation.h"
#include "searcher/spelling_suggester.h"

namespace searcher = pressclip::searcher;
using namespace std::chrono_literals;

namespace {

// A deadline that has already passed.
searcher::SearchDeadline expired_deadline() {
  searcher::SearchDeadline deadline(1ms);
  std::this_thread::sleep_for(5ms);
  return deadline;
}

// An in-memory index of `count` documents, each "alpha beta gamma ... " with positions: every
// document holds every word, and "gamma alpha" never occurs as a phrase.
Xapian::WritableDatabase documents(int count) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < count; ++i) {
    Xapian::Document document;
    Xapian::termpos position = 1;
    for (const char* word : {"alpha", "beta", "gamma", "delta"}) {
      document.add_posting(word, position++);
    }
    document.add_posting("word" + std::to_string(i), position);
    database.add_document(document);
  }
  return database;
}

Xapian::Query phrase(const char* first, const char* second) {
  const std::vector<std::string> words = {first, second};
  return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), 2);
}

std::vector<Xapian::docid> docids(const Xapian::MSet& matches) {
  return std::vector<Xapian::docid>(matches.begin(), matches.end());
}

}  // namespace

TEST_CASE("deadline: none never expires, a passed one throws on check") {
  searcher::SearchDeadline none;
  CHECK_FALSE(none.bounded());
  CHECK_NOTHROW(none.check());
  CHECK_FALSE(searcher::SearchDeadline(0ms).bounded());
  CHECK_FALSE(searcher::SearchDeadline(-5ms).bounded());
  // Too far away for the clock: no deadline rather than an overflow.
  CHECK_FALSE(searcher::SearchDeadline(std::chrono::milliseconds::max()).bounded());
  CHECK_NOTHROW(searcher::SearchDeadline(1h).check());
  CHECK_THROWS_AS(expired_deadline().check(), searcher::DeadlineExpired);
}

TEST_CASE("deadline: tick reads the clock once every kTicksPerClockRead calls") {
  searcher::SearchDeadline deadline = expired_deadline();
  for (std::uint32_t i = 1; i < searcher::SearchDeadline::kTicksPerClockRead; ++i) {
    CHECK_NOTHROW(deadline.tick());
  }
  CHECK_THROWS_AS(deadline.tick(), searcher::DeadlineExpired);
}

TEST_CASE("deadline: Xapian checks it for candidates that a phrase check rejects") {
  // Regression: a MatchDecider is called only for articles that pass every check, so a
  // long phrase that matches nothing never reached it and ran for minutes.
  const Xapian::WritableDatabase database = documents(200);
  searcher::SearchDeadline deadline = expired_deadline();
  Xapian::Enquire enquire(database);
  enquire.set_query(searcher::with_deadline(phrase("gamma", "alpha"), deadline));
  CHECK_THROWS_AS(enquire.get_mset(0, 10), searcher::DeadlineExpired);
  // Without the deadline the same match ends normally, with nothing found.
  enquire.set_query(phrase("gamma", "alpha"));
  CHECK(enquire.get_mset(0, 10).empty());
}

TEST_CASE("deadline: filtering by it changes no match, order or count") {
  const Xapian::WritableDatabase database = documents(50);
  searcher::SearchDeadline deadline(1h);
  for (const Xapian::Query& query :
       {phrase("alpha", "beta"), Xapian::Query("word7") | Xapian::Query("word9"),
        Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(std::string()),
                      Xapian::Query("word3"))}) {
    CAPTURE(query.get_description());
    Xapian::Enquire plain(database);
    plain.set_query(query);
    Xapian::Enquire bounded(database);
    bounded.set_query(searcher::with_deadline(query, deadline));
    const Xapian::MSet expected = plain.get_mset(0, 100);
    const Xapian::MSet actual = bounded.get_mset(0, 100);
    CHECK(docids(actual) == docids(expected));
    CHECK(actual.get_matches_estimated() == expected.get_matches_estimated());
    CHECK(actual.get_matches_lower_bound() == expected.get_matches_lower_bound());
  }
  searcher::SearchDeadline none;
  CHECK(searcher::with_deadline(Xapian::Query("alpha"), none).get_description() ==
        Xapian::Query("alpha").get_description());
}

TEST_CASE("deadline: the searcher's own loops check it") {
  pressclip::schema::TextAnalyzer analyzer("english");
  const Xapian::WritableDatabase database = documents(100);
  searcher::SearchDeadline deadline = expired_deadline();

  // Spelling: the scan of the words sharing a first letter ("word0".."word99").
  searcher::SpellingSuggester suggester(database, analyzer, &deadline);
  CHECK_THROWS_AS(suggester.correct("wordd"), searcher::DeadlineExpired);

  // Positions: the expansion of a stem to its forms.
  const searcher::QueryUnit stem{searcher::UnitKind::kTerm, {"Zword"}, 1, true, 1.0};
  CHECK_THROWS_AS(searcher::PositionScorer(database, {stem}, analyzer, 10.0, &deadline),
                  searcher::DeadlineExpired);

  // Text: scoring the passages of an article.
  pressclip::ArticleRecord record;
  for (int i = 0; i < 40; ++i) {
    const std::size_t start = record.text.size();
    record.text += "Alpha beta gamma. ";
    record.passages.push_back({record.passages.size(), start, record.text.size() - 1});
  }
  const searcher::QueryUnit alpha{searcher::UnitKind::kTerm, {"alpha"}, 1, true, 1.0};
  searcher::PassageRanker ranker(analyzer, {alpha}, 10.0, &deadline);
  CHECK_THROWS_AS(ranker.score(record), searcher::DeadlineExpired);

  // Explanations: the words a wildcard matches.
  const searcher::QueryUnit wildcard{searcher::UnitKind::kWildcard, {"word"}, 1, true, 1.0};
  const searcher::PositionScorer scorer(database, {wildcard}, analyzer, 10.0);
  CHECK_THROWS_AS(searcher::explain_query(database, "word*", Xapian::Query("word1"), {wildcard},
                                          scorer, &deadline),
                  searcher::DeadlineExpired);
  CHECK(searcher::explain_query(database, "word*", Xapian::Query("word1"), {wildcard}, scorer)
            .parts.at(0)
            .form_count == 100);
}

TEST_CASE("deadline: the timeout message and the conversion from seconds") {
  CHECK(searcher::timeout_message(10000ms) ==
        "search timed out after 10 s; narrow the query or raise --timeout");
  CHECK(searcher::timeout_message(2500ms) ==
        "search timed out after 2.5 s; narrow the query or raise --timeout");
  CHECK(searcher::timeout_message(1ms) ==
        "search timed out after 0.001 s; narrow the query or raise --timeout");
  using pressclip::timeout_from_seconds;
  CHECK(timeout_from_seconds(10) == 10000ms);
  CHECK(timeout_from_seconds(0) == 0ms);
  CHECK(timeout_from_seconds(0.0001) == 1ms);  // Rounded up: still a deadline.
  CHECK(timeout_from_seconds(1.2345) == 1235ms);
  CHECK(timeout_from_seconds(1e300) == std::chrono::milliseconds(365LL * 24 * 3600 * 1000));
  CHECK(timeout_from_seconds(-1) < 0ms);
  CHECK(timeout_from_seconds(std::nan("")) < 0ms);
}
