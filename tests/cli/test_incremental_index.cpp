// End-to-end tests of incremental indexing (issue 6): what `index` reads again and what it
// reports for new, changed, touched, moved, duplicated and deleted files; roots; `add`; `rm`;
// `--rebuild`; manifests; files that break.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli_checks.h"
#include "cli_runner.h"
#include "index_fixtures.h"

using namespace pressclip::test;
namespace fs = std::filesystem;

namespace {

const std::string kNiger = "The coup in Niger surprised the region. Soldiers held the palace.\n";
const std::string kFloods =
    "Floods hit Pakistan after the monsoon rains. Thousands were displaced.\n";
const std::string kElection =
    "Voters in Argentina chose a new president. Markets rallied the next day.\n";
const std::string kVolcano = "A volcano erupted in Iceland overnight. Lava reached the road.\n";

// Writes `text` to `path`, creating its directory.
void put(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  write_file(path, text);
}

// The report's counters, in the order of the text report line.
struct Counts {
  int added = 0, updated = 0, moved = 0, removed = 0, unchanged = 0, skipped = 0;
  bool operator==(const Counts&) const = default;
};

}  // namespace

template <>
struct doctest::StringMaker<Counts> {
  static doctest::String convert(const Counts& c) {
    return ("{added " + std::to_string(c.added) + ", updated " + std::to_string(c.updated) +
            ", moved " + std::to_string(c.moved) + ", removed " + std::to_string(c.removed) +
            ", unchanged " + std::to_string(c.unchanged) + ", skipped " +
            std::to_string(c.skipped) + "}")
        .c_str();
  }
};

namespace {

Counts counts_of(const nlohmann::json& report) {
  return {report.at("added").get<int>(),     report.at("updated").get<int>(),
          report.at("moved").get<int>(),     report.at("removed").get<int>(),
          report.at("unchanged").get<int>(), report.at("skipped").get<int>()};
}

// Runs `index --json --db DB PATHS...`, requires exit 0, and returns the report.
nlohmann::json index_report(const std::string& db, const std::vector<std::string>& paths) {
  std::vector<std::string> args = {"--db", db};
  args.insert(args.end(), paths.begin(), paths.end());
  const IndexRun run = index_json(args);
  INFO("stderr: " << run.run.err);
  REQUIRE(run.run.exit_code == 0);
  REQUIRE(run.report.is_object());
  return run.report;
}

Counts index_counts(const std::string& db, const std::vector<std::string>& paths) {
  return counts_of(index_report(db, paths));
}

// The ids of the articles matching `query`.
std::set<std::string> ids_matching(const std::string& db, const std::string& query) {
  const std::vector<std::string> ids = matching_ids(db, query);
  return {ids.begin(), ids.end()};
}

// Runs `add --db DB ARGS` with `text` on standard input.
RunResult add_from_stdin(const std::string& db, const std::string& text,
                         const std::vector<std::string>& args = {}) {
  RunOptions options;
  options.stdin_text = text;
  std::vector<std::string> full = {"add", "--db", db};
  full.insert(full.end(), args.begin(), args.end());
  return run_pressclip(full, options);
}

// The one line `add` prints: the id.
std::string printed_id(const RunResult& run) {
  INFO("stderr: " << run.err);
  REQUIRE(run.exit_code == 0);
  REQUIRE(run.out_lines().size() == 1);
  return run.out_lines()[0];
}

}  // namespace

TEST_CASE("incremental index: new files are added, and a second run reads nothing") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/niger.txt", kNiger);
  put(directory / "a/floods.txt", kFloods);
  CHECK(index_counts(db, {directory / "a"}) == Counts{.added = 2});
  put(directory / "a/election.txt", kElection);
  const nlohmann::json second = index_report(db, {directory / "a"});
  CHECK(counts_of(second) == Counts{.added = 1, .unchanged = 2});
  CHECK(second["bytes"] == kElection.size());  // Only the new file was read.
  const nlohmann::json third = index_report(db, {directory / "a"});
  CHECK(counts_of(third) == Counts{.unchanged = 3});
  CHECK(third["bytes"] == 0);
  CHECK(third["indexed"] == 0);
  CHECK(article_count(db) == 3);
  // The text report line carries the same counts.
  const RunResult text = run_pressclip({"index", "--db", db, directory / "a"});
  CHECK(text.out.starts_with("0 added, 0 updated, 0 moved, 0 removed, 3 unchanged, 0 skipped ("));
}

TEST_CASE("incremental index: a changed file is updated under its id, its old text forgotten") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/story.txt", kNiger);
  put(directory / "a/other.txt", kFloods);
  index_counts(db, {directory / "a"});
  const std::string id = shown_id(db, directory / "a/story.txt");
  REQUIRE_FALSE(id.empty());

  put(directory / "a/story.txt", kVolcano);
  shift_modification_time(directory / "a/story.txt", 5);  // Whatever the clock's resolution.
  const nlohmann::json report = index_report(db, {directory / "a"});
  CHECK(counts_of(report) == Counts{.updated = 1, .unchanged = 1});
  CHECK(report["bytes"] == kVolcano.size());
  CHECK(article_count(db) == 2);
  CHECK(ids_matching(db, "niger").empty());
  CHECK(ids_matching(db, "volcano") == std::set<std::string>{id});
  CHECK(shown_id(db, directory / "a/story.txt") == id);
}

TEST_CASE("incremental index: a touched but identical file is unchanged and not analysed again") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/story.txt", kNiger);
  index_counts(db, {directory / "a"});
  const std::string id = shown_id(db, directory / "a/story.txt");

  shift_modification_time(directory / "a/story.txt", 10);
  const nlohmann::json touched = index_report(db, {directory / "a"});
  CHECK(counts_of(touched) == Counts{.unchanged = 1});
  CHECK(touched["indexed"] == 0);
  CHECK(touched["bytes"] == 0);
  // Re-stamped: the next run finds it unchanged by size and time alone.
  CHECK(counts_of(index_report(db, {directory / "a"})) == Counts{.unchanged = 1});
  CHECK(article_count(db) == 1);
  CHECK(shown_id(db, directory / "a/story.txt") == id);
}

TEST_CASE("incremental index: a renamed file is moved, keeps its id and is not duplicated") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/before.txt", kNiger);
  put(directory / "a/other.txt", kFloods);
  index_counts(db, {directory / "a"});
  const std::string id = shown_id(db, directory / "a/before.txt");
  REQUIRE_FALSE(id.empty());

  fs::create_directories(directory / "a/later");
  fs::rename(directory / "a/before.txt", directory / "a/later/after.txt");
  const nlohmann::json report = index_report(db, {directory / "a"});
  CHECK(counts_of(report) == Counts{.moved = 1, .unchanged = 1});
  CHECK(report["bytes"] == 0);  // Recognised by its hash, not analysed again.
  CHECK(article_count(db) == 2);
  CHECK(ids_matching(db, "niger") == std::set<std::string>{id});
  const auto hits = parse_json_lines(run_pressclip({"search", "--db", db, "--json", "niger"}).out);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["article"]["path"] == directory / "a/later/after.txt");
  CHECK(shown_id(db, directory / "a/later/after.txt") == id);
  CHECK(run_pressclip({"show", "--db", db, directory / "a/before.txt"}).exit_code == 1);
}

TEST_CASE("incremental index: the same text under two paths is one article with both paths") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/first.txt", kNiger);
  put(directory / "a/second.txt", kNiger);
  put(directory / "a/other.txt", kFloods);
  CHECK(index_counts(db, {directory / "a"}) == Counts{.added = 2, .moved = 1});
  CHECK(article_count(db) == 2);
  const std::string id = shown_id(db, directory / "a/first.txt");
  CHECK_FALSE(id.empty());
  CHECK(shown_id(db, directory / "a/second.txt") == id);
  CHECK(ids_matching(db, "niger").size() == 1);
  const auto shown = parse_json_lines(
      run_pressclip({"show", "--db", db, "--json", directory / "a/second.txt"}).out);
  REQUIRE(shown.size() == 1);
  std::set<std::string> files = {shown[0]["path"].get<std::string>()};
  for (const auto& path : shown[0]["other_paths"]) files.insert(path.get<std::string>());
  CHECK(files == std::set<std::string>{directory / "a/first.txt", directory / "a/second.txt"});

  // A third copy, found by a later run, joins the article.
  put(directory / "a/third.txt", kNiger);
  CHECK(index_counts(db, {directory / "a"}) == Counts{.moved = 1, .unchanged = 3});
  CHECK(shown_id(db, directory / "a/third.txt") == id);

  // The article stays while one of its files does.
  fs::remove(directory / "a/first.txt");
  fs::remove(directory / "a/third.txt");
  CHECK(index_counts(db, {directory / "a"}) == Counts{.unchanged = 2});
  CHECK(ids_matching(db, "niger") == std::set<std::string>{id});
  CHECK(shown_id(db, directory / "a/second.txt") == id);
  fs::remove(directory / "a/second.txt");
  CHECK(index_counts(db, {directory / "a"}) == Counts{.removed = 1, .unchanged = 1});
  CHECK(ids_matching(db, "niger").empty());
  CHECK(article_count(db) == 1);
}

TEST_CASE("incremental index: a deleted file's article is removed") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/story.txt", kNiger);
  put(directory / "a/sub/other.txt", kFloods);
  index_counts(db, {directory / "a"});
  fs::remove(directory / "a/story.txt");
  CHECK(index_counts(db, {directory / "a"}) == Counts{.removed = 1, .unchanged = 1});
  CHECK(article_count(db) == 1);
  CHECK(ids_matching(db, "niger").empty());
  CHECK(run_pressclip({"show", "--db", db, directory / "a/story.txt"}).exit_code == 1);
  // A whole directory gone.
  fs::remove_all(directory / "a/sub");
  CHECK(index_counts(db, {directory / "a"}) == Counts{.removed = 1});
  CHECK(article_count(db) == 0);
}

TEST_CASE("incremental index: a run forgets only files under its own roots") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/niger.txt", kNiger);
  put(directory / "a/sub/volcano.txt", kVolcano);
  put(directory / "ab/floods.txt", kFloods);  // "ab" starts with "a": not under it.
  put(directory / "b/election.txt", kElection);
  CHECK(index_counts(db, {directory / "a", directory / "ab", directory / "b"}) ==
        Counts{.added = 4});
  fs::remove(directory / "a/niger.txt");
  fs::remove(directory / "ab/floods.txt");

  CHECK(index_counts(db, {directory / "b"}) == Counts{.unchanged = 1});
  CHECK(article_count(db) == 4);
  CHECK(ids_matching(db, "niger").size() == 1);

  // A root inside another forgets only what is under it.
  CHECK(index_counts(db, {directory / "a/sub"}) == Counts{.unchanged = 1});
  CHECK(ids_matching(db, "niger").size() == 1);

  CHECK(index_counts(db, {directory / "a"}) == Counts{.removed = 1, .unchanged = 1});
  CHECK(ids_matching(db, "niger").empty());
  CHECK(ids_matching(db, "pakistan").size() == 1);  // Still there: its root was not named.
  // The same root named another way is the same root.
  CHECK(index_counts(db, {directory.path().string() + "/./ab/../a/"}) == Counts{.unchanged = 1});
  CHECK(index_counts(db, {directory / "ab"}) == Counts{.removed = 1});
  CHECK(article_count(db) == 2);
}

TEST_CASE("add: standard input is one article however often it is added, and --id replaces") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const std::string id = printed_id(add_from_stdin(db, kVolcano));
  CHECK_FALSE(id.empty());
  CHECK(printed_id(add_from_stdin(db, kVolcano)) == id);
  CHECK(printed_id(add_from_stdin(db, kVolcano, {"-"})) == id);
  const RunResult json = add_from_stdin(db, kVolcano, {"--json"});
  REQUIRE(json.exit_code == 0);
  CHECK(parse_json_lines(json.out).at(0) == nlohmann::json{{"format_version", 1}, {"id", id}});
  CHECK(article_count(db) == 1);
  CHECK(ids_matching(db, "volcano") == std::set<std::string>{id});
  const auto shown = parse_json_lines(run_pressclip({"show", "--db", db, "--json", id}).out);
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["path"] == "");

  // --id names it; adding under that id again replaces the article.
  CHECK(printed_id(add_from_stdin(db, kNiger, {"--id", "desk-2023.07_1"})) == "desk-2023.07_1");
  CHECK(article_count(db) == 2);
  CHECK(printed_id(add_from_stdin(db, kFloods, {"--id", "desk-2023.07_1"})) == "desk-2023.07_1");
  CHECK(article_count(db) == 2);
  CHECK(ids_matching(db, "niger").empty());
  CHECK(ids_matching(db, "pakistan") == std::set<std::string>{"desk-2023.07_1"});

  // A file added by name is tracked: a later run of its directory finds it unchanged.
  put(directory / "a/election.txt", kElection);
  const std::string file_id =
      printed_id(run_pressclip({"add", "--db", db, directory / "a/election.txt"}));
  CHECK(shown_id(db, directory / "a/election.txt") == file_id);
  CHECK(index_counts(db, {directory / "a"}) == Counts{.unchanged = 1});
  CHECK(article_count(db) == 3);

  // A file whose text is an article's already joins it: add prints that article's id.
  put(directory / "b/volcano.txt", kVolcano);
  CHECK(printed_id(run_pressclip({"add", "--db", db, directory / "b/volcano.txt"})) == id);
  CHECK(article_count(db) == 3);

  // Not an article, or a bad id: one error line, nothing added.
  check_one_error_line(add_from_stdin(db, "\n"));
  check_one_error_line(add_from_stdin(db, kNiger, {"--id", "no spaces"}));
  CHECK(article_count(db) == 3);
}

TEST_CASE("rm: removes by id and by path, and exits 1 naming ids it does not know") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/niger.txt", kNiger);
  put(directory / "a/floods.txt", kFloods);
  put(directory / "a/election.txt", kElection);
  index_counts(db, {directory / "a"});
  const std::string niger_id = shown_id(db, directory / "a/niger.txt");

  const RunResult by_id = run_pressclip({"rm", "--db", db, niger_id});
  CHECK(by_id.exit_code == 0);
  CHECK(by_id.err.empty());
  CHECK(ids_matching(db, "niger").empty());
  const RunResult by_path = run_pressclip({"rm", "--db", db, directory / "a/floods.txt"});
  CHECK(by_path.exit_code == 0);
  CHECK(ids_matching(db, "pakistan").empty());
  CHECK(article_count(db) == 1);
  CHECK(fs::exists(directory / "a/floods.txt"));  // The file itself is left alone.

  const RunResult unknown =
      run_pressclip({"rm", "--db", db, "nosuchid", directory / "a/election.txt"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("nosuchid") != std::string::npos);
  CHECK(unknown.err.find("election") == std::string::npos);
  CHECK(article_count(db) == 0);  // The known one was removed all the same.

  // A later run of the directory adds the removed files again.
  CHECK(index_counts(db, {directory / "a"}) == Counts{.added = 3});
}

TEST_CASE(
    "index --rebuild: searches see the old index until the swap, and the result is a fresh "
    "index") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  const fs::path articles = directory / "articles";
  write_generated_articles(articles, 300);
  REQUIRE(run_pressclip({"index", "-q", "--db", db, articles.string()}).exit_code == 0);
  // The old index also holds an article that the rebuild will not carry over, and lacks
  // the ones added meanwhile.
  printed_id(add_from_stdin(db, kVolcano));
  write_generated_articles(articles, 2700, 1, 300);
  const std::size_t old_count = 301;
  REQUIRE(article_count(db) == old_count);

  BackgroundRun rebuild({"index", "--rebuild", "--json", "--jobs", "1", "--batch-size", "50",
                         "--db", db, articles.string()});
  std::vector<std::size_t> seen;
  bool old_searchable = true;
  while (rebuild.running()) {
    const std::size_t count = article_count(db);
    if (seen.empty() || seen.back() != count) seen.push_back(count);
    if (count == old_count) {
      const RunResult search = run_pressclip({"search", "--db", db, "--json", "volcano"});
      old_searchable = old_searchable && (search.exit_code == 0 || article_count(db) != old_count);
    }
  }
  const RunResult done = rebuild.wait();
  INFO("stderr: " << done.err);
  REQUIRE(done.exit_code == 0);
  CHECK(parse_json_lines(done.out).at(0)["added"] == 3000);
  // Only the whole old index and the whole new one were ever seen, in that order.
  INFO("article counts seen during the rebuild: " << nlohmann::json(seen).dump());
  CHECK(seen.size() <= 2);
  CHECK(seen.front() == old_count);
  CHECK(old_searchable);
  CHECK(article_count(db) == 3000);
  CHECK(ids_matching(db, "volcano").empty());
  // Nothing is left beside the index.
  std::set<std::string> entries;
  for (const auto& entry : fs::directory_iterator(directory.path()))
    entries.insert(entry.path().filename().string());
  CHECK(entries == std::set<std::string>{"articles", "index"});
  CHECK(xapian_check(db).exit_code == 0);

  const std::string fresh = directory / "fresh";
  REQUIRE(
      run_pressclip({"index", "-q", "--jobs", "1", "--db", fresh, articles.string()}).exit_code ==
      0);
  CHECK(comparable_stats(db) == comparable_stats(fresh));
  for (const std::string query : {"token2999", "dispatch token1*", "source:BBC harvest", "junta"}) {
    INFO("query: " << query);
    CHECK(comparable_search(db, query) == comparable_search(fresh, query));
  }
  // The rebuilt index is as incremental as any: a rerun finds everything unchanged.
  CHECK(index_counts(db, {articles.string()}) == Counts{.unchanged = 3000});
}

TEST_CASE("incremental index: a changed manifest row indexes an unchanged file again") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/niger.txt", kNiger);
  put(directory / "a/floods.txt", kFloods);
  put(directory / "a/meta.tsv", "file\tsource\tdate\nniger.txt\tBBC\t2023-08-01\n");
  index_counts(db, {directory / "a"});
  const std::string id = shown_id(db, directory / "a/niger.txt");
  auto shown = [&] {
    return parse_json_lines(
               run_pressclip({"show", "--db", db, "--json", directory / "a/niger.txt"}).out)
        .at(0);
  };
  CHECK(shown()["fields"]["source"]["value"] == "BBC");

  put(directory / "a/meta.tsv", "file\tsource\tdate\nniger.txt\tRFI\t2023-08-02\n");
  CHECK(index_counts(db, {directory / "a"}) == Counts{.updated = 1, .unchanged = 1});
  CHECK(shown()["id"] == id);
  CHECK(shown()["fields"]["source"]["value"] == "RFI");
  CHECK(shown()["fields"]["date"]["value"] == "2023-08-02");
  CHECK(index_counts(db, {directory / "a"}) == Counts{.unchanged = 2});

  // A row that goes takes its values with it.
  put(directory / "a/meta.tsv", "file\tsource\tdate\n");
  CHECK(index_counts(db, {directory / "a"}) == Counts{.updated = 1, .unchanged = 1});
  CHECK(shown()["fields"]["source"]["value"] == "");
  CHECK(shown()["fields"]["date"]["value"] == "");
}

TEST_CASE("incremental index: a file that breaks keeps its old article, with a warning") {
  const TemporaryDirectory directory;
  const std::string db = directory / "index";
  put(directory / "a/floods.txt", kFloods);
  put(directory / "a/niger.txt", kNiger);
  index_counts(db, {directory / "a"});
  const std::string id = shown_id(db, directory / "a/floods.txt");

  put(directory / "a/floods.txt", std::string("Floods \0\0 hit Pakistan.\n", 24));
  shift_modification_time(directory / "a/floods.txt", 5);
  for (int run = 0; run < 2; ++run) {  // Still broken the next time: warned again, kept.
    CAPTURE(run);
    const IndexRun broken = index_json({"--db", db, directory / "a"});
    CHECK(broken.run.exit_code == 1);  // Completed, with the file skipped.
    CHECK(counts_of(broken.report) == Counts{.unchanged = 1, .skipped = 1});
    REQUIRE(broken.report["warnings"].size() == 1);
    CHECK(broken.report["warnings"][0]["path"] == directory / "a/floods.txt");
    const std::vector<std::string> warnings = broken.run.err_lines();
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].starts_with("pressclip: warning: " + directory / "a/floods.txt" + ": "));
    CHECK(ids_matching(db, "pakistan") == std::set<std::string>{id});
    CHECK(shown_id(db, directory / "a/floods.txt") == id);
    CHECK(article_count(db) == 2);
  }
  // -v lists it in the text report too.
  const RunResult verbose = run_pressclip({"index", "-v", "--db", db, directory / "a"});
  CHECK(verbose.out.find("skipped " + directory / "a/floods.txt" + ": ") != std::string::npos);

  // Mended, it is updated; deleted while broken, its article goes.
  put(directory / "a/floods.txt", kVolcano);
  shift_modification_time(directory / "a/floods.txt", 10);
  CHECK(index_counts(db, {directory / "a"}) == Counts{.updated = 1, .unchanged = 1});
  CHECK(ids_matching(db, "volcano") == std::set<std::string>{id});
  put(directory / "a/floods.txt", std::string("\0 broken again.\n", 16));
  shift_modification_time(directory / "a/floods.txt", 15);
  index_json({"--db", db, directory / "a"});
  fs::remove(directory / "a/floods.txt");
  CHECK(index_counts(db, {directory / "a"}) == Counts{.removed = 1, .unchanged = 1});
  CHECK(article_count(db) == 1);
}

namespace {

// Texts of the change scenarios below: each a distinct first sentence, which is its title.
const std::string kTexts[] = {
    "Wildfires burned across Greece. Tourists fled the coast.\n",
    "An earthquake shook Turkey overnight. Rescuers dug through rubble.\n",
    "Leaders met at the summit in Nairobi. They signed a climate pledge.\n",
    "Strikes closed the ports of Rotterdam. Ships waited offshore.\n",
};

// A directory of article files, indexed, then changed: each write gets its own modification
// time (seconds apart), so that no change hides behind an equal size and time.
class Scenario {
 public:
  explicit Scenario(const std::map<std::string, std::string>& files) {
    for (const auto& [name, text] : files) put(path(name), text);
    const RunResult first = run_pressclip({"index", "-q", "--db", db(), dir()});
    REQUIRE(first.exit_code == 0);
  }
  std::string dir() const { return directory_ / "a"; }
  std::string db() const { return directory_ / "index"; }
  fs::path path(const std::string& name) const { return fs::path(dir()) / name; }
  void write(const std::string& name, const std::string& text) {
    put(path(name), text);
    shift_modification_time(path(name), 10 * ++writes_);
  }
  void copy(const std::string& from, const std::string& to) { write(to, read_file(path(from))); }
  void rename(const std::string& from, const std::string& to) {
    fs::create_directories(path(to).parent_path());
    fs::rename(path(from), path(to));
  }
  void remove(const std::string& name) { fs::remove(path(name)); }

  // One run, then what a fresh index of the directory holds: one article per distinct text,
  // each file shown with its own text's title, and nothing left for another run to do.
  void check_one_run_suffices() {
    const RunResult run = run_pressclip({"index", "--db", db(), dir()});
    INFO("the run after the changes: " << run.out << run.err);
    REQUIRE(run.exit_code == 0);
    std::set<std::string> texts;
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir())) {
      if (!entry.is_regular_file()) continue;
      ++files;
      const std::string text = read_file(entry.path());
      texts.insert(text);
      const auto shown =
          parse_json_lines(run_pressclip({"show", "--db", db(), "--json", entry.path()}).out);
      INFO("file " << entry.path().string() << ": " << text);
      CHECK(shown.size() == 1);
      if (shown.size() == 1)
        CHECK(shown[0]["fields"]["title"]["value"] == text.substr(0, text.find('.') + 1));
    }
    CHECK(article_count(db()) == texts.size());
    CHECK(counts_of(index_report(db(), {dir()})) == Counts{.unchanged = files});
  }

 private:
  TemporaryDirectory directory_;
  int writes_ = 0;
};

}  // namespace

TEST_CASE("incremental index: one run after any set of changes leaves what a fresh index holds") {
  SUBCASE("a new copy of a changed file's new text, named before it") {
    Scenario s({{"x.txt", kTexts[0]}, {"other.txt", kTexts[1]}});
    s.write("x.txt", kTexts[2]);
    s.copy("x.txt", "b.txt");
    s.check_one_run_suffices();
  }
  SUBCASE("a new copy of a changed file's new text, named after it") {
    Scenario s({{"x.txt", kTexts[0]}, {"other.txt", kTexts[1]}});
    s.write("x.txt", kTexts[2]);
    s.copy("x.txt", "y.txt");
    s.check_one_run_suffices();
  }
  SUBCASE("two changed files get the same new text") {
    Scenario s({{"p.txt", kTexts[0]}, {"q.txt", kTexts[1]}});
    s.write("p.txt", kTexts[2]);
    s.write("q.txt", kTexts[2]);
    s.check_one_run_suffices();
  }
  SUBCASE("two files swap their texts") {
    Scenario s({{"p.txt", kTexts[0]}, {"q.txt", kTexts[1]}});
    s.write("p.txt", kTexts[1]);
    s.write("q.txt", kTexts[0]);
    s.check_one_run_suffices();
  }
  SUBCASE("a changed file takes another file's text") {
    Scenario s({{"x.txt", kTexts[0]}, {"other.txt", kTexts[1]}});
    s.write("x.txt", kTexts[1]);
    s.check_one_run_suffices();
  }
  SUBCASE("a deleted file's text moves into a changed file") {
    Scenario s({{"p.txt", kTexts[0]}, {"q.txt", kTexts[1]}});
    s.write("q.txt", kTexts[0]);
    s.remove("p.txt");
    s.check_one_run_suffices();
  }
  SUBCASE("a file moved away and a new file at its old path") {
    Scenario s({{"p.txt", kTexts[0]}, {"q.txt", kTexts[1]}});
    s.rename("p.txt", "sub/p.txt");
    s.write("p.txt", kTexts[2]);
    s.check_one_run_suffices();
  }
  SUBCASE("a file moved over another") {
    Scenario s({{"p.txt", kTexts[0]}, {"q.txt", kTexts[1]}, {"r.txt", kTexts[2]}});
    s.rename("q.txt", "p.txt");
    s.check_one_run_suffices();
  }
  SUBCASE("a file moved and changed, and its old text copied elsewhere") {
    Scenario s({{"p.txt", kTexts[0]}, {"q.txt", kTexts[1]}});
    s.copy("p.txt", "z.txt");
    s.rename("p.txt", "sub/p.txt");
    s.write("sub/p.txt", kTexts[3]);
    s.check_one_run_suffices();
  }
}
