// Tests of shard lists (stub files), of the date range a query requires, and of a Searcher
// whose remote shard stops answering while it is open.
#include <doctest/doctest.h>

#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "../../remote_shard_server.h"
#include "pressclip/error.h"
#include "pressclip/indexer.h"
#include "pressclip/searcher.h"
#include "searcher/shard_list.h"
#include "searcher/shard_set.h"

namespace fs = std::filesystem;
using pressclip::searcher::DayRange;
using pressclip::searcher::ShardSpec;

namespace {

struct TemporaryDirectory {
  fs::path path;
  TemporaryDirectory() {
    char pattern[] = "/tmp/pressclip-unit-XXXXXX";
    path = mkdtemp(pattern);
  }
  ~TemporaryDirectory() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

// Two indexes of two articles each, in `directory`/first and /second.
void index_two_shards(const fs::path& directory) {
  int number = 0;
  for (const char* name : {"first", "second"}) {
    pressclip::IndexerOptions options;
    options.database_path = (directory / name).string();
    pressclip::Indexer indexer(options);
    for (int i = 0; i < 2; ++i, ++number) {
      indexer.add_article("---\ndate: 2023-08-0" + std::to_string(number + 1) +
                          "\n---\nThe junta in Niamey spoke about token" + std::to_string(number) +
                          ".\n");
    }
    indexer.commit();
  }
}

}  // namespace

TEST_CASE("shards: stub files expand into their shards, relative paths from the stub") {
  TemporaryDirectory directory;
  fs::create_directories(directory.path / "nested");
  directory.write("nested/inner", "auto ../b\n");
  const std::string stub = directory.write(
      "outer",
      "# comment\n\nauto a\nglass /abs/c\nremote 127.0.0.1:7000\nremote [::1]:7001\n"
      "remote :ssh search1 xapian-progsrv /srv/shard\nauto nested/inner\n");
  const std::vector<ShardSpec> shards = pressclip::searcher::expand_shards({stub, "/direct"});
  REQUIRE(shards.size() == 7);
  CHECK(shards[0].path == (directory.path / "a").string());
  CHECK(shards[1].path == "/abs/c");
  CHECK(shards[2].kind == ShardSpec::Kind::kTcp);
  CHECK(shards[2].host == "127.0.0.1");
  CHECK(shards[2].port == 7000);
  CHECK(shards[2].label == "remote 127.0.0.1:7000");
  CHECK(shards[3].host == "::1");
  CHECK(shards[3].port == 7001);
  CHECK(shards[4].kind == ShardSpec::Kind::kProgram);
  CHECK(shards[4].program == "ssh");
  CHECK(shards[4].args == "search1 xapian-progsrv /srv/shard");
  CHECK(fs::path(shards[5].path).lexically_normal() == (directory.path / "b").lexically_normal());
  CHECK(shards[6].path == "/direct");
  for (const ShardSpec& shard : shards) CHECK_FALSE(shard.period);
}

TEST_CASE("shards: a date-sharded stub gives its shards the periods of their names") {
  TemporaryDirectory directory;
  directory.write("XAPIANDB",
                  "# pressclip shards by month\nauto 2022\nauto 2023-07\n"
                  "auto undated\n");
  const auto shards = pressclip::searcher::expand_shards({directory.path.string()});
  REQUIRE(shards.size() == 3);
  REQUIRE(shards[0].period);
  CHECK(shards[0].period->first_day == "20220101");
  CHECK(shards[0].period->last_day == "20221231");
  CHECK(shards[1].period->first_day == "20230701");
  CHECK(shards[1].period->last_day == "20230731");
  CHECK(shards[2].period->first_day.empty());
  // One whose first run indexed nothing lists no shard: no index yet, not a bad stub.
  TemporaryDirectory empty;
  empty.write("XAPIANDB", "# pressclip shards by year\n");
  CHECK(pressclip::searcher::expand_shards({empty.path.string()}).empty());
  pressclip::SearcherOptions options;
  options.databases = {empty.path.string()};
  try {
    pressclip::Searcher searcher(options);
    FAIL("an empty date-sharded index opened");
  } catch (const pressclip::Error& error) {
    CHECK(error.kind() == pressclip::ErrorKind::kIndexMissing);
  }
  // Beside another database, the index is searched whole.
  const auto mixed = pressclip::searcher::expand_shards({directory.path.string(), "/other"});
  for (const ShardSpec& shard : mixed) CHECK_FALSE(shard.period);
}

TEST_CASE("shards: malformed stub files are errors naming the line") {
  TemporaryDirectory directory;
  for (const std::string line : {"remote", "remote host", "remote host:0", "remote host:x",
                                 "remote :", "flint /x", "auto"}) {
    CAPTURE(line);
    const std::string stub = directory.write("bad", "# first\n" + line + "\n");
    CHECK_THROWS_WITH_AS(pressclip::searcher::expand_shards({stub}), doctest::Contains("bad:2"),
                         pressclip::Error);
  }
  const std::string empty = directory.write("empty", "# nothing\n");
  CHECK_THROWS_WITH_AS(pressclip::searcher::expand_shards({empty}),
                       doctest::Contains("lists no database"), pressclip::Error);
  const std::string loop = directory.write("loop", "auto loop\n");
  CHECK_THROWS_WITH_AS(pressclip::searcher::expand_shards({loop}), doctest::Contains("nested"),
                       pressclip::Error);
  CHECK_THROWS_AS(pressclip::searcher::expand_shards({}), pressclip::Error);
}

TEST_CASE("shards: the date range a query requires") {
  using pressclip::searcher::required_date_range;
  const Xapian::Query july("M202307");
  const Xapian::Query august_3("D20230803");
  const Xapian::Query word("coup");
  auto range = required_date_range(Xapian::Query(Xapian::Query::OP_FILTER, word, july));
  REQUIRE(range);
  CHECK(range->first_day == "20230701");
  CHECK(range->last_day == "20230731");
  // Two ranges ANDed: their overlap; ORed: what covers both; OR with a word: no bound.
  const Xapian::Query year(Xapian::Query::OP_OR, Xapian::Query("Y2023"), Xapian::Query("Y2024"));
  range = required_date_range(Xapian::Query(Xapian::Query::OP_AND, year, august_3));
  REQUIRE(range);
  CHECK(range->first_day == "20230803");
  CHECK(range->last_day == "20230803");
  range = required_date_range(Xapian::Query(Xapian::Query::OP_OR, july, august_3));
  REQUIRE(range);
  CHECK(range->first_day == "20230701");
  CHECK(range->last_day == "20230803");
  CHECK_FALSE(required_date_range(Xapian::Query(Xapian::Query::OP_OR, july, word)));
  CHECK_FALSE(required_date_range(word));
  // AND NOT keeps its left side's bound; a date under NOT bounds nothing.
  range = required_date_range(Xapian::Query(Xapian::Query::OP_AND_NOT, july, word));
  CHECK(range);
  CHECK_FALSE(required_date_range(Xapian::Query(Xapian::Query::OP_AND_NOT, word, july)));
}

TEST_CASE("shards: a remote shard that dies under an open searcher is named, or left out") {
  TemporaryDirectory directory;
  index_two_shards(directory.path);
  pressclip::test::RemoteShardServer server((directory.path / "second").string());
  const std::string stub = directory.write("remote", server.stub_line() + "\n");

  pressclip::SearcherOptions options;
  options.databases = {(directory.path / "first").string(), stub};
  options.remote_timeout = std::chrono::milliseconds(1000);
  pressclip::SearchOptions search;
  search.query = "junta";
  {
    pressclip::Searcher searcher(options);
    CHECK(searcher.search(search).matching_articles == 4);
    server.stop();  // Frozen: the searcher's connection gets no answer.
    try {
      searcher.search(search);
      FAIL("a search through a stopped shard succeeded");
    } catch (const pressclip::Error& error) {
      CHECK(error.kind() == pressclip::ErrorKind::kShardUnavailable);
      CHECK(std::string(error.what()).find(server.label()) != std::string::npos);
    }
    server.resume();
  }
  options.allow_partial = true;
  pressclip::Searcher searcher(options);
  CHECK(searcher.search(search).matching_articles == 4);
  server.kill();
  const pressclip::SearchResults partial = searcher.search(search);
  CHECK(partial.matching_articles == 2);
  REQUIRE(partial.missing_shards.size() == 1);
  CHECK(partial.missing_shards[0].shard == server.label());
  // Later searches leave it out at once.
  CHECK(searcher.search(search).missing_shards.size() == 1);
  CHECK(searcher.stats().articles == 2);

  // Statistics and lookups meet a dead shard the same way.
  pressclip::test::RemoteShardServer again((directory.path / "second").string());
  options.databases = {(directory.path / "first").string(),
                       directory.write("again", again.stub_line() + "\n")};
  pressclip::Searcher other(options);
  again.kill();
  const pressclip::IndexStats stats = other.stats();
  CHECK(stats.articles == 2);
  REQUIRE(stats.missing_shards.size() == 1);
  CHECK(stats.missing_shards[0].shard == again.label());
}
