// End-to-end tests of indexing alongside other processes: the write lock (exit 75, --wait),
// SIGTERM and SIGINT during a run, searches while batches are committed, and --watch.
#include <doctest/doctest.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli_checks.h"
#include "cli_runner.h"
#include "index_fixtures.h"

using namespace pressclip::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

const std::string kNiger = "The coup in Niger surprised the region. Soldiers held the palace.\n";
const std::string kFloods =
    "Floods hit Pakistan after the monsoon rains. Thousands were displaced.\n";
const std::string kVolcano = "A volcano erupted in Iceland overnight. Lava reached the road.\n";

void put(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  write_file(path, text);
}

std::string locked_message(const std::string& db) {
  return "pressclip: error: index '" + db +
         "' is being updated by another process (use --wait to wait for it)";
}

// Starts `index --watch ARGS` and waits until it watches (it then holds the index's lock).
void wait_until_watching(BackgroundRun& watcher) {
  const bool watching =
      wait_until([&] { return !watcher.running() || has_inotify_descriptor(watcher.pid()); }, 10s);
  INFO("watcher stderr: " << watcher.err_so_far());
  REQUIRE(watching);
  REQUIRE(watcher.running());
}

// Seconds since `start`.
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool finds(const std::string& db, const std::string& query) {
  return run_pressclip({"search", "--db", db, "--json", query}).exit_code == 0;
}

}  // namespace

TEST_CASE("index lock: a second writer exits 75 naming the index, and --wait waits for the first") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/niger.txt", kNiger);
  put(directory / "b/floods.txt", kFloods);
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory / "a"}).exit_code == 0);

  BackgroundRun holder({"index", "--watch", "-q", "--db", db, directory / "a"});
  wait_until_watching(holder);

  const RunResult second = run_pressclip({"index", "--db", db, directory / "b"});
  CHECK(second.exit_code == 75);
  CHECK_FALSE(second.signaled);
  CHECK(second.out.empty());
  CHECK(second.err_lines() == std::vector<std::string>{locked_message(db)});
  RunOptions with_text;
  with_text.stdin_text = kVolcano;
  const RunResult add = run_pressclip({"add", "--db", db}, with_text);
  CHECK(add.exit_code == 75);
  CHECK(add.err_lines() == std::vector<std::string>{locked_message(db)});
  const RunResult rm = run_pressclip({"rm", "--db", db, directory / "a/niger.txt"});
  CHECK(rm.exit_code == 75);
  CHECK(rm.err_lines() == std::vector<std::string>{locked_message(db)});
  // Readers are not locked out.
  CHECK(finds(db, "niger"));
  CHECK(article_count(db) == 1);

  BackgroundRun waiter({"index", "--wait", "--json", "--db", db, directory / "b"});
  BackgroundRun adder({"add", "--wait", "--id", "volcano", "--db", db}, with_text);
  BackgroundRun quitter({"index", "--wait", "--db", db, directory / "b"});
  const std::string waiting =
      "pressclip: waiting for another process to finish updating '" + db + "'...";
  for (BackgroundRun* run : {&waiter, &adder, &quitter}) {
    CHECK(wait_until([&] { return run->err_so_far().find(waiting) != std::string::npos; }, 10s));
  }
  std::this_thread::sleep_for(300ms);
  CHECK(waiter.running());
  CHECK(adder.running());
  CHECK(article_count(db) == 1);

  // A signal ends a wait: nothing was started, and the status says which signal.
  quitter.send_signal(SIGINT);
  const RunResult quit = quitter.wait();
  CHECK(quit.exit_code == 130);
  CHECK_FALSE(quit.signaled);
  CHECK(quit.err.find("stopped waiting") != std::string::npos);

  holder.send_signal(SIGINT);
  const RunResult held = holder.wait();
  CHECK(held.exit_code == 0);
  CHECK_FALSE(held.signaled);

  const RunResult waited = waiter.wait();
  INFO("waiter stderr: " << waited.err);
  CHECK(waited.exit_code == 0);
  CHECK(parse_json_lines(waited.out).at(0)["added"] == 1);
  const RunResult added = adder.wait();
  CHECK(added.exit_code == 0);
  CHECK(added.out == "volcano\n");
  CHECK(article_count(db) == 3);
  CHECK(xapian_check(db).exit_code == 0);
}

TEST_CASE(
    "interrupt: SIGTERM during a large run commits what was done, exits 143, and the next "
    "run adds the rest") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path articles = directory / "articles";
  // About 1 s of work here (writing the files takes 0.2 s): well past the signal.
  constexpr std::size_t kArticles = 4000;
  write_generated_articles(articles, kArticles);

  BackgroundRun run(
      {"index", "--json", "--jobs", "1", "--batch-size", "50", "--db", db, articles.string()});
  std::this_thread::sleep_for(300ms);
  run.send_signal(SIGTERM);
  const auto signalled = std::chrono::steady_clock::now();
  const RunResult interrupted = run.wait();
  MESSAGE("the run stopped " << seconds_since(signalled) << " s after SIGTERM");
  INFO("stderr: " << interrupted.err);
  REQUIRE_FALSE(interrupted.signaled);
  REQUIRE(interrupted.exit_code == 143);  // 0 would mean it finished within 0.3 s.
  CHECK(seconds_since(signalled) < 2.0);
  const nlohmann::json report = parse_json_lines(interrupted.out).at(0);
  CHECK(report["interrupted"] == true);
  const std::size_t committed = article_count(db);
  MESSAGE(committed << " articles were committed before SIGTERM");
  CHECK(report["added"] == committed);  // What it reports is what it committed.
  CHECK(committed > 0);
  CHECK(committed < kArticles);
  CHECK(xapian_check(db).exit_code == 0);
  const RunResult text = run_pressclip({"stats", "--db", db});
  CHECK(text.exit_code == 0);

  const IndexRun rest = index_json({"--db", db, articles.string()});
  REQUIRE(rest.run.exit_code == 0);
  CHECK(rest.report["added"] == kArticles - committed);
  CHECK(rest.report["unchanged"] == committed);
  CHECK(rest.report["updated"] == 0);
  CHECK(rest.report["interrupted"] == false);
  CHECK(article_count(db) == kArticles);
  const std::vector<nlohmann::json> listed = listed_articles(db);
  std::set<std::string> ids, paths;
  for (const nlohmann::json& article : listed) {
    ids.insert(article["id"].get<std::string>());
    paths.insert(article["path"].get<std::string>());
  }
  CHECK(listed.size() == kArticles);
  CHECK(ids.size() == kArticles);
  CHECK(paths.size() == kArticles);
  CHECK(xapian_check(db).exit_code == 0);
}

TEST_CASE(
    "interrupt: SIGTERM stops a parallel build soon: exit 143, an empty index, nothing "
    "left beside it") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path articles = directory / "articles";
  constexpr std::size_t kArticles = 4000;  // About 0.7 s of work for two writers here.
  write_generated_articles(articles, kArticles);

  BackgroundRun run({"index", "--json", "--jobs", "2", "--db", db, articles.string()});
  std::this_thread::sleep_for(150ms);
  run.send_signal(SIGTERM);
  const auto signalled = std::chrono::steady_clock::now();
  const RunResult interrupted = run.wait();
  const double stopped_after = seconds_since(signalled);
  MESSAGE("the parallel build stopped " << stopped_after << " s after SIGTERM");
  INFO("stdout: " << interrupted.out);
  INFO("stderr: " << interrupted.err);
  CHECK_FALSE(interrupted.signaled);
  CHECK(interrupted.exit_code == 143);
  CHECK(stopped_after < 0.3);
  // "An interrupted parallel build starts over": nothing of it is in the index.
  if (fs::exists(db)) {
    CHECK(xapian_check(db).exit_code == 0);
    const RunResult stats = run_pressclip({"stats", "--db", db, "--json"});
    if (stats.exit_code == 0) CHECK(parse_json_lines(stats.out).at(0)["articles"] == 0);
  }
  std::set<std::string> entries;
  for (const auto& entry : fs::directory_iterator(directory.path()))
    entries.insert(entry.path().filename().string());
  entries.erase("index");
  CHECK(entries == std::set<std::string>{"articles"});

  const IndexRun rerun = index_json({"--db", db, articles.string()});
  REQUIRE(rerun.run.exit_code == 0);
  CHECK(rerun.report["added"] == kArticles);
  CHECK(article_count(db) == kArticles);
}

TEST_CASE("searches during indexing never fail and see each committed batch whole") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "seed/niger.txt", kNiger);
  REQUIRE(run_pressclip({"index", "-q", "--db", db, directory / "seed"}).exit_code == 0);
  const fs::path articles = directory / "articles";
  constexpr std::size_t kArticles = 2500;
  write_generated_articles(articles, kArticles);

  struct Observation {
    int exit_code;
    bool signaled;
    std::size_t count;  // Articles (stats) or hits (search) seen.
    std::string err;
  };
  std::mutex mutex;
  std::vector<std::vector<Observation>> seen(3);
  std::atomic<bool> done = false;
  auto observe = [&](std::size_t slot, const std::vector<std::string>& args) {
    while (!done) {
      const RunResult result = run_pressclip(args);
      std::size_t count = 0;
      if (result.exit_code == 0) {
        const auto lines = parse_json_lines(result.out);
        count = slot == 0 ? lines.at(0)["articles"].get<std::size_t>() : lines.size();
      }
      const std::lock_guard lock(mutex);
      seen[slot].push_back({result.exit_code, result.signaled, count, result.err});
    }
  };

  BackgroundRun indexer(
      {"index", "-q", "--jobs", "1", "--batch-size", "50", "--db", db, articles.string()});
  std::vector<std::thread> readers;
  readers.emplace_back(observe, 0, std::vector<std::string>{"stats", "--db", db, "--json"});
  // No search deadline: under sanitizers and a loaded machine, listing every article can
  // pass the 10 s default, and this test is about consistency, not speed.
  readers.emplace_back(observe, 1,
                       std::vector<std::string>{"search", "--db", db, "--json", "--timeout", "0",
                                                "-n", "1000000", "dispatch"});
  readers.emplace_back(observe, 2,
                       std::vector<std::string>{"search", "--db", db, "--json", "--timeout", "0",
                                                "--facets", "harvest", "OR", "niger"});
  const RunResult indexed = indexer.wait();
  done = true;
  for (std::thread& reader : readers) reader.join();
  INFO("indexer stderr: " << indexed.err);
  REQUIRE(indexed.exit_code == 0);

  for (std::size_t slot = 0; slot < seen.size(); ++slot) {
    CAPTURE(slot);
    CHECK(seen[slot].size() >= 3);  // Enough runs overlapped the indexer to mean something.
    std::size_t last = 0;
    for (const Observation& o : seen[slot]) {
      INFO("exit " << o.exit_code << ", count " << o.count << ", stderr: " << o.err);
      CHECK_FALSE(o.signaled);
      CHECK((o.exit_code == 0 || o.exit_code == 1));
      // A facet search's hit count is not a whole-batch count.
      if (o.exit_code != 0 || slot == 2) continue;
      CHECK(o.count >= last);  // Nothing committed disappears.
      CHECK((o.count - (slot == 0 ? 1 : 0)) % 50 == 0);
      last = o.count;
    }
  }
  MESSAGE("runs beside the indexer: stats " << seen[0].size() << ", listing " << seen[1].size()
                                            << ", facets " << seen[2].size());
  // Once committed, everything is seen.
  CHECK(article_count(db) == kArticles + 1);
  CHECK(listed_articles(db).size() == kArticles);
}

TEST_CASE(
    "index --watch: a new file is searchable within 1.5 s, a deleted one goes, SIGTERM "
    "exits 0") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path root = directory / "watched";
  put(root / "niger.txt", kNiger);
  BackgroundRun watcher({"index", "--watch", "--db", db, root.string()});
  wait_until_watching(watcher);
  CHECK(finds(db, "niger"));

  // Measured from the close of the new file to the first search that finds it.
  auto latency_of_appearing = [&](const std::string& query) {
    const auto start = std::chrono::steady_clock::now();
    const bool found = wait_until([&] { return finds(db, query); }, 5s, 5ms);
    const double seconds = seconds_since(start);
    CHECK(found);
    return seconds;
  };
  auto latency_of_going = [&](const std::string& query) {
    const auto start = std::chrono::steady_clock::now();
    const bool gone = wait_until([&] { return !finds(db, query); }, 5s, 5ms);
    const double seconds = seconds_since(start);
    CHECK(gone);
    return seconds;
  };

  write_file(root / "floods.txt", kFloods);
  const double added = latency_of_appearing("pakistan");
  MESSAGE("a new file was found by search " << added << " s after it was closed");
  CHECK(added < 1.5);

  // In a directory made after the watch began.
  fs::create_directories(root / "new/deeper");
  write_file(root / "new/deeper/volcano.txt", kVolcano);
  const double nested = latency_of_appearing("volcano");
  MESSAGE("a file in a new directory was found " << nested << " s after it was closed");
  CHECK(nested < 1.5);

  // Moved in from outside the watched directory, and written over by a rename (an editor's
  // save): the article follows the text.
  put(directory / "outside/story.txt", "Wildfires burned in Greece. Tourists fled the coast.\n");
  fs::rename(directory / "outside/story.txt", root / "story.txt");
  CHECK(latency_of_appearing("wildfires") < 1.5);
  put(root / ".story.txt.swp", "Wildfires were contained in Greece. Tourists came back.\n");
  fs::rename(root / ".story.txt.swp", root / "story.txt");
  CHECK(latency_of_appearing("contained") < 1.5);
  CHECK(matching_ids(db, "wildfires").size() == 1);

  fs::remove(root / "floods.txt");
  const double removed = latency_of_going("pakistan");
  MESSAGE("a deleted file's article went from search " << removed << " s after the deletion");
  CHECK(removed < 1.5);
  fs::remove_all(root / "new");
  CHECK(latency_of_going("volcano") < 1.5);
  CHECK(article_count(db) == 2);

  watcher.send_signal(SIGTERM);
  const RunResult stopped = watcher.wait();
  INFO("stderr: " << stopped.err);
  CHECK(stopped.exit_code == 0);
  CHECK_FALSE(stopped.signaled);
  CHECK(stopped.err.empty());
  // The first run's report, then one line per batch that changed something.
  const std::vector<std::string> lines = stopped.out_lines();
  REQUIRE(lines.size() >= 6);
  CHECK(lines[0].starts_with("1 added, 0 updated, 0 moved, 0 removed, 0 unchanged, 0 skipped"));
  CHECK(std::count_if(lines.begin(), lines.end(),
                      [](const std::string& line) { return line.starts_with("1 added,"); }) >= 4);
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& line) {
          return line.find(" 1 removed,") != std::string::npos;
        }) >= 2);
  CHECK(xapian_check(db).exit_code == 0);
  // What the watcher did is what a run of the directory finds.
  const IndexRun check = index_json({"--db", db, root.string()});
  CHECK(check.report["unchanged"] == 2);
  CHECK(check.report["indexed"] == 0);
}
