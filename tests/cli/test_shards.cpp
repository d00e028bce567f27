// End-to-end tests of searching several databases as one: --db repeated, stub files, remote
// shards served by xapian-tcpsrv on 127.0.0.1, missing shards, date-sharded layouts.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../remote_shard_server.h"
#include "cli_checks.h"
#include "cli_runner.h"

using namespace pressclip::test;
namespace fs = std::filesystem;

namespace {

// The sample corpus and generated articles that tie on score (the same sentences, one
// token apart), of several sources and dates, some undated or dated to a month or a year.
std::vector<fs::path> write_articles(const fs::path& directory) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(PRESSCLIP_CORPUS_DIR) / "seeds")) {
    files.push_back(entry.path());
  }
  const std::vector<std::string> dates = {"2023-07-14", "2023-08",    "2023",
                                          "",           "2023-09-02", "2023-08-20"};
  for (int i = 0; i < 36; ++i) {
    const fs::path file = directory / ("generated_" + std::to_string(100 + i) + ".txt");
    const std::string& date = dates[static_cast<std::size_t>(i) % dates.size()];
    write_file(file, "---\nsource: Outlet " + std::to_string(i % 4) +
                         (date.empty() ? "" : "\ndate: " + date) + "\n---\nThe junta in Niamey " +
                         "spoke on television about token" + std::to_string(i) +
                         ".\n\nProtesters gathered outside the embassy (Reuters).\n\n" +
                         "ECOWAS leaders met again about the coup.\n");
    files.push_back(file);
  }
  std::sort(files.begin(), files.end());
  return files;
}

void index_files(const std::string& database, const std::vector<fs::path>& files) {
  // The manifest gives the sample articles their sources and dates.
  std::vector<std::string> args = {"index",      "--quiet",
                                   "--db",       database,
                                   "--manifest", std::string(PRESSCLIP_CORPUS_DIR) + "/seeds.tsv",
                                   "--"};
  for (const fs::path& file : files) args.push_back(file.string());
  const RunResult result = run_pressclip(args);
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
}

// The sample corpus in one index, and split into two shards (alternate files).
struct ShardedCorpus {
  TemporaryDirectory directory;
  std::string single = directory / "single";
  std::string first = directory / "first";
  std::string second = directory / "second";
  std::vector<fs::path> files;

  ShardedCorpus() {
    fs::create_directories(directory / "articles");
    files = write_articles(directory / "articles");
    std::vector<fs::path> even, odd;
    for (std::size_t i = 0; i < files.size(); ++i) (i % 2 == 0 ? even : odd).push_back(files[i]);
    index_files(single, files);
    index_files(first, even);
    index_files(second, odd);
  }

  // A stub file listing `lines`, written beside the indexes.
  std::string stub(const std::string& name, const std::vector<std::string>& lines) const {
    std::string text = "# shards of the test corpus\n";
    for (const std::string& line : lines) text += line + "\n";
    const std::string path = directory / name;
    write_file(path, text);
    return path;
  }
};

const std::vector<std::string> kQueries = {"coup",
                                           "junta",
                                           "junta television",
                                           "\"military intervention\"",
                                           "source:BBC",
                                           "Niger NOT coup",
                                           "date:2023-08",
                                           "embassy date:2023",
                                           "ECOWAS OR Wagner",
                                           "agency:Reuters",
                                           "Tiani NEAR/5 Bazoum"};

const std::vector<std::vector<std::string>> kOptionSets = {
    {},
    {"--sort", "date"},
    {"--sort", "-date"},
    {"--facets", "--timeline"},
    {"--per-article", "3", "-C", "1"},
    {"--scope", "passage", "--offset", "2"},
    {"--explain"},
};

// The JSON lines of a search of `databases` (each a --db), and its exit code.
std::pair<int, std::vector<nlohmann::json>> search_json(const std::vector<std::string>& databases,
                                                        const std::string& query,
                                                        const std::vector<std::string>& options) {
  std::vector<std::string> args = {"search", "--json", "--today", "2023-10-01"};
  if (std::find(options.begin(), options.end(), "-n") == options.end()) {
    args.insert(args.end(), {"-n", "60"});
  }
  for (const std::string& database : databases) {
    args.push_back("--db");
    args.push_back(database);
  }
  args.insert(args.end(), options.begin(), options.end());
  args.push_back("--");
  args.push_back(query);
  const RunResult result = run_pressclip(args);
  INFO(result.err);
  CHECK(result.exit_code <= 1);
  return {result.exit_code, parse_json_lines(result.out)};
}

// Every line of a search of `databases` equals that of the single index, field by field.
void check_same_as_single(const ShardedCorpus& corpus, const std::vector<std::string>& databases) {
  for (const std::string& query : kQueries) {
    for (const std::vector<std::string>& options : kOptionSets) {
      CAPTURE(query);
      CAPTURE(options.empty() ? std::string() : options.front());
      const auto expected = search_json({corpus.single}, query, options);
      const auto got = search_json(databases, query, options);
      CHECK(got.first == expected.first);
      REQUIRE(got.second.size() == expected.second.size());
      for (std::size_t line = 0; line < expected.second.size(); ++line) {
        CAPTURE(line);
        CHECK(got.second[line].dump() == expected.second[line].dump());
      }
    }
  }
}

nlohmann::json stats_of(const std::vector<std::string>& arguments) {
  std::vector<std::string> args = {"stats", "--json"};
  args.insert(args.end(), arguments.begin(), arguments.end());
  const RunResult result = run_pressclip(args);
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  return parse_json_lines(result.out).back();
}

}  // namespace

TEST_CASE("shards: two databases searched as one answer as the single index, field by field") {
  const ShardedCorpus corpus;
  check_same_as_single(corpus, {corpus.first, corpus.second});
  // Xapian 1.4 expands a wildcard in each shard apart, which changes its weights (not what
  // it matches): the same articles, maybe in another order (docs/scaling.md).
  for (const std::string query : {"junt*", "embass* AND coup"}) {
    auto ids = [&](const std::vector<std::string>& databases) {
      std::vector<std::string> found;
      for (const auto& hit : search_json(databases, query, {"-n", "1000"}).second) {
        found.push_back(hit["article"]["id"]);
      }
      std::sort(found.begin(), found.end());
      return found;
    };
    CHECK(ids({corpus.first, corpus.second}) == ids({corpus.single}));
  }
  // Through a stub file, and with the shards the other way round.
  check_same_as_single(corpus, {corpus.stub("shards", {"auto second", "auto " + corpus.first})});

  const nlohmann::json single = stats_of({"--db", corpus.single});
  const nlohmann::json sharded = stats_of({"--db", corpus.first, "--db", corpus.second});
  CHECK(sharded["shards"] == 2);
  for (const char* member : {"articles", "passages", "facets", "timeline", "undated_articles",
                             "earliest_date", "latest_date", "sources"}) {
    CAPTURE(member);
    CHECK(sharded[member] == single[member]);
  }
  // show finds an article in either shard.
  const RunResult shown = run_pressclip(
      {"show", "--json", "--db", corpus.first, "--db", corpus.second, corpus.files[1].string()});
  CHECK(shown.exit_code == 0);
}

TEST_CASE("shards: remote shards served by xapian-tcpsrv answer as the single index") {
  const ShardedCorpus corpus;
  RemoteShardServer first(corpus.first);
  RemoteShardServer second(corpus.second);
  const std::string stub = corpus.stub("remote", {first.stub_line(), second.stub_line()});
  check_same_as_single(corpus, {stub});
  // Mixed: one local shard, one remote.
  check_same_as_single(corpus, {corpus.first, corpus.stub("mixed", {second.stub_line()})});
}

TEST_CASE("shards: a stopped or killed remote shard fails the search naming it, or is left out") {
  const ShardedCorpus corpus;
  RemoteShardServer first(corpus.first);
  RemoteShardServer second(corpus.second);
  const std::string stub = corpus.stub("remote", {first.stub_line(), second.stub_line()});
  const std::vector<std::string> base = {"search", "--db", stub, "--remote-timeout", "1", "junta"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return run_pressclip(args);
  };
  const auto all = parse_json_lines(with({"--json", "-n", "100"}).out);
  const auto only_first = search_json({corpus.first}, "junta", {"-n", "100"});

  for (const char* fault : {"stopped", "killed"}) {
    CAPTURE(fault);
    if (std::string(fault) == "stopped") {
      second.stop();
    } else {
      second.kill();
    }
    const auto started = std::chrono::steady_clock::now();
    const RunResult failed = with({});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(8));
    check_one_error_line(failed);
    CHECK(failed.err.find("shard '" + second.label() + "' is unavailable") != std::string::npos);
    CHECK(failed.err.find("--allow-partial") != std::string::npos);

    // Partial: the first shard's articles, and the missing one named, in JSON and text.
    const RunResult partial = with({"--allow-partial", "--json", "-n", "100"});
    CHECK(partial.exit_code == 0);
    const auto lines = parse_json_lines(partial.out);
    REQUIRE(lines.size() == only_first.second.size() + 1);
    REQUIRE(lines.front().contains("missing_shards"));
    CHECK(lines.front()["missing_shards"].size() == 1);
    CHECK(lines.front()["missing_shards"][0]["shard"] == second.label());
    CHECK_FALSE(lines.front()["missing_shards"][0]["reason"].get<std::string>().empty());
    for (std::size_t i = 1; i < lines.size(); ++i) {
      CHECK(lines[i]["article"] == only_first.second[i - 1]["article"]);
    }
    CHECK(lines.size() - 1 < all.size());
    const RunResult text = with({"--allow-partial"});
    CHECK(text.exit_code == 0);
    CHECK(text.err.find("warning: shard '" + second.label() + "' left out") != std::string::npos);
    const RunResult stats = run_pressclip(
        {"stats", "--json", "--allow-partial", "--remote-timeout", "1", "--db", stub});
    CHECK(stats.exit_code == 0);
    CHECK(parse_json_lines(stats.out).front().contains("missing_shards"));
  }
  // Every shard gone: an error even when partial answers are allowed.
  first.kill();
  const RunResult none = with({"--allow-partial"});
  check_one_error_line(none);
  CHECK(none.err.find("unavailable") != std::string::npos);
}

TEST_CASE("shards: a date-sharded index opens only the shards a date range can touch") {
  const ShardedCorpus corpus;
  // By hand, the layout `index --shard-by month` writes: one index per month, a stub naming
  // them. The August shard is broken, so a search that opens it fails.
  const fs::path sharded = corpus.directory.path() / "by-month";
  std::vector<fs::path> july;
  for (const fs::path& file : corpus.files) {
    const std::string text = read_file(file);
    if (text.find("date: 2023-07") != std::string::npos) {
      july.push_back(file);
    }
  }
  REQUIRE_FALSE(july.empty());
  index_files((sharded / "2023-07").string(), july);
  fs::create_directories(sharded / "2023-08");
  write_file(sharded / "2023-08" / "iamglass", "not a database");
  write_file(sharded / "XAPIANDB", "# pressclip shards by month\nauto 2023-07\nauto 2023-08\n");

  const RunResult july_only =
      run_pressclip({"search", "--db", sharded.string(), "--json", "(junta OR coup) date:2023-07"});
  CHECK_MESSAGE(july_only.exit_code == 0, july_only.err);
  const RunResult since =
      run_pressclip({"search", "--db", sharded.string(), "--until", "2023-07-31", "coup"});
  CHECK_MESSAGE(since.exit_code == 0, since.err);
  const RunResult everything = run_pressclip({"search", "--db", sharded.string(), "coup"});
  check_one_error_line(everything);
  CHECK(everything.err.find("2023-08") != std::string::npos);
  // A date under an OR bounds nothing: every shard is read.
  const RunResult either =
      run_pressclip({"search", "--db", sharded.string(), "coup OR date:2023-07"});
  CHECK(either.exit_code == 2);
}

TEST_CASE(
    "shards: an index --shard-by month searches as one index, opening only the months asked") {
  const ShardedCorpus corpus;
  const std::string sharded = corpus.directory / "indexed-by-month";
  std::vector<std::string> args = {
      "index", "--quiet", "--shard-by", "month",
      "--db",  sharded,   "--manifest", std::string(PRESSCLIP_CORPUS_DIR) + "/seeds.tsv",
      "--"};
  for (const fs::path& file : corpus.files) args.push_back(file.string());
  REQUIRE(run_pressclip(args).exit_code == 0);
  REQUIRE(fs::exists(fs::path(sharded) / "2023-09"));
  // Unbounded, it holds the same articles as the single index.
  for (const std::string query : {"junta", "coup date:2023", "source:BBC"}) {
    CAPTURE(query);
    auto ids = [&](const std::string& database) {
      std::vector<std::string> found;
      for (const auto& hit : search_json({database}, query, {"-n", "1000"}).second) {
        found.push_back(hit["article"]["id"]);
      }
      std::sort(found.begin(), found.end());
      return found;
    };
    CHECK(ids(sharded) == ids(corpus.single));
  }
  // With September's shard broken, July is still searched; anything unbounded is not.
  write_file(fs::path(sharded) / "2023-09" / "iamglass", "broken");
  const RunResult july = run_pressclip({"search", "--db", sharded, "--json", "junta date:2023-07"});
  CHECK_MESSAGE(july.exit_code == 0, july.err);
  const RunResult all = run_pressclip({"search", "--db", sharded, "junta"});
  check_one_error_line(all);
  CHECK(all.err.find("2023-09") != std::string::npos);
}

TEST_CASE("shards: malformed stub files and bad timeouts are one-line errors") {
  const ShardedCorpus corpus;
  for (const std::string& line :
       {std::string("remote"), std::string("remote nohost"), std::string("remote host:99999"),
        std::string("chert ") + corpus.first, std::string("auto")}) {
    CAPTURE(line);
    const std::string stub = corpus.stub("bad", {"auto " + corpus.first, line});
    const RunResult result = run_pressclip({"search", "--db", stub, "coup"});
    check_one_error_line(result);
    CHECK(result.err.find("bad:3") != std::string::npos);  // After the comment line.
  }
  const RunResult loop =
      run_pressclip({"search", "--db", corpus.stub("loop", {"auto loop"}), "coup"});
  check_one_error_line(loop);
  CHECK(loop.err.find("nested") != std::string::npos);
  for (const char* value : {"-1", "abc", "inf"}) {
    const RunResult result =
        run_pressclip({"search", "--db", corpus.single, "--remote-timeout", value, "coup"});
    check_one_error_line(result);
  }
  // A missing local shard: the search fails naming it; partial leaves it out.
  const std::string missing = corpus.stub("missing", {"auto first", "auto nowhere"});
  const RunResult failed = run_pressclip({"search", "--db", missing, "coup"});
  check_one_error_line(failed);
  CHECK(failed.err.find("nowhere") != std::string::npos);
  const RunResult partial =
      run_pressclip({"search", "--db", missing, "--allow-partial", "--json", "coup"});
  CHECK(partial.exit_code == 0);
  CHECK(parse_json_lines(partial.out).front()["missing_shards"][0]["reason"] == "no index there");
}
