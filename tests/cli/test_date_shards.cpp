// End-to-end tests of date-sharded indexes (`index --shard-by year|month`).
#include <doctest/doctest.h>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli_checks.h"
#include "cli_runner.h"

using namespace pressclip::test;
namespace fs = std::filesystem;

namespace {

const std::string kCorpus = PRESSCLIP_CORPUS_DIR;

std::vector<std::string> shard_names(const std::string& db) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(db)) {
    if (entry.is_directory() && !entry.path().filename().string().starts_with(".")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The stub file a sharded index of `names` must have.
std::string stub_of(const std::string& mode, const std::vector<std::string>& names) {
  std::string text = "# pressclip shards by " + mode + "\n";
  for (const std::string& name : names) text += "auto " + name + "\n";
  return text;
}

nlohmann::json index_report(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"index", "--json"};
  full.insert(full.end(), args.begin(), args.end());
  const RunResult result = run_pressclip(full);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return parse_json_lines(result.out).at(0);
}

// The article ids a search finds, in order, duplicates kept.
std::vector<std::string> ids_found(const std::string& db, const std::string& query) {
  const RunResult result = run_pressclip({"search", "--db", db, "--json", "-n", "5000", query});
  INFO(query << ": " << result.err);
  REQUIRE((result.exit_code == 0 || result.exit_code == 1));
  std::vector<std::string> ids;
  for (const auto& hit : parse_json_lines(result.out)) ids.push_back(hit["article"]["id"]);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::size_t articles_in(const std::string& db) {
  const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
  INFO(stats.err);
  REQUIRE(stats.exit_code == 0);
  return parse_json_lines(stats.out).at(0)["articles"].get<std::size_t>();
}

// The shards (of those of `db`) in which `show FILE` finds the file.
std::vector<std::string> shards_holding(const std::string& db, const std::string& file) {
  std::vector<std::string> holding;
  for (const std::string& shard : shard_names(db)) {
    if (run_pressclip({"show", "--db", db + "/" + shard, file}).exit_code == 0) {
      holding.push_back(shard);
    }
  }
  return holding;
}

std::string article(const std::string& date, const std::string& token) {
  return "---\ndate: " + date + "\nsource: Wire\n---\nThe junta in Niamey spoke of " + token +
         " on television.\n\nProtesters gathered outside the embassy.\n";
}

}  // namespace

TEST_CASE("date shards: the sample corpus by month, one shard per month, found as one index") {
  const TemporaryDirectory directory;
  const std::string sharded = directory / "sharded";
  const std::string single = directory / "single";
  const auto report = index_report({"--shard-by", "month", "--db", sharded, kCorpus});
  CHECK(report["indexed"] == 5);
  index_report({"--db", single, kCorpus});

  const std::vector<std::string> months = {"2023-07", "2023-08", "2023-09"};
  CHECK(shard_names(sharded) == months);
  CHECK(read_file(fs::path(sharded) / "XAPIANDB") == stub_of("month", months));
  // Each article in the shard of its manifest date, and in no other.
  const std::vector<std::pair<std::string, std::string>> dates = {
      {"000_adbdeac2c8311933.txt", "2023-08"},
      {"001_0b8995dc95b588cd.txt", "2023-09"},
      {"002_48d4f75f15c1a055.txt", "2023-07"},
      {"003_c6a2e5104b6ed147.txt", "2023-07"},
      {"004_29103c4a00611ba9.txt", "2023-08"}};
  for (const auto& [file, month] : dates) {
    INFO(file);
    CHECK(shards_holding(sharded, kCorpus + "/seeds/" + file) == std::vector<std::string>{month});
  }
  CHECK(articles_in(sharded) == 5);
  CHECK(articles_in(sharded) == articles_in(single));
  for (const char* query : {"Wagner AND Niger", "niger", "coup", "source:RFI", "date:2023-08",
                            "\"military intervention\"", "interven*"}) {
    INFO(query);
    const std::vector<std::string> found = ids_found(sharded, query);
    CHECK_FALSE(found.empty());
    CHECK(found == ids_found(single, query));
  }
  // Nothing changed: nothing read again; the sharding is kept without --shard-by.
  const auto again = index_report({"--db", sharded, kCorpus});
  CHECK(again["indexed"] == 0);
  CHECK(again["unchanged"] == 5);
  CHECK(shard_names(sharded) == months);
}

TEST_CASE("date shards: year-only and undated articles, by month and by year") {
  const TemporaryDirectory directory;
  const fs::path articles = directory.path() / "articles";
  fs::create_directories(articles);
  write_file(articles / "day.txt", article("2021-03-04", "tokenday"));
  write_file(articles / "year.txt", article("2022", "tokenyear"));
  write_file(articles / "none.txt", "The junta spoke of tokennone on television.\n");
  const std::string by_month = directory / "by-month";
  const std::string by_year = directory / "by-year";
  index_report({"--shard-by", "month", "--db", by_month, articles.string()});
  index_report({"--shard-by", "year", "--db", by_year, articles.string()});

  CHECK(shard_names(by_month) == std::vector<std::string>{"2021-03", "2022", "undated"});
  CHECK(read_file(fs::path(by_month) / "XAPIANDB") ==
        stub_of("month", {"2021-03", "2022", "undated"}));
  CHECK(shard_names(by_year) == std::vector<std::string>{"2021", "2022", "undated"});
  CHECK(read_file(fs::path(by_year) / "XAPIANDB") == stub_of("year", {"2021", "2022", "undated"}));
  CHECK(shards_holding(by_month, (articles / "year.txt").string()) ==
        std::vector<std::string>{"2022"});
  CHECK(shards_holding(by_month, (articles / "none.txt").string()) ==
        std::vector<std::string>{"undated"});
  CHECK(shards_holding(by_year, (articles / "day.txt").string()) ==
        std::vector<std::string>{"2021"});
  CHECK(ids_found(by_month, "junta").size() == 3);
}

TEST_CASE("date shards: an edited date moves the article, deleted files leave, add and rm work") {
  const TemporaryDirectory directory;
  const fs::path articles = directory.path() / "articles";
  fs::create_directories(articles);
  const std::string a = (articles / "a.txt").string();
  write_file(a, article("2023-01-05", "tokena"));
  write_file(articles / "b.txt", article("2023-02-10", "tokenb"));
  // Two records of one file, of two months.
  const std::string wire = (articles / "wire.jsonl").string();
  write_file(wire,
             "{\"id\":\"w1\",\"date\":\"2023-01-20\",\"text\":\"The junta spoke of tokenw1.\"}\n"
             "{\"id\":\"w2\",\"date\":\"2023-03-02\",\"text\":\"The junta spoke of tokenw2.\"}\n");
  const std::string db = directory / "db";
  index_report({"--shard-by", "month", "--db", db, articles.string()});
  CHECK(shard_names(db) == std::vector<std::string>{"2023-01", "2023-02", "2023-03"});
  const std::vector<std::string> a_id = ids_found(db, "tokena");
  REQUIRE(a_id.size() == 1);

  // a.txt now dated in April, and record w1 in March: both move, keeping their ids.
  write_file(a, article("2023-04-01", "tokena"));
  write_file(wire,
             "{\"id\":\"w1\",\"date\":\"2023-03-20\",\"text\":\"The junta spoke of tokenw1.\"}\n"
             "{\"id\":\"w2\",\"date\":\"2023-03-02\",\"text\":\"The junta spoke of tokenw2.\"}\n");
  const auto moved = index_report({"--db", db, articles.string()});
  CHECK(moved["indexed"] == 2);
  CHECK(shards_holding(db, a) == std::vector<std::string>{"2023-04"});
  CHECK(shards_holding(db, wire) == std::vector<std::string>{"2023-03"});
  CHECK(ids_found(db, "tokena") == a_id);
  CHECK(ids_found(db, "tokenw1") == std::vector<std::string>{"w1"});
  CHECK(ids_found(db, "junta").size() == 4);
  CHECK(read_file(fs::path(db) / "XAPIANDB") ==
        stub_of("month", {"2023-01", "2023-02", "2023-03", "2023-04"}));

  // A deleted file is forgotten; a run with nothing changed reads nothing.
  fs::remove(articles / "b.txt");
  const auto removed = index_report({"--db", db, articles.string()});
  CHECK(removed["removed"] == 1);
  CHECK(ids_found(db, "tokenb").empty());
  const auto idle = index_report({"--db", db, articles.string()});
  CHECK(idle["indexed"] == 0);
  CHECK(idle["removed"] == 0);
  CHECK(articles_in(db) == 3);

  // rm and add on the sharded index.
  CHECK(run_pressclip({"rm", "--db", db, a}).exit_code == 0);
  CHECK(ids_found(db, "tokena").empty());
  const RunResult added = run_pressclip({"add", "--db", db, a});
  INFO(added.err);
  CHECK(added.exit_code == 0);
  CHECK(added.out == a_id.at(0) + "\n");
  CHECK(shards_holding(db, a) == std::vector<std::string>{"2023-04"});
  RunOptions piped_input;
  piped_input.stdin_text = article("2019-05-06", "tokenpiped");
  const RunResult piped = run_pressclip({"add", "--db", db, "--id", "piped"}, piped_input);
  CHECK(piped.exit_code == 0);
  CHECK(ids_found(db, "tokenpiped") == std::vector<std::string>{"piped"});
  CHECK(fs::exists(fs::path(db) / "2019-05"));
}

TEST_CASE("date shards: another sharding, or sharding an unsharded index, is one error line") {
  const TemporaryDirectory directory;
  const std::string sharded = directory / "sharded";
  const std::string single = directory / "single";
  index_report({"--shard-by", "month", "--db", sharded, kCorpus});
  index_report({"--db", single, kCorpus});

  const RunResult other = run_pressclip({"index", "--shard-by", "year", "--db", sharded, kCorpus});
  check_one_error_line(other);
  CHECK(other.err.find("sharded by month, not by year") != std::string::npos);
  const RunResult unsharded =
      run_pressclip({"index", "--shard-by", "month", "--db", single, kCorpus});
  check_one_error_line(unsharded);
  CHECK(unsharded.err.find("not sharded by date") != std::string::npos);
  CHECK(fs::is_regular_file(fs::path(single) / "iamglass"));
  CHECK_FALSE(fs::exists(fs::path(single) / "XAPIANDB"));
  // The same sharding again is fine.
  CHECK(index_report({"--shard-by", "month", "--db", sharded, kCorpus})["indexed"] == 0);
}

TEST_CASE("date shards: --rebuild keeps the sharding") {
  const TemporaryDirectory directory;
  const std::string db = directory / "db";
  index_report({"--shard-by", "year", "--db", db, kCorpus});
  const auto rebuilt = index_report({"--rebuild", "--db", db, kCorpus});
  CHECK(rebuilt["indexed"] == 5);
  CHECK(read_file(fs::path(db) / "XAPIANDB") == stub_of("year", {"2023"}));
  CHECK(articles_in(db) == 5);
}

TEST_CASE("date shards: a file a killed run left unfinished is read again by the next run") {
  const TemporaryDirectory directory;
  const fs::path articles = directory.path() / "articles";
  fs::create_directories(articles);
  const std::string wire = (articles / "wire.jsonl").string();
  write_file(wire,
             "{\"id\":\"w1\",\"date\":\"2023-01-20\",\"text\":\"The junta spoke of tokenw1.\"}\n"
             "{\"id\":\"w2\",\"date\":\"2023-03-02\",\"text\":\"The junta spoke of tokenw2.\"}\n");
  const std::string db = directory / "db";
  index_report({"--shard-by", "month", "--db", db, articles.string()});
  // What a kill between the commits of the two shards leaves: one record committed with the
  // file's stamp, the other not, and the file named as unfinished.
  REQUIRE(run_pressclip({"rm", "--db", db, wire + "#w2"}).exit_code == 0);
  CHECK(index_report({"--db", db, articles.string()})["indexed"] == 0);  // Looks unchanged.
  write_file(fs::path(db) / ".pressclip-unfinished", wire + std::string(1, '\0'));
  const auto recovered = index_report({"--db", db, articles.string()});
  CHECK(recovered["indexed"] == 1);
  CHECK(ids_found(db, "junta") == std::vector<std::string>{"w1", "w2"});
  CHECK_FALSE(fs::exists(fs::path(db) / ".pressclip-unfinished"));
}

TEST_CASE("date shards: runs killed at any moment never leave an article twice") {
  const TemporaryDirectory directory;
  const fs::path articles = directory.path() / "articles";
  fs::create_directories(articles);
  constexpr int kArticles = 400;
  auto write_all = [&](int shift) {
    for (int i = 0; i < kArticles; ++i) {
      const int month = (i + shift) % 12 + 1;
      const std::string date = "2022-" + std::string(month < 10 ? "0" : "") +
                               std::to_string(month) + "-1" + std::to_string(i % 10);
      write_file(articles / ("a" + std::to_string(i) + ".txt"),
                 article(date, "token" + std::to_string(i)));
    }
  };
  write_all(0);
  const std::string db = directory / "db";
  index_report({"--shard-by", "month", "--db", db, articles.string()});
  REQUIRE(articles_in(db) == kArticles);
  const std::string checker = find_program("xapian-check");

  // Every article's date changes, so that each run moves them all from shard to shard.
  for (int round = 1; round <= 6; ++round) {
    INFO("round " << round);
    write_all(round);
    BackgroundRun run({"index", "-q", "--batch-size", "7", "--db", db, articles.string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(40 * round));
    run.send_signal(SIGKILL);
    run.wait();
    const std::vector<std::string> ids = ids_found(db, "junta");
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
    CHECK(ids.size() <= static_cast<std::size_t>(kArticles));
    if (!checker.empty()) {
      for (const std::string& shard : shard_names(db)) {
        const RunResult check = run_program(checker, {db + "/" + shard});
        INFO(shard << ": " << check.out << check.err);
        CHECK(check.exit_code == 0);
      }
    }
  }
  // The next run completes it: every article once, in the shard of its last date.
  index_report({"--db", db, articles.string()});
  const std::vector<std::string> ids = ids_found(db, "junta");
  CHECK(ids.size() == static_cast<std::size_t>(kArticles));
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  CHECK(ids_found(db, "date:2022-07").size() == kArticles / 12 + (kArticles % 12 > 0 ? 1 : 0));
  CHECK(shards_holding(db, (articles / "a0.txt").string()) == std::vector<std::string>{"2022-07"});
  CHECK(index_report({"--db", db, articles.string()})["indexed"] == 0);
}
