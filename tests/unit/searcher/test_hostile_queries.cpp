// Hostile and mistaken queries through the public Searcher API (and the C API): each one is
// refused with a one-line kBadQuery, answered correctly within the limits, or stopped by the
// deadline with kTimeout. The limits are in pressclip/searcher.h, the prose in
// docs/query-language.md ("Limits").
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "pressclip/pressclip.h"
#include "pressclip/searcher.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using pressclip::ErrorKind;

// A fresh index in a temporary directory, removed afterwards.
struct TemporaryIndex {
  fs::path directory;
  TemporaryIndex() {
    char pattern[] = "/tmp/pressclip-hostile-XXXXXX";
    directory = mkdtemp(pattern);
  }
  ~TemporaryIndex() { fs::remove_all(directory); }
  TemporaryIndex(const TemporaryIndex&) = delete;
  TemporaryIndex& operator=(const TemporaryIndex&) = delete;
  std::string path() const { return (directory / "index").string(); }
  pressclip::Indexer writer() const {
    pressclip::IndexerOptions options;
    options.database_path = path();
    return pressclip::Indexer(options);
  }
};

// The sample corpus, indexed once for the whole test run.
const TemporaryIndex& corpus_index() {
  static const TemporaryIndex index;
  static const bool built = [] {
    index.writer().index_paths({PRESSCLIP_CORPUS_DIR});
    return true;
  }();
  (void)built;
  return index;
}

// News-like words, every one in nearly every generated article.
const std::vector<std::string> kWords = {
    "army",      "border",    "capital",  "ceasefire",  "coalition", "court",    "drought",
    "economy",   "election",  "embassy",  "envoy",      "exports",   "farmers",  "flood",
    "governor",  "harvest",   "hospital", "inflation",  "junta",     "market",   "minister",
    "monsoon",   "navy",      "oil",      "parliament", "pipeline",  "police",   "port",
    "president", "prices",    "protest",  "railway",    "rebels",    "refugees", "reform",
    "river",     "sanctions", "schools",  "senate",     "ship",      "strike",   "summit",
    "talks",     "tariffs",   "treaty",   "union",      "verdict",   "wages"};

// Articles in an index of generated articles: enough that ranking every passage of every
// article for a query of kMaxQueryTerms words takes seconds (3.7 s measured without a
// deadline), while the index builds in about half a second.
constexpr int kGeneratedArticles = 1000;

// kGeneratedArticles articles of twelve sentences drawn from kWords, article i also holding
// "token<i>", indexed once for the whole test run.
const TemporaryIndex& generated_index() {
  static const TemporaryIndex index;
  static const bool built = [] {
    pressclip::Indexer indexer = index.writer();
    std::uint64_t state = 1;
    const auto next_word = [&] {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return kWords[(state >> 33) % kWords.size()];
    };
    for (int article = 0; article < kGeneratedArticles; ++article) {
      pressclip::ArticleFields fields;
      fields.id = "generated-" + std::to_string(article);
      fields.source = "Reuters";
      fields.date = "2023-08-" + std::to_string(10 + article % 20);
      fields.text = "This dispatch names token" + std::to_string(article) + ".";
      for (int sentence = 0; sentence < 12; ++sentence) {
        std::string text = next_word();
        for (int word = 0; word < 11; ++word) text += " " + next_word();
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
        fields.text += (sentence % 4 == 3 ? "\n\n" : " ") + text + ".";
      }
      indexer.add_article(fields);
    }
    indexer.commit();
    return true;
  }();
  (void)built;
  return index;
}

// The heaviest search the limits allow on the generated index: kMaxQueryTerms words OR-ed,
// every article a candidate, every passage of it ranked.
pressclip::SearchOptions heaviest_search() {
  pressclip::SearchOptions options;
  for (std::size_t i = 0; i < pressclip::kMaxQueryTerms; ++i) {
    options.query += (i == 0 ? "" : " OR ") +
                     (i < kWords.size() ? kWords[i] : "token" + std::to_string(i - kWords.size()));
  }
  options.limit = 1000000;
  options.per_article = 1000;
  return options;
}

// The error `search` throws for `options` (fails the test if it throws none).
pressclip::Error failure(pressclip::Searcher& searcher, const pressclip::SearchOptions& options) {
  try {
    searcher.search(options);
  } catch (const pressclip::Error& error) {
    return error;
  }
  FAIL("the query was accepted: " << options.query.substr(0, 200));
  return pressclip::Error(ErrorKind::kInternal, "");
}

// Checks that `query` is a bad query whose message is one non-empty line containing
// `expected`, and returns the message.
std::string check_bad_query(pressclip::Searcher& searcher, const std::string& query,
                            const std::string& expected = "") {
  CAPTURE(query.substr(0, 200));
  const pressclip::Error error = failure(searcher, {.query = query});
  const std::string message = error.what();
  CAPTURE(message.substr(0, 300));
  CHECK(error.kind() == ErrorKind::kBadQuery);
  CHECK_FALSE(message.empty());
  CHECK(message.find('\n') == std::string::npos);
  CHECK(message.find(expected) != std::string::npos);
  return message;
}

std::set<std::string> article_paths(const pressclip::SearchResults& results) {
  std::set<std::string> paths;
  for (const pressclip::SearchHit& hit : results.hits) paths.insert(hit.article.path);
  return paths;
}

std::string words(const std::string& stem, std::size_t count, const std::string& separator) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += (i == 0 ? "" : separator) + stem + std::to_string(i);
  }
  return text;
}

}  // namespace

TEST_CASE("hostile: an empty or blank query is a bad query, control characters too") {
  pressclip::Searcher searcher(corpus_index().path());
  for (const char* query : {"", " ", "\t\r\n", "\x01\x1b\x7f"}) {
    check_bad_query(searcher, query, "the query is empty");
  }
}

TEST_CASE("hostile: unbalanced quotes and parentheses are bad queries") {
  pressclip::Searcher searcher(corpus_index().path());
  check_bad_query(searcher, "\"military intervention", "never closed");
  check_bad_query(searcher, "\"", "never closed");
  check_bad_query(searcher, "\"a\" \"b", "never closed");
  check_bad_query(searcher, "(niger", "'(' without a matching ')'");
  check_bad_query(searcher, "((niger)", "'(' without a matching ')'");
  check_bad_query(searcher, "niger)", "')' without a matching '('");
  check_bad_query(searcher, ")niger(", "')' without a matching '('");
}

TEST_CASE("hostile: operators with nothing to apply to are bad queries") {
  pressclip::Searcher searcher(corpus_index().path());
  for (const char* query :
       {"AND", "niger AND", "OR niger", "NOT", "niger NOT", "XOR niger", "niger AND OR wagner",
        "XOR- source:BBC \"military intervention\"ADJ/2"}) {
    check_bad_query(searcher, query, "syntax error");
  }
  for (const char* query : {"NEAR/3", "niger NEAR/3", "NEAR/3 niger"}) {
    check_bad_query(searcher, query, "needs a word on each side");
  }
  // An operator right before NEAR/n or ADJ/n, however the words are joined: each of these
  // leaked memory in Xapian 1.4.22's parser.
  for (const char* query :
       {"niger AND NEAR/3 coup", "NOT !ADJ/2", "niger OR NEAR/9", "x NOT NEAR/2 y",
        "\"a\" OR ADJ/2 b", "w*AND NEAR/3 Bazoum niger", "niger XOR(ADJ/2 coup)"}) {
    check_bad_query(searcher, query, "needs a query on its right");
  }
  // Not an operator: a word that ends like one.
  pressclip::SearchOptions brand;
  brand.query = "BRAND NEAR/3 niger";
  CHECK_NOTHROW(searcher.search(brand));
  for (const char* query : {"-", "+", "()", "\"\"", "*", "!!!"}) {
    check_bad_query(searcher, query, "no words or filters");
  }
}

TEST_CASE("hostile: invalid UTF-8 is a bad query naming the byte, valid UTF-8 is searched") {
  pressclip::Searcher searcher(corpus_index().path());
  const std::vector<std::pair<std::string, std::size_t>> invalid = {
      {"\xff", 0},                  // Never in UTF-8.
      {"niger\xc3", 5},             // A sequence cut short at the end.
      {"ni\xe2\x82ger", 2},         // And in the middle.
      {"\x80niger", 0},             // A continuation byte alone.
      {"\xc0\xafniger", 0},         // An overlong "/".
      {"niger \xed\xa0\x80", 6},    // A surrogate.
      {"\xf4\x90\x80\x80niger", 0}  // Past U+10FFFF.
  };
  for (const auto& [query, byte] : invalid) {
    check_bad_query(searcher, query, "not valid UTF-8 (at byte " + std::to_string(byte) + ")");
  }
  // Two- and three-byte characters, and a four-byte one that is not a word.
  CHECK(searcher.search({.query = "Nigérien"}).matching_articles == 3);
  CHECK(searcher.search({.query = "\u201clong live Putin\u201d"}).matching_articles == 1);
  CHECK(searcher.search({.query = "wagner \U0001F600"}).matching_articles ==
        searcher.search({.query = "wagner"}).matching_articles);
}

TEST_CASE("hostile: a line break in a quoted value cannot split the error message") {
  pressclip::Searcher searcher(corpus_index().path());
  const std::string message = check_bad_query(searcher, "date:\"2023\n13\"", "is not a date");
  CHECK(message.find("2023 13") != std::string::npos);
}

TEST_CASE("hostile: a query of kMaxQueryBytes is searched, one byte more is refused") {
  pressclip::Searcher searcher(corpus_index().path());
  const auto expected = article_paths(searcher.search({.query = "wagner"}));
  std::string longest = "wagner";
  longest.resize(pressclip::kMaxQueryBytes, ' ');
  CHECK(article_paths(searcher.search({.query = longest})) == expected);
  check_bad_query(searcher, longest + " ", "16385 bytes long; the limit is 16384 bytes");
  // A 100 KB quoted phrase (193 s on 200,000 articles in raw Xapian): refused at once.
  std::string phrase = "\"";
  while (phrase.size() < 100 * 1024) phrase += "military intervention in niger ";
  check_bad_query(searcher, phrase + "\"", "the limit is 16384 bytes");
}

TEST_CASE("hostile: up to kMaxQueryTerms terms are searched, more are refused") {
  pressclip::Searcher searcher(corpus_index().path());
  const auto expected = article_paths(searcher.search({.query = "wagner"}));
  const std::string most = words("zq", pressclip::kMaxQueryTerms - 1, " OR ") + " OR wagner";
  CHECK(article_paths(searcher.search({.query = most})) == expected);
  check_bad_query(searcher, most + " OR putin", "1025 terms");
  check_bad_query(searcher, words("zq", 2000, " "), "the limit is 1024");
}

TEST_CASE("hostile: a phrase of kMaxPhraseWords words is searched, a 2,000-word one refused") {
  pressclip::Searcher searcher(corpus_index().path());
  const std::string longest = words("zq", pressclip::kMaxPhraseWords, " ");
  CHECK(searcher.search({.query = "\"" + longest + "\""}).hits.empty());
  CHECK(searcher.search({.query = "\"" + longest + "\" OR wagner"}).matching_articles ==
        searcher.search({.query = "wagner"}).matching_articles);
  check_bad_query(searcher, "\"" + longest + " zq\"", "has 65 words; the limit is 64");
  check_bad_query(searcher, "\"" + words("w", 2000, " ") + "\"", "has 2000 words");
  // Hyphens make a phrase too, and NEAR/ADJ groups have the same limit.
  check_bad_query(searcher, words("w", 65, "-"), "has 65 words");
  check_bad_query(searcher, words("w", 65, " NEAR/3 "), "has 65 words");
}

TEST_CASE("hostile: a wildcard matching most of the vocabulary is bounded and exact") {
  pressclip::Searcher searcher(corpus_index().path());
  // "a*" stays under kMaxWildcardExpansion on the corpus: every article has "a" or "and".
  CHECK(searcher.search({.query = "a*"}).matching_articles == 5);
  const std::string most = words("zq", pressclip::kMaxWildcards - 1, "* OR ") + "* OR wagn*";
  CHECK(searcher.search({.query = most}).matching_articles ==
        searcher.search({.query = "wagner"}).matching_articles);
  check_bad_query(searcher, most + " OR put*", "17 wildcards; the limit is 16");

  // Past kMaxWildcardExpansion words: an error, not a silent cut (also when explaining,
  // which lists a wildcard's words before the match).
  TemporaryIndex index;
  {
    pressclip::Indexer indexer = index.writer();
    std::string text;
    for (std::size_t i = 0; i <= pressclip::kMaxWildcardExpansion; ++i) {
      text += "zeta" + std::to_string(i) + "x ";
    }
    indexer.add_article(text + "wagner.\n");
    indexer.commit();
  }
  pressclip::Searcher many(index.path());
  for (bool explain : {false, true}) {
    const pressclip::Error error = failure(many, {.query = "zeta*", .explain = explain});
    CHECK(error.kind() == ErrorKind::kBadQuery);
    CHECK(std::string(error.what()).find("too broad a wildcard") != std::string::npos);
  }
  CHECK(many.search({.query = "zeta1*"}).matching_articles == 1);
}

TEST_CASE("hostile: the deadline stops the heaviest search the limits allow") {
  pressclip::Searcher searcher(generated_index().path());
  pressclip::SearchOptions options = heaviest_search();
  const auto timed = [&](std::chrono::milliseconds timeout) {
    options.timeout = timeout;
    const auto start = std::chrono::steady_clock::now();
    const pressclip::Error error = failure(searcher, options);
    CHECK(error.kind() == ErrorKind::kTimeout);
    return std::make_pair(std::string(error.what()), std::chrono::steady_clock::now() - start);
  };
  // Stopped at 0.5 s: without a deadline the search runs longer than that (3.7 s measured).
  const auto [long_message, long_run] = timed(500ms);
  CHECK(long_message == "search timed out after 0.5 s; narrow the query or raise --timeout");
  // Stopped at 0.05 s: it must end before the 0.5 s run did, a margin of 0.45 s.
  const auto [short_message, short_run] = timed(50ms);
  CHECK(short_message == "search timed out after 0.05 s; narrow the query or raise --timeout");
  CHECK(short_run < long_run);
  CHECK(short_run < 5s);  // And not hung.
  // 1 ms: stopped too, whatever phase it is in.
  timed(1ms);
  // The Searcher is still usable, and a light search is far from the default deadline.
  CHECK(searcher.search({.query = "token7"}).matching_articles == 1);
}

TEST_CASE("hostile: timeout 0 is no deadline, a negative one a bad argument") {
  CHECK(pressclip::SearchOptions{}.timeout == pressclip::kDefaultSearchTimeout);
  CHECK(pressclip::kDefaultSearchTimeout == 10s);
  pressclip::Searcher searcher(corpus_index().path());
  CHECK(searcher.search({.query = "wagner", .timeout = 0ms}).matching_articles == 3);
  const pressclip::Error error = failure(searcher, {.query = "wagner", .timeout = -1ms});
  CHECK(error.kind() == ErrorKind::kBadArgument);
  CHECK(std::string(pressclip::to_string(ErrorKind::kTimeout)) == "timeout");
}

TEST_CASE("hostile: the C API reports a timeout as PRESSCLIP_TIMEOUT") {
  CHECK(std::string(pressclip_status_name(PRESSCLIP_TIMEOUT)) == "timeout");
  pressclip_searcher* searcher = nullptr;
  REQUIRE(pressclip_searcher_open(corpus_index().path().c_str(), &searcher) == PRESSCLIP_OK);
  // Even on the corpus the heaviest search takes some 50 ms: fifty times the timeout.
  const pressclip::SearchOptions heaviest = heaviest_search();
  pressclip_search_options* options = pressclip_search_options_new(heaviest.query.c_str());
  pressclip_search_options_set_limit(options, heaviest.limit);
  pressclip_search_options_set_per_article(options, heaviest.per_article);
  pressclip_search_options_set_timeout(options, 0.001);
  pressclip_results* results = nullptr;
  CHECK(pressclip_search(searcher, options, &results) == PRESSCLIP_TIMEOUT);
  CHECK(results == nullptr);
  CHECK(std::string(pressclip_last_error_message()) ==
        "search timed out after 0.001 s; narrow the query or raise --timeout");
  pressclip_search_options_set_timeout(options, -1);
  CHECK(pressclip_search(searcher, options, &results) == PRESSCLIP_BAD_ARGUMENT);
  pressclip_search_options_set_timeout(options, 0);
  REQUIRE(pressclip_search(searcher, options, &results) == PRESSCLIP_OK);
  CHECK(pressclip_results_count(results) > 0);
  pressclip_results_free(results);
  pressclip_search_options_free(options);
  pressclip_searcher_close(searcher);
}
