// The sample corpus indexed once per test process, and searches against that index.
#include "corpus_index.h"

#include <filesystem>
#include <stdexcept>

namespace pressclip::test {

const std::string& corpus_database() {
  static const TemporaryDirectory directory;
  static const std::string database = [] {
    const std::string path = directory / "index";
    const RunResult result = run_pressclip({"index", "--db", path, "-q", PRESSCLIP_CORPUS_DIR});
    if (result.exit_code != 0 || !result.err.empty()) {
      throw std::runtime_error("indexing corpus/ failed: " + result.err);
    }
    return path;
  }();
  return database;
}

Search search_corpus(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"search", "--db", corpus_database(), "--json"};
  full.insert(full.end(), args.begin(), args.end());
  Search search{run_pressclip(full), {}};
  search.hits = parse_json_lines(search.run.out);
  return search;
}

Search search_query(const std::string& query) { return search_corpus({"-n", "100", "--", query}); }

Articles article_numbers(const std::vector<nlohmann::json>& hits) {
  Articles numbers;
  for (const nlohmann::json& hit : hits) {
    const std::string path = hit.at("article").at("path").get<std::string>();
    numbers.insert(std::filesystem::path(path).filename().string().substr(0, 3));
  }
  return numbers;
}

std::string corpus_article_path(const std::string& number) {
  const std::filesystem::path seeds = std::filesystem::path(PRESSCLIP_CORPUS_DIR) / "seeds";
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    if (entry.path().filename().string().starts_with(number + "_")) return entry.path().string();
  }
  throw std::runtime_error("no corpus article " + number);
}

}  // namespace pressclip::test
