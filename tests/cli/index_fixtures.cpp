// Helpers for end-to-end tests of index updates (index_fixtures.h).
#include "index_fixtures.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <thread>

namespace pressclip::test {

const std::array<const char*, 48> kGeneratedArticleWords = {
    "army",      "border",    "capital",  "ceasefire",  "coalition", "court",    "drought",
    "economy",   "election",  "embassy",  "envoy",      "exports",   "farmers",  "flood",
    "governor",  "harvest",   "hospital", "inflation",  "junta",     "market",   "minister",
    "monsoon",   "navy",      "oil",      "parliament", "pipeline",  "police",   "port",
    "president", "prices",    "protest",  "railway",    "rebels",    "refugees", "reform",
    "river",     "sanctions", "schools",  "senate",     "ship",      "strike",   "summit",
    "talks",     "tariffs",   "treaty",   "union",      "verdict",   "wages"};
namespace {

constexpr std::array<const char*, 7> kSources = {"Reuters",       "BBC",      "RFI", "Al Jazeera",
                                                 "The Telegraph", "Le Monde", "AP"};

// A small deterministic generator (splitmix64), so that texts do not depend on the
// standard library's distributions.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }

 private:
  std::uint64_t state_;
};

std::string sentence(Random& random, std::size_t words) {
  std::string text;
  for (std::size_t i = 0; i < words; ++i) {
    text += (i == 0 ? "" : " ");
    text += kGeneratedArticleWords[random.below(kGeneratedArticleWords.size())];
  }
  text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text + ".";
}

RunResult checked_run(const std::vector<std::string>& args) {
  RunResult result = run_pressclip(args);
  if (result.exit_code != 0) {
    std::string command;
    for (const std::string& arg : args) command += " " + arg;
    throw std::runtime_error("pressclip" + command + " exited " + std::to_string(result.exit_code) +
                             ": " + result.err);
  }
  return result;
}

}  // namespace

std::string generated_article(int number, unsigned seed) {
  Random random((static_cast<std::uint64_t>(seed) << 32) ^ static_cast<std::uint32_t>(number));
  // One draw per statement: the order of draws must not depend on the compiler.
  const int month = 1 + static_cast<int>(random.below(12));
  const int day = 1 + static_cast<int>(random.below(28));
  const std::string source = kSources[random.below(kSources.size())];
  char date[16];
  std::snprintf(date, sizeof date, "2023-%02d-%02d", month, day);
  std::string text = "---\nsource: " + source + "\ndate: " + date + "\n---\n";
  const std::string token = "token" + std::to_string(number);
  text += sentence(random, 8) + " This dispatch names " + token + ".";
  const std::size_t sentences = 8 + random.below(5);
  for (std::size_t i = 0; i < sentences; ++i) {
    const std::size_t words = 8 + random.below(8);
    text += (i % 4 == 3 ? "\n\n" : " ") + sentence(random, words);
  }
  return text + "\n";
}

std::vector<std::filesystem::path> write_generated_articles(const std::filesystem::path& directory,
                                                            int count, unsigned seed, int first) {
  std::filesystem::create_directories(directory);
  std::vector<std::filesystem::path> paths;
  for (int number = first; number < first + count; ++number) {
    char name[32];
    std::snprintf(name, sizeof name, "%06d.txt", number);
    paths.push_back(directory / name);
    write_file(paths.back(), generated_article(number, seed));
  }
  return paths;
}

IndexRun index_json(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"index", "--json"};
  full.insert(full.end(), args.begin(), args.end());
  IndexRun result{run_pressclip(full), nullptr};
  const std::vector<nlohmann::json> lines = parse_json_lines(result.run.out);
  if (!lines.empty()) result.report = lines.back();
  return result;
}

nlohmann::json stats_json(const std::string& db) {
  return parse_json_lines(checked_run({"stats", "--db", db, "--json"}).out).at(0);
}

std::size_t article_count(const std::string& db) {
  return stats_json(db).at("articles").get<std::size_t>();
}

std::string shown_id(const std::string& db, const std::string& article) {
  const RunResult result = run_pressclip({"show", "--db", db, "--json", article});
  if (result.exit_code != 0) return "";
  return parse_json_lines(result.out).at(0).at("id").get<std::string>();
}

RunResult xapian_check(const std::string& db) {
  const std::string program = find_program("xapian-check");
  if (program.empty()) {
    throw std::runtime_error("xapian-check is not installed (Debian package xapian-tools)");
  }
  return run_program(program, {db});
}

std::vector<std::string> matching_ids(const std::string& db, const std::string& query) {
  const RunResult result =
      run_pressclip({"search", "--db", db, "--json", "-n", "1000000", "--", query});
  std::vector<std::string> ids;
  for (const nlohmann::json& hit : parse_json_lines(result.out)) {
    ids.push_back(hit.at("article").at("id").get<std::string>());
  }
  return ids;
}

std::vector<nlohmann::json> listed_articles(const std::string& db) {
  const RunResult result =
      run_pressclip({"search", "--db", db, "--json", "-n", "1000000", "dispatch"});
  std::vector<nlohmann::json> articles;
  for (const nlohmann::json& hit : parse_json_lines(result.out)) {
    articles.push_back(hit.at("article"));
  }
  return articles;
}

nlohmann::json comparable_search(const std::string& db, const std::string& query) {
  const RunResult result =
      run_pressclip({"search", "--db", db, "--json", "-n", "1000000", "--", query});
  if (result.exit_code > 1) return {{"error", result.err}};
  std::vector<nlohmann::json> hits = parse_json_lines(result.out);
  for (nlohmann::json& hit : hits) {
    hit.erase("rank");
    char score[32];
    std::snprintf(score, sizeof score, "%.9g", hit.at("score").get<double>());
    hit["score"] = score;
  }
  std::sort(hits.begin(), hits.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return std::make_pair(a["article"]["id"].get<std::string>(), a["passage"]["index"].get<int>()) <
           std::make_pair(b["article"]["id"].get<std::string>(), b["passage"]["index"].get<int>());
  });
  return hits;
}

nlohmann::json comparable_stats(const std::string& db) {
  nlohmann::json stats = stats_json(db);
  stats.erase("database");
  return stats;
}

bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout,
                std::chrono::milliseconds interval) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (condition()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(interval);
  }
}

bool has_inotify_descriptor(pid_t pid) {
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", error)) {
    std::error_code link_error;
    const std::filesystem::path target = std::filesystem::read_symlink(entry.path(), link_error);
    if (!link_error && target.string() == "anon_inode:inotify") return true;
  }
  return false;
}

void shift_modification_time(const std::filesystem::path& path, int seconds) {
  std::filesystem::last_write_time(
      path, std::filesystem::last_write_time(path) + std::chrono::seconds(seconds));
}

}  // namespace pressclip::test
