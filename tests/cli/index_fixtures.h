// Helpers for end-to-end tests of index updates: generated corpora, index state as JSON,
// index integrity (xapian-check), comparisons of two indexes, and waiting for a condition.
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace pressclip::test {

/// The news vocabulary generated articles are drawn from; each article holds most of it.
extern const std::array<const char*, 48> kGeneratedArticleWords;

/// Article `number` of generated corpus `seed`: front matter (one of seven sources, a date in
/// 2023), then about ten sentences (some 1 KB) drawn from a news vocabulary. Every article
/// holds the word "dispatch" (so one search lists them all) and its own word "token<number>".
/// The same arguments always give the same text.
std::string generated_article(int number, unsigned seed = 1);

/// Writes articles first .. first + count - 1 of corpus `seed` into `directory` (created if
/// needed) as NNNNNN.txt, and returns their paths.
std::vector<std::filesystem::path> write_generated_articles(const std::filesystem::path& directory,
                                                            int count, unsigned seed = 1,
                                                            int first = 0);

/// `pressclip index --json ARGS` run to its end: the run and its parsed report (null if the
/// run printed none).
struct IndexRun {
  RunResult run;
  nlohmann::json report;
};
IndexRun index_json(const std::vector<std::string>& args);

/// `pressclip stats --json --db DB`. Throws std::runtime_error if it fails.
nlohmann::json stats_json(const std::string& db);

/// The number of articles in the index at `db` (stats). Throws as stats_json.
std::size_t article_count(const std::string& db);

/// The id that `show --json --db DB ARTICLE` prints, or empty if show does not exit 0.
std::string shown_id(const std::string& db, const std::string& article);

/// `xapian-check DB`. Throws std::runtime_error if xapian-check is not installed
/// (scripts/test.sh installs it with xapian-tools).
RunResult xapian_check(const std::string& db);

/// The ids of the articles matching `query` (search --json, up to 1000000 passages).
std::vector<std::string> matching_ids(const std::string& db, const std::string& query);

/// Every article of an index of generated articles (a search for "dispatch" listing up to
/// 1000000 articles): the hits' article objects, in ranked order.
std::vector<nlohmann::json> listed_articles(const std::string& db);

/// The results of `search --json -n 1000000 QUERY` in a form that two indexes of the same
/// articles share: ranks left out (equal scores may tie in either order), scores rounded to
/// nine significant digits, sorted by article id and passage. An index that fails to search
/// gives {"error": stderr}.
nlohmann::json comparable_search(const std::string& db, const std::string& query);

/// `stats --json` of `db` (counts, facets, timeline) without the "database" field, which
/// names the directory.
nlohmann::json comparable_stats(const std::string& db);

/// Polls `condition` every `interval` until it is true (returns true) or `timeout` passes
/// (returns false).
bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout,
                std::chrono::milliseconds interval = std::chrono::milliseconds(10));

/// True if process `pid` has an inotify file descriptor open: for `index --watch`, it has
/// opened the index for writing, brought it up to date and started watching.
bool has_inotify_descriptor(pid_t pid);

/// Sets the modification time of `path` to `seconds` later than it is.
void shift_modification_time(const std::filesystem::path& path, int seconds);

}  // namespace pressclip::test
