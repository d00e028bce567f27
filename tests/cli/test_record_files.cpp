// End-to-end tests of files that hold several articles (JSON Lines here; mbox files go the
// same way): one article per record with its own id, change detection per record, records
// shown and removed as PATH#RECORD, the same record in two files, and parallel builds.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "cli_checks.h"
#include "cli_runner.h"
#include "index_fixtures.h"

using namespace pressclip::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// One JSON Lines record; `id` empty for none.
std::string record(const std::string& id, const std::string& title, const std::string& text) {
  json line = {{"title", title}, {"source", "Reuters"}, {"date", "2023-07-26"}, {"text", text}};
  if (!id.empty()) line["id"] = id;
  return line.dump() + "\n";
}

const std::string kCoup = record("wire-1", "Coup in Niger",
                                 "Soldiers detained President Bazoum in Niamey. The presidential "
                                 "guard sealed the palace.");
const std::string kCoupChanged = record("wire-1", "Coup in Niger",
                                        "Soldiers detained President Bazoum in Niamey. The guard "
                                        "sealed the palace at dawn.");
const std::string kUltimatum = record("", "ECOWAS ultimatum",
                                      "West African leaders gave the junta one week. Sanctions "
                                      "followed at once.");
const std::string kAirspace = record("wire-3", "Airspace closed",
                                     "The junta closed the airspace over Niger. Flights were "
                                     "diverted to Algeria.");
const std::string kTiani = record("wire-4", "Tiani named",
                                  "General Tiani named himself head of state. He spoke on "
                                  "television.");

// `index --json --db DB PATH`, required to succeed; the report.
json index_report(const std::string& db, const fs::path& path) {
  const IndexRun run = index_json({"--db", db, path.string()});
  INFO("stderr: " << run.run.err);
  REQUIRE(run.run.exit_code == 0);
  REQUIRE(run.report.is_object());
  return run.report;
}

// `show --json` of `article`; null if there is none.
json shown(const std::string& db, const std::string& article) {
  const RunResult result = run_pressclip({"show", "--db", db, "--json", article});
  if (result.exit_code != 0) return nullptr;
  return json::parse(result.out);
}

std::set<std::string> ids_matching(const std::string& db, const std::string& query) {
  const std::vector<std::string> ids = matching_ids(db, query);
  return {ids.begin(), ids.end()};
}

}  // namespace

TEST_CASE("record files: each record is an article with its own id, shown as PATH#RECORD") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path feed = directory / "feed/wire.jsonl";
  fs::create_directories(feed.parent_path());
  write_file(feed, kCoup + kUltimatum + "not json at all\n" + kAirspace);

  const IndexRun run = index_json({"--db", db, feed.parent_path().string()});
  INFO("stderr: " << run.run.err);
  CHECK(run.report["added"] == 3);
  CHECK(run.report["skipped"] == 0);
  CHECK(run.run.err.find(feed.string() + ": line 3: not valid JSON") != std::string::npos);
  CHECK(article_count(db) == 3);

  // A stated id is the article's id; the record key is the id, or the line without one.
  const json coup = shown(db, "wire-1");
  REQUIRE(coup.is_object());
  CHECK(coup["path"] == feed.string());
  CHECK(coup["record"] == "wire-1");
  CHECK(coup["fields"]["title"]["value"] == "Coup in Niger");
  CHECK(coup["fields"]["title"]["origin"] == "document");
  const json ultimatum = shown(db, feed.string() + "#line-2");
  REQUIRE(ultimatum.is_object());
  CHECK(ultimatum["record"] == "line-2");
  CHECK(ultimatum["fields"]["title"]["value"] == "ECOWAS ultimatum");
  CHECK(shown(db, feed.string() + "#line-9").is_null());

  // Search hits name the record, in JSON and in text.
  const RunResult hits = run_pressclip({"search", "--db", db, "--json", "airspace"});
  REQUIRE(hits.exit_code == 0);
  const json hit = json::parse(hits.out_lines().at(0));
  CHECK(hit["article"]["id"] == "wire-3");
  CHECK(hit["article"]["record"] == "wire-3");
  const RunResult text = run_pressclip({"search", "--db", db, "airspace"});
  CHECK(text.out.find("wire.jsonl#wire-3") != std::string::npos);

  // Nothing changed: the file is not read again.
  const json again = index_report(db, feed.parent_path());
  CHECK(again["added"] == 0);
  CHECK(again["updated"] == 0);
  CHECK(again["bytes"] == 0);
}

TEST_CASE("record files: a changed file updates, adds and removes records, ids stay") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path feed = directory / "feed/wire.jsonl";
  fs::create_directories(feed.parent_path());
  write_file(feed, kCoup + kUltimatum + kAirspace);
  index_report(db, feed.parent_path());
  const std::string ultimatum_id = shown_id(db, feed.string() + "#line-2");
  REQUIRE_FALSE(ultimatum_id.empty());

  // wire-1 changed, line 2 the same, wire-3 gone, wire-4 new.
  write_file(feed, kCoupChanged + kUltimatum + kTiani);
  shift_modification_time(feed, 5);
  const json report = index_report(db, feed.parent_path());
  CHECK(report["added"] == 1);
  CHECK(report["updated"] == 1);
  CHECK(report["removed"] == 1);
  CHECK(article_count(db) == 3);
  CHECK(ids_matching(db, "dawn") == std::set<std::string>{"wire-1"});
  CHECK(ids_matching(db, "airspace").empty());
  CHECK(ids_matching(db, "television") == std::set<std::string>{"wire-4"});
  CHECK(shown_id(db, feed.string() + "#line-2") == ultimatum_id);
  CHECK(shown(db, "wire-3").is_null());

  // The file deleted: all its articles go.
  fs::remove(feed);
  const json gone = index_report(db, feed.parent_path());
  CHECK(gone["removed"] == 3);
  CHECK(article_count(db) == 0);
  CHECK(xapian_check(db).exit_code == 0);
}

TEST_CASE("record files: the same record in two files is one article with both files") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path first = directory / "feed/a.jsonl";
  const fs::path second = directory / "feed/b.jsonl";
  fs::create_directories(first.parent_path());
  write_file(first, kCoup + kTiani);
  write_file(second, kTiani + kAirspace);
  index_report(db, first.parent_path());
  CHECK(article_count(db) == 3);
  const json tiani = shown(db, "wire-4");
  REQUIRE(tiani.is_object());
  std::set<std::string> files = {tiani["path"].get<std::string>() + "#" +
                                 tiani["record"].get<std::string>()};
  for (const json& other : tiani["other_paths"]) files.insert(other.get<std::string>());
  CHECK(files == std::set<std::string>{first.string() + "#wire-4", second.string() + "#wire-4"});

  // A record stating an id that another file's record holds joins that article, and takes
  // its new text: an id names one article.
  write_file(second, kCoupChanged + kAirspace);
  shift_modification_time(second, 5);
  index_report(db, first.parent_path());
  CHECK(ids_matching(db, "dawn") == std::set<std::string>{"wire-1"});
  CHECK(ids_matching(db, "presidential").empty());
  CHECK(article_count(db) == 3);
  const json coup = shown(db, "wire-1");
  REQUIRE(coup.is_object());
  CHECK(coup["other_paths"].size() == 1);

  // One file deleted: the articles it shared stay with the other file.
  fs::remove(second);
  index_report(db, first.parent_path());
  CHECK(article_count(db) == 2);
  CHECK(shown(db, "wire-1")["path"] == first.string());
  CHECK(shown(db, "wire-1")["other_paths"].empty());
  CHECK(shown(db, "wire-3").is_null());
}

TEST_CASE("record files: add FILE prints the id of each article of the file") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path feed = directory / "wire.jsonl";
  write_file(feed, kCoup + kUltimatum + kAirspace);
  const RunResult added = run_pressclip({"add", "--db", db, feed.string()});
  REQUIRE(added.exit_code == 0);
  const std::vector<std::string> ids = added.out_lines();
  REQUIRE(ids.size() == 3);
  CHECK(ids[0] == "wire-1");
  CHECK(ids[1] == shown_id(db, feed.string() + "#line-2"));
  CHECK(ids[2] == "wire-3");
}

TEST_CASE("record files: rm removes one record as PATH#RECORD, or the whole file") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path feed = directory / "wire.jsonl";
  write_file(feed, kCoup + kUltimatum + kAirspace);
  index_report(db, feed);
  REQUIRE(run_pressclip({"rm", "--db", db, feed.string() + "#wire-3"}).exit_code == 0);
  CHECK(article_count(db) == 2);
  CHECK(shown(db, "wire-3").is_null());
  REQUIRE(run_pressclip({"rm", "--db", db, feed.string()}).exit_code == 0);
  CHECK(article_count(db) == 0);
}

TEST_CASE("record files: a parallel build gives the same articles as a sequential one") {
  const TemporaryDirectory directory;
  const fs::path feeds = directory / "feeds";
  fs::create_directories(feeds);
  // Records with ids, repeated across files, and records without ids; with enough files for
  // a parallel build (kParallelBuildMinimumArticles, 1,000).
  for (int number = 0; number < 1000; ++number) {
    write_file(feeds / (std::to_string(number) + ".txt"),
               "Dispatch " + std::to_string(number) + " from the desk. Nothing else to report.\n");
  }
  write_file(feeds / "a.jsonl", kCoup + kTiani + kUltimatum);
  // wire-1 stated again with another text: the later file's text stays, as in one run.
  write_file(feeds / "b.jsonl", kTiani + kAirspace + kCoupChanged);
  const std::string parallel = directory / "parallel";
  const std::string sequential = directory / "sequential";
  REQUIRE(
      run_pressclip({"index", "-q", "--jobs", "2", "--db", parallel, feeds.string()}).exit_code ==
      0);
  REQUIRE(
      run_pressclip({"index", "-q", "--jobs", "1", "--db", sequential, feeds.string()}).exit_code ==
      0);
  CHECK(article_count(parallel) == 1004);
  CHECK(comparable_stats(parallel) == comparable_stats(sequential));
  for (const std::string query : {"junta", "television", "dispatch", "dawn", "presidential"}) {
    CHECK(comparable_search(parallel, query) == comparable_search(sequential, query));
  }
  const json tiani = shown(parallel, "wire-4");
  REQUIRE(tiani.is_object());
  CHECK(tiani["other_paths"].size() == 1);
}

TEST_CASE("record files: an article at a path longer than a Xapian term is found") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path top = directory / std::string(120, 'a');
  const fs::path deep = top / std::string(120, 'b');
  fs::create_directories(deep);
  const fs::path feed = deep / "wire.jsonl";
  write_file(feed, kCoup + kUltimatum);
  const fs::path text = deep / (std::string(60, 'c') + ".txt");
  write_file(text, "The junta in Niamey closed the border. Traders waited at the crossing.\n");
  REQUIRE(feed.string().size() > 245);
  index_report(db, top);
  CHECK(article_count(db) == 3);
  CHECK(shown(db, text.string())["path"] == text.string());
  CHECK(shown(db, feed.string() + "#line-2")["record"] == "line-2");
  // Unchanged on the next run, and gone with the files.
  CHECK(index_report(db, top)["unchanged"] == 2);
  fs::remove(text);
  fs::remove(feed);
  CHECK(index_report(db, top)["removed"] == 3);
  CHECK(xapian_check(db).exit_code == 0);
}
