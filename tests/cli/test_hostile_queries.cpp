// End-to-end: hostile and mistaken queries through the real binary. Each ends with the
// documented exit status and exactly one line on standard error: 2 for a bad query
// (docs/query-language.md, "Errors" and "Limits"), 3 for a search stopped by --timeout.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "cli_checks.h"
#include "cli_runner.h"
#include "corpus_index.h"
#include "index_fixtures.h"

using namespace pressclip::test;

namespace {

// `pressclip search --db <corpus index> -- QUERY`, checked to fail with exit status 2 and one
// error line containing `expected`.
void check_bad_query(const std::string& query, const std::string& expected) {
  CAPTURE(query.substr(0, 200));
  const RunResult result = run_pressclip({"search", "--db", corpus_database(), "--", query});
  check_one_error_line(result);
  CHECK(result.err.find(expected) != std::string::npos);
}

std::string words(const std::string& stem, int count, const std::string& separator) {
  std::string text;
  for (int i = 0; i < count; ++i) text += (i == 0 ? "" : separator) + stem + std::to_string(i);
  return text;
}

// The heaviest query the limits allow on generated articles: 1024 (kMaxQueryTerms) words
// OR-ed, the words of every article and the tokens of many.
std::string heaviest_query() {
  std::string query;
  for (const std::string word : kGeneratedArticleWords) {
    query += (query.empty() ? "" : " OR ") + word;
  }
  for (std::size_t i = kGeneratedArticleWords.size(); i < 1024; ++i) {
    query += " OR token" + std::to_string(i - kGeneratedArticleWords.size());
  }
  return query;
}

}  // namespace

TEST_CASE("hostile: empty, unbalanced and operator-only queries exit 2 with one line") {
  check_bad_query("", "the query is empty");
  check_bad_query("\t\n", "the query is empty");
  check_bad_query("\"military intervention", "never closed");
  check_bad_query("(niger", "'(' without a matching ')'");
  check_bad_query("niger)", "')' without a matching '('");
  check_bad_query("niger AND", "syntax error");
  check_bad_query("NOT", "syntax error");
  check_bad_query("niger NEAR/3", "needs a word on each side");
  check_bad_query("()", "no words or filters");
}

TEST_CASE("hostile: invalid UTF-8 exits 2 with one line naming the byte") {
  check_bad_query("niger \xff\xfe", "not valid UTF-8 (at byte 6)");
  check_bad_query("\xc0\xaf", "not valid UTF-8 (at byte 0)");
  // A line break inside a quoted value cannot add a second line to the message.
  check_bad_query("date:\"2023\n13\"", "'2023 13' is not a date");
}

TEST_CASE("hostile: a 100 KB query and a 2,000-word phrase exit 2 at once") {
  std::string phrase;
  while (phrase.size() < 100 * 1024) phrase += "military intervention in niger ";
  check_bad_query("\"" + phrase + "\"", "the limit is 16384 bytes");
  check_bad_query("\"" + words("w", 2000, " ") + "\"", "has 2000 words; the limit is 64");
  check_bad_query(words("zq", 1100, " "), "1100 terms");
  check_bad_query(words("zq", 17, "* ") + "*", "17 wildcards; the limit is 16");
  // A wildcard that matches most of the corpus's words is still exact and bounded.
  const Search broad = search_corpus({"-n", "100", "--", "a*"});
  CHECK(broad.run.exit_code == 0);
  CHECK(broad.hits.size() == 5);
}

TEST_CASE("hostile: --timeout stops a long search with exit 3 and one line") {
  const TemporaryDirectory directory;
  write_generated_articles(directory.path() / "articles", 1500);
  const std::string db = directory / "index";
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory / "articles"}).exit_code == 0);
  // Every passage of every article ranked for 1024 words: 3.5 s without a deadline on these
  // 1,500 articles (measured).
  const auto timed = [&](const std::string& seconds) {
    const auto start = std::chrono::steady_clock::now();
    const RunResult result = run_pressclip({"search", "--db", db, "--timeout", seconds, "-n",
                                            "1000000", "--per-article", "1000", heaviest_query()});
    const auto elapsed = std::chrono::steady_clock::now() - start;
    INFO("stderr: " << result.err);
    CHECK_FALSE(result.signaled);
    CHECK(result.exit_code == 3);
    CHECK(result.out.empty());
    CHECK(result.err == "pressclip: error: search timed out after " + seconds +
                            " s; narrow the query or raise --timeout\n");
    return elapsed;
  };
  // Exit 3 at 0.5 s: the search was still running then. At 0.05 s it must end before the
  // 0.5 s run did (a margin of 0.45 s, the same process start and index opening in both).
  const auto long_run = timed("0.5");
  const auto short_run = timed("0.05");
  CHECK(short_run < long_run);
  CHECK(short_run < std::chrono::seconds(5));  // And not hung.
  // --timeout 0 is no limit: a light search runs to its end.
  const RunResult light =
      run_pressclip({"search", "--db", db, "--timeout", "0", "--json", "token42"});
  CHECK(light.exit_code == 0);
  CHECK(parse_json_lines(light.out).size() == 1);
}

TEST_CASE("hostile: --timeout takes seconds from 0 up, and --help documents it") {
  for (const char* value : {"-1", "nan", "soon"}) {
    CAPTURE(value);
    const RunResult result =
        run_pressclip({"search", "--db", corpus_database(), "--timeout", value, "niger"});
    check_one_error_line(result);
    CHECK(result.err.find("--timeout") != std::string::npos);
  }
  CHECK(
      run_pressclip({"search", "--db", corpus_database(), "--timeout", "0.5", "niger"}).exit_code ==
      0);
  const RunResult help = run_pressclip({"search", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--timeout SECONDS") != std::string::npos);
  CHECK(help.out.find("default 10; 0: no limit") != std::string::npos);
  CHECK(help.out.find("3 timed out") != std::string::npos);
}
