// End-to-end tests of the command line itself: version, help, bad usage, stdin, index location.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "cli_checks.h"
#include "corpus_index.h"

namespace pressclip::test {
namespace {

namespace fs = std::filesystem;

const std::string kArticle =
    (fs::path(PRESSCLIP_TEST_DATA_DIR) / "front_matter" / "bare.txt").string();

// Indexes kArticle and searches it, with no --db, in the environment `options`; returns the
// index directory that `stats` reports.
std::string index_without_db(const RunOptions& options) {
  const RunResult index = run_pressclip({"index", "-q", kArticle}, options);
  INFO("stderr: " << index.err);
  REQUIRE(index.exit_code == 0);
  const RunResult search = run_pressclip({"search", "--json", "lighthouse"}, options);
  CHECK(search.exit_code == 0);
  CHECK(parse_json_lines(search.out).size() == 1);
  const RunResult stats = run_pressclip({"stats", "--json"}, options);
  REQUIRE(stats.exit_code == 0);
  return parse_json_lines(stats.out).at(0)["database"];
}

bool is_index(const fs::path& directory) { return fs::exists(directory / "iamglass"); }

TEST_CASE("pressclip: --version prints the program name and version") {
  for (const char* flag : {"--version", "-V"}) {
    const RunResult result = run_pressclip({flag});
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(std::regex_match(result.out, std::regex("pressclip [0-9]+\\.[0-9]+\\.[0-9]+\n")));
  }
}

TEST_CASE("pressclip: --help of the program and of each command lists every option") {
  const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases = {
      {{"--help"}, {"index", "search", "show", "stats", "--version", "--help"}},
      {{"index", "--help"},
       {"--db", "--manifest", "--stemmer", "--batch-size", "--json", "--quiet", "-q"}},
      {{"search", "--help"},
       {"--db", "--limit", "-n,", "--offset", "--per-article", "--json", "--color", "--sort",
        "NEAR/5", "source:", "date:", "Exit status"}},
      {{"show", "--help"}, {"--db", "--json", "--color", "ID|PATH"}},
      {{"stats", "--help"}, {"--db", "--json", "--color"}},
      {{"search", "-h"}, {"--per-article"}},
  };
  for (const auto& [args, expected] : cases) {
    INFO("pressclip " << args[0] << (args.size() > 1 ? " " + args[1] : ""));
    const RunResult result = run_pressclip(args);
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    for (const std::string& text : expected) {
      INFO("expected in help: " << text);
      CHECK(result.out.find(text) != std::string::npos);
    }
  }
}

TEST_CASE("pressclip: bad usage fails with one error line") {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{},
                                             {"--bogus"},
                                             {"frobnicate"},
                                             {"search", "--bogus", "niger"},
                                             {"index", "--db"},
                                             {"index", "--db", "/tmp/pressclip-cli-test-unused"},
                                             {"show", "--db", "/tmp/pressclip-cli-test-unused"},
                                             {"stats", "--color", "rainbow"},
                                             {"search", "--limit", "many", "niger"}}) {
    std::string command_line;
    for (const std::string& arg : args) command_line += " " + arg;
    INFO("pressclip" << command_line);
    check_one_error_line(run_pressclip(args));
  }
  CHECK_FALSE(fs::exists("/tmp/pressclip-cli-test-unused"));
}

TEST_CASE("search: bad option values fail with one error line") {
  check_one_error_line(search_corpus({"--limit", "0", "niger"}).run);
  check_one_error_line(search_corpus({"--per-article", "0", "niger"}).run);
  check_one_error_line(search_corpus({"--offset", "-1", "niger"}).run);
  check_one_error_line(search_corpus({"--color", "sometimes", "niger"}).run);
  check_one_error_line(search_corpus({"--no-such-option", "niger"}).run);
  check_one_error_line(run_pressclip({"search", "--db", corpus_database()}));
}

TEST_CASE("search: works with standard input closed") {
  RunOptions options;
  options.close_stdin = true;
  const RunResult result =
      run_pressclip({"search", "--db", corpus_database(), "--json", "wagner"}, options);
  CHECK(result.exit_code == 0);
  CHECK(article_numbers(parse_json_lines(result.out)) == Articles{"000", "001", "004"});
}

TEST_CASE("pressclip: without --db the index is under HOME/.local/share") {
  const TemporaryDirectory home;
  RunOptions options;
  options.env = {{"HOME", home.path().string()}};
  const fs::path expected = home.path() / ".local/share/pressclip/index";
  CHECK(fs::path(index_without_db(options)) == expected);
  CHECK(is_index(expected));
}

TEST_CASE("pressclip: PRESSCLIP_DB chooses the index and --db overrides it") {
  const TemporaryDirectory home;
  const std::string from_env = home / "from-env";
  RunOptions options;
  options.env = {
      {"HOME", home.path().string()}, {"PRESSCLIP_DB", from_env}, {"XDG_DATA_HOME", home / "xdg"}};
  CHECK(index_without_db(options) == from_env);
  CHECK(is_index(from_env));
  CHECK_FALSE(fs::exists(home.path() / ".local"));
  CHECK_FALSE(fs::exists(home.path() / "xdg"));

  const std::string from_option = home / "from-option";
  REQUIRE(run_pressclip({"index", "-q", "--db", from_option, kArticle}, options).exit_code == 0);
  CHECK(is_index(from_option));
  const RunResult stats = run_pressclip({"stats", "--json", "--db", from_option}, options);
  CHECK(parse_json_lines(stats.out).at(0)["database"] == from_option);
}

TEST_CASE("pressclip: an absolute XDG_DATA_HOME chooses the index and a relative one is ignored") {
  const TemporaryDirectory home;
  RunOptions options;
  options.env = {{"HOME", home.path().string()}, {"XDG_DATA_HOME", home / "xdg"}};
  CHECK(fs::path(index_without_db(options)) == home.path() / "xdg/pressclip/index");
  CHECK_FALSE(fs::exists(home.path() / ".local"));

  options.env = {{"HOME", home.path().string()}, {"XDG_DATA_HOME", "relative-xdg"}};
  options.cwd = home.path();
  CHECK(fs::path(index_without_db(options)) == home.path() / ".local/share/pressclip/index");
  CHECK_FALSE(fs::exists(home.path() / "relative-xdg"));
}

TEST_CASE("pressclip: with no --db or PRESSCLIP_DB or XDG_DATA_HOME or HOME it fails") {
  RunOptions options;
  options.unset = {"HOME"};
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"index", kArticle}, {"search", "lighthouse"}, {"stats"}}) {
    INFO("pressclip " << args[0]);
    const RunResult result = run_pressclip(args, options);
    check_one_error_line(result);
    CHECK(result.err.find("--db") != std::string::npos);
  }
}

}  // namespace
}  // namespace pressclip::test
