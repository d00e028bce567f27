// In-process search latency of pressclip through its public API, for bench/run.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pressclip/error.h"
#include "pressclip/searcher.h"

namespace {

double percentile(std::vector<double> sorted, double fraction) {
  const auto at = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(at, sorted.size() - 1)];
}

}  // namespace

// Usage: pressclip_query_bench DB REPS QUERY. Runs QUERY once to warm up, then REPS times
// (top 10, passages and highlights on, as the CLI does), and prints one JSON object:
// {"p50_ms", "p99_ms", "hits", "matching_articles"}.
int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: pressclip_query_bench DB REPS QUERY\n";
    return 2;
  }
  try {
    pressclip::Searcher searcher(argv[1]);
    const int reps = std::max(1, std::stoi(argv[2]));
    pressclip::SearchOptions options;
    options.query = argv[3];
    pressclip::SearchResults results = searcher.search(options);
    std::vector<double> milliseconds;
    for (int i = 0; i < reps; ++i) {
      const auto start = std::chrono::steady_clock::now();
      results = searcher.search(options);
      milliseconds.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
    std::sort(milliseconds.begin(), milliseconds.end());
    std::cout << nlohmann::json{{"p50_ms", percentile(milliseconds, 0.50)},
                                {"p99_ms", percentile(milliseconds, 0.99)},
                                {"hits", results.hits.size()},
                                {"matching_articles", results.matching_articles}}
                     .dump()
              << '\n';
    return 0;
  } catch (const pressclip::Error& error) {
    std::cerr << "pressclip_query_bench: " << error.what() << '\n';
    return 2;
  }
}
