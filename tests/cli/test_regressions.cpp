// End-to-end regression tests, each named after what broke, and the crash-safety test.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli_checks.h"
#include "cli_runner.h"
#include "corpus_index.h"

using namespace pressclip::test;
namespace fs = std::filesystem;

namespace {

// Runs `pressclip ARGS` with standard output sent to `target`; returns the exit status.
int exit_status_writing_to(const std::vector<std::string>& args, const char* target) {
  const pid_t child = fork();
  if (child == 0) {
    if (!freopen(target, "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
    std::vector<char*> argv = {const_cast<char*>(PRESSCLIP_BINARY)};
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(PRESSCLIP_BINARY, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void write_article(const fs::path& path, const std::string& front_matter, const std::string& text) {
  write_file(path, front_matter.empty() ? text : "---\n" + front_matter + "---\n" + text);
}

std::vector<std::string> dates_in_order(const std::string& db, const std::string& order) {
  const RunResult result = run_pressclip({"search", "--db", db, "--json", "--sort", order, "coup"});
  std::vector<std::string> dates;
  for (const auto& hit : parse_json_lines(result.out)) dates.push_back(hit["article"]["date"]);
  return dates;
}

}  // namespace

TEST_CASE("regression: a misspelt command is named in the error") {
  const RunResult result = run_pressclip({"serch", "niger"});
  check_one_error_line(result);
  CHECK(result.err.find("unknown command 'serch'") != std::string::npos);
}

TEST_CASE("regression: a write error on standard output exits 2, like grep") {
  CHECK(exit_status_writing_to({"search", "--db", corpus_database(), "niger"}, "/dev/full") == 2);
  CHECK(exit_status_writing_to({"stats", "--db", corpus_database()}, "/dev/full") == 2);
  CHECK(exit_status_writing_to({"stats", "--db", corpus_database()}, "/dev/null") == 0);
}

TEST_CASE("regression: NEAR/0 is a bad query, not a silent empty result") {
  check_one_error_line(run_pressclip({"search", "--db", corpus_database(), "a NEAR/0 b"}));
}

TEST_CASE("regression: NEAR among other words is still NEAR") {
  // 000 "its Wagner mercenary group", 004 "the Wagner mercenary group", 001 "the Russian
  // mercenary group Wagner" (two words apart, in the other order).
  CHECK(article_numbers(search_query("niger wagner NEAR/2 mercenary").hits) ==
        Articles{"000", "001", "004"});
  CHECK(article_numbers(search_query("niger wagner NEAR/1 mercenary").hits) ==
        Articles{"000", "004"});
}

TEST_CASE("regression: title phrases match") {
  // Only 000's title (its first sentence) holds the phrase; 001 has it in its second.
  CHECK(article_numbers(search_query("title:\"military intervention\"").hits) == Articles{"000"});
  CHECK(search_query("title:\"intervention military\"").hits.empty());
}

TEST_CASE("regression: language codes with a hyphen filter") {
  const TemporaryDirectory directory;
  write_article(directory / "a.txt", "language: pt-BR\n", "O golpe no Niger.\n");
  write_article(directory / "b.txt", "language: en\n", "The coup in Niger.\n");
  const std::string db = directory / "index";
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory.path()}).exit_code == 0);
  for (const char* query : {"niger language:pt-BR", "niger language:pt-br"}) {
    const RunResult result = run_pressclip({"search", "--db", db, "--json", query});
    CAPTURE(query);
    REQUIRE(parse_json_lines(result.out).size() == 1);
    CHECK(parse_json_lines(result.out)[0]["article"]["path"].get<std::string>().ends_with("a.txt"));
  }
}

TEST_CASE("regression: undated articles sort last by date in both directions") {
  const TemporaryDirectory directory;
  write_article(directory / "old.txt", "date: 2020-01-05\n", "An old coup.\n");
  write_article(directory / "new.txt", "date: 2023-08\n", "A new coup.\n");
  write_article(directory / "undated.txt", "", "An undated coup.\n");
  const std::string db = directory / "index";
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory.path()}).exit_code == 0);
  CHECK(dates_in_order(db, "date") == std::vector<std::string>{"2020-01-05", "2023-08", ""});
  CHECK(dates_in_order(db, "-date") == std::vector<std::string>{"2023-08", "2020-01-05", ""});
}

TEST_CASE("regression: stats dates follow re-dated articles") {
  const TemporaryDirectory directory;
  write_article(directory / "a.txt", "date: 2020-01-05\n", "A coup.\n");
  write_article(directory / "b.txt", "date: 2023-08-03\n", "Another coup.\n");
  const std::string db = directory / "index";
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory.path()}).exit_code == 0);
  write_article(directory / "a.txt", "date: 2022-02-02\n", "A coup.\n");
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory.path()}).exit_code == 0);
  const auto stats = parse_json_lines(run_pressclip({"stats", "--db", db, "--json"}).out).at(0);
  CHECK(stats["earliest_date"] == "2022-02-02");
  CHECK(stats["latest_date"] == "2023-08-03");
}

TEST_CASE("crash safety: a run killed mid-indexing leaves whole batches, and a rerun completes") {
  const TemporaryDirectory directory;
  const fs::path articles = directory / "articles";
  fs::create_directories(articles);
  constexpr int kArticles = 20000;
  for (int i = 0; i < kArticles; ++i) {
    write_file(articles / (std::to_string(i) + ".txt"),
               "Article " + std::to_string(i) + " names token" + std::to_string(i) +
                   " and the coup in Niger. A second sentence follows.\n");
  }
  const std::string db = directory / "index";
  const pid_t child = fork();
  if (child == 0) {
    if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
    execl(PRESSCLIP_BINARY, PRESSCLIP_BINARY, "index", "--jobs", "1", "--batch-size", "50", "--db",
          db.c_str(), articles.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it as soon as the first batches are committed, long before the end.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  std::size_t committed = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
    if (stats.exit_code != 0) continue;
    committed = parse_json_lines(stats.out).at(0)["articles"].get<std::size_t>();
    if (committed >= 100) break;
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));  // It was killed mid-run, not finished.

  auto stats = parse_json_lines(run_pressclip({"stats", "--db", db, "--json"}).out).at(0);
  const std::size_t survived = stats["articles"].get<std::size_t>();
  CHECK(survived >= 100);
  CHECK(survived < kArticles);
  CHECK(survived % 50 == 0);                      // Whole batches only.
  CHECK(stats["passages"] == stats["articles"]);  // Each article here is one passage.

  REQUIRE(run_pressclip({"index", "-q", "--db", db, articles.string()}).exit_code == 0);
  stats = parse_json_lines(run_pressclip({"stats", "--db", db, "--json"}).out).at(0);
  CHECK(stats["articles"] == kArticles);
  CHECK(stats["passages"] == kArticles);
  const RunResult one = run_pressclip({"search", "--db", db, "--json", "token1234"});
  CHECK(parse_json_lines(one.out).size() == 1);
}

TEST_CASE("regression: re-indexing one file keeps the metadata its manifest gives") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  REQUIRE(run_pressclip({"index", "-q", "--db", db, PRESSCLIP_CORPUS_DIR}).exit_code == 0);
  REQUIRE(run_pressclip({"index", "-q", "--db", db, corpus_article_path("001")}).exit_code == 0);
  const auto shown = parse_json_lines(
      run_pressclip({"show", "--db", db, "--json", corpus_article_path("001")}).out);
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["fields"]["source"]["value"] == "RFI");
  CHECK(shown[0]["fields"]["source"]["origin"] == "manifest");
  CHECK(shown[0]["fields"]["date"]["value"] == "2023-09-11");
}

TEST_CASE("manifests: a deeper manifest overrides a shallower one; other TSVs are ignored") {
  const TemporaryDirectory directory;
  fs::create_directories(directory / "desk");
  write_article(directory / "desk/a.txt", "", "The coup in Niger.\n");
  write_file(directory / "all.tsv", "file\tsource\tdate\ndesk/a.txt\tWire\t2023-01-01\n");
  write_file(directory / "desk/desk.tsv", "file\tsource\na.txt\tDesk\n");
  write_file(directory / "desk/figures.tsv", "country\tpopulation\nNiger\t25000000\n");
  const std::string db = directory / "index";
  const RunResult run = run_pressclip({"index", "--json", "--db", db, directory.path()});
  CHECK(run.err.empty());
  const auto report = parse_json_lines(run.out).at(0);
  CHECK(report["manifests"] == 2);
  CHECK(report["skipped"] == 0);
  const auto shown =
      parse_json_lines(run_pressclip({"show", "--db", db, "--json", directory / "desk/a.txt"}).out);
  CHECK(shown.at(0)["fields"]["source"]["value"] == "Desk");
  CHECK(shown.at(0)["fields"]["date"]["value"] == "2023-01-01");  // Only the shallower has it.
  // Named with --manifest, a TSV that is not a manifest is a warning.
  const RunResult named = run_pressclip({"index", "--json", "--db", db, "--manifest",
                                         directory / "desk/figures.tsv", directory.path()});
  CHECK(named.err.find("figures.tsv") != std::string::npos);
  CHECK(parse_json_lines(named.out).at(0)["skipped"] == 1);
}
