// raw_query: query latency of raw Xapian plus one snippet per hit, the floor of a search tool.
//
// Usage: raw_xapian_query DB REPS QUERY
//   REPS > 0  runs the query once to warm up, then REPS times in this process, and prints
//             one JSON object {"p50_ms":..,"p99_ms":..,"hits":N} (nearest-rank percentiles).
//   REPS = 0  runs it once and prints the hits as text, so that the whole process (start,
//             open, search, snippets, output) can be timed from outside.
//
// One query is what any Xapian-based tool must do at least: parse the query (English
// stemming, STEM_SOME, default operator AND, default flags plus wildcards), take the top 10,
// and for each hit read its article file (path in the document data, as raw_index stores
// it), drop the front matter and let MSet::snippet pick about 200 bytes around the matches.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "article_text.h"

namespace {

constexpr Xapian::doccount kTopK = 10;
constexpr std::size_t kSnippetBytes = 200;

struct Hit {
  std::string path;
  std::string snippet;
};

// Runs `query_string` once against `db`: parse, match, snippets.
std::vector<Hit> run_query(const Xapian::Database& db, Xapian::QueryParser& parser,
                           const Xapian::Stem& stemmer, const std::string& query_string) {
  const Xapian::Query query = parser.parse_query(
      query_string, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, kTopK);

  std::vector<Hit> hits;
  hits.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit{it.get_document().get_data(), {}};
    const std::string content = raw_xapian::read_file(hit.path);
    const std::string body(raw_xapian::strip_front_matter(content));
    hit.snippet = mset.snippet(
        body, kSnippetBytes, stemmer,
        Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE, "[", "]", "...");
    hits.push_back(std::move(hit));
  }
  return hits;
}

// The nearest-rank percentile `p` (0 < p <= 1) of `sorted` (ascending, not empty).
double percentile(const std::vector<double>& sorted, double p) {
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: " << argv[0] << " DB REPS QUERY\n";
    return 2;
  }
  char* end = nullptr;
  const long reps = std::strtol(argv[2], &end, 10);
  if (*argv[2] == '\0' || *end != '\0' || reps < 0) {
    std::cerr << argv[0] << ": REPS must be a whole number >= 0, not '" << argv[2] << "'\n";
    return 2;
  }
  const std::string query_string = argv[3];
  try {
    const Xapian::Database db(argv[1]);
    const Xapian::Stem stemmer("english");
    Xapian::QueryParser parser;
    parser.set_database(db);  // needed to expand wildcards
    parser.set_stemmer(stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);

    if (reps == 0) {
      for (const Hit& hit : run_query(db, parser, stemmer, query_string)) {
        std::cout << hit.path << '\n' << "  " << hit.snippet << '\n';
      }
      return 0;
    }

    // The warm-up run loads the database blocks and the article files into the OS cache,
    // and gives the hit count (every run returns the same hits).
    const std::size_t hit_count = run_query(db, parser, stemmer, query_string).size();
    std::vector<double> times_ms;
    times_ms.reserve(static_cast<std::size_t>(reps));
    for (long i = 0; i < reps; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const std::vector<Hit> hits = run_query(db, parser, stemmer, query_string);
      const auto stop = std::chrono::steady_clock::now();
      times_ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    }
    std::sort(times_ms.begin(), times_ms.end());
    std::printf("{\"p50_ms\": %.3f, \"p99_ms\": %.3f, \"hits\": %zu}\n", percentile(times_ms, 0.50),
                percentile(times_ms, 0.99), hit_count);
    return 0;
  } catch (const Xapian::QueryParserError& error) {
    std::cerr << argv[0] << ": bad query: " << error.get_msg() << '\n';
  } catch (const Xapian::Error& error) {
    std::cerr << argv[0] << ": " << error.get_description() << '\n';
  } catch (const std::exception& error) {
    std::cerr << argv[0] << ": " << error.what() << '\n';
  }
  return 1;
}
