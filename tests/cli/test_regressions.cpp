// End-to-end regression tests, each named after what broke, and the crash-safety test.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "cli_checks.h"
#include "cli_runner.h"
#include "corpus_index.h"
#include "index_fixtures.h"

using namespace pressclip::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

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

TEST_CASE(
    "crash safety: runs killed mid-indexing leave whole batches, and a rerun completes "
    "into the index an uninterrupted run makes") {
  const TemporaryDirectory directory;
  const fs::path articles = directory / "articles";
  constexpr std::size_t kArticles = 4000;
  const std::vector<fs::path> files = write_generated_articles(articles, kArticles);
  const std::string db = directory / "index";
  const std::vector<std::string> index_args = {"--jobs", "1", "--batch-size",   "50",
                                               "--db",   db,  articles.string()};
  std::vector<std::string> killed_args = {"index", "-q"};
  killed_args.insert(killed_args.end(), index_args.begin(), index_args.end());

  // The uninterrupted run that the killed ones must end up equal to, and its duration.
  const std::string reference = directory / "reference";
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(run_pressclip({"index", "-q", "--jobs", "1", "--batch-size", "50", "--db", reference,
                         articles.string()})
              .exit_code == 0);
  const auto full_run = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);

  const unsigned seed = std::random_device{}();
  MESSAGE("kill times drawn with seed " << seed << "; an uninterrupted run took "
                                        << full_run.count() << " ms");
  std::mt19937 random(seed);
  auto committed_now = [&] {
    const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
    if (stats.exit_code != 0) return std::size_t{0};  // No index yet.
    return parse_json_lines(stats.out).at(0)["articles"].get<std::size_t>();
  };
  std::size_t committed = 0;
  int killed_mid_run = 0;
  for (int kill = 0; kill < 4; ++kill) {
    CAPTURE(kill);
    BackgroundRun run(killed_args);
    if (kill == 0) {
      // The first as soon as the first batches are committed, long before the end.
      wait_until([&] { return committed_now() >= 100 || !run.running(); }, 20s, 20ms);
    } else {
      // The others at random times, anywhere from the start to past the likely end.
      std::uniform_int_distribution<long> delay(0, full_run.count() * 2 / 3);
      std::this_thread::sleep_for(std::chrono::milliseconds(delay(random)));
    }
    run.send_signal(SIGKILL);
    const RunResult killed = run.wait();
    if (kill == 0) REQUIRE(killed.signaled);  // Killed mid-run, not finished.
    if (killed.signaled) ++killed_mid_run;
    if (!fs::exists(db)) continue;  // Killed before it made the index.
    const RunResult check = xapian_check(db);
    INFO("xapian-check: " << check.out << check.err);
    CHECK(check.exit_code == 0);
    const std::size_t survived = committed_now();
    CHECK(survived % 50 == 0);  // Whole batches only.
    CHECK(survived >= committed);
    CHECK(survived <= kArticles);
    if (kill == 0) CHECK(survived >= 100);
    committed = survived;
  }
  MESSAGE(killed_mid_run << " of 4 kills landed mid-run; " << committed
                         << " articles were committed before the rerun");

  std::vector<std::string> rerun_args = index_args;
  const IndexRun rerun = index_json(rerun_args);
  REQUIRE(rerun.run.exit_code == 0);
  CHECK(rerun.report["added"] == kArticles - committed);
  CHECK(rerun.report["unchanged"] == committed);
  CHECK(rerun.report["updated"] == 0);
  CHECK(xapian_check(db).exit_code == 0);

  // Every article is there exactly once, under its own file.
  CHECK(article_count(db) == kArticles);
  std::set<std::string> ids, paths;
  const std::vector<nlohmann::json> listed = listed_articles(db);
  for (const nlohmann::json& article : listed) {
    ids.insert(article["id"].get<std::string>());
    paths.insert(article["path"].get<std::string>());
  }
  CHECK(listed.size() == kArticles);
  CHECK(ids.size() == kArticles);
  CHECK(paths == std::set<std::string>(files.begin(), files.end()));
  for (std::size_t i = 0; i < files.size(); i += 397) {
    const std::string id = shown_id(db, files[i]);
    CHECK_FALSE(id.empty());
    CHECK(id == shown_id(reference, files[i]));
  }
  // And the index is the one an uninterrupted run made.
  CHECK(comparable_stats(db) == comparable_stats(reference));
  for (const std::string query : {"token1234", "token3999 OR token0", "\"harvest prices\"",
                                  "junta NEAR/3 embassy", "source:BBC date:2023-07"}) {
    INFO("query: " << query);
    CHECK(comparable_search(db, query) == comparable_search(reference, query));
  }
}

TEST_CASE(
    "crash safety: a run killed while it creates the index leaves a directory that the "
    "next run can use") {
  const TemporaryDirectory directory;
  const fs::path articles = directory / "articles";
  write_generated_articles(articles, 20);
  // Succeeds and holds every article, whatever the run before it left in `db`.
  auto check_next_run = [&](const std::string& db) {
    std::string left;
    for (const auto& entry : fs::directory_iterator(db))
      left += entry.path().filename().string() + " ";
    INFO("the killed run left: " << left);
    const RunResult next = run_pressclip({"index", "-q", "--db", db, articles.string()});
    INFO("stderr: " << next.err);
    CHECK(next.exit_code == 0);
    const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
    CHECK(stats.exit_code == 0);
    if (stats.exit_code == 0) CHECK(parse_json_lines(stats.out).at(0)["articles"] == 20);
  };

  // What a kill -9 between Xapian's creating the tables and its writing the version file
  // (iamglass) leaves: seen with kill -9 a few milliseconds into the first run.
  const std::string fabricated = directory / "fabricated";
  fs::create_directories(fabricated);
  for (const char* name : {"flintlock", "postlist.glass", "termlist.glass"})
    write_file(fs::path(fabricated) / name, "");
  check_next_run(fabricated);

  // And real kills in the first milliseconds of a first run.
  const unsigned seed = std::random_device{}();
  MESSAGE("kill times drawn with seed " << seed);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_us(0, 6000);
  const std::string db = directory / "index";
  for (int attempt = 0; attempt < 25; ++attempt) {
    CAPTURE(attempt);
    fs::remove_all(db);
    BackgroundRun run({"index", "-q", "--jobs", "1", "--db", db, articles.string()});
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    run.send_signal(SIGKILL);
    run.wait();
    if (fs::exists(db)) check_next_run(db);
  }
}

TEST_CASE(
    "crash safety: a parallel build killed once its index is in place leaves no duplicate "
    "articles and nothing beside the index") {
  const TemporaryDirectory directory;
  const fs::path articles = directory / "articles";
  constexpr std::size_t kTexts = 1500;
  const std::vector<fs::path> files = write_generated_articles(articles, kTexts);
  fs::create_directories(articles / "copies");
  for (std::size_t i = 0; i < files.size(); i += 10)
    fs::copy_file(files[i], articles / "copies" / files[i].filename());

  int caught = 0;
  for (int attempt = 0; attempt < 4; ++attempt) {
    CAPTURE(attempt);
    const std::string db = directory / ("index" + std::to_string(attempt));
    BackgroundRun run({"index", "-q", "--jobs", "2", "--db", db, articles.string()});
    // Killed as soon as a reader sees articles: the merged index has just been put in place.
    std::size_t seen = 0;
    while (seen == 0 && run.running()) {
      const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
      if (stats.exit_code == 0) seen = parse_json_lines(stats.out).at(0)["articles"];
    }
    run.send_signal(SIGKILL);
    run.wait();
    if (seen == 0) continue;  // It finished between two looks.
    ++caught;
    CHECK(seen == kTexts);  // A reader sees no articles or all of them, each once.
    const RunResult rerun = run_pressclip({"index", "-q", "--db", db, articles.string()});
    CHECK(rerun.exit_code == 0);
    CHECK(article_count(db) == kTexts);
    CHECK(xapian_check(db).exit_code == 0);
  }
  MESSAGE(caught << " of 4 parallel builds were killed just after their index was in place");
  CHECK(caught > 0);
  std::set<std::string> entries;
  for (const auto& entry : fs::directory_iterator(directory.path())) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("index")) entries.insert(name);
  }
  CHECK(entries == std::set<std::string>{"articles"});
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

TEST_CASE("manifests: a deeper manifest overrides a shallower one, and other TSVs are ignored") {
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
