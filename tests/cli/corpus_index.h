// The sample corpus (corpus/) indexed once per test process, and searches against that index.
#pragma once

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace pressclip::test {

/// A set of corpus article numbers, the first three characters of their file names.
using Articles = std::set<std::string>;

/// The output of one `pressclip search --json` run.
struct Search {
  RunResult run;
  std::vector<nlohmann::json> hits;  ///< One parsed JSON object per line of standard output.
};

/// The directory of an index of corpus/, built on first use in a temporary directory that
/// lives until the process ends. Throws std::runtime_error if indexing fails.
const std::string& corpus_database();

/// Runs `pressclip search --db <corpus index> --json ARGS...`.
Search search_corpus(const std::vector<std::string>& args);

/// Runs a search for `query` (given after "--", so a leading '-' is not an option), asking for
/// up to 100 passages, one per article.
Search search_query(const std::string& query);

/// The article numbers ("000".."004") of the hits' article.path.
Articles article_numbers(const std::vector<nlohmann::json>& hits);

/// The path of corpus article `number` ("000".."004").
std::string corpus_article_path(const std::string& number);

}  // namespace pressclip::test
